"""One published event's page (``/<lang>/events/<id>``): its name, when (in the viewer's zone,
from the browser), format, languages, where (venue and address, or how to join), and for an
upcoming event its .ics file and web-calendar links. The organizer's contact is never shown
(``PublicEvent`` does not carry it). An unknown or unpublished number is a 404.

Absolute links (the event's page in calendar entries) are built on PUBLIC_URL
(components.links), never on the request's Host."""

from __future__ import annotations

import datetime as dt
import re

import dash
import dash_bootstrap_components as dbc
from dash import ClientsideFunction, Input, Output, State, dcc, html
from flask import request
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components import links, shell
from dashboard.events import ids
from dashboard.events.calendar_links import google_url, outlook_url
from dashboard.events.views import commas, event_path, span, zone_name
from data import i18n
from data.db import UNAVAILABLE, current_db
from data.events.model import PublicEvent, published_event
from data.events.write import MAX_ID

MODULE = "dashboard.events.event"
LIST_MODULE = "dashboard.events"  # the navigation shows "Events" as the current page
PATH = re.compile(r"^/[^/]+/events/([^/]+)/?$")
OTHER_PAGES = ("new", "review")  # /<lang>/events/new and /review are pages of their own


def _number(event_id: object) -> int | None:
    text = str(event_id or "")
    if text.isascii() and text.isdigit() and int(text) <= MAX_ID:
        return int(text)
    return None


def find(event_id: object) -> PublicEvent | None:
    """The published event behind the number in the path, or None."""
    number = _number(event_id)
    if number is None:
        return None
    with current_db().session(readonly=True) as session:
        return published_event(session, number)


def title(lang: str = i18n.DEFAULT, event_id: str | None = None, **_kwargs) -> str:
    lang = i18n.normalize(lang)
    with force_locale(lang):
        try:
            event = find(event_id)
        except UNAVAILABLE:
            event = None
        name = event.name if event else _("Events")
        return name + " · " + _("Movement Priorities")


def _fact(label: str, *value) -> list:
    return [html.Dt(label, className="col-sm-3"), html.Dd(list(value), className="col-sm-9")]


def _text(value: str) -> html.Span:
    return html.Span(value, dir="auto")


def _where(event: PublicEvent, past: bool) -> list:
    facts = []
    if event.venue or event.address:
        # Organizers' text: isolated (dir="auto") inline, aligned with the page's direction.
        place = [html.Div(_text(event.venue), className="fw-semibold")] if event.venue else []
        if event.address:
            place.append(html.Div(_text(event.address), className="event-address"))
        if event.country:
            place.append(html.Div(i18n.country(event.country)))
        facts += _fact(_("Venue"), *place)
    elif event.country:
        facts += _fact(_("Country"), i18n.country(event.country))
    elif event.region and event.region != "GLOBAL":
        facts += _fact(_("Region"), i18n.region(event.region))
    if event.join_url and not past:
        facts += _fact(
            _("How to join"),
            html.A(
                event.join_url,
                href=event.join_url,
                target="_blank",
                rel="noopener noreferrer",
                className="text-break",
                id="event-page-join",
            ),
        )
    return facts


def _calendar_links(event: PublicEvent, lang: str) -> html.Div:
    page = links.public_url(event_path(lang, event.id))
    external = {"target": "_blank", "rel": "noopener noreferrer"}
    return html.Div(
        [
            dbc.Button(
                [
                    html.I(className="bi bi-calendar-plus me-1", **{"aria-hidden": "true"}),
                    _("Add to calendar"),
                ],
                href=f"/events/{event.id}.ics?lang={lang}",
                external_link=True,
                color="primary",
                id="event-page-ics",
            ),
            html.A(
                _("Google Calendar"),
                href=google_url(event, page),
                id="event-page-google",
                className="btn btn-outline-secondary",
                **external,
            ),
            html.A(
                _("Outlook.com"),
                href=outlook_url(event, page),
                id="event-page-outlook",
                className="btn btn-outline-secondary",
                **external,
            ),
        ],
        className="d-flex flex-wrap gap-2 my-3",
        id="event-page-calendars",
    )


def _after(event: PublicEvent, lang: str):
    """A past event: its results, or the way to report them."""
    if event.reported:
        return dbc.Badge(_("Results reported"), color="success")
    return dbc.Button(
        _("Report the results"),
        href=f"/{lang}/report?event={event.id}",
        external_link=True,
        color="primary",
        id="event-page-report",
    )


