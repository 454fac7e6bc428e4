"""reports as organizers wrote them: optional and tied ranks, points per event, sessions

Revision ID: 0012_reports_as_written
Revises: 0011_initiatives_2020
Create Date: 2026-12-02

Real 2020 reports named any number of initiatives, ranked, tied (two in one row of the
template) or as unranked groups; gave attendance as "over 30"; ran in two sessions; were
co-organized; continued an earlier discussion. So:

- ``report_initiatives`` / ``report_recommendations`` are keyed by (report, code); ``rank`` may be
  NULL (an unranked set) or equal (a tie); ``position`` keeps the order given; ``points`` holds
  each choice's share of the event's points in thousandths (``data.scoring``: every event hands
  out 15, as a ranked five did), filled here for the stored reports from their ranks;
- ``reports``: ``participants_total`` may be NULL, ``total_precision``, ``sessions``,
  ``co_organizers``, ``continues``;
- ``report_coordination.why``; ``agg_coordination`` counts the answer to "which initiatives need
  global coordination"; ``agg_events.lower_bound``; points columns hold thousandths (BIGINT).

Last, the aggregate tables are recounted from the raw rows (0010 and 0011 leave it to here).
"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0012_reports_as_written"
down_revision = "0011_initiatives_2020"
branch_labels = None
depends_on = None

CHOSEN = (("report_initiatives", 15), ("report_recommendations", 6))


def upgrade() -> None:
    from data.aggregates.keep import rebuild
    from data.scoring import milli_points

    with op.batch_alter_table("reports") as batch:
        batch.alter_column("participants_total", existing_type=sa.Integer(), nullable=True)
        batch.add_column(
            sa.Column("total_precision", sa.String(8), nullable=False, server_default="exact")
        )
        batch.add_column(sa.Column("sessions", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("co_organizers", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("continues", sa.Integer(), nullable=True))
        batch.create_index("ix_reports_continues", ["continues"])

    for table, _total in CHOSEN:
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.add_column(
                sa.Column("position", sa.SmallInteger(), nullable=False, server_default="1")
            )
            batch.add_column(sa.Column("points", sa.Integer(), nullable=False, server_default="0"))
            batch.drop_constraint(f"uq_{table}_report_id", type_="unique")
            batch.drop_constraint(f"pk_{table}", type_="primary")
            batch.alter_column("rank", existing_type=sa.SmallInteger(), nullable=True)
            batch.create_primary_key(f"pk_{table}", ["report_id", "code"])

    bind = op.get_bind()
    for table, total in CHOSEN:
        rows = defaultdict(list)
        for report_id, code, rank in bind.execute(
            sa.text(f"SELECT report_id, code, rank FROM {table} ORDER BY report_id, rank")
        ):
            rows[report_id].append((code, rank))
        updates = []
        for report_id, chosen in rows.items():
            ranks = [rank for _code, rank in chosen]
            for position, ((code, rank), points) in enumerate(
                zip(chosen, milli_points(ranks, total), strict=True), start=1
            ):
                updates.append({"r": report_id, "c": code, "n": position, "p": points, "k": rank})
        if updates:
            bind.execute(
                sa.text(
                    f"UPDATE {table} SET position = :n, points = :p, rank = :k "
                    "WHERE report_id = :r AND code = :c"
                ),
                updates,
            )

    op.add_column(
        "report_coordination", sa.Column("why", sa.Text(), nullable=False, server_default="")
    )
    op.add_column(
        "agg_events", sa.Column("lower_bound", sa.Integer(), nullable=False, server_default="0")
    )
    for table in ("agg_initiatives", "agg_recommendations"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "points", existing_type=sa.Integer(), type_=sa.BigInteger(), nullable=False
            )
    op.create_table(
        "agg_coordination",
        sa.Column("facet", sa.String(12), nullable=False),
        sa.Column("value", sa.String(24), nullable=False),
        sa.Column("region", sa.String(8), nullable=False),
        sa.Column("code", sa.String(3), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("facet", "value", "region", "code", name="pk_agg_coordination"),
    )

    session = Session(bind=bind)
    rebuild(session)
    session.flush()


def downgrade() -> None:
    # The old keys (report, rank) hold no tie and no unranked set: each choice gets its position
    # as its rank. Lossy by nature (a tie becomes an order); the columns added here go.
    op.drop_table("agg_coordination")
    for table in ("agg_initiatives", "agg_recommendations"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "points", existing_type=sa.BigInteger(), type_=sa.Integer(), nullable=False
            )
    op.drop_column("agg_events", "lower_bound")
    op.drop_column("report_coordination", "why")
    bind = op.get_bind()
    for table, _total in CHOSEN:
        bind.execute(sa.text(f"UPDATE {table} SET rank = position"))
        with op.batch_alter_table(table, recreate="always") as batch:
            batch.drop_constraint(f"pk_{table}", type_="primary")
            batch.alter_column("rank", existing_type=sa.SmallInteger(), nullable=False)
            batch.create_primary_key(f"pk_{table}", ["report_id", "rank"])
            batch.create_unique_constraint(f"uq_{table}_report_id", ["report_id", "code"])
            batch.drop_column("points")
            batch.drop_column("position")
    with op.batch_alter_table("reports") as batch:
        batch.drop_index("ix_reports_continues")
        batch.drop_column("continues")
        batch.drop_column("co_organizers")
        batch.drop_column("sessions")
        batch.drop_column("total_precision")
        # A report without a number of participants cannot go back: it keeps NULL here.
        batch.alter_column("participants_total", existing_type=sa.Integer(), nullable=True)
