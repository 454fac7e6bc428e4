"""The aggregate tables' rows recounted in SQL from the raw rows (``data.aggregates.tables``).

One ``SELECT … GROUP BY`` per table and facet kind, each a join of the report rows with at most
one child table, so both backends plan it as a scan and a hash or index join: ``rebuild`` and
``verify`` (``data.aggregates.keep``) use them over every published report, and the dashboard
(``data.aggregates.read``) over the reports matching combined filters (the ``all`` kind alone).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlalchemy import ColumnElement, case, func, literal_column, select, union
from sqlalchemy.orm import aliased

from data import privacy
from data.aggregates.tables import (
    FACETS,
    AggCoordination,
    AggEvents,
    AggGroups,
    AggInitiatives,
    AggLanguages,
    AggPrioritized,
    AggRecommendations,
)
from data.models import (
    Report,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
    Status,
)
from data.reference import reference

Scope = Callable[[type[Report]], ColumnElement[bool]]
ONE = literal_column("1")


def published(r=Report) -> ColumnElement[bool]:
    return r.status == Status.PUBLISHED


def day(column, dialect: str):
    """An event date as ``YYYY-MM-DD`` text."""
    return func.to_char(column, "YYYY-MM-DD") if dialect == "postgresql" else func.date(column)


def monday(column, dialect: str):
    """The Monday of a date's ISO week, as ``YYYY-MM-DD`` text."""
    if dialect == "postgresql":
        return func.to_char(func.date_trunc("week", column), "YYYY-MM-DD")
    return func.date(column, "weekday 0", "-6 days")  # the coming Sunday, then back to Monday


def keys(table) -> list[str]:
    """Key columns after (facet, value)."""
    return [c.name for c in table.__table__.primary_key.columns][2:]


def values(table) -> list[str]:
    return [c.name for c in table.__table__.columns if not c.primary_key]


def _facet(kind: str, dialect: str):
    """(value expression or None for the constant "", joins, conditions) of a facet kind."""
    r = Report
    if kind == "all":
        return None, [], []
    if kind in ("region", "format"):
        return getattr(r, kind), [], []
    if kind == "country":
        return r.country, [], [r.country.is_not(None)]
    if kind == "day":
        return day(r.event_date, dialect), [], []
    if kind == "week":
        return monday(r.event_date, dialect), [], []
    if kind == "theme":
        t = aliased(ReportTheme)
        return t.theme_code, [(t, t.report_id == r.id)], []
    if kind == "language":
        lang = aliased(ReportLanguage)
        return lang.language_code, [(lang, lang.report_id == r.id)], []
    g = aliased(ReportGroup)
    share = int(kind.removeprefix("group") or 0)
    wanted = g.count >= max(privacy.THRESHOLD, 1)  # data.privacy.countable, in SQL
    if share:
        # NULL (no share) when the total is unknown or a lower bound: never in a share facet.
        wanted &= g.count * 100 >= share * privacy.share_total_sql(r)
    return g.group_code, [(g, g.report_id == r.id)], [wanted]


def _tables(scope: Scope, dialect: str, recommendation_of: Mapping[str, str]) -> dict:
    """Per table: (the FROM, key expressions, expressions to sum) over the reports in scope;
    ``recommendation_of`` gives each initiative's recommendation."""
    r, i, rec = Report, ReportInitiative, ReportRecommendation
    country = func.coalesce(r.country, "")
    total = func.coalesce(r.participants_total, 0)
    # A report that continues an earlier one adds no event and no participants
    # (data.aggregates.tables).
    own = case((r.continues.is_(None), 1), else_=0)
    c = ReportCoordination
    rec_of = case(dict(recommendation_of), value=i.code)
    mine = select(r.id).where(scope(r))
    # An event prioritized a recommendation when it chose it or one of its initiatives.
    pairs = union(
        select(rec.report_id, rec.code.label("rec")).where(rec.report_id.in_(mine)),
        select(i.report_id, rec_of.label("rec")).where(i.report_id.in_(mine)),
    ).subquery("pairs")
    return {
        AggEvents: (
            r.__table__,
            [r.region, country, monday(r.event_date, dialect)],
            [own, own * total, own * privacy.lower_bound_sql(r)],
        ),
        AggInitiatives: (
            i.__table__.join(r, r.id == i.report_id),
            [r.region, i.code],
            [ONE, i.points, case((i.rank == 1, 1), else_=0), i.points * total * own],
        ),
        AggRecommendations: (
            rec.__table__.join(r, r.id == rec.report_id),
            [rec.code],
            [ONE, rec.points],
        ),
        AggPrioritized: (
            pairs.join(r, r.id == pairs.c.report_id),
            [r.region, country, pairs.c.rec],
            [ONE],
        ),
        AggGroups: (
            ReportGroup.__table__.join(r, r.id == ReportGroup.report_id),
            [r.region, ReportGroup.group_code],
            [
                ONE,
                privacy.public_count_sql(ReportGroup.count),
                total,
                privacy.hidden_sql(ReportGroup.count),
            ],
        ),
        AggLanguages: (
            ReportLanguage.__table__.join(r, r.id == ReportLanguage.report_id),
            [ReportLanguage.language_code],
            [ONE],
        ),
        AggCoordination: (
            c.__table__.join(r, r.id == c.report_id),
            [r.region, c.initiative_code],
            [ONE],
        ),
    }


def recount(
    scope: Scope,
    dialect: str,
    kinds: tuple[str, ...] = FACETS,
    recommendation_of: Mapping[str, str] | None = None,
) -> dict:
    """Per table, a list of SELECTs (one per facet kind) of rows shaped like the table's:
    facet, value, keys…, sums…, for the reports that ``scope(Report)`` admits. Initiatives count
    for the recommendation ``recommendation_of`` gives them, by default the current reference's
    (an initiative list being loaded passes its own)."""
    if recommendation_of is None:
        recommendation_of = reference().recommendation_of()
    out = {}
    for table, (source, key, summed) in _tables(scope, dialect, recommendation_of).items():
        names = keys(table)
        statements = []
        for kind in kinds:
            value, joins, conditions = _facet(kind, dialect)
            joined = source
            for target, onclause in joins:
                joined = joined.join(target, onclause)
            statements.append(
                select(
                    literal_column(f"'{kind}'").label("facet"),
                    (value if value is not None else literal_column("''")).label("value"),
                    *(k.label(n) for k, n in zip(key, names, strict=True)),
                    *(func.sum(s).label(v) for s, v in zip(summed, values(table), strict=True)),
                )
                .select_from(joined)
                .where(scope(Report), *conditions)
                .group_by(*([value] if value is not None else []), *key)
            )
        out[table] = statements
    return out
