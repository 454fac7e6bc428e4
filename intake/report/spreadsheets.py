"""Spreadsheets: the bulk-import template, reading CSV/XLSX rows as form values, writing CSV and
XLSX safely.

A row has the form's fields as flat columns (the participant groups by their code, lists as
space-separated codes), so a row is validated exactly like the form (``validate_fields``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from data.privacy import neutralize
from data.reference import Reference
from data.text_policy import without_refused
from intake.report.formdata import LISTS, field_names

PRIVATE = ("attendees", "facilitators", "note_takers")  # may name people
# Imported rows get a client_id made from their content: the same row imported twice is the
# same report (the service stores it once).
IMPORT_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "movement-priorities:import-reports")


def column(field: str) -> str:
    return field.removeprefix("group_")


def template_columns(ref: Reference) -> list[str]:
    """The import template's header: every field of the form, in the form's order."""
    return [column(name) for name in field_names(ref)]


def public_columns(ref: Reference) -> list[str]:
    """The public CSV's header: the template's columns less private ones, plus id and origin."""
    hidden = set(PRIVATE)
    return [
        "id",
        *(c for c in template_columns(ref) if c not in hidden and not c.startswith("organizer_")),
        "written_in",
        "demo",
    ]


def _cell(value: Any) -> Any:
    """A spreadsheet cell as the form would hold it."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def row_values(row: dict[str, Any], ref: Reference) -> dict[str, Any]:
    """A spreadsheet row → the form's values (``intake.report.formdata.field_names``)."""
    values = {}
    for name in field_names(ref):
        value = _cell(row.get(column(name)))
        if name in LISTS:
            value = str(value or "").replace(",", " ").replace(";", " ").split()
        values[name] = value
    return values


class ImportedId(str):
    """A client_id made here from a row's content (version 5, not random). Validation accepts
    one only as this type (intake/validation.validate_fields), so the API and the form keep
    requiring random ids, which nobody else can guess."""


def client_id_for(values: dict[str, Any]) -> ImportedId:
    """A stable id of a row's content (the same row in any file gives the same id)."""
    name = json.dumps(values, sort_keys=True, default=str)
    return ImportedId(uuid.uuid5(IMPORT_NAMESPACE, name))


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """The header and the rows (with their row number, the header being row 1) of a CSV or
    XLSX file. Empty rows are skipped."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    return _read_csv(path)


def _read_csv(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = [h.strip() for h in next(reader, [])]
    return header, _numbered(header, reader)


def _read_xlsx(path: Path):
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    rows = book.worksheets[0].iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]

    def numbered():
        try:
            yield from _numbered(header, rows)
        finally:
            book.close()

    return header, numbered()


def _numbered(header: list[str], rows: Iterable) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, cells in enumerate(rows, start=2):
        if all(_cell(c) is None for c in cells):
            continue
        yield number, dict(zip(header, cells, strict=False))


# Writing -------------------------------------------------------------------------------------


def _safe(value: Any) -> Any:
    """A cell a spreadsheet reads as typed: no formula, and no character that the text policy
    refuses (only rows stored before data/text_policy.py hold any; openpyxl refuses control
    characters, XML cannot hold noncharacters). Dropped first, so that nothing they hid can
    start a formula."""
    return neutralize(without_refused(value) if isinstance(value, str) else value)


def csv_text(rows: Iterable[Iterable[Any]]) -> str:
    """CSV lines with every cell neutralized (no cell runs as a formula in a spreadsheet)."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(["" if v is None else _safe(v) for v in row])
    return out.getvalue()


def xlsx_bytes(sheets: dict[str, list[list[Any]]]) -> bytes:
    """An XLSX workbook, one sheet per entry; text that would be a formula is neutralized
    (openpyxl stores a string starting with "=" as a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append([_safe(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def codes_sheet(ref: Reference) -> list[list[Any]]:
    """The codes a template's cells may hold, with their labels in the current language."""
    from flask_babel import gettext as _

    from data import i18n

    rows: list[list[Any]] = [["column", "code", "label"]]
    rows += [["format", c, i18n.event_format(c)] for c in ref.formats]
    rows += [["themes", c, i18n.theme(c)] for c in ref.themes]
    rows += [["region", c, i18n.region(c)] for c in ref.regions]
    rows += [["country", c, i18n.country(c)] for c in ref.countries]
    rows += [
        ["priority_1 … priority_5, global_coordination", c, i18n.initiative(c)]
        for c in ref.initiatives
    ]
    rows += [
        ["recommendation_1 … recommendation_3", c, i18n.recommendation(c)]
        for c in ref.recommendations
    ]
    rows += [["languages", "en fr sw …", _("ISO 639 language codes, separated by spaces")]]
    return rows
