"""The raw recount of the published aggregates: GROUP BY over the matching reports' rows, as the
aggregate tables (data.aggregates.tables) must agree with. Public views read the tables."""

from __future__ import annotations

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from data import privacy
from data.aggregates.queries import (
    CoordinationTotal,
    Filters,
    GroupTotal,
    Priority,
    RecommendationTotal,
    RegionTotal,
    Summary,
    matching_reports,
    ranked_coordination,
    ranked_priorities,
)
from data.models import (
    Report,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportRecommendation,
)
from data.reference import reference
from data.scoring import as_points


def summary(session: Session, filters: Filters | None = None) -> Summary:
    """The raw recount (GROUP BY over the matching reports' rows). Public views read the same
    numbers from the aggregate tables: ``data.aggregates.insights.summary``."""
    ids = matching_reports(filters or Filters()).subquery()
    in_ids = Report.id.in_(select(ids.c.id))
    # A report continuing an earlier one adds no event and no participants (data.aggregates.tables).
    own = Report.continues.is_(None)
    total = func.coalesce(Report.participants_total, 0)

    events, participants, countries, lower = session.execute(
        select(
            func.count(Report.id),
            func.coalesce(func.sum(total), 0),
            func.count(distinct(Report.country)),
            func.coalesce(func.sum(privacy.lower_bound_sql(Report)), 0),
        ).where(in_ids, own)
    ).one()
    if not session.scalar(select(func.count()).where(in_ids)):
        return Summary()

    groups = [
        GroupTotal(code, int(count), int(of), int(hidden))
        for code, count, of, hidden in session.execute(
            select(
                ReportGroup.group_code,
                func.sum(privacy.public_count_sql(ReportGroup.count)),
                func.sum(total),
                func.sum(privacy.hidden_sql(ReportGroup.count)),
            )
            .join(Report, Report.id == ReportGroup.report_id)
            .where(in_ids)
            .group_by(ReportGroup.group_code)
            .order_by(ReportGroup.group_code)
        )
    ]

    points = ReportInitiative.points
    priorities = [
        Priority(
            code,
            int(mentions),
            as_points(int(pts)),
            int(first),
            int(regions),
            round(as_points(int(weighted)) / participants, 4) if participants else 0.0,
        )
        for code, mentions, pts, first, regions, weighted in session.execute(
            select(
                ReportInitiative.code,
                func.count(),
                func.sum(points),
                func.sum(case((ReportInitiative.rank == 1, 1), else_=0)),
                func.count(distinct(Report.region)),
                # A continuation's participants are the earlier report's: not weighted again.
                func.sum(points * total * case((own, 1), else_=0)),
            )
            .join(Report, Report.id == ReportInitiative.report_id)
            .where(in_ids)
            .group_by(ReportInitiative.code)
        )
    ]
    priorities = ranked_priorities(priorities)

    recommendations = [
        RecommendationTotal(code, int(mentions), as_points(int(pts)))
        for code, mentions, pts in session.execute(
            select(ReportRecommendation.code, func.count(), func.sum(ReportRecommendation.points))
            .where(ReportRecommendation.report_id.in_(select(ids.c.id)))
            .group_by(ReportRecommendation.code)
        )
    ]
    # In the reference order (R1, R2 … R10), as data.aggregates.read gives them.
    recommendations.sort(key=lambda r: reference().recommendations[r.code].number)

    coordination = ranked_coordination(
        [
            CoordinationTotal(code, int(n), int(regions))
            for code, n, regions in session.execute(
                select(
                    ReportCoordination.initiative_code,
                    func.count(),
                    func.count(distinct(Report.region)),
                )
                .join(Report, Report.id == ReportCoordination.report_id)
                .where(in_ids)
                .group_by(ReportCoordination.initiative_code)
            )
        ]
    )

    by_region = [
        RegionTotal(region, int(n), int(p or 0))
        for region, n, p in session.execute(
            select(Report.region, func.count(), func.sum(total))
            .where(in_ids, own)
            .group_by(Report.region)
            .order_by(Report.region)
        )
    ]
    return Summary(
        int(events),
        int(participants),
        int(countries),
        groups,
        priorities,
        recommendations,
        by_region,
        coordination,
        int(lower),
    )
