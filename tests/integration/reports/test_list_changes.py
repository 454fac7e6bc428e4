"""Migration 0011 on a database holding choices from the old initiative list: codes moved to
the 2020 list, choices without a counterpart kept aside, an audit row per touched report,
aggregates equal to a recount, and the review queue listing exactly the touched reports."""

from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager

import pytest
from alembic import command
from flask_login import login_user
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from dashboard.auth.login import SupportUser
from dashboard.review import callbacks as review_callbacks
from dashboard.review import report_callbacks
from data.aggregates import keep as aggregates_keep
from data.db import EXTENSION_KEY
from data.initiative_list.retired import ACTION, touched_reports, with_retired
from data.migrate import alembic_config
from data.support.accounts import create_user
from data.support.audit import AuditLog
from data.support.review_queue import queue
from tests.conftest import PG_URL, make_app

BEFORE = "0010_group_facets"
AFTER = "0011_initiatives_2020"
NOW = dt.datetime(2020, 10, 4)
# Old-list choices: report id → ranked (code, why), coordination codes, status.
REPORTS = {
    1: ([("I12", "tools"), ("I18", "privacy"), ("I02", "")], ["I28", "I22"], "published"),
    2: ([("I14", "conduct"), ("I12", "")], ["I14", "I12"], "published"),  # I12→I14 while I14→I16
    3: ([("I18", "only this")], [], "pending"),
    4: ([("I02", ""), ("I31", "skills")], ["I22"], "published"),  # untouched
    5: ([("I45", ""), ("I44", "learning")], [], "published"),  # I45→I44 while I44→I42
}
CONTRIBUTIONS = {1: [("I12", "a"), ("I18", "b"), ("I44", "")], 2: [("I02", "")]}
PLAN = {"I14": ("UCoC follow-up", "Ana"), "I18": ("privacy", "Bo"), "I02": ("", "")}


