"""Rebuilding the aggregate tables from inside a migration.

``data.aggregates.keep.rebuild`` recounts through today's models. A migration that changes
what the tables count (codes moved, a counting rule changed) runs on a database that may still
lack columns or tables that later migrations add and today's models already read; the recount
would then fail on them. Such a database is on its way through those later migrations, and a
migration that changes the counted columns or the aggregate tables rebuilds at its own end, so
the rebuild is left to it.
"""

from __future__ import annotations

import logging

from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

import data.aggregates.tables  # noqa: F401  (the aggregate tables, in the same metadata)
from data.models import Base

log = logging.getLogger("alembic.runtime.migration")


def _counted_tables() -> list:
    """The tables a recount reads or writes: the reports, their child rows, the aggregates."""
    return [
        t
        for name, t in Base.metadata.tables.items()
        if name == "reports" or name.startswith(("report_", "agg_"))
    ]


def missing_for_recount(connection: Connection) -> list[str]:
    """``table.column`` names the recount needs and the database does not have yet."""
    inspector = inspect(connection)
    have = set(inspector.get_table_names())
    missing = []
    for table in _counted_tables():
        if table.name not in have:
            missing.append(table.name)
            continue
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in columns]
    return missing


def rebuild_if_current(connection: Connection, revision: str) -> bool:
    """Rebuild the aggregate tables when the schema is the one the models describe; otherwise
    say so and leave it to the later migration. Returns whether it rebuilt."""
    from data.aggregates.keep import rebuild

    missing = missing_for_recount(connection)
    if missing:
        log.info(
            "%s: aggregate rebuild left to a later migration (not yet there: %s)",
            revision,
            ", ".join(missing),
        )
        return False
    session = Session(bind=connection)
    rebuild(session)
    session.flush()
    return True
