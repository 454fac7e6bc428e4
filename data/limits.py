"""Rate limits shared by every worker: in the app's database by default (``data.limit_store``),
in Redis when REDIS_URL is set (with an in-memory fallback while Redis is unreachable). The
client address is the connection's, or the one a trusted proxy forwards (TRUSTED_PROXIES,
app.py)."""

from __future__ import annotations

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from data import limit_store

limiter = Limiter(key_func=get_remote_address, default_limits=[])


def limiter_config(app_config: dict) -> dict:
    redis = app_config.get("REDIS_URL")
    return {
        # Never memory:// in production: each gunicorn worker would count on its own.
        "RATELIMIT_STORAGE_URI": redis or f"{limit_store.SCHEME}://",
        "RATELIMIT_KEY_PREFIX": app_config.get("CACHE_KEY_PREFIX", "priorities:") + "limits",
        "RATELIMIT_HEADERS_ENABLED": True,
        # The store down must not turn a submission into a 500: count in this worker's memory
        # until it answers again (checked with a growing back-off), and should even that
        # fail, let the request through. Storing a report matters more than counting it.
        # Set for every app: Flask-Limiter keeps the first app's value of both.
        "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
        "RATELIMIT_SWALLOW_ERRORS": True,
    }


def submission_limit():
    """The one rate limit of report submissions per client address, shared by the report form,
    the event form and the API (as a decorator, or as a context manager): ``SUBMIT_RATE_LIMIT``."""
    return limiter.shared_limit(
        lambda: current_app.config["SUBMIT_RATE_LIMIT"], scope="report-submission"
    )


def contribution_limit():
    """Contributions per client address (form and API together): the reports' setting,
    ``SUBMIT_RATE_LIMIT``, counted apart from reports so one kind never blocks the other."""
    return limiter.shared_limit(
        lambda: current_app.config["SUBMIT_RATE_LIMIT"], scope="contribution-submission"
    )
