"""Publishing the Wikimedia way, on SQLite and PostgreSQL: the Commons ``.tab`` JSON passes
Commons' rules and the wikitext table reads back to the very numbers of ``/api/v1/summary``
(filters included); a report's wikitext has no contact and small counts suppressed."""

from __future__ import annotations

import datetime as dt

import pytest

from data.publish.commons_tab import problems
from tests.unit.publish.test_wikitext import parse_table

TAB = "/api/v1/commons/priorities.tab.json"
WIKI = "/api/v1/wikitext/priorities.wiki"


def ranked(*codes: str) -> list[dict]:
    return [{"code": c, "rank": rank, "why": ""} for rank, c in enumerate(codes, start=1)]


@pytest.fixture
def published(client, report):
    events = [
        ("KE", ranked("I02", "I31", "I25"), 34),
        # A tie for first.
        ("KE", [{"code": "I31", "rank": 1}, {"code": "I02", "rank": 1}], 12),
        # An unranked set.
        ("DE", [{"code": "I25"}, {"code": "I07"}], 50),
        ("BR", ranked("I02", "I25", "I31", "I05", "I09"), 7),
    ]
    ids = []
    for country, priorities, total in events:
        body = report(
            # Four different events (two Kenyan ones of one name would wait for review).
            event_name=f"Strategy salon {len(ids) + 1}",
            country=country,
            priorities=priorities,
            participants={"total": total, "women": min(3, total)},
        )
        answer = client.post("/api/v1/reports", json=body)
        assert answer.status_code == 201
        ids.append(answer.get_json()["id"])
    return ids


def expected_rows(summary: dict) -> list[tuple]:
    """Per initiative, the summary's numbers: its priorities with the events that named each
    for global coordination, then those named for global coordination alone (zeros)."""
    coordinated = {c["code"]: c["events"] for c in summary["global_coordination"]}
    rows = [
        (
            p["code"],
            p["mentions"],
            p["points"],
            p["first_choices"],
            p["regions"],
            p["weighted_score"],
            coordinated.pop(p["code"], 0),
        )
        for p in summary["priorities"]
    ]
    return rows + [(code, 0, 0, 0, 0, 0, n) for code, n in coordinated.items()]


@pytest.mark.parametrize("query", ["", "?region=SSA", "?country=BR&lang=fr"])
def test_tab_json_is_valid_and_equals_the_summary(client, published, query):
    doc = client.get(TAB + query).get_json()
    assert problems(doc) == []
    assert doc["license"] == "CC0-1.0"
    assert set(doc["description"]) >= {"en", "fr", "ar"}
    assert "/api/v1/summary" in doc["sources"]
    names = [f["name"] for f in doc["schema"]["fields"]]
    summary = client.get("/api/v1/summary" + query).get_json()
    rows = [dict(zip(names, row, strict=True)) for row in doc["data"]]
    assert [
        (
            r["code"],
            r["events"],
            r["points"],
            r["first_choices"],
            r["regions"],
            r["weighted_score"],
            r["global_coordination"],
        )
        for r in rows
    ] == expected_rows(summary)
    assert rows and all(r["title"]["en"] for r in rows)
    # Every report names I22 for global coordination only: a row of its own.
    assert next(r for r in rows if r["code"] == "I22")["global_coordination"] >= 1


@pytest.mark.parametrize("query", ["", "?region=SSA", "?format=virtual&lang=ar"])
def test_wikitext_table_renders_the_numbers_of_the_api(client, published, query):
    answer = client.get(WIKI + query)
    assert answer.status_code == 200 and answer.mimetype == "text/plain"
    body = answer.get_data(as_text=True)
    assert body.startswith('{| class="wikitable sortable"')
    _header, rows = parse_table(body)
    summary = client.get("/api/v1/summary" + query).get_json()
    assert [
        (r[0], int(r[3]), float(r[4]), int(r[5]), int(r[6]), float(r[7]), int(r[8])) for r in rows
    ] == expected_rows(summary)


def test_points_follow_ranks_ties_and_unranked_sets(client, published):
    points = {
        p["code"]: p["points"] for p in client.get("/api/v1/summary").get_json()["priorities"]
    }
    # I02: 15 × 3/6 (first of a ranked three) + 7.5 (a tie for first of two) + 5 (first of a
    # ranked five); I07: half of an unranked set of two.
    assert points["I02"] == 7.5 + 7.5 + 5
    assert points["I07"] == 7.5
    assert points["I09"] == 1


def test_unknown_filters_are_refused(client):
    assert client.get(TAB + "?region=XX").status_code == 422
    assert client.get(WIKI + "?from=yesterday").status_code == 422


def test_report_wikitext_has_no_contact_and_suppresses_small_counts(client, report):
    body = report(participants={"total": 34, "women": 15, "lgbtq": 2})
    # A tie for first shares its number; the recommendations stay an unranked set.
    body["priorities"] = [{"code": "I31", "rank": 1}, {"code": "I02", "rank": 1}]
    body["global_coordination"] = ["I22", {"code": "I25", "why": "Shared hubs"}]
    report_id = client.post("/api/v1/reports", json=body).get_json()["id"]
    answer = client.get(f"/api/v1/reports/{report_id}/wikitext?lang=en")
    assert answer.status_code == 200
    page = answer.get_data(as_text=True)
    assert "Wikimedia Kenya strategy salon" in page and "=== Initiatives ===" in page
    assert "| < 5" in page and "| 15" in page
    assert page.count("\n* 1. '''") == 2
    assert "Regional and thematic hubs''' – <nowiki>Shared hubs</nowiki>" in page
    for private in ("amina", "example.org", "Two volunteers", "One volunteer", "Nairobi"):
        assert private.lower() not in page.lower()
    assert client.get("/api/v1/reports/999999/wikitext").status_code == 404


def test_pending_reports_have_no_wikitext(database_url, report):
    from data.db import EXTENSION_KEY
    from tests.conftest import make_app

    app = make_app(database_url, AUTO_PUBLISH=False)
    try:
        client = app.server.test_client()
        report_id = client.post("/api/v1/reports", json=report()).get_json()["id"]
        assert client.get(f"/api/v1/reports/{report_id}/wikitext").status_code == 404
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()


def test_dashboard_download_links_follow_the_filters(app, client):
    from components.filters import filter_id
    from dashboard.export.downloads import download_links

    names = [filter_id(n) for n in ("region", "share", "theme", "from")]
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        tab, wiki = download_links(["SSA", "any", "nonsense", "2020-09-01"], names, "fr")
    assert tab == TAB + "?region=SSA&from=2020-09-01&lang=fr&download=1"
    assert wiki == WIKI + "?region=SSA&from=2020-09-01&lang=fr&download=1"
    saved = client.get(tab)
    assert saved.headers["Content-Disposition"] == 'attachment; filename="priorities.tab.json"'
    assert saved.get_json() == client.get(TAB + "?region=SSA&from=2020-09-01&lang=fr").get_json()


def test_home_page_shows_the_phases_with_the_current_one(app, client):
    from components.phases import stepper

    assert client.get("/en/").status_code == 200
    with app.server.test_request_context("/en/"):
        during = stepper(dt.date(2020, 11, 21))  # overlapping phases: the latest started
        after = stepper(dt.date(2026, 1, 1))

    def marks(nav):
        steps = nav.children[1].children
        return [s.to_plotly_json()["props"].get("aria-current") for s in steps]

    assert marks(during) == [None, "step", None, None, None]
    assert marks(after) == [None] * 5  # the process is over: nothing is current
