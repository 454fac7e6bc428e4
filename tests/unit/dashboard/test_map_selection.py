"""The place the filters chose, on and beside the map: outlined with the rest faded, and shown
as a chip whose button removes it from the filters."""

from __future__ import annotations

import dash
import pytest
from flask_babel import force_locale

from components.dashboard_ids import graph
from components.filters import NAMES, filter_id
from dashboard.home import ids, selection
from dashboard.home.callbacks import update_dashboard
from dashboard.home.clicks import place_filters
from dashboard.home.map_figure import CHOSEN_LINE, CHOSEN_WIDTH, FADED
from data.aggregates.queries import Filters
from data.db import EXTENSION_KEY
from data.reference import reference
from intake.cli.commands import load_demo

FILTER_IDS = [filter_id(n) for n in NAMES]


def values(**chosen):
    return [chosen.get(n, "any" if n == "share" else None) for n in NAMES]


@pytest.fixture
def server(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        load_demo(sqlite_app.server.extensions[EXTENSION_KEY], n=80, seed=5)
        yield sqlite_app.server


def map_traces(view: str, metric: str = "events", **chosen) -> list[dict]:
    out = update_dashboard(None, values(**chosen), metric, view, "mentions", "en", FILTER_IDS)
    return out["charts"]["map"]["figure"]["data"]


def at(value, i: int):
    """A marker property's value for location ``i`` (a list has one per location)."""
    return value[i] if isinstance(value, list) else value


def marks(traces: list[dict]) -> list[tuple[str, str, float, str, float]]:
    """Each location as (country, region, opacity, line colour, line width)."""
    found = []
    for trace in traces:
        marker = trace["marker"]
        for i, point in enumerate(trace["customdata"]):
            line = marker["line"]
            chosen = trace.get("selectedpoints")
            faded = trace.get("unselected", {}).get("marker", {}).get("opacity", 1)
            found.append(
                (
                    point[0],
                    point[1],
                    1 if chosen is None or i in chosen else faded,
                    at(line["color"], i),
                    at(line["width"], i),
                )
            )
    return found


@pytest.mark.parametrize("metric", ["events", "recommendation"])
def test_the_chosen_region_is_outlined_and_the_rest_faded(server, metric):
    everything = marks(map_traces("region", metric))
    regions = {region for _c, region, *_rest in everything}
    assert len(regions) > 1
    assert {(o, c, w) for *_p, o, c, w in everything} == {(1, "white", 0.4)}  # nothing chosen

    region = sorted(regions)[0]
    shown = marks(map_traces("region", metric, region=region))
    inside = [m for m in shown if m[1] == region]
    outside = [m for m in shown if m[1] != region]
    assert inside and outside
    assert {(o, c, w) for *_p, o, c, w in inside} == {(1, CHOSEN_LINE, CHOSEN_WIDTH)}
    assert {(o, c, w) for *_p, o, c, w in outside} == {(FADED, "white", 0.4)}


def test_the_chosen_country_is_outlined_on_the_country_map(server):
    countries = [m[0] for m in marks(map_traces("country"))]
    country = countries[0]
    shown = marks(map_traces("country", country=country))
    chosen = [m for m in shown if m[2] == 1]
    assert [m[0] for m in chosen] == [country]
    assert chosen[0][3:] == (CHOSEN_LINE, CHOSEN_WIDTH)
    assert all(m[2] == FADED for m in shown if m[0] != country)


def test_a_place_missing_from_the_map_fades_nothing(server):
    # A region with no event is not on the map: fading every place would show nothing chosen.
    present = {m[1] for m in marks(map_traces("region"))}
    absent = next(code for code in reference().regions if code not in present)
    assert {m[2] for m in marks(map_traces("region", region=absent))} == {1}


def test_the_chip_names_the_chosen_places_in_the_viewers_language(server):
    assert selection.chips(Filters()) == []
    assert selection.chips(Filters(theme="education")) == []
    with force_locale("fr"):
        chips = selection.chips(Filters(region="SA", country="DE"))
    buttons = [c for c in chips if getattr(c, "id", None)]
    assert [b.id for b in buttons] == [ids.place_chip("region"), ids.place_chip("country")]
    country = buttons[1]
    assert country.children[0].children == "Allemagne"
    assert country.children[0].dir == "auto"
    assert "Allemagne" in country.title  # the aria-label and title say what it removes


def test_removing_a_chip_clears_only_its_place():
    chosen = values(region="SA", country="IN", theme="education")
    out = dict(
        zip(
            NAMES,
            place_filters(ids.place_chip("region"), None, "region", chosen, FILTER_IDS),
            strict=True,
        )
    )
    assert out["region"] is None
    assert all(out[n] is dash.no_update for n in NAMES if n != "region")
    out = dict(
        zip(
            NAMES,
            place_filters(ids.place_chip("country"), None, "region", chosen, FILTER_IDS),
            strict=True,
        )
    )
    assert out["country"] is None and out["region"] is dash.no_update
    # A chip just drawn (never pressed) changes nothing.
    drawn = place_filters(ids.place_chip("region"), None, "region", chosen, FILTER_IDS, False)
    assert drawn == [dash.no_update] * len(NAMES)


def test_the_map_click_still_picks_a_place():
    click = {"points": [{"customdata": ["KE", "SSA", "Kenya", "3"]}]}
    out = place_filters(graph("map"), click, "region", values(), FILTER_IDS)
    assert dict(zip(NAMES, out, strict=True))["region"] == "SSA"


@pytest.mark.parametrize("metric", ["events", "recommendation"])
def test_the_highlighted_map_is_what_plotly_makes_of_it(server, metric):
    import json

    import plotly.graph_objects as go
    from plotly.io.json import to_json_plotly

    region = marks(map_traces("region"))[0][1]
    out = update_dashboard(
        None, values(region=region), metric, "region", "mentions", "ar", FILTER_IDS
    )
    figure = out["charts"]["map"]["figure"]
    assert json.loads(to_json_plotly(go.Figure(figure))) == figure
