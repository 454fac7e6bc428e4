"""The form's flat fields ↔ the API's report JSON. Pure functions, tested directly.

The form has one input per leaf (``priority_2``, ``priority_2_why``, ``group_women``…) so that
each validation message sits beside its input. Recommendations and initiatives are written as
the 2020 template's rows: each row holds one or more codes and one reason for them. When the
event ranked its choices (``priorities_ranked`` = ``ranked``), the row is the rank, and two codes
in one row are a tie; otherwise the rows are groups of an unranked set.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from data.reference import Reference

PRIORITY_ROWS = range(1, 11)  # rows of initiatives (each may hold several)
REC_ROWS = range(1, 6)
PART_SLOTS = range(2, 5)  # further parts of an event held in several sessions
RANKED, UNRANKED = "ranked", "unranked"
PRECISIONS = ("exact", "about", "at_least")
# Fields holding several codes (a multi-select; space- or comma-separated in a spreadsheet).
CHOICE_LISTS = (
    *(f"priority_{n}" for n in PRIORITY_ROWS),
    *(f"recommendation_{n}" for n in REC_ROWS),
)
LISTS = ("languages", "themes", "global_coordination", *CHOICE_LISTS)
KINDS = (("priority", "priorities", PRIORITY_ROWS), ("recommendation", "recommendations", REC_ROWS))


def field_names(ref: Reference) -> list[str]:
    """Every field of the form, in the order a person meets them (the 2020 template's order:
    recommendations, then initiatives, then global coordination)."""
    names = [
        "event_name",
        "event_date",
        "format",
        *(f"part_{n}_{leaf}" for n in PART_SLOTS for leaf in ("date", "format")),
        "country",
        "region",
        "languages",
        "themes",
        "participants_total",
        "participants_precision",
    ]
    names += [f"group_{code}" for code in ref.groups]
    names += ["attendees", "facilitators", "note_takers"]
    names.append("recommendations_ranked")
    for n in REC_ROWS:
        names += [f"recommendation_{n}", f"recommendation_{n}_why"]
    names.append("priorities_ranked")
    for n in PRIORITY_ROWS:
        names += [f"priority_{n}", f"priority_{n}_why"]
    names += [
        "global_coordination",
        "global_coordination_why",
        "resources_needed",
        "notes",
        "continues",
        "organizer_name",
        "organizer_email",
        "organizer_affiliate",
        "co_organizers",
    ]
    return names


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _codes(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value if v]


def _rows_to_choices(values: Mapping[str, Any], prefix: str, rows: Iterable[int], ranked: bool):
    """The choices of the filled rows: a ranked row's codes share its rank (a tie), numbered
    by filled row, so an empty row in between leaves no gap."""
    out = []
    filled = [n for n in rows if _codes(values.get(f"{prefix}_{n}"))]
    for rank, n in enumerate(filled, start=1):
        why = _text(values.get(f"{prefix}_{n}_why"))
        for code in _codes(values.get(f"{prefix}_{n}")):
            out.append(
                {"code": code, "rank": rank, "why": why} if ranked else {"code": code, "why": why}
            )
    return out


def _parts(values: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The sessions of an event held in several parts (the first is the event's date and
    format); none when only the first is given."""
    more = [
        {
            "date": values.get(f"part_{n}_date") or None,
            "format": values.get(f"part_{n}_format") or "",
        }
        for n in PART_SLOTS
        if values.get(f"part_{n}_date") or values.get(f"part_{n}_format")
    ]
    if not more:
        return []
    first = {"date": values.get("event_date") or None, "format": values.get("format") or ""}
    return [first, *more]


def _lines(value: Any) -> list[str]:
    return [line.strip() for line in _text(value).splitlines() if line.strip()]


