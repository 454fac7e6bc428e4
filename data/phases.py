"""Where the prioritization process stands: its phases and their dates live in
``data/reference/phases.csv`` (labels are catalog msgids, extracted by data/i18n_extract.py), so
a new round is a data change. Pure; read on first use, never at import.

A date in the file is a day (``2020-11-21``) or, when the sources give no more, a month
(``2021-01``); an end may be empty when no source says when the phase ended. Dates come from
the sources (the reference README's timeline), never guessed: what is not known stays blank."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from data.reference import REFERENCE_DIR, read_rows

PAST, CURRENT, UPCOMING = "past", "current", "upcoming"
DAY, MONTH, UNKNOWN = "day", "month", "unknown"  # how precisely a start or an end is known

_PATTERNS = {DAY: re.compile(r"\d{4}-\d{2}-\d{2}"), MONTH: re.compile(r"\d{4}-\d{2}")}


@dataclass(frozen=True)
class Phase:
    code: str
    start: dt.date  # the first day it can mean: the 1st when only the month is known
    end: dt.date  # inclusive, the last day it can mean; for an UNKNOWN end see load()
    label: str  # English msgid; translate at render time
    start_precision: str = DAY  # DAY or MONTH: what may be shown of ``start``
    end_precision: str = DAY  # DAY, MONTH or UNKNOWN (then ``end`` is never shown)

    @property
    def open_ended(self) -> bool:
        return self.end_precision == UNKNOWN

    def state(self, today: dt.date) -> str:
        if today < self.start:
            return UPCOMING
        return CURRENT if today <= self.end else PAST


def _parse(text: str) -> tuple[dt.date, dt.date, str]:
    """A date of the file as its first and last possible day and its precision."""
    text = text.strip()
    if _PATTERNS[DAY].fullmatch(text):
        day = dt.date.fromisoformat(text)
        return day, day, DAY
    if _PATTERNS[MONTH].fullmatch(text):
        first = dt.date.fromisoformat(f"{text}-01")
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return first, last, MONTH
    raise ValueError(f"not a YYYY-MM-DD or YYYY-MM date: {text!r}")


def load(directory: Path = REFERENCE_DIR) -> tuple[Phase, ...]:
    """The phases in the file's order (the order the sources tell them in: a month-precise
    start counts from the 1st, so sorting by start would misplace a "late January" phase).
    Raises ValueError on a missing start, a malformed date or an inverted date range."""
    rows = [
        (r, _parse(r["start"]), _parse(r["end"]) if r["end"].strip() else None)
        for r in read_rows("phases.csv", directory)
    ]
    bad = [r["code"] for r, (start, _, _), end in rows if end and end[1] < start]
    if bad:
        raise ValueError(f"phases ending before they start: {bad}")
    # An unknown end is never shown, but the state needs one: it counts as the last known end
    # of any phase (or the end of its own start, if later). Left open, a phase of 2020 would be
    # "Now" in 2026; and no source says the process went on past its last dated phase.
    horizon = max((end[1] for _, _, end in rows if end), default=dt.date.min)
    return tuple(
        Phase(
            r["code"],
            first,
            end[1] if end else max(horizon, last),
            r["label"],
            precision,
            end[2] if end else UNKNOWN,
        )
        for r, (first, last, precision), end in rows
    )


@cache
def phases() -> tuple[Phase, ...]:
    return load()


def current(items: tuple[Phase, ...], today: dt.date) -> Phase | None:
    """The phase under way on ``today``: the latest started when several overlap (the later in
    the file on a tie), else None."""
    under_way = sorted((p for p in items if p.state(today) == CURRENT), key=lambda p: p.start)
    return under_way[-1] if under_way else None
