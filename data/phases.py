"""Where the prioritization process stands: its phases and their dates live in
``data/reference/phases.csv`` (labels are catalog msgids, extracted by data/i18n_extract.py), so
a new round is a data change. Pure; read on first use, never at import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from data.reference import REFERENCE_DIR, read_rows

PAST, CURRENT, UPCOMING = "past", "current", "upcoming"


@dataclass(frozen=True)
class Phase:
    code: str
    start: dt.date
    end: dt.date  # inclusive
    label: str  # English msgid; translate at render time

    def state(self, today: dt.date) -> str:
        if today < self.start:
            return UPCOMING
        return CURRENT if today <= self.end else PAST


def load(directory: Path = REFERENCE_DIR) -> tuple[Phase, ...]:
    """The phases in order of their start; raises ValueError on an inverted date range."""
    phases = tuple(
        sorted(
            (
                Phase(
                    r["code"],
                    dt.date.fromisoformat(r["start"]),
                    dt.date.fromisoformat(r["end"]),
                    r["label"],
                )
                for r in read_rows("phases.csv", directory)
            ),
            key=lambda p: p.start,
        )
    )
    bad = [p.code for p in phases if p.end < p.start]
    if bad:
        raise ValueError(f"phases ending before they start: {bad}")
    return phases


@cache
def phases() -> tuple[Phase, ...]:
    return load()


def current(items: tuple[Phase, ...], today: dt.date) -> Phase | None:
    """The phase under way on ``today`` (the latest started, when two overlap), else None."""
    under_way = [p for p in items if p.state(today) == CURRENT]
    return under_way[-1] if under_way else None
