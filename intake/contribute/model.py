"""An individual contribution as the form and the API receive it, its validation, and the
form's flat fields ↔ the API's JSON. Pure: no Dash, no database.

No personal demographics are asked: an optional community name and the picks, each with its
reason. Messages are worded in the current locale, keyed like the report's
(``initiatives.2``, ``community``), and the form maps them to its fields.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Annotated, Any

from flask_babel import gettext as _
from pydantic import Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from data.contributions.model import MAX_INITIATIVES, MAX_RECOMMENDATIONS
from data.reference import Reference, reference
from data.reports.parts import Choice, Short, Strict, _known_distinct, _ref
from intake.report.validation import message

INITIATIVE_SLOTS = range(1, MAX_INITIATIVES + 1)
RECOMMENDATION_SLOTS = range(1, MAX_RECOMMENDATIONS + 1)
Errors = dict[str, str]


class ContributionIn(Strict):
    client_id: uuid.UUID
    community: Short = ""
    initiatives: Annotated[list[Choice], Field(max_length=MAX_INITIATIVES)] = Field(
        default_factory=list
    )
    recommendations: Annotated[list[Choice], Field(max_length=MAX_RECOMMENDATIONS)] = Field(
        default_factory=list
    )

    @field_validator("initiatives")
    @classmethod
    def _initiatives(cls, value: list[Choice], info: ValidationInfo) -> list[Choice]:
        _known_distinct([v.code for v in value], _ref(info).initiatives)
        return value

    @field_validator("recommendations")
    @classmethod
    def _recommendations(cls, value: list[Choice], info: ValidationInfo) -> list[Choice]:
        _known_distinct([v.code for v in value], _ref(info).recommendations)
        return value

    @model_validator(mode="after")
    def _something_picked(self):
        if not self.initiatives and not self.recommendations:
            raise PydanticCustomError("nothing_picked", "pick an initiative or a recommendation")
        return self


def validate(
    payload: Mapping[str, Any], ref: Reference | None = None
) -> tuple[ContributionIn | None, Errors]:
    """Parse ``payload``; the contribution, or None and one message per failing field."""
    try:
        found = ContributionIn.model_validate(payload, context={"reference": ref})
    except ValidationError as exc:
        errors: Errors = {}
        for error in exc.errors():
            errors.setdefault(_key(error), _message(error))
        return None, errors
    return found, {}


def _key(error: Mapping[str, Any]) -> str:
    if error["type"] == "nothing_picked":
        return "initiatives"
    loc = [str(part) for part in error["loc"]]
    index = (error.get("ctx") or {}).get("index")
    if index is not None:
        loc.append(str(index))
    return ".".join(loc) or "contribution"


def _message(error: Mapping[str, Any]) -> str:
    if error["type"] == "nothing_picked":
        return _("Choose at least one initiative or recommendation.")
    if error["type"] == "unstorable_text":
        return _("Enter a valid value.")
    return message(error)


# The form's fields ------------------------------------------------------------------------


def field_names() -> list[str]:
    """Every field of the form, in the order a person meets them."""
    names = []
    for n in INITIATIVE_SLOTS:
        names += [f"initiative_{n}", f"initiative_{n}_why"]
    for n in RECOMMENDATION_SLOTS:
        names += [f"recommendation_{n}", f"recommendation_{n}_why"]
    return [*names, "community"]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _used(values: Mapping[str, Any], prefix: str, slots) -> list[int]:
    return [n for n in slots if values.get(f"{prefix}_{n}")]


def to_payload(values: Mapping[str, Any], client_id: str) -> dict[str, Any]:
    """The API's JSON from the form's values; empty slots are skipped."""

    def picks(prefix: str, slots) -> list[dict[str, str]]:
        return [
            {"code": values[f"{prefix}_{n}"], "why": _text(values.get(f"{prefix}_{n}_why"))}
            for n in _used(values, prefix, slots)
        ]

    return {
        "client_id": client_id,
        "community": _text(values.get("community")),
        "initiatives": picks("initiative", INITIATIVE_SLOTS),
        "recommendations": picks("recommendation", RECOMMENDATION_SLOTS),
    }


def form_errors(errors: Errors, values: Mapping[str, Any]) -> Errors:
    """API-keyed errors → form-field-keyed errors (the first message per field wins)."""
    slots = {
        "initiatives": ("initiative", _used(values, "initiative", INITIATIVE_SLOTS)),
        "recommendations": (
            "recommendation",
            _used(values, "recommendation", RECOMMENDATION_SLOTS),
        ),
    }
    out: Errors = {}
    for key, text in errors.items():
        parts = key.split(".")
        if parts[0] in slots:
            prefix, used = slots[parts[0]]
            # Empty slots were skipped: map the list index back to the slot the person used.
            index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
            slot = used[index] if index < len(used) else index + 1
            name = f"{prefix}_{slot}" + ("_why" if parts[-1] == "why" else "")
        else:
            name = "community" if parts[0] == "community" else "initiative_1"
        out.setdefault(name, text)
    return out


def validate_fields(
    values: Mapping[str, Any], client_id: str, ref: Reference | None = None
) -> tuple[ContributionIn | None, Errors]:
    """The form's flat fields: the contribution, or one message per field name. A reason typed
    beside an empty slot is an error there, since storing would drop it."""
    ref = ref or reference()
    found, errors = validate(to_payload(values, client_id), ref)
    # The reason's own message comes first: it says more than "choose at least one".
    shown: Errors = {}
    for prefix, slots in (
        ("initiative", INITIATIVE_SLOTS),
        ("recommendation", RECOMMENDATION_SLOTS),
    ):
        for n in slots:
            if _text(values.get(f"{prefix}_{n}_why")).strip() and not values.get(f"{prefix}_{n}"):
                shown[f"{prefix}_{n}"] = (
                    _("Choose an initiative for this reason, or clear the reason.")
                    if prefix == "initiative"
                    else _("Choose a recommendation for this reason, or clear the reason.")
                )
    for name, text in (form_errors(errors, values) if errors else {}).items():
        shown.setdefault(name, text)
    return (None, shown) if shown else (found, {})
