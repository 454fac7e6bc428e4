"""Callbacks of the events page: the viewer's time zone (from the browser), the month shown,
and the list, calendar and map for the chosen filters."""

from __future__ import annotations

import datetime as dt

from dash import ClientsideFunction, Input, Output, State, ctx
from dash.exceptions import PreventUpdate
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _

from components import ids as shell_ids
from dashboard.events import ids
from dashboard.events.views import event_list, events_map, month_grid, zone_name
from data import i18n
from data.db import current_db
from data.events.model import (
    EventFilters,
    filter_query,
    parse_filters,
    published_events,
    split_by_time,
)

PAST_SHOWN = 100


def _month(value: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(f"{value}-01")
    except (TypeError, ValueError):
        return dt.datetime.now(dt.UTC).date().replace(day=1)


def shift_month(_prev, _next, month: str | None) -> str:
    """The calendar's month, one back or forward."""
    first = _month(month)
    if ctx.triggered_id == ids.PREV:
        first = (first - dt.timedelta(days=1)).replace(day=1)
    elif ctx.triggered_id == ids.NEXT:
        first = (first + dt.timedelta(days=32)).replace(day=1)
    return first.strftime("%Y-%m")


def show_events(language, region, event_format, start, end, zone, month, lang):
    """The list (upcoming first, then past), the month grid, the map, the feed's link and the
    time zone's note, by output name."""
    if zone is None:
        raise PreventUpdate  # the browser's zone comes first (a clientside callback)
    lang = i18n.normalize(lang)
    filters = parse_filters(
        {"language": language, "region": region, "format": event_format, "from": start, "to": end}
    )
    db = current_db()
    with db.session(readonly=True) as session:
        events = published_events(session, filters)
    now = dt.datetime.now(dt.UTC)
    upcoming, past = split_by_time(events, now)
    # Formatting costs ~1 ms an event: the list stops at PAST_SHOWN past events (the calendar
    # and the map count them all); narrower dates reach older ones.
    past_total = len(past)
    hidden = max(0, past_total - PAST_SHOWN)
    past = past[:PAST_SHOWN]
    with force_locale(lang):
        figure, summary = events_map(events, i18n.is_rtl(lang))
        note = _("Times are shown in your time zone, %(zone)s.", zone=zone_name(zone))
        more = None
        if hidden:
            more = ngettext(
                "%(num)d older event is not listed: choose dates to see it.",
                "%(num)d older events are not listed: choose dates to see them.",
                hidden,
            )
        listing = event_list(upcoming, past, zone, lang, past_total, more)
        return {
            "listing": listing,
            "calendar": month_grid(events, _month(month), zone, lang),
            "map": figure,
            "map_summary": summary,
            "feed": feed_link(filters, lang),
            "zone_note": note,
        }


def feed_link(filters: EventFilters, lang: str) -> str:
    query = filter_query(filters)
    return f"/events.ics?{query}&lang={lang}" if query else f"/events.ics?lang={lang}"


def register(app) -> None:
    # The viewer's IANA zone; UTC when the browser does not say.
    app.clientside_callback(
        ClientsideFunction("events", "zone"),
        Output(ids.ZONE, "data"),
        Input(ids.ZONE, "id"),
    )
    # List or calendar (phones and tablets; wide screens show both side by side).
    app.clientside_callback(
        ClientsideFunction("events", "view"),
        Output(ids.VIEWS, "className"),
        Input(ids.VIEW, "value"),
    )
    # The filters start folded on phones, open on wide screens.
    app.clientside_callback(
        ClientsideFunction("events", "filtersOpen"),
        Output(ids.FILTERS, "open"),
        Input(ids.FILTERS, "id"),
    )
    # A link to "#events-past" (the dashboard's count of unreported events) unfolds them.
    app.clientside_callback(
        ClientsideFunction("events", "openPast"),
        Output(ids.LIST, "title"),
        Input(ids.LIST, "children"),
        prevent_initial_call=True,
    )
    app.callback(
        Output(ids.MONTH, "data"),
        Input(ids.PREV, "n_clicks"),
        Input(ids.NEXT, "n_clicks"),
        State(ids.MONTH, "data"),
        prevent_initial_call=True,
    )(shift_month)
    app.callback(
        output={
            "listing": Output(ids.LIST, "children"),
            "calendar": Output(ids.CALENDAR, "children"),
            "map": Output(ids.MAP, "figure"),
            "map_summary": Output(ids.MAP_SUMMARY, "children"),
            "feed": Output(ids.FEED, "href"),
            "zone_note": Output(ids.ZONE_NOTE, "children"),
        },
        inputs={
            "language": Input(ids.LANGUAGE, "value"),
            "region": Input(ids.REGION, "value"),
            "event_format": Input(ids.FORMAT, "value"),
            "start": Input(ids.FROM, "value"),
            "end": Input(ids.TO, "value"),
            "zone": Input(ids.ZONE, "data"),
            "month": Input(ids.MONTH, "data"),
            "lang": State(shell_ids.LANG, "data"),
        },
    )(show_events)
