"""The comparison ("How the selection differs"), computed on a few reports posted over the API."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from components.filters import NAMES, filter_id
from dashboard.compare import model as compare
from dashboard.compare.callbacks import update_comparison
from data.aggregates.queries import Filters
from data.cache import current_version
from data.db import EXTENSION_KEY
from data.i18n_extract import extract_reference_csv
from data.reference import REFERENCE_DIR

FILTER_IDS = [filter_id(n) for n in NAMES]
# Two events in South Asia, one in each European region; the initiatives they ranked.
EVENTS = [
    ("IN", ["I01", "I02", "I03"], 12),
    ("IN", ["I01", "I04", "I05"], 2),
    ("DE", ["I02", "I03", "I04"], 12),
    ("PL", ["I02", "I06", "I07"], 12),
]


def values(**chosen):
    return [chosen.get(n, "any" if n == "share" else None) for n in NAMES]


@pytest.fixture
def posted(app, report):
    client = app.server.test_client()
    for number, (country, codes, newcomers) in enumerate(EVENTS):
        payload = report(
            event_name=f"Strategy salon {number}",
            event_date=f"2020-10-{number + 10}",
            country=country,
            priorities=[{"code": code, "why": ""} for code in codes],
        )
        payload["participants"] = {**payload["participants"], "newcomers": newcomers}
        assert client.post("/api/v1/reports", json=payload).status_code == 201
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        yield app.server.extensions[EXTENSION_KEY]


def test_europe_is_both_european_regions_and_its_label_reaches_the_catalogs():
    assert compare.region_groups()["EU"].regions == ("CEECA", "NWE")
    assert compare.choices()[:2] == ["all", "EU"]
    assert "SA" in compare.choices()
    with (REFERENCE_DIR / "region_groups.csv").open("rb") as handle:
        labels = [label for _line, _kind, label, _notes in extract_reference_csv(handle, 0, 0, 0)]
    assert labels == ["Europe"]


def test_unknown_choices_mean_no_comparison():
    assert compare.valid("EU") == "EU"
    assert compare.valid("sa") == "SA"
    assert compare.valid("ALL") == "all"
    assert compare.valid("MOON") is None and compare.valid(None) is None


def test_the_other_side_keeps_every_filter_but_the_place():
    filters = Filters(country="IN", group="newcomers", group_share=25)
    assert compare.comparison_filters(filters, "EU") == [
        Filters(region="CEECA", group="newcomers", group_share=25),
        Filters(region="NWE", group="newcomers", group_share=25),
    ]
    assert compare.comparison_filters(filters, "all") == [
        Filters(group="newcomers", group_share=25)
    ]


def test_shares_of_a_region_against_a_group_of_regions(posted):
    version = current_version(posted)
    ours, theirs = compare.compare(posted, Filters(region="SA"), "EU", version)
    assert (ours.events, theirs.events) == (2, 2)
    assert ours.share("I01") == 1.0 and theirs.share("I01") == 0.0
    assert theirs.share("I02") == 1.0 and ours.share("I02") == 0.5
    rows = compare.differences(ours, theirs)
    assert [r.code for r in rows] == ["I01", "I05", "I03", "I04", "I02", "I06", "I07"]
    assert [round(r.difference, 2) for r in rows] == [1.0, 0.5, 0.0, 0.0, -0.5, -0.5, -0.5]
    # The whole movement: all four events.
    _ours, everyone = compare.compare(posted, Filters(region="SA"), "all", version)
    assert everyone.events == 4 and everyone.share("I02") == 0.75


def test_the_group_filter_applies_to_both_sides(posted):
    many = Filters(region="SA", group="newcomers", group_share=25)
    ours, theirs = compare.compare(posted, many, "EU", current_version(posted))
    # 2 of 34 participants are newcomers in one Indian event: not "many".
    assert (ours.events, theirs.events) == (1, 2)
    assert ours.share("I05") == 0.0 and ours.share("I03") == 1.0


def test_at_most_ten_differences_the_largest_lead_first():
    ours = compare.Side(10, {f"I{n:02d}": n % 10 for n in range(1, 31)})
    theirs = compare.Side(10, {f"I{n:02d}": 5 for n in range(1, 31)})
    rows = compare.differences(ours, theirs)
    assert len(rows) == compare.TOP
    every = sorted((abs(n % 10 - 5) / 10 for n in range(1, 31)), reverse=True)
    assert sorted((round(abs(r.difference), 2) for r in rows), reverse=True) == every[:10]
    assert [r.difference for r in rows] == sorted((r.difference for r in rows), reverse=True)
    assert compare.differences(compare.Side(0, {}), theirs) == []


def test_the_card_names_the_biggest_lead_with_shares_only(posted):
    hidden, *_rest = update_comparison(None, values(region="SA"), None, False, "en", FILTER_IDS)
    assert hidden is True
    hidden, figure, sentence, table = update_comparison(
        None, values(region="SA"), "EU", False, "en", FILTER_IDS
    )
    assert hidden is False
    assert sentence.startswith(
        "Compared with Europe, events in South Asia ranked “1. Systematic approach to improve "
        "satisfaction and productivity” more often (100% vs 0%)."
    )
    assert "only 2 events" in sentence
    fig = go.Figure(figure)
    assert [t.name for t in fig.data] == ["Europe", "South Asia"]
    assert fig.layout.barmode == "group"
    assert list(fig.data[1].x)[-1] == 1.0  # the largest lead on top
    body = table["props"]["children"][1]["props"]["children"]
    first = [cell["props"]["children"] for cell in body[0]["props"]["children"]]
    assert first[1:] == ["100%", "0%", "+100"]
    # Everything shown is a share or a difference of shares: no count of events or people.
    assert all(cell.endswith("%") for row in body for cell in row_cells(row)[1:3])


def row_cells(row):
    return [cell["props"]["children"] for cell in row["props"]["children"]]


def test_the_card_speaks_the_viewers_language_and_is_cached_per_version(posted, monkeypatch):
    from dashboard.compare import callbacks as compare_callbacks

    calls = []
    real = compare_callbacks.render_comparison
    monkeypatch.setattr(
        compare_callbacks, "render_comparison", lambda *a: calls.append(a) or real(*a)
    )
    first = update_comparison(None, values(region="SA"), "all", False, "fr", FILTER_IDS)
    again = update_comparison(None, values(region="SA"), "all", False, "fr", FILTER_IDS)
    assert first == again and len(calls) == 1
    assert go.Figure(first[1]).data[1].name == "Asie du Sud"
    assert "Asie du Sud" in first[2]
