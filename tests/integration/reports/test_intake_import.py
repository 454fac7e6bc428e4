"""`flask import-reports FILE`: CSV and XLSX shaped like the template, row-level errors, valid
rows imported through the service, nothing twice on a re-import, --all-or-nothing."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from sqlalchemy import func, select

from data.models import Report
from data.reference import reference
from intake.report.spreadsheets import template_columns

GOOD = {
    "event_name": "Lagos strategy salon",
    "event_date": "2020-09-12",
    "country": "NG",
    "format": "in_person",
    "languages": "en yo",
    "themes": "education languages",
    "participants_total": "25",
    "women": "11",
    "priority_1": "I02",
    "priority_1_why": "Funding",
    "priority_2": "I31",
    "recommendation_1": "R1",
    "global_coordination": "I22 I25",
    "resources_needed": "=1+1",
    "organizer_name": "Ngozi",
    "organizer_email": "ngozi@example.org",
}
BAD = {  # three problems: a count that is not a number, an unknown initiative, a lost reason
    **GOOD,
    "event_name": "Broken row",
    "participants_total": "many",
    "priority_1": "I99",
    "priority_3_why": "a reason for nothing",
}
SECOND = {  # ranked rows, two initiatives tied in the first; attendance "about 25"
    **GOOD,
    "event_name": "Abuja salon",
    "event_date": "2020-09-13",
    "women": "",
    "participants_precision": "about",
    "priorities_ranked": "ranked",
    "priority_1": "I02, I31",
    "priority_2": "I05",
}


def write_csv(path, rows):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=template_columns(reference()))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    columns = template_columns(reference())
    sheet.append(columns)
    for row in rows:
        cells = []
        for name in columns:
            value = row.get(name)
            if name == "event_date" and value:
                value = dt.datetime.fromisoformat(value)  # a real date cell
            elif value and value.isdigit():
                value = float(value)  # numbers come back as floats
            cells.append(value)
        sheet.append(cells)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text ('=…), not a formula
    sheet.append([None] * len(columns))  # an empty row is skipped
    book.save(path)
    return path


@pytest.fixture
def run(app):
    runner = app.server.test_cli_runner()
    return lambda *args: runner.invoke(args=["import-reports", *map(str, args)])


def stored(db) -> list[str]:
    with db.session(readonly=True) as session:
        return list(session.scalars(select(Report.event_name).order_by(Report.id)))


@pytest.mark.parametrize("writer", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_import_reports_valid_rows_and_lists_row_errors(run, db, tmp_path, writer):
    path = writer(tmp_path / f"reports.{writer.__name__[-4:].strip('_')}", [GOOD, BAD, SECOND])
    result = run(path)
    assert result.exit_code == 1, result.output
    assert "row 3, participants_total: Enter a whole number." in result.output
    assert "row 3, priority_1: Choose a value from the list." in result.output
    assert "row 3, priority_3: Choose an initiative for this reason" in result.output
    assert "3 rows read: 2 imported, 0 already stored, 1 with errors." in result.output
    assert stored(db) == ["Lagos strategy salon", "Abuja salon"]
    with db.session(readonly=True) as session:
        lagos = session.scalar(select(Report).where(Report.event_name == "Lagos strategy salon"))
        assert lagos.resources_needed == "=1+1"  # stored as typed; neutralized only on export
        assert sorted(t.theme_code for t in lagos.themes) == ["education", "languages"]
        # No ranking given: an unranked set, sharing the 15 points equally.
        assert [(i.code, i.rank, i.points) for i in lagos.initiatives] == [
            ("I02", None, 7500),
            ("I31", None, 7500),
        ]
        assert sorted(c.initiative_code for c in lagos.coordination) == ["I22", "I25"]
        assert {g.group_code: g.count for g in lagos.groups} == {"women": 11}
        abuja = session.scalar(select(Report).where(Report.event_name == "Abuja salon"))
        assert abuja.total_precision == "about"
        # The tie shares positions 1 and 2 of a ranked three: (3 + 2) / 2 of 6 shares of 15.
        assert [(i.code, i.rank, i.points) for i in abuja.initiatives] == [
            ("I02", 1, 6250),
            ("I31", 1, 6250),
            ("I05", 2, 2500),
        ]

    again = run(path)  # the same file again stores nothing twice
    assert "3 rows read: 0 imported, 2 already stored, 1 with errors." in again.output
    assert len(stored(db)) == 2


def test_all_or_nothing_imports_nothing_when_a_row_fails(run, db, tmp_path):
    path = write_csv(tmp_path / "reports.csv", [GOOD, BAD])
    result = run(path, "--all-or-nothing")
    assert result.exit_code == 1
    assert "Nothing was imported" in result.output
    assert stored(db) == []
    fixed = write_csv(tmp_path / "fixed.csv", [GOOD, SECOND])
    assert run(fixed, "--all-or-nothing").exit_code == 0
    assert len(stored(db)) == 2
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 2


def test_semicolon_csv_and_a_repeated_event_are_reported(run, db, tmp_path):
    path = tmp_path / "excel-fr.csv"
    columns = template_columns(reference())
    rows = [GOOD, {**GOOD, "event_name": "LAGOS  Strategy-Salon", "organizer_name": "Bola"}]
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    result = run(path)
    assert result.exit_code == 0, result.output
    assert "row 3: stored as number 2, possibly the same event as number 1" in result.output


@pytest.fixture
def refuses_abuja(db):
    """A real database failure on one row: a trigger refuses to insert the "Abuja salon"."""
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "sqlite":
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_abuja BEFORE INSERT ON reports "
                "WHEN NEW.event_name = 'Abuja salon' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_abuja() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.event_name = 'Abuja salon' THEN RAISE EXCEPTION 'refused'; END IF; "
                "RETURN NEW; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_abuja BEFORE INSERT ON reports "
                "FOR EACH ROW EXECUTE FUNCTION refuse_abuja()"
            )
    yield
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER refuse_abuja" + ("" if _sqlite(db) else " ON reports"))
        if not _sqlite(db):
            conn.exec_driver_sql("DROP FUNCTION refuse_abuja()")


def _sqlite(db) -> bool:
    return db.engine.dialect.name == "sqlite"


def aggregate_problems(db) -> list[str]:
    from data.aggregates import keep as aggregates_keep

    with db.session(readonly=True) as session:
        return aggregates_keep.verify(session)


def version(db) -> int:
    from data.aggregates.queries import data_version

    with db.session(readonly=True) as session:
        return data_version(session)[0]


def test_all_or_nothing_stores_no_row_when_the_database_fails_on_one(
    run, db, tmp_path, refuses_abuja
):
    third = {**GOOD, "event_name": "Ibadan salon", "event_date": "2020-09-20"}
    path = write_csv(tmp_path / "reports.csv", [GOOD, SECOND, third])
    before = version(db)
    result = run(path, "--all-or-nothing")
    assert result.exit_code == 1, result.output
    assert "Nothing was imported: the database refused it" in result.output
    assert "3 rows read: 0 imported, 0 already stored, 0 with errors." in result.output
    assert stored(db) == [] and version(db) == before
    # The default mode is per row: the row before the failure stays stored.
    assert run(path).exit_code == 1
    assert stored(db) == ["Lagos strategy salon"]


def test_all_or_nothing_stores_every_row_at_once_and_flags_repeats_within_the_file(
    run, db, tmp_path
):
    twice = {**GOOD, "event_name": "LAGOS  Strategy-Salon", "organizer_name": "Bola"}
    path = write_csv(tmp_path / "reports.csv", [GOOD, twice, SECOND])
    before = version(db)
    result = run(path, "--all-or-nothing")
    assert result.exit_code == 0, result.output
    assert "row 3: stored as number 2, possibly the same event as number 1" in result.output
    assert stored(db) == ["Lagos strategy salon", "LAGOS  Strategy-Salon", "Abuja salon"]
    assert version(db) == before + 1  # one transaction, one version bump
    with db.session(readonly=True) as session:
        lagos = session.scalar(select(Report).where(Report.event_name == "Lagos strategy salon"))
        assert lagos.participants_total == 25  # "25" in the CSV: a number, as the form sends
        assert {g.group_code: g.count for g in lagos.groups} == {"women": 11}
    recount = aggregate_problems(db)
    assert recount == [], recount  # the aggregate tables equal a recount of the reports
    again = run(path, "--all-or-nothing")  # nothing twice
    assert "3 rows read: 0 imported, 3 already stored, 0 with errors." in again.output
    assert version(db) == before + 1
