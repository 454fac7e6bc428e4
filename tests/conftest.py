"""Fixtures: the app on SQLite and on the real PostgreSQL server, and a valid report."""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app import create_app
from data.db import EXTENSION_KEY
from data.migrate import upgrade

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
TABLES = (
    "report_coordination, report_languages, report_themes, report_groups, "
    "report_recommendations, report_initiatives, report_audit, reports, "
    # The aggregate tables hold no foreign key to reports: CASCADE would not empty them.
    "agg_events, agg_initiatives, agg_recommendations, agg_prioritized, agg_groups, agg_languages, "
    "agg_coordination, rate_limits"
)

REPORT = {
    "event_name": "Wikimedia Kenya strategy salon",
    "event_date": "2020-10-03",
    "country": "KE",
    "region": None,
    "format": "virtual",
    "languages": ["en", "sw"],
    "themes": ["education", "languages"],
    "organizer": {
        "name": "Amina Organizer",
        "email": "amina@example.org",
        "affiliate": "Wikimedia Community User Group Kenya",
    },
    "attendees": "Editors from Nairobi and Mombasa",
    "facilitators": "Two volunteers",
    "note_takers": "One volunteer",
    "participants": {
        "total": 34,
        "women": 15,
        "lgbtq": 2,
        "indigenous": 0,
        "people_of_colour": 30,
        "online_editors": 20,
        "newcomers": 6,
    },
    "recommendations": [{"code": "R1", "why": "Sustainability"}, {"code": "R6", "why": ""}],
    "priorities": [
        {"code": "I02", "why": "Funding reaches us rarely"},
        {"code": "I31", "why": "Skills"},
        {"code": "I25", "why": ""},
    ],
    "global_coordination": ["I22", "I25"],
    "resources_needed": "A small grant",
    "notes": "",
}


BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (``make test`` runs ``-n auto --dist loadgroup``) the browser tests go
    to one worker, in file order: two Chromiums never compete for the cores while they wait on a
    live update, and each module's live server starts once. The rest spread over the workers."""
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture
def report():
    """A fresh valid report (a new client_id each time)."""

    def make(**changes):
        payload = copy.deepcopy(REPORT)
        payload["client_id"] = str(uuid.uuid4())
        payload.update(changes)
        return payload

    return make


@contextmanager
def throwaway_pg(prefix: str):
    """A migrated database of its own on the PostgreSQL server, dropped afterwards."""
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def pg_database():
    with throwaway_pg("priorities_test") as url:
        yield url


def _empty_pg(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE"))
        conn.execute(text("UPDATE data_version SET version = 0"))
    engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """One SQLite file migrated to the head by the real migrations, once per session: each test
    copies it instead of running them again (about half a second a test, most of it the 2020
    migration's aggregate rebuild)."""
    path = tmp_path_factory.mktemp("migrated") / "migrated.db"
    upgrade(f"sqlite:///{path}")
    # WAL mode: fold the log back into the file, so that the file alone is the whole database.
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return path


def fresh_sqlite(migrated, folder) -> str:
    """A migrated SQLite database of its own in ``folder``: a copy of the session's template."""
    target = folder / "test.db"
    shutil.copyfile(migrated, target)
    return f"sqlite:///{target}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        return fresh_sqlite(request.getfixturevalue("migrated_sqlite"), tmp_path)
    url = request.getfixturevalue("pg_database")
    _empty_pg(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path, migrated_sqlite):
    return fresh_sqlite(migrated_sqlite, tmp_path)


def make_app(url: str, **config):
    return create_app(
        {
            "DATABASE_URL": url,
            "TESTING": True,
            "SECRET_KEY": "test",
            "AUTO_PUBLISH": True,
            # Flask's test client's address: links in answers are built on it.
            "PUBLIC_URL": "http://localhost",
            **config,
        }
    )


@pytest.fixture
def app(database_url):
    app = make_app(database_url)
    yield app
    app.server.extensions[EXTENSION_KEY].engine.dispose()


@pytest.fixture
def sqlite_app(sqlite_url):
    app = make_app(sqlite_url)
    yield app
    app.server.extensions[EXTENSION_KEY].engine.dispose()


@pytest.fixture
def client(app):
    return app.server.test_client()


@pytest.fixture
def db(app):
    return app.server.extensions[EXTENSION_KEY]


# The support team (review, planning, exports): two accounts and signing in through the form.
PASSWORD = "correct horse battery"

# The 2020 Global Conversations' clusters (Movement Charter, Global Council, …): the initiatives
# the Global Conversations report asked for global coordination on, and those events chose most.
GLOBAL_CONVERSATION_CLUSTERS = (
    "I22", "I23", "I24", "I09", "I11", "I31", "I32", "I33", "I25", "I02", "I03", "I08", "I36",
    "I37", "I38",
)  # fmt: skip


@pytest.fixture
def accounts(db):
    """A reviewer and an admin; the support tables emptied first (PostgreSQL keeps rows)."""
    from data.support.accounts import create_user

    with db.session() as session:
        for table in ("plan_items", "audit_log", "settings", "users"):
            session.execute(text(f"DELETE FROM {table}"))
        return {
            "reviewer": create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD),
            "admin": create_user(session, "adam@example.org", "Adam", "admin", PASSWORD),
        }


def sign_in(client, email: str, password: str = PASSWORD, lang: str = "en"):
    """Sign in through the login form (with its CSRF token); returns the response."""
    import re

    page = client.get(f"/{lang}/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post(
        f"/{lang}/login", data={"email": email, "password": password, "csrf_token": token}
    )
