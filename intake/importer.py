"""Bulk import of a CSV or XLSX file: every row validated like the form, each valid row stored
through the submission service (its client_id made from the row's content, so importing the
same file twice stores nothing twice)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flask_babel import gettext as _

from data.reference import reference
from intake import bulk
from intake.service import publishes_on_arrival, submit
from intake.validation import validate_fields


@dataclass
class Outcome:
    rows: int = 0
    stored: int = 0
    known: int = 0  # rows already stored by an earlier import
    errors: int = 0  # rows with errors
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
        report, errors = validate_fields(values, bulk.client_id_for(values), ref)
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
    for number, report in valid:
        result = submit(db, report, lang=lang, auto_publish=publishes_on_arrival(db))
        if not result.created:
            outcome.known += 1
            continue
        outcome.stored += 1
        if result.possible_duplicate_of is not None:
            outcome.lines.append(
                _(
                    "row %(row)d: stored as number %(id)d, possibly the same event as number "
                    "%(earlier)d “%(name)s”",
                    row=number,
                    id=result.id,
                    earlier=result.possible_duplicate_of.id,
                    name=result.possible_duplicate_of.event_name,
                )
            )
    return outcome
