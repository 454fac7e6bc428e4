"""The OpenAPI 3.1 description of ``/api/v1``.

Schemas are generated from the pydantic models that the API validates with (``ReportIn``) or
serializes through (``intake.report.public``), so they cannot drift;
``intake.api.responses`` describes the answers built as plain dicts, and the schemathesis test
checks every answer against them.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from data.filters import FIELDS
from data.reports.schema import ReportIn
from intake.api import openapi_contributions as contribute_openapi
from intake.api import openapi_events as events_openapi
from intake.api import openapi_reports as reports_openapi
from intake.api import openapi_support as support_openapi
from intake.api.responses import Errors, Reference, ReportCreated, Summary, Version
from intake.report.public import MAX_PAGE, MAX_PER_PAGE, PublicReport, ReportsPage

REF = "#/components/schemas/{model}"

MODELS: list[tuple[type[BaseModel], str]] = [
    (ReportIn, "validation"),
    (ReportCreated, "serialization"),
    (Errors, "serialization"),
    (ReportsPage, "serialization"),
    (PublicReport, "serialization"),
    (Summary, "serialization"),
    (Reference, "serialization"),
    (Version, "serialization"),
    *contribute_openapi.MODELS,
    *support_openapi.MODELS,
    *events_openapi.MODELS,
]


def _ref(model: type[BaseModel]) -> dict:
    return {"$ref": REF.format(model=model.__name__)}


def _json(model: type[BaseModel], description: str, headers: dict | None = None) -> dict:
    out: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": _ref(model)}},
    }
    if headers:
        out["headers"] = headers
    return out


def _csv(description: str) -> dict:
    return {"description": description, "content": {"text/csv": {"schema": {"type": "string"}}}}


RETRY = {"Retry-After": {"schema": {"type": "string"}, "description": "Seconds to wait."}}
UNAVAILABLE = _json(Errors, "The database is unavailable; retry later.", RETRY)
LANG = {
    "name": "lang",
    "in": "query",
    "schema": {"type": "string"},
    "description": "Language of the labels (an interface language code, default en).",
}
FILTER_HELP = {
    "region": "Region code (see /reference).",
    "country": "ISO 3166-1 alpha-2 country code.",
    "theme": "Theme code.",
    "format": "Event format code.",
    "group": (
        "Participant group code: events with at least PRIVACY_THRESHOLD (5) participants from "
        "it; fewer are never matched, as public outputs suppress such counts."
    ),
    "share": "With group: events where the group is also at least this percent (25 or 50).",
    "language": "Events held in this language (ISO 639 code).",
    "from": "Events on or after this date (YYYY-MM-DD).",
    "to": "Events on or before this date (YYYY-MM-DD).",
}


def _filters(**descriptions: str) -> list[dict]:
    """The filter parameters that ``data.filters.parse_filters`` reads."""
    return [
        {
            "name": name,
            "in": "query",
            "schema": {"type": "string"},
            "description": descriptions.get(name) or FILTER_HELP.get(name, "Filter."),
        }
        for name in FIELDS
    ]


def _paths() -> dict:
    invalid_filters = _json(Errors, "A filter or parameter was not understood.")
    return {
        "/api/v1/reports": {
            "post": {
                "operationId": "submitReport",
                "summary": "Submit a report (idempotent on client_id).",
                "description": (
                    "A new client_id stores the report (201). The same client_id again stores "
                    "nothing new and answers 200 with the first report's id and edit_url null "
                    "(the first edit link stays the only one; other content sent again "
                    "replaces the report's). client_id must be a random (version 4) UUID. A "
                    "report of an event that looks like a published report is stored and "
                    "flagged (possible_duplicate_of). A report names at least one "
                    "recommendation or initiative. Messages follow Accept-Language."
                ),
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _ref(ReportIn)}},
                },
                "responses": {
                    "201": _json(ReportCreated, "Stored."),
                    "200": _json(ReportCreated, "Already stored under this client_id."),
                    "413": _json(Errors, "The request body is too large."),
                    "422": _json(Errors, "Invalid: one message per field."),
                    "429": _json(Errors, "Too many submissions from this address.", RETRY),
                    "503": UNAVAILABLE,
                },
            },
            "get": {
                "operationId": "listReports",
                "summary": "Published reports, public fields only.",
                "description": (
                    "Never the organizer's name or e-mail. Per-event group counts below the "
                    "privacy threshold are null with suppressed: true. Paginated (Link: "
                    "rel=next); format=csv streams every matching report as CSV instead."
                ),
                "parameters": [
                    *_filters(
                        format="csv (or json) for the output; any other value filters by event "
                        "format code. Repeat it for both: format=csv&format=virtual."
                    ),
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                    },
                    {
                        "name": "per_page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "A page of reports (or CSV with format=csv).",
                        "headers": {
                            "Link": {"schema": {"type": "string"}, "description": "rel=next"}
                        },
                        "content": {
                            "application/json": {"schema": _ref(ReportsPage)},
                            "text/csv": {"schema": {"type": "string"}},
                        },
                    },
                    "422": invalid_filters,
                    "503": UNAVAILABLE,
                },
            },
        },
        "/api/v1/reports/{report_id}": {
            "get": {
                "operationId": "getReport",
                "summary": "One published report, public fields only.",
                "parameters": [
                    {
                        "name": "report_id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 0},
                    }
                ],
                "responses": {
                    "200": _json(PublicReport, "The report."),
                    "404": _json(Errors, "No published report has this number."),
                    "503": UNAVAILABLE,
                },
            }
        },
        "/api/v1/reports/template.csv": {
            "get": {
                "operationId": "importTemplateCsv",
                "summary": "The bulk-import template (header row) as CSV.",
                "responses": {"200": _csv("The template.")},
            }
        },
        "/api/v1/reports/template.xlsx": {
            "get": {
                "operationId": "importTemplateXlsx",
                "summary": "The bulk-import template as XLSX, with a sheet of the valid codes.",
                "parameters": [LANG],
                "responses": {
                    "200": {
                        "description": "The template.",
                        "content": {
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                                "schema": {"type": "string", "format": "binary"}
                            }
                        },
                    }
                },
            }
        },
        "/api/v1/reference": {
            "get": {
                "operationId": "getReference",
                "summary": "Codes and translated labels of the reference data.",
                "parameters": [LANG],
                "responses": {"200": _json(Reference, "The reference data.")},
            }
        },
        "/api/v1/summary": {
            "get": {
                "operationId": "getSummary",
                "summary": "Aggregates of the published reports; small group counts suppressed.",
                "description": (
                    "Group totals add only the counts each report's public record shows (at "
                    "least PRIVACY_THRESHOLD people); a smaller count in one event is left out, "
                    "so no difference of two answers reveals it. They are lower bounds. "
                    "Initiatives are ordered by mentions (events that named them), then points "
                    "(every event hands out 15: by rank, shared by ties, equally in an unranked "
                    "set). participants is a lower bound while lower_bound_events is above 0."
                ),
                "parameters": _filters(),
                "responses": {
                    "200": _json(Summary, "The aggregates."),
                    "422": invalid_filters,
                    "503": UNAVAILABLE,
                },
            }
        },
        "/api/v1/version": {
            "get": {
                "operationId": "getVersion",
                "summary": "The data version: moves with every write; ETag, 304 when unchanged.",
                "responses": {
                    "200": _json(Version, "The version."),
                    "304": {"description": "Unchanged since If-None-Match."},
                    "503": UNAVAILABLE,
                },
            }
        },
        "/api/v1/openapi.json": {
            "get": {
                "operationId": "getOpenApi",
                "summary": "This description.",
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }


@cache
def document() -> dict:
    """The whole description (built once per process)."""
    _, schemas = models_json_schema(MODELS, ref_template=REF)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Movement Priorities API",
            "version": "1",
            "description": (
                "Reports of Wikimedia 2030 prioritization events: submit them, read the "
                "published ones and their aggregates. The support team's routes (export, "
                "plan, users, contribution review) need a signed-in session and answer 401 "
                "without one."
            ),
        },
        "paths": {
            **_paths(),
            **contribute_openapi.paths(_filters(), LANG, UNAVAILABLE),
            **support_openapi.paths(_filters(), LANG),
            **events_openapi.paths(UNAVAILABLE, RETRY),
        },
        "components": {
            "schemas": events_openapi.described(reports_openapi.described(schemas["$defs"])),
            "securitySchemes": support_openapi.SECURITY_SCHEMES,
        },
    }