def to_payload(values: dict[str, Any], client_id: str, ref: Reference) -> dict[str, Any]:
    """The API's report JSON from the form's values; empty rows are skipped."""
    participants: dict[str, Any] = {
        "total": values.get("participants_total"),
        "total_precision": values.get("participants_precision") or "exact",
    }
    if participants["total"] in ("", None):
        participants["total"] = None
    for code in ref.groups:
        value = values.get(f"group_{code}")
        if value not in (None, ""):
            participants[code] = value
    why = _text(values.get("global_coordination_why"))
    continues = values.get("continues")
    payload = {
        "client_id": client_id,
        "event_name": _text(values.get("event_name")),
        "event_date": values.get("event_date") or None,
        "country": values.get("country") or None,
        "region": values.get("region") or None,
        "format": values.get("format") or "",
        "languages": values.get("languages") or [],
        "themes": values.get("themes") or [],
        "organizer": {
            "name": _text(values.get("organizer_name")),
            "email": _text(values.get("organizer_email")),
            "affiliate": _text(values.get("organizer_affiliate")),
        },
        "co_organizers": _lines(values.get("co_organizers")),
        "attendees": _text(values.get("attendees")),
        "facilitators": _text(values.get("facilitators")),
        "note_takers": _text(values.get("note_takers")),
        "participants": participants,
        "recommendations": _rows_to_choices(
            values, "recommendation", REC_ROWS, values.get("recommendations_ranked") == RANKED
        ),
        "priorities": _rows_to_choices(
            values, "priority", PRIORITY_ROWS, values.get("priorities_ranked") == RANKED
        ),
        "global_coordination": [
            {"code": code, "why": why} for code in _codes(values.get("global_coordination"))
        ],
        "resources_needed": _text(values.get("resources_needed")),
        "notes": _text(values.get("notes")),
        "continues": None if continues in (None, "") else continues,
    }
    parts = _parts(values)
    if parts:
        payload["sessions"] = parts
        # The format follows from the parts' (``hybrid`` when they differ).
        payload["format"] = ""
    return payload


def choice_rows(choices: list[Mapping[str, Any]]) -> tuple[bool, list[tuple[list[str], str]]]:
    """Stored or sent choices as the form's rows: (ranked?, [(codes, reason)…]). Ranked: one
    row per rank (a tie shares a row). Unranked: consecutive choices with the same reason share
    a row (the group it was written for)."""
    ranked = any(c.get("rank") is not None for c in choices)
    if ranked:
        ordered = sorted(choices, key=lambda c: c.get("rank") or 0)
        groups = itertools.groupby(ordered, key=lambda c: c.get("rank"))
    else:
        groups = itertools.groupby(choices, key=lambda c: c.get("why") or "")
    rows = []
    for _key, group in groups:
        items = list(group)
        rows.append(([c["code"] for c in items], items[0].get("why") or ""))
    return ranked, rows


def to_values(data: dict[str, Any], ref: Reference) -> dict[str, Any]:
    """The form's values from a report in the API's shape (the inverse of ``to_payload``)."""
    participants = data.get("participants") or {}
    organizer = data.get("organizer") or {}
    values: dict[str, Any] = {
        name: data.get(name)
        for name in (
            "event_name",
            "event_date",
            "country",
            "region",
            "format",
            "languages",
            "themes",
            "attendees",
            "facilitators",
            "note_takers",
            "resources_needed",
            "notes",
            "continues",
        )
    }
    values["participants_total"] = participants.get("total")
    values["participants_precision"] = participants.get("total_precision") or "exact"
    for code in ref.groups:
        values[f"group_{code}"] = participants.get(code)
    for key in ("name", "email", "affiliate"):
        values[f"organizer_{key}"] = organizer.get(key)
    values["co_organizers"] = "\n".join(data.get("co_organizers") or [])
    sessions = data.get("sessions") or []
    if sessions:
        values["event_date"] = sessions[0].get("date")
        values["format"] = sessions[0].get("format")
        for n, part in zip(PART_SLOTS, sessions[1:], strict=False):
            values[f"part_{n}_date"] = part.get("date")
            values[f"part_{n}_format"] = part.get("format")
    for prefix, key, slots in KINDS:
        ranked, rows = choice_rows(data.get(key) or [])
        rows = fitted(rows, len(slots))
        values[f"{key}_ranked"] = RANKED if ranked else UNRANKED
        for n, (codes, why) in zip(slots, rows, strict=False):
            values[f"{prefix}_{n}"] = codes
            values[f"{prefix}_{n}_why"] = why
    coordinated = [
        c if isinstance(c, dict) else {"code": c} for c in data.get("global_coordination") or []
    ]
    values["global_coordination"] = [c["code"] for c in coordinated]
    values["global_coordination_why"] = _distinct_reasons(c.get("why") for c in coordinated)
    return values


def _distinct_reasons(reasons: Iterable[str | None]) -> str:
    return "\n".join(dict.fromkeys(r for r in reasons if r))


def fitted(rows: list[tuple[list[str], str]], slots: int) -> list[tuple[list[str], str]]:
    """At most ``slots`` rows: more (a report sent through the API with many differently
    reasoned choices) go into the last row, their reasons kept one per line."""
    if len(rows) <= slots:
        return rows
    head, tail = rows[: slots - 1], rows[slots - 1 :]
    merged = ([c for codes, _why in tail for c in codes], _distinct_reasons(w for _c, w in tail))
    return [*head, merged]
