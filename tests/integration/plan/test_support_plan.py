"""Planning metrics against a hand-computed fixture, the plan API and the draft plan's exports.

Published events (D is rejected and must not count):

| event | region | total | women | priorities (ranked) | themes          | language | coordination |
| A     | SSA    | 10    | 5     | I01, I02, I03       | education       | en       | I01, I03     |
| B     | SSA    | 20    | 2     | I02, I01            | education, glam | sw       | I01          |
| C     | NWE    | 40    | 3     | I01                 | –               | de       | –            |
| D     | NWE    | 100   | –     | I03 (rejected)      | –               | de       | I03          |

Every event hands out 15 points (data.scoring): a ranked three gives 7.5, 5, 2.5, a ranked two
10, 5, a single choice 15. I01: 7.5 + 5 + 15 = 27.5 over 3 events; participants 70; women
10 / 70; event score 27.5 / 3; participant score (7.5·10 + 5·20 + 15·40) / 70 = 775 / 70;
named for global coordination by 2 events. I02: 5 + 10 = 15; (5·10 + 10·20) / 70; none.
I03: 2.5; 2.5·10 / 70; 1 (D does not count). Breadth: I01 is in the top five of SSA and NWE
(2), the others of SSA (1). Initiatives rank by events, then points.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from openpyxl import load_workbook

from data.aggregates.queries import Filters
from data.overlap import analysis as overlap
from data.support.plan import save_plan_item
from data.support.review import reject
from tests.conftest import sign_in
from tests.integration.support.test_support_review import add


def event(report, name, date, country, total, women, priorities, themes, language, coord=()):
    participants = {"total": total}
    if women is not None:
        participants["women"] = women
    return report(
        event_name=name,
        event_date=date,
        country=country,
        participants=participants,
        priorities=[
            {"code": c, "rank": n, "why": f"{name} needs {c}"}
            for n, c in enumerate(priorities, start=1)
        ],
        themes=themes,
        languages=[language],
        global_coordination=list(coord),
    )


@pytest.fixture
def fixture_ids(db, accounts, report):
    ids = {
        "A": add(
            db,
            event(
                report,
                "A",
                "2020-10-01",
                "KE",
                10,
                5,
                ["I01", "I02", "I03"],
                ["education"],
                "en",
                ["I01", "I03"],
            ),
            "published",
        ),
        "B": add(
            db,
            event(
                report,
                "B",
                "2020-10-03",
                "KE",
                20,
                2,
                ["I02", "I01"],
                ["education", "glam"],
                "sw",
                ["I01"],
            ),
            "published",
        ),
        "C": add(db, event(report, "C", "2020-10-02", "DE", 40, 3, ["I01"], [], "de"), "published"),
        "D": add(db, event(report, "D", "2020-10-04", "DE", 100, None, ["I03"], [], "de", ["I03"])),
    }
    reject(db, ids["D"], "test", accounts["reviewer"])
    return ids


def test_initiative_metrics(db, fixture_ids):
    with db.session(readonly=True) as session:
        found = {m.code: m for m in overlap.initiatives(session)}
    assert list(found) == ["I01", "I02", "I03"]
    i01, i02, i03 = found["I01"], found["I02"], found["I03"]
    assert (i01.events, i01.points, i01.regions, i01.themes, i01.participants) == (
        3,
        27.5,
        2,
        2,
        70,
    )
    assert i01.breadth == 2
    assert i01.event_score == round(27.5 / 3, 4)
    assert i01.participant_score == round(775 / 70, 4)
    assert i01.group_shares == {"women": round(10 / 70, 4)}
    assert (i02.events, i02.points, i02.regions, i02.themes, i02.participants) == (2, 15, 1, 2, 30)
    assert (i02.breadth, i02.event_score, i02.participant_score) == (1, 5.0, round(250 / 70, 4))
    assert i02.group_shares == {"women": round(7 / 30, 4)}
    assert (i03.events, i03.points, i03.themes, i03.participants, i03.breadth) == (1, 2.5, 1, 10, 1)
    assert (i03.event_score, i03.participant_score) == (round(2.5 / 3, 4), round(25 / 70, 4))
    # Events naming it for global coordination; the rejected D does not count.
    assert (i01.coordination, i02.coordination, i03.coordination) == (2, 0, 1)


def test_points_share_fifteen_per_event(db, accounts, report):
    """A ranked five gives 5, 4, 3, 2, 1; a tie shares the places it holds; an unranked set
    shares 15 equally. Initiatives rank by events (mentions) first, then points."""

    def chosen(name, date, choices):
        payload = report(
            event_name=name,
            event_date=date,
            priorities=[{"code": c, "rank": r, "why": f"{name} needs {c}"} for c, r in choices],
            global_coordination=[],
        )
        return add(db, payload, "published")

    ranked = chosen("E", "2020-10-01", [(f"I0{n}", n) for n in range(1, 6)])
    tied = chosen("F", "2020-10-02", [("I01", 1), ("I02", 1), ("I03", 2)])
    unranked = chosen("G", "2020-10-03", [(c, None) for c in ("I01", "I04", "I05", "I06")])
    with db.session(readonly=True) as session:
        found = [(m.code, m.events, m.points) for m in overlap.initiatives(session)]
        sources = overlap.provenance(session, "I01")
    # E: 5, 4, 3, 2, 1. F: I01 and I02 share places 1 and 2, (3 + 2) / 6 of 15 = 6.25 each;
    # I03 2.5. G: 15 / 4 = 3.75 each.
    assert found == [
        ("I01", 3, 5 + 6.25 + 3.75),
        ("I02", 2, 4 + 6.25),
        ("I04", 2, 2 + 3.75),
        ("I03", 2, 3 + 2.5),
        ("I05", 2, 1 + 3.75),
        ("I06", 1, 3.75),
    ]
    assert sum(points for _, _, points in found) == 3 * 15
    # Ranked sources first; the unranked set's has no rank.
    assert [(s.report_id, s.rank) for s in sources] == [(ranked, 1), (tied, 1), (unranked, None)]


def test_filters_apply(db, fixture_ids):
    with db.session(readonly=True) as session:
        ssa = {m.code: (m.events, m.points) for m in overlap.initiatives(session, Filters("SSA"))}
        glam = overlap.initiatives(session, Filters(theme="glam"))
    assert ssa == {"I01": (2, 12.5), "I02": (2, 15), "I03": (1, 2.5)}
    assert [(m.code, m.points) for m in glam] == [("I02", 10), ("I01", 5)]


def test_matrix_pairs_and_provenance(db, fixture_ids):
    with db.session(readonly=True) as session:
        cells = [(c.code, c.region, c.events, c.points) for c in overlap.region_matrix(session)]
        pairs = [(p.first, p.second, p.events) for p in overlap.pairs(session)]
        sources = overlap.provenance(session, "I01")
    assert cells == [
        ("I01", "NWE", 1, 15),
        ("I01", "SSA", 2, 12.5),
        ("I02", "SSA", 2, 15),
        ("I03", "SSA", 1, 2.5),
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
    # By events, then points: I02 and I01 were both named twice in SSA, I02 with more points.
    assert [i["code"] for i in body["initiatives"]] == ["I02", "I01", "I03"]
    assert body["initiatives"][0]["points"] == 15
    assert [i["coordination"] for i in body["initiatives"]] == [0, 2, 1]
    assert client.get("/api/v1/plan?region=XX").status_code == 422

    with db.session() as session:
        save_plan_item(session, "I01", "=start with hubs", "Hub team", accounts["reviewer"])
    ids = fixture_ids
    csv_text = client.get("/api/v1/plan/draft?format=csv").get_data(as_text=True)
    header, line = csv_text.splitlines()[:2]
    assert header.split(",")[4:7] == [
        "Events",
        "Points",
        "Events naming it for global coordination",
    ]
    assert line.startswith("I01,")
    assert ",3,27.5,2," in line  # events, points, events naming it for global coordination
    assert "'=start with hubs" in line  # neutralized
    assert f"{ids['A']};{ids['B']};{ids['C']}" in line
    assert f"/en/review/{ids['A']}" in line

    book = load_workbook(io.BytesIO(client.get("/api/v1/plan/draft?format=xlsx").data))
    rows = list(book["plan"].iter_rows(values_only=True))
    assert rows[1][0] == "I01" and rows[1][2] == "'=start with hubs" and rows[1][4] == 3
    assert rows[0][6] == "Events naming it for global coordination"
    assert (rows[1][5], rows[1][6]) == (27.5, 2)

    markdown = client.get("/api/v1/plan/draft?format=md").get_data(as_text=True)
    assert f"[#{ids['C']}](http://localhost/en/review/{ids['C']})" in markdown
    assert "Hub team" in markdown
    assert "Asked for by 3 events (27.5 points)" in markdown
    assert "Events naming it for global coordination: 2" in markdown

    plan = client.get("/api/v1/plan").get_json()["plan"]
    assert [(p["code"], p["events"], p["points"], p["coordination"]) for p in plan] == [
        ("I01", 3, 27.5, 2)
    ]


def test_plan_callbacks(app, db, accounts, fixture_ids):
    from flask_login import login_user

    from dashboard.auth.login import SupportUser
    from dashboard.plan import callbacks as plan_callbacks

    filter_ids = [
        {"type": "plan-filter", "name": n} for n in ("region", "theme", "format", "group")
    ]
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        table, figure, summary, *_rest = plan_callbacks.update_plan(
            ["SSA", None, None, None], None, None, "women", "en", filter_ids
        )
        assert "points" in summary
        # The first row is I02 (two events, 15 points), ahead of I01 (two events, 12.5).
        assert figure.data[0].z[0][list(figure.data[0].x).index("Sub-Saharan Africa")] == 15
        shown = str(table.to_plotly_json())
        assert "Events naming it for global coordination" in shown
        assert "12.5" in shown and "12.50" not in shown
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
    first = json.loads(data["reports"][0]["priorities"])
    assert min(first, key=lambda c: c["position"])["code"] == "I01"
    assert {(c["code"], c["rank"]) for c in first} == {("I01", 1), ("I02", 2), ("I03", 3)}
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


def test_a_counted_groups_share_reads_na_or_at_least(app, db, fixture_ids):
    """B's 2 and C's 3 women (under the threshold of 5) are hidden from public totals: the plan
    says "at least" while enough is counted, and "n/a" when the share is unknown."""
    from flask_babel import force_locale

    from dashboard.plan import figures as plan_figures

    threshold = app.server.config["PRIVACY_THRESHOLD"]
    assert threshold == 5
    with db.session(readonly=True) as session:
        found = {m.code: m for m in overlap.initiatives(session)}
        only_c = overlap.initiatives(session, Filters(region="NWE"))
        gaps = overlap.gaps(session, Filters(region="NWE"))
    # Counted in public totals, the participants of the events that counted, hidden events.
    assert found["I01"].group_totals == {"women": (5, 70, 2)}
    assert found["I03"].group_totals == {"women": (5, 10, 0)}
    assert only_c[0].group_totals == {"women": (0, 40, 1)}
    with app.server.test_request_context("/"), force_locale("en"):
        shares = {
            m.code: row[7]
            for m, row in zip(
                found.values(),
                plan_figures.metrics_rows(list(found.values()), "women", threshold),
                strict=True,
            )
        }
        assert shares["I01"] == "at least 7% (2 events with fewer than 5 people not counted)"
        assert shares["I03"] == "50%"
        [hidden] = plan_figures.metrics_rows(only_c, "women", threshold)
        assert hidden[7] == "n/a — fewer than 5 people"
        assert "0%" not in hidden[7]
        women = plan_figures.gap_rows(gaps, threshold)["groups"][0]
        assert women[:3] == ["Women", "1", "n/a — fewer than 5 people"]
