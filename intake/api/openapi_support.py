"""The OpenAPI description of the support team's routes under ``/api/v1`` (dashboard/export/api.py,
dashboard/contributions/review_api.py), merged into ``/api/v1/openapi.json`` by
intake/api/openapi.py.

They need the session cookie that the login form (``/<lang>/login``) sets: without it every one
answers 401, and creating accounts needs the admin role (403 otherwise). The answers built as
plain dicts are described by the models below, so the schemathesis test holds them to it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, EmailStr, Field

from data.support.accounts import MIN_PASSWORD
from intake.api.responses import Errors

REF = "#/components/schemas/{model}"
SCHEME = "session"
SECURITY_SCHEMES = {
    SCHEME: {
        "type": "apiKey",
        "in": "cookie",
        "name": "session",
        "description": "The session cookie of a support-team sign-in (/<lang>/login, CSRF "
        "protected; failed attempts are limited per address and per account). It lasts "
        "SESSION_HOURS (8 by default) and ends for good on sign-out (POST /<lang>/logout), a "
        "new password or a disabled account; it is Secure when PUBLIC_URL is https.",
    }
}


class AuthProblem(BaseModel):
    """401 without a session, 403 without the role."""

    error: str


class UserIn(BaseModel):
    """The rules are data.support.accounts.check_new_account's."""

    email: EmailStr = Field(max_length=254)
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(
        min_length=MIN_PASSWORD,
        description=f"At least {MIN_PASSWORD} characters; not the e-mail or the name.",
    )
    role: Literal["reviewer", "admin"] = "reviewer"


class UserCreated(BaseModel):
    id: int
    email: str
    role: str


class Pick(BaseModel):
    code: str
    why: str


class PendingContribution(BaseModel):
    id: int
    community: str | None
    written_in: str | None
    created_at: str
    initiatives: list[Pick]
    recommendations: list[Pick]


class PendingContributions(BaseModel):
    contributions: list[PendingContribution]


class ReviewIn(BaseModel):
    ids: list[int] = Field(max_length=500)
    decision: Literal["publish", "reject"]
    reason: str = Field("", max_length=2000)


class Decided(BaseModel):
    decided: list[int]


MODELS: list[tuple[type[BaseModel], str]] = [
    (AuthProblem, "serialization"),
    (UserIn, "validation"),
    (UserCreated, "serialization"),
    (PendingContributions, "serialization"),
    (ReviewIn, "validation"),
    (Decided, "serialization"),
]


def _ref(model: type[BaseModel]) -> dict:
    return {"$ref": REF.format(model=model.__name__)}


def _json(model: type[BaseModel] | None, description: str) -> dict:
    schema = _ref(model) if model else {"type": "object"}
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _file(media: dict[str, str], description: str) -> dict:
    return {
        "description": description,
        "headers": {
            "Content-Disposition": {"schema": {"type": "string"}, "description": "attachment"}
        },
        "content": {
            kind: {"schema": {"type": "string", "format": "binary"}} for kind in media.values()
        },
    }


def _format(choices: list[str], help_text: str) -> dict:
    return {
        "name": "format",
        "in": "query",
        "schema": {"type": "string", "enum": choices, "default": choices[0]},
        "description": help_text,
    }


def _body(model: type[BaseModel]) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(model)}}}


SIGN_IN = _json(AuthProblem, "No support-team session (sign in at /<lang>/login).")
FORBIDDEN = _json(AuthProblem, "Signed in without the role this needs.")
EXPORT_MEDIA = {
    "csv": "application/zip",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
PLAN_MEDIA = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown",
}


def paths(filters: list[dict], lang: dict) -> dict[str, Any]:
    """The paths, given the shared parameters (filters, ``lang``). No 503: these blueprints
    have no handler for an unreachable database."""
    invalid = _json(Errors, "A parameter was not understood.")
    secured = [{SCHEME: []}]
    return {
        "/api/v1/export": {
            "get": {
                "operationId": "exportReports",
                "summary": "Every report with every field, and a data dictionary (support team).",
                "description": (
                    "Streamed; organizer contacts included, so it needs a session. csv is a "
                    "zip of CSV files, xlsx one workbook, json one document. Cells starting "
                    "with = + - @ (or a tab or carriage return) get a leading apostrophe."
                ),
                "security": secured,
                "parameters": [
                    _format(list(EXPORT_MEDIA), "csv (a zip), xlsx or json."),
                    {**lang, "description": "Language of the data dictionary."},
                ],
                "responses": {
                    "200": _file(EXPORT_MEDIA, "The export, as an attachment."),
                    "401": SIGN_IN,
                    "422": invalid,
                },
            }
        },
        "/api/v1/plan": {
            "get": {
                "operationId": "getPlanMetrics",
                "summary": "The planning page's metrics as JSON (support team).",
                "description": (
                    "Initiatives with their reach, the initiative × region matrix, pairs chosen "
                    "together and representation gaps, for the same filters as /summary."
                ),
                "security": secured,
                "parameters": filters,
                "responses": {
                    "200": _json(None, "The metrics."),
                    "401": SIGN_IN,
                    "422": invalid,
                },
            }
        },
        "/api/v1/plan/draft": {
            "get": {
                "operationId": "getPlanDraft",
                "summary": "The draft plan as CSV, XLSX or Markdown (support team).",
                "security": secured,
                "parameters": [_format(list(PLAN_MEDIA), "csv, xlsx or md."), lang],
                "responses": {
                    "200": _file(PLAN_MEDIA, "The draft plan, as an attachment."),
                    "401": SIGN_IN,
                    "422": invalid,
                },
            }
        },
        "/api/v1/users": {
            "post": {
                "operationId": "createUser",
                "summary": "Create a support-team account (admins only).",
                "security": secured,
                "requestBody": _body(UserIn),
                "responses": {
                    "201": _json(UserCreated, "Created."),
                    "401": SIGN_IN,
                    "403": FORBIDDEN,
                    "409": _json(Errors, "An account with this e-mail exists."),
                    "422": _json(
                        Errors,
                        "A field is missing or breaks the rules (a valid e-mail address; a "
                        "password of at least 12 characters that is not the e-mail or the "
                        "name), or the role is unknown.",
                    ),
                },
            }
        },
        "/api/v1/contributions/pending": {
            "get": {
                "operationId": "listPendingContributions",
                "summary": "Contributions waiting for review, oldest first (at most 200).",
                "security": secured,
                "responses": {
                    "200": _json(PendingContributions, "The waiting contributions."),
                    "401": SIGN_IN,
                },
            }
        },
        "/api/v1/contributions/review": {
            "post": {
                "operationId": "reviewContributions",
                "summary": "Publish or reject pending contributions (each decision audited).",
                "description": (
                    "Only pending ones among ids move; decided lists them. The reason is kept "
                    "with a rejection."
                ),
                "security": secured,
                "requestBody": _body(ReviewIn),
                "responses": {
                    "200": _json(Decided, "The contributions that moved."),
                    "401": SIGN_IN,
                    "422": _json(Errors, "ids, decision or reason not understood."),
                },
            }
        },
    }
