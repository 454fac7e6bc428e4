"""Join the intake, support and index branches into one head.

Revision ID: 0005_merge
Revises: 0002_intake, 0003_support, 0004_indexes
Create Date: 2026-11-26
"""

revision = "0005_merge"
down_revision = ("0002_intake", "0003_support", "0004_indexes")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
