"""A group filter never tells a suppressed count: "events with participants from women" lists
only events with at least PRIVACY_THRESHOLD women, in the API's list, its CSV, the summary and
the aggregate tables (on SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from data.aggregates import keep as aggregates_keep
from data.aggregates.insights import summary
from data.db import EXTENSION_KEY
from data.filters import parse_filters


def post(client, payload) -> int:
    answer = client.post("/api/v1/reports", json=payload)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()["id"]


@pytest.fixture
def three_events(client, report):
    """Women 4 of 8 (suppressed: half), 5 of 10 (shown: half), 3 of 40 (suppressed)."""
    ids = {}
    for name, women, total in (("four", 4, 8), ("five", 5, 10), ("three", 3, 40)):
        participants = {"total": total, "women": women, "lgbtq": 0, "newcomers": 0}
        ids[name] = post(client, report(event_name=f"Salon {name}", participants=participants))
    return ids


@pytest.mark.parametrize(
    "query, expected",
    [
        ("group=women", {"five"}),
        ("group=women&share=50", {"five"}),
        ("group=women&share=25", {"five"}),
        ("group=lgbtq", set()),
    ],
)
def test_a_group_filter_lists_only_counts_that_may_be_shown(
    app, client, three_events, query, expected
):
    by_id = {v: k for k, v in three_events.items()}
    listed = client.get(f"/api/v1/reports?{query}").get_json()
    assert {by_id[r["id"]] for r in listed["reports"]} == expected
    csv = client.get(f"/api/v1/reports?{query}&format=csv").get_data(as_text=True)
    assert {name for name in three_events if f"Salon {name}" in csv} == expected
    assert client.get(f"/api/v1/summary?{query}").get_json()["events"] == len(expected)

    # The dashboard reads the same answer from the aggregate tables, equal to a recount.
    db = app.server.extensions[EXTENSION_KEY]
    filters, problems = parse_filters(dict(pair.split("=") for pair in query.split("&")))
    assert not problems
    with db.session(readonly=True) as session:
        assert summary(session, filters).events == len(expected)
        assert aggregates_keep.verify(session) == []


def test_no_difference_of_public_totals_reveals_a_hidden_count(client, report):
    """One event per day: all events, minus those before its day, minus those after, gives
    exactly what its own public record shows (5), or nothing for a hidden 4 or 3."""
    days = {"2020-10-01": 4, "2020-10-02": 5, "2020-10-03": 3}
    for day, women in days.items():
        participants = {"total": 20, "women": women}
        post(client, report(event_name=f"Salon {day}", event_date=day, participants=participants))

    def women(query: str = "") -> int:
        groups = client.get(f"/api/v1/summary?{query}").get_json()["groups"]
        return groups["women"]["count"] if "women" in groups else 0  # no events: no groups

    shown = {
        r["event_date"]: r["participants"]["groups"]["women"]["count"]
        for r in client.get("/api/v1/reports").get_json()["reports"]
    }
    assert shown == {"2020-10-01": None, "2020-10-02": 5, "2020-10-03": None}
    everything = women()
    # What the total leaves out is said, as each such event's own record says it.
    summary = client.get("/api/v1/summary").get_json()["groups"]["women"]
    assert (summary["count"], summary["events_left_out"]) == (5, 2)
    for day, before, after in (
        ("2020-10-01", "2020-09-30", "2020-10-02"),
        ("2020-10-02", "2020-10-01", "2020-10-03"),
        ("2020-10-03", "2020-10-02", "2020-10-04"),
    ):
        isolated = everything - women(f"to={before}") - women(f"from={after}")
        assert isolated == (shown[day] or 0), day


# Small events: below PRIVACY_THRESHOLD participants, which groups are "< 5" and which are 0
# would tell who came; no group detail at all is shown, alike whatever the counts were.


@pytest.mark.parametrize(
    "participants",
    [
        {"total": 3, "women": 2, "lgbtq": 0},
        {"total": 3, "women": 0, "lgbtq": 2, "indigenous": 1},
        {"total": 4},
        {"total": None, "women": 2, "lgbtq": 0},  # unknown total, nothing says 5 came
        {"total": 2, "total_precision": "about", "women": 1},
    ],
)
def test_a_small_event_shows_no_group_at_all(client, report, participants):
    import csv
    import io

    from data.reference import reference

    report_id = post(client, report(participants=participants))
    one = client.get(f"/api/v1/reports/{report_id}").get_json()["participants"]
    assert one["groups"] == {} and one["group_detail"] == "withheld"
    assert one["total"] == participants["total"]  # the total itself stays public
    (row,) = csv.DictReader(io.StringIO(client.get("/api/v1/reports?format=csv").text))
    assert {row[code] for code in reference().groups} == {"withheld"}
    page = client.get(f"/api/v1/reports/{report_id}/wikitext").get_data(as_text=True)
    assert "Not shown: the event may have had fewer than 5 participants" in page
    assert "< 5" not in page


@pytest.mark.parametrize(
    "participants",
    [
        {"total": 5, "women": 2, "lgbtq": 0},
        {"total": 3, "total_precision": "at_least", "women": 6, "lgbtq": 0},
        {"total": None, "women": 6, "lgbtq": 0, "indigenous": 2},  # 6 women: at least 6 came
    ],
)
def test_an_event_known_to_reach_the_threshold_shows_its_groups(client, report, participants):
    report_id = post(client, report(participants=participants))
    one = client.get(f"/api/v1/reports/{report_id}").get_json()["participants"]
    assert one["group_detail"] == "shown"
    assert one["groups"]["lgbtq"] == ({"count": 0, "suppressed": False})
    assert {c: g["suppressed"] for c, g in one["groups"].items()} == {
        c: 0 < n < 5 for c, n in participants.items() if c not in ("total", "total_precision")
    }
