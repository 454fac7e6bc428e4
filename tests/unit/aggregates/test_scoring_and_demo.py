import datetime as dt
from collections import Counter
from fractions import Fraction

import pytest

from data.aggregates.keep import of_new
from data.aggregates.queries import GroupTotal
from data.aggregates.tables import AggCoordination, AggInitiatives, AggRecommendations
from data.demo.reports import generate
from data.models import Status
from data.privacy import public_groups, suppressed
from data.reference import reference
from data.reports.rows import chosen_rows
from data.scoring import RECOMMENDATION_TOTAL, milli_points, shares
from intake.report.validation import validate
from tests.conftest import GLOBAL_CONVERSATION_CLUSTERS


def test_a_ranked_five_gives_five_to_one_and_every_event_hands_out_fifteen():
    assert shares([1, 2, 3, 4, 5]) == [5, 4, 3, 2, 1]
    assert shares([1, 2, 3], RECOMMENDATION_TOTAL) == [3, 2, 1]
    # Any length: positions by their share of 15.
    assert shares([1, 2]) == [10, 5]
    assert shares([1]) == [15]
    for n in range(1, 45):
        assert sum(shares(list(range(1, n + 1)))) == 15
        assert sum(shares([None] * n)) == 15


def test_ties_share_the_average_of_their_places_and_a_set_shares_equally():
    # Two in one row of the template (the real 2020 report of ranked-tie-two-sessions.json).
    assert shares([1, 1]) == [Fraction(15, 2)] * 2
    # A tie for second place among four: positions 2 and 3 (3 and 2 of 10 parts) → 2.5 each.
    assert shares([1, 2, 2, 3]) == [6, Fraction(15, 4), Fraction(15, 4), Fraction(3, 2)]
    assert shares([1, 2, 2, 3]) == shares([1, 2, 2, 4])  # gaps in ranks do not matter
    assert shares([None] * 3) == [5, 5, 5]
    assert milli_points([None] * 7) == [2143] * 7  # 15/7 rounded to thousandths
    with pytest.raises(ValueError):
        shares([1, None])


def test_the_aggregate_rows_score_a_ranking_by_the_same_rule():
    """A published report with five ranked initiatives and three recommendations: the rows the
    intake adds (data.aggregates.keep.of_new) carry 5..1 and 3..1 points (in thousandths)."""
    codes = ["I02", "I31", "I25", "I07", "I40"]
    report = {
        "status": Status.PUBLISHED,
        "region": "SSA",
        "country": "KE",
        "format": "virtual",
        "event_date": dt.date(2020, 10, 3),
        "participants_total": 10,
    }
    children = {
        "initiatives": chosen_rows([{"rank": r, "code": c} for r, c in enumerate(codes, 1)], 15),
        "recommendations": chosen_rows(
            [{"rank": r, "code": c} for r, c in enumerate(["R6", "R1", "R2"], 1)], 6
        ),
        "groups": [],
        "themes": [],
        "languages": [],
        "coordination": [{"initiative_code": "I22"}],
    }
    rows = of_new(report, children)
    initiatives = {
        key[-1]: value for (facet, _, *key), value in rows[AggInitiatives].items() if facet == "all"
    }
    # (mentions, points, first choices, points × participants) per initiative
    expected = dict(zip(codes, [5000, 4000, 3000, 2000, 1000], strict=True))
    assert {c: initiatives[c][1] for c in codes} == expected
    assert list(initiatives["I02"]) == [1, 5000, 1, 50000]
    recommendations = {
        key[-1]: value[1]
        for (facet, _, *key), value in rows[AggRecommendations].items()
        if facet == "all"
    }
    assert recommendations == {"R6": 3000, "R1": 2000, "R2": 1000}
    coordinated = {
        key[-1]: value
        for (facet, _, *key), value in rows[AggCoordination].items()
        if facet == "all"
    }
    assert coordinated == {"I22": [1]}


def test_small_counts_are_suppressed_but_zero_is_not():
    assert [suppressed(n, 5) for n in (None, 0, 1, 4, 5)] == [False, False, True, True, False]
    out = public_groups([GroupTotal("lgbtq", 3, 40), GroupTotal("women", 20, 40)], 5)
    hidden = {"count": None, "share": None, "suppressed": True, "share_is": "hidden"}
    assert out["lgbtq"] == {**hidden, "events_left_out": 0}
    exact = {"count": 20, "share": 0.5, "suppressed": False, "share_is": "exact"}
    assert out["women"] == {**exact, "events_left_out": 0}
    # A lower bound: 10 counted, one event's 1..4 people left out.
    bound = public_groups([GroupTotal("women", 10, 40, 1)], 5)["women"]
    assert (bound["share"], bound["share_is"], bound["events_left_out"]) == (0.25, "at_least", 1)


def test_demo_data_is_valid_deterministic_and_covers_every_region(sqlite_app):
    reports = generate(300, seed=7)
    assert reports == generate(300, seed=7)
    assert len({r["client_id"] for r in reports}) == 300
    with sqlite_app.server.test_request_context():
        assert all(validate(r)[1] == {} for r in reports)
    ref = reference()
    regions = Counter(r["region"] or ref.region_of(r["country"]) for r in reports)
    assert set(regions) == set(ref.regions)
    # The Global Conversations' clusters lead, as in 2020.
    top = Counter(p["code"] for r in reports for p in r["priorities"]).most_common(10)
    popular = set(GLOBAL_CONVERSATION_CLUSTERS)
    assert sum(code in popular for code, _ in top) >= 8
