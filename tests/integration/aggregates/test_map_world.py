"""The dashboard's cheaper reads equal their recounts, on SQLite and PostgreSQL: the world map's
data for filters that name no place (``data.aggregates.insights.world``) and the status line's
counts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from data.aggregates.insights import freshness, insights_raw, insights_with_world, world
from data.aggregates.queries import Filters, Insights, Summary
from data.aggregates.world import unplaced
from data.demo.reports import generate
from data.models import Report
from data.reports.submit import store_report
from intake.cli.commands import load_demo
from intake.report.validation import validate


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(theme="education"),  # one filter: its facet
        Filters(theme="education", group="newcomers"),  # a combination: two recounts of six
        Filters(format="virtual", language="en", group="women", group_share=25),
        Filters(theme="no-such-theme", group="women"),  # nothing matches
    ],
)
def test_world_is_what_the_map_shows_of_a_recount(app, db, filters):
    with app.server.app_context():
        load_demo(db, n=60, seed=11)
    with db.session(readonly=True) as session:
        full = insights_raw(session, filters)
        shown = world(session, filters)
    if not full.summary.events:
        assert shown == Insights(Summary())
    assert shown.countries == full.countries
    assert shown.summary.events == full.summary.events
    assert shown.summary.participants == full.summary.participants
    assert shown.summary.countries == full.summary.countries
    assert shown.summary.by_region == full.summary.by_region


def test_freshness_counts_published_and_pending_reports(app, db):
    with app.server.app_context():
        load_demo(db, n=12, seed=4)
        for payload in generate(3, seed=99):
            report, errors = validate(payload)
            assert not errors
            store_report(db, report, lang="en", auto_publish=False)
    with db.session(readonly=True) as session:
        counts = dict(
            session.execute(select(Report.status, func.count()).group_by(Report.status)).all()
        )
        last = session.scalar(
            select(func.max(Report.created_at)).where(Report.status == "published")
        )
        fresh = freshness(session)
    assert (fresh.published, fresh.pending) == (counts["published"], counts["pending"]) == (12, 3)
    assert fresh.last_report == last


@pytest.mark.parametrize(
    "filters",
    [
        Filters(region="SSA", theme="education", group="newcomers"),
        Filters(region="NWE", format="virtual", date_to=dt.date(2020, 11, 1)),
        Filters(country="KE", language="en", group="women", group_share=25),
        Filters(region="NA", theme="education", group="women"),  # perhaps nothing in the place
    ],
)
def test_a_view_and_its_map_in_one_pass_equal_their_recounts(app, db, filters):
    with app.server.app_context():
        load_demo(db, n=60, seed=11)
    with db.session(readonly=True) as session:
        data, shown = insights_with_world(session, filters)
        assert data == insights_raw(session, filters)
        assert shown == world(session, unplaced(filters))
