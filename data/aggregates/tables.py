"""Aggregate tables: the published reports' counts and sums, keyed by the dashboard's filters.

Every row belongs to one *facet*: ``("all", "")`` holds every published report, ``("region",
"SA")`` the reports of South Asia, and so on for ``country``, ``format``, ``theme``, ``language``,
``group`` (at least one participant of the group), ``group25`` / ``group50`` (at least a quarter /
half of the participants), ``day`` and ``week`` (ISO dates; a date range sums whole weeks and its
edge days). A report adds to the rows of each facet it belongs to (15–25 of them), so the
unfiltered view and any one filter read one facet's few hundred to few thousand rows instead of
every raw row. Distinct counts (countries, regions) are derived from rows whose count
is above zero; every table counts events, so an emptied row (all zeros, left behind when a
report leaves) reads as absent.

``data.aggregates.keep`` keeps them (in the writing transaction) and checks them against a
recount; ``data.aggregates.read`` answers the dashboard from them. Empty strings stand for
"no country" in keys (primary-key columns cannot be NULL).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from data.models import Base

FACETS = (
    "all",
    "region",
    "country",
    "format",
    "theme",
    "language",
    "group",
    "group25",
    "group50",
    "day",
    "week",
)
SHARES = (25, 50)  # the group-share facets: data.filters.SHARES


class _Facet:
    facet: Mapped[str] = mapped_column(String(12), primary_key=True, sort_order=-2)
    value: Mapped[str] = mapped_column(String(24), primary_key=True, sort_order=-1)


class AggEvents(_Facet, Base):
    """Events and participants by region, country and ISO week (Monday, ``YYYY-MM-DD``).

    A report that continues an earlier one (``reports.continues``) adds neither an event nor
    participants: the discussion counts once."""

    __tablename__ = "agg_events"

    region: Mapped[str] = mapped_column(String(8), primary_key=True)
    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    week: Mapped[str] = mapped_column(String(10), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    participants: Mapped[int] = mapped_column(BigInteger)
    # Events whose number of participants is a lower bound ("over 30") or unknown: while above
    # zero, ``participants`` is a lower bound and is shown as "at least".
    lower_bound: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class AggInitiatives(_Facet, Base):
    """Per initiative and region: mentions (events that named it), points in thousandths
    (data.scoring), first choices, points × participants."""

    __tablename__ = "agg_initiatives"

    region: Mapped[str] = mapped_column(String(8), primary_key=True)
    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(BigInteger)
    first_choices: Mapped[int] = mapped_column(Integer)
    weighted: Mapped[int] = mapped_column(BigInteger)


class AggRecommendations(_Facet, Base):
    """Recommendations chosen directly: mentions and points in thousandths (data.scoring)."""

    __tablename__ = "agg_recommendations"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    mentions: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(BigInteger)


class AggCoordination(_Facet, Base):
    """Per initiative and region: events that named it as a focus of global coordination (the
    question whose answer decided the 2020 outcome, the clusters A–H)."""

    __tablename__ = "agg_coordination"

    region: Mapped[str] = mapped_column(String(8), primary_key=True)
    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)


class AggPrioritized(_Facet, Base):
    """Events that prioritized a recommendation (itself or one of its initiatives), by place."""

    __tablename__ = "agg_prioritized"

    region: Mapped[str] = mapped_column(String(8), primary_key=True)
    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    rec: Mapped[str] = mapped_column(String(3), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)


class AggGroups(_Facet, Base):
    """Per counted group and region: the people counted and the participants of those events."""

    __tablename__ = "agg_groups"

    region: Mapped[str] = mapped_column(String(8), primary_key=True)
    group_code: Mapped[str] = mapped_column(String(24), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)
    # People of the group, from the events whose record shows the count (data.privacy).
    count: Mapped[int] = mapped_column(BigInteger)
    participants: Mapped[int] = mapped_column(BigInteger)
    # Events whose count of the group (1..PRIVACY_THRESHOLD-1) is hidden and left out of
    # ``count``: public, as each such event's record says "suppressed".
    hidden: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class AggLanguages(_Facet, Base):
    """Events held in a language."""

    __tablename__ = "agg_languages"

    language: Mapped[str] = mapped_column(String(12), primary_key=True)
    events: Mapped[int] = mapped_column(Integer)


# Upserts and recounts go through the tables in this order (a fixed order: no deadlocks).
TABLES = (
    AggEvents,
    AggInitiatives,
    AggRecommendations,
    AggPrioritized,
    AggGroups,
    AggLanguages,
    AggCoordination,
)
