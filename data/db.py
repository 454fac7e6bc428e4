"""Engine and sessions.

SQLite is the default (one file, WAL mode) and PostgreSQL the scale-out store; the code
is the same for both. On SQLite every transaction starts with ``BEGIN IMMEDIATE`` so that a
read followed by a write (the data-version bump, the idempotency check) is one atomic unit
across gunicorn workers; without it pysqlite's deferred transactions silently lose updates.

The SQLite file is created readable by its owner only (0600; SQLite gives its -wal and -shm
files the same mode). A file removed or replaced under the running app is noticed (see
``_watch_file``): nothing is written to, nor acknowledged from, a file no longer at the path.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from flask import current_app
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
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

    on_disk = parsed.database and parsed.database != ":memory:"
    if on_disk:
        Path(parsed.database).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    kwargs.setdefault("connect_args", {"timeout": 30})
    engine = create_engine(url, **kwargs)
    if on_disk and not parsed.database.startswith("file:"):
        _watch_file(engine, os.path.abspath(parsed.database))

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


class FileChanged(sqlite3.OperationalError):
    """The database file was removed or replaced while the app had it open."""


FILE_KEY = "priorities_file"  # connection info: (device, inode) of the file it opened
# One read-only descriptor per database file opened in this process, never closed: while it is
# held, no new file can get the old one's inode number, so (device, inode) names one file (a
# removed file's number is reused at once otherwise). Never closed, because closing any
# descriptor of a file drops every POSIX lock the process holds on it, SQLite's included.
_PINNED: dict[tuple[int, int], int] = {}


def _file_id(path: str) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def _pin(path: str) -> tuple[int, int] | None:
    """The identity of the file at ``path``, held open so that it stays unique."""
    identity = _file_id(path)
    if identity is None or identity in _PINNED:
        return identity
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    found = os.fstat(fd)
    identity = (found.st_dev, found.st_ino)
    # Two threads opening at once may both pin: the spare stays open too (see above).
    _PINNED.setdefault(identity, fd)
    return identity


def _watch_file(engine: Engine, path: str) -> None:
    """Never write to, nor acknowledge a row in, a SQLite file that is no longer at ``path``.

    A connection keeps the file it opened: removed or replaced (a restore, ``rm``) under the
    running app, the workers would go on writing into the unlinked file and answer 201 for rows
    nobody will read again. So the file's identity (device, inode) is compared with the path's
    when a connection is checked out and again just before a write commits. On a change the
    transaction fails as an unavailable database (the API answers 503 with Retry-After, the
    form says "try again"; a retry with the same client_id is stored once), this process's
    connections are closed, and it answers so until it is restarted.

    Why not reopen the new file: SQLite does not checkpoint a moved file when it closes, so the
    old file's -wal stays at the path, and SQLite would read its pages as the new file's
    (probed: a report of the old file showed up in the new one). Restoring is therefore: stop
    the app, put the file in place and remove its -wal and -shm (or put the restored file's own),
    start the app. A removed file is never recreated empty either.
    """
    opened: dict[str, tuple[int, int] | None] = {"file": None}

    @event.listens_for(engine, "do_connect")
    def _create_or_refuse(_dialect, _record, _cargs, _cparams):
        found = _file_id(path)
        if opened["file"] is not None and found != opened["file"]:
            raise FileChanged(f"{path} was removed or replaced: restart the app (see data/db.py)")
        if found is None:
            # A new database: readable by this user only (SQLite would create it 0644).
            with suppress(FileExistsError):
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        return None

    @event.listens_for(engine, "connect")
    def _remember_file(_dbapi_conn, record):
        record.info[FILE_KEY] = _pin(path)
        if opened["file"] is None:
            opened["file"] = record.info[FILE_KEY]

    @event.listens_for(engine, "checkout")
    def _same_file_on_checkout(_dbapi_conn, record, _proxy):
        if record.info.get(FILE_KEY) != _file_id(path):
            log.error("the database file %s was removed or replaced; restart the app", path)
            engine.dispose()  # every idle connection of this process to the old file
            raise FileChanged(f"{path} was removed or replaced: restart the app (see data/db.py)")

    @event.listens_for(engine, "commit")
    def _same_file_on_commit(conn):
        if _wants_write(conn) and conn.connection.info.get(FILE_KEY) != _file_id(path):
            conn.invalidate()  # the transaction is rolled back with the connection
            raise OperationalError(
                "COMMIT", None, FileChanged(f"{path} was removed or replaced during a write")
            )


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


def current_db() -> Database:
    """The database bound to the app serving this request or command (``Database.init_app``):
    the one accessor every page, callback, API route and command uses."""
    return current_app.extensions[EXTENSION_KEY]
