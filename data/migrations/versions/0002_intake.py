"""intake: possible duplicates, edit links, the organizers' audit trail

Revision ID: 0002_intake
Revises: 0001
Create Date: 2026-11-27

Plain ADD COLUMN and CREATE INDEX only: no SQLite batch (table copy), which would drop and
recreate ``reports`` and, with foreign keys on, cascade-delete every child row.
"""

import sqlalchemy as sa
from alembic import op

from data.reports.duplicates import event_key

revision = "0002_intake"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "reports",
        sa.Column("event_key", sa.String(length=200), server_default="", nullable=False),
    )
    op.add_column("reports", sa.Column("possible_duplicate_of", sa.Integer(), nullable=True))
    op.add_column("reports", sa.Column("edit_token_hash", sa.String(length=64), nullable=True))
    op.create_index(op.f("ix_reports_event_key"), "reports", ["event_key"], unique=False)
    op.create_index(
        op.f("ix_reports_possible_duplicate_of"),
        "reports",
        ["possible_duplicate_of"],
        unique=False,
    )
    op.create_index(
        op.f("ix_reports_edit_token_hash"), "reports", ["edit_token_hash"], unique=True
    )
    op.create_table(
        "report_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_audit")),
    )
    op.create_index(
        op.f("ix_report_audit_report_id"), "report_audit", ["report_id"], unique=False
    )

    # Reports stored before this revision get their key, so that new ones can match them.
    conn = op.get_bind()
    reports = sa.table(
        "reports", sa.column("id", sa.Integer), sa.column("event_name", sa.String)
    )
    rows = conn.execute(sa.select(reports.c.id, reports.c.event_name)).all()
    keyed = sa.table("reports", sa.column("id", sa.Integer), sa.column("event_key", sa.String))
    for start in range(0, len(rows), 1000):
        conn.execute(
            keyed.update()
            .where(keyed.c.id == sa.bindparam("row_id"))
            .values(event_key=sa.bindparam("key")),
            [{"row_id": i, "key": event_key(name)} for i, name in rows[start : start + 1000]],
        )


def downgrade() -> None:
    op.drop_index(op.f("ix_report_audit_report_id"), table_name="report_audit")
    op.drop_table("report_audit")
    op.drop_index(op.f("ix_reports_edit_token_hash"), table_name="reports")
    op.drop_index(op.f("ix_reports_possible_duplicate_of"), table_name="reports")
    op.drop_index(op.f("ix_reports_event_key"), table_name="reports")
    op.drop_column("reports", "edit_token_hash")
    op.drop_column("reports", "possible_duplicate_of")
    op.drop_column("reports", "event_key")
