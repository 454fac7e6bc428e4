"""Possible duplicates, one rule for the intake and the review: the event key reports are
compared by, the rule itself (``same_event``), the lock that serializes the reports of one
event, the earlier report a new one may repeat (the intake's flag and the organizer's notice),
the queue's badge (``possibly_repeats``) and the candidate its review page shows
(``candidate_of``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, and_, exists, func, literal, or_, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import ColumnElement

from data.models import Report, Status
from data.sql_dates import day_number


def event_key(name: str) -> str:
    """An event name as compared for duplicates: casefolded, accents dropped, punctuation and
    symbols turned into spaces, whitespace collapsed ("Café  Salon!" and "cafe salon" agree)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Mn":  # accents and other non-spacing marks
            continue
        kept.append(ch if category[0] in "LNM" else " ")
    return " ".join("".join(kept).split())[:200]


def lock_event_key(session: Session, key: str) -> None:
    """On PostgreSQL, serialize the reports of one event name until the transaction ends, so
    that two co-organizers submitting at once still see each other (SQLite's BEGIN IMMEDIATE
    already serializes every writer)."""
    if key and session.get_bind().dialect.name == "postgresql":
        number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        session.execute(select(func.pg_advisory_xact_lock(number)))


def _is_sql(value) -> bool:
    """A column (of a table, an alias or a mapped class), not a Python value."""
    return isinstance(value, ColumnElement) or hasattr(value, "__clause_element__")


def _value(value, type_):
    """A column as it is; a Python value as a bound parameter of ``type_``."""
    return value if _is_sql(value) else literal(value, type_)


def same_event(
    candidate, *, key, event_date, country, region, is_demo, report_id=None, continues=None
) -> ColumnElement[bool]:
    """THE rule for "possibly the same event", as one SQL condition on ``candidate`` (the
    Report entity or an alias) against another report's fields, given as columns (the queue's
    badge, for every row at once) or as values (a report being stored at intake):

    - the same event key (``event_key``: "Wikimédia Kenya — Strategy  salon!" and
      "wikimedia kenya strategy salon" are one name; a different word is another event);
    - the same country; for reports without one (a global or regional event), the same region;
    - event dates at most a day apart (a co-organizer's date can be a day off, the other side
      of midnight or of the date line; a series a week later is another event);
    - both demo or both real;
    - the candidate was received first (a lower number: a report repeats an earlier one, the
      first is the original) and is still in play: not rejected, not itself marked a
      duplicate;
    - the candidate is not the report this one says it continues (``continues``: a survey
      after the call it follows is the same discussion by design, never a copy).

    Why this rule and not the queue's earlier "same country and date, or same name": different
    events often share a day and a country, and generic names ("Strategy salon") recur from
    country to country; either test alone badged most reports (62% in the walk-through of
    issue 15), while a copy with other spacing or a day's shift was not badged at all.
    Known limit: two genuinely different events with the same name, place and day are flagged
    (a reviewer publishes both), and a renamed copy ("WMKE salon" for "Wikimedia Kenya salon")
    is not caught."""
    day = day_number(candidate.event_date) - day_number(_value(event_date, Date()))
    if _is_sql(country):  # another row's: both without a country, or equal
        place = or_(
            candidate.country == country,
            and_(candidate.country.is_(None), country.is_(None), candidate.region == region),
        )
    elif country:
        place = candidate.country == country
    else:
        place = and_(candidate.country.is_(None), candidate.region == region)
    found = and_(
        candidate.event_key == key,
        candidate.event_key != "",
        place,
        day.between(-1, 1),
        candidate.is_demo == is_demo,
        candidate.status.not_in((Status.REJECTED, Status.DUPLICATE)),
    )
    if report_id is not None:
        found = and_(found, candidate.id < report_id)
    if _is_sql(continues):
        found = and_(found, or_(continues.is_(None), candidate.id != continues))
    elif continues is not None:
        found = and_(found, candidate.id != continues)
    return found


def find_possible_duplicate(
    session: Session,
    *,
    key: str,
    event_date: dt.date,
    country: str | None,
    region: str | None,
    is_demo: bool = False,
    exclude_id: int | None = None,
    published_only: bool = False,
    continues: int | None = None,
) -> tuple[int, str] | None:
    """The earliest report (id, event name) that ``same_event`` finds for these fields;
    ``exclude_id``: the report's own number (only reports received before it count); with
    ``published_only``, only published ones (what may be named to the public)."""
    if not key:
        return None
    q = select(Report.id, Report.event_name).where(
        same_event(
            Report,
            key=key,
            event_date=event_date,
            country=country,
            region=region,
            is_demo=is_demo,
            report_id=exclude_id,
            continues=continues,
        )
    )
    if published_only:
        q = q.where(Report.status == Status.PUBLISHED)
    found = session.connection().execute(q.order_by(Report.id).limit(1)).first()  # Core: cheaper
    return (found.id, found.event_name) if found else None


def possibly_repeats(report=Report) -> ColumnElement[bool]:
    """Whether ``report`` (a row of a query on Report) has an earlier report of the same
    event (``same_event``): the review queue's badge, the same rule as the intake's flag."""
    other = aliased(Report)
    return exists().where(
        same_event(
            other,
            key=report.event_key,
            event_date=report.event_date,
            country=report.country,
            region=report.region,
            is_demo=report.is_demo,
            report_id=report.id,
            continues=report.continues,
        )
    )


def candidate_of(session: Session, report_id: int) -> Earlier | None:
    """The earliest earlier report of the same event as report ``report_id`` (``same_event``),
    the one its review page shows side by side; None without one."""
    row = session.get(Report, report_id)
    if row is None:
        return None
    fields = ("event_key", "event_date", "country", "region", "is_demo", "continues")
    return earlier_report(session, {name: getattr(row, name) for name in fields}, row.id)


@dataclass(frozen=True)
class Earlier:
    """The report that a new one may duplicate."""

    id: int
    event_name: str


def earlier_report(
    session, row: Mapping[str, Any], exclude_id: int | None = None, published_only: bool = False
) -> Earlier | None:
    """The report already stored that ``row`` (``data.reports.rows.report_rows``) may repeat, by
    ``same_event`` (``published_only``: a published one, which the organizer may be told of)."""
    found = find_possible_duplicate(
        session,
        key=row["event_key"],
        event_date=row["event_date"],
        country=row["country"],
        region=row["region"],
        is_demo=row["is_demo"],
        exclude_id=exclude_id,
        published_only=published_only,
        continues=row.get("continues"),
    )
    return Earlier(*found) if found else None
