"""event venue: where an event in person (or hybrid) meets

Revision ID: 0014_event_venue
Revises: 0013_accounts
Create Date: 2026-12-02

- ``events.venue``: the place's name (a hall, a library), one line;
- ``events.address``: its street address, possibly on several lines.

Both public (the event's page, the iCalendar LOCATION), both optional: existing rows get "".
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_event_venue"
down_revision = "0013_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("venue", sa.String(length=200), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("address", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_column("address")
        batch_op.drop_column("venue")
