"""The overlap analysis behind the implementation plan, aggregated in SQL (GROUP BY).

Every question starts from the published reports matching the filters (``matching_reports``).
Definitions, for an initiative over those events:

- ``events``: mentions, the events that named it;
- ``points``: every event hands out 15 (``data.scoring``: by position in a ranked list, shared
  among ties, equally in an unranked set);
- ``coordination``: the events that named it for global coordination;
- ``breadth``: in how many regions it is among that region's top five by points (ties at the
  fifth place count, SQL ``RANK() <= 5``);
- ``event_score``: points per matching event (Σ points / number of matching events), so every
  event weighs the same;
- ``participant_score``: Σ points × participants / Σ participants of the matching events, so
  every participant weighs the same;
- ``group_shares``: for each counted group, its members / the participants of the events that
  prioritized the initiative and reported that group;
- ``group_totals``: the same as public totals count it (``data.privacy.public_count``), with
  the events whose count is hidden, for ``data.privacy.group_share`` ("n/a", "at least").
"""

from __future__ import annotations

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session, aliased

from data.aggregates.queries import Filters
from data.aggregates.representation import THIN_EVENTS, THIN_SHARE, gaps
from data.models import Report, ReportCoordination, ReportGroup, ReportInitiative, ReportTheme
from data.overlap.scope import EVERYTHING, POINTS, matching_ids
from data.overlap.shapes import (
    Cell,
    Coverage,
    Gaps,
    GroupCoverage,
    InitiativeMetrics,
    Pair,
    PlanLine,
    Provenance,
)
from data.privacy import hidden_sql, public_count_sql
from data.scoring import as_points
from data.support.plan import plan_items

# Importable from here, as before the split: the result shapes and the representation gaps.
__all__ = [
    "EVERYTHING",
    "THIN_EVENTS",
    "THIN_SHARE",
    "Cell",
    "Coverage",
    "Gaps",
    "GroupCoverage",
    "InitiativeMetrics",
    "Pair",
    "PlanLine",
    "Provenance",
    "gaps",
    "initiatives",
    "pairs",
    "plan_lines",
    "provenance",
    "region_matrix",
]


def initiatives(session: Session, filters: Filters = EVERYTHING) -> list[InitiativeMetrics]:
    ids = matching_ids(filters)
    # A report continuing an earlier one adds no event and no participants (data.aggregates.tables).
    own = case((Report.continues.is_(None), 1), else_=0)
    events, participants = session.execute(
        select(
            func.coalesce(func.sum(own), 0),
            func.coalesce(func.sum(func.coalesce(Report.participants_total, 0) * own), 0),
        ).where(Report.id.in_(ids))
    ).one()
    if not events:
        return []
    base = (
        select(ReportInitiative.code)
        .join(Report, Report.id == ReportInitiative.report_id)
        .where(Report.id.in_(ids))
        .group_by(ReportInitiative.code)
    )
    main = session.execute(
        base.add_columns(
            func.count(),
            func.sum(POINTS),
            func.count(distinct(Report.region)),
            func.sum(Report.participants_total),
            func.sum(POINTS * func.coalesce(Report.participants_total, 0) * own),
        )
    ).all()
    coordination = _coordination(session, ids)
    themes = dict(
        session.execute(
            select(ReportInitiative.code, func.count(distinct(ReportTheme.theme_code)))
            .join(ReportTheme, ReportTheme.report_id == ReportInitiative.report_id)
            .where(ReportInitiative.report_id.in_(ids))
            .group_by(ReportInitiative.code)
        ).all()
    )
    shares: dict[str, dict[str, float]] = {}
    totals: dict[str, dict[str, tuple[int, int, int]]] = {}
    for code, group, count, of, counted, hidden in session.execute(
        select(
            ReportInitiative.code,
            ReportGroup.group_code,
            func.sum(ReportGroup.count),
            func.sum(Report.participants_total),
            func.sum(public_count_sql(ReportGroup.count)),
            func.sum(hidden_sql(ReportGroup.count)),
        )
        .join(Report, Report.id == ReportInitiative.report_id)
        .join(ReportGroup, ReportGroup.report_id == Report.id)
        .where(Report.id.in_(ids))
        .group_by(ReportInitiative.code, ReportGroup.group_code)
    ):
        if of:
            shares.setdefault(code, {})[group] = round(int(count) / int(of), 4)
        totals.setdefault(code, {})[group] = (int(counted or 0), int(of or 0), int(hidden or 0))
    breadth = _breadth(session, ids)
    out = [
        InitiativeMetrics(
            code=code,
            events=int(n),
            points=as_points(int(pts)),
            regions=int(regions),
            themes=int(themes.get(code, 0)),
            participants=int(people or 0),
            breadth=breadth.get(code, 0),
            event_score=round(as_points(int(pts)) / events, 4),
            participant_score=round(as_points(int(weighted or 0)) / participants, 4)
            if participants
            else 0.0,
            group_shares=dict(sorted(shares.get(code, {}).items())),
            coordination=int(coordination.get(code, 0)),
            group_totals=dict(sorted(totals.get(code, {}).items())),
        )
        for code, n, pts, regions, people, weighted in main
    ]
    return sorted(out, key=lambda m: (-m.events, -m.points, m.code))


