"""Dates in SQL the same way on SQLite and PostgreSQL: SQLAlchemy stores SQLite dates as
'YYYY-MM-DD' and timestamps as 'YYYY-MM-DD HH:MM:SS.ffffff' text, PostgreSQL as DATE and
TIMESTAMP. Each function compiles to what its backend needs, so no row is converted in Python."""

from __future__ import annotations

from sqlalchemy import Date, Float, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


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


class day_number(FunctionElement):
    """A date as a count of days, so that two dates' distance is a subtraction on both
    backends (SQLite stores dates as 'YYYY-MM-DD' text)."""

    type = Float()
    inherit_cache = True


@compiles(day_number, "sqlite")
def _day_sqlite(element, compiler, **kw):
    (column,) = element.clauses
    return f"julianday({compiler.process(column, **kw)})"


@compiles(day_number, "postgresql")
def _day_postgresql(element, compiler, **kw):
    (column,) = element.clauses
    return f"(CAST({compiler.process(column, **kw)} AS DATE) - DATE '2000-01-01')"
