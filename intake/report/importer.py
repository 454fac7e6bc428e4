"""Bulk import of a CSV or XLSX file: every row validated like the form, each valid row stored
through the submission service (its client_id made from the row's content, so importing the
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

from data.aggregates import keep as aggregates_keep
from data.aggregates import write as aggregates_write
from data.models import Status
from data.reference import reference
from data.reports.write import (
    bump_version,
    find_by_client_id,
    insert_report,
    lock_event_key,
    report_rows,
)
from intake.report import spreadsheets as bulk
from intake.report.schema import ReportIn
from intake.report.service import (
    Refused,
    check_continues,
    earlier_report,
    publishes_on_arrival,
    submit,
)
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
            outcome.lines += [
                _(
                    "row %(row)d, %(column)s: %(message)s",
                    row=number,
                    column=bulk.column(name),
                    message=text,
                )
                for name, text in errors.items()
            ]
        else:
            valid.append((number, report))
    if all_or_nothing and outcome.errors:
        outcome.lines.append(_("Nothing was imported: fix the rows above, then import again."))
        return outcome
    if all_or_nothing:
        return _store_together(db, valid, outcome, lang)
    for number, report in valid:
        try:
            result = submit(db, report, lang=lang, auto_publish=publishes_on_arrival(db))
        except Refused as refused:
            outcome.errors += 1
            outcome.lines += _refusal(number, refused)
            continue
        _count(outcome, number, result.created, result.id, result.possible_duplicate_of)
    return outcome


def _refusal(number: int, refused: Refused) -> list[str]:
    return [
        _(
            "row %(row)d, %(column)s: %(message)s",
            row=number,
            column=bulk.column(name),
            message=text,
        )
        for name, text in refused.errors.items()
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
    """Every valid row in one transaction, as intake/service.submit stores one: rows already
    stored (same client_id) are skipped, possible duplicates flagged (earlier rows of the same
    file included), the aggregates updated and the data version bumped once."""
    status = Status.PUBLISHED if publishes_on_arrival(db) else Status.PENDING
    done = []
    try:
        with db.session() as session:
            for number, report in valid:
                existing = find_by_client_id(session, str(report.client_id))
                if existing is not None:
                    done.append((number, False, existing.id, None))
                    continue
                row, children = report_rows(report.model_dump(), status=status, written_in=lang)
                try:
                    check_continues(session, row["continues"])
                except Refused as refused:
                    refused.errors = {"row": number, **refused.errors}
                    raise
                lock_event_key(session, row["event_key"])
                earlier = earlier_report(session, row)
                row["possible_duplicate_of"] = earlier.id if earlier else None
                report_id = insert_report(session, row, children)
                counted = aggregates_keep.of_new(row, children)
                aggregates_write.apply(
                    session, aggregates_write.prepare(counted, db.engine.dialect.name)
                )
                done.append((number, True, report_id, earlier))
            if any(entry[1] for entry in done):  # something new: one version bump
                bump_version(session)
    except Refused as refused:
        number = refused.errors.pop("row")
        outcome.errors += 1
        outcome.lines += _refusal(number, refused)
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
    for number, created, report_id, earlier in done:
        _count(outcome, number, created, report_id, earlier)
    return outcome
