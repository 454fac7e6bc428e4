"""The full export: CSV and XLSX carry the same rows and values as JSON, on SQLite and PostgreSQL.

Three reports cover every kind of child row: one with all of them (languages, themes, six group
counts, ranked initiatives and recommendations with reasons, global coordination), one with
none of the optional ones, and one whose free text a spreadsheet would run as a formula or an
XML parser would choke on.
"""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from openpyxl import load_workbook

from data.export_rows import columns
from data.export_sql import DANGEROUS
from tests.conftest import sign_in
from tests.integration.test_support_review import add


@pytest.fixture
def exported(client, db, accounts, report):
    full = add(db, report(languages=["sw", "en"], themes=["languages", "education"]), "published")
    bare = add(
        db,
        report(
            participants={"total": 7},
            themes=[],
            recommendations=[],
            priorities=[{"code": "I05", "why": ""}],
            global_coordination=[],
            attendees="",
            notes="",
        ),
    )
    tricky = add(
        db,
        report(
            event_name='=HYPERLINK("http://x")',
            notes="-5 & <b>bold</b>\nsecond line",
            resources_needed='@SUM(1) and a "quote", a comma',
            priorities=[{"code": "I07", "why": "+1 because <we> & they"}],
        ),
        "published",
    )
    sign_in(client, "rita@example.org")
    data = client.get("/api/v1/export?format=json").get_json()
    return {"ids": (full, bare, tricky), "json": data, "client": client}


def spreadsheet_text(value):
    """What a spreadsheet cell shows for a JSON value: formula-like text with an apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def test_json_rows_carry_every_child(exported):
    full, bare, tricky = exported["ids"]
    rows = {r["id"]: r for r in exported["json"]["reports"]}
    assert list(rows) == [full, bare, tricky]
    assert list(rows[full]) == columns()
    one = rows[full]
    assert (one["languages"], one["themes"]) == ("en;sw", "education;languages")
    assert one["group_women"] == 15 and one["group_indigenous"] == 0
    assert (one["priority_1"], one["priority_1_why"]) == ("I02", "Funding reaches us rarely")
    assert (one["priority_3"], one["priority_4"]) == ("I25", None)
    assert (one["recommendation_2"], one["recommendation_3"]) == ("R6", None)
    assert one["global_coordination"] == "I22;I25"
    assert one["is_demo"] is False and one["organizer_email"] == "amina@example.org"
    assert one["event_date"] == "2020-10-03" and one["created_at"][10] == "T"
    empty = rows[bare]
    assert empty["status"] == "pending" and empty["group_women"] is None
    assert empty["themes"] is None and empty["recommendation_1"] is None
    assert empty["global_coordination"] is None and empty["priority_1"] == "I05"
    assert rows[tricky]["event_name"] == '=HYPERLINK("http://x")'  # JSON keeps text as typed


def test_csv_has_the_json_rows(exported):
    reports = exported["json"]["reports"]
    response = exported["client"].get("/api/v1/export?format=csv")
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    header, *rows = list(csv.reader(io.StringIO(archive.read("reports.csv").decode())))
    assert header == columns()

    def as_csv(value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return "1" if value else "0"
        return str(spreadsheet_text(value))

    assert rows == [[as_csv(r[name]) for name in header] for r in reports]
    assert rows[2][header.index("event_name")] == '\'=HYPERLINK("http://x")'


def test_xlsx_has_the_json_rows(exported):
    reports = exported["json"]["reports"]
    response = exported["client"].get("/api/v1/export?format=xlsx")
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["reports", "data_dictionary"]
    header, *rows = list(book["reports"].iter_rows(values_only=True))
    assert list(header) == columns()

    def as_cell(value):
        return None if value in (None, "") else spreadsheet_text(value)

    assert [list(row) for row in rows] == [[as_cell(r[name]) for name in header] for r in reports]
    notes = rows[2][header.index("notes")]
    assert notes == "'-5 & <b>bold</b>\nsecond line"
    dictionary = list(book["data_dictionary"].iter_rows(values_only=True))
    assert dictionary[0] == ("column", "description", "visibility")
    assert [row[0] for row in dictionary[1:]] == columns()
