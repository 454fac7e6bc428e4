"""Keeping the aggregate tables (``data.aggregates``) equal to a recount, in the writer's
transaction.

The protocol: ``subtract(session, id)`` before a report changes or leaves ``published``,
``add(session, id)`` once it is (again) stored; both touch only reports that are published at
that moment, so a writer may call them around any change. They read the report's own rows (six
indexed selects), work out in Python what it adds to each table (a few hundred keyed rows over
its 15–25 facets), and upsert those with ``INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n``
(SQLite ≥ 3.24, PostgreSQL), tables in a fixed order and rows sorted by key, so that two writers
never deadlock. ``rebuild`` and ``verify`` recount in SQL (``data.aggregates_sql``): two
independent computations that the tests and ``flask recount`` hold equal.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import bindparam, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from data.aggregates import (
    SHARES,
    TABLES,
    AggEvents,
    AggGroups,
    AggInitiatives,
    AggLanguages,
    AggPrioritized,
    AggRecommendations,
)
from data.aggregates_sql import keys, published, recount, values
from data.models import (
    Report,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
)
from data.queries import INITIATIVE_SLOTS, RECOMMENDATION_SLOTS
from data.reference import reference


def _children(connection, ids: list[int]) -> dict:
    """Each child table's rows of these reports, by report id."""
    out: dict = {}
    for name, columns in (
        ("initiatives", (ReportInitiative.rank, ReportInitiative.code)),
        ("recommendations", (ReportRecommendation.rank, ReportRecommendation.code)),
        ("groups", (ReportGroup.group_code, ReportGroup.count)),
        ("themes", (ReportTheme.theme_code,)),
        ("languages", (ReportLanguage.language_code,)),
    ):
        table = columns[0].class_
        found = defaultdict(list)
        for report_id, *row in connection.execute(
            select(table.report_id, *columns).where(table.report_id.in_(ids))
        ):
            found[report_id].append(row)
        out[name] = found
    return out


CHUNK = 10_000  # ids per IN list (SQLite allows 32,766 parameters)


def contributions(session: Session, ids: Iterable[int], sign: int = 1) -> dict:
    """Per table, {(facet, value, keys…): [values…]}: what these reports (the published ones
    among them) add to it; ``sign`` -1: what they take away."""
    ids = sorted(set(ids))
    out: dict = {table: {} for table in TABLES}
    for start in range(0, len(ids), CHUNK):
        _contribute(session, ids[start : start + CHUNK], sign, out)
    return out


def _contribute(session: Session, ids: list[int], sign: int, out: dict) -> None:
    """Add these reports' rows, times ``sign``, into ``out``."""

    def points(rank: int) -> int:
        return INITIATIVE_SLOTS + 1 - rank

    rec_of = {code: item.recommendation for code, item in reference().initiatives.items()}
    r = Report
    connection = session.connection()  # Core: these reads need no ORM objects
    reports = connection.execute(
        select(r.id, r.region, r.country, r.format, r.event_date, r.participants_total).where(
            r.id.in_(ids), published()
        )
    ).all()
    if not reports:
        return
    kids = _children(connection, [row.id for row in reports])
    for rid, region, country, fmt, date, total in reports:
        date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        week = (date - dt.timedelta(days=date.weekday())).isoformat()
        groups = kids["groups"][rid]
        # The facets this report counts in (data.aggregates).
        facets = [("all", ""), ("region", region), ("format", fmt), ("day", date.isoformat())]
        facets += [("week", week), *(("country", c) for c in [country] if c)]
        facets += [("theme", t) for (t,) in kids["themes"][rid]]
        facets += [("language", code) for (code,) in kids["languages"][rid]]
        facets += [("group", g) for g, n in groups if n > 0]
        facets += [(f"group{s}", g) for s in SHARES for g, n in groups if n * 100 >= s * total]
        place = country or ""
        ranked = kids["initiatives"][rid]
        chosen = kids["recommendations"][rid]
        rows = {
            AggEvents: [((region, place, week), (1, total))],
            AggInitiatives: [
                (
                    (region, code),
                    (1, points(rank), int(rank == 1), points(rank) * total),
                )
                for rank, code in ranked
            ],
            AggRecommendations: [
                ((code,), (1, RECOMMENDATION_SLOTS + 1 - rank)) for rank, code in chosen
            ],
            AggPrioritized: [
                ((region, place, rec), (1,))
                for rec in sorted({c for _r, c in chosen} | {rec_of[c] for _r, c in ranked})
            ],
            AggGroups: [((region, g), (1, n, total)) for g, n in groups],
            AggLanguages: [((code,), (1,)) for (code,) in kids["languages"][rid]],
        }
        for table, found in rows.items():
            into = out[table]
            for key, summed in found:
                signed = [sign * v for v in summed]
                for facet in facets:
                    full = (*facet, *key)
                    now = into.get(full)
                    into[full] = signed[:] if now is None else list(map(operator.add, now, signed))


