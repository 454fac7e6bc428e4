"""Small counts that could identify a person never leave through public outputs."""

from __future__ import annotations

from data.queries import GroupTotal


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
