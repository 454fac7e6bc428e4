"""Migration 0002_intake on a database with reports: keys backfilled, child rows kept (no
table copy, so no cascade), and back down again."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect, text

from data.migrate import alembic_config


def test_intake_migration_keeps_reports_and_backfills_their_keys(tmp_path):
    url = f"sqlite:///{tmp_path}/old.db"
    config = alembic_config(url)
    command.upgrade(config, "0001")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=ON"))
        conn.execute(
            text(
                "INSERT INTO reports (id, client_id, event_name, event_date, region, format, "
                "organizer_name, organizer_email, organizer_affiliate, attendees, facilitators, "
                "note_takers, participants_total, resources_needed, notes, written_in, status, "
                "status_reason, is_demo, created_at, updated_at) VALUES (1, 'c1', "
                "'Café Salon!', '2020-10-03', 'SSA', 'virtual', 'A', 'a@example.org', '', '', "
                "'', '', 10, '', '', 'en', 'published', '', 0, '2020-10-04', '2020-10-04')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO report_initiatives (report_id, rank, code, why) VALUES (1,1,'I02','')"
            )
        )
    engine.dispose()

    command.upgrade(config, "0002_intake")
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT event_key FROM reports")).scalar() == "cafe salon"
        assert conn.execute(text("SELECT count(*) FROM report_initiatives")).scalar() == 1
    assert "report_audit" in inspect(engine).get_table_names()
    engine.dispose()

    command.downgrade(config, "0001")
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM report_initiatives")).scalar() == 1
    columns = {c["name"] for c in inspect(engine).get_columns("reports")}
    assert "event_key" not in columns and "edit_token_hash" not in columns
    engine.dispose()
