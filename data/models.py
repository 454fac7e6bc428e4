"""Typed SQLAlchemy models: one report row plus its child rows.

Codes (initiatives, regions, themes…) are stored, never labels: labels are translated at
render time from ``data/reference``.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Status(enum.StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Report(Base):
    """One prioritization event's results (the 2020 report template + participation)."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Made by the client when the form opens: a retried submission finds the first row.
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    event_name: Mapped[str] = mapped_column(String(200))
    event_date: Mapped[dt.date] = mapped_column(Date, index=True)
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    region: Mapped[str] = mapped_column(String(8), index=True)
    format: Mapped[str] = mapped_column(String(16), index=True)
    organizer_name: Mapped[str] = mapped_column(String(200))
    organizer_email: Mapped[str] = mapped_column(String(254))
    organizer_affiliate: Mapped[str] = mapped_column(String(200), default="")
    attendees: Mapped[str] = mapped_column(Text, default="")
    facilitators: Mapped[str] = mapped_column(Text, default="")
    note_takers: Mapped[str] = mapped_column(Text, default="")
    # None: the report gave no number. ``total_precision`` says what a number means: ``exact``,
    # ``about`` ("close to 250") or ``at_least`` ("over 30": sums that include it are lower
    # bounds).
    participants_total: Mapped[int | None] = mapped_column(Integer)
    total_precision: Mapped[str] = mapped_column(String(8), default="exact", server_default="exact")
    # An event held in several parts: [{"date": "YYYY-MM-DD", "format": code}, …] in order; the
    # event's own date is the first part's. None: one session.
    sessions: Mapped[Any] = mapped_column(JSON, nullable=True)
    # Affiliates or groups that organized the event together with ``organizer_affiliate``.
    co_organizers: Mapped[Any] = mapped_column(JSON, nullable=True)
    # The earlier report of the same discussion (a survey after a call): the discussion counts
    # once as an event and its participants are not added twice. A plain id, like
    # ``possible_duplicate_of``.
    continues: Mapped[int | None] = mapped_column(Integer, index=True)
    resources_needed: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # The interface language the report was written in; free text stays as typed.
    written_in: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(12), index=True, default=Status.PENDING)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("reports.id"))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)
    # The event name casefolded, without accents, punctuation or extra spaces
    # (data.reports.duplicates.event_key): with the country and the date it finds the same event
    # reported twice.
    event_key: Mapped[str] = mapped_column(String(200), default="", server_default="", index=True)
    # The earlier report of what looks like the same event; stored, never blocking. A plain id
    # (not a foreign key), so that deleting that report (demo data, spam) never fails on this one.
    possible_duplicate_of: Mapped[int | None] = mapped_column(Integer, index=True)
    # sha256 of the organizer's secret edit-link token; the token itself is never stored.
    edit_token_hash: Mapped[str | None] = mapped_column(String(64), index=True, unique=True)

    initiatives: Mapped[list[ReportInitiative]] = relationship(
        cascade="all, delete-orphan", order_by="ReportInitiative.position"
    )
    recommendations: Mapped[list[ReportRecommendation]] = relationship(
        cascade="all, delete-orphan", order_by="ReportRecommendation.position"
    )
    groups: Mapped[list[ReportGroup]] = relationship(cascade="all, delete-orphan")
    themes: Mapped[list[ReportTheme]] = relationship(cascade="all, delete-orphan")
    languages: Mapped[list[ReportLanguage]] = relationship(cascade="all, delete-orphan")
    coordination: Mapped[list[ReportCoordination]] = relationship(cascade="all, delete-orphan")


class _Child:
    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True, sort_order=-1
    )


class _Chosen(_Child):
    """A chosen code with the event's reason. ``rank``: 1 = first, equal ranks are a tie, None
    for every choice of an unranked set. ``position``: the order the report gave (a reason
    written for a group of choices is stored on each). ``points``: this choice's share of the
    event's points in thousandths (data.scoring), stored so that every recount sums the same
    numbers."""

    code: Mapped[str] = mapped_column(String(3), primary_key=True, index=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    rank: Mapped[int | None] = mapped_column(SmallInteger)
    points: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    why: Mapped[str] = mapped_column(Text, default="")


class ReportInitiative(_Chosen, Base):
    __tablename__ = "report_initiatives"


class ReportRecommendation(_Chosen, Base):
    __tablename__ = "report_recommendations"


class ReportGroup(_Child, Base):
    """How many participants came from a counted group (counts only, never names)."""

    __tablename__ = "report_groups"
    # Filter lookups by code carry the report id: an index-only scan (migration 0004).
    __table_args__ = (Index("ix_report_groups_group_code_report_id", "group_code", "report_id"),)

    group_code: Mapped[str] = mapped_column(String(24), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class ReportTheme(_Child, Base):
    __tablename__ = "report_themes"
    __table_args__ = (Index("ix_report_themes_theme_code_report_id", "theme_code", "report_id"),)

    theme_code: Mapped[str] = mapped_column(String(24), primary_key=True)


class ReportLanguage(_Child, Base):
    __tablename__ = "report_languages"
    __table_args__ = (
        Index("ix_report_languages_language_code_report_id", "language_code", "report_id"),
    )

    language_code: Mapped[str] = mapped_column(String(12), primary_key=True)


class ReportCoordination(_Child, Base):
    """An initiative the event wants to be the focus of global coordination."""

    __tablename__ = "report_coordination"

    initiative_code: Mapped[str] = mapped_column(String(3), primary_key=True)
    why: Mapped[str] = mapped_column(Text, default="", server_default="")


class ReportAudit(Base):
    """One change to a report by its organizer (edit link): who, when, and the report before and
    after, as the API's JSON. ``report_id`` is a plain id so that the trail outlives the report."""

    __tablename__ = "report_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer, index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    who: Mapped[str] = mapped_column(String(200))
    before: Mapped[Any] = mapped_column(JSON)
    after: Mapped[Any] = mapped_column(JSON)


class DataVersion(Base):
    """One row, bumped in the same transaction as every write; readers poll it."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
