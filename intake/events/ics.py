"""iCalendar feeds of published events: ``/events.ics`` (the events page's filters as query
parameters) and ``/events/<id>.ics``, so that people add events to their own calendars.

Times are written in UTC (``…Z``): every calendar shows them in its own zone, with no VTIMEZONE
blocks to get wrong. The organizer's contact is never written. Every text goes through
icalendar's ``vText`` (X- properties too, which icalendar would otherwise write raw), so that
no comma, semicolon or line break typed by an organizer cuts a property or breaks the feed.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from flask import Blueprint, Response, abort, request
from flask_babel import force_locale
from flask_babel import gettext as _

from components import http_errors as api_errors
from components import links
from data import i18n
from data.cache import memoized
from data.db import current_db
from data.events.model import (
    PublicEvent,
    filter_query,
    location,
    parse_filters,
    published_event,
    published_events,
)
from intake.events.schema import web_address

blueprint = Blueprint("events_ics", __name__)
api_errors.answer_unavailable(blueprint)
PRODID = "-//Movement Priorities//Events//EN"


def uid(event_id: int) -> str:
    # Stable across feeds and edits, unique to this site (its PUBLIC_URL, never the request's
    # Host header): calendars update, never duplicate.
    return f"event-{event_id}@{urlsplit(links.public_url()).hostname}"


def page_url(lang: str, event_id: int) -> str:
    """The event's own page (dashboard/events/event_page.py)."""
    return links.public_url(f"/{lang}/events/{event_id}")


def _description(event: PublicEvent) -> str:
    lines = []
    if event.join_url:
        lines.append(_("How to join") + f": {event.join_url}")
    if event.languages:
        lines.append(_("Languages") + f": {', '.join(i18n.language(c) for c in event.languages)}")
    if event.audience:
        lines.append(_("Who it is for") + f": {event.audience}")
    if event.accessibility:
        lines.append(_("Accessibility notes") + f": {event.accessibility}")
    return "\n".join(lines)


def vevent(event: PublicEvent, lang: str, now: dt.datetime) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", uid(event.id))
    item.add("dtstamp", now)
    item.add("last-modified", event.updated_at)
    item.add("dtstart", event.start_utc)
    item.add("dtend", event.end_utc)
    item.add("summary", icalendar.vText(event.name))
    # A link stored before the rules of web_address (a CR/LF in it) falls back to the page.
    item.add("url", web_address(event.join_url) or page_url(lang, event.id))
    # Venue, address and country: RFC 5545 TEXT, which vText escapes (backslash, comma,
    # semicolon, line break).
    place = location(event) or i18n.event_format(event.format)
    item.add("location", icalendar.vText(place))
    item.add("categories", [i18n.event_format(event.format)])
    description = _description(event)
    if description:
        item.add("description", icalendar.vText(description))
    return item


def calendar(events: list[PublicEvent], lang: str, name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", icalendar.vText(name))
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for event in events:
        cal.add_component(vevent(event, lang, now))
    return cal.to_ical()


def _response(body: bytes, filename: str) -> Response:
    response = Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )
    # Shared caches may keep it a minute, once per language: without ?lang= the texts follow
    # Accept-Language, so a cache must not hand one language's copy to everyone.
    response.cache_control.public = True
    response.cache_control.max_age = 60
    response.vary.add("Accept-Language")
    return response


def _lang() -> str:
    return i18n.normalize(request.args.get("lang") or i18n.negotiate())


@blueprint.get("/events.ics")
def feed():
    lang = _lang()
    filters = parse_filters(request.args)

    def build(session) -> bytes:
        with force_locale(lang):
            return calendar(
                published_events(session, filters), lang, _("Movement Priorities events")
            )

    # Building a VEVENT costs ~2 ms (icalendar): once per data version, language, filters.
    key = f"events-ics:{lang}:{filter_query(filters)}"
    _version, body = memoized(current_db(), key, build)
    return _response(body, "events.ics")


@blueprint.get("/events/<int:event_id>.ics")
def one(event_id: int):
    lang = _lang()
    db = current_db()
    with db.session(readonly=True) as session:
        event = published_event(session, event_id)
    if event is None:
        abort(404)
    with force_locale(lang):
        body = calendar([event], lang, event.name)
    return _response(body, f"event-{event_id}.ics")
