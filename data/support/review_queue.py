"""The review queue's reads: one page of reports, how many match, the search by number,
event name or country, and the next pending report (decide and next). The "possible
duplicate" badge is the intake's rule (``data.reports.duplicates.same_event``).

The count and the page share one list of conditions, so "Reports 1–50 of 330" always counts
the rows the pages show. Country names are matched in Python against the viewer's language
(``countries_named``, under the request's locale) and reach SQL as a list of codes: the
database knows codes, not the names CLDR gives them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from data import i18n
from data.models import Report, Status
from data.reference import reference
from data.reports.duplicates import possibly_repeats

PAGE_SIZE = 50


@dataclass(frozen=True)
class QueueRow:
    id: int
    event_name: str
    event_date: dt.date
    country: str | None
    region: str
    status: str
    created_at: dt.datetime
    possible_duplicate: bool


@dataclass(frozen=True)
class Search:
    """What was typed in the queue's search box: a report number, or text matched against the
    event name and the codes of the countries it names."""

    text: str = ""
    countries: tuple[str, ...] = ()

    @property
    def number(self) -> int | None:
        digits = self.text.removeprefix("#").strip()
        return int(digits) if digits.isascii() and digits.isdigit() else None


def countries_named(text: str, name: Callable[[str], str] = i18n.country) -> tuple[str, ...]:
    """The codes of the countries whose code is ``text`` or whose name (in the current locale)
    holds it, accents and case set aside ("cote" finds "Côte d’Ivoire")."""
    wanted = i18n.collation_key(text.strip())[0]
    if not wanted:
        return ()
    return tuple(
        code
        for code in sorted(reference().countries)
        if code.casefold() == wanted or wanted in i18n.collation_key(name(code))[0]
    )


def search_for(text: str | None) -> Search:
    """The search of ``text``, its country names read in the current locale."""
    text = (text or "").strip() if isinstance(text, str) else ""
    return Search(text, countries_named(text) if text else ())


def _conditions(status, region, duplicates_only, within, search: Search | None) -> list:
    dup = possibly_repeats()
    found = []
    if status:
        found.append(Report.status == status)
    if region:
        found.append(Report.region == region)
    if duplicates_only:
        found.append(dup)
    if within is not None:
        found.append(Report.id.in_(within))
    if search is not None and search.text:
        # autoescape: a "%" or "_" typed in the box is that character, not a wildcard.
        matches = [Report.event_name.icontains(search.text, autoescape=True)]
        if search.number is not None:
            matches.append(Report.id == search.number)
        if search.countries:
            matches.append(Report.country.in_(search.countries))
        found.append(or_(*matches))
    return found


def queue_count(
    session: Session,
    status: str | None = None,
    region: str | None = None,
    duplicates_only: bool = False,
    within: Select | None = None,
    search: Search | None = None,
) -> int:
    """How many reports the queue holds with these filters (counted in SQL)."""
    where = _conditions(status, region, duplicates_only, within, search)
    return session.scalar(select(func.count(Report.id)).where(*where)) or 0


def queue(
    session: Session,
    status: str | None = None,
    region: str | None = None,
    duplicates_only: bool = False,
    limit: int = PAGE_SIZE,
    within: Select | None = None,
    search: Search | None = None,
    offset: int = 0,
) -> list[QueueRow]:
    """One page of reports for review, pending first (the report whose number was searched
    before all). ``within``: a select of report ids to keep
    (``data.initiative_list.retired.touched_reports``)."""
    q = select(
        Report.id,
        Report.event_name,
        Report.event_date,
        Report.country,
        Report.region,
        Report.status,
        Report.created_at,
        possibly_repeats().label("dup"),
    ).where(*_conditions(status, region, duplicates_only, within, search))
    order = []
    if search is not None and search.number is not None:
        order.append((Report.id != search.number).label("not_the_number"))
    pending_first = (Report.status != Status.PENDING).label("pending_last")
    order += [pending_first, Report.created_at.desc(), Report.id.desc()]
    q = q.order_by(*order).limit(limit).offset(max(offset, 0))
    return [QueueRow(*row[:7], bool(row[7])) for row in session.execute(q)]


def page_bounds(page: int | None, total: int, size: int = PAGE_SIZE) -> tuple[int, int]:
    """The page actually shown (a page past the end shows the last one) and its offset."""
    last = max((total - 1) // size, 0)
    shown = min(max(int(page or 0), 0), last)
    return shown, shown * size


def next_pending(session: Session, after: int) -> int | None:
    """The pending report that follows report ``after`` in the queue's order (pending ones
    newest first), else the first pending one from the top; None when no other is pending."""
    here = session.execute(select(Report.created_at, Report.id).where(Report.id == after)).first()
    pending = select(Report.id).where(Report.status == Status.PENDING, Report.id != after)
    order = (Report.created_at.desc(), Report.id.desc())
    if here is not None:
        later = or_(
            Report.created_at < here.created_at,
            (Report.created_at == here.created_at) & (Report.id < here.id),
        )
        found = session.scalar(pending.where(later).order_by(*order).limit(1))
        if found is not None:
            return found
    return session.scalar(pending.order_by(*order).limit(1))
