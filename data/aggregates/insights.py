"""The public dashboard's aggregates: ``insights`` and ``summary`` read the aggregate tables
(``data.aggregates.read``); ``insights_raw`` is the same answer as SQL GROUP BYs over the raw rows
of the published reports that match the filters (the recount the tables are checked against, and
the benchmark's "limit"). Plus the filters' options and the freshness line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, distinct, func, select, union
from sqlalchemy.orm import Session

from data.aggregates import read as aggregates_read
from data.aggregates import world as aggregates_world
from data.aggregates.queries import (
    Cell,
    CountryRow,
    Filters,
    Insights,
    Summary,
    matching_reports,
)
from data.aggregates.summary import summary as summary_raw
from data.aggregates.tables import AggEvents
from data.models import (
    Report,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
    Status,
)
from data.privacy import hidden_sql, public_count_sql
from data.reference import reference


@dataclass(frozen=True)
class Options:
    """What the filters can offer: only values present in the published data."""

    regions: list[str]
    countries: list[str]
    themes: list[str]
    formats: list[str]
    languages: list[str]
    # Groups that some published event counted at least ``threshold`` people of: a group
    # filter on a group nobody reported (or only in suppressed numbers) would match nothing.
    groups: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Freshness:
    last_report: dt.datetime | None
    published: int
    pending: int


def _prioritized(ids):
    """(report_id, recommendation) pairs: the event chose the recommendation itself or one of
    its initiatives."""
    ref = reference()
    by_initiative = {code: i.recommendation for code, i in ref.initiatives.items()}
    rec_of = case(by_initiative, value=ReportInitiative.code)
    return union(
        select(ReportRecommendation.report_id, ReportRecommendation.code.label("rec")).where(
            ReportRecommendation.report_id.in_(select(ids.c.id))
        ),
        select(ReportInitiative.report_id, rec_of.label("rec")).where(
            ReportInitiative.report_id.in_(select(ids.c.id))
        ),
    ).subquery()


def insights(session: Session, filters: Filters | None = None) -> Insights:
    """Every aggregate of the dashboard, from the aggregate tables."""
    return aggregates_read.insights(session, filters or Filters())


def world(session: Session, filters: Filters) -> Insights:
    """What the world map shows for filters that name no place (``aggregates_world.world``)."""
    return aggregates_world.world(session, filters)


def insights_with_world(session: Session, filters: Filters) -> tuple[Insights, Insights]:
    """A view's aggregates and its map's, in one pass (``aggregates_world``)."""
    return aggregates_world.insights_with_world(session, filters)


def summary(session: Session, filters: Filters | None = None) -> Summary:
    """The public summary (``/api/v1/summary``), from the aggregate tables."""
    return aggregates_read.summary(session, filters or Filters())


def insights_raw(session: Session, filters: Filters | None = None) -> Insights:
    """``insights`` recounted from the raw rows."""
    filters = filters or Filters()
    base = summary_raw(session, filters)
    if not base.events:
        return Insights(base)
    ids = matching_reports(filters).subquery()
    in_ids = Report.id.in_(select(ids.c.id))
    pairs = _prioritized(ids)

    # Countries: events, participants, and the recommendation most of their events prioritized.
    per_country = session.execute(
        select(Report.country, func.count(), func.sum(Report.participants_total))
        .where(in_ids, Report.country.is_not(None))
        .group_by(Report.country)
        .order_by(Report.country)
    ).all()
    top: dict[str, tuple[int, str]] = {}
    for country, rec, n in session.execute(
        select(Report.country, pairs.c.rec, func.count())
        .join(pairs, pairs.c.report_id == Report.id)
        .where(Report.country.is_not(None))
        .group_by(Report.country, pairs.c.rec)
    ):
        number = reference().recommendations[rec].number
        best = top.get(country)
        if best is None or (n, -number) > (best[0], -reference().recommendations[best[1]].number):
            top[country] = (n, rec)
    countries = [
        CountryRow(c, int(n), int(p or 0), top.get(c, (0, None))[1]) for c, n, p in per_country
    ]

    region_events = dict(
        session.execute(
            select(Report.region, func.count()).where(in_ids).group_by(Report.region)
        ).all()
    )
    region_recommendation = [
        Cell(region, rec, int(n), int(region_events[region]))
        for region, rec, n in session.execute(
            select(Report.region, pairs.c.rec, func.count(distinct(Report.id)))
            .join(pairs, pairs.c.report_id == Report.id)
            .group_by(Report.region, pairs.c.rec)
            .order_by(Report.region, pairs.c.rec)
        )
    ]
    region_groups = [
        Cell(region, group, int(count), int(of), int(hidden))
        for region, group, count, of, hidden in session.execute(
            select(
                Report.region,
                ReportGroup.group_code,
                func.sum(public_count_sql(ReportGroup.count)),
                func.sum(Report.participants_total),
                func.sum(hidden_sql(ReportGroup.count)),
            )
            .join(Report, Report.id == ReportGroup.report_id)
            .where(in_ids)
            .group_by(Report.region, ReportGroup.group_code)
            .order_by(Report.region, ReportGroup.group_code)
        )
    ]
    # Events per ISO week (by event date), computed portably from the dates.
    days = session.execute(
        select(Report.event_date, func.count()).where(in_ids).group_by(Report.event_date)
    ).all()
    weekly: dict[dt.date, int] = {}
    for day, n in days:
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        monday = day - dt.timedelta(days=day.weekday())
        weekly[monday] = weekly.get(monday, 0) + int(n)
    languages = [
        (code, int(n))
        for code, n in session.execute(
            select(ReportLanguage.language_code, func.count())
            .where(ReportLanguage.report_id.in_(select(ids.c.id)))
            .group_by(ReportLanguage.language_code)
            .order_by(func.count().desc(), ReportLanguage.language_code)
        )
    ]
    return Insights(
        base, countries, region_recommendation, region_groups, sorted(weekly.items()), languages
    )


def options(session: Session, threshold: int = 5) -> Options:
    """The filters' choices; ``threshold`` is the privacy threshold (PRIVACY_THRESHOLD)."""
    published = Report.status == Status.PUBLISHED

    def present(column, *joins) -> list[str]:
        q = select(column).distinct().select_from(Report).where(published)
        for join in joins:
            q = q.join(join, join.report_id == Report.id)
        return sorted(v for v in session.scalars(q) if v)

    return Options(
        regions=present(Report.region),
        countries=present(Report.country),
        themes=present(ReportTheme.theme_code, ReportTheme),
        formats=present(Report.format),
        languages=present(ReportLanguage.language_code, ReportLanguage),
        groups=sorted(
            session.scalars(
                select(ReportGroup.group_code)
                .distinct()
                .join(Report, Report.id == ReportGroup.report_id)
                .where(published, ReportGroup.count >= threshold)
            )
        ),
    )


def freshness(session: Session) -> Freshness:
    """The status line's numbers. The published count comes from the aggregate tables' ``all``
    facet and the pending one from the status index: counting every report by status read the
    whole table (23–41 ms at 100,000 reports; these take about a millisecond)."""
    published = session.scalar(
        select(func.coalesce(func.sum(AggEvents.events), 0)).where(AggEvents.facet == "all")
    )
    pending = session.scalar(select(func.count()).where(Report.status == Status.PENDING))
    last = session.scalar(select(func.max(Report.created_at)).where(Report.status == "published"))
    return Freshness(last, int(published), int(pending))
