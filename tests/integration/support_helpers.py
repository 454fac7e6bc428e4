"""Shared by the support-team tests: signing out through the form, and empty rate limits."""

from __future__ import annotations

import re

import pytest

from data.limits import limiter


def csrf_token(client, lang: str = "en") -> str:
    page = client.get(f"/{lang}/login").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def sign_out(client, lang: str = "en"):
    """Sign out as the page's button does: a POST with the session's CSRF token."""
    return client.post(f"/{lang}/logout", data={"csrf_token": csrf_token(client, lang)})


def _reset(request) -> None:
    for name in ("app", "sqlite_app"):
        if name in request.fixturenames:
            with request.getfixturevalue(name).server.app_context():
                limiter.reset()


@pytest.fixture
def clear_limits(request):
    """Rate-limit counters live in the database, and the PostgreSQL test database keeps its
    rows from one test to the next: each test starts and ends with none."""
    _reset(request)
    yield
    _reset(request)
    limiter._storage_dead = False  # one limiter outlives each app
