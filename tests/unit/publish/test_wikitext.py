"""Wikitext for Meta-Wiki: a sortable table whose numbers read back as given, and a report page
of the 2020 template with no contact and small counts suppressed."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from data.aggregates.queries import CoordinationTotal, Priority, Summary
from data.publish.wikitext import nowiki, priorities_table, report_page, table

REPORT = {
    "id": 7,
    "event_name": "Salon {{Delete}} [[Spam]] </nowiki><b>x</b>",
    "event_date": "2020-10-03",
    "country": "KE",
    "region": "SSA",
    "format": "virtual",
    "languages": ["en", "sw"],
    "themes": ["education"],
    "participants": {
        "total": 34,
        "groups": {
            "women": {"count": 15, "suppressed": False},
            "lgbtq": {"count": None, "suppressed": True},
        },
    },
    "priorities": [
        {"rank": 2, "code": "I31", "why": "Skills"},
        {"rank": 1, "code": "I02", "why": "Funding | rarely"},
    ],
    "recommendations": [{"rank": 1, "code": "R1", "why": ""}],
    "global_coordination": ["I22"],
    "resources_needed": "A small grant",
    "notes": "",
    "written_in": "en",
    "demo": False,
}


def parse_table(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a wikitable written one cell per line (what ``table`` writes)."""
    lines = text.strip().splitlines()
    header = next(line for line in lines if line.startswith("! "))[2:].split(" !! ")
    rows, row = [], None
    for line in lines:
        if line == "|-":
            row = []
            rows.append(row)
        elif line.startswith("| ") and row is not None:
            row.append(line[2:])
    return header, rows


@pytest.fixture
def en(sqlite_app):
    with sqlite_app.server.test_request_context(), force_locale("en"):
        yield


def test_the_table_is_sortable_and_reads_back(en):
    priorities = [Priority("I02", 3, 14.5, 2, 2, 4.7143), Priority("I31", 1, 4, 0, 1, 0.0)]
    summary = Summary(
        priorities=priorities,
        coordination=[CoordinationTotal("I22", 2), CoordinationTotal("I02", 1)],
    )
    text = priorities_table(summary, "Caption")
    assert text.startswith('{| class="wikitable sortable"\n|+ Caption\n')
    header, rows = parse_table(text)
    assert header[0] == "Code" and len(header) == 9
    assert header[-1] == "Events naming it for global coordination"
    # One named for global coordination alone gets a row of its own.
    assert [r[0] for r in rows] == ["I02", "I31", "I22"]
    assert [int(r[3]) for r in rows] == [3, 1, 0]
    assert [float(r[4]) for r in rows] == [14.5, 4.0, 0.0]
    assert [float(r[7]) for r in rows] == [4.7143, 0.0, 0.0]
    assert [int(r[8]) for r in rows] == [1, 0, 2]


def test_a_pipe_in_a_cell_cannot_open_a_new_cell():
    assert "| a&#124;b" in table(["h"], [["a|b"]])


def test_the_report_page_follows_the_template_without_contact(en):
    text = report_page(REPORT, threshold=5)
    assert (
        "== <nowiki>Salon {{Delete}} [[Spam]] &lt;/nowiki&gt;&lt;b&gt;x&lt;/b&gt;</nowiki> =="
        in text
    )
    assert "=== Recommendations ===" in text and "=== Initiatives ===" in text
    # Ranked by rank, with the reason as literal text.
    assert text.index("2. Funding for underrepresented") < text.index("31. Global approach")
    assert "– <nowiki>Funding | rarely</nowiki>" in text  # a list line: the pipe is harmless
    assert "| < 5" in text  # the suppressed LGBTQ+ count
    assert "| 15" in text
    assert "Kenya" in text and "October 3, 2020" in text
    for private in ("@", "organizer", "facilitator", "note_takers"):
        assert private not in text.lower()


def test_nowiki_keeps_text_on_one_line():
    assert nowiki("a\n\nb <x>") == "<nowiki>a b &lt;x&gt;</nowiki>"
    assert nowiki("  ") == ""


@pytest.mark.parametrize(
    "value",
    [
        "a\n|-\n| b",  # a new row
        "a\n! b !! c",  # header cells
        "a {{!}} b",  # a template that writes "|"
        "a <td>b</td></tr><tr><td>c",  # HTML table tags
        "a\n|}\n{|",  # the table's end
    ],
)
def test_a_value_stays_in_its_cell(value):
    lines = table(["h"], [[value]]).splitlines()
    assert len(lines) == 5 and lines[3].startswith("| ")
    for markup in ("|", "{", "<t", "</", "!"):
        assert markup not in lines[3][2:]


def test_nowiki_escapes_entities_so_text_shows_as_typed():
    assert nowiki("&lt;b&gt; & a\u202eb") == "<nowiki>&amp;lt;b&amp;gt; &amp; ab</nowiki>"
