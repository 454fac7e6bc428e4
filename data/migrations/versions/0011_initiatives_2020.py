"""stored initiative codes move to the official 2020 list; choices without a counterpart are kept
aside for review

Revision ID: 0011_initiatives_2020
Revises: 0010_group_facets
Create Date: 2026-11-27

The list the app shipped was wrong from number 12 on: old I12 "Cross-project tool development
and reuse" is I14 in the official 2020 list, old I14 (Universal Code of Conduct) is I16, and
so on. Every stored choice (report priorities, global coordination, individual contributions,
the draft plan) moves to the code that now carries the title it was chosen under (``mapping``:
the same title casefolded, or the old title as the start of the new, longer one). A choice
whose title has no counterpart cannot keep its code, which now names another initiative: it
moves to ``retired_choices`` with its title, rank and reason (``data.initiative_list.retired``). Every
report, contribution and the plan that changed gets an audit row (``initiative_list_changed``)
with its codes before and after; the review queue lists the reports those rows name.

Both lists are literals here: the reference file changes again, this migration must not.
Ranks stay as they were, gaps included: a retired first choice does not make the second one
first (nothing is promoted silently). The aggregate tables are recounted at the end, or by the
later migration that changes what they read (``data.aggregates.migrate``).
"""

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0011_initiatives_2020"
down_revision = "0010_group_facets"
branch_labels = None
depends_on = None

LIST_VERSION = "2020-official"
ACTION = "initiative_list_changed"
WHO = "migration 0011"

