"""Small counts that could identify a person never leave through public outputs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import case

# Fewer people than this, in one event or one cell, is never shown ("< 5"). One value for the
# process (every worker reads the same environment): the aggregate tables' group facets are
# built with it, so changing it calls for `flask recount --fix`.
THRESHOLD = int(os.environ.get("PRIVACY_THRESHOLD", "5"))


def countable(count: int, total: int | None, share: int | None = None) -> bool:
    """Does an event count as one "with participants from" a group (and, with ``share``, with at
    least that percent of its participants from it)? Only when the count itself may be shown:
    a filter matching 1..THRESHOLD-1 people would tell a suppressed count by who is listed.
    ``total`` is ``share_total``: None when no share can be worked out."""
    if count < max(THRESHOLD, 1):
        return False
    return not share or (total is not None and count * 100 >= share * total)


def share_total(total: int | None, precision: str) -> int | None:
    """The total a group's share is taken of: None when the total is unknown, or only a lower
    bound ("over 30": 20 women could be half of them or a third)."""
    return None if total is None or precision == "at_least" else total


def share_total_sql(r):
    """``share_total`` in SQL, for a report table ``r``."""
    return case((r.total_precision == "at_least", None), else_=r.participants_total)


def lower_bound(total: int | None, precision: str) -> bool:
    """Is this event's number of participants only a lower bound of what a sum should hold
    (written as "at least", or not given)?"""
    return total is None or precision == "at_least"


def lower_bound_sql(r):
    """1 when ``lower_bound``, else 0, in SQL."""
    return case(((r.participants_total.is_(None)) | (r.total_precision == "at_least"), 1), else_=0)


def public_count(count, total: int = 0) -> int:
    """One event's count as it enters a public total: itself when it may be shown, else 0.

    Totals over many events (the summary, the dashboard's cards and heatmaps, the downloads)
    add only counts that the event's own public record shows. A total that also held the
    hidden 1..THRESHOLD-1 would give them away by subtraction (all events minus all but one,
    or a country's total minus its other events' shown counts). Small groups' totals are
    therefore lower bounds, as the pages and the API description say. ``count`` may be a SQL
    column: the same rule as an expression (``public_count_sql``)."""
    return count if countable(count, total) else 0


def public_count_sql(column):
    """``public_count`` in SQL: ``CASE WHEN count >= THRESHOLD THEN count ELSE 0 END``."""
    return case((column >= max(THRESHOLD, 1), column), else_=0)


def hidden_sql(column):
    """1 for an event whose count of the group is hidden (``suppressed``), else 0, in SQL."""
    return case(((column > 0) & (column < max(THRESHOLD, 1)), 1), else_=0)


def suppressed(count: int | None, threshold: int) -> bool:
    """A count of 1..threshold-1 people is suppressed; 0 is not (it describes nobody)."""
    return count is not None and 0 < count < threshold


class GroupCount(Protocol):
    """What a group's total over many events tells (data.aggregates.queries.GroupTotal)."""

    code: str
    count: int
    of_participants: int  # the denominator of its share
    hidden_events: int  # events whose count of it is hidden and not in ``count``


# A group's share of participants over many events: exact, a lower bound, or hidden. The rule
# is data (the public API says it too); components/small_numbers.py words it for the charts.
EXACT, AT_LEAST, HIDDEN = "exact", "at_least", "hidden"
# A lower bound is shown while the hidden events could hold at most this many times the people
# counted (each up to threshold-1): the true share is then at most three times the bound. Past
# that, "at least 0.6%" reads as "almost nobody" when the truth may be 13%: "n/a".
MOST_HIDDEN = 2


@dataclass(frozen=True)
class GroupShare:
    state: str  # EXACT, AT_LEAST or HIDDEN
    share: float | None  # the share, or its lower bound; None when hidden
    hidden_events: int  # events whose count of the group is hidden and not in the share


def group_share(count: int, of: int, hidden_events: int, threshold: int) -> GroupShare | None:
    """What may be said of ``count`` people of a group among ``of`` participants, when
    ``hidden_events`` events' counts (each 1..threshold-1) are not in ``count``; None when
    nothing can (no participant total to take a share of, and nothing hidden).

    Hidden ("n/a") when the share is unknown: every non-zero count is hidden; or the hidden
    events could hold more than ``MOST_HIDDEN`` times the people counted; or the events counted
    fewer than ``threshold`` participants, where even a 0 would tell who came. A lower bound
    when fewer counts are hidden. Exact otherwise: a real 0% is shown as 0%."""
    least = max(threshold, 1)
    if 0 < count < least:  # a suppressed sum (the tables never hold one; kept safe anyway)
        return GroupShare(HIDDEN, None, max(hidden_events, 1))
    if count == 0 and hidden_events:
        return GroupShare(HIDDEN, None, hidden_events)
    if not of:
        return None
    if of < least and count == 0:
        return GroupShare(HIDDEN, None, hidden_events)
    if hidden_events:
        if hidden_events * (least - 1) > MOST_HIDDEN * count:
            return GroupShare(HIDDEN, None, hidden_events)
        return GroupShare(AT_LEAST, count / of, hidden_events)
    return GroupShare(EXACT, count / of, 0)


def public_groups(groups: list[GroupCount], threshold: int) -> dict[str, dict]:
    """Group totals for public outputs: the count and its share, or ``suppressed``.

    ``share_is``: "exact", "at_least" (some events' small counts are left out of it) or
    "hidden" (``group_share``: too much is left out to say; then ``share`` is None, never a 0
    that reads as "nobody came")."""
    out = {}
    for g in groups:
        if suppressed(g.count, threshold):
            out[g.code] = {"count": None, "share": None, "suppressed": True, "share_is": HIDDEN}
        else:
            value = group_share(g.count, g.of_participants, g.hidden_events, threshold)
            shown = value is not None and value.state != HIDDEN
            out[g.code] = {
                "count": g.count,
                "share": round(value.share, 4) if shown else None,
                "suppressed": False,
                "share_is": value.state if value is not None else None,
            }
        out[g.code]["events_left_out"] = g.hidden_events
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


def group_detail_shown(total: int | None, counts: dict[str, int | None], threshold: int) -> bool:
    """May one event's group counts be shown at all? Only when the event is known to have had
    at least ``threshold`` participants: by its total (exact, about or at least), or, without
    one, by a group's own count. In a smaller event, which groups are "< 5" and which are 0
    tells who came (of 3 people, "women: < 5, LGBTQ+: 0" says a lot), so none is shown, the
    same way whatever the counts were."""
    known = max([total or 0, *(c or 0 for c in counts.values())])
    return known >= max(threshold, 1)


def public_event_groups(
    total: int | None, counts: dict[str, int | None], threshold: int
) -> tuple[dict[str, dict], str]:
    """One event's groups for public outputs and whether they are ``shown`` or ``withheld``
    (then no group at all: ``group_detail_shown``)."""
    if not group_detail_shown(total, counts, threshold):
        return {}, "withheld"
    return public_group_counts(counts, threshold), "shown"


# Spreadsheets read a cell that starts with one of these as a formula (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """A value for a CSV or XLSX cell: text that a spreadsheet would run as a formula gets a
    leading apostrophe; numbers, dates and other text pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
