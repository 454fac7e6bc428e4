"""The form's flat fields ↔ the API's report JSON. Pure functions, tested directly.

The form has one input per leaf (``priority_2``, ``priority_2_why``, ``group_women``…) so that
each validation message sits beside its input.
"""

from __future__ import annotations

from typing import Any

from data.queries import INITIATIVE_SLOTS, RECOMMENDATION_SLOTS
from data.reference import Reference

PRIORITY_SLOTS = range(1, INITIATIVE_SLOTS + 1)
REC_SLOTS = range(1, RECOMMENDATION_SLOTS + 1)


def field_names(ref: Reference) -> list[str]:
    """Every field of the form, in the order a person meets them."""
    names = [
        "event_name",
        "event_date",
        "country",
        "region",
        "format",
        "languages",
        "themes",
        "participants_total",
    ]
    names += [f"group_{code}" for code in ref.groups]
    names += ["attendees", "facilitators", "note_takers"]
    for rank in PRIORITY_SLOTS:
        names += [f"priority_{rank}", f"priority_{rank}_why"]
    for rank in REC_SLOTS:
        names += [f"recommendation_{rank}", f"recommendation_{rank}_why"]
    names += [
        "global_coordination",
        "resources_needed",
        "notes",
        "organizer_name",
        "organizer_email",
        "organizer_affiliate",
    ]
    return names


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def to_payload(values: dict[str, Any], client_id: str, ref: Reference) -> dict[str, Any]:
    """The API's report JSON from the form's values; empty ranked slots are skipped."""

    def ranked(prefix: str, slots) -> list[dict[str, str]]:
        return [
            {"code": values[f"{prefix}_{rank}"], "why": _text(values.get(f"{prefix}_{rank}_why"))}
            for rank in slots
            if values.get(f"{prefix}_{rank}")
        ]

    participants: dict[str, Any] = {"total": values.get("participants_total")}
    for code in ref.groups:
        value = values.get(f"group_{code}")
        if value not in (None, ""):
            participants[code] = value
    return {
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
        "attendees": _text(values.get("attendees")),
        "facilitators": _text(values.get("facilitators")),
        "note_takers": _text(values.get("note_takers")),
        "participants": participants,
        "recommendations": ranked("recommendation", REC_SLOTS),
        "priorities": ranked("priority", PRIORITY_SLOTS),
        "global_coordination": values.get("global_coordination") or [],
        "resources_needed": _text(values.get("resources_needed")),
        "notes": _text(values.get("notes")),
    }


def error_field(key: str, payload: dict[str, Any]) -> str:
    """The form field that shows the error at the API path ``key``."""
    parts = key.split(".")
    head = parts[0]
    if head == "organizer":
        return f"organizer_{parts[1]}" if len(parts) > 1 else "organizer_name"
    if head == "participants":
        if len(parts) == 1 or parts[1] == "total":
            return "participants_total"
        return f"group_{parts[1]}"
    if head in ("priorities", "recommendations"):
        prefix = "priority" if head == "priorities" else "recommendation"
        if len(parts) == 1:
            return f"{prefix}_1"
        # Empty slots were skipped: map the list index back to the slot the person used.
        index = int(parts[1])
        slots = [int(s) for s in payload.get("_slots", {}).get(head, [])] or [index + 1]
        rank = slots[index] if index < len(slots) else index + 1
        return f"{prefix}_{rank}_why" if parts[-1] == "why" else f"{prefix}_{rank}"
    if head in ("languages", "themes", "global_coordination"):
        return head
    return head if head != "report" else "event_name"


def used_slots(values: dict[str, Any]) -> dict[str, list[int]]:
    """Which slots were filled, so that error indexes map back to the right inputs."""
    return {
        "priorities": [r for r in PRIORITY_SLOTS if values.get(f"priority_{r}")],
        "recommendations": [r for r in REC_SLOTS if values.get(f"recommendation_{r}")],
    }


def form_errors(errors: dict[str, str], values: dict[str, Any]) -> dict[str, str]:
    """API-keyed errors → form-field-keyed errors (the first message per field wins)."""
    context = {"_slots": used_slots(values)}
    out: dict[str, str] = {}
    for key, text in errors.items():
        out.setdefault(error_field(key, context), text)
    return out


def orphan_reasons(values: dict[str, Any]) -> list[str]:
    """Ranked slots with a reason typed but nothing chosen: the reason would be dropped."""
    return [
        f"{prefix}_{rank}"
        for prefix, slots in (("priority", PRIORITY_SLOTS), ("recommendation", REC_SLOTS))
        for rank in slots
        if _text(values.get(f"{prefix}_{rank}_why")).strip() and not values.get(f"{prefix}_{rank}")
    ]


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
            "global_coordination",
            "resources_needed",
            "notes",
        )
    }
    values["participants_total"] = participants.get("total")
    for code in ref.groups:
        values[f"group_{code}"] = participants.get(code)
    for key in ("name", "email", "affiliate"):
        values[f"organizer_{key}"] = organizer.get(key)
    for prefix, key in (("priority", "priorities"), ("recommendation", "recommendations")):
        for rank, choice in enumerate(data.get(key) or [], start=1):
            values[f"{prefix}_{rank}"] = choice["code"]
            values[f"{prefix}_{rank}_why"] = choice.get("why") or ""
    return values
