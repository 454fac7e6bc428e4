"""Dashboard callbacks and figure builders, called directly on a small demo dataset."""

from __future__ import annotations

import json
from collections import Counter

import dash
import plotly.graph_objects as go
import pytest

from components.buttons import PRESSED, UNPRESSED
from components.dashboard_ids import COMPARE, graph
from components.filter_values import filters_from
from components.filters import NAMES, filter_id
from dashboard.compare.ids import COMPARE_CARD, compare_option
from dashboard.home import ids
from dashboard.home.callbacks import filter_options, update_dashboard
from dashboard.home.clicks import place_filters
from dashboard.home.heatmaps import group_participation
from dashboard.home.layout import dashboard
from data.aggregates.insights import Cell, Insights
from data.aggregates.queries import Filters, Summary
from data.db import EXTENSION_KEY
from data.demo.reports import generate
from data.reference import reference
from data.scoring import shares
from intake.cli.commands import load_demo

FILTER_IDS = [filter_id(n) for n in NAMES]
MAP = graph("map")
OUTPUTS = [
    "rendered",
    "events",
    "participants",
    "countries",
    "groups",
    "status",
    "last_report",
    "download",
]


def values(**chosen):
    return [chosen.get(n, "any" if n == "share" else None) for n in NAMES]


@pytest.fixture
def server(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        load_demo(sqlite_app.server.extensions[EXTENSION_KEY], n=80, seed=5)
        yield sqlite_app.server


def run(metric="events", view="country", weighting="mentions", lang="en", **chosen):
    out = update_dashboard(None, values(**chosen), metric, view, weighting, lang, FILTER_IDS)
    named = {name: out[name] for name in OUTPUTS}
    for name in ids.CHARTS:
        chart = out["charts"][name]
        figure, sentence, table = chart["figure"], chart["summary"], chart["table"]
        named[name] = [go.Figure(figure), sentence, table_rows(table)]
    return named


def table_rows(table: dict) -> list[list[str]]:
    """The body rows of a data table as the browser receives it (component JSON)."""
    body = table["props"]["children"][1]["props"]["children"]
    return [[cell["props"]["children"] for cell in row["props"]["children"]] for row in body]


def test_unfiltered_dashboard(server):
    out = run()
    assert out["rendered"] == 1
    assert out["events"] == "80"
    assert out["download"] == "/api/v1/reports?format=csv"
    figure, sentence, _table = out["ranking"]
    assert len(figure.data[0].x) == 15
    assert list(figure.data[0].x) == sorted(figure.data[0].x)  # drawn bottom-up
    assert " leads: " in sentence and " events named it, for " in sentence
    # Ranked by mentions (events that named it), the default measure.
    mentions = [int(row[2]) for row in figure.data[0].customdata]
    assert mentions == sorted(mentions)
    coordination = out["coordination"][0]
    assert list(coordination.data[0].x) == sorted(coordination.data[0].x)
    heatmap = out["heatmap"][0]
    assert len(heatmap.data[0].z[0]) == 10  # ten recommendations per region row
    assert out["map"][0].data[0].type == "choropleth"


def test_filters_narrow_every_figure_and_the_download(server):
    kenya = sum(1 for r in generate(80, seed=5) if r["country"] == "KE")
    out = run(country="KE")
    assert out["events"] == str(kenya)
    assert out["download"] == "/api/v1/reports?format=csv&country=KE"
    # The map keeps every country, so another one can be picked.
    assert len(out["map"][0].data[0].locations) > 1


def test_participant_weighting_reorders_the_ranking(server):
    by_events = run(weighting="points")["ranking"][0].data[0].customdata
    by_people = run(weighting="participants")["ranking"][0].data[0].customdata
    assert [row[0] for row in by_events] != [row[0] for row in by_people]
    weighted = [float(row[3]) for row in by_people]
    assert weighted == sorted(weighted)


def test_map_shows_top_recommendation_per_country_with_a_legend(server):
    figure = run(metric="recommendation")["map"][0]
    assert len(figure.data) > 1
    assert all(trace.showlegend for trace in figure.data)
    region_view = run(view="region")["map"][0]
    assert {row[1] for row in region_view.data[0].customdata} <= set(reference().regions)


def test_filter_options_offer_only_published_values(server):
    regions, countries, themes, formats, languages, groups = filter_options(1, "fr")
    assert [o["value"] for o in formats] == [
        f for f in reference().formats if any(r["format"] == f for r in generate(80, seed=5))
    ]
    assert {o["value"] for o in regions} <= set(reference().regions)
    assert themes and languages
    present = {r["country"] for r in generate(80, seed=5) if r["country"]}
    assert {o["value"] for o in countries} == present
    # Groups that some event counted at least 5 people of, in the reference order.
    counted = {
        g
        for r in generate(80, seed=5)
        for g, n in r["participants"].items()
        if g not in ("total", "total_precision") and (n or 0) >= 5
    }
    assert [o["value"] for o in groups] == [g for g in reference().groups if g in counted]
    labels = {o["value"]: o["label"] for o in countries}
    assert labels["DE"] == "Allemagne"  # in the viewer's language (Babel's CLDR names)


def test_map_click_filters_and_a_second_click_unselects(server):
    click = {"points": [{"customdata": ["KE", "SSA", "Kenya", "3"]}]}
    chosen = place_filters(MAP, click, "country", values(region="NWE"), FILTER_IDS)
    picked = dict(zip(NAMES, chosen, strict=True))
    assert picked["country"] == "KE" and picked["region"] is None
    assert picked["theme"] is dash.no_update
    again = place_filters(MAP, click, "country", values(country="KE"), FILTER_IDS)
    assert dict(zip(NAMES, again, strict=True))["country"] is None
    by_region = place_filters(MAP, click, "region", values(), FILTER_IDS)
    assert dict(zip(NAMES, by_region, strict=True))["region"] == "SSA"


def test_group_options_follow_the_published_data(sqlite_app, report):
    """A group enters the options once an event counts at least the privacy threshold of it,
    with no reload: the next data version refreshes them."""
    client = sqlite_app.server.test_client()
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        assert client.post("/api/v1/reports", json=report()).status_code == 201
        groups = [o["value"] for o in filter_options(1, "en")[-1]]
        # The report counts 2 LGBTQ+ people (suppressed) and no indigenous participant.
        assert "lgbtq" not in groups and "indigenous" not in groups and "women" in groups
        more = report(event_name="Indigenous languages salon")
        more["participants"] = {**more["participants"], "indigenous": 9}
        assert client.post("/api/v1/reports", json=more).status_code == 201
        options = filter_options(2, "fr")[-1]
        assert "indigenous" in [o["value"] for o in options]
        assert "lgbtq" not in [o["value"] for o in options]


def test_a_chip_sets_many_of_a_group_and_a_second_click_clears_it(server):
    def click(group, chosen):
        out = place_filters(ids.chip(group), None, "country", chosen, FILTER_IDS)
        return dict(zip(NAMES, out, strict=True))

    first = click("newcomers", values())
    assert (first["group"], first["share"]) == ("newcomers", "25")
    assert first["region"] is dash.no_update
    pressed = values(region="SA", group="newcomers", share="50")
    again = click("newcomers", pressed)
    assert (again["group"], again["share"], again["region"]) == (None, "any", dash.no_update)
    other = click("women", pressed)
    assert (other["group"], other["share"]) == ("women", "25")


def find(component, wanted):
    """The component with id ``wanted`` in a layout tree."""
    if getattr(component, "id", None) == wanted:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            found = find(child, wanted)
            if found is not None:
                return found
    return None


def test_the_view_comes_back_from_the_query_and_unknown_values_fall_back(server):
    page = dashboard(
        2000,
        None,
        {"metric": "participants", "view": "moon", "weight": "participants", "compare": "eu"}
        | {"group": "newcomers", "share": "25"},
    )
    assert find(page, ids.MAP_METRIC).value == "participants"
    assert find(page, ids.MAP_VIEW).value == "region"  # unknown: the default
    assert find(page, ids.WEIGHTING).value == "participants"
    assert find(page, COMPARE).data == "EU"
    assert find(page, COMPARE_CARD).hidden is False
    europe = find(page, compare_option("EU"))
    assert (
        europe.className == PRESSED and europe.to_plotly_json()["props"]["aria-pressed"] == "true"
    )
    assert find(page, ids.chip("newcomers")).className == PRESSED
    assert find(page, ids.chip("women")).className == UNPRESSED
    plain = dashboard(2000, None, {"compare": "MOON"})
    assert find(plain, COMPARE).data is None and find(plain, COMPARE_CARD).hidden
    # The URL leaves the defaults out.
    sync_url_defaults = json.dumps(find(page, ids.TOGGLE_DEFAULTS).data)
    assert '{"metric": "events", "view": "region", "weight": "mentions"}' in sync_url_defaults


def test_clear_resets_every_filter(server):
    cleared = place_filters(
        ids.CLEAR, None, "country", values(country="KE", share="50"), FILTER_IDS
    )
    assert cleared == [None, None, None, None, None, None, "any", None, None]


def test_bad_filter_values_are_dropped_not_fatal():
    filters = filters_from(values(region="MOON", country="KE", share="50"), FILTER_IDS)
    assert filters == Filters(country="KE")


def test_small_group_cells_are_suppressed(server):
    data = Insights(
        Summary(events=2, participants=40),
        # Both events counted 1..4 LGBTQ+ people: hidden, left out of the sum (0), not "0%".
        region_groups=[Cell("SA", "lgbtq", 0, 40, 2), Cell("SA", "women", 12, 40)],
    )
    chart = group_participation(data, threshold=5)
    row = dict(zip(chart.columns, chart.rows[0], strict=True))
    assert row["LGBTQ+ people"] == "n/a — 2 events counted fewer than 5 people each"
    assert row["Women"] == "30%"
    z = dict(zip(reference().groups, chart.figure["data"][0]["z"][0], strict=True))
    assert z["lgbtq"] is None and z["women"] == pytest.approx(0.3)


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"region": "SA"},
        {"theme": "education"},
        {"format": "virtual"},
        {"language": "en"},
        {"group": "newcomers"},
        {"group": "newcomers", "share": "25"},
        {"from": "2020-10-01"},
        {"region": "NWE", "format": "virtual", "to": "2020-11-01"},
    ],
)
def test_aggregates_equal_a_recount_of_the_raw_reports(server, chosen):
    """Every filter the dashboard offers, against a count made in Python from the reports."""
    reports = generate(80, seed=5)
    ref = reference()

    def keep(r):
        region = r["region"] or ref.region_of(r["country"])
        people = r["participants"]
        group = chosen.get("group")
        share = int(chosen.get("share", 0) or 0)
        return (
            region == chosen.get("region", region)
            and chosen.get("theme", "-") in ([*r["themes"], "-"])
            and r["format"] == chosen.get("format", r["format"])
            and chosen.get("language", "-") in ([*r["languages"], "-"])
            and (
                not group
                or (
                    # at least the privacy threshold (5): a smaller count is never matched
                    (people.get(group) or 0) >= 5
                    # no share of a total that is only a lower bound ("over 30")
                    and (
                        not share
                        or (
                            people["total_precision"] != "at_least"
                            and (people.get(group) or 0) * 100 >= share * people["total"]
                        )
                    )
                )
            )
            and r["event_date"] >= chosen.get("from", "0000")
            and r["event_date"] <= chosen.get("to", "9999")
        )

    kept = [r for r in reports if keep(r)]
    mentions, points = Counter(), Counter()
    for r in kept:
        chosen_points = shares([p.get("rank") for p in r["priorities"]])
        for p, share in zip(r["priorities"], chosen_points, strict=True):
            mentions[p["code"]] += 1
            points[p["code"]] += share
    out = run(**chosen)
    assert out["events"] == f"{len(kept):,}"
    from data.i18n import initiative

    table = out["ranking"][2]
    assert {row[0]: int(row[1].replace(",", "")) for row in table} == {
        initiative(code): n for code, n in mentions.items()
    }
    # Points to one decimal, as shown (each choice's share is stored to the thousandth).
    assert {row[0]: float(row[2].replace(",", "")) for row in table} == {
        initiative(code): round(float(n), 1) for code, n in points.items()
    }


