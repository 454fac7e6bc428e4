"""Places as buttons beside and under the map: the region list (a phone's map targets are too
small) and the names in the map's table filter by their place as a map click does."""

from __future__ import annotations

import dash
import pytest

from components.filters import NAMES, filter_id
from dashboard.home import ids
from dashboard.home.callbacks import update_dashboard
from dashboard.home.clicks import place_filters
from data.db import EXTENSION_KEY
from intake.cli.commands import load_demo

FILTER_IDS = [filter_id(n) for n in NAMES]


def values(**chosen):
    return [chosen.get(n, "any" if n == "share" else None) for n in NAMES]


@pytest.fixture
def server(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        load_demo(sqlite_app.server.extensions[EXTENSION_KEY], n=80, seed=5)
        yield sqlite_app.server


def run(view="region", lang="en", **chosen):
    return update_dashboard(None, values(**chosen), "events", view, "mentions", lang, FILTER_IDS)


def text(node) -> str:
    """The visible text of a component as JSON."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return " ".join(text(n) for n in node)
    return text(node["props"].get("children", ""))


def table_names(table: dict) -> list[dict]:
    """The first cell of each body row of a table (as JSON)."""
    _head, body = table["props"]["children"]
    return [row["props"]["children"][0]["props"]["children"] for row in body["props"]["children"]]


def chosen(out) -> dict:
    return {n: v for n, v in zip(NAMES, out, strict=True) if v is not dash.no_update}


def test_the_region_list_names_every_region_on_the_map_with_its_events(server):
    out = run()
    buttons = out["regions"]
    table = out["charts"]["map"]["table"]
    rows = {text(name): row for name, row in zip(table_names(table), _rows(table), strict=True)}
    assert len(buttons) == len(rows) > 1
    for button in buttons:
        props = button["props"]
        name, events, word = (text(part) for part in props["children"][::2])
        assert rows[name][1] == events  # the same number as the map's table
        assert word == ("event" if events == "1" else "events")  # read out, not shown
        assert props["children"][4]["props"]["className"] == "visually-hidden"
        assert props["id"]["type"] == ids.PLACE_PICK and props["type"] == "button"
        assert props["aria-pressed"] == "false"
        assert "aria-label" not in props  # named by what it shows
    counts = [int(text(b["props"]["children"][2])) for b in buttons]
    assert counts == sorted(counts, reverse=True)  # most events first


def _rows(table: dict) -> list[list[str]]:
    _head, body = table["props"]["children"]
    return [
        [text(cell["props"]["children"]) for cell in row["props"]["children"]]
        for row in body["props"]["children"]
    ]


def test_a_tap_in_the_region_list_filters_by_the_region(server):
    button = run()["regions"][0]["props"]
    region = button["id"]["code"]
    # As pick_place calls it: the button's id is the trigger, its n_clicks moved.
    out = chosen(place_filters(button["id"], None, "country", values(country="DE"), FILTER_IDS))
    assert out == {"region": region, "country": None}
    # The list drawn for that filter presses the region, and only it.
    pressed = [
        b["props"]["id"]["code"]
        for b in run(region=region)["regions"]
        if b["props"]["aria-pressed"] == "true"
    ]
    assert pressed == [region]
    # Tapped again it unselects; a list just drawn (never tapped) changes nothing.
    again = chosen(place_filters(button["id"], None, "region", values(region=region), FILTER_IDS))
    assert again == {"region": None, "country": None}
    drawn = place_filters(button["id"], None, "region", values(), FILTER_IDS, clicked=False)
    assert drawn == [dash.no_update] * len(NAMES)


@pytest.mark.parametrize("view", ["region", "country"])
def test_a_name_in_the_maps_table_filters_by_its_place(server, view):
    names = table_names(run(view=view)["charts"]["map"]["table"])
    assert names and all(n["type"] == "Button" for n in names)
    first = names[0]["props"]
    assert first["aria-label"] == f"Filter by {first['children']}"
    assert first["id"] == ids.place_pick(view, first["id"]["code"], "table")
    out = chosen(place_filters(first["id"], None, view, values(), FILTER_IDS))
    other = "country" if view == "region" else "region"
    assert out == {view: first["id"]["code"], other: None}
    # The chosen place's name is pressed in the table drawn for it.
    filtered = table_names(run(view=view, **{view: first["id"]["code"]})["charts"]["map"]["table"])
    assert [n["props"]["aria-pressed"] for n in filtered].count("true") == 1


def test_the_names_are_in_the_viewers_language(server):
    english = {n["props"]["children"] for n in table_names(run()["charts"]["map"]["table"])}
    french = run(lang="fr")
    names = {n["props"]["children"] for n in table_names(french["charts"]["map"]["table"])}
    assert names != english
    assert {text(b["props"]["children"][0]) for b in french["regions"]} == names