@contextmanager
def _pg_database():
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"priorities_list_change_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def old_url(request, tmp_path):
    """A database at revision 0010 holding old-list choices."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path}/old.db"
        _fill(url)
        yield url
    else:
        with _pg_database() as url:
            _fill(url)
            yield url


def _fill(url: str) -> None:
    command.upgrade(alembic_config(url), BEFORE)
    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine)  # the tables as they are at 0010, whatever the models say now
    t = meta.tables

    def insert(conn, table, rows):
        columns = set(t[table].columns.keys())
        conn.execute(
            t[table].insert(), [{k: v for k, v in r.items() if k in columns} for r in rows]
        )

    with engine.begin() as conn:
        insert(conn, "reports", [_report(rid, status) for rid, (*_, status) in REPORTS.items()])
        ranked = [
            {"report_id": rid, "rank": n, "code": code, "why": why}
            for rid, (choices, _c, _s) in REPORTS.items()
            for n, (code, why) in enumerate(choices, start=1)
        ]
        insert(conn, "report_initiatives", ranked)
        coordinated = [
            {"report_id": rid, "initiative_code": code}
            for rid, (_r, codes, _s) in REPORTS.items()
            for code in codes
        ]
        insert(conn, "report_coordination", coordinated)
        insert(
            conn,
            "contributions",
            [
                {
                    "id": cid,
                    "client_id": f"contribution-{cid}",
                    "community": "",
                    "written_in": "en",
                    "status": "published",
                    "status_reason": "",
                    "is_demo": False,
                    "created_at": NOW,
                }
                for cid in CONTRIBUTIONS
            ],
        )
        picks = [
            {"contribution_id": cid, "position": n, "code": code, "why": why}
            for cid, choices in CONTRIBUTIONS.items()
            for n, (code, why) in enumerate(choices, start=1)
        ]
        insert(conn, "contribution_initiatives", picks)
        plan = [
            {"code": c, "note": note, "owner": owner, "updated_by": "rita@example.org"}
            | {"updated_at": NOW}
            for c, (note, owner) in PLAN.items()
        ]
        insert(conn, "plan_items", plan)
        # A stale aggregate row under an old code: the migration's rebuild must drop it.
        stale = {"facet": "all", "value": "", "region": "SSA", "code": "I12", "mentions": 9}
        insert(conn, "agg_initiatives", [stale | {"points": 9, "first_choices": 9, "weighted": 9}])
    engine.dispose()


def _report(rid: int, status: str) -> dict:
    return {
        "id": rid,
        "client_id": f"client-{rid}",
        "event_name": f"Salon {rid}",
        "event_date": dt.date(2020, 10, rid),
        "country": "KE",
        "region": "SSA",
        "format": "virtual",
        "organizer_name": "A",
        "organizer_email": "a@example.org",
        "organizer_affiliate": "",
        "attendees": "",
        "facilitators": "",
        "note_takers": "",
        "participants_total": 10 * rid,
        "resources_needed": "",
        "notes": "",
        "written_in": "en",
        "status": status,
        "status_reason": "",
        "is_demo": False,
        "created_at": NOW,
        "updated_at": NOW,
        "event_key": f"salon {rid}",
    }


def _rows(conn, sql: str) -> set[tuple]:
    return {tuple(r) for r in conn.execute(text(sql))}


def _upgrade(url: str) -> None:
    # To the head: later migrations recount the aggregate tables (0012 leaves 0011's recount
    # to itself), and today's models (the recount, the review screen) read the head schema.
    command.upgrade(alembic_config(url), "heads")


PRIVACY = "Privacy and security for everyone"
QUERIES = {
    "ranked": "SELECT report_id, rank, code, why FROM report_initiatives",
    "coordination": "SELECT report_id, initiative_code FROM report_coordination",
    "picks": "SELECT contribution_id, position, code FROM contribution_initiatives",
    "plan": "SELECT code, note, owner FROM plan_items",
    "retired": "SELECT report_id, contribution_id, kind, code, title, rank, why, list_version "
    "FROM retired_choices",
}
EXPECTED = {
    "ranked": {
        (1, 1, "I14", "tools"),
        (1, 3, "I02", ""),  # the retired rank 2 leaves a gap: no one is promoted
        (2, 1, "I16", "conduct"),
        (2, 2, "I14", ""),
        (4, 1, "I02", ""),
        (4, 2, "I31", "skills"),
        (5, 1, "I44", ""),
        (5, 2, "I42", "learning"),
    },
    "coordination": {(1, "I30"), (1, "I22"), (2, "I16"), (2, "I14"), (4, "I22")},
    "picks": {(1, 1, "I14"), (1, 3, "I42"), (2, 1, "I02")},
    "plan": {("I16", "UCoC follow-up", "Ana"), ("I02", "", "")},
    "retired": {
        (1, None, "initiative", "I18", PRIVACY, 2, "privacy", "2020-official"),
        (3, None, "initiative", "I18", PRIVACY, 1, "only this", "2020-official"),
        (None, 1, "contribution", "I18", PRIVACY, 2, "b", "2020-official"),
        (None, None, "plan", "I18", PRIVACY, None, "privacy", "2020-official"),
    },
}


def _stored(engine) -> dict[str, set]:
    with engine.connect() as conn:
        return {name: _rows(conn, sql) for name, sql in QUERIES.items()}


def test_codes_move_and_choices_without_counterpart_are_kept(old_url):
    command.upgrade(alembic_config(old_url), AFTER)
    engine = create_engine(old_url)
    assert _stored(engine) == EXPECTED

    with Session(engine) as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.action == ACTION)).all()
        by_report = {a.report_id: a for a in audit if a.report_id}
        assert sorted(by_report) == [1, 2, 3, 5]  # one row each; report 4 untouched
        assert {a.user_email for a in audit} == {"migration 0011"}
        assert by_report[1].before == {
            "priorities": ["I12", "I18", "I02"],
            "global_coordination": ["I22", "I28"],
        }
        assert by_report[1].after == {
            "priorities": ["I14", "I02"],
            "global_coordination": ["I22", "I30"],
            "list": "2020-official",
            "retired": ["I18"],
        }
        others = [a for a in audit if not a.report_id]
        assert sorted(str(a.before) for a in others) == [
            "{'contribution': 1, 'initiatives': ['I12', 'I18', 'I44']}",
            "{'plan': ['I02', 'I14', 'I18']}",
        ]
        assert session.scalar(text("SELECT version FROM data_version")) == 1
        # The review queue reads today's schema (its duplicate rule reads ``continues``, added
        # by 0012): its list of touched reports is checked at the head, below.
        assert with_retired(session, [1, 2, 3, 4, 5]) == {1, 3}

    _upgrade(old_url)
    assert _stored(engine) == EXPECTED, "a later migration lost or changed these rows"
    with Session(engine) as session:
        assert aggregates_keep.verify(session) == []
        assert sorted(r.id for r in queue(session, within=touched_reports())) == [1, 2, 3, 5]
    engine.dispose()


def test_the_review_screen_lists_and_explains_the_touched_reports(old_url):
    _upgrade(old_url)
    app = make_app(old_url)
    db = app.server.extensions[EXTENSION_KEY]
    with db.session() as session:
        rita = create_user(session, "rita@example.org", "Rita", "reviewer", "pw-pw-pw-pw-pw")
    try:
        with app.server.test_request_context("/_dash-update-component", method="POST"):
            login_user(SupportUser(rita))
            touched = str(review_callbacks.render_queue(None, None, False, 0, "en", True))
            everything = str(review_callbacks.render_queue(None, None, False, 0, "en"))
            _status, _same, detail, hidden, _hidden, _values = report_callbacks.show_report(
                1, 0, "en", []
            )
            audit = str(review_callbacks.render_audit("x", "en"))
        assert [f"'id': {n}" in touched for n in range(1, 6)] == [True, True, True, False, True]
        assert "'id': 4" in everything
        assert touched.count("retired initiative") == 2  # reports 1 and 3
        shown = str(detail)
        assert hidden is False
        assert "From the earlier list, no counterpart in the 2020 list" in shown
        assert "I18 Privacy and security for everyone — privacy" in shown
        assert "Initiative list changed (stored codes moved to the 2020 list)" in audit
    finally:
        db.engine.dispose()


def test_downgrade_puts_everything_back_unless_a_2020_code_was_chosen_since(tmp_path):
    url = f"sqlite:///{tmp_path}/old.db"
    _fill(url)
    engine = create_engine(url)
    queries = (
        "SELECT report_id, rank, code, why FROM report_initiatives",
        "SELECT report_id, initiative_code FROM report_coordination",
        "SELECT contribution_id, position, code, why FROM contribution_initiatives",
        "SELECT code, note, owner, updated_by FROM plan_items",
    )
    with engine.connect() as conn:
        before = [_rows(conn, q) for q in queries]
    command.upgrade(alembic_config(url), AFTER)
    command.downgrade(alembic_config(url), BEFORE)
    with engine.connect() as conn:
        assert [_rows(conn, q) for q in queries] == before
        assert not _rows(conn, f"SELECT id FROM audit_log WHERE action = '{ACTION}'")

    command.upgrade(alembic_config(url), AFTER)
    with engine.begin() as conn:  # I12 of the 2020 list: "Peer-to-peer spaces"
        conn.execute(text("INSERT INTO report_coordination VALUES (4, 'I12')"))
    with pytest.raises(RuntimeError, match=r"cannot be undone: stored choices name \['I12'\]"):
        command.downgrade(alembic_config(url), BEFORE)
    engine.dispose()
