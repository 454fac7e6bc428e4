"""Engine and sessions.

SQLite is the default (one file, WAL mode) and PostgreSQL the scale-out store; the code
is the same for both. On SQLite every transaction starts with ``BEGIN IMMEDIATE`` so that a
read followed by a write (the data-version bump, the idempotency check) is one atomic unit
across gunicorn workers; without it pysqlite's deferred transactions silently lose updates.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

EXTENSION_KEY = "priorities_db"
READONLY = "priorities_readonly"

# What an unreachable database raises (refused or dropped connections, an exhausted pool): the
# forms and the API answer it as "try again later", never as a crash.
UNAVAILABLE = (OperationalError, InterfaceError, PoolTimeout)


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine for ``url`` with the settings this app relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(url, **kwargs)

    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    kwargs.setdefault("connect_args", {"timeout": 30})
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_conn, _record):
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _sqlite_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if _wants_write(conn) else "BEGIN")

    return engine


def _wants_write(conn) -> bool:
    # Read-only sessions (the dashboard's queries) must not queue behind writers.
    return not conn.get_execution_options().get(READONLY, False)


class Database:
    """Flask extension holding the engine and the session factory."""

    def __init__(self) -> None:
        self.engine: Engine | None = None
        self.sessions: sessionmaker[Session] | None = None
        self.read_sessions: sessionmaker[Session] | None = None

    def init_app(self, app) -> None:
        self.bind(make_engine(app.config["DATABASE_URL"]))
        app.extensions[EXTENSION_KEY] = self

    def bind(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        self.read_sessions = sessionmaker(
            engine.execution_options(**{READONLY: True}), expire_on_commit=False
        )

    @contextmanager
    def session(self, readonly: bool = False) -> Iterator[Session]:
        """A short session; commits on success, rolls back on error."""
        assert self.sessions is not None, "Database.init_app() was not called"
        factory = self.read_sessions if readonly else self.sessions
        with factory() as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
