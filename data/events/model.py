"""Announced events: models and the public queries (issue 8).

An event's start and end are stored in UTC, with the IANA time zone it was announced in, so
that every viewer sees it in their own zone and calendars get exact instants. The organizer's
contact and the edit-token hash are private: ``PublicEvent`` (what pages, the API and the
iCalendar feeds see) does not carry them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    exists,
    func,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, selectinload

from data import i18n
from data.models import Base, Status, _utcnow

# Formats where nobody travels: an event of these may name no country or region.
ONLINE_FORMATS = ("virtual", "on_wiki")


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Made by the browser when the form opens: a retried announcement finds the first row.
    client_id: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    start_utc: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    end_utc: Mapped[dt.datetime] = mapped_column(DateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2), index=True)
    region: Mapped[str] = mapped_column(String(8), index=True)
    format: Mapped[str] = mapped_column(String(16), index=True)
    join_url: Mapped[str] = mapped_column(String(500), default="")
    # Where an event in person (or hybrid) meets: public, as the organizer chose to publish it.
    venue: Mapped[str] = mapped_column(String(200), default="", server_default="")
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    audience: Mapped[str] = mapped_column(Text, default="")
    accessibility: Mapped[str] = mapped_column(Text, default="")
    organizer_name: Mapped[str] = mapped_column(String(200))
    organizer_email: Mapped[str] = mapped_column(String(254))
    written_in: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[str] = mapped_column(String(12), index=True, default=Status.PENDING)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    edit_token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # The report of this event's results, once its organizer sent it from the event's page. A
    # plain id (no foreign key): deleting a report (demo data, spam) never fails on an event.
    report_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # Synthetic rows of `make run`'s demo dataset: `flask demo-data remove` deletes them.
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_utcnow, onupdate=_utcnow)

    languages: Mapped[list[EventLanguage]] = relationship(cascade="all, delete-orphan")


class EventLanguage(Base):
    __tablename__ = "event_languages"
    __table_args__ = (
        Index("ix_event_languages_language_code_event_id", "language_code", "event_id"),
    )

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    language_code: Mapped[str] = mapped_column(String(12), primary_key=True)


@dataclass(frozen=True)
class PublicEvent:
    """What anyone may see of a published event (no organizer contact)."""

    id: int
    name: str
    start_utc: dt.datetime  # aware, UTC
    end_utc: dt.datetime
    timezone: str
    country: str | None
    region: str
    format: str
    languages: tuple[str, ...]
    join_url: str
    audience: str
    accessibility: str
    reported: bool
    updated_at: dt.datetime
    venue: str = ""
    address: str = ""  # may hold line breaks

    def is_past(self, now: dt.datetime) -> bool:
        return self.end_utc <= now


@dataclass(frozen=True)
class EventFilters:
    language: str | None = None
    region: str | None = None
    format: str | None = None
    start: dt.date | None = None  # events ending on or after this day (UTC)
    end: dt.date | None = None  # events starting on or before this day (UTC)


def utc(value: dt.datetime) -> dt.datetime:
    """A stored (naive UTC) datetime as an aware one."""
    return value.replace(tzinfo=dt.UTC)


def public(event: Event) -> PublicEvent:
    return PublicEvent(
        id=event.id,
        name=event.name,
        start_utc=utc(event.start_utc),
        end_utc=utc(event.end_utc),
        timezone=event.timezone,
        country=event.country,
        region=event.region,
        format=event.format,
        languages=tuple(sorted(lang.language_code for lang in event.languages)),
        join_url=event.join_url,
        audience=event.audience,
        accessibility=event.accessibility,
        reported=event.report_id is not None,
        updated_at=utc(event.updated_at),
        venue=event.venue or "",
        address=event.address or "",
    )


def location(event: PublicEvent) -> str:
    """Venue, address (its lines joined) and country, as one line: the calendars' location.
    "" for an event with none of them (online)."""
    address = ", ".join(line.strip() for line in event.address.splitlines() if line.strip())
    country = i18n.country(event.country) if event.country else ""
    return ", ".join(part for part in (event.venue.strip(), address, country) if part)


def published_events(session: Session, filters: EventFilters | None = None) -> list[PublicEvent]:
    """Published events matching ``filters``, earliest first."""
    filters = filters or EventFilters()
    # The languages in one more query, not one per event.
    query = select(Event).options(selectinload(Event.languages))
    query = query.where(Event.status == Status.PUBLISHED)
    if filters.region:
        query = query.where(Event.region == filters.region)
    if filters.format:
        query = query.where(Event.format == filters.format)
    if filters.language:
        query = query.where(
            exists().where(
                EventLanguage.event_id == Event.id,
                EventLanguage.language_code == filters.language,
            )
        )
    if filters.start:
        query = query.where(Event.end_utc >= dt.datetime.combine(filters.start, dt.time()))
    if filters.end:
        # The last day included, to its end (the calendar's last day has no day after).
        last = dt.datetime.combine(filters.end, dt.time.max)
        query = query.where(Event.start_utc <= last)
    rows = session.scalars(query.order_by(Event.start_utc, Event.id)).all()
    return [public(row) for row in rows]


def published_event(session: Session, event_id: int) -> PublicEvent | None:
    row = session.get(Event, event_id)
    return public(row) if row is not None and row.status == Status.PUBLISHED else None


def waiting_for_report(session: Session, now: dt.datetime | None = None) -> int:
    """Published events that are over and whose results were not reported from their page."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(tzinfo=None)
    return session.scalar(
        select(func.count(Event.id)).where(
            Event.status == Status.PUBLISHED, Event.end_utc <= now, Event.report_id.is_(None)
        )
    )


def split_by_time(
    events: list[PublicEvent], now: dt.datetime
) -> tuple[list[PublicEvent], list[PublicEvent]]:
    """Upcoming (and running) events soonest first; past events most recent first."""
    upcoming = sorted((e for e in events if not e.is_past(now)), key=lambda e: e.start_utc)
    past = sorted((e for e in events if e.is_past(now)), key=lambda e: e.start_utc, reverse=True)
    return upcoming, past


FILTER_KEYS = ("language", "region", "format", "from", "to")


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def parse_filters(args) -> EventFilters:
    """Filters from query parameters (``language region format from to``), as the events page,
    ``/events.ics`` and the page's "subscribe" link spell them; bad values are ignored."""
    return EventFilters(
        language=(args.get("language") or None),
        region=(args.get("region") or "").upper() or None,
        format=(args.get("format") or None),
        start=_day(args.get("from")),
        end=_day(args.get("to")),
    )


def filter_query(filters: EventFilters) -> str:
    """The query string of ``filters`` (without "?"), for links to the feed."""
    from urllib.parse import urlencode

    pairs = {
        "language": filters.language,
        "region": filters.region,
        "format": filters.format,
        "from": filters.start.isoformat() if filters.start else None,
        "to": filters.end.isoformat() if filters.end else None,
    }
    return urlencode({k: v for k, v in pairs.items() if v})
