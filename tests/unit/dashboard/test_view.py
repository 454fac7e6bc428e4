"""The dashboard's view model (dashboard/home/view.py) built from aggregates given by hand, the
toggles' defaults and the filters read from the controls."""

from __future__ import annotations

import datetime as dt

import pytest
from dash import Patch, html
from flask_babel import force_locale

from components.filter_values import filters_from
from components.filters import NAMES, filter_id
from dashboard.home import ids, view
from dashboard.home.controls import preset, toggle_defaults
from data.aggregates.insights import Freshness
from data.aggregates.queries import Filters, GroupTotal, Insights, Summary

OPTIONS = view.Options("events", "region", "mentions", rtl=False, compact=False)
FRESH = Freshness(last_report=dt.datetime(2026, 11, 2, 9, 30), published=1234, pending=5)


@pytest.fixture
def context(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        yield


def test_an_empty_view_names_every_output(context):
    built = view.build(7, Filters(), Insights(Summary()), Insights(Summary()), FRESH, OPTIONS, 5)
    out = built.outputs()
    assert set(out) == {
        "rendered",
        "events",
        "participants",
        "countries",
        "groups",
        "status",
        "last_report",
        "download",
        "charts",
        "regions",
    }
    assert set(out["charts"]) == set(ids.CHARTS)
    assert all(set(chart) == {"figure", "summary", "table"} for chart in out["charts"].values())
    assert out["rendered"] == 7 and out["events"] == "0"
    assert out["groups"] == "No counts reported yet."
    assert out["status"].startswith("1,234 reports published, 5 waiting for review.")
    assert out["last_report"] == "2026-11-02T09:30:00Z"
    assert out["download"] == "/api/v1/reports?format=csv"


def test_the_download_follows_the_filters_and_no_last_report_is_none(context):
    fresh = Freshness(last_report=None, published=0, pending=0)
    data = Insights(Summary())
    built = view.build(1, Filters(country="KE"), data, data, fresh, OPTIONS, 5)
    assert built.download == "/api/v1/reports?format=csv&country=KE"
    assert built.last_report is None


def test_participants_say_at_least_while_some_counts_are_lower_bounds(context):
    assert view.participants_text(Summary(participants=1200)) == "1,200"
    bound = Summary(participants=320, lower_bound_events=1)
    assert view.participants_text(bound) == "at least 320"


def test_group_shares_are_a_list(context):
    summary = Summary(groups=[GroupTotal("women", 12, 40, 0)])
    shares = view.group_list(summary, 5)
    assert isinstance(shares, html.Ul) and len(shares.children) == 1


def test_a_live_view_patches_figures_and_leaves_the_cached_outputs_alone():
    figure = {"data": [{"type": "bar"}], "layout": {"height": 300, "template": {}}}
    chart = {"figure": figure, "summary": "s", "table": {}}
    outputs = {"events": "3", "charts": {"ranking": chart}}
    live = view.live(outputs)
    assert isinstance(live["charts"]["ranking"]["figure"], Patch)
    assert live["events"] == "3" and live["charts"]["ranking"]["summary"] == "s"
    assert outputs["charts"]["ranking"]["figure"] is figure


def test_toggles_fall_back_to_their_defaults():
    assert preset({"metric": "participants"}, "metric") == "participants"
    assert preset({"metric": "moon"}, "metric") == "events"
    assert toggle_defaults().data == {"metric": "events", "view": "region", "weight": "mentions"}


def test_filters_from_the_controls_drop_what_is_not_understood():
    names = [filter_id(n) for n in NAMES]
    values = [
        {"region": "MOON", "country": "KE"}.get(n, "any" if n == "share" else None) for n in NAMES
    ]
    assert filters_from(values, names) == Filters(country="KE")
