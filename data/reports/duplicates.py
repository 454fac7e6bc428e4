"""Possible duplicates: the event key reports are compared by, the lock that serializes the
reports of one event, and the earlier report a new one may repeat."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data.models import Report, Status


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
) -> tuple[int, str] | None:
    """The earliest report (id, event name) of the same event: same normalized name, same
    country (or, without one, same region), a date within a day. Rejected reports don't count;
    with ``published_only``, only published ones (what may be named to the public)."""
    if not key:
        return None
    day = dt.timedelta(days=1)
    q = select(Report.id, Report.event_name).where(
        Report.event_key == key,
        Report.event_date.between(event_date - day, event_date + day),
        Report.status != Status.REJECTED,
        Report.is_demo.is_(is_demo),
    )
    if country:
        q = q.where(Report.country == country)
    else:
        q = q.where(Report.country.is_(None), Report.region == region)
    if exclude_id is not None:
        q = q.where(Report.id != exclude_id)
    if published_only:
        q = q.where(Report.status == Status.PUBLISHED)
    found = session.connection().execute(q.order_by(Report.id).limit(1)).first()  # Core: cheaper
    return (found.id, found.event_name) if found else None


@dataclass(frozen=True)
class Earlier:
    """The report that a new one may duplicate."""

    id: int
    event_name: str


def earlier_report(
    session, row: Mapping[str, Any], exclude_id: int | None = None, published_only: bool = False
) -> Earlier | None:
    """The report already stored that ``row`` (``data.reports.rows.report_rows``) looks like: same
    event key, country or region, date within a day (``published_only``: a published one)."""
    found = find_possible_duplicate(
        session,
        key=row["event_key"],
        event_date=row["event_date"],
        country=row["country"],
        region=row["region"],
        is_demo=row["is_demo"],
        exclude_id=exclude_id,
        published_only=published_only,
    )
    return Earlier(*found) if found else None
