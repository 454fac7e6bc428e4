"""Small counts that could identify a person never leave through public outputs."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from data.queries import GroupTotal

# Fewer people than this, in one event or one cell, is never shown ("< 5"). One value for the
# process (every worker reads the same environment): the aggregate tables' group facets are
# built with it, so changing it calls for `flask recount --fix`.
THRESHOLD = int(os.environ.get("PRIVACY_THRESHOLD", "5"))


def countable(count: int, total: int, share: int | None = None) -> bool:
    """Does an event count as one "with participants from" a group (and, with ``share``, with at
    least that percent of its participants from it)? Only when the count itself may be shown:
    a filter matching 1..THRESHOLD-1 people would tell a suppressed count by who is listed."""
    return count >= max(THRESHOLD, 1) and (not share or count * 100 >= share * total)


def suppressed(count: int | None, threshold: int) -> bool:
    """A count of 1..threshold-1 people is suppressed; 0 is not (it describes nobody)."""
    return count is not None and 0 < count < threshold


def public_groups(groups: list[GroupTotal], threshold: int) -> dict[str, dict]:
    """Group totals for public outputs: the count and its share, or ``suppressed``."""
    out = {}
    for g in groups:
        if suppressed(g.count, threshold):
            out[g.code] = {"count": None, "share": None, "suppressed": True}
        else:
            share = round(g.count / g.of_participants, 4) if g.of_participants else None
            out[g.code] = {"count": g.count, "share": share, "suppressed": False}
    return out


def public_group_counts(counts: dict[str, int | None], threshold: int) -> dict[str, dict]:
    """One event's group counts for public outputs: 1..threshold-1 people become ``None``
    with ``suppressed`` set (per event, a small count can point at a person)."""
    return {
        code: {"count": None, "suppressed": True}
        if suppressed(count, threshold)
        else {"count": count, "suppressed": False}
        for code, count in counts.items()
    }


# Spreadsheets read a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """A value for a CSV or XLSX cell: text that a spreadsheet would run as a formula gets a
    leading apostrophe; numbers, dates and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
