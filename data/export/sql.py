"""The full export's SQL: one query for the reports table and one per child table, each folding
a report's child rows into one row, all in report-id order (``data.export.rows`` merges them).

Text cells are prepared for their format here, in the database: ``plain`` (JSON) keeps text as
stored; ``spreadsheet`` (CSV, XLSX) gives formula-like text a leading apostrophe with a CASE on
the first character, so that no writer checks cells in Python. Dates become ISO text alike on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Integer,
    Text,
    case,
    cast,
    func,
    literal,
    null,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement

from data.models import (
    Report,
    ReportCoordination,
    ReportGroup,
    ReportInitiative,
    ReportLanguage,
    ReportRecommendation,
    ReportTheme,
)
from data.reference import reference
from data.sql_dates import iso_text

# Text a spreadsheet would evaluate as a formula (OWASP "CSV injection").
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = ";"


def base_columns() -> list[str]:
    # Every column of the reports table, so fields added later are exported too; secrets'
    # hashes (e.g. an edit-token hash) are never exported.
    return [c.key for c in Report.__table__.columns if not c.key.endswith("_hash")]


def plain(text):
    """JSON: text as stored."""
    return text


def spreadsheet(text):
    """CSV and XLSX: formula-like text gets a leading apostrophe."""
    return case((func.substr(text, 1, 1).in_(DANGEROUS), literal("'") + text), else_=text)


def base_query(text):
    """Every exported column of the reports table, in id order."""
    table = Report.__table__
    out = []
    for name in base_columns():
        column = table.c[name]
        if isinstance(column.type, Date | DateTime):
            out.append(iso_text(column))
        elif isinstance(column.type, Boolean):
            out.append(cast(column, Integer))
        elif isinstance(column.type, Integer):
            out.append(column)
        elif isinstance(column.type, JSON):
            out.append(text(cast(column, Text)))
        else:
            out.append(text(column))
    return select(*out).order_by(table.c.id)


def _per_report(table, values: list):
    """One row per report id, in id order (a scan of the report_id-first primary key)."""
    rid = table.c.report_id
    return select(rid, *values).group_by(rid).order_by(rid)


def _joined(model, column: str, ordered: bool, text):
    """One row per report: its codes, sorted and joined with ``;``."""
    table = model.__table__
    codes = func.aggregate_strings(table.c[column], SEPARATOR)
    if ordered:
        codes = codes.aggregate_order_by(table.c[column])
    # Without ORDER BY inside the aggregate (SQLite before 3.44), SQLite concatenates in the
    # order it scans: the (report_id, code) primary-key index, so codes come sorted.
    return _per_report(table, [text(codes)])


class choices_json(FunctionElement):
    """A report's chosen codes as one JSON array of objects ``{"position", "code", "rank",
    "why"}``, in ``position`` order (the order the report gave; ``rank`` null in an unranked
    set). SQLite before 3.44 cannot order inside the aggregate: there the objects come in the
    order SQLite scans the (report_id, code) primary key, and a reader sorts by ``position``.

    Arguments: position, code, rank, why. The text is JSON on both backends; only its spacing
    differs (PostgreSQL writes ``"key" : value``)."""

    type = Text()
    inherit_cache = True


class ordered_choices_json(choices_json):
    """``choices_json`` ordered inside the aggregate, for backends that can
    (``orders_inside_aggregates``)."""

    inherit_cache = True


def _parts(element, compiler, **kw):
    position, code, rank, why = element.clauses
    keys = (("position", position), ("code", code), ("rank", rank), ("why", why))
    pairs = ", ".join(f"'{k}', {compiler.process(v, **kw)}" for k, v in keys)
    # Ties in position (global coordination has none stored) fall back to the code.
    order = f" ORDER BY {compiler.process(position, **kw)}, {compiler.process(code, **kw)}"
    return pairs, (order if isinstance(element, ordered_choices_json) else "")


@compiles(choices_json, "sqlite")
def _choices_sqlite(element, compiler, **kw):
    pairs, order = _parts(element, compiler, **kw)
    return f"json_group_array(json_object({pairs}){order})"


@compiles(choices_json, "postgresql")
def _choices_postgresql(element, compiler, **kw):
    pairs, order = _parts(element, compiler, **kw)
    return f"CAST(json_agg(json_build_object({pairs}){order}) AS TEXT)"


def _chosen(model, ordered: bool):
    """One row per report: its choices as ``choices_json``. The cell is not passed through the
    format's ``text``: a JSON array starts with ``[``, never with a formula's first character."""
    t = model.__table__
    kind = ordered_choices_json if ordered else choices_json
    return _per_report(t, [kind(t.c.position, t.c.code, t.c.rank, t.c.why)])


def _coordination(ordered: bool):
    """One row per report: the initiatives named for global coordination with the event's
    reasons, as ``choices_json``. No order or rank is stored for them: ``position`` and
    ``rank`` are null and the objects come in code order."""
    t = ReportCoordination.__table__
    none = cast(null(), Integer)
    kind = ordered_choices_json if ordered else choices_json
    return _per_report(t, [kind(none, t.c.initiative_code, none, t.c.why)])


def _counts():
    """One row per report: the count of each participant group, as columns."""
    table = ReportGroup.__table__
    counts = [func.max(case((table.c.group_code == g, table.c.count))) for g in reference().groups]
    return _per_report(table, counts)


def child_queries(ordered: bool, text) -> list:
    """The child tables' folded queries, in the order of their columns in the export."""
    return [
        _joined(ReportLanguage, "language_code", ordered, text),
        _joined(ReportTheme, "theme_code", ordered, text),
        _counts(),
        _chosen(ReportRecommendation, ordered),
        _chosen(ReportInitiative, ordered),
        _coordination(ordered),
    ]


def orders_inside_aggregates(dialect) -> bool:
    """Whether ``aggregate_strings(...).aggregate_order_by(...)`` compiles on this backend."""
    if dialect.name != "sqlite":
        return True
    return dialect.dbapi.sqlite_version_info >= (3, 44)
