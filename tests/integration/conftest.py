"""Fixtures of the integration tests beyond tests/conftest.py."""

from __future__ import annotations

import pytest
from sqlalchemy import text

# The events' and contributions' tables, which the shared PostgreSQL database keeps between tests
# (tests/conftest.py empties the reports' tables only).
EXTRA_TABLES = (
    "event_languages",
    "events",
    "contribution_initiatives",
    "contribution_recommendations",
    "contributions",
)


def empty_extras(db) -> None:
    with db.session() as session:
        for table in EXTRA_TABLES:
            session.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def clean(db):
    """The database with no events or contributions, before and after the test."""
    empty_extras(db)
    yield db
    empty_extras(db)
