"""Honest small numbers: a group share that small counts hide reads "n/a" (hatched in the
heatmap), a lower bound reads "at least"/"≥", and only a real zero reads "0%" — in the rule
(data/privacy.py), its words (components/small_numbers.py), the group heatmap and its table, and
the stat card."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest
from flask_babel import force_locale
from plotly.io.json import to_json_plotly

from components import small_numbers as sn
from dashboard.home import figures, heatmaps, view
from data import privacy
from data.aggregates.queries import Cell, GroupTotal, Insights, Summary
from data.reference import reference


@pytest.fixture
def context(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        yield sqlite_app


@pytest.mark.parametrize(
    "count, of, hidden, threshold, state, share",
    [
        (0, 400, 0, 5, privacy.EXACT, 0.0),  # a real zero: 400 people counted, none of the group
        (120, 400, 0, 5, privacy.EXACT, 0.3),
        (0, 400, 3, 5, privacy.HIDDEN, None),  # every non-zero count hidden: unknown, not "nobody"
        (0, 3, 0, 5, privacy.HIDDEN, None),  # 0 of 3 people would tell who came
        (0, 8, 0, 10, privacy.HIDDEN, None),  # the threshold given, not a constant 5
        (0, 8, 0, 5, privacy.EXACT, 0.0),
        (30, 400, 2, 5, privacy.AT_LEAST, 0.075),  # up to 2 × 4 hidden, 30 counted: a lower bound
        (11, 5000, 113, 5, privacy.HIDDEN, None),  # up to 452 hidden against 11 counted: unknown
        (8, 400, 4, 5, privacy.AT_LEAST, 0.02),  # up to 16 hidden = twice 8: the truth ≤ 3 × 2%
        (8, 400, 5, 5, privacy.HIDDEN, None),  # up to 20 hidden: the truth could be 3.5 × 2%
        (0, 0, 2, 5, privacy.HIDDEN, None),  # no participant total, but hidden counts
        (3, 40, 0, 5, privacy.HIDDEN, None),  # a suppressed sum is never shown
    ],
)
def test_hidden_zero_and_lower_bound(count, of, hidden, threshold, state, share):
    value = privacy.group_share(count, of, hidden, threshold)
    assert value.state == state
    assert value.share == (pytest.approx(share) if share is not None else None)


def test_nothing_to_say_without_participants_or_hidden_counts():
    assert privacy.group_share(0, 0, 0, 5) is None
    assert privacy.group_share(12, 0, 0, 5) is None  # no total to take a share of


def test_words_are_built_from_the_threshold(context):
    one = privacy.group_share(0, 3, 0, 5)
    assert sn.full(one, 5) == "n/a — fewer than 5 people"
    assert sn.full(privacy.group_share(0, 2, 0, 3), 3) == "n/a — fewer than 3 people"
    many = privacy.group_share(0, 4000, 113, 5)
    assert sn.full(many, 5) == "n/a — 113 events counted fewer than 5 people each"
    assert sn.short(many) == "n/a" and sn.headline(many) == "n/a"
    bound = privacy.group_share(30, 400, 2, 5)
    assert sn.short(bound) == "≥ 7%"  # 7.5%, rounded down: a lower bound never rounds up
    assert sn.headline(bound) == "at least 7%"
    assert sn.full(bound, 5) == "at least 7% (2 events with fewer than 5 people not counted)"
    assert sn.detail(privacy.group_share(120, 400, 0, 5), 5) == ""


def test_a_real_share_never_rounds_to_zero(context):
    assert sn.percent(0) == "0%"
    assert sn.percent(0.3) == "30%"
    assert sn.percent(0.0025) == "0.25%"
    assert sn.percent(0.00001) == "less than 0.01%"
    assert sn.percent(0.29, floor=True) == "29%"  # 0.29 × 100 is 28.999… in floats
    assert sn.percent(0.00257, floor=True) == "0.25%"


def test_a_phone_cell_never_reads_zero_for_a_real_share(context):
    assert sn.bare(privacy.group_share(0, 400, 0, 5)) == "0"  # a real zero
    assert sn.bare(privacy.group_share(1, 400, 0, 1)) == "< 1"  # 0.25%
    assert sn.bare(privacy.group_share(5, 4000, 1, 5)) == "> 0"  # at least 0.125%
    assert sn.bare(privacy.group_share(30, 400, 2, 5)) == "≥ 7"
    assert sn.bare(privacy.group_share(0, 400, 3, 5)) == "n/a"


def test_the_caption_explains_only_what_is_shown(context):
    exact = privacy.group_share(1, 4, 0, 1)
    assert sn.notes([exact, None], 5) == []
    notes = sn.notes([privacy.group_share(0, 40, 2, 5), privacy.group_share(30, 400, 2, 5)], 5)
    assert notes[0].startswith("Hatched “n/a”") and "fewer than 5 people" in notes[0]
    assert notes[1].startswith("“≥”: at least")


# Region SA: LGBTQ+ all hidden (3 events of 1..4), indigenous a real 0 of 400 people, newcomers
# a lower bound, women exact. NWE: women only, exact.
CELLS = [
    Cell("SA", "lgbtq", 0, 400, 3),
    Cell("SA", "indigenous", 0, 400, 0),
    Cell("SA", "newcomers", 30, 400, 2),
    Cell("SA", "women", 120, 400, 0),
    Cell("NWE", "women", 50, 100, 0),
]


def _cells(trace: dict, regions: list[str]) -> dict:
    """{(region, group): (z, text, hover)} of a heatmap trace."""
    groups = list(reference().groups)
    hover = trace.get("customdata")
    return {
        (r, g): (trace["z"][i][j], trace["text"][i][j], hover[i][j] if hover else None)
        for i, r in enumerate(regions)
        for j, g in enumerate(groups)
    }


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("compact", [False, True])
def test_the_heatmap_hatches_hidden_cells_and_keeps_a_real_zero(context, rtl, compact):
    data = Insights(Summary(events=5, participants=500), region_groups=CELLS)
    chart = heatmaps.group_participation(data, 5, rtl, compact)
    fig = chart.figure
    regions = [r for r in reference().regions if r in ("SA", "NWE")]
    main, hidden = fig["data"]
    shown, over = _cells(main, regions), _cells(hidden, regions)

    # Hidden: no colour and no number in the scale's trace; "n/a" over a hatched cell.
    assert shown["SA", "lgbtq"][:2] == (None, "")
    z, text, hover = over["SA", "lgbtq"]
    assert (z, text) == (1, "n/a")
    assert "n/a — 3 events counted fewer than 5 people each" in hover
    i, j = regions.index("SA"), list(reference().groups).index("lgbtq")
    paths = [s for s in fig["layout"]["shapes"] if s["type"] == "path"]
    assert len(paths) == 1 and paths[0]["xref"] == "x" and paths[0]["yref"] == "y"
    corners = [
        tuple(map(float, xy)) for xy in re.findall(r"(-?[\d.]+),(-?[\d.]+)", paths[0]["path"])
    ]
    assert len(corners) == 2 * len(heatmaps.HATCH_STEPS)
    assert all(j - 0.5 <= x <= j + 0.5 and i - 0.5 <= y <= i + 0.5 for x, y in corners)
    rects = [s for s in fig["layout"]["shapes"] if s["type"] == "rect"]
    assert [(r["x0"], r["y0"]) for r in rects] == [(j - 0.5, i + 0.5)]

    # A real zero is a coloured 0%, with no hatch; a lower bound is coloured "≥".
    # (On a phone whole percentages without the sign: the axis title names the unit.)
    unit = "" if compact else "%"
    assert shown["SA", "indigenous"][:2] == (0.0, "0" + unit)
    assert over["SA", "indigenous"][:2] == (None, "")
    assert shown["SA", "newcomers"][0] == pytest.approx(0.075)
    assert shown["SA", "newcomers"][1] == "≥ 7" + unit
    assert "at least 7%" in shown["SA", "newcomers"][2]
    assert shown["SA", "women"][:2] == (pytest.approx(0.3), "30" + unit)
    if compact:
        assert "percent" in fig["layout"]["xaxis"]["title"]["text"]
    # Nothing counted at all (no event in NWE counted LGBTQ+): blank, neither 0 nor n/a.
    assert shown["NWE", "lgbtq"][:2] == (None, "") and over["NWE", "lgbtq"][:2] == (None, "")

    # The caption names both, and the figure is what plotly makes of it.
    caption = fig["layout"]["annotations"][0]["text"]
    assert "Hatched “n/a”" in caption.replace("<br>", " ")
    as_json = lambda f: json.loads(to_json_plotly(f))  # noqa: E731
    assert as_json(go.Figure(fig)) == as_json(fig)

    # The table says the same in words.
    table = {row[0]: dict(zip(chart.columns, row, strict=True)) for row in chart.rows}
    south = table["South Asia"]
    assert south["LGBTQ+ people"] == "n/a — 3 events counted fewer than 5 people each"
    assert south["Members of indigenous communities"] == "0%"
    assert south["Newcomers to the movement"] == (
        "at least 7% (2 events with fewer than 5 people not counted)"
    )
    assert "0%" not in south["LGBTQ+ people"]
    assert "Hatched “n/a”" in chart.summary


def test_no_hatch_and_no_caption_when_every_share_is_exact(context):
    data = Insights(Summary(events=1, participants=400), region_groups=CELLS[1:2] + CELLS[3:])
    fig = heatmaps.group_participation(data, 5).figure
    assert len(fig["data"]) == 1 and "shapes" not in fig["layout"]
    assert "annotations" not in fig["layout"]


def test_the_card_says_n_a_and_at_least_never_zero(context):
    summary = Summary(
        groups=[
            GroupTotal("indigenous", 0, 4000, 0),
            GroupTotal("lgbtq", 0, 4000, 113),
            GroupTotal("newcomers", 60, 4000, 2),
            GroupTotal("women", 1200, 4000, 0),
        ]
    )
    shares = dict((label, (value, why)) for label, value, why in figures.group_shares(summary, 5))
    assert shares["LGBTQ+ people"] == ("n/a", "113 events counted fewer than 5 people each")
    assert shares["Members of indigenous communities"] == ("0%", "")
    assert shares["Newcomers to the movement"] == (
        "at least 1%",  # 1.5%, rounded down
        "2 events with fewer than 5 people not counted",
    )
    assert shares["Women"] == ("30%", "")
    items = view.group_list(summary, 5).children
    lgbtq = next(li for li in items if li.children[0] == "LGBTQ+ people: ")
    assert lgbtq.children[1].children == "n/a"
    assert lgbtq.children[3].children == "(113 events counted fewer than 5 people each)"
    women = next(li for li in items if li.children[0] == "Women: ")
    assert len(women.children) == 2  # nothing left out, nothing to explain


def test_arabic_words_come_from_the_catalogue(sqlite_app):
    """The heatmap builds in Arabic and right to left with hidden cells (the catalogue may not
    hold the new sentences yet: then they fall back to English, never to a crash)."""
    with sqlite_app.server.test_request_context("/"), force_locale("ar"):
        data = Insights(Summary(events=5, participants=500), region_groups=CELLS)
        chart = heatmaps.group_participation(data, 5, rtl=True)
        hidden = chart.figure["data"][1]
        labels = [t for row in hidden["text"] for t in row if t]
        hovers = [t for row in hidden["customdata"] for t in row if t.startswith("\u202b")]
        assert len(labels) == 1 and len(hovers) == 5  # every hover embedded right to left
