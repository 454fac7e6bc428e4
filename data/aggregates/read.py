"""The dashboard's aggregates read from the aggregate tables (``data.aggregates.tables``).

The unfiltered view and any one filter (a date range counts as one) read one facet's rows; a
date range sums the whole ISO weeks inside it and the days at its edges. Filters combined
compute the same rows from the raw rows of the matching reports (their ids found once, then one
GROUP BY per table over that set): the cost grows with the set (≈ 0.1–0.3 s for 1,000 of
100,000 reports, ≈ 1 s for 7,000). Either way the answer is built here by one code path and
equals the raw recount of ``data.aggregates.summary.summary`` /
``data.aggregates.insights.insights_raw``.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import (
    Integer,
    and_,
    any_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from data.aggregates.queries import (
    Cell,
    CoordinationTotal,
    CountryRow,
    Filters,
    GroupTotal,
    Insights,
    Priority,
    RecommendationTotal,
    RegionTotal,
    Summary,
    matching_reports,
    ranked_coordination,
    ranked_priorities,
)
from data.aggregates.recount import keys, recount, values
from data.aggregates.tables import (
    SHARES,
    AggCoordination,
    AggEvents,
    AggGroups,
    AggInitiatives,
    AggLanguages,
    AggPrioritized,
    AggRecommendations,
)
from data.reference import reference
from data.scoring import as_points

WEEK = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)


def facet_ranges(filters: Filters) -> list[tuple[str, str, str]] | None:
    """The (facet, first value, last value) ranges whose rows answer ``filters``; None when the
    filters combine (the tables hold one filter at a time)."""
    f = filters
    if f.group_share is not None and f.group_share not in SHARES:
        return None
    chosen = [
        ("region", f.region),
        ("country", f.country),
        ("format", f.format),
        ("theme", f.theme),
        ("language", f.language),
        ("group" if f.group_share is None else f"group{f.group_share}", f.group),
    ]
    chosen = [(facet, value) for facet, value in chosen if value]
    dated = f.date_from is not None or f.date_to is not None
    if len(chosen) + dated > 1:
        return None
    if chosen:
        return [(chosen[0][0], chosen[0][1], chosen[0][1])]
    if dated:
        return date_ranges(f.date_from or dt.date.min, f.date_to or dt.date.max)
    return [("all", "", "")]


def date_ranges(first: dt.date, last: dt.date) -> list[tuple[str, str, str]]:
    """Whole weeks from the ``week`` facet, the days at the edges from the ``day`` facet."""
    if first > last:
        return []
    monday = first + dt.timedelta(days=(7 - first.weekday()) % 7)  # the first whole week
    end = last - dt.timedelta(days=6)
    if end < monday:
        return [("day", first.isoformat(), last.isoformat())]
    final = end - dt.timedelta(days=end.weekday())  # Monday of the last whole week
    out = [("week", monday.isoformat(), final.isoformat())]
    if first < monday:
        out.append(("day", first.isoformat(), (monday - DAY).isoformat()))
    if final + WEEK <= last:
        out.append(("day", (final + WEEK).isoformat(), last.isoformat()))
    return out


class _Rows:
    """Rows of (key columns…, summed values…) per table, for one set of filters."""

    def __init__(self, session: Session, filters: Filters, raw: dict | None = None) -> None:
        self.session = session
        self.ranges = facet_ranges(filters) if raw is None else None
        self.raw = raw
        self.read: dict = {}
        if self.ranges is None and raw is None:
            # Combined filters: the same rows computed from the matching reports' own rows.
            ids = list(session.scalars(matching_reports(filters)))
            self.raw = _combined(session, ids)

    def __call__(self, table) -> list[tuple]:
        if table not in self.read:
            self.read[table] = self._fetch(table)
        return self.read[table]

    def _fetch(self, table) -> list[tuple]:
        if self.raw is not None:
            return self.raw[table]
        if not self.ranges:  # an empty date range
            return []
        t = table.__table__.c
        key = [t[k] for k in keys(table)]
        where = or_(*(and_(t.facet == f, t.value.between(lo, hi)) for f, lo, hi in self.ranges))
        q = select(*key, *(func.sum(t[v]) for v in values(table))).where(where).group_by(*key)
        return [tuple(row) for row in self.session.execute(q)]


def _combined(session: Session, ids: list[int], tables: tuple | None = None) -> dict:
    """Per table (or the ``tables`` given), rows of (keys…, values…) for the reports ``ids``
    (the ``all`` facet alone).

    The ids are found once and handed to the recount as one value (a PostgreSQL array, a JSON
    list on SQLite), so the filters are evaluated once rather than once per table."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # The default random_page_cost (4, for spinning disks) makes PostgreSQL scan whole child
        # tables rather than look up a few thousand ids by primary key (76 ms against 14 ms at
        # 100,000 reports); this transaction reads cached pages, so say so.
        session.execute(text("SET LOCAL random_page_cost = 1.1"))
        scope = bindparam("ids", ids, type_=postgresql.ARRAY(Integer))
        statements = recount(lambda r: r.id == any_(scope), dialect, ("all",))
    else:
        listed = select(literal_column("value")).select_from(
            func.json_each(bindparam("ids", json.dumps(ids)))
        )
        statements = recount(lambda r: r.id.in_(listed), dialect, ("all",))
    return {
        table: [tuple(row[2:]) for row in session.execute(statements[table][0])]
        for table in statements
        if tables is None or table in tables
    }


