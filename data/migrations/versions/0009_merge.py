"""Join the aggregate-table, events and contributions branches into one head.

Revision ID: 0009_merge
Revises: 0006_aggregates, 0007_events, 0008_contributions
Create Date: 2026-11-26
"""

revision = "0009_merge"
down_revision = ("0006_aggregates", "0007_events", "0008_contributions")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
