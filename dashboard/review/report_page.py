"""A report's own review page (``/<lang>/review/<id>``): decide at the top (publish, reject,
each also "and next"), its possible duplicate side by side with a one-click "Duplicate of #N",
then every field, then marking a duplicate by number and the corrections. Its own address works
on a phone, can be shared, and opens where the reviewer is (the queue's rows link here).

The layout holds no data: callbacks (``report_callbacks``) fill it, each checking the role.
Registered after ``review/audit`` and ``review/contributions``, whose paths its template would
also match."""

from __future__ import annotations

import dash
from dash import dcc, html
from flask_babel import force_locale
from flask_babel import gettext as _

from dashboard.auth.guards import allowed
from dashboard.auth.pages import register_support_page, support_page, support_title
from dashboard.review import ids, report_callbacks
from dashboard.review.decision_panel import correct_panel, decide_bar
from dashboard.review.report_view import done_message, export_links, report_number
from data import i18n
from data.support.accounts import Role

MODULE = "dashboard.review_report"
PATH = "review/<report>"
QUEUE_MODULE = "dashboard.review"  # the navigation marks "Review" as the current page


def report_content(lang: str = i18n.DEFAULT, number: int | None = None, done=(), bare=False):
    title = _("Report %(id)d", id=number) if number else _("No report with this number.")
    return html.Div(
        [
            dcc.Store(id=ids.REVIEW_SELECTED, data=number),
            dcc.Store(id=ids.REVIEW_REFRESH, data=0),
            dcc.Location(id=ids.REVIEW_GO, refresh="callback-nav"),
            html.Div(
                [
                    dcc.Link(_("Review queue"), href=f"/{lang}/review", id=ids.REVIEW_BACK),
                    export_links(lang),
                ],
                className="d-flex flex-wrap justify-content-between align-items-baseline gap-2",
            ),
            html.H1(title, className="h3 mb-1", id=ids.REVIEW_TITLE),
            html.Div(id=ids.REVIEW_STATUS_LINE),
            html.Div(list(done), id=ids.REVIEW_FEEDBACK, role="status", **{"aria-live": "polite"}),
            decide_bar(),
            html.Div(id=ids.REVIEW_CANDIDATE),
            html.Div(id=ids.REVIEW_DETAIL),
            correct_panel(bare),
        ],
        className="review-report",
    )


def layout(lang: str | None = None, report=None, **query):
    """The page behind the support pages' guard (``dashboard.auth.pages.support_page``: the
    login redirect, back to this very report, or the refusal without the role; no data read
    then). Bare (Dash's validation call): the component tree only."""
    if lang is None:
        return report_content(bare=True)
    lang, number = i18n.normalize(lang), report_number(report)
    # The concrete address, for the language switcher and the login's way back.
    path = f"review/{number}" if number else "review"
    with force_locale(lang):
        if not allowed(Role.REVIEWER):
            return support_page(lang, QUEUE_MODULE, path, Role.REVIEWER)
        shown = report_content(lang, number, done_message(query))
        return support_page(lang, QUEUE_MODULE, path, Role.REVIEWER, shown)


def title(lang: str = i18n.DEFAULT, report=None, **_kwargs) -> str:
    number = report_number(report)
    heading = support_title(lambda: _("Report %(id)d", id=number) if number else _("Review"))
    return heading(lang)


def register(app: dash.Dash) -> None:
    # After the audit log and the contributions' review (order 10), before the dashboard.
    register_support_page(MODULE, PATH, layout, title, order=11)
    report_callbacks.register(app)
