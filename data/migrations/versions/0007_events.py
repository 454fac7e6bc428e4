"""events: announced events and their languages (issue 8)

Revision ID: 0007_events
Revises: 0005_merge
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_events"
down_revision = "0005_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("start_utc", sa.DateTime(), nullable=False),
        sa.Column("end_utc", sa.DateTime(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("region", sa.String(length=8), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("join_url", sa.String(length=500), nullable=False),
        sa.Column("audience", sa.Text(), nullable=False),
        sa.Column("accessibility", sa.Text(), nullable=False),
        sa.Column("organizer_name", sa.String(length=200), nullable=False),
        sa.Column("organizer_email", sa.String(length=254), nullable=False),
        sa.Column("written_in", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column("edit_token_hash", sa.String(length=64), nullable=True),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("client_id", name=op.f("uq_events_client_id")),
        sa.UniqueConstraint("edit_token_hash", name=op.f("uq_events_edit_token_hash")),
    )
    for column in ("start_utc", "country", "region", "format", "status", "report_id", "is_demo"):
        op.create_index(op.f(f"ix_events_{column}"), "events", [column], unique=False)
    op.create_table(
        "event_languages",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("language_code", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_languages_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "language_code", name=op.f("pk_event_languages")),
    )
    op.create_index(
        "ix_event_languages_language_code_event_id",
        "event_languages",
        ["language_code", "event_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_event_languages_language_code_event_id", table_name="event_languages")
    op.drop_table("event_languages")
    for column in ("start_utc", "country", "region", "format", "status", "report_id", "is_demo"):
        op.drop_index(op.f(f"ix_events_{column}"), table_name="events")
    op.drop_table("events")