def event_content(event: PublicEvent, lang: str, now: dt.datetime | None = None) -> html.Div:
    """The page of ``event``; the time shown at first is the event's own zone's, until the
    browser tells the viewer's (``show_when``)."""
    now = now or dt.datetime.now(dt.UTC)
    past = event.is_past(now)
    facts = [
        *_fact(
            _("When"),
            html.Div(
                span(event.start_utc, event.end_utc, event.timezone, lang) + f" ({event.timezone})",
                id=ids.EVENT_WHEN,
            ),
        ),
        *_fact(_("Format"), i18n.event_format(event.format)),
    ]
    if event.languages:
        facts += _fact(_("Languages"), commas([i18n.language(c) for c in event.languages], lang))
    facts += _where(event, past)
    if event.audience:
        facts += _fact(_("Who it is for"), _text(event.audience))
    if event.accessibility:
        facts += _fact(_("Accessibility notes"), _text(event.accessibility))
    times = {
        "start": event.start_utc.isoformat(),
        "end": event.end_utc.isoformat(),
        "zone": event.timezone,
    }
    return html.Div(
        [
            dcc.Store(id=ids.EVENT_ZONE),
            dcc.Store(id=ids.EVENT_TIMES, data=times),
            html.A(
                [
                    html.I(className="bi bi-chevron-left me-1", **{"aria-hidden": "true"}),
                    _("All events"),
                ],
                href=f"/{lang}/events",
                className="d-inline-block mb-2",
            ),
            html.H1(_text(event.name), className="h3", id="event-page-name"),
            dbc.Badge(_("This event is over"), color="secondary", className="mb-2")
            if past
            else None,
            html.Dl(facts, className="row event-facts"),
            _after(event, lang) if past else _calendar_links(event, lang),
        ],
        id="event-page",
        className="event-page",
    )


def missing(lang: str) -> html.Div:
    return html.Div(
        [
            html.H1(_("No published event has this number"), className="h3"),
            html.A(_("All events"), href=f"/{lang}/events"),
            # The event page's stores, so that its callback has its inputs on this page too.
            dcc.Store(id=ids.EVENT_ZONE),
            dcc.Store(id=ids.EVENT_TIMES),
            html.Div(id=ids.EVENT_WHEN, hidden=True),
        ],
        id="event-page-missing",
    )


def layout(lang: str | None = None, event_id: str | None = None, **_kwargs):
    if lang is None:  # Dash's bare call (callback validation): no database
        return missing(i18n.DEFAULT)
    lang = i18n.normalize(lang)
    with force_locale(lang):
        try:
            event = find(event_id)
        except UNAVAILABLE:
            body = html.P(
                _("The database is unavailable; try again in a few minutes."), role="alert"
            )
            return shell.page(lang, LIST_MODULE, f"events/{event_id}", body)
        body = event_content(event, lang) if event else missing(lang)
        return shell.page(lang, LIST_MODULE, f"events/{event_id}", body)


def show_when(zone, times, lang):
    """The event's times in the viewer's zone, then its own zone's when that differs."""
    if not zone or not times:
        return dash.no_update
    lang = i18n.normalize(lang)
    start = dt.datetime.fromisoformat(times["start"])
    end = dt.datetime.fromisoformat(times["end"])
    with force_locale(lang):
        yours = span(start, end, zone, lang)
        lines = [
            html.Div(yours),
            html.Div(
                _("Times are shown in your time zone, %(zone)s.", zone=zone_name(zone)),
                className="small text-body-secondary",
            ),
        ]
        if zone_name(zone) != times["zone"]:
            there = span(start, end, times["zone"], lang)
            lines.append(
                html.Div(
                    _("At the event: %(when)s (%(zone)s)", when=there, zone=times["zone"]),
                    className="small text-body-secondary",
                )
            )
        return lines


def not_found_status(response):
    """A real 404 for an unknown or unpublished event's page (Dash answers 200 for every
    page)."""
    match = PATH.match(request.path)
    if not match or match.group(1) in OTHER_PAGES or response.mimetype != "text/html":
        return response
    if response.status_code == 200:
        try:
            if find(match.group(1)) is None:
                response.status_code = 404
        except UNAVAILABLE:
            pass  # the page itself says so
    return response


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        # After /<lang>/events/new, /edit/<token> and /review (lower orders), whose paths this
        # template would match too; before the dashboard's "/<lang>", which matches any.
        path_template="/<lang>/events/<event_id>",
        layout=layout,
        title=title,
        order=5,
    )
    app.clientside_callback(
        ClientsideFunction("events", "zone"),
        Output(ids.EVENT_ZONE, "data"),
        Input(ids.EVENT_ZONE, "id"),
    )
    app.callback(
        Output(ids.EVENT_WHEN, "children"),
        Input(ids.EVENT_ZONE, "data"),
        State(ids.EVENT_TIMES, "data"),
        State(shell_ids.LANG, "data"),
        prevent_initial_call=True,
    )(show_when)
    app.server.after_request(not_found_status)