_UPSERTS: dict = {}


def _upsert(dialect: str, table):
    """``INSERT … ON CONFLICT (key) DO UPDATE SET n = n + excluded.n``, built once. On
    PostgreSQL the rows travel as one array per column (``unnest``): one statement and one round
    trip for a few hundred rows; SQLite, in process, takes them as an executemany."""
    if (dialect, table) not in _UPSERTS:
        t = table.__table__
        stmt = (postgresql if dialect == "postgresql" else sqlite).insert(t)
        if dialect == "postgresql":
            arrays = [
                func.unnest(bindparam(c.name, type_=postgresql.ARRAY(c.type))).label(c.name)
                for c in t.columns
            ]
            stmt = stmt.from_select([c.name for c in t.columns], select(*arrays))
        _UPSERTS[dialect, table] = stmt.on_conflict_do_update(
            index_elements=[c.name for c in t.primary_key.columns],
            set_={v: t.c[v] + stmt.excluded[v] for v in values(table)},
        )
    return _UPSERTS[dialect, table]


def _change(session: Session, ids: Iterable[int], sign: int) -> None:
    ids = list(ids)
    if not ids:
        return
    session.flush()  # the report's rows as they are now
    found = contributions(session, ids, sign)
    connection = session.connection()  # Core: the ORM's bulk path costs more than the SQL
    dialect = connection.dialect.name
    for table in TABLES:  # a fixed order, and rows sorted by key below: no deadlocks
        rows = found[table]
        if not rows:
            continue
        names = ["facet", "value", *keys(table), *values(table)]
        ordered = [(*key, *rows[key]) for key in sorted(rows)]
        if dialect == "postgresql":
            columns = zip(*ordered, strict=True)
            params = {name: list(c) for name, c in zip(names, columns, strict=True)}
        else:
            params = [dict(zip(names, row, strict=True)) for row in ordered]
        connection.execute(_upsert(dialect, table), params)


def add(session: Session, *report_ids: int) -> None:
    """Count these reports (those of them that are published) into the tables."""
    _change(session, report_ids, 1)


def subtract(session: Session, *report_ids: int) -> None:
    """Take these reports (those of them that are published) out of the tables; call it
    before the change."""
    _change(session, report_ids, -1)


def rebuild(session: Session) -> None:
    """Recompute every table from the raw rows of the published reports."""
    session.flush()
    dialect = session.get_bind().dialect.name
    for table, statements in recount(published, dialect).items():
        session.execute(delete(table))
        columns = ["facet", "value", *keys(table), *values(table)]
        for statement in statements:
            session.execute(table.__table__.insert().from_select(columns, statement))


def verify(session: Session, limit: int = 50) -> list[str]:
    """Where the tables and a recount from the raw rows differ (at most ``limit`` lines)."""
    dialect = session.get_bind().dialect.name
    problems: list[str] = []
    for table, statements in recount(published, dialect).items():
        width = len(keys(table)) + 2
        expected = {}
        for statement in statements:
            for row in session.execute(statement):
                expected[tuple(row[:width])] = tuple(int(v) for v in row[width:])
        stored = {}
        for row in session.execute(select(table.__table__)):
            summed = tuple(int(v) for v in row[width:])
            if any(summed):  # an emptied row (all zeros) is an absent one
                stored[tuple(row[:width])] = summed
        for key in sorted(expected.keys() | stored.keys()):
            if expected.get(key) != stored.get(key):
                name = table.__tablename__
                problems.append(
                    f"{name} {key}: stored {stored.get(key)}, recount {expected.get(key)}"
                )
    return problems[:limit]
