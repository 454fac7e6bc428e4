"""The published aggregates' filters, the small dataclasses they are returned as, and the set of
matching published reports every query starts from, so the filters are written once. Three
measures (``data.scoring`` for the points):

- *mentions*: how many events named an initiative (the same meaning for every report);
- *points*: every event hands out 15, by position in a ranked list, shared among ties, equally
  in an unranked set; participant-weighted as Σ points × participants / Σ participants;
- *global coordination*: how many events named an initiative for global coordination.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from sqlalchemy import Select, exists, select
from sqlalchemy.orm import Session

from data import privacy
from data.models import (
    DataVersion,
    Report,
    ReportGroup,
    ReportLanguage,
    ReportTheme,
    Status,
)


@dataclass(frozen=True)
class Filters:
    region: str | None = None
    country: str | None = None
    theme: str | None = None
    format: str | None = None
    group: str | None = None
    # With ``group``: the least share (percent) of the event's participants from that group;
    # None means "at least one participant".
    group_share: int | None = None
    language: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def key(self) -> str:
        """A stable cache key."""
        return "|".join(f"{k}={v}" for k, v in asdict(self).items() if v is not None)


@dataclass(frozen=True)
class Priority:
    code: str
    mentions: int
    points: float  # data.scoring: every event hands out 15
    first_choices: int
    regions: int
    weighted: float  # participant-weighted points: Σ points × participants / Σ participants


@dataclass(frozen=True)
class RecommendationTotal:
    code: str
    mentions: int
    points: float  # data.scoring: every event hands out 6 (a ranked three's 3 + 2 + 1)


@dataclass(frozen=True)
class CoordinationTotal:
    """An initiative named for global coordination, and by how many events."""

    code: str
    events: int
    regions: int = 0


def ranked_priorities(items: list[Priority]) -> list[Priority]:
    """Mentions first (the measure that means the same for every report), then points."""
    return sorted(items, key=lambda p: (-p.mentions, -p.points, p.code))


def ranked_coordination(items: list[CoordinationTotal]) -> list[CoordinationTotal]:
    return sorted(items, key=lambda c: (-c.events, c.code))


@dataclass(frozen=True)
class GroupTotal:
    code: str
    count: int
    # Participants of the events that reported this group: the denominator of its share.
    of_participants: int
    # Events whose count of it is hidden (1..PRIVACY_THRESHOLD-1) and not in ``count``.
    hidden_events: int = 0


@dataclass(frozen=True)
class RegionTotal:
    region: str
    events: int
    participants: int


@dataclass(frozen=True)
class Summary:
    events: int = 0
    participants: int = 0
    countries: int = 0
    groups: list[GroupTotal] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    recommendations: list[RecommendationTotal] = field(default_factory=list)
    by_region: list[RegionTotal] = field(default_factory=list)
    coordination: list[CoordinationTotal] = field(default_factory=list)
    # Events whose attendance was written as "at least" or not at all: while above zero,
    # ``participants`` is a lower bound ("at least …").
    lower_bound_events: int = 0


@dataclass(frozen=True)
class CountryRow:
    country: str
    events: int
    participants: int
    top_recommendation: str | None  # the recommendation most events there prioritized


@dataclass(frozen=True)
class Cell:
    row: str
    column: str
    value: int
    of: int  # the denominator (events of the region, participants reporting the group…)
    # Region × group cells: events whose count of the group (1..PRIVACY_THRESHOLD-1) is hidden
    # and not in ``value``, so that a hidden share is told from a real 0 (data.privacy).
    hidden: int = 0


@dataclass(frozen=True)
class Insights:
    """The dashboard's aggregates beyond the summary (``data.aggregates.insights``)."""

    summary: Summary
    countries: list[CountryRow] = field(default_factory=list)
    region_recommendation: list[Cell] = field(default_factory=list)
    region_groups: list[Cell] = field(default_factory=list)
    weeks: list[tuple[dt.date, int]] = field(default_factory=list)
    languages: list[tuple[str, int]] = field(default_factory=list)


def matching_reports(filters: Filters) -> Select:
    """Ids of published reports matching ``filters``."""
    q = select(Report.id).where(Report.status == Status.PUBLISHED)
    if filters.region:
        q = q.where(Report.region == filters.region)
    if filters.country:
        q = q.where(Report.country == filters.country)
    if filters.format:
        q = q.where(Report.format == filters.format)
    if filters.date_from:
        q = q.where(Report.event_date >= filters.date_from)
    if filters.date_to:
        q = q.where(Report.event_date <= filters.date_to)
    if filters.theme:
        q = q.where(
            Report.id.in_(
                select(ReportTheme.report_id).where(ReportTheme.theme_code == filters.theme)
            )
        )
    if filters.language:
        q = q.where(
            Report.id.in_(
                select(ReportLanguage.report_id).where(
                    ReportLanguage.language_code == filters.language
                )
            )
        )
    if filters.group:
        # At least THRESHOLD people of the group (data.privacy.countable): a smaller count is
        # suppressed in every public output, and a filter matching it would reveal it.
        wanted = ReportGroup.count >= max(privacy.THRESHOLD, 1)
        if filters.group_share:
            # count / total >= share%, kept in integers so both backends agree exactly.
            # NULL, never matching, when the total is unknown or a lower bound.
            wanted &= ReportGroup.count * 100 >= filters.group_share * privacy.share_total_sql(
                Report
            )
        # EXISTS, a primary-key lookup per candidate: most events count most groups, so the
        # set of ids an IN would build is nearly every report (4× slower on SQLite at 100k).
        q = q.where(
            exists().where(
                ReportGroup.report_id == Report.id, ReportGroup.group_code == filters.group, wanted
            )
        )
    return q


def data_version(session: Session) -> tuple[int, dt.datetime | None]:
    row = session.execute(
        select(DataVersion.version, DataVersion.updated_at).where(DataVersion.id == 1)
    ).one_or_none()
    return (int(row[0]), row[1]) if row else (0, None)
