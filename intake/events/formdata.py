"""The announce form's flat fields ↔ the announcement's JSON, and validation with messages
in the current locale: beside each field of the form, or by JSON path for the API. Pure
functions, tested directly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _
from pydantic import ValidationError

from data.reference import Reference, reference
from intake.events.schema import MAX_DAYS, EventIn, in_zone
from intake.report.validation import message as report_message

FIELDS = (
    "name",
    "start",
    "end",
    "timezone",
    "languages",
    "country",
    "region",
    "format",
    "join_url",
    "venue",
    "address",
    "audience",
    "accessibility",
    "organizer_name",
    "organizer_email",
)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def to_payload(values: Mapping[str, Any], client_id: str) -> dict[str, Any]:
    return {
        "client_id": client_id,
        "name": _text(values.get("name")),
        "start": values.get("start") or None,
        "end": values.get("end") or None,
        "timezone": _text(values.get("timezone")),
        "languages": values.get("languages") or [],
        "country": values.get("country") or None,
        "region": values.get("region") or None,
        "format": values.get("format") or "",
        "join_url": _text(values.get("join_url")),
        "venue": _text(values.get("venue")),
        "address": _text(values.get("address")),
        "audience": _text(values.get("audience")),
        "accessibility": _text(values.get("accessibility")),
        "organizer": {
            "name": _text(values.get("organizer_name")),
            "email": _text(values.get("organizer_email")),
        },
    }


def field_of(error: Mapping[str, Any]) -> str:
    """The form field that shows ``error``."""
    ctx = error.get("ctx") or {}
    if ctx.get("field"):
        return ctx["field"]
    loc = [str(part) for part in error["loc"]]
    if not loc:
        return "name"
    if loc[0] == "organizer":
        return f"organizer_{loc[1]}" if len(loc) > 1 else "organizer_name"
    return loc[0]


def message(error: Mapping[str, Any]) -> str:
    """The message of an announcement's error; the report's wording for the shared rules."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind == "timezone":
        return _("Choose a time zone from the list.")
    if kind == "end_before_start":
        return _("The end must be after the start.")
    if kind == "too_long_event":
        return _("An event can last at most %(days)d days.", days=MAX_DAYS)
    if kind == "url":
        return _("Enter a web address, such as meet.example.org/abc.")
    if kind == "join_missing":
        return _("Give the link people use to join an online event.")
    if kind == "venue_online":
        return _(
            "An online event has no venue: leave venue and address empty, or choose "
            "in person or hybrid."
        )
    if kind == "place_missing":
        return _("Choose a country, or a region; leave both empty only for an online event.")
    if kind.startswith("datetime") and error.get("input") not in (None, ""):
        return _("Enter a valid date and time.")
    if kind == "date_range":
        return _(
            "Enter a date between %(earliest)s and %(latest)s.",
            earliest=format_date(ctx["earliest"]),
            latest=format_date(ctx["latest"]),
        )
    return report_message(error)


def api_key(error: Mapping[str, Any]) -> str:
    """The JSON path that ``error`` belongs to (``organizer.email``), as /api/v1/reports
    names them; a rule that spans fields is told on the field the form shows it beside."""
    ctx = error.get("ctx") or {}
    if ctx.get("field"):
        return ctx["field"]
    return ".".join(str(part) for part in error["loc"]) or "event"


def _validate(payload: Any, ref: Reference | None, today: dt.date | None, key) -> tuple:
    context = {"reference": ref or reference(), "today": today}
    try:
        return EventIn.model_validate(payload, context=context), {}
    except ValidationError as exc:
        shown: dict[str, str] = {}
        for error in exc.errors():
            shown.setdefault(key(error), message(error))
        return None, shown


def validate_payload(
    payload: Any, ref: Reference | None = None, today: dt.date | None = None
) -> tuple[EventIn | None, dict[str, str]]:
    """The API's JSON: the announcement, or one message per JSON path."""
    return _validate(payload, ref, today, api_key)


def validate_event(
    values: Mapping[str, Any],
    client_id: str,
    ref: Reference | None = None,
    today: dt.date | None = None,
) -> tuple[EventIn | None, dict[str, str]]:
    """The form's fields: the announcement, or one message per field name."""
    return _validate(to_payload(values, client_id), ref, today, field_of)


def local_input(instant: dt.datetime, zone: str) -> str:
    """An instant as the value of an ``<input type=datetime-local>`` in the event's zone."""
    return in_zone(instant, zone).strftime("%Y-%m-%dT%H:%M")


def to_values(event: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values from a stored announcement (``data/event_store.event_data``)."""
    values = {name: event.get(name) for name in FIELDS if name in event}
    values["start"] = local_input(event["start_utc"], event["timezone"])
    values["end"] = local_input(event["end_utc"], event["timezone"])
    values["organizer_name"] = event["organizer"]["name"]
    values["organizer_email"] = event["organizer"]["email"]
    return values
