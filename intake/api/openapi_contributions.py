"""The OpenAPI description of the contributions' and the Wikimedia publishing routes, merged
into ``/api/v1/openapi.json`` by intake/api/openapi.py. Schemas come from the pydantic models the
routes validate with or answer as, so the schemathesis test holds the answers to them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from intake.api.responses import Errors
from intake.contribute.model import ContributionIn

REF = "#/components/schemas/{model}"


class ContributionCreated(BaseModel):
    id: int
    status: str


class ContributionPicks(BaseModel):
    code: str
    picks: int
    with_reason: int | None = None


class ContributionSummary(BaseModel):
    version: int
    contributions: int
    communities: int
    initiatives: list[ContributionPicks]
    recommendations: list[ContributionPicks]


MODELS: list[tuple[type[BaseModel], str]] = [
    (ContributionIn, "validation"),
    (ContributionCreated, "serialization"),
    (ContributionSummary, "serialization"),
]


DOWNLOAD = {
    "name": "download",
    "in": "query",
    "schema": {"type": "string", "enum": ["1"]},
    "description": "1: answer as an attachment (a file to save) rather than inline.",
}


def _json(model: type[BaseModel] | None, description: str) -> dict:
    schema = {"$ref": REF.format(model=model.__name__)} if model else {"type": "object"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _text(description: str) -> dict:
    return {"description": description, "content": {"text/plain": {"schema": {"type": "string"}}}}


def paths(filters: list[dict], lang: dict, unavailable: dict) -> dict[str, Any]:
    """The paths, given the shared parameters (filters, ``lang``) and the 503 answer."""
    invalid = _json(Errors, "A filter or parameter was not understood.")
    return {
        "/api/v1/contributions": {
            "post": {
                "operationId": "submitContribution",
                "summary": "One person's picks: up to 5 initiatives and 3 recommendations.",
                "description": (
                    "Stored apart from the events' reports and never counted as an event. "
                    "Idempotent on client_id (the same again answers 200 with the first id). "
                    "No personal data is accepted. Messages follow Accept-Language."
                ),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": REF.format(model="ContributionIn")}}
                    },
                },
                "responses": {
                    "201": _json(ContributionCreated, "Stored."),
                    "200": _json(ContributionCreated, "Already stored under this client_id."),
                    "413": _json(Errors, "The request body is too large."),
                    "422": _json(Errors, "Invalid: one message per field."),
                    "503": unavailable,
                },
            }
        },
        "/api/v1/contributions/summary": {
            "get": {
                "operationId": "getContributionSummary",
                "summary": "Counts of the published individual contributions (not events).",
                "responses": {
                    "200": _json(ContributionSummary, "The counts."),
                    "503": unavailable,
                },
            }
        },
        "/api/v1/commons/priorities.tab.json": {
            "get": {
                "operationId": "getCommonsTabularData",
                "summary": "The per-initiative aggregates as a Commons tabular-data page.",
                "description": (
                    "The JSON of a Data:….tab page on Wikimedia Commons (CC0-1.0): the numbers "
                    "of /api/v1/summary's priorities for the same filters."
                ),
                "parameters": [*filters, lang, DOWNLOAD],
                "responses": {
                    "200": _json(None, "The .tab page's JSON."),
                    "422": invalid,
                    "503": unavailable,
                },
            }
        },
        "/api/v1/wikitext/priorities.wiki": {
            "get": {
                "operationId": "getPrioritiesWikitext",
                "summary": "The same aggregates as a sortable wikitext table for Meta-Wiki.",
                "parameters": [*filters, lang, DOWNLOAD],
                "responses": {
                    "200": _text("Wikitext."),
                    "422": invalid,
                    "503": unavailable,
                },
            }
        },
        "/api/v1/reports/{report_id}/wikitext": {
            "get": {
                "operationId": "getReportWikitext",
                "summary": "One published report as wikitext of the 2020 report template.",
                "parameters": [
                    {
                        "name": "report_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0},
                    },
                    lang,
                    DOWNLOAD,
                ],
                "responses": {
                    "200": _text("Wikitext, without organizer contact."),
                    "404": _json(Errors, "No published report has this number."),
                    "503": unavailable,
                },
            }
        },
    }