def test_live_updates_send_figures_as_patches_without_the_look(server):
    full = update_dashboard(None, values(), "events", "country", "events", "en", FILTER_IDS)
    live = update_dashboard(
        None, values(), "events", "country", "events", "en", FILTER_IDS, live=True
    )
    figure, patch = full["charts"]["map"]["figure"], live["charts"]["map"]["figure"]
    operations = patch.to_plotly_json()["operations"]
    sent = {tuple(op["location"]): op["params"]["value"] for op in operations}
    # Traces, and what data can change in the layout; never the template, fonts or geography.
    assert set(sent) == {
        ("data",),
        ("layout", "height"),
        ("layout", "xaxis"),
        ("layout", "yaxis"),
        ("layout", "annotations"),
    }
    assert sent[("data",)] == figure["data"]
    assert sent[("layout", "height")] == figure["layout"]["height"]
    assert sent[("layout", "annotations")] == []  # a former "no reports yet" note leaves


def test_a_live_update_of_an_empty_view_sends_its_note(server):
    live = update_dashboard(
        None,
        values(region="NA", country="JP"),
        "events",
        "country",
        "events",
        "en",
        FILTER_IDS,
        live=True,
    )
    for name in ids.CHARTS[1:]:  # the map keeps every country
        sent = {
            tuple(op["location"]): op["params"]["value"]
            for op in live["charts"][name]["figure"].to_plotly_json()["operations"]
        }
        assert sent[("layout", "annotations")][0]["text"] == "No published reports match yet."
        assert sent[("layout", "xaxis")]["visible"] is False


def test_a_view_is_rendered_once_per_data_version(server, monkeypatch):
    from dashboard.home import callbacks

    calls = []
    real = callbacks.render
    monkeypatch.setattr(callbacks, "render", lambda *a: calls.append(a) or real(*a))
    first = update_dashboard(None, values(), "events", "country", "events", "fr", FILTER_IDS)
    again = update_dashboard(None, values(), "events", "country", "events", "fr", FILTER_IDS)
    assert first == again and len(calls) == 1
    load_demo(server.extensions[EXTENSION_KEY], n=81, seed=5)  # one more report: a new version
    update_dashboard(None, values(), "events", "country", "events", "fr", FILTER_IDS)
    assert len(calls) == 2


def test_lists_or_objects_where_text_is_expected_are_dropped_not_a_500(server):
    """A crafted callback body (JSON) may hold anything: the view falls back to no filter."""
    out = run(region=["SA"], country={"code": "KE"}, **{"from": ["2020-01-01"]})
    assert out["events"] == "80"
