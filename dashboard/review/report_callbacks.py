"""A report's review page's callbacks: show the report (its status, its possible duplicate side
by side, every field, the correction form filled in) and decide, "and next" included. Each
refuses without the role (``PreventUpdate``: nothing read, nothing changed)."""

from __future__ import annotations

from dash import ALL, Input, Output, State, ctx, no_update
from dash.exceptions import PreventUpdate
from flask_babel import force_locale

from components import ids as shell_ids
from components.review_queue import clicked, refusing
from components.wiring import each
from dashboard.auth.guards import signed_in
from dashboard.review import ids
from dashboard.review.actions import FIX_FIELDS
from dashboard.review.callbacks import decided
from dashboard.review.report_view import compare_view, status_line
from dashboard.review.views import detail_view, report_path
from data import i18n
from data.db import current_db
from data.initiative_list.retired import retired_of
from data.reference import reference
from data.reports.duplicates import candidate_of
from data.support.review import report_detail
from data.support.review_queue import next_pending

FIX = {"type": ids.REVIEW_FIX, "name": ALL}
SAME = {"type": ids.REVIEW_SAME_AS, "id": ALL}
BUTTONS = (
    ids.REVIEW_PUBLISH,
    ids.REVIEW_PUBLISH_NEXT,
    ids.REVIEW_REJECT,
    ids.REVIEW_REJECT_NEXT,
    ids.REVIEW_DUPLICATE,
    ids.REVIEW_CORRECT,
)
# After a decision with one of these, the next pending report opens, its message in the URL.
NEXT = {ids.REVIEW_PUBLISH_NEXT: "published", ids.REVIEW_REJECT_NEXT: "rejected"}


def read(report_id: int) -> tuple[dict | None, dict | None]:
    """The report (every field, its retired choices) and its possible duplicate's."""
    with current_db().session(readonly=True) as session:
        found = report_detail(session, report_id)
        if found is None:
            return None, None
        found["retired"] = retired_of(session, report_id)
        earlier = candidate_of(session, report_id)
        other = report_detail(session, earlier.id) if earlier else None
    return found, other


@refusing(signed_in)
def show_report(selected, _refresh, lang, fix_ids: list[dict]):
    """The status line, the possible duplicate, every field as text; the controls shown (twice:
    the decisions above, corrections below) and the correction inputs filled in."""
    lang = i18n.normalize(lang)
    blank = [no_update] * len(fix_ids)
    if not selected:
        return None, None, None, True, True, blank
    found, other = read(int(selected))
    with force_locale(lang):
        if found is None:
            return None, None, None, True, True, blank
        values = {name: found[name] for name in FIX_FIELDS}
        values.update({f"group_{g}": found["groups"].get(g) for g in reference().groups})
        compared = compare_view(found, other, lang) if other is not None else None
        return (
            status_line(found),
            compared,
            detail_view(found),
            False,
            False,
            [values.get(i["name"]) for i in fix_ids],
        )


@refusing(signed_in)
def decide(*args):
    """Run the decision clicked; with "… and next", open the next pending report of the
    queue (the queue itself when none is left)."""
    *_clicks, _same, selected, reason, duplicate_of, fix_values, fix_ids, refresh, lang = args
    action = ctx.triggered_id
    if isinstance(action, dict):  # "Duplicate of #N" beside the side-by-side view
        action, duplicate_of = ids.REVIEW_DUPLICATE, clicked(action, ctx.triggered)["id"]
    if not isinstance(action, str):
        raise PreventUpdate
    fixes = {i["name"]: v for i, v in zip(fix_ids, fix_values, strict=True)}
    message, counter = decided(action, selected, reason, duplicate_of, fixes, [], refresh, lang)
    if action not in NEXT or counter == refresh:  # refused: stay on this report
        return message, counter, no_update
    lang = i18n.normalize(lang)
    with current_db().session(readonly=True) as session:
        following = next_pending(session, int(selected))
    done = f"?{NEXT[action]}={int(selected)}"
    if following is None:
        return message, counter, f"/{lang}/review{done}"
    return message, counter, report_path(lang, following) + done


def register(app) -> None:
    app.callback(
        [
            Output(ids.REVIEW_STATUS_LINE, "children"),
            Output(ids.REVIEW_CANDIDATE, "children"),
            Output(ids.REVIEW_DETAIL, "children"),
            Output(ids.REVIEW_ACTIONS, "hidden"),
            Output(ids.REVIEW_CORRECT_PANEL, "hidden"),
        ],
        Output(FIX, "value"),
        each(Input, "data", ids.REVIEW_SELECTED, ids.REVIEW_REFRESH),
        [State(shell_ids.LANG, "data"), State(FIX, "id")],
    )(show_report)
    # Decide and next: every decision bumps the refresh counter, which redraws the report;
    # "… and next" also opens the next pending report.
    app.callback(
        [
            Output(ids.REVIEW_FEEDBACK, "children"),
            Output(ids.REVIEW_REFRESH, "data"),
            Output(ids.REVIEW_GO, "href"),
        ],
        each(Input, "n_clicks", *BUTTONS, SAME),
        State(ids.REVIEW_SELECTED, "data"),
        each(State, "value", ids.REVIEW_REASON, ids.REVIEW_DUPLICATE_OF, FIX),
        [State(FIX, "id"), State(ids.REVIEW_REFRESH, "data"), State(shell_ids.LANG, "data")],
        prevent_initial_call=True,
    )(decide)