# The list the app shipped until this migration (45 rows, wrong from number 12 on).
OLD = (
    ("I01", "Systematic approach to improve satisfaction and productivity"),
    ("I02", "Funding for underrepresented communities"),
    ("I03", "Increased awareness about the Wikimedia Movement"),
    ("I04", "Global revenue generation policy + fundraising strategy"),
    ("I05", "Developing enterprise-level API"),
    ("I06", "Engagement of third party ecosystems"),
    ("I07", "Revenue generation for the Movement"),
    ("I08", "Aligning our practices to support environmental sustainability"),
    ("I09", "Methodology to improve the Wikimedia platform UX"),
    ("I10", "Compatibility with accessibility guidelines"),
    ("I11", "Resources for newcomers"),
    ("I12", "Cross-project tool development and reuse"),
    ("I13", "Platform functionality and documentation standards"),
    ("I14", "Universal Code of Conduct"),
    ("I15", "Pathways for users to privately report incidents"),
    ("I16", "Baseline of community responsibilities"),
    ("I17", "Safety assessment and execution plan"),
    ("I18", "Privacy and security for everyone"),
    ("I19", "Safety and inclusion capacity building"),
    ("I20", "Healthy community atmosphere"),
    ("I21", "Inclusive community standards"),
    ("I22", "Movement Charter"),
    ("I23", "Interim Global Council"),
    ("I24", "Global Council"),
    ("I25", "Regional and thematic hubs"),
    ("I26", "Participatory resource allocation"),
    ("I27", "Pathways to decision-making roles"),
    ("I28", "Technology Council"),
    ("I29", "Movement-wide partnership strategy"),
    ("I30", "Coordination structures across stakeholders"),
    ("I31", "Global approach for local skill development"),
    ("I32", "Leadership development plan"),
    ("I33", "Skill development infrastructure"),
    ("I34", "Knowledge management practices and standards"),
    ("I35", "Wikimedia knowledge base"),
    ("I36", "Identify the impact of Wikimedia"),
    ("I37", "Bridging content gaps"),
    ("I38", "Content initiatives in underrepresented communities"),
    ("I39", "Policies for experimentation with new content formats"),
    ("I40", "Partnerships for innovation in free knowledge"),
    ("I41", "Technology for new knowledge formats"),
    ("I42", "Policies and licensing that enable innovation"),
    ("I43", "Advocacy for free knowledge"),
    ("I44", "Monitoring, evaluation and learning"),
    ("I45", "Iterative change processes"),
)
# The official 2020 list (44 rows).
NEW = (
    ("I01", "Systematic approach to improve satisfaction and productivity"),
    ("I02", "Funding for underrepresented communities"),
    ("I03", "Increased awareness about the Wikimedia Movement"),
    ("I04", "Global revenue generation policy + fundraising strategy"),
    ("I05", "Developing enterprise-level API"),
    ("I06", "Engagement of third party ecosystems"),
    ("I07", "Revenue generation for the Movement"),
    ("I08", "Aligning our practices to support environmental sustainability"),
    (
        "I09",
        "Methodology to improve the Wikimedia platform UX research, design, testing and "
        "community engagement",
    ),
    ("I10", "Compatibility with Accessibility guidelines"),
    ("I11", "Resources for newcomers"),
    ("I12", "Peer-to-peer spaces"),
    ("I13", "Platform functionality and documentation standards"),
    ("I14", "Cross-project tool development and reuse"),
    ("I15", "Partnerships to develop the Wikimedia API"),
    ("I16", "Universal Code of Conduct"),
    ("I17", "Private incident reporting"),
    ("I18", "Baseline of community responsibilities"),
    ("I19", "Safety assessment and execution plan"),
    ("I20", "Local capacity development for advocacy"),
    ("I21", "Platform mechanisms for safety"),
    ("I22", "Movement Charter"),
    ("I23", "Interim Global Council"),
    ("I24", "Global Council"),
    ("I25", "Regional and thematic hubs"),
    ("I26", "Flexible resource allocation framework"),
    ("I27", "Guidelines for board functions and governance"),
    ("I28", "Living documents to define responsibilities for specific areas of work"),
    ("I29", "Enhance communication and collaboration capacities"),
    ("I30", "Technology Council"),
    ("I31", "Global approach for local skill development"),
    ("I32", "Leadership development plan"),
    ("I33", "Skill development infrastructure"),
    ("I34", "Facilitate a culture of documentation"),
    ("I35", "Establish a movement-wide knowledge base"),
    ("I36", "Identify the impact of Wikimedia projects and content"),
    ("I37", "Bridging content gaps"),
    ("I38", "Content initiatives in underrepresented communities"),
    ("I39", "Identifying policies that hinder knowledge equity"),
    ("I40", "Policies for experimentation with projects and policies for knowledge equity"),
    (
        "I41",
        "Continuous experimentation, technology, and partnerships for content, formats, "
        "and devices",
    ),
    (
        "I42",
        "Monitoring, evaluation and learning at all levels with support and mutual accountability",
    ),
    ("I43", "Develop a comprehensive evaluation system for Movement activities and structures"),
    ("I44", "Iterative change processes"),
)


def _same(old_title: str, new_title: str) -> bool:
    """The same initiative: equal titles (casefolded), or the old title as the start of the new
    one at a word boundary ("Identify the impact of Wikimedia" → "… of Wikimedia projects")."""
    old, new = old_title.casefold().strip(), new_title.casefold().strip()
    return old == new or (new.startswith(old) and not new[len(old)].isalnum())


def mapping(old=OLD, new=NEW) -> dict[str, str | None]:
    """Each old code → the new code with the same title, or None (no counterpart). Raises when
    a title matches two new rows or two old codes would land on one new code."""
    out: dict[str, str | None] = {}
    for code, title in old:
        exact = [c for c, t in new if t.casefold().strip() == title.casefold().strip()]
        found = exact or [c for c, t in new if _same(title, t)]
        if len(found) > 1:
            raise ValueError(f"{code} {title!r} matches {found}")
        out[code] = found[0] if found else None
    targets = [n for n in out.values() if n]
    if len(targets) != len(set(targets)):
        raise ValueError("two old initiatives map to one new code")
    return out


