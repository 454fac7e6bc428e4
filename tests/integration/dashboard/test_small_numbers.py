"""Honest small numbers end to end, on SQLite and PostgreSQL: reports sent through the API, the
aggregate tables (and a recount from the raw rows) keep per region and group the events whose
small counts are hidden, and the dashboard draws a hidden share as "n/a", a lower bound as
"at least", and a real zero as "0%"."""

from __future__ import annotations

import datetime as dt

import pytest
from flask_babel import force_locale

from dashboard.home import heatmaps, view
from data.aggregates import keep as aggregates_keep
from data.aggregates.insights import Freshness, insights, insights_raw
from data.aggregates.queries import Filters
from data.db import EXTENSION_KEY
from data.reference import reference

# Two events in Kenya (Sub-Saharan Africa), 50 people: LGBTQ+ 2 and 3 (both hidden), indigenous
# 0 and 0 (a real zero), newcomers 20 and 1 (one hidden: a lower bound), women 10 and 12.
EVENTS = (
    {"total": 20, "women": 10, "lgbtq": 2, "indigenous": 0, "newcomers": 20},
    {"total": 30, "women": 12, "lgbtq": 3, "indigenous": 0, "newcomers": 1},
)
FILTERS = [
    Filters(),
    Filters(region="SSA"),
    Filters(format="virtual"),
    Filters(format="virtual", language="en"),  # combined: recounted from the reports' rows
]


@pytest.fixture
def two_events(app, client, report):
    for n, participants in enumerate(EVENTS):
        answer = client.post(
            "/api/v1/reports", json=report(event_name=f"Salon {n}", participants=participants)
        )
        assert answer.status_code == 201, answer.get_json()
    db = app.server.extensions[EXTENSION_KEY]
    with app.server.app_context(), db.session(readonly=True) as session:
        assert aggregates_keep.verify(session) == []
        found = {f: insights(session, f) for f in FILTERS}
        for filters, data in found.items():
            assert data == insights_raw(session, filters), filters
    return found


def test_the_tables_tell_hidden_counts_from_zero(two_events):
    for data in two_events.values():
        cells = {c.column: (c.value, c.of, c.hidden) for c in data.region_groups}
        assert cells == {
            "lgbtq": (0, 50, 2),  # nothing shown, two events hidden
            "indigenous": (0, 50, 0),  # a real zero
            "newcomers": (20, 50, 1),
            "women": (22, 50, 0),
        }
        groups = {g.code: (g.count, g.hidden_events) for g in data.summary.groups}
        assert groups["lgbtq"] == (0, 2) and groups["indigenous"] == (0, 0)


def test_the_dashboard_draws_them_honestly(app, two_events):
    threshold = app.server.config["PRIVACY_THRESHOLD"]
    data = two_events[Filters()]
    fresh = Freshness(dt.datetime(2026, 12, 1), 2, 0)
    options = view.Options("events", "region", "mentions", rtl=False, compact=False)
    with app.server.test_request_context("/"), force_locale("en"):
        built = view.build(1, Filters(), data, data, fresh, options, threshold)
        chart = heatmaps.group_participation(data, threshold)
    row = dict(zip(chart.columns, chart.rows[0], strict=True))
    assert row["Region"] == "Sub-Saharan Africa"
    assert row["LGBTQ+ people"] == "n/a — 2 events counted fewer than 5 people each"
    assert row["Members of indigenous communities"] == "0%"
    assert row["Newcomers to the movement"] == (
        "at least 40% (1 event with fewer than 5 people not counted)"
    )
    assert row["Women"] == "44%"

    figure = built.charts["groups"].figure
    assert figure == chart.figure
    main, hidden = figure["data"]
    column = list(reference().groups).index
    assert main["z"][0][column("lgbtq")] is None
    assert hidden["text"][0][column("lgbtq")] == "n/a"
    assert main["z"][0][column("indigenous")] == 0 and main["text"][0][column("indigenous")] == "0%"
    assert main["text"][0][column("newcomers")] == "≥ 40%"
    assert {s["type"] for s in figure["layout"]["shapes"]} == {"rect", "path"}

    card = {li.children[0]: li.children[1:] for li in built.groups.children}
    assert card["LGBTQ+ people: "][0].children == "n/a"
    assert card["Members of indigenous communities: "][0].children == "0%"
    assert card["Newcomers to the movement: "][0].children == "at least 40%"
