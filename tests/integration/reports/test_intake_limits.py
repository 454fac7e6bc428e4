"""Rate limits in production shapes: behind a reverse proxy (TRUSTED_PROXIES), with Redis
unreachable (the in-memory fallback), and the ``/`` redirect that caches must key by language."""

from __future__ import annotations

import pytest

from data.db import EXTENSION_KEY
from data.limits import limiter
from tests.conftest import make_app

CLOSED_REDIS = "redis://127.0.0.1:6399/0"  # nothing listens there


@pytest.fixture
def build(sqlite_url):
    made = []

    def build(**config):
        app = make_app(sqlite_url, **config)
        made.append(app)
        return app.server.test_client()

    yield build
    for app in made:
        app.server.extensions[EXTENSION_KEY].engine.dispose()
    # Flask-Limiter's one limiter outlives each app: the next app starts with storage alive.
    limiter._storage_dead = False


def _post(client, report, address):
    return client.post(
        "/api/v1/reports", json=report(), headers={"X-Forwarded-For": address}
    ).status_code


def test_behind_a_trusted_proxy_each_client_has_its_own_budget(build, report):
    client = build(TRUSTED_PROXIES=1, SUBMIT_RATE_LIMIT="2 per minute")
    assert [_post(client, report, "203.0.113.7") for _ in range(3)] == [201, 201, 429]
    assert _post(client, report, "198.51.100.4") == 201  # another person behind the proxy
    # The address the proxy saw wins; what the client itself claimed before it does not.
    assert _post(client, report, "10.9.9.9, 203.0.113.7") == 429


def test_without_trusted_proxies_forwarded_addresses_are_ignored(build, report):
    client = build(SUBMIT_RATE_LIMIT="2 per minute")
    # Forging X-Forwarded-For buys no fresh budget: the connection's address counts.
    codes = [_post(client, report, f"203.0.113.{n}") for n in range(3)]
    assert codes == [201, 201, 429]


def test_redis_down_still_stores_reports_and_still_limits_them(build, report):
    client = build(REDIS_URL=CLOSED_REDIS, SUBMIT_RATE_LIMIT="2 per minute")
    first = client.post("/api/v1/reports", json=report())
    assert first.status_code == 201, first.get_data(as_text=True)
    # Another event (a repeated one would wait for review: data.publishing).
    assert client.post("/api/v1/reports", json=report(event_name="Salon 2")).status_code == 201
    # Counted in this worker's memory meanwhile: the limit still holds.
    assert client.post("/api/v1/reports", json=report(event_name="Salon 3")).status_code == 429
    assert client.get("/api/v1/reports").get_json()["total"] == 2


def test_root_redirect_varies_by_language_and_cookie(client):
    response = client.get("/", headers={"Accept-Language": "fr"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/fr/")
    vary = {v.strip() for v in response.headers["Vary"].split(",")}
    assert {"Accept-Language", "Cookie"} <= vary
