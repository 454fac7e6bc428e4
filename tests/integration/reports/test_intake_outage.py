"""A real PostgreSQL outage: the app's own database stops accepting connections and its open
ones are killed (what a restart or a failover does to the pool), then comes back.

The API answers 503 with Retry-After and the form says so (in the visitor's language) while
keeping what was typed; once the database is back, the same submission again (same client_id)
is stored exactly once, through connections the pool replaced (``pool_pre_ping``).
"""

from __future__ import annotations

import secrets
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.models import Report
from tests.conftest import PG_URL, make_app
from tests.unit.reports.test_intake_form import submit_form

pytestmark = pytest.mark.postgres
FORM_CLIENT_ID = "5d0c1f0e-3f7a-4d51-9a57-0b8c6de1a2f4"


@pytest.fixture
def outage():
    """A migrated database of this test's own (``outage_<random>``) and a switch that takes it
    down and up; dropped at the end, whatever happened."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"outage_{secrets.token_hex(4)}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    @contextmanager
    def down():
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            killed = conn.execute(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            ).scalar_one()
        try:
            yield killed
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))

    try:
        upgrade(url)
        yield url, down
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_outage_gives_503_and_the_form_notice_then_the_resend_stores_once(outage, report):
    url, down = outage
    app = make_app(url, RATELIMIT_ENABLED=False)
    db = app.server.extensions[EXTENSION_KEY]
    client = app.server.test_client()
    try:
        # Before: the pool holds a live connection, which the outage will kill.
        assert client.post("/api/v1/reports", json=report()).status_code == 201
        payload = report(event_name="Sent during the outage")

        with down() as killed:
            assert killed >= 1  # the app's pooled connection was there, and is gone
            response = client.post("/api/v1/reports", json=payload)
            assert response.status_code == 503
            assert int(response.headers["Retry-After"]) >= 30
            assert "database" in response.get_json()["errors"]
            assert client.get("/api/v1/version").status_code == 503
            # The blueprints that take no submissions answer the same way, not with a 500.
            for path in ("/events.ics", "/api/v1/reports/1/wikitext"):
                gone = client.get(path)
                assert gone.status_code == 503, path
                assert gone.headers["Retry-After"] and "database" in gone.get_json()["errors"]
            with app.server.test_request_context("/_dash-update-component", method="POST"):
                _, _, notice, result, hidden = submit_form(client_id=FORM_CLIENT_ID, lang="fr")
            assert hidden is False and result is not None  # the form stays as typed
            assert "report-unavailable" in str(notice)

        again = client.post("/api/v1/reports", json=payload)
        assert again.status_code == 201, again.get_data(as_text=True)
        retry = client.post("/api/v1/reports", json=payload)  # and a second resend: the same
        assert (retry.status_code, retry.get_json()["id"]) == (200, again.get_json()["id"])
        with app.server.test_request_context("/_dash-update-component", method="POST"):
            assert submit_form(client_id=FORM_CLIENT_ID)[4] is True  # the form's retry

        with db.session(readonly=True) as session:
            assert session.scalar(select(func.count(Report.id))) == 3
            sent = select(func.count(Report.id)).where(
                Report.client_id.in_([payload["client_id"], FORM_CLIENT_ID])
            )
            assert session.scalar(sent) == 2  # one each
        assert client.get("/api/v1/version").get_json()["version"] == 3
    finally:
        db.engine.dispose()
