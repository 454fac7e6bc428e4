"""The world map's data: the map ignores its own geographic filters (region, country) so that
another place can be picked on it, so a filtered dashboard needs a second, place-less answer.

With one filter left that answer is a facet's rows (``data.aggregates.read``). With combined
filters it is a recount over the matching reports, and the costly part: ``world`` recounts two
of the six tables (events, and prioritized recommendations: what the map shows), and
``insights_with_world`` answers a view and its map in one pass: the place-less reports are found
once, the view's reports are those of them in the place, and the view's events and prioritized
rows are the map's rows of that place (those tables are keyed by region and country).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from data.aggregates.queries import Filters, Insights, RegionTotal, Summary, matching_reports
from data.aggregates.read import (
    _combined,
    _countries,
    _totals,
    facet_ranges,
    insights,
    region_cells,
)
from data.aggregates.tables import (
    AggCoordination,
    AggEvents,
    AggGroups,
    AggInitiatives,
    AggLanguages,
    AggPrioritized,
    AggRecommendations,
)
from data.models import Report

MAP_TABLES = (AggEvents, AggPrioritized)
OTHER_TABLES = (AggInitiatives, AggRecommendations, AggGroups, AggLanguages, AggCoordination)


def unplaced(filters: Filters) -> Filters:
    return Filters(**{**filters.__dict__, "region": None, "country": None})


def world(session: Session, filters: Filters) -> Insights:
    """What the world map shows (events, participants and the top recommendation per country;
    events, participants and the recommendation counts by region) for filters that name no
    place. The other fields stay empty."""
    if facet_ranges(filters) is not None:
        data = insights(session, filters)
        return Insights(data.summary, data.countries, data.region_recommendation)
    ids = list(session.scalars(matching_reports(filters)))
    return _map(_combined(session, ids, MAP_TABLES))


def _map(raw: dict) -> Insights:
    events_rows = raw[AggEvents]
    by_region = _totals(((r[0], r[3], r[4]) for r in events_rows), 1)
    events = sum(v[0] for v in by_region.values())
    if not events:
        return Insights(Summary())
    countries = _countries(events_rows, raw[AggPrioritized])
    base = Summary(
        events=events,
        participants=sum(v[1] for v in by_region.values()),
        countries=len(countries),
        by_region=[RegionTotal(region, n, p) for region, (n, p) in sorted(by_region.items())],
    )
    # The region view's most prioritized recommendation reads the region cells.
    return Insights(base, countries, region_cells(raw[AggPrioritized], base.by_region))


def insights_with_world(session: Session, filters: Filters) -> tuple[Insights, Insights]:
    """``insights(filters)`` and ``world(unplaced(filters))``, for filters that name a place and
    combine at least two others (both answers are recounts)."""
    region, country = filters.region, filters.country

    def here(place_region: str | None, place_country: str | None) -> bool:
        return (not region or place_region == region) and (
            not country or (place_country or "") == country
        )

    found = session.execute(
        matching_reports(unplaced(filters)).add_columns(Report.region, Report.country)
    ).all()
    world_raw = _combined(session, [row[0] for row in found], MAP_TABLES)
    raw = _combined(session, [row[0] for row in found if here(row[1], row[2])], OTHER_TABLES)
    for table in MAP_TABLES:  # keys begin with region, country
        raw[table] = [row for row in world_raw[table] if here(row[0], row[1])]
    return insights(session, filters, raw), _map(world_raw)