def _totals(rows, width: int) -> dict:
    """Rows summed by their first ``width`` columns (ints; a 1-column key is unwrapped)."""
    out: dict = {}
    for row in rows:
        key = row[0] if width == 1 else tuple(row[:width])
        now = out.get(key)
        if now is None:
            out[key] = list(row[width:])
        else:
            for index, value in enumerate(row[width:]):
                now[index] += value
    # The first value counts events; PostgreSQL sums BIGINTs as NUMERIC (Decimal).
    return {k: [int(v) for v in vs] for k, vs in out.items() if vs[0] > 0}


def _summary(rows: _Rows, events_rows: list[tuple]) -> Summary:
    by_region = _totals(((r[0], r[3], r[4], r[5]) for r in events_rows), 1)
    events = sum(v[0] for v in by_region.values())
    if not events:
        return Summary()
    participants = sum(v[1] for v in by_region.values())
    countries = _totals(((r[1], r[3]) for r in events_rows if r[1]), 1)
    groups = _totals(((r[1], *r[2:]) for r in rows(AggGroups)), 1)
    initiatives = _totals(rows(AggInitiatives), 2)
    per_code: dict[str, list[int]] = {}
    for (_region, code), (mentions, points, first, weighted) in initiatives.items():
        total = per_code.setdefault(code, [0, 0, 0, 0, 0])
        for index, value in enumerate((mentions, points, first, 1, weighted)):
            total[index] += value
    priorities = ranked_priorities(
        [
            Priority(
                code,
                m,
                as_points(p),
                f,
                regions,
                round(as_points(w) / participants, 4) if participants else 0.0,
            )
            for code, (m, p, f, regions, w) in per_code.items()
        ]
    )
    coordination: dict[str, list[int]] = {}
    for (_region, code), (n,) in _totals(rows(AggCoordination), 2).items():
        total = coordination.setdefault(code, [0, 0])
        total[0] += n
        total[1] += 1
    recommendations = _totals(rows(AggRecommendations), 1)
    number = {code: rec.number for code, rec in reference().recommendations.items()}
    return Summary(
        events,
        participants,
        len(countries),
        [
            GroupTotal(code, count, of, hidden)
            for code, (_n, count, of, hidden) in sorted(groups.items())
        ],
        priorities,
        # In the reference order (R1, R2 … R10), not as text sorts the codes (R1, R10, R2 …).
        [
            RecommendationTotal(c, m, as_points(p))
            for c, (m, p) in sorted(recommendations.items(), key=lambda kv: number[kv[0]])
        ],
        [RegionTotal(region, n, p) for region, (n, p, _lower) in sorted(by_region.items())],
        ranked_coordination(
            [CoordinationTotal(code, n, regions) for code, (n, regions) in coordination.items()]
        ),
        sum(v[2] for v in by_region.values()),
    )


def summary(session: Session, filters: Filters) -> Summary:
    rows = _Rows(session, filters)
    return _summary(rows, rows(AggEvents))


def insights(session: Session, filters: Filters, raw: dict | None = None) -> Insights:
    """The dashboard's aggregates; ``raw``: every table's rows already recounted (see
    ``data.aggregates.world``)."""
    rows = _Rows(session, filters, raw)
    events_rows = rows(AggEvents)
    base = _summary(rows, events_rows)
    if not base.events:
        return Insights(base)
    weeks = _totals(((r[2], r[3]) for r in events_rows), 1)
    prioritized = rows(AggPrioritized)
    groups = _totals(rows(AggGroups), 2)
    languages = _totals(rows(AggLanguages), 1)
    return Insights(
        base,
        _countries(events_rows, prioritized),
        region_cells(prioritized, base.by_region),
        [
            Cell(region, g, count, of, hidden)
            for (region, g), (_n, count, of, hidden) in sorted(groups.items())
        ],
        [(dt.date.fromisoformat(week), n) for week, (n,) in sorted(weeks.items())],
        sorted(((code, n) for code, (n,) in languages.items()), key=lambda x: (-x[1], x[0])),
    )


def region_cells(prioritized: list[tuple], by_region: list[RegionTotal]) -> list[Cell]:
    """Per region and recommendation: the events that prioritized it, of the region's events
    (the region heatmap, and the region map's most prioritized recommendation)."""
    region_events = {r.region: r.events for r in by_region}
    cells = _totals(((r[0], r[2], r[3]) for r in prioritized), 2)
    return [
        # A region whose reports all continue earlier ones has no events of its own.
        Cell(region, rec, n, max(n, region_events.get(region, 0)))
        for (region, rec), (n,) in sorted(cells.items())
    ]


def _countries(events_rows: list[tuple], prioritized: list[tuple]) -> list[CountryRow]:
    """Events, participants and the most prioritized recommendation of each country."""
    places = _totals(((r[1], r[3], r[4]) for r in events_rows if r[1]), 1)
    number = {code: rec.number for code, rec in reference().recommendations.items()}
    top: dict[str, tuple[int, str]] = {}
    for (country, rec), (n,) in _totals(((r[1], r[2], r[3]) for r in prioritized), 2).items():
        if not country:
            continue
        best = top.get(country)
        if best is None or (n, -number[rec]) > (best[0], -number[best[1]]):
            top[country] = (n, rec)
    return [CountryRow(c, n, p, top.get(c, (0, None))[1]) for c, (n, p) in sorted(places.items())]