# The tables as they are at revision 0010 (not the models, which later migrations change).
INITIATIVES = sa.table(
    "report_initiatives",
    sa.column("report_id", sa.Integer),
    sa.column("rank", sa.SmallInteger),
    sa.column("code", sa.String),
    sa.column("why", sa.Text),
)
COORDINATION = sa.table(
    "report_coordination",
    sa.column("report_id", sa.Integer),
    sa.column("initiative_code", sa.String),
)
PICKS = sa.table(
    "contribution_initiatives",
    sa.column("contribution_id", sa.Integer),
    sa.column("position", sa.SmallInteger),
    sa.column("code", sa.String),
    sa.column("why", sa.Text),
)
PLAN = sa.table(
    "plan_items",
    sa.column("code", sa.String),
    sa.column("note", sa.Text),
    sa.column("owner", sa.String),
    sa.column("updated_by", sa.String),
    sa.column("updated_at", sa.DateTime),
)
AUDIT = sa.table(
    "audit_log",
    sa.column("at", sa.DateTime),
    sa.column("user_email", sa.String),
    sa.column("action", sa.String),
    sa.column("report_id", sa.Integer),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
)
RETIRED = sa.table(
    "retired_choices",
    sa.column("report_id", sa.Integer),
    sa.column("contribution_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("code", sa.String),
    sa.column("title", sa.Text),
    sa.column("rank", sa.SmallInteger),
    sa.column("why", sa.Text),
    sa.column("kept", sa.JSON),
    sa.column("list_version", sa.String),
    sa.column("retired_at", sa.DateTime),
)
VERSION = sa.table("data_version", sa.column("id", sa.Integer), sa.column("version"))
# Every stored code: (table, its code column).
TABLES = (
    (INITIATIVES, "code"),
    (COORDINATION, "initiative_code"),
    (PICKS, "code"),
    (PLAN, "code"),
)
# (table, owner column, order column or None, code column, reason column or None)
CHOICES = {
    "initiative": (INITIATIVES, "report_id", "rank", "code", "why"),
    "coordination": (COORDINATION, "report_id", None, "initiative_code", None),
    "contribution": (PICKS, "contribution_id", "position", "code", "why"),
}


def _create_table() -> None:
    op.create_table(
        "retired_choices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=True),
        sa.Column("contribution_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=True),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("kept", sa.JSON(), nullable=True),
        sa.Column("list_version", sa.String(length=32), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contribution_id"],
            ["contributions.id"],
            name=op.f("fk_retired_choices_contribution_id_contributions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["reports.id"],
            name=op.f("fk_retired_choices_report_id_reports"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_retired_choices")),
    )
    with op.batch_alter_table("retired_choices", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_retired_choices_contribution_id"), ["contribution_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_retired_choices_report_id"), ["report_id"], unique=False
        )


CHUNK = 10_000  # ids per IN list (SQLite allows 32,766 parameters)


def _codes(conn, kind: str, owners) -> dict[int, list[str]]:
    """Each owner's codes, in its order (rank, position; coordination codes sorted)."""
    table, owner, order, code, _why = CHOICES[kind]
    c = table.c
    ids = sorted(owners)
    out: dict[int, list[str]] = {owner_id: [] for owner_id in ids}
    for start in range(0, len(ids), CHUNK):
        q = sa.select(c[owner], c[code]).where(c[owner].in_(ids[start : start + CHUNK]))
        for owner_id, value in conn.execute(q.order_by(c[owner], c[order] if order else c[code])):
            out[owner_id].append(value)
    return out


def _owners(conn, kind: str, codes) -> set[int]:
    table, owner, _order, code, _why = CHOICES[kind]
    q = sa.select(table.c[owner]).where(table.c[code].in_(sorted(codes))).distinct()
    return set(conn.scalars(q))


def _retire(conn, kind: str, retired: dict[str, str], now) -> None:
    """Copy the choices of codes without a counterpart into retired_choices, then delete them."""
    table, owner, order, code, why = CHOICES[kind]
    c = table.c
    columns = [c[owner], c[code], c[order] if order else sa.null(), c[why] if why else sa.null()]
    rows = conn.execute(sa.select(*columns).where(c[code].in_(sorted(retired)))).all()
    if not rows:
        return
    conn.execute(
        RETIRED.insert(),
        [
            {
                "report_id": owner_id if owner == "report_id" else None,
                "contribution_id": owner_id if owner == "contribution_id" else None,
                "kind": kind,
                "code": old,
                "title": retired[old],
                "rank": rank,
                "why": reason or "",
                "kept": None,
                "list_version": LIST_VERSION,
                "retired_at": now,
            }
            for owner_id, old, rank, reason in rows
        ],
    )
    conn.execute(table.delete().where(c[code].in_(sorted(retired))))


def _retire_plan(conn, retired: dict[str, str], now) -> None:
    rows = conn.execute(sa.select(PLAN).where(PLAN.c.code.in_(sorted(retired)))).mappings().all()
    if not rows:
        return
    conn.execute(
        RETIRED.insert(),
        [
            {
                "report_id": None,
                "contribution_id": None,
                "kind": "plan",
                "code": r["code"],
                "title": retired[r["code"]],
                "rank": None,
                "why": r["note"] or "",
                "kept": {
                    "owner": r["owner"],
                    "updated_by": r["updated_by"],
                    "updated_at": str(r["updated_at"]),
                },
                "list_version": LIST_VERSION,
                "retired_at": now,
            }
            for r in rows
        ],
    )
    conn.execute(PLAN.delete().where(PLAN.c.code.in_(sorted(retired))))


def _renumber(conn, moves: dict[str, str]) -> None:
    """from → to in every table, through a temporary code (X + the target's number), so that
    no step collides with a code a row still holds (unique per report, contribution, plan)."""
    for table, column in TABLES:
        col = table.c[column]
        for old, new in moves.items():
            conn.execute(table.update().where(col == old).values({column: "X" + new[1:]}))
        for new in moves.values():
            conn.execute(table.update().where(col == "X" + new[1:]).values({column: new}))


def _check_no_temporary_codes(conn) -> None:
    for table, column in TABLES:
        col = table.c[column]
        if conn.scalar(sa.select(sa.func.count()).select_from(table).where(col.like("X%"))):
            raise RuntimeError(f"{table.name} holds codes starting with X: move them first")


def _audit(conn, now, rows: list[tuple]) -> None:
    """One audit row per (report id or None, before, after)."""
    if rows:
        conn.execute(
            AUDIT.insert(),
            [
                {
                    "at": now,
                    "user_email": WHO,
                    "action": ACTION,
                    "report_id": report_id,
                    "before": before,
                    "after": after,
                }
                for report_id, before, after in rows
            ],
        )


def upgrade() -> None:
    from data.aggregates.migrate import rebuild_if_current

    _create_table()
    conn = op.get_bind()
    moves = mapping()
    old_titles = dict(OLD)
    moved = {old: new for old, new in moves.items() if new and new != old}
    retired = {old: old_titles[old] for old, new in moves.items() if new is None}
    changing = set(moved) | set(retired)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    _check_no_temporary_codes(conn)

    # Who is touched, and their codes before.
    reports = _owners(conn, "initiative", changing) | _owners(conn, "coordination", changing)
    contributions = _owners(conn, "contribution", changing)
    before_ranked = _codes(conn, "initiative", reports)
    before_coordination = _codes(conn, "coordination", reports)
    before_picks = _codes(conn, "contribution", contributions)
    before_plan = sorted(conn.scalars(sa.select(PLAN.c.code)))

    for kind in CHOICES:
        _retire(conn, kind, retired, now)
    _retire_plan(conn, retired, now)
    _renumber(conn, moved)

    after_ranked = _codes(conn, "initiative", reports)
    after_coordination = _codes(conn, "coordination", reports)
    after_picks = _codes(conn, "contribution", contributions)
    after_plan = sorted(conn.scalars(sa.select(PLAN.c.code)))

    def dropped(codes: list[str]) -> dict:
        gone = sorted(c for c in codes if c in retired)
        return {"retired": gone} if gone else {}

    rows = [
        (
            rid,
            {"priorities": before_ranked[rid], "global_coordination": before_coordination[rid]},
            {
                "priorities": after_ranked[rid],
                "global_coordination": after_coordination[rid],
                "list": LIST_VERSION,
                **dropped(before_ranked[rid] + before_coordination[rid]),
            },
        )
        for rid in sorted(reports)
    ]
    # Contributions and the plan: no report number; what changed is in before/after.
    rows += [
        (
            None,
            {"contribution": cid, "initiatives": before_picks[cid]},
            {
                "contribution": cid,
                "initiatives": after_picks[cid],
                "list": LIST_VERSION,
                **dropped(before_picks[cid]),
            },
        )
        for cid in sorted(contributions)
    ]
    if set(before_plan) & changing:
        after = {"plan": after_plan, "list": LIST_VERSION, **dropped(before_plan)}
        rows.append((None, {"plan": before_plan}, after))
    _audit(conn, now, rows)
    if rows:
        conn.execute(
            VERSION.update().where(VERSION.c.id == 1).values(version=VERSION.c.version + 1)
        )
    rebuild_if_current(conn, revision)


def _restore(conn) -> None:
    """Put the retired choices back where they were, under their old codes."""
    rows = conn.execute(sa.select(RETIRED).where(RETIRED.c.list_version == LIST_VERSION))
    for r in rows.mappings().all():
        if r["kind"] == "plan":
            kept = r["kept"] or {}
            at = kept.get("updated_at")
            conn.execute(
                PLAN.insert().values(
                    code=r["code"],
                    note=r["why"],
                    owner=kept.get("owner", ""),
                    updated_by=kept.get("updated_by", ""),
                    updated_at=dt.datetime.fromisoformat(at) if at else r["retired_at"],
                )
            )
            continue
        table, owner, order, code, why = CHOICES[r["kind"]]
        values = {owner: r[owner], code: r["code"]}
        if order:
            values[order] = r["rank"]
        if why:
            values[why] = r["why"]
        conn.execute(table.insert().values(values))


def downgrade() -> None:
    # Undone exactly while nothing stored since depends on the 2020 list: codes back, retired
    # choices back in place, this migration's audit rows gone. A choice of a code the earlier
    # list lacks or gives another meaning (I12 "Peer-to-peer spaces"…) has no way back: refused.
    # The aggregate tables are left to `flask recount --fix` of the code at 0010, whose
    # reference list knows the old codes (this code's does not).
    conn = op.get_bind()
    moves = mapping()
    back = {new: old for old, new in moves.items() if new and new != old}
    only_new = sorted({c for c, _t in NEW} - {n for n in moves.values() if n})
    held = set()
    for table, column in TABLES:
        col = table.c[column]
        held |= set(conn.scalars(sa.select(col).where(col.in_(only_new)).distinct()))
    later = conn.scalar(
        sa.select(sa.func.count())
        .select_from(RETIRED)
        .where(RETIRED.c.list_version != LIST_VERSION)
    )
    if held or later:
        raise RuntimeError(
            "0011_initiatives_2020 cannot be undone: stored choices name "
            f"{sorted(held)}, which the earlier list lacks or means otherwise"
            + (f", and {later} retired choices come from later list changes" if later else "")
        )
    _check_no_temporary_codes(conn)
    _renumber(conn, back)
    _restore(conn)
    conn.execute(AUDIT.delete().where(AUDIT.c.action == ACTION, AUDIT.c.user_email == WHO))
    with op.batch_alter_table("retired_choices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_retired_choices_report_id"))
        batch_op.drop_index(batch_op.f("ix_retired_choices_contribution_id"))
    op.drop_table("retired_choices")
