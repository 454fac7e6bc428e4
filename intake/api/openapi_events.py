"""The OpenAPI description of ``POST /api/v1/events`` (intake/events/api.py), merged into
``/api/v1/openapi.json`` by intake/api/openapi.py. The request schema is generated from the model
the route validates with (EventIn), so the two cannot drift."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from intake.api.responses import Errors
from intake.events.schema import EventIn

REF = "#/components/schemas/{model}"


class EventCreated(BaseModel):
    id: int
    status: str
    # Null when the announcement had already been stored (200): the link given the first
    # time stays its only one.
    edit_url: str | None


MODELS: list[tuple[type[BaseModel], str]] = [
    (EventIn, "validation"),
    (EventCreated, "serialization"),
]

# Descriptions of EventIn's fields that the model carries only as comments.
FIELD_HELP = {
    "client_id": "Made by the client once per announcement: sending it again stores nothing.",
    "start": "Wall-clock time in the event's time zone (timezone); an offset is ignored.",
    "end": "Wall-clock time in the event's time zone; after start, at most 31 days later.",
    "timezone": "IANA time zone of start and end, e.g. Africa/Nairobi.",
    "languages": "ISO 639 codes of the languages the event is held in.",
    "country": "ISO 3166-1 alpha-2 code; country or region is required unless online.",
    "region": "Region code (see /reference); derived from the country when left out.",
    "format": "Event format code (see /reference).",
    "join_url": (
        "An http(s) link to join or register; https:// is added when no scheme is given. "
        "Required for the online formats (virtual, on_wiki)."
    ),
    "venue": (
        "Public: the name of the place an event in person or hybrid meets. Must be empty "
        "for the online formats."
    ),
    "address": (
        "Public: the venue's address (line breaks allowed, at most 500 characters), shown on "
        "the event's page and in the calendar feeds' LOCATION. Must be empty for the online "
        "formats."
    ),
    "organizer": "The organizer's contact: private, seen by the support team only.",
}


def described(schemas: dict) -> dict:
    for name, text in FIELD_HELP.items():
        schemas["EventIn"]["properties"][name]["description"] = text
    return schemas


def _json(model: type[BaseModel], description: str, headers: dict | None = None) -> dict:
    out: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}},
    }
    if headers:
        out["headers"] = headers
    return out


def paths(unavailable: dict, retry: dict) -> dict[str, Any]:
    return {
        "/api/v1/events": {
            "post": {
                "operationId": "announceEvent",
                "summary": "Announce an event (idempotent on client_id).",
                "description": (
                    "The announce form's fields. A new client_id stores the announcement "
                    "(201), published at once or after review (status). The same client_id "
                    "again stores nothing and answers 200 with the first id and no edit link "
                    "(edit_url null): the first link stays the only one, never replaced. Keep "
                    "edit_url private: anyone who has it can change the event. Messages follow "
                    "Accept-Language."
                ),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": REF.format(model="EventIn")}}
                    },
                },
                "responses": {
                    "201": _json(EventCreated, "Stored."),
                    "200": _json(EventCreated, "Already stored under this client_id."),
                    "413": _json(Errors, "The request body is too large."),
                    "422": _json(Errors, "Invalid: one message per field (JSON path)."),
                    "429": _json(Errors, "Too many submissions from this address.", retry),
                    "503": unavailable,
                },
            }
        }
    }
