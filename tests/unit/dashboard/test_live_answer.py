"""What a dashboard answer sends: tables only while open, and on a live update only what moved
since the version the page shows (dashboard/home/view.to_send)."""

from __future__ import annotations

import copy

import dash
import pytest

from components.filters import NAMES, filter_id
from dashboard.home import ids, view
from dashboard.home.callbacks import open_table, update_dashboard
from data.db import EXTENSION_KEY
from intake.cli.commands import load_demo

FILTER_IDS = [filter_id(n) for n in NAMES]
VALUES = [("any" if n == "share" else None) for n in NAMES]


@pytest.fixture
def server(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        load_demo(sqlite_app.server.extensions[EXTENSION_KEY], n=80, seed=5)
        yield sqlite_app.server


def answer():
    return update_dashboard(None, VALUES, "events", "country", "events", "en", FILTER_IDS)


def applied(figure: dict, patch) -> dict:
    """``figure`` with the Patch's assignments made, as the browser makes them."""
    result = copy.deepcopy(figure)
    for op in patch.to_plotly_json()["operations"]:
        assert op["operation"] == "Assign"
        *path, last = op["location"]
        target = result
        for step in path:
            target = target[step]
        target[last] = op["params"]["value"]
    return result


def live_part(figure: dict, key: str):
    """A data-driven part of the layout; no note and an empty list of notes are the same."""
    value = figure["layout"].get(key)
    return [] if key == "annotations" and not value else value


def test_a_table_is_sent_only_while_it_is_open(server):
    out = answer()
    sent = view.to_send(out, {"ranking": True}, live=False)
    assert sent["charts"]["ranking"]["table"] == out["charts"]["ranking"]["table"]
    for name in ids.CHARTS:
        assert sent["charts"][name]["figure"] == out["charts"][name]["figure"]
        if name != "ranking":
            assert sent["charts"][name]["table"] is dash.no_update
    # Its own callback draws it when it opens, the same table as the whole answer's.
    show = open_table("languages")
    assert (
        show(True, VALUES, "events", "country", "events", False, "en", FILTER_IDS)
        == (out["charts"]["languages"]["table"])
    )
    assert show(False, VALUES, "events", "country", "events", False, "en", FILTER_IDS) is (
        dash.no_update
    )


def test_a_live_update_sends_only_what_changed_since_the_shown_version(server):
    shown = answer()
    load_demo(server.extensions[EXTENSION_KEY], n=3, seed=77)  # new reports: a new version
    out = answer()
    assert out["rendered"] > shown["rendered"]
    sent = view.to_send(out, {}, live=True, shown=shown)
    assert sent["rendered"] == out["rendered"]
    assert sent["events"] == out["events"] != shown["events"]
    patched = 0
    for name in ids.CHARTS:
        chart, before = sent["charts"][name], shown["charts"][name]
        assert chart["table"] is dash.no_update
        if chart["figure"] is dash.no_update:
            assert before["figure"]["data"] == out["charts"][name]["figure"]["data"]
            continue
        patched += 1
        operations = chart["figure"].to_plotly_json()["operations"]
        for op in operations:  # trace properties and data-driven layout, never the look
            where = op["location"]
            assert where[0] == "data" or where[1] in view.LIVE_LAYOUT, where
        # The page's figure, patched, is the new figure's data and data-driven layout.
        result = applied(before["figure"], chart["figure"])
        new = out["charts"][name]["figure"]
        assert result["data"] == new["data"]
        for key in view.LIVE_LAYOUT:
            assert live_part(result, key) == live_part(new, key), (name, key)
    assert patched  # three reports moved at least one chart


def test_an_unchanged_figure_is_not_sent(server):
    out = answer()
    sent = view.to_send(out, {"map": True}, live=True, shown=out)
    assert all(sent["charts"][n]["figure"] is dash.no_update for n in ids.CHARTS)
    assert all(sent["charts"][n]["summary"] is dash.no_update for n in ids.CHARTS)
    assert sent["events"] is dash.no_update
    # An open table always goes: the page's may be newer than the version it shows.
    assert sent["charts"]["map"]["table"] == out["charts"]["map"]["table"]