def _coordination(session: Session, ids, codes: list[str] | None = None) -> dict[str, int]:
    """Per initiative, the events among ``ids`` that named it for global coordination."""
    query = (
        select(ReportCoordination.initiative_code, func.count())
        .where(ReportCoordination.report_id.in_(ids))
        .group_by(ReportCoordination.initiative_code)
    )
    if codes is not None:
        query = query.where(ReportCoordination.initiative_code.in_(codes))
    return {code: int(n) for code, n in session.execute(query)}


def _breadth(session: Session, ids) -> dict[str, int]:
    per_region = (
        select(
            Report.region.label("region"),
            ReportInitiative.code.label("code"),
            func.rank()
            .over(partition_by=Report.region, order_by=func.sum(POINTS).desc())
            .label("place"),
        )
        .join(Report, Report.id == ReportInitiative.report_id)
        .where(Report.id.in_(ids))
        .group_by(Report.region, ReportInitiative.code)
        .subquery()
    )
    return {
        code: int(n)
        for code, n in session.execute(
            select(per_region.c.code, func.count())
            .where(per_region.c.place <= 5)
            .group_by(per_region.c.code)
        )
    }


def region_matrix(session: Session, filters: Filters = EVERYTHING) -> list[Cell]:
    """Events and points of every (initiative, region) pair that has any."""
    return [
        Cell(code, region, int(n), as_points(int(pts)))
        for code, region, n, pts in session.execute(
            select(ReportInitiative.code, Report.region, func.count(), func.sum(POINTS))
            .join(Report, Report.id == ReportInitiative.report_id)
            .where(Report.id.in_(matching_ids(filters)))
            .group_by(ReportInitiative.code, Report.region)
            .order_by(ReportInitiative.code, Report.region)
        )
    ]


def pairs(session: Session, filters: Filters = EVERYTHING, limit: int = 15) -> list[Pair]:
    """The initiatives most often chosen together by one event."""
    a, b = aliased(ReportInitiative), aliased(ReportInitiative)
    n = func.count()
    return [
        Pair(first, second, int(count))
        for first, second, count in session.execute(
            select(a.code, b.code, n)
            .join(b, (b.report_id == a.report_id) & (a.code < b.code))
            .where(a.report_id.in_(matching_ids(filters)))
            .group_by(a.code, b.code)
            .order_by(n.desc(), a.code, b.code)
            .limit(limit)
        )
    ]


def provenance(session: Session, code: str, filters: Filters = EVERYTHING) -> list[Provenance]:
    """The events behind an initiative, with their reasons, highest rank first."""
    return [
        Provenance(*row)
        for row in session.execute(
            select(
                Report.id,
                Report.event_name,
                Report.event_date,
                Report.region,
                Report.country,
                Report.participants_total,
                ReportInitiative.rank,
                ReportInitiative.why,
            )
            .join(Report, Report.id == ReportInitiative.report_id)
            .where(ReportInitiative.code == code, Report.id.in_(matching_ids(filters)))
            .order_by(
                ReportInitiative.rank.is_(None), ReportInitiative.rank, Report.event_date, Report.id
            )
        )
    ]


def plan_lines(session: Session, filters: Filters = EVERYTHING) -> list[PlanLine]:
    """The draft plan, each line with the events (report ids) that asked for it."""
    items = plan_items(session)
    if not items:
        return []
    codes = [i.code for i in items]
    found: dict[str, list[tuple[int, int]]] = {}
    for code, report_id, points in session.execute(
        select(ReportInitiative.code, ReportInitiative.report_id, POINTS)
        .where(
            ReportInitiative.code.in_(codes), ReportInitiative.report_id.in_(matching_ids(filters))
        )
        .order_by(ReportInitiative.code, ReportInitiative.report_id)
    ):
        found.setdefault(code, []).append((int(report_id), int(points)))
    coordination = _coordination(session, matching_ids(filters), codes)
    return [
        PlanLine(
            i.code,
            i.note,
            i.owner,
            len(found.get(i.code, [])),
            as_points(sum(p for _, p in found.get(i.code, []))),
            [r for r, _ in found.get(i.code, [])],
            coordination.get(i.code, 0),
        )
        for i in items
    ]
