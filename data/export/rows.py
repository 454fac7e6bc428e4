"""Every report as one flat row, private fields included, for the support team's full export.

The database does the per-report work (``data.export.sql``): each child table folded to one row
per report, dates as ISO text, text prepared for the format. Each query is one scan in
report-id order, and Python merges their cursors by id (one SQL query joining them was slower
on SQLite, which materializes and indexes each folded subquery first). Rows are plain tuples in
``columns()`` order, read a batch at a time, so memory stays flat at any size.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from sqlalchemy import Boolean, Integer

from data.db import READONLY
from data.export.sql import (
    base_columns,
    base_query,
    child_queries,
    orders_inside_aggregates,
    plain,
)
from data.models import Report
from data.reference import reference

BATCH = 2000
TEXT, NUMBER, BOOLEAN = "text", "number", "boolean"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # TEXT, NUMBER or BOOLEAN: how a writer types the cell


def _kind(sql_type) -> str:
    if isinstance(sql_type, Boolean):
        return BOOLEAN
    if isinstance(sql_type, Integer):
        return NUMBER
    return TEXT  # strings, and dates as ISO text


def layout() -> list[Column]:
    """The export's columns, in order, each with the kind of value it holds."""
    table = Report.__table__
    groups = reference().groups
    return [
        *(Column(name, _kind(table.c[name].type)) for name in base_columns()),
        Column("languages", TEXT),
        Column("themes", TEXT),
        *(Column(f"group_{g}", NUMBER) for g in groups),
        # JSON arrays of {"position", "code", "rank", "why"} (data.export.sql.choices_json).
        Column("recommendations", TEXT),
        Column("priorities", TEXT),
        Column("global_coordination", TEXT),
    ]


def columns() -> list[str]:
    return [c.name for c in layout()]


class _Folded:
    """A child query's rows (one per report, in report-id order), taken a batch at a time."""

    def __init__(self, cursor, width: int, fetch: int):
        self.cursor, self.fetch = cursor, fetch
        self.blank = (None,) * width
        self.rows: list[tuple] = []
        self.done = False

    def upto(self, last: int) -> dict[int, tuple]:
        """The rows of reports up to id ``last``, by report id."""
        while not self.done and (not self.rows or self.rows[-1][0] <= last):
            more = self.cursor.fetchmany(self.fetch)
            self.done = not more
            self.rows.extend(more)
        cut = bisect_right(self.rows, last, key=itemgetter(0))
        taken, self.rows = self.rows[:cut], self.rows[cut:]
        return {row[0]: row[1:] for row in taken}


def _cursor(conn, query, name: str):
    """A DBAPI cursor over ``query``: plain tuples, no per-row work in SQLAlchemy (a third of
    the time otherwise); server-side on PostgreSQL so that rows stream. Every value bound in
    these queries is a constant of ``data.export.sql`` or of the reference data, so it is
    rendered inline and one SQL text serves every driver's parameter style."""
    sql = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
    raw = conn.connection.driver_connection
    cursor = raw.cursor(name=name) if conn.dialect.name == "postgresql" else raw.cursor()
    cursor.execute(sql)
    return cursor


def report_batches(engine, text=plain, batch: int = BATCH) -> Iterator[list[tuple]]:
    """Every report as a tuple in ``columns()`` order, ``batch`` at a time.

    ``text`` prepares every text cell in SQL for its format (``plain`` or ``spreadsheet``). All
    queries run in one read transaction (REPEATABLE READ on PostgreSQL) so that they see the
    same reports.
    """
    options: dict = {READONLY: True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as conn, conn.begin():
        queries = child_queries(orders_inside_aggregates(conn.dialect), text)
        reports = _cursor(conn, base_query(text), "export_reports")
        children = [
            _Folded(_cursor(conn, q, f"export_{n}"), len(q.selected_columns) - 1, batch)
            for n, q in enumerate(queries)
        ]
        try:
            while part := reports.fetchmany(batch):
                found = [(child.upto(part[-1][0]), child.blank) for child in children]
                out = []
                for row in part:
                    rid = row[0]
                    for rows, blank in found:
                        row += rows.get(rid, blank)
                    out.append(row)
                yield out
        finally:
            for cursor in (reports, *(child.cursor for child in children)):
                cursor.close()
