"""Keeping the aggregate tables (``data.aggregates.tables``) equal to a recount, in the writer's
transaction.

What a report adds to the tables (a few hundred keyed rows over its 15–25 facets, nothing unless
it is published) is worked out in Python: ``of_new`` from a new report's rows in memory (before
the writing transaction starts), ``read`` by reading a stored report's rows back (six indexed
selects). A change is ``merge(read(…, -1) before it, read(…, 1) after it)``, applied once
(``data.aggregates.write.apply``: upserts in one fixed order, so two writers never deadlock),
last before the version bump. ``add`` / ``subtract`` do both steps for whole reports.
``rebuild`` and ``verify`` recount in SQL (``data.aggregates.recount``): two independent
computations that the tests and ``flask recount`` hold equal.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from data import models
from data.aggregates import tables
from data.aggregates.recount import keys, published, recount, values
from data.aggregates.write import apply
from data.privacy import THRESHOLD, countable, lower_bound, public_count, share_total, suppressed
from data.reference import reference


def _children(connection, ids: list[int]) -> dict:
    """Each child table's rows of these reports, by report id."""
    out: dict = {}
    i, rec = models.ReportInitiative, models.ReportRecommendation
    for name, columns in (
        ("initiatives", (i.rank, i.code, i.points)),
        ("recommendations", (rec.rank, rec.code, rec.points)),
        ("coordination", (models.ReportCoordination.initiative_code,)),
        ("groups", (models.ReportGroup.group_code, models.ReportGroup.count)),
        ("themes", (models.ReportTheme.theme_code,)),
        ("languages", (models.ReportLanguage.language_code,)),
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
    out: dict = {table: {} for table in tables.TABLES}
    for start in range(0, len(ids), CHUNK):
        _contribute(session, ids[start : start + CHUNK], sign, out)
    return out


def _contribute(session: Session, ids: list[int], sign: int, out: dict) -> None:
    """Add these reports' rows (read back), times ``sign``, into ``out``."""
    r = models.Report
    connection = session.connection()  # Core: these reads need no ORM objects
    reports = connection.execute(
        select(
            r.id,
            r.region,
            r.country,
            r.format,
            r.event_date,
            r.participants_total,
            r.total_precision,
            r.continues,
        ).where(r.id.in_(ids), published())
    ).all()
    if not reports:
        return
    kids = _children(connection, [row.id for row in reports])
    for rid, region, country, fmt, date, total, precision, continues in reports:
        date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
        _count(
            out,
            sign,
            (region, country, fmt, date, total, precision, continues),
            kids["initiatives"][rid],
            kids["recommendations"][rid],
            kids["groups"][rid],
            [t for (t,) in kids["themes"][rid]],
            [code for (code,) in kids["languages"][rid]],
            [code for (code,) in kids["coordination"][rid]],
        )


def _count(
    out: dict, sign: int, report: tuple, ranked, chosen, groups, themes, languages, coordinated
) -> None:
    """Add one report's rows, times ``sign``, into ``out``: ``report`` is (region, country,
    format, event date, participants, their precision, the report it continues),
    ``ranked``/``chosen`` (rank, code, points) triples, ``groups`` (code, count) pairs,
    ``themes``, ``languages`` and ``coordinated`` codes."""

    region, country, fmt, date, total, precision, continues = report
    of = share_total(total, precision)
    own = int(continues is None)  # a continuation adds no event and no participants
    people = total or 0
    week = (date - dt.timedelta(days=date.weekday())).isoformat()
    # The facets this report counts in (data.aggregates.tables).
    facets = [("all", ""), ("region", region), ("format", fmt), ("day", date.isoformat())]
    facets += [("week", week), *(("country", c) for c in [country] if c)]
    facets += [("theme", t) for t in themes]
    facets += [("language", code) for code in languages]
    facets += [("group", g) for g, n in groups if countable(n, of)]
    facets += [(f"group{s}", g) for s in tables.SHARES for g, n in groups if countable(n, of, s)]
    place = country or ""
    rec_of = reference().recommendation_of()
    rows = {
        tables.AggEvents: [
            ((region, place, week), (own, own * people, own * lower_bound(total, precision)))
        ],
        tables.AggInitiatives: [
            # A continuation's participants are the earlier report's: not weighted again.
            ((region, code), (1, points, int(rank == 1), points * people * own))
            for rank, code, points in ranked
        ],
        tables.AggRecommendations: [((code,), (1, points)) for _rank, code, points in chosen],
        tables.AggPrioritized: [
            ((region, place, rec), (1,))
            for rec in sorted({c for _r, c, _p in chosen} | {rec_of[c] for _r, c, _p in ranked})
        ],
        tables.AggGroups: [
            ((region, g), (1, public_count(n, people), people, int(suppressed(n, THRESHOLD))))
            for g, n in groups
        ],
        tables.AggLanguages: [((code,), (1,)) for code in languages],
        tables.AggCoordination: [((region, code), (1,)) for code in coordinated],
    }
    for table, found in rows.items():
        into = out[table]
        for key, summed in found:
            signed = [sign * v for v in summed]
            for facet in facets:
                full = (*facet, *key)
                now = into.get(full)
                into[full] = signed[:] if now is None else list(map(operator.add, now, signed))


def of_new(report: Mapping[str, Any], children: Mapping[str, list[dict]], sign: int = 1) -> dict:
    """What a report not stored yet adds to the tables (nothing unless published), from its rows
    in memory (``data.reports.rows.report_rows``): no read-back, and it can be worked out before
    the
    writing transaction starts. Same shape as ``contributions``."""
    out: dict = {table: {} for table in tables.TABLES}
    if report["status"] == models.Status.PUBLISHED:
        _count(
            out,
            sign,
            (
                *(report[k] for k in ("region", "country", "format", "event_date")),
                report["participants_total"],
                report.get("total_precision") or "exact",
                report.get("continues"),
            ),
            [(c["rank"], c["code"], c["points"]) for c in children["initiatives"]],
            [(c["rank"], c["code"], c["points"]) for c in children["recommendations"]],
            [(c["group_code"], c["count"]) for c in children["groups"]],
            [c["theme_code"] for c in children["themes"]],
            [c["language_code"] for c in children["languages"]],
            [c["initiative_code"] for c in children["coordination"]],
        )
    return out


def merge(*found: dict) -> dict:
    """Several ``contributions`` summed into one (rows summing to zero left out)."""
    out: dict = {table: {} for table in tables.TABLES}
    for each in found:
        for table, rows in each.items():
            into = out[table]
            for key, summed in rows.items():
                now = into.get(key)
                into[key] = list(summed) if now is None else list(map(operator.add, now, summed))
    for rows in out.values():
        for key in [k for k, v in rows.items() if not any(v)]:
            del rows[key]
    return out


def read(session: Session, ids: Iterable[int], sign: int = 1) -> dict:
    """``contributions`` of these reports as the session holds them now (flushed first)."""
    ids = list(ids)
    if not ids:
        return {table: {} for table in tables.TABLES}
    session.flush()  # the report's rows as they are now
    return contributions(session, ids, sign)


def add(session: Session, *report_ids: int) -> None:
    """Count these reports (those of them that are published) into the tables."""
    if report_ids:
        apply(session, read(session, report_ids, 1))


def subtract(session: Session, *report_ids: int) -> None:
    """Take these reports (those of them that are published) out of the tables; call it
    before the change."""
    if report_ids:
        apply(session, read(session, report_ids, -1))


def rebuild(session: Session, recommendation_of: Mapping[str, str] | None = None) -> None:
    """Recompute every table from the raw rows of the published reports (initiatives counted
    for ``recommendation_of``'s recommendations, by default the current reference's)."""
    session.flush()
    dialect = session.get_bind().dialect.name
    tables_now = recount(published, dialect, recommendation_of=recommendation_of)
    for table, statements in tables_now.items():
        session.execute(delete(table))
        columns = ["facet", "value", *keys(table), *values(table)]
        for statement in statements:
            session.execute(table.__table__.insert().from_select(columns, statement))


def verify(
    session: Session, limit: int = 50, recommendation_of: Mapping[str, str] | None = None
) -> list[str]:
    """Where the tables and a recount from the raw rows differ (at most ``limit`` lines;
    ``recommendation_of`` as for ``rebuild``)."""
    dialect = session.get_bind().dialect.name
    problems: list[str] = []
    expected_tables = recount(published, dialect, recommendation_of=recommendation_of)
    for table, statements in expected_tables.items():
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
