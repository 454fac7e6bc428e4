"""Who is represented in the matching published reports: events and participants per region
and per language, and each counted group's share of participants, each flagged when thin."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data.aggregates.queries import Filters
from data.models import Report, ReportGroup, ReportLanguage
from data.overlap.scope import EVERYTHING, matching_ids
from data.overlap.shapes import Coverage, Gaps, GroupCoverage
from data.privacy import hidden_sql, public_count_sql
from data.reference import reference

THIN_EVENTS = 3  # a region with fewer matching events is "thin"
THIN_SHARE = 0.10  # a counted group below this share of participants is "thin"


def gaps(session: Session, filters: Filters = EVERYTHING) -> Gaps:
    """Who is represented: events and participants per region and language, group shares."""
    ids = matching_ids(filters)
    by_region = {
        region: (int(n), int(p or 0))
        for region, n, p in session.execute(
            select(Report.region, func.count(), func.sum(Report.participants_total))
            .where(Report.id.in_(ids))
            .group_by(Report.region)
        )
    }
    regions = [
        Coverage(
            code, *by_region.get(code, (0, 0)), thin=by_region.get(code, (0,))[0] < THIN_EVENTS
        )
        for code in reference().regions
    ]
    languages = [
        Coverage(code, int(n), int(p or 0), thin=int(n) < THIN_EVENTS)
        for code, n, p in session.execute(
            select(ReportLanguage.language_code, func.count(), func.sum(Report.participants_total))
            .join(Report, Report.id == ReportLanguage.report_id)
            .where(Report.id.in_(ids))
            .group_by(ReportLanguage.language_code)
            .order_by(func.count().desc(), ReportLanguage.language_code)
        )
    ]
    by_group = {
        code: (int(n), int(c or 0), int(of or 0), int(counted or 0), int(hidden or 0))
        for code, n, c, of, counted, hidden in session.execute(
            select(
                ReportGroup.group_code,
                func.count(),
                func.sum(ReportGroup.count),
                func.sum(Report.participants_total),
                func.sum(public_count_sql(ReportGroup.count)),
                func.sum(hidden_sql(ReportGroup.count)),
            )
            .join(Report, Report.id == ReportGroup.report_id)
            .where(Report.id.in_(ids))
            .group_by(ReportGroup.group_code)
        )
    }
    groups = []
    for code in reference().groups:
        n, count, of, counted, hidden = by_group.get(code, (0, 0, 0, 0, 0))
        share = round(count / of, 4) if of else None
        thin = share is None or share < THIN_SHARE
        groups.append(GroupCoverage(code, n, count, of, share, thin, counted, hidden))
    return Gaps(regions, languages, groups)
