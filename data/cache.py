"""Aggregates memoized by (data version, filters): every worker and host sees one truth.

Flask-Caching's SimpleCache in a single process, Redis when ``REDIS_URL`` is set. A key holds
the data version, so a write anywhere makes every older entry unreachable; no invalidation
messages are needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask_caching import Cache
from sqlalchemy.orm import Session

from data.aggregates import insights as insights_module
from data.aggregates.queries import Filters, data_version
from data.db import Database

cache = Cache()
TIMEOUT = 600
T = TypeVar("T")


def cache_config(app_config: dict) -> dict:
    if app_config.get("REDIS_URL"):
        return {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": app_config["REDIS_URL"],
            "CACHE_KEY_PREFIX": app_config.get("CACHE_KEY_PREFIX", "priorities:"),
            "CACHE_DEFAULT_TIMEOUT": TIMEOUT,
        }
    return {"CACHE_TYPE": "SimpleCache", "CACHE_DEFAULT_TIMEOUT": TIMEOUT, "CACHE_THRESHOLD": 2000}


def current_version(db: Database) -> int:
    with db.session(readonly=True) as session:
        return data_version(session)[0]


def cached(key: str, build: Callable[[], T]) -> T:
    """``build()`` once per key (the key names the data version: nothing is ever invalidated)."""
    found = cache.get(key)
    if found is None:
        found = build()
        cache.set(key, found)
    return found


def memoized(
    db: Database, name: str, compute: Callable[[Session], T], version: int | None = None
) -> tuple[int, T]:
    """``compute(session)`` at the current data version, computed once per version and key."""
    if version is None:
        version = current_version(db)

    def build() -> T:
        with db.session(readonly=True) as session:
            return compute(session)

    return version, cached(f"{name}:{version}", build)


def cached_summary(db: Database, filters: Filters, version: int | None = None):
    return memoized(
        db, f"summary:{filters.key()}", lambda s: insights_module.summary(s, filters), version
    )


def cached_insights(db: Database, filters: Filters, version: int | None = None):
    return memoized(
        db, f"insights:{filters.key()}", lambda s: insights_module.insights(s, filters), version
    )


def cached_freshness(db: Database, version: int | None = None):
    return memoized(db, "freshness", insights_module.freshness, version)
