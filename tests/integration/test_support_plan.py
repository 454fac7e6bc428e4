"""Planning metrics against a hand-computed fixture, the plan API and the draft plan's exports.

Published events (D is rejected and must not count):

| event | region | total | women | priorities (rank order) | themes            | language |
| A     | SSA    | 10    | 5     | I01, I02, I03           | education         | en       |
| B     | SSA    | 20    | 2     | I02, I01                | education, glam   | sw       |
| C     | NWE    | 40    | 3     | I01                     | –                 | de       |
| D     | NWE    | 100   | –     | I03 (rejected)          | –                 | de       |

I01: points 5 + 4 + 5 = 14 over 3 events; participants 70; women 10 / 70; event score 14 / 3;
participant score (5·10 + 4·20 + 5·40) / 70 = 330 / 70. I02: 4 + 5 = 9; (4·10 + 5·20) / 70.
I03: 3; 3·10 / 70. Breadth: I01 is in the top five of SSA and NWE (2), the others of SSA (1).
"""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from data import overlap
from data.queries import Filters
from data.support import reject, save_plan_item
from tests.conftest import sign_in
from tests.integration.test_support_review import add


def event(report, name, date, country, total, women, priorities, themes, language):
    participants = {"total": total}
    if women is not None:
        participants["women"] = women
    return report(
        event_name=name,
        event_date=date,
        country=country,
        participants=participants,
        priorities=[{"code": c, "why": f"{name} needs {c}"} for c in priorities],
        themes=themes,
        languages=[language],
        global_coordination=[],
    )


@pytest.fixture
def fixture_ids(db, accounts, report):
    ids = {
        "A": add(
            db,
            event(
                report, "A", "2020-10-01", "KE", 10, 5, ["I01", "I02", "I03"], ["education"], "en"
            ),
            "published",
        ),
        "B": add(
            db,
            event(
                report, "B", "2020-10-03", "KE", 20, 2, ["I02", "I01"], ["education", "glam"], "sw"
            ),
            "published",
        ),
        "C": add(db, event(report, "C", "2020-10-02", "DE", 40, 3, ["I01"], [], "de"), "published"),
        "D": add(db, event(report, "D", "2020-10-04", "DE", 100, None, ["I03"], [], "de")),
    }
    reject(db, ids["D"], "test", accounts["reviewer"])
    return ids


def test_initiative_metrics(db, fixture_ids):
    with db.session(readonly=True) as session:
        found = {m.code: m for m in overlap.initiatives(session)}
    assert list(found) == ["I01", "I02", "I03"]
    i01, i02, i03 = found["I01"], found["I02"], found["I03"]
    assert (i01.events, i01.points, i01.regions, i01.themes, i01.participants) == (3, 14, 2, 2, 70)
    assert i01.breadth == 2
    assert i01.event_score == round(14 / 3, 4)
    assert i01.participant_score == round(330 / 70, 4)
    assert i01.group_shares == {"women": round(10 / 70, 4)}
    assert (i02.events, i02.points, i02.regions, i02.themes, i02.participants) == (2, 9, 1, 2, 30)
    assert (i02.breadth, i02.event_score, i02.participant_score) == (1, 3.0, 2.0)
    assert i02.group_shares == {"women": round(7 / 30, 4)}
    assert (i03.events, i03.points, i03.themes, i03.participants, i03.breadth) == (1, 3, 1, 10, 1)
    assert (i03.event_score, i03.participant_score) == (1.0, round(30 / 70, 4))


def test_filters_apply(db, fixture_ids):
    with db.session(readonly=True) as session:
        ssa = {m.code: (m.events, m.points) for m in overlap.initiatives(session, Filters("SSA"))}
        glam = overlap.initiatives(session, Filters(theme="glam"))
    assert ssa == {"I01": (2, 9), "I02": (2, 9), "I03": (1, 3)}
    assert [(m.code, m.points) for m in glam] == [("I02", 5), ("I01", 4)]


def test_matrix_pairs_and_provenance(db, fixture_ids):
    with db.session(readonly=True) as session:
        cells = [(c.code, c.region, c.events, c.points) for c in overlap.region_matrix(session)]
        pairs = [(p.first, p.second, p.events) for p in overlap.pairs(session)]
        sources = overlap.provenance(session, "I01")
    assert cells == [
        ("I01", "NWE", 1, 5),
        ("I01", "SSA", 2, 9),
        ("I02", "SSA", 2, 9),
        ("I03", "SSA", 1, 3),
    ]
    assert pairs == [("I01", "I02", 2), ("I01", "I03", 1), ("I02", "I03", 1)]
    ids = fixture_ids
    assert [(s.report_id, s.rank) for s in sources] == [(ids["A"], 1), (ids["C"], 1), (ids["B"], 2)]
    assert sources[0].why == "A needs I01"


