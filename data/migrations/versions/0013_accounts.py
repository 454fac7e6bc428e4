"""accounts: sessions that end, disabled accounts, rate-limit counters shared by workers

Revision ID: 0013_accounts
Revises: 0012_reports_as_written
Create Date: 2026-12-03

- ``users.session_version``: a sign-in session carries it; bumping it (sign-out, a password
  change, disabling) ends every session of the account (``data.support.accounts``);
- ``users.disabled_at``: a disabled account cannot sign in;
- ``rate_limits``: fixed-window counters (``data.limit_store``) so that every gunicorn worker
  counts against the same limits when there is no Redis.
"""

from alembic import op
import sqlalchemy as sa


revision = "0013_accounts"
down_revision = "0012_reports_as_written"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(), nullable=True))
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limits")),
    )


def downgrade() -> None:
    op.drop_table("rate_limits")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("disabled_at")
        batch_op.drop_column("session_version")
