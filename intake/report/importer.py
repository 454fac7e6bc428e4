"""Bulk import of a CSV or XLSX file: every row validated like the form, each valid row stored
through data.reports.submit (its client_id made from the row's content, so importing the
same file twice stores nothing twice).

By default each valid row is its own transaction, so a failure half-way keeps the rows before
it (a re-run adds the rest). ``all_or_nothing`` stores every valid row in one transaction, with
one data-version bump: a row with an error, or a database failure on any row, stores none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import DBAPIError

from data.reference import reference
from data.reports.bulk import RowRefused, store_reports
from data.reports.schema import ReportIn
from data.reports.submit import Refused, store_report
from intake.report import spreadsheets as bulk
from intake.report.validation import validate_fields

WHOLE = re.compile(r"[+-]?\d+")


@dataclass
class Outcome:
    rows: int = 0
    stored: int = 0
    known: int = 0  # rows already stored by an earlier import
    errors: int = 0  # rows with errors
    failed: bool = False  # the database refused the import (all-or-nothing: nothing stored)
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return _(
            "%(rows)d rows read: %(stored)d imported, %(known)d already stored, "
            "%(errors)d with errors.",
            rows=self.rows,
            stored=self.stored,
            known=self.known,
            errors=self.errors,
        )


def import_file(db, path: Path, *, all_or_nothing: bool = False, lang: str = "en") -> Outcome:
    ref = reference()
    outcome = Outcome()
    header, rows = bulk.read_rows(path)
    expected = set(bulk.template_columns(ref))
    unknown = [c for c in header if c and c not in expected]
    if unknown:
        outcome.lines.append(_("Ignored unknown columns: %(names)s", names=", ".join(unknown)))
    valid = []
    for number, row in rows:
        outcome.rows += 1
        values = bulk.row_values(row, ref)
        # The id comes from the cells as read, so files imported before counts were converted
        # keep their ids.
        client_id = bulk.client_id_for(values)
        report, errors = validate_fields(_counts_as_numbers(values), client_id, ref)
        if errors:
            outcome.errors += 1
            outcome.lines += _row_messages(number, errors)
        else:
            valid.append((number, report))
    if all_or_nothing and outcome.errors:
        outcome.lines.append(_("Nothing was imported: fix the rows above, then import again."))
        return outcome
    if all_or_nothing:
        return _store_together(db, valid, outcome, lang)
    for number, report in valid:
        try:
            result = store_report(db, report, lang=lang)
        except Refused as refused:
            outcome.errors += 1
            outcome.lines += _row_messages(number, refused.errors)
            continue
        _count(outcome, number, result.created, result.id, result.possible_duplicate_of)
    return outcome


def _row_messages(number: int, errors: dict[str, str]) -> list[str]:
    """One line per field message of row ``number``, named by its column."""
    return [
        _(
            "row %(row)d, %(column)s: %(message)s",
            row=number,
            column=bulk.column(name),
            message=text,
        )
        for name, text in errors.items()
    ]


def _counts_as_numbers(values: dict[str, Any]) -> dict[str, Any]:
    """Participant counts typed in a spreadsheet are text in a CSV ("12"): they become numbers,
    as the form's number inputs send them (the report's counts are strict integers). Anything
    else is left for validation to refuse, with its message."""
    out = dict(values)
    for name, value in values.items():
        counted = name == "participants_total" or name.startswith("group_")
        if counted and isinstance(value, str) and WHOLE.fullmatch(value.strip()):
            out[name] = int(value)
    return out


def _count(outcome: Outcome, number: int, created: bool, report_id: int, earlier) -> None:
    if not created:
        outcome.known += 1
        return
    outcome.stored += 1
    if earlier is not None:
        outcome.lines.append(
            _(
                "row %(row)d: stored as number %(id)d, possibly the same event as number "
                "%(earlier)d “%(name)s”",
                row=number,
                id=report_id,
                earlier=earlier.id,
                name=earlier.event_name,
            )
        )


def _store_together(db, valid: list[tuple[int, ReportIn]], outcome: Outcome, lang: str):
    """Every valid row in one transaction (data.reports.bulk.store_reports): a row the stored
    reports refuse, or a database failure, stores none."""
    try:
        done = store_reports(db, valid, lang=lang)
    except RowRefused as refused:
        outcome.errors += 1
        outcome.lines += _row_messages(refused.row, refused.errors)
        outcome.lines.append(_("Nothing was imported: fix the rows above, then import again."))
        return outcome
    except DBAPIError as exc:
        current_app.logger.exception("import failed")
        outcome.failed = True
        outcome.lines.append(
            _(
                "Nothing was imported: the database refused it (%(reason)s). Import again "
                "when it is available.",
                reason=type(exc.orig or exc).__name__,
            )
        )
        return outcome
    for stored in done:
        _count(outcome, stored.row, stored.created, stored.id, stored.possible_duplicate_of)
    return outcome
