"""group facets and group totals count only what each event's public record shows

Revision ID: 0010_group_facets
Revises: 0009_merge
Create Date: 2026-11-26

"Events with participants from a group" used to match any count above zero, so the list of
matching events told which events had 1-4 people of the group, a count every public output
suppresses. The rule is now ``data.privacy.countable``: the aggregate tables' ``group``,
``group25`` and ``group50`` facets are recounted under it (``rebuild``). The group totals
(``agg_groups.count``) likewise add only counts of at least PRIVACY_THRESHOLD people
(``data.privacy.public_count``): a total holding the hidden ones would give them away by
subtracting two totals, or a total and the other events' shown counts. ``agg_groups.hidden``
counts the events whose count is hidden (public: their records say "suppressed"), so that a
total can say how many events it leaves out.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_group_facets"
down_revision = "0009_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "agg_groups", sa.Column("hidden", sa.Integer(), nullable=False, server_default="0")
    )
    # The tables are recounted by 0012_reports_as_written, the last migration that changes what
    # they count: the app's recount reads columns that only exist from there on.


def downgrade() -> None:
    # The old rule would reveal suppressed counts: the counting stays; the column goes.
    op.drop_column("agg_groups", "hidden")
