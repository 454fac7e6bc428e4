"""indexes for the dashboard's filters on child tables

Revision ID: 0004_indexes
Revises: 0001
Create Date: 2026-11-26

The theme, language and group filters look up report ids by code. The child tables' primary
keys start with ``report_id``, so on PostgreSQL each of the dashboard's dozen statements
scanned the whole of ``report_themes`` (EXPLAIN at 100,000 reports, BENCHMARKS.md). These
indexes lead with the code and carry the report id, so the lookup is an index-only scan.
Indexes only: no table is rewritten. Kept out of the models' ``__table_args__`` for now (see
BENCHMARKS.md); add them there when the models are next edited.
"""

from alembic import op


revision = "0004_indexes"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_report_themes_theme_code_report_id", "report_themes", ["theme_code", "report_id"]),
    (
        "ix_report_languages_language_code_report_id",
        "report_languages",
        ["language_code", "report_id"],
    ),
    ("ix_report_groups_group_code_report_id", "report_groups", ["group_code", "report_id"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in INDEXES:
        op.drop_index(name, table_name=table)
