"""Aggregates memoized by (data version, filters): every worker and host sees one truth.

Flask-Caching's SimpleCache in a single process, Redis when ``REDIS_URL`` is set. A key holds
the data version, so a write anywhere makes every older entry unreachable; no invalidation
messages are needed.
"""

from __future__ import annotations

from flask_caching import Cache

from data.db import Database
from data.queries import Filters, Summary, data_version, summary

cache = Cache()
TIMEOUT = 600


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


def cached_summary(
    db: Database, filters: Filters, version: int | None = None
) -> tuple[int, Summary]:
    """The published summary for ``filters`` at the current data version."""
    if version is None:
        version = current_version(db)
    key = f"summary:{version}:{filters.key()}"
    found = cache.get(key)
    if found is None:
        with db.session(readonly=True) as session:
            found = summary(session, filters)
        cache.set(key, found)
    return version, found
