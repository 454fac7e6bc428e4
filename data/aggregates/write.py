"""Writing rows into the aggregate tables (``data.aggregates.tables``): ``INSERT … ON CONFLICT DO
UPDATE SET n = n + excluded.n`` (SQLite ≥ 3.24, PostgreSQL), in one fixed order that every writer
follows. ``data.aggregates.keep`` works out the rows; writers ``prepare`` them (pure Python, before
their transaction when they can) and ``apply`` them last, just before the data-version bump and
the commit.
"""

from __future__ import annotations

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from data.aggregates.recount import keys, values
from data.aggregates.tables import TABLES

_UPSERTS: dict = {}


def _upsert(dialect: str, table):
    """``INSERT … ON CONFLICT (key) DO UPDATE SET n = n + excluded.n``, built once. On
    PostgreSQL the rows travel as one array per column (``unnest``): one statement and one round
    trip for a few hundred rows; SQLite, in process, takes them as an executemany."""
    if (dialect, table) not in _UPSERTS:
        t = table.__table__
        stmt = (postgresql if dialect == "postgresql" else sqlite).insert(t)
        if dialect == "postgresql":
            arrays = [
                func.unnest(bindparam(c.name, type_=postgresql.ARRAY(c.type))).label(c.name)
                for c in t.columns
            ]
            stmt = stmt.from_select([c.name for c in t.columns], select(*arrays))
        _UPSERTS[dialect, table] = stmt.on_conflict_do_update(
            index_elements=[c.name for c in t.primary_key.columns],
            set_={v: t.c[v] + stmt.excluded[v] for v in values(table)},
        )
    return _UPSERTS[dialect, table]


def _sqlite_sql(table) -> tuple[str, list[str]]:
    """SQLite's upsert as SQL text and its parameters' order: the driver's own executemany of
    plain tuples, without SQLAlchemy's processing of every row's parameters (it cost more than
    SQLite's work on the few hundred rows)."""
    if ("sql", table) not in _UPSERTS:
        compiled = _upsert("sqlite", table).compile(dialect=sqlite.dialect())
        _UPSERTS["sql", table] = (str(compiled), list(compiled.positiontup or []))
    return _UPSERTS["sql", table]


def prepare(found: dict, dialect: str) -> list:
    """The upserts' (table, parameters) for ``found`` (``contributions``' shape), in one fixed
    order that every writer follows, so two writers never deadlock: on PostgreSQL first every
    table's rows but the ``all`` facet's, then every table's ``all`` rows (touched by every
    report: the row locks that make concurrent writers wait, so taken last, just before the
    data version and the commit); each table's rows sorted by key. SQLite locks the whole
    database for a writer anyway: one pass. Pure Python, so a writer can build it before its
    transaction."""
    phases = [lambda key: key[0] != "all", lambda key: key[0] == "all"]
    if dialect != "postgresql":
        phases = [lambda key: True]
    return [
        (table, _params(table, found[table], dialect, wanted))
        for wanted in phases
        for table in TABLES
        if any(wanted(key) for key in found[table])
    ]


def _params(table, rows: dict, dialect: str, wanted) -> dict | list:
    """One upsert's parameters: the rows of ``rows`` whose key is ``wanted``, sorted by key."""
    names = ["facet", "value", *keys(table), *values(table)]
    ordered = [(*key, *rows[key]) for key in sorted(rows) if wanted(key)]
    if dialect == "postgresql":
        columns = zip(*ordered, strict=True)
        return {name: list(c) for name, c in zip(names, columns, strict=True)}
    where = [names.index(name) for name in _sqlite_sql(table)[1]]
    return [tuple(row[i] for i in where) for row in ordered]


def apply(session: Session, found: dict | list) -> None:
    """Upsert ``found`` (``contributions``' shape, or already ``prepare``d). Writers call it
    last, just before ``data.version.bump_version`` and the commit: every report updates a
    few hot
    rows (the ``all`` facet's), and concurrent writers wait on them until this one commits."""
    connection = session.connection()  # Core: the ORM's bulk path costs more than the SQL
    dialect = connection.dialect.name
    for table, params in found if isinstance(found, list) else prepare(found, dialect):
        if dialect == "postgresql":
            connection.execute(_upsert(dialect, table), params)
        else:
            connection.exec_driver_sql(_sqlite_sql(table)[0], params)
