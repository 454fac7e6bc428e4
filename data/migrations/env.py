"""Alembic environment: online migrations with the app's engine settings."""

from alembic import context

import data.aggregates.tables
import data.contributions.model
import data.events.model
import data.initiative_list.retired
import data.limit_store

# Every module with models: they share Base.metadata, which the migrations must match.
import data.support.accounts
import data.support.audit
import data.support.plan
import data.support.settings  # noqa: F401
from data.db import make_engine
from data.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # Batch mode rebuilds a table (copy, drop, rename); with foreign keys on, dropping
            # ``reports`` would delete every child row (ON DELETE CASCADE). Off while migrating,
            # on the raw connection: inside a transaction the PRAGMA does nothing.
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations_online()
