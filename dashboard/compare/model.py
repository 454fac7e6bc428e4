"""The comparison behind "How the selection differs": for each initiative, the share of events
that ranked it in the current selection and in another set of regions under the same other
filters (so "South Asia, many newcomers" meets "Europe, many newcomers").

Both sides are sums of the version-cached summaries (``data.cache.cached_summary``): a set of
regions is read region by region, since the aggregate readers filter by one region at a time.
Only shares leave this module, never a count of one event's people.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from flask_babel import gettext as _

from data import i18n
from data.aggregates.queries import Filters, Summary
from data.cache import cached_summary
from data.db import Database
from data.reference import read_rows, reference

WHOLE = "all"  # the whole movement: every region
TOP = 10  # the largest differences shown


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
    """What a selection can be compared with, in the order offered: the whole movement, the
    groups of regions, then each region."""
    return [WHOLE, *region_groups(), *reference().regions]


def valid(code: str | None) -> str | None:
    """``code`` if it is a choice (region codes in any case), else None (no comparison)."""
    if not code:
        return None
    for candidate in (code, code.upper(), code.lower()):
        if candidate in choices():
            return candidate
    return None


def regions_of(code: str) -> tuple[str, ...] | None:
    """The regions of a choice; None for the whole movement."""
    if code == WHOLE:
        return None
    group = region_groups().get(code)
    return group.regions if group else (code,)


def label(code: str, in_sentence: bool = False) -> str:
    """A choice in the viewer's language ("Europe", "South Asia", "the whole movement")."""
    if code == WHOLE:
        return _("the whole movement") if in_sentence else _("The whole movement")
    group = region_groups().get(code)
    return _(group.name) if group else i18n.region(code)


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
    """The other side's filters: the selection's, with its place replaced by ``code``'s
    regions (one Filters per region)."""
    placeless = replace(filters, region=None, country=None)
    regions = regions_of(code)
    if regions is None:
        return [placeless]
    return [replace(placeless, region=region) for region in regions]


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
