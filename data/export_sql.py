"""The full export's SQL: one query for the reports table and one per child table, each folding
a report's child rows into one row, all in report-id order (``data.export_rows`` merges them).

Text cells are prepared for their format here, in the database: ``plain`` (JSON) keeps text as
stored; ``spreadsheet`` (CSV, XLSX) gives formula-like text a leading apostrophe with a CASE on
the first character, so that no writer checks cells in Python. Dates become ISO text alike on
SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Date, DateTime, Integer, String, case, cast, func, literal, select
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
from data.queries import INITIATIVE_SLOTS, RECOMMENDATION_SLOTS
from data.reference import reference

# Text a spreadsheet would evaluate as a formula (OWASP "CSV injection").
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = ";"


def base_columns() -> list[str]:
    # Every column of the reports table, so fields added later are exported too; secrets'
    # hashes (e.g. an edit-token hash) are never exported.
    return [c.key for c in Report.__table__.columns if not c.key.endswith("_hash")]


class iso_text(FunctionElement):
    """A date or timestamp as ISO 8601 text (``YYYY-MM-DD``, ``YYYY-MM-DDTHH:MM:SS.ffffff``),
    the same on every backend, so no row needs converting in Python."""

    type = String()
    inherit_cache = True


@compiles(iso_text, "sqlite")
def _iso_sqlite(element, compiler, **kw):
    # SQLAlchemy stores SQLite dates as 'YYYY-MM-DD' and timestamps as
    # 'YYYY-MM-DD HH:MM:SS.ffffff' text.
    (column,) = element.clauses
    return f"replace({compiler.process(column, **kw)}, ' ', 'T')"


@compiles(iso_text, "postgresql")
def _iso_postgresql(element, compiler, **kw):
    (column,) = element.clauses
    pattern = "YYYY-MM-DD" if isinstance(column.type, Date) else 'YYYY-MM-DD"T"HH24:MI:SS.US'
    return f"to_char({compiler.process(column, **kw)}, '{pattern}')"


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


def _ranked(model, slots: int, text):
    """One row per report: the code and reason at each rank, as columns."""
    table = model.__table__
    picked = []
    for n in range(1, slots + 1):
        for name in ("code", "why"):
            value = func.max(case((table.c.rank == n, table.c[name])))
            picked.append(text(value))
    return _per_report(table, picked)


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
        _ranked(ReportInitiative, INITIATIVE_SLOTS, text),
        _ranked(ReportRecommendation, RECOMMENDATION_SLOTS, text),
        _joined(ReportCoordination, "initiative_code", ordered, text),
    ]


def orders_inside_aggregates(dialect) -> bool:
    """Whether ``aggregate_strings(...).aggregate_order_by(...)`` compiles on this backend."""
    if dialect.name != "sqlite":
        return True
    return dialect.dbapi.sqlite_version_info >= (3, 44)
