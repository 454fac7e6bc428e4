"""Links that put one event into a web calendar (Google Calendar, Outlook.com), and the text of
its place. Pure: the links are addresses the viewer follows; the page loads nothing from those
hosts. Times are written in UTC (``Z``), as in the .ics files, so each calendar shows its own
zone."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from flask_babel import gettext as _

from data.events.model import PublicEvent, location

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.live.com/calendar/0/deeplink/compose"


def details(event: PublicEvent, page_url: str) -> str:
    """The calendar entry's description: how to join (if online) and the event's page."""
    lines = []
    if event.join_url:
        lines.append(_("How to join") + f": {event.join_url}")
    lines.append(_("About this event") + f": {page_url}")
    return "\n".join(lines)


def _utc(instant: dt.datetime, pattern: str) -> str:
    return instant.astimezone(dt.UTC).strftime(pattern)


def google_url(event: PublicEvent, page_url: str) -> str:
    """Google Calendar's "add an event" template."""
    stamp = "%Y%m%dT%H%M%SZ"
    query = {
        "action": "TEMPLATE",
        "text": event.name,
        "dates": f"{_utc(event.start_utc, stamp)}/{_utc(event.end_utc, stamp)}",
        "details": details(event, page_url),
        "location": location(event),
    }
    return f"{GOOGLE}?{urlencode(query)}"


def outlook_url(event: PublicEvent, page_url: str) -> str:
    """Outlook.com's compose deeplink (personal accounts)."""
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.name,
        "startdt": _utc(event.start_utc, stamp),
        "enddt": _utc(event.end_utc, stamp),
        "body": details(event, page_url),
        "location": location(event),
    }
    return f"{OUTLOOK}?{urlencode(query)}"
