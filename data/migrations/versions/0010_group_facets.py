"""group facets count only events with at least PRIVACY_THRESHOLD people of the group

Revision ID: 0010_group_facets
Revises: 0009_merge
Create Date: 2026-11-26

"Events with participants from a group" used to match any count above zero, so the list of
matching events told which events had 1-4 people of the group, a count every public output
suppresses. The rule is now ``data.privacy.countable``: the aggregate tables' ``group``,
``group25`` and ``group50`` facets are recounted under it (``rebuild``).
"""

from alembic import op
from sqlalchemy.orm import Session

revision = "0010_group_facets"
down_revision = "0009_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from data.aggregates_keep import rebuild

    session = Session(bind=op.get_bind())
    rebuild(session)
    session.flush()


def downgrade() -> None:
    # The old rule would reveal suppressed counts; the tables stay as they are.
    pass
