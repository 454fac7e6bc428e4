"""How the dashboard's charts render: axes that make room for their labels, week bars on a date
axis, heatmap rows that carry their n, the map's colours, the recommendations' order, and data
tables that can be scrolled from the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from dash import html
from flask_babel import force_locale

from components.charts import CATEGORICAL, STANDOFF, chart_card, data_table
from dashboard.home import activity, figures, heatmaps, map_figure
from dashboard.home.activity import WEEK_MS
from dashboard.home.heatmaps import MIN_EVENTS
from dashboard.home.map_figure import top_by_region
from data import i18n
from data.aggregates.insights import insights, summary
from data.aggregates.queries import (
    Cell,
    CountryRow,
    Filters,
    Insights,
    RegionTotal,
    Summary,
)
from data.aggregates.summary import summary as summary_raw
from data.db import EXTENSION_KEY
from data.reference import reference
from intake.cli.commands import load_demo


@pytest.fixture
def context(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        yield sqlite_app


@pytest.fixture
def demo(context):
    db = context.server.extensions[EXTENSION_KEY]
    load_demo(db, n=80, seed=5)
    with db.session(readonly=True) as session:
        return insights(session, Filters())


def every_chart(data: Insights, rtl: bool, compact: bool):
    yield map_figure.world_map(data, "events", "country", rtl)
    yield figures.ranking(data.summary, rtl, "events", compact)
    yield figures.ranking(data.summary, rtl, "participants", compact)
    yield figures.recommendations(data.summary, rtl, compact)
    yield heatmaps.region_heatmap(data, rtl, compact)
    yield heatmaps.group_participation(data, 5, rtl, compact)
    yield activity.over_time(data, rtl)
    yield activity.languages(data, rtl, compact)


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("compact", [False, True])
def test_every_axis_makes_room_for_its_labels_and_title(demo, rtl, compact):
    for chart in every_chart(demo, rtl, compact):
        layout = chart.figure["layout"]
        for name in ("xaxis", "yaxis"):
            axis = layout[name]
            assert axis["automargin"] is True, (chart.summary, name)
            if isinstance(axis.get("title"), dict):
                assert axis["title"]["standoff"] == STANDOFF
        if rtl:  # mirrored: bars grow from the right, categories on the right
            x = layout["xaxis"]
            assert x.get("autorange") == "reversed" or x["range"][0] > x["range"][1]
            assert layout["yaxis"]["side"] == "right"


def test_recommendations_come_in_the_reference_order(context, demo):
    expected = list(reference().recommendations)
    assert expected[:3] == ["R1", "R2", "R3"] and expected[-1] == "R10"
    db = context.server.extensions[EXTENSION_KEY]
    combined = Filters(format="virtual", group="women")  # recounted from the matching reports
    with db.session(readonly=True) as session:
        for found in (
            demo.summary,
            summary(session, combined),
            summary_raw(session, Filters()),
            summary_raw(session, combined),
        ):
            codes = [r.code for r in found.recommendations]
            assert codes == [c for c in expected if c in codes]
        assert [r.code for r in demo.summary.recommendations] == expected  # all ten chosen
    answer = context.server.test_client().get("/api/v1/summary").get_json()
    assert [r["code"] for r in answer["recommendations"]] == expected
    chart = figures.recommendations(demo.summary)
    labels = [row[0] for row in chart.rows]
    assert labels == [i18n.recommendation(code) for code in expected]
    assert chart.figure["data"][0]["y"][0].startswith("10.")  # drawn bottom-up: R1 on top


def weeks_of(*mondays: dt.date) -> Insights:
    weeks = [(monday, 3) for monday in mondays]
    return Insights(Summary(events=3 * len(weeks)), weeks=weeks)


def test_a_single_week_is_a_week_wide_bar_on_a_date_axis(context):
    monday = dt.date(2020, 11, 30)
    for rtl in (False, True):
        fig = activity.over_time(weeks_of(monday), rtl).figure
        bar, xaxis = fig["data"][0], fig["layout"]["xaxis"]
        assert xaxis["type"] == "date"
        span = ["2020-11-23", "2020-12-14"]  # a week of room each side
        assert xaxis["range"] == (span[::-1] if rtl else span)
        assert "autorange" not in xaxis
        # Ticks a week apart, on Mondays, in Plotly's own (localized) date format.
        assert (xaxis["dtick"], xaxis["tick0"]) == (WEEK_MS, "2020-11-30")
        assert "tickformat" not in xaxis
        assert (bar["xperiod"], bar["xperiodalignment"]) == (WEEK_MS, "middle")
        assert dt.date.fromisoformat(bar["xperiod0"]).weekday() == 0
        assert 0 < bar["width"] < WEEK_MS


def test_many_weeks_keep_plotly_spacing_the_date_ticks(context):
    first = dt.date(2020, 8, 10)
    fig = activity.over_time(weeks_of(*(first + dt.timedelta(weeks=n) for n in range(20))))
    xaxis = fig.figure["layout"]["xaxis"]
    assert xaxis["type"] == "date"
    assert xaxis["range"] == ["2020-08-03", (first + dt.timedelta(weeks=21)).isoformat()]
    assert "dtick" not in xaxis


def small_and_large_regions() -> Insights:
    return Insights(
        Summary(events=14, by_region=[RegionTotal("NA", 2, 20), RegionTotal("SA", 12, 300)]),
        region_recommendation=[
            Cell("NA", "R1", 2, 2),  # 100%, but of two events
            Cell("SA", "R1", 3, 12),
            Cell("SA", "R4", 9, 12),
        ],
    )


@pytest.mark.parametrize("compact", [False, True])
def test_regions_with_few_events_show_their_n_and_no_colour(context, compact):
    chart = heatmaps.region_heatmap(small_and_large_regions(), compact=compact)
    heatmap = chart.figure["data"][0]
    assert 2 < MIN_EVENTS <= 12
    # Rows in the reference order: South Asia, then North America.
    assert heatmap["z"][1] == [None] * 10  # North America: no colour
    assert heatmap["z"][0][0] == pytest.approx(0.25)
    assert "n = 12" in heatmap["y"][0] and "n = 2" in heatmap["y"][1]
    # The region's name in the viewer's language, on a phone too (never an English code).
    assert heatmap["y"][0].replace("<br>", " ").startswith("South Asia")
    notes = [a["text"] for a in chart.figure["layout"]["annotations"]]
    assert any("fewer than 5 events" in note.replace("<br>", " ") for note in notes)
    # The summary compares only regions with enough events.
    assert "South Asia" in chart.summary and "75%" in chart.summary
    assert chart.columns[:2] == ["Region", "Events"]
    assert [row[:2] for row in chart.rows] == [["South Asia", "12"], ["North America", "2"]]
    assert chart.rows[1][2] == "100%"  # the table still gives the share


def test_a_heatmap_with_only_small_regions_compares_nothing(context):
    data = Insights(
        Summary(events=2, by_region=[RegionTotal("NA", 2, 20)]),
        region_recommendation=[Cell("NA", "R1", 2, 2)],
    )
    chart = heatmaps.region_heatmap(data)
    assert chart.summary == "Every region has fewer than 5 events: too few to compare."


def test_the_phone_heatmap_shows_every_recommendation_number(demo):
    chart = heatmaps.region_heatmap(demo, compact=True)
    heatmap, xaxis = chart.figure["data"][0], chart.figure["layout"]["xaxis"]
    assert xaxis["type"] == "category"  # "1".."10" would otherwise make a linear axis
    assert heatmap["x"] == [str(n) for n in range(1, 11)]
    assert heatmap["textfont"]["size"] > 8
    # Whole percentages in the cells, the full text in the hover.
    assert heatmap["text"][0][0].isdigit() and heatmap["customdata"][0][0].endswith("%")
    assert "percent" in xaxis["title"]["text"]


def test_group_labels_are_wrapped_to_fit_their_columns(demo):
    heatmap = heatmaps.group_participation(demo, 5).figure["data"][0]
    for label in heatmap["x"]:
        assert all(len(line) <= 12 for line in label.split("<br>")), label


def test_ten_recommendations_get_ten_distinct_colours(context):
    ref = reference()
    assert len(CATEGORICAL) == len(set(CATEGORICAL)) == len(ref.recommendations) == 10
    countries = list(ref.countries)[:10]
    data = Insights(
        Summary(events=10, countries=10),
        countries=[
            CountryRow(country, 1, 10, rec)
            for country, rec in zip(countries, ref.recommendations, strict=True)
        ],
    )
    traces = map_figure.world_map(data, "recommendation", "country").figure["data"]
    colours = [t["colorscale"][0][1] for t in traces]
    assert len(traces) == 10 and len(set(colours)) == 10
    assert all(t["showlegend"] for t in traces)
    # A recommendation keeps its colour whatever else is on the map.
    alone = Insights(Summary(events=1, countries=1), countries=[CountryRow("KE", 1, 10, "R10")])
    only = map_figure.world_map(alone, "recommendation", "country").figure["data"]
    assert only[0]["colorscale"][0][1] == colours[-1] == CATEGORICAL[9]


def test_the_region_map_colours_each_region_by_its_top_recommendation(context):
    data = Insights(
        Summary(events=19, by_region=[RegionTotal("NWE", 7, 100), RegionTotal("SA", 12, 300)]),
        region_recommendation=[
            Cell("NWE", "R2", 2, 7),
            Cell("NWE", "R10", 5, 7),
            Cell("SA", "R3", 8, 12),
            Cell("SA", "R1", 8, 12),  # a tie goes to the lower number
        ],
    )
    assert top_by_region(data) == {"NWE": "R10", "SA": "R1"}
    chart = map_figure.world_map(data, "recommendation", "region")
    traces = {t["name"].replace("<br>", " "): t for t in chart.figure["data"]}
    assert set(traces) == {i18n.recommendation("R1"), i18n.recommendation("R10")}
    south_asia = traces[i18n.recommendation("R1")]
    assert {row[1] for row in south_asia["customdata"]} == {"SA"}
    assert "IND" in south_asia["locations"]
    assert {row[1] for row in traces[i18n.recommendation("R10")]["customdata"]} == {"NWE"}
    assert [row[3] for row in chart.rows] == [
        i18n.recommendation("R10"),
        i18n.recommendation("R1"),
    ]
    events = map_figure.world_map(data, "events", "region")
    assert events.rows[1][3] == i18n.recommendation("R1")  # the column is filled in every view


def find(component, kind):
    if isinstance(component, kind):
        yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            yield from find(child, kind)


def test_data_tables_scroll_in_a_focusable_named_region(context):
    card = chart_card("Events over time", "g", "s", "t")
    (details,) = find(card, html.Details)
    region = details.children[1]
    assert region.id == "t"
    assert (region.tabIndex, region.role) == (0, "region")
    assert region.to_plotly_json()["props"]["aria-label"] == "Events over time"
    standalone = data_table(["A"], [["1"]], label="Pairs").to_plotly_json()["props"]
    assert (standalone["tabIndex"], standalone["role"], standalone["aria-label"]) == (
        0,
        "region",
        "Pairs",
    )
    assert "table-responsive" in standalone["className"]


def test_a_phone_heatmap_gives_each_row_room_for_its_label_lines(context):
    """On a phone region names break over several lines: rows grow so labels never overlap."""
    chart = heatmaps.region_heatmap(small_and_large_regions(), compact=True)
    labels = chart.figure["data"][0]["y"]
    lines = max(label.count("<br>") + 1 for label in labels)
    assert lines >= 2
    assert chart.figure["layout"]["height"] >= len(labels) * 15 * lines


def test_phone_ranking_labels_fit_their_bars_and_the_hover_names_the_whole_initiative(demo):
    # At 375 px a bar is 56 px: three lines of 11 px text; a longer name would run into the next
    # bar's label ("9. Methodology to improve the Wikimedia platform UX research, …" is five).
    for chart in (figures.ranking(demo.summary, False, "events", True),
                  figures.coordination(demo.summary, False, True)):  # fmt: skip
        bar = chart.figure["data"][0]
        assert all(label.count("<br>") <= 2 for label in bar["y"])
        whole = [row[-1].replace("<br>", " ") for row in bar["customdata"]]
        assert "%{customdata[" in bar["hovertemplate"] and "%{y}" not in bar["hovertemplate"]
        for label, name in zip(bar["y"], whole, strict=True):
            assert name.startswith(label.replace("<br>", " ").removesuffix("…"))
    long = "9. Methodology to improve the Wikimedia platform UX research, design, testing"
    assert figures.wrap(long, 20, max_lines=3).count("<br>") == 2
    assert figures.wrap(long, 20, max_lines=3).endswith("…")
    assert figures.wrap(long, 48).count("<br>") == 1  # desktop: the whole name
