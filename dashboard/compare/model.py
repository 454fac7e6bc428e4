"""The comparison behind "How the selection differs": for each initiative, the share of events
that ranked it in the current selection and in another set of events, one of
- the same selection without one of its filters (``-group``: "did events with many women
  prioritize differently?"),
- another region or group of regions under the same other filters ("South Asia, many newcomers"
  meets "Europe, many newcomers"),
- the whole movement (no filter at all).

Both sides are sums of the version-cached summaries (``data.cache.cached_summary``): a set of
regions is read region by region, since the aggregate readers filter by one region at a time.
Only shares and numbers of events leave this module, never a count of one event's people.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from data.aggregates.queries import Filters, Summary
from data.cache import cached_summary
from data.db import Database
from data.reference import read_rows, reference

WHOLE = "all"  # the whole movement: no filter at all
WITHOUT = "-"  # "-group": the selection without its group filter
TOP = 10  # the largest differences shown
# Fewer events than this on a side and there is nothing to compare (a note instead of a chart).
# One event is enough: its priorities are published with its report, and only shares leave; the
# figure warns below figures.FEW_EVENTS that one event moves a share a lot.
MIN_EVENTS = 1
# The filters a comparison may drop, by the name its code carries, and the fields each clears.
DROPPABLE = {
    "region": ("region",),
    "country": ("country",),
    "theme": ("theme",),
    "format": ("format",),
    "language": ("language",),
    "group": ("group", "group_share"),
    "dates": ("date_from", "date_to"),
}


@dataclass(frozen=True)
class RegionGroup:
    code: str
    name: str  # a gettext msgid (``data.i18n_extract`` reads the file)
    regions: tuple[str, ...]


@cache
def region_groups() -> dict[str, RegionGroup]:
    """Named sets of regions (``data/reference/region_groups.csv``): "Europe" is two regions."""
    known = reference().regions
    groups = {}
    for row in read_rows("region_groups.csv"):
        regions = tuple(row["regions"].split())
        unknown = [r for r in regions if r not in known]
        if unknown or not regions or row["code"] in known or row["code"] == WHOLE:
            raise ValueError(f"region group {row['code']} is not a set of known regions")
        groups[row["code"]] = RegionGroup(row["code"], row["name"], regions)
    return groups


def choices() -> list[str]:
    """The comparisons that need no filter, in the order offered: the whole movement, the
    groups of regions, then each region."""
    return [WHOLE, *region_groups(), *reference().regions]


def without_code(name: str) -> str:
    return WITHOUT + name


def valid(code: str | None) -> str | None:
    """``code`` if it is a comparison (region codes in any case; ``-group``: without a filter),
    else None (no comparison)."""
    if not code or not isinstance(code, str):
        return None
    if code.startswith(WITHOUT):
        return code.lower() if code[1:].lower() in DROPPABLE else None
    for candidate in (code, code.upper(), code.lower()):
        if candidate in choices():
            return candidate
    return None


def dropped(code: str) -> str | None:
    """The filter a "without" comparison drops (``-group`` → ``group``), else None."""
    return code[1:] if code.startswith(WITHOUT) else None


def regions_of(code: str) -> tuple[str, ...] | None:
    """The regions of a region or group choice; None for the whole movement or a "without"."""
    if code == WHOLE or dropped(code):
        return None
    group = region_groups().get(code)
    return group.regions if group else (code,)


def active(filters: Filters) -> list[str]:
    """The filters set in ``filters``, by the names of ``DROPPABLE`` (dates as one)."""
    return [name for name, fields in DROPPABLE.items() if any(getattr(filters, f) for f in fields)]


def without(filters: Filters, name: str) -> Filters:
    """``filters`` with one filter dropped (the group with its share, both dates at once)."""
    return replace(filters, **dict.fromkeys(DROPPABLE[name]))


def place_region(filters: Filters) -> str | None:
    """The region the selection lies in (its region, or its country's), if any."""
    if filters.country:
        country = reference().countries.get(filters.country)
        return country.region if country else filters.region
    return filters.region


def offered(filters: Filters) -> list[str]:
    """What the selection can be compared with: without each of its filters, then the whole
    movement, the groups of regions and the regions; never a choice with the selection's own
    filters or, known without a read, its own events (a region without the region that holds
    the selected country)."""
    codes = [without_code(n) for n in active(filters)]
    codes += choices()
    return [c for c in codes if not same_filters(filters, c)]


def same_filters(filters: Filters, code: str) -> bool:
    """Would the other side be the selection itself, whatever the data?"""
    others = comparison_filters(filters, code)
    if others == [filters]:
        return True
    name = dropped(code)
    # A country lies in one region: dropping the region keeps the same events.
    return (
        name == "region"
        and filters.country is not None
        and place_region(filters) == (filters.region)
    )


def nested(filters: Filters, code: str) -> bool:
    """Does one side hold every event of the other? Then as many events on each side means
    the same events. Only two different places are apart."""
    regions = regions_of(code)
    if regions is None:
        return True  # without a filter, or the whole movement: a superset
    place = place_region(filters)
    return place is None or place in regions


@dataclass(frozen=True)
class Side:
    """One side of a comparison: its events and, per initiative, the events that ranked it."""

    events: int
    ranked: dict[str, int]

    def share(self, code: str) -> float:
        return self.ranked.get(code, 0) / self.events if self.events else 0.0


def side(summaries: list[Summary]) -> Side:
    """The sum of the summaries of disjoint sets of events (regions do not overlap)."""
    ranked: dict[str, int] = {}
    for summary in summaries:
        for priority in summary.priorities:
            ranked[priority.code] = ranked.get(priority.code, 0) + priority.mentions
    return Side(sum(s.events for s in summaries), ranked)


def comparison_filters(filters: Filters, code: str) -> list[Filters]:
    """The other side's filters, one Filters per set of events it sums: the selection without
    one filter; the selection's, with its place replaced by ``code``'s regions (one per region);
    or no filter at all (the whole movement)."""
    if code == WHOLE:
        return [Filters()]
    name = dropped(code)
    if name:
        return [without(filters, name)]
    placeless = replace(filters, region=None, country=None)
    return [replace(placeless, region=region) for region in regions_of(code)]


@dataclass(frozen=True)
class Row:
    code: str
    ours: float
    theirs: float

    @property
    def difference(self) -> float:
        return self.ours - self.theirs


def differences(ours: Side, theirs: Side, top: int = TOP) -> list[Row]:
    """The ``top`` initiatives whose shares differ most (either way), the selection's largest
    lead first; empty when either side has no events."""
    if not ours.events or not theirs.events:
        return []
    rows = [
        Row(code, ours.share(code), theirs.share(code))
        for code in reference().initiatives
        if code in ours.ranked or code in theirs.ranked
    ]
    rows.sort(key=lambda r: (-abs(r.difference), r.code))
    return sorted(rows[:top], key=lambda r: (-r.difference, r.code))


def compare(db: Database, filters: Filters, code: str, version: int) -> tuple[Side, Side]:
    """Both sides for the current filters and a choice, from the version-keyed cache."""
    _v, selected = cached_summary(db, filters, version)
    others = [cached_summary(db, f, version)[1] for f in comparison_filters(filters, code)]
    return side([selected]), side(others)


SAME, FEW = "same", "few"  # why there is nothing to compare


def problem(filters: Filters, code: str, ours: Side, theirs: Side) -> str | None:
    """``SAME`` when the other side is the selection itself (the same filters, or one side
    holding the other with as many events); ``FEW`` when a side has fewer than ``MIN_EVENTS``;
    None when the two can be compared."""
    if same_filters(filters, code):
        return SAME
    if ours.events and nested(filters, code) and ours.events == theirs.events:
        return SAME
    if min(ours.events, theirs.events) < MIN_EVENTS:
        return FEW
    return None