def test_gaps(db, fixture_ids):
    with db.session(readonly=True) as session:
        gaps = overlap.gaps(session)
    regions = {c.code: (c.events, c.participants, c.thin) for c in gaps.regions}
    assert regions["SSA"] == (2, 30, True)
    assert regions["NWE"] == (1, 40, True)
    assert regions["LAC"] == (0, 0, True)
    assert {c.code: (c.events, c.participants) for c in gaps.languages} == {
        "de": (1, 40),
        "en": (1, 10),
        "sw": (1, 20),
    }
    groups = {g.code: g for g in gaps.groups}
    assert (groups["women"].count, groups["women"].of_participants) == (10, 70)
    assert groups["women"].thin is False
    assert groups["lgbtq"].share is None and groups["lgbtq"].thin is True


def test_plan_api_and_draft_exports(client, db, accounts, fixture_ids):
    sign_in(client, "rita@example.org")
    body = client.get("/api/v1/plan?region=SSA").get_json()
    assert [i["code"] for i in body["initiatives"]] == ["I01", "I02", "I03"]
    assert body["initiatives"][0]["points"] == 9
    assert client.get("/api/v1/plan?region=XX").status_code == 422

    with db.session() as session:
        save_plan_item(session, "I01", "=start with hubs", "Hub team", accounts["reviewer"])
    ids = fixture_ids
    csv_text = client.get("/api/v1/plan/draft?format=csv").get_data(as_text=True)
    line = csv_text.splitlines()[1]
    assert line.startswith("I01,")
    assert "'=start with hubs" in line  # neutralized
    assert f"{ids['A']};{ids['B']};{ids['C']}" in line
    assert f"/en/review?report={ids['A']}" in line

    book = load_workbook(io.BytesIO(client.get("/api/v1/plan/draft?format=xlsx").data))
    rows = list(book["plan"].iter_rows(values_only=True))
    assert rows[1][0] == "I01" and rows[1][2] == "'=start with hubs" and rows[1][4] == 3

    markdown = client.get("/api/v1/plan/draft?format=md").get_data(as_text=True)
    assert f"[#{ids['C']}](http://localhost/en/review?report={ids['C']})" in markdown
    assert "Hub team" in markdown


def test_plan_callbacks(app, db, accounts, fixture_ids):
    from flask_login import login_user

    from dashboard import plan_callbacks
    from dashboard.auth import SupportUser

    filter_ids = [
        {"type": "plan-filter", "name": n} for n in ("region", "theme", "format", "group")
    ]
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        _table, figure, summary, *_rest = plan_callbacks.update_plan(
            ["SSA", None, None, None], None, None, "women", "en", filter_ids
        )
        assert "points" in summary
        assert figure.data[0].z[0][list(figure.data[0].x).index("Sub-Saharan Africa")] == 9
        sources = plan_callbacks.show_sources("I02", [None] * 4, None, None, "en", filter_ids)
        assert "B needs I02" in str(sources.to_plotly_json())


def test_full_export_has_private_fields_and_a_dictionary(client, accounts, fixture_ids):
    sign_in(client, "rita@example.org")
    response = client.get("/api/v1/export?format=csv")
    assert response.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    assert sorted(archive.namelist()) == ["data_dictionary.csv", "reports.csv"]
    reports = archive.read("reports.csv").decode()
    assert "organizer_email" in reports.splitlines()[0]
    assert reports.count("amina@example.org") == 4  # every report, rejected ones too
    dictionary = archive.read("data_dictionary.csv").decode()
    assert "organizer_email,Organizer's email,private" in dictionary

    data = client.get("/api/v1/export?format=json").get_json()
    assert len(data["reports"]) == 4
    assert data["reports"][0]["organizer_email"] == "amina@example.org"
    assert data["reports"][0]["priority_1"] == "I01"
    assert any(d["column"] == "group_women" for d in data["dictionary"])

    book = load_workbook(io.BytesIO(client.get("/api/v1/export?format=xlsx").data))
    assert book.sheetnames == ["reports", "data_dictionary"]
    header, *rows = list(book["reports"].iter_rows(values_only=True))
    assert len(rows) == 4 and "organizer_email" in header


def test_export_neutralizes_formulas(client, db, accounts, report):
    add(db, report(event_name="=cmd|' /C calc'!A0", notes="@SUM(1)"), "published")
    sign_in(client, "rita@example.org")
    archive = zipfile.ZipFile(io.BytesIO(client.get("/api/v1/export?format=csv").data))
    reports = archive.read("reports.csv").decode()
    assert "'=cmd|" in reports and "'@SUM(1)" in reports
    book = load_workbook(io.BytesIO(client.get("/api/v1/export?format=xlsx").data))
    header, row = list(book["reports"].iter_rows(values_only=True))
    assert row[header.index("event_name")] == "'=cmd|' /C calc'!A0"
    assert client.get("/api/v1/export?format=pdf").status_code == 422
