"""``flask init-db`` (what ``make run`` and a first deploy run): it migrates, then loads the demo
dataset only into a database with no report at all and only while DEMO_DATA is on, on SQLite and
PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, inspect, select

from data.contributions.model import Contribution
from data.db import EXTENSION_KEY
from data.events.model import Event
from data.models import Report
from data.reference import reference
from tests.conftest import make_app
from tests.integration.aggregates.test_aggregates import assert_equal_to_recount


def init_db(app):
    result = app.server.test_cli_runner().invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    return result.output


def counts(db) -> tuple[int, int, int, int]:
    """Reports, demo reports, demo events, demo contributions."""
    with db.session(readonly=True) as session:
        return (
            session.scalar(select(func.count(Report.id))),
            session.scalar(select(func.count(Report.id)).where(Report.is_demo.is_(True))),
            session.scalar(select(func.count(Event.id)).where(Event.is_demo.is_(True))),
            session.scalar(
                select(func.count(Contribution.id)).where(Contribution.is_demo.is_(True))
            ),
        )


def test_an_empty_database_gets_the_demo_data_once(app, client, clean):
    db = clean
    assert counts(db) == (0, 0, 0, 0)
    output = init_db(app)
    reports, demo_reports, events, contributions = counts(db)
    assert f"loaded {reports} demo reports" in output
    assert f"loaded {events} demo events, {contributions} demo contributions" in output
    assert reports == 300 and demo_reports == reports  # every one flagged demo
    assert events and contributions
    with db.session(readonly=True) as session:
        regions = set(session.scalars(select(Report.region).distinct()))
        statuses = set(session.scalars(select(Report.status).distinct()))
    assert regions == set(reference().regions) and statuses == {"published"}
    summary = client.get("/api/v1/summary").get_json()
    assert summary["events"] == reports
    assert_equal_to_recount(db, every_filter=False)

    again = init_db(app)
    assert "loaded" not in again
    assert counts(db) == (reports, demo_reports, events, contributions)


def test_demo_data_off_loads_nothing(app, clean, monkeypatch):
    monkeypatch.setitem(app.server.config, "DEMO_DATA", False)
    assert "loaded" not in init_db(app)
    assert counts(clean) == (0, 0, 0, 0)


def test_a_database_holding_a_real_report_gets_no_demo(app, client, clean, report):
    assert client.post("/api/v1/reports", json=report()).status_code == 201
    assert "loaded" not in init_db(app)
    assert counts(clean) == (1, 0, 0, 0)


def test_a_new_sqlite_file_gets_the_schema(tmp_path):
    """No migration run before: init-db makes the tables (DEMO_DATA off keeps the test short)."""
    app = make_app(f"sqlite:///{tmp_path}/new.db", DEMO_DATA=False)
    try:
        init_db(app)
        db = app.server.extensions[EXTENSION_KEY]
        tables = set(inspect(db.engine).get_table_names())
        assert {"reports", "events", "contributions", "data_version", "alembic_version"} <= tables
        assert counts(db) == (0, 0, 0, 0)
    finally:
        app.server.extensions[EXTENSION_KEY].engine.dispose()
