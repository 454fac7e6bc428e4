"""The review queue's and the audit log's callbacks (a report's own page has its own, in
``report_callbacks``): thin wrappers around ``data.support``; each refuses without the role.

A refused callback raises ``PreventUpdate``: nothing is read, nothing changes.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx
from dash.exceptions import PreventUpdate
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components.review_queue import next_step, refusing, turned_to
from components.wiring import each
from dashboard.auth.guards import account, allowed, signed_in
from dashboard.review import ids
from dashboard.review.actions import Incomplete, perform
from dashboard.review.audit_view import audit_table
from dashboard.review.views import queue_page
from data import i18n
from data.db import current_db
from data.initiative_list.retired import touched_reports, with_retired
from data.support.accounts import Role
from data.support.audit import audit_entries
from data.support.review import ReviewError
from data.support.review_queue import PAGE_SIZE, page_bounds, queue, queue_count, search_for
from data.support.settings import AUTO_PUBLISH, set_setting

LANG = State(shell_ids.LANG, "data")


@refusing(signed_in)
def render_queue(
    status, region, duplicates_only, _refresh, lang, list_change=False, search=None, page=0
):
    """One page of the queue; ``list_change``: only the reports the initiative list change
    touched (those holding a retired choice are flagged); ``search``: the search box's text,
    its country names read in the viewer's language."""
    within = touched_reports() if list_change else None
    with force_locale(i18n.normalize(lang)):
        found = search_for(search)
        filters = (status or None, region or None, bool(duplicates_only), within)
        with current_db().session(readonly=True) as session:
            total = queue_count(session, *filters, search=found)
            _page, offset = page_bounds(page, total)
            rows = queue(session, *filters[:3], within=within, search=found, offset=offset)
            flagged = with_retired(session, [r.id for r in rows])
        return queue_page(rows, flagged, offset, total, PAGE_SIZE, i18n.normalize(lang))


@refusing(signed_in)
def turn_page(_turns, *_filters):
    """The page to show: the one a Previous or Next button opens, or the first after the
    filters or the search changed."""
    if isinstance(ctx.triggered_id, dict):
        return turned_to(ctx.triggered_id, ctx.triggered)
    return 0


@refusing(signed_in)
def bulk_publish(_clicks, picks, refresh, lang):
    """Publish the reports ticked in the queue."""
    picked = sorted({int(v) for values in picks for v in (values or [])})
    return decided(ids.REVIEW_BULK, None, None, None, {}, picked, refresh, lang)


def decided(action, selected, reason, duplicate_of, fixes, picked, refresh, lang) -> tuple:
    """Run ``action``: its message (a refusal or an error in red) and the bumped refresh
    counter, which redraws the queue or the report (decide and next)."""
    with force_locale(i18n.normalize(lang)):
        try:
            message = perform(action, selected, reason, duplicate_of, fixes, picked)
        except Incomplete as missing:
            message = str(missing)
        except (ReviewError, ValueError) as error:
            message = _("The change was not saved: %(error)s", error=str(error))
        else:
            return next_step(message, "success", ids.REVIEW_ALERT, refresh, dismissable=True)
        # Nothing changed: the message, and the queue or the report stays as it is.
        return dbc.Alert(message, color="danger", id=ids.REVIEW_ALERT, dismissable=True), refresh


def set_auto_publish(value, lang):
    with force_locale(i18n.normalize(lang)):
        if not allowed(Role.ADMIN):
            if not allowed(Role.REVIEWER):
                raise PreventUpdate
            return _("Only administrators may change this setting.")
        with current_db().session() as session:
            set_setting(session, AUTO_PUBLISH, "1" if value else "0", account())
        return (
            _("New reports are published on arrival.")
            if value
            else _("New reports wait for review.")
        )


@refusing(signed_in)
def render_audit(_mounted, lang):
    with current_db().session(readonly=True) as session:
        entries = audit_entries(session)
    with force_locale(i18n.normalize(lang)):
        return audit_table(entries)


def register(app) -> None:
    app.callback(
        Output(ids.REVIEW_QUEUE, "children"),
        each(Input, "value", ids.REVIEW_STATUS, ids.REVIEW_REGION, ids.REVIEW_DUPLICATES),
        Input(ids.REVIEW_REFRESH, "data"),
        LANG,
        Input(ids.REVIEW_LIST_CHANGE, "value"),  # the last three: callers may leave them out
        Input(ids.REVIEW_SEARCH, "value"),
        Input(ids.REVIEW_PAGE, "data"),
    )(render_queue)
    filters = (ids.REVIEW_STATUS, ids.REVIEW_REGION, ids.REVIEW_DUPLICATES, ids.REVIEW_LIST_CHANGE)
    app.callback(
        Output(ids.REVIEW_PAGE, "data"),
        Input({"type": ids.REVIEW_TURN, "to": ALL, "key": ALL}, "n_clicks"),
        each(Input, "value", *filters, ids.REVIEW_SEARCH),
        prevent_initial_call=True,
    )(turn_page)
    # The report page's decisions write the same two (report_callbacks).
    app.callback(
        [
            Output(ids.REVIEW_FEEDBACK, "children", allow_duplicate=True),
            Output(ids.REVIEW_REFRESH, "data", allow_duplicate=True),
        ],
        Input(ids.REVIEW_BULK, "n_clicks"),
        State({"type": ids.REVIEW_PICK, "id": ALL}, "value"),
        [State(ids.REVIEW_REFRESH, "data"), LANG],
        prevent_initial_call=True,
    )(bulk_publish)
    app.callback(
        Output(ids.REVIEW_AUTO_NOTE, "children"),
        Input(ids.REVIEW_AUTO, "value"),
        LANG,
        prevent_initial_call=True,
    )(set_auto_publish)
    app.callback(
        Output(ids.AUDIT_TABLE, "children"),
        Input(ids.AUDIT_TABLE, "id"),  # fires once when the page is shown
        LANG,
    )(render_audit)
