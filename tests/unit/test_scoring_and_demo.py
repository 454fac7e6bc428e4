import datetime as dt
from collections import Counter

import pytest

from data.aggregates import AggInitiatives, AggRecommendations
from data.aggregates_keep import of_new
from data.demo import generate
from data.models import Status
from data.privacy import public_groups, suppressed
from data.queries import GroupTotal, borda_points
from data.reference import reference
from intake.validation import validate


def test_borda_points():
    assert [borda_points(r) for r in range(1, 6)] == [5, 4, 3, 2, 1]
    assert [borda_points(r, 3) for r in range(1, 4)] == [3, 2, 1]
    with pytest.raises(ValueError):
        borda_points(6)


def test_the_aggregate_rows_score_a_ranking_by_the_same_rule():
    """A published report with five ranked initiatives and three recommendations: the rows the
    intake adds (data.aggregates_keep.of_new) carry 5..1 and 3..1 points."""
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
        "initiatives": [{"rank": r, "code": c} for r, c in enumerate(codes, 1)],
        "recommendations": [{"rank": r, "code": c} for r, c in enumerate(["R6", "R1", "R2"], 1)],
        "groups": [],
        "themes": [],
        "languages": [],
    }
    rows = of_new(report, children)
    initiatives = {
        key[-1]: value for (facet, _, *key), value in rows[AggInitiatives].items() if facet == "all"
    }
    # (mentions, points, first choices, points × participants) per initiative
    assert {c: initiatives[c][1] for c in codes} == dict(zip(codes, [5, 4, 3, 2, 1], strict=True))
    assert list(initiatives["I02"]) == [1, 5, 1, 50]
    recommendations = {
        key[-1]: value[1]
        for (facet, _, *key), value in rows[AggRecommendations].items()
        if facet == "all"
    }
    assert recommendations == {"R6": 3, "R1": 2, "R2": 1}


def test_small_counts_are_suppressed_but_zero_is_not():
    assert [suppressed(n, 5) for n in (None, 0, 1, 4, 5)] == [False, False, True, True, False]
    out = public_groups([GroupTotal("lgbtq", 3, 40), GroupTotal("women", 20, 40)], 5)
    assert out["lgbtq"] == {"count": None, "share": None, "suppressed": True, "events_left_out": 0}
    assert out["women"] == {"count": 20, "share": 0.5, "suppressed": False, "events_left_out": 0}


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
    popular = {
        "I22",
        "I23",
        "I24",
        "I09",
        "I11",
        "I31",
        "I32",
        "I33",
        "I25",
        "I02",
        "I03",
        "I08",
        "I36",
        "I37",
        "I38",
    }
    assert sum(code in popular for code, _ in top) >= 8
