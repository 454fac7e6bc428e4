"""The full export: CSV and XLSX carry the same rows and values as JSON, on SQLite and PostgreSQL.

Three reports cover every kind of child row: one with all of them (languages, themes, six group
counts, initiatives ranked with a tie and an unranked set of recommendations with reasons,
global coordination with a reason), one with none of the optional ones, and one whose free text
a spreadsheet would run as a formula or an XML parser would choke on. Chosen codes are JSON
text cells (``data.export.sql.choices_json``): parsed, they are the same on both backends.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from data.export.rows import columns
from data.export.sql import DANGEROUS
from tests.conftest import sign_in
from tests.integration.support.test_support_review import add


@pytest.fixture
def exported(client, db, accounts, report):
    full = add(
        db,
        report(
            languages=["sw", "en"],
            themes=["languages", "education"],
            priorities=[
                {"code": "I02", "rank": 1, "why": "Funding reaches us rarely"},
                {"code": "I31", "rank": 1, "why": "Skills"},
                {"code": "I25", "rank": 3, "why": ""},
            ],
            global_coordination=["I25", {"code": "I22", "why": "Shared tools"}],
        ),
        "published",
    )
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


def chosen(cell):
    """A JSON cell of chosen codes as (position, code, rank, why) tuples in position order
    (SQLite before 3.44 leaves the order to the reader)."""
    items = json.loads(cell)
    assert all(set(i) == {"position", "code", "rank", "why"} for i in items)
    out = [(i["position"], i["code"], i["rank"], i["why"]) for i in items]
    return sorted(out, key=lambda t: (t[0] is None, t[0] or 0, t[1]))


def test_json_rows_carry_every_child(exported):
    full, bare, tricky = exported["ids"]
    rows = {r["id"]: r for r in exported["json"]["reports"]}
    assert list(rows) == [full, bare, tricky]
    assert list(rows[full]) == columns()
    one = rows[full]
    assert (one["languages"], one["themes"]) == ("en;sw", "education;languages")
    assert one["group_women"] == 15 and one["group_indigenous"] == 0
    # Ranks made dense (1, 1, 3 -> 1, 1, 2): a tie of two first, then the third.
    assert chosen(one["priorities"]) == [
        (1, "I02", 1, "Funding reaches us rarely"),
        (2, "I31", 1, "Skills"),
        (3, "I25", 2, ""),
    ]
    # An unranked set: no rank, the order given kept as the position.
    assert chosen(one["recommendations"]) == [
        (1, "R1", None, "Sustainability"),
        (2, "R6", None, ""),
    ]
    assert chosen(one["global_coordination"]) == [
        (None, "I22", None, "Shared tools"),
        (None, "I25", None, ""),
    ]
    assert one["is_demo"] is False and one["organizer_email"] == "amina@example.org"
    assert one["event_date"] == "2020-10-03" and one["created_at"][10] == "T"
    empty = rows[bare]
    assert empty["status"] == "pending" and empty["group_women"] is None
    assert empty["themes"] is None and empty["recommendations"] is None
    assert empty["global_coordination"] is None
    assert chosen(empty["priorities"]) == [(1, "I05", None, "")]
    assert chosen(rows[tricky]["priorities"]) == [(1, "I07", None, "+1 because <we> & they")]
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
