"""aggregate tables kept in the writing transaction (data.aggregates.tables)

Revision ID: 0006_aggregates
Revises: 0005_merge
Create Date: 2026-11-26

Creates the tables. They are filled from the reports already stored by 0010_group_facets
(``rebuild`` with today's code, which knows the columns 0010 adds), so an existing database
answers the dashboard from them at once.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0006_aggregates"
down_revision = "0005_merge"
branch_labels = None
depends_on = None

# (table, key columns after facet and value, summed columns)
TABLES = (
    (
        "agg_events",
        [("region", 8), ("country", 2), ("week", 10)],
        [("events", sa.Integer), ("participants", sa.BigInteger)],
    ),
    (
        "agg_initiatives",
        [("region", 8), ("code", 3)],
        [
            ("mentions", sa.Integer),
            ("points", sa.Integer),
            ("first_choices", sa.Integer),
            ("weighted", sa.BigInteger),
        ],
    ),
    ("agg_recommendations", [("code", 3)], [("mentions", sa.Integer), ("points", sa.Integer)]),
    ("agg_prioritized", [("region", 8), ("country", 2), ("rec", 3)], [("events", sa.Integer)]),
    (
        "agg_groups",
        [("region", 8), ("group_code", 24)],
        [("events", sa.Integer), ("count", sa.BigInteger), ("participants", sa.BigInteger)],
    ),
    ("agg_languages", [("language", 12)], [("events", sa.Integer)]),
)


def upgrade() -> None:
    for name, key, summed in TABLES:
        op.create_table(
            name,
            sa.Column("facet", sa.String(length=12), nullable=False),
            sa.Column("value", sa.String(length=24), nullable=False),
            *(sa.Column(column, sa.String(length=n), nullable=False) for column, n in key),
            *(sa.Column(column, kind(), nullable=False) for column, kind in summed),
            sa.PrimaryKeyConstraint("facet", "value", *(c for c, _n in key), name=f"pk_{name}"),
        )


def downgrade() -> None:
    for name, _key, _summed in reversed(TABLES):
        op.drop_table(name)
