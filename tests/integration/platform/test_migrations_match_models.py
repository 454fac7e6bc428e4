"""The migrations build exactly the schema the models describe, on both backends."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

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
from data.models import Base


def test_no_difference_between_migrations_and_models(database_url):
    engine = create_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []
