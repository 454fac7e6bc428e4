"""Rate limits shared by every worker: in memory by default, in Redis when REDIS_URL is set."""

from __future__ import annotations

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def limiter_config(app_config: dict) -> dict:
    redis = app_config.get("REDIS_URL")
    return {
        "RATELIMIT_STORAGE_URI": redis or "memory://",
        "RATELIMIT_KEY_PREFIX": app_config.get("CACHE_KEY_PREFIX", "priorities:") + "limits",
        "RATELIMIT_HEADERS_ENABLED": True,
    }
