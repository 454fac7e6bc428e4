"""Validation messages keyed by the API's JSON paths → the form fields that show them, and the
form's own check of reasons typed without a choice. Pure functions, tested directly."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.report.formdata import KINDS, _codes, _text


def error_field(key: str, payload: dict[str, Any]) -> str:
    """The form field that shows the error at the API path ``key``."""
    parts = key.split(".")
    head = parts[0]
    if head == "organizer":
        return f"organizer_{parts[1]}" if len(parts) > 1 else "organizer_name"
    if head == "participants":
        if len(parts) == 1 or parts[1] == "total":
            return "participants_total"
        if parts[1] == "total_precision":
            return "participants_precision"
        return f"group_{parts[1]}"
    if head in ("priorities", "recommendations"):
        prefix = "priority" if head == "priorities" else "recommendation"
        if len(parts) == 1:
            return f"{prefix}_1"
        # Choices were flattened from rows: map the list index back to the row it came from.
        index = int(parts[1])
        rows = payload.get("_rows", {}).get(head, [])
        row = rows[index] if index < len(rows) else 1
        return f"{prefix}_{row}_why" if parts[-1] == "why" else f"{prefix}_{row}"
    if head == "sessions":
        index = int(parts[1]) if len(parts) > 1 else 0
        leaf = "format" if parts[-1] == "format" else "date"
        return (
            f"part_{index + 1}_{leaf}"
            if index
            else ("format" if leaf == "format" else "event_date")
        )
    if head == "global_coordination":
        return "global_coordination_why" if parts[-1] == "why" else head
    if head == "co_organizers":
        return "co_organizers"
    if head in ("languages", "themes", "continues"):
        return head
    return head if head != "report" else "event_name"


def used_rows(values: Mapping[str, Any]) -> dict[str, list[int]]:
    """The row of each flattened choice, so that error indexes map back to the right inputs."""
    return {
        key: [n for n in rows for _code in _codes(values.get(f"{prefix}_{n}"))]
        for prefix, key, rows in KINDS
    }


def form_errors(errors: dict[str, str], values: dict[str, Any]) -> dict[str, str]:
    """API-keyed errors → form-field-keyed errors (the first message per field wins)."""
    context = {"_rows": used_rows(values)}
    out: dict[str, str] = {}
    for key, text in errors.items():
        out.setdefault(error_field(key, context), text)
    return out


def orphan_reasons(values: dict[str, Any]) -> list[str]:
    """Rows with a reason typed but nothing chosen: the reason would be dropped."""
    return [
        f"{prefix}_{n}"
        for prefix, _key, rows in KINDS
        for n in rows
        if _text(values.get(f"{prefix}_{n}_why")).strip()
        and not _codes(values.get(f"{prefix}_{n}"))
    ]
