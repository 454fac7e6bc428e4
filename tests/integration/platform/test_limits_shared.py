"""Without Redis, rate limits are counted in the database: one budget for every gunicorn worker
(each builds its own storage from the same configuration), not one per worker."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from limits.storage import storage_from_string

from bench.served import gunicorn
from data.limits import limiter
from tests.integration.support_helpers import clear_limits  # noqa: F401

pytestmark = pytest.mark.usefixtures("clear_limits")


def test_another_worker_sees_the_same_counts(app, report):
    server = app.server
    server.config["SUBMIT_RATE_LIMIT"] = "3 per minute"
    client = server.test_client()
    assert [client.post("/api/v1/reports", json=report()).status_code for _ in range(2)] == [
        201,
        201,
    ]
    # What a second worker holds: a storage of its own, made from the same configuration.
    other = storage_from_string(server.config["RATELIMIT_STORAGE_URI"])
    with server.test_request_context():
        (key,) = _keys(server)  # LIMITER/<prefix>/<address>/report-submission/3/1/minute
        assert other.get(key) == 2
    assert client.post("/api/v1/reports", json=report()).status_code == 201
    assert client.post("/api/v1/reports", json=report()).status_code == 429


def _keys(server) -> list[str]:
    from sqlalchemy import text

    from data.db import EXTENSION_KEY

    with server.extensions[EXTENSION_KEY].engine.connect() as conn:
        return list(conn.execute(text("SELECT key FROM rate_limits")).scalars())


def test_a_window_ends_and_counts_start_again(app):
    storage = storage_from_string(app.server.config["RATELIMIT_STORAGE_URI"])
    with app.server.test_request_context():
        assert [storage.incr("k", 1) for _ in range(3)] == [1, 2, 3]
        assert storage.get("k") == 3 and storage.get_expiry("k") > time.time()
        assert storage.incr("x" * 400, 60) == 1  # long keys are hashed
        assert storage.get("x" * 400) == 1
        time.sleep(1.1)
        assert storage.get("k") == 0
        assert storage.incr("k", 1) == 1
        storage.clear("k")
        assert storage.get("k") == 0
        assert storage.check()
        limiter.reset()


def _post(base: str, body: dict) -> int:
    request = urllib.request.Request(
        base + "/api/v1/reports", json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_two_gunicorn_workers_share_one_budget(database_url, report):
    limit = 4
    env = {
        "REDIS_URL": "",
        "RATELIMIT_ENABLED": "1",
        "SUBMIT_RATE_LIMIT": f"{limit} per minute",
        "CACHE_KEY_PREFIX": f"shared-{uuid.uuid4().hex[:8]}:",
    }
    # Sent together, so that both workers answer some of them.
    with (
        gunicorn(database_url, workers=2, extra_env=env) as (base, _process),
        ThreadPoolExecutor(max_workers=6) as pool,
    ):
        codes = list(pool.map(lambda _: _post(base, report()), range(3 * limit)))
    assert sorted(codes) == [201] * limit + [429] * (2 * limit)
