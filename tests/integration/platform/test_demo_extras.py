"""Demo announcements and contributions for ``make run``: deterministic, flagged as demo, loaded
with the demo reports and removed with them; real rows are never touched."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, text

from data.contributions.model import Contribution
from data.demo import events_and_contributions as demo_extras
from data.demo import reports as demo
from data.events.model import Event, published_events
from data.models import Report
from data.support.audit import AuditLog
from data.support.review import mark_duplicate
from tests.integration.aggregates.test_aggregates import assert_equal_to_recount
from tests.integration.contributions.test_contributions import contribution
from tests.integration.events.test_events import announced

TODAY = dt.date(2026, 11, 26)


def test_generation_is_deterministic_and_varied():
    reports = demo.generate(300, 2020)
    events = demo_extras.generate_events(reports, 2020, TODAY)
    assert events == demo_extras.generate_events(reports, 2020, TODAY)
    assert events != demo_extras.generate_events(reports, 7, TODAY)
    assert demo_extras.generate_contributions(2020) == demo_extras.generate_contributions(2020)

    starts = [dt.datetime.fromisoformat(e["event"]["start"]) for e in events]
    past = [e for e, s in zip(events, starts, strict=True) if s.year == 2020]
    upcoming = [e["event"] for e, s in zip(events, starts, strict=True) if s.date() > TODAY]
    assert 30 <= len(events) <= 48 and len(past) > 3 * len(upcoming)
    assert len(upcoming) + len(past) == len(events)
    assert all(s.date() <= TODAY + dt.timedelta(days=90) for s in starts)
    assert sum(e["report"] is not None for e in past) >= 20  # most of them reported
    assert len({e["timezone"] for e in upcoming}) >= 5
    assert len({e["format"] for e in upcoming}) >= 3
    assert len({e["region"] or e["country"] for e in upcoming}) >= 5
    assert len({lang for e in upcoming for lang in e["languages"]}) >= 6
    by_client = {r["client_id"]: r for r in reports}
    for event in past:
        if event["report"]:  # the announcement of that report's event, the same day
            report = by_client[event["report"]]
            assert event["event"]["start"][:10] == report["event_date"]
            assert event["event"]["name"] == report["event_name"]


def test_loading_makes_them_and_removing_removes_only_them(app, client, clean, report):
    db = clean
    real_report = client.post("/api/v1/reports", json=report()).get_json()["id"]
    real_event = announced(db).id
    real_contribution = client.post("/api/v1/contributions", json=contribution()).get_json()["id"]

    def real_rows():
        with db.session(readonly=True) as session:
            return (
                session.scalars(select(Report.id).where(Report.is_demo.is_(False))).all(),
                session.execute(
                    select(Event.id, Event.name, Event.report_id, Event.status).where(
                        Event.is_demo.is_(False)
                    )
                ).all(),
                session.execute(
                    select(Contribution.id, Contribution.status).where(
                        Contribution.is_demo.is_(False)
                    )
                ).all(),
            )

    before = real_rows()
    assert before[0] == [real_report] and [r[0] for r in before[1]] == [real_event]
    assert [r[0] for r in before[2]] == [real_contribution]

    runner = app.server.test_cli_runner()
    loaded = runner.invoke(args=["demo-data", "load", "-n", "60", "--seed", "3"])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 60 demo reports" in loaded.output
    again = runner.invoke(args=["demo-data", "load", "-n", "60", "--seed", "3"])
    assert "loaded 0 demo events, 0 demo contributions" in again.output  # idempotent

    with db.session(readonly=True) as session:
        demo_events = session.scalars(select(Event).where(Event.is_demo.is_(True))).all()
        demo_reports = set(session.scalars(select(Report.id).where(Report.is_demo.is_(True))))
        linked = [e.report_id for e in demo_events if e.report_id is not None]
        contributions = session.scalar(
            select(func.count(Contribution.id)).where(Contribution.is_demo.is_(True))
        )
        shown = published_events(session)
    assert f"loaded {len(demo_events)} demo events, {contributions} demo contributions" in (
        loaded.output
    )
    assert len(demo_events) >= 15 and contributions == len(demo_extras.generate_contributions(3))
    assert linked and set(linked) <= demo_reports
    assert {e.status for e in demo_events} == {"published", "pending"}
    assert len(shown) == 1 + sum(e.status == "published" for e in demo_events)
    assert real_rows() == before

    removed = runner.invoke(args=["demo-data", "remove"])
    assert removed.exit_code == 0, removed.output
    assert "removed 60 demo reports" in removed.output
    assert f"removed {len(demo_events)} demo events, {contributions} demo contributions" in (
        removed.output
    )
    with db.session(readonly=True) as session:
        assert not session.scalar(select(func.count(Event.id)).where(Event.is_demo.is_(True)))
        left = session.scalar(select(func.count()).select_from(text("event_languages")))
        assert left == len(session.get(Event, real_event).languages)
        assert not session.scalar(
            select(func.count(Contribution.id)).where(Contribution.is_demo.is_(True))
        )
        picks = session.scalar(select(func.count()).select_from(text("contribution_initiatives")))
        assert picks == len(contribution()["initiatives"])
    assert real_rows() == before


def test_removing_lets_go_of_real_rows_pointing_at_demo_reports(
    app, client, clean, accounts, report
):
    """A reviewer marked a real report a duplicate of a demo one (a foreign key), a real event
    names a demo report as its results, a real report was flagged a possible duplicate of one
    (plain ids): the removal clears each pointer in the same transaction and fails on none."""
    db = clean
    runner = app.server.test_cli_runner()
    assert runner.invoke(args=["demo-data", "load", "-n", "20", "--seed", "5"]).exit_code == 0
    with db.session(readonly=True) as session:
        first, second = session.scalars(
            select(Report.id).where(Report.is_demo.is_(True)).order_by(Report.id).limit(2)
        ).all()
    kept = client.post("/api/v1/reports", json=report()).get_json()["id"]
    copy = client.post("/api/v1/reports", json=report(event_name="A copy")).get_json()["id"]
    mark_duplicate(db, copy, first, accounts["reviewer"])
    event = announced(db).id
    with db.session() as session:
        session.get(Event, event).report_id = second
        session.get(Report, kept).possible_duplicate_of = second
    assert_equal_to_recount(db, every_filter=False)

    removed = runner.invoke(args=["demo-data", "remove"])
    assert removed.exit_code == 0, removed.output
    assert "removed 20 demo reports" in removed.output
    with db.session(readonly=True) as session:
        assert not session.scalar(select(func.count(Report.id)).where(Report.is_demo.is_(True)))
        left = {r.id: r for r in session.scalars(select(Report))}
        assert sorted(left) == sorted([kept, copy])
        assert left[copy].status == "duplicate" and left[copy].duplicate_of is None
        assert left[kept].status == "published" and left[kept].possible_duplicate_of is None
        assert session.get(Event, event).report_id is None
        [entry] = session.scalars(select(AuditLog).where(AuditLog.action == "duplicate_cleared"))
        assert entry.report_id == copy and entry.user_email == "flask demo-data remove"
        assert entry.before["duplicate_of"] == first and entry.after["duplicate_of"] is None
        assert entry.before["status"] == entry.after["status"] == "duplicate"
    assert_equal_to_recount(db)
