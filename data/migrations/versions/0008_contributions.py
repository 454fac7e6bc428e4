"""individual contributions, stored apart from the events' reports

Revision ID: 0008_contributions
Revises: 0005_merge
Create Date: 2026-11-26

New tables only: reports and their children are untouched.
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_contributions"
down_revision = "0005_merge"
branch_labels = None
depends_on = None

PICKS = ("contribution_initiatives", "contribution_recommendations")


def upgrade() -> None:
    op.create_table(
        "contributions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("community", sa.String(length=200), nullable=False),
        sa.Column("written_in", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contributions")),
        sa.UniqueConstraint("client_id", name=op.f("uq_contributions_client_id")),
    )
    op.create_index(op.f("ix_contributions_status"), "contributions", ["status"])
    op.create_index(op.f("ix_contributions_created_at"), "contributions", ["created_at"])
    op.create_index(op.f("ix_contributions_is_demo"), "contributions", ["is_demo"])
    for table in PICKS:
        op.create_table(
            table,
            sa.Column("contribution_id", sa.Integer(), nullable=False),
            sa.Column("position", sa.SmallInteger(), nullable=False),
            sa.Column("code", sa.String(length=3), nullable=False),
            sa.Column("why", sa.Text(), nullable=False),
            sa.ForeignKeyConstraint(
                ["contribution_id"],
                ["contributions.id"],
                name=op.f(f"fk_{table}_contribution_id_contributions"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("contribution_id", "position", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint(
                "contribution_id", "code", name=op.f(f"uq_{table}_contribution_id")
            ),
        )
        op.create_index(op.f(f"ix_{table}_code"), table, ["code"])


def downgrade() -> None:
    for table in PICKS:
        op.drop_index(op.f(f"ix_{table}_code"), table_name=table)
        op.drop_table(table)
    op.drop_index(op.f("ix_contributions_is_demo"), table_name="contributions")
    op.drop_index(op.f("ix_contributions_created_at"), table_name="contributions")
    op.drop_index(op.f("ix_contributions_status"), table_name="contributions")
    op.drop_table("contributions")
