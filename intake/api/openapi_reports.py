"""The reports' schemas in the OpenAPI description (``/api/v1/openapi.json``, built by
intake/api/openapi.py): the field descriptions their pydantic models carry only as comments."""

from __future__ import annotations

# Descriptions of fields whose models (``data.reports.schema``, ``intake.report.public``) carry them
# only as comments: (schema, property) → text.
FIELD_HELP: dict[tuple[str, str], str] = {
    ("ReportIn", "event_date"): (
        "The event's date. May be left out when sessions are given: the first session's date."
    ),
    ("ReportIn", "format"): (
        "Event format code. May be left out when sessions are given: their format, or hybrid "
        "when they differ."
    ),
    ("ReportIn", "sessions"): (
        "The sessions of an event held in several parts, each with its date and format; "
        "stored in date order."
    ),
    ("ReportIn", "co_organizers"): "Affiliates or groups that organized the event together.",
    ("ReportIn", "continues"): (
        "The id of an earlier report of the same discussion (a survey after a call): this "
        "report adds no event and no participants to the aggregates, only its choices."
    ),
    ("ReportIn", "participants"): (
        "Attendance; total may be left out (not given) and is exact, about or at least."
    ),
    ("ReportIn", "priorities"): (
        "The initiatives the event chose, any number: each ranked (1 = first, equal ranks are "
        "a tie) or none ranked (an unranked set). A report needs at least one initiative or "
        "recommendation. Every event hands out 15 points among its initiatives."
    ),
    ("ReportIn", "recommendations"): (
        "The recommendations the event chose, any number, ranked as priorities are. Every "
        "event hands out 6 points among its recommendations."
    ),
    ("ReportIn", "global_coordination"): (
        "Initiatives that should be the focus of global coordination: codes, or objects with "
        "a code and the event's reason. Returned as objects."
    ),
    ("Choice", "rank"): (
        "1 = first; equal ranks are a tie. Every choice of a list has a rank, or none has "
        "(an unranked set). Gaps are closed: 1, 1, 3 is stored as 1, 1, 2."
    ),
    ("Choice", "why"): "The event's reason; one written for a group of choices goes with each.",
    ("Participants", "total"): "The number of participants; null when the report gave none.",
    ("Participants", "total_precision"): (
        "What total means: exact, about (close to it) or at_least (over it). Only an exact "
        "total bounds the group counts."
    ),
    ("PublicReport", "sessions"): "The sessions of an event held in several parts, in order.",
    ("PublicReport", "co_organizers"): "Affiliates or groups that co-organized the event.",
    ("PublicReport", "continues"): (
        "The id of the earlier report this one continues (it adds no event and no "
        "participants), or null."
    ),
    ("PublicReport", "global_coordination"): (
        "Initiatives named as a focus of global coordination, with the event's reason."
    ),
    ("PublicParticipants", "total"): "Null when the report gave no number.",
    ("PublicParticipants", "total_precision"): "exact, about or at_least.",
    ("RankedChoice", "rank"): "1 = first, equal ranks are a tie; null in an unranked set.",
}


def described(schemas: dict) -> dict:
    """The generated schemas with ``FIELD_HELP``, and ``global_coordination`` items that may
    also be plain codes (a before-validator the generated schema does not show)."""
    for (model, name), text in FIELD_HELP.items():
        schemas[model]["properties"][name]["description"] = text
    coordination = schemas["ReportIn"]["properties"]["global_coordination"]
    coordination["items"] = {
        "anyOf": [{"type": "string", "maxLength": 3}, coordination["items"]],
    }
    return schemas
