"""Validation of a report: a pure function from a payload to (report, errors).

Errors are keyed by the field's path in the API's JSON (``participants.women``,
``priorities.2``) and worded in the current locale; the form maps the keys to its fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask_babel import format_date
from flask_babel import gettext as _
from pydantic import ValidationError

from data import i18n
from data.reference import Reference, reference
from data.reports.schema import ReportIn
from intake.report.form_errors import form_errors, orphan_reasons
from intake.report.formdata import to_payload
from intake.report.spreadsheets import ImportedId

Errors = dict[str, str]


def validate_fields(
    values: Mapping[str, Any],
    client_id: str,
    ref: Reference | None = None,
    today: dt.date | None = None,
) -> tuple[ReportIn | None, Errors]:
    """The form's (and the importer's) flat fields: the report, or one message per field name.

    Besides the report's own rules: a reason typed in a ranked slot with nothing chosen there
    is an error on that slot, since storing the report would drop the reason.
    """
    ref = ref or reference()
    values = dict(values)
    # The importer's ids (version 5, from a row's content) come as bulk.ImportedId: a type
    # that only server code makes, never what a browser sends.
    imported = isinstance(client_id, ImportedId)
    report, errors = validate(to_payload(values, client_id, ref), ref, today, imported=imported)
    shown = form_errors(errors, values) if errors else {}
    for name in orphan_reasons(values):
        shown.setdefault(
            name,
            _("Choose an initiative for this reason, or clear the reason.")
            if name.startswith("priority")
            else _("Choose a recommendation for this reason, or clear the reason."),
        )
    return (None, shown) if shown else (report, {})


def validate(
    payload: Mapping[str, Any],
    ref: Reference | None = None,
    today: dt.date | None = None,
    *,
    imported: bool = False,
) -> tuple[ReportIn | None, Errors]:
    """Parse ``payload``; return the report, or None and one message per failing field.
    ``imported``: the client_id was made by the importer (data.reports.parts._random_id)."""
    context = {"reference": ref, "today": today, "imported": imported}
    try:
        report = ReportIn.model_validate(payload, context=context)
    except ValidationError as exc:
        errors: Errors = {}
        for error in exc.errors():
            for key in _keys(error):
                errors.setdefault(key, message(error))
        # The rules on the whole report run only once every field is valid: say what is
        # missing now, so that one round shows every message.
        for kind in _missing(payload):
            errors.setdefault(WHOLE_REPORT[kind], message({"type": kind}))
        return None, errors
    return report, {}


def _missing(payload: Mapping[str, Any]) -> list[str]:
    """Which whole-report rules a payload breaks, read from its raw values."""
    if not isinstance(payload, Mapping):
        return []
    parts = payload.get("sessions")
    out = []
    if not payload.get("event_date") and not parts:
        out.append("date_missing")
    if not payload.get("format") and not parts:
        out.append("format_missing")
    if not any(payload.get(k) for k in ("priorities", "recommendations", "global_coordination")):
        out.append("choice_missing")
    return out


# Rules on the report as a whole, and the field that shows each one's message.
WHOLE_REPORT = {
    "place_missing": "country",
    "date_missing": "event_date",
    "format_missing": "format",
    "choice_missing": "priorities",
}


def _keys(error: Mapping[str, Any]) -> list[str]:
    loc = [str(part) for part in error["loc"]]
    ctx = error.get("ctx") or {}
    if error["type"] == "group_over_total":
        return [".".join([*loc, name]) for name in ctx["fields"]]
    if error["type"] in WHOLE_REPORT:
        return [WHOLE_REPORT[error["type"]]]
    if "index" in ctx:
        loc.append(str(ctx["index"]))
    return [".".join(loc) or "report"]


def message(error: Mapping[str, Any]) -> str:
    """The error's message in the current locale."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    if kind in ("date_missing", "format_missing"):
        return _("This field is required.")
    if kind in ("missing", "string_too_short", "text_empty") or (
        error.get("input") in (None, "") and kind.endswith("_type")
    ):
        return _("This field is required.")
    if kind == "string_too_long":
        return _("Use at most %(max)d characters.", max=ctx.get("max_length", 0))
    if kind == "too_short":
        return _("Choose at least %(min)d.", min=ctx.get("min_length", 1))
    if kind == "too_long":
        return _("Choose at most %(max)d.", max=ctx.get("max_length", 0))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("Enter a whole number.")
    if kind == "greater_than_equal":
        return _("Enter a number of at least %(min)d.", min=ctx.get("ge", 0))
    if kind == "less_than_equal":
        return _("Enter a number no larger than %(max)d.", max=ctx.get("le", 0))
    if kind.startswith("date_") and kind != "date_range":
        return _("Enter a valid date.")
    if kind == "date_range":
        return _(
            "Enter a date between %(earliest)s and %(latest)s.",
            earliest=format_date(ctx["earliest"]),
            latest=format_date(ctx["latest"]),
        )
    if kind.startswith("uuid"):
        return _("This form has expired; reload the page and submit again.")
    if kind == "text_control":
        return _("Remove the control characters from this text.")
    if kind == "text_bidi":
        return _("Remove the hidden text-direction characters from this text.")
    if kind == "text_line_break":
        return _("Write this on one line, without line breaks or tabs.")
    if kind == "region_mismatch":
        return _(
            "This country is in the region %(region)s: choose that region, Global, or none.",
            region=i18n.region(ctx["region"]),
        )
    if kind == "extra_forbidden":
        return _("Unknown field.")
    if kind == "email":
        return _("Enter a valid e-mail address.")
    if kind in ("unknown_code", "unknown_item"):
        return _("Choose a value from the list.")
    if kind == "duplicate_item":
        return _("This was already chosen above.")
    if kind == "group_over_total":
        return _("Cannot be more than the total number of participants.")
    if kind == "place_missing":
        return _("Choose a country, or a region for a thematic or online event.")
    if kind == "choice_missing":
        return _(
            "Choose at least one recommendation or initiative (or one for global coordination)."
        )
    if kind == "rank_mixed":
        return _("Give every choice a rank, or none (an unranked set).")
    return _("Enter a valid value.")
