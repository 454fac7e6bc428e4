"""On the dashboard: how many announced (published) events are over and have not reported
their results yet, with a link to the events page. Refreshed when the data version moves."""

from __future__ import annotations

from dash import Input, Output, State, html
from flask_babel import force_locale, ngettext

from components import ids as shell_ids
from components.dashboard_ids import VERSION
from dashboard.events import ids
from data import i18n
from data.db import current_db
from data.events.model import waiting_for_report


def note() -> html.Span:
    """The dashboard's place for the count (filled by the callback)."""
    return html.Span(id=ids.WAITING, className="ms-3")


def show_waiting(_version, lang):
    lang = i18n.normalize(lang)
    with current_db().session(readonly=True) as session:
        count = waiting_for_report(session)
    if not count:
        return None
    with force_locale(lang):
        text = ngettext(
            "%(num)d announced event has not reported its results yet",
            "%(num)d announced events have not reported their results yet",
            count,
        )
    return html.A(text, href=f"/{lang}/events#events-past", id="dash-events-waiting-link")


def register(app) -> None:
    app.callback(
        Output(ids.WAITING, "children"),
        Input(VERSION, "data"),
        State(shell_ids.LANG, "data"),
    )(show_waiting)
