"""Rate-limit counters in the app's database: the ``limits`` storage behind ``database://``.

Without Redis, ``memory://`` would count in each gunicorn worker on its own, so N workers would
allow N times every limit. Counters kept here are shared by every worker and every host using
the database. Each hit is one upsert statement (atomic on SQLite and PostgreSQL alike); only the
fixed-window strategy is supported, Flask-Limiter's default.

The storage reads the engine of the app serving the request (``current_app``), so one storage
object serves whichever app the shared limiter is bound to.
"""

from __future__ import annotations

import hashlib
import time

from limits.storage import Storage
from sqlalchemy import Float, Integer, String, case, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from data.db import READONLY, current_db
from data.models import Base

SCHEME = "database"
SWEEP_EVERY = 200  # expired counters are deleted every this many hits of a worker


class RateLimitCounter(Base):
    __tablename__ = "rate_limits"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[float] = mapped_column(Float)  # seconds since the epoch


def _key(key: str) -> str:
    # Flask-Limiter's keys name the address, the route and the limit; long ones are hashed.
    return key if len(key) <= 255 else "sha256:" + hashlib.sha256(key.encode()).hexdigest()


class DatabaseStorage(Storage):
    STORAGE_SCHEME = SCHEME

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._hits = 0

    @property
    def base_exceptions(self) -> type[Exception]:
        return SQLAlchemyError

    @staticmethod
    def _engine(readonly: bool = False):
        engine = current_db().engine
        # Reads must not queue behind SQLite's writers (data.db: BEGIN IMMEDIATE otherwise).
        return engine.execution_options(**{READONLY: True}) if readonly else engine

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        engine = self._engine()
        now = time.time()
        table = RateLimitCounter.__table__
        dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
        expired = table.c.expires_at <= now
        statement = (
            dialect.insert(table)
            .values(key=_key(key), hits=amount, expires_at=now + expiry)
            .on_conflict_do_update(
                index_elements=[table.c.key],
                set_={
                    "hits": case((expired, amount), else_=table.c.hits + amount),
                    "expires_at": case((expired, now + expiry), else_=table.c.expires_at),
                },
            )
            .returning(table.c.hits)
        )
        with engine.begin() as conn:
            hits = conn.execute(statement).scalar_one()
            self._hits += 1
            if self._hits % SWEEP_EVERY == 0:
                conn.execute(delete(table).where(expired))
        return hits

    def _row(self, key: str):
        table = RateLimitCounter.__table__
        query = select(table.c.hits, table.c.expires_at).where(
            table.c.key == _key(key), table.c.expires_at > time.time()
        )
        with self._engine(readonly=True).connect() as conn:
            return conn.execute(query).first()

    def get(self, key: str) -> int:
        row = self._row(key)
        return row.hits if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._row(key)
        return row.expires_at if row else time.time()

    def check(self) -> bool:
        try:
            with self._engine(readonly=True).connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        with self._engine().begin() as conn:
            return conn.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key: str) -> None:
        table = RateLimitCounter.__table__
        with self._engine().begin() as conn:
            conn.execute(delete(table).where(table.c.key == _key(key)))
