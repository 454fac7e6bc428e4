"""Scale-out for real: two gunicorn instances (2 workers each) on one PostgreSQL database and one
Redis. A report posted to one is seen through the other within a poll; the other's cached
summary moves on with the data version; the submission rate limit is one budget for both."""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
import uuid
from contextlib import ExitStack

import pytest
import redis

from bench.served import gunicorn
from tests.conftest import throwaway_pg

pytestmark = pytest.mark.postgres

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
POLL = 2.0  # seconds: the dashboard's poll interval, the bound for "seen elsewhere"
LIMIT = 5


@pytest.fixture
def shared_pg():
    with throwaway_pg("priorities_scale") as url:
        yield url


@pytest.fixture
def prefix():
    """A namespace of this run's own in Redis, emptied afterwards."""
    name = f"scale-{uuid.uuid4().hex[:8]}:"
    yield name
    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{name}*"))
    if keys:
        client.delete(*keys)
    client.close()


def get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=10) as response:
        return json.loads(response.read())


def post(base: str, body: dict) -> int:
    request = urllib.request.Request(
        base + "/api/v1/reports",
        json.dumps(body).encode(),
        {"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def within(seconds: float, check) -> float:
    """Seconds until ``check()`` held; fails after ``seconds``."""
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, "not visible within one poll"
        time.sleep(0.05)
    return time.monotonic() - started


def test_two_instances_share_data_cache_and_limits(shared_pg, prefix, report):
    env = {
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "RATELIMIT_ENABLED": "1",
        "SUBMIT_RATE_LIMIT": f"{LIMIT} per minute",
        "AUTO_PUBLISH": "1",
        "VERSION_MAX_AGE": "1",
    }
    with ExitStack() as stack:  # both stopped (terminate, then kill) whatever happens
        a, _ = stack.enter_context(gunicorn(shared_pg, extra_env=env))
        b, _ = stack.enter_context(gunicorn(shared_pg, extra_env=env))

        # B answers (and caches) the empty summary at version 0.
        assert get(b, "/api/v1/summary")["events"] == 0
        version = get(b, "/api/v1/version")["version"]

        # A report to A: B's version and B's cached summary move on within one poll.
        assert post(a, report(event_name="Salon posted to A")) == 201
        within(POLL, lambda: get(b, "/api/v1/version")["version"] > version)
        within(POLL, lambda: get(b, "/api/v1/summary")["events"] == 1)
        assert get(a, "/api/v1/summary") == get(b, "/api/v1/summary")

        # Again the other way round, with the summary asked first on the reader.
        cached = get(a, "/api/v1/summary")
        assert post(b, report(event_name="Salon posted to B")) == 201
        within(POLL, lambda: get(a, "/api/v1/summary")["events"] == cached["events"] + 1)

        # One budget of LIMIT submissions per address across both instances (two used above).
        # Each another event: a second report of one event waits for review (a likely copy).
        statuses = [post(base, report(event_name=f"Salon {n}")) for n, base in enumerate((a, b, a))]
        assert statuses == [201, 201, 201]
        assert post(b, report(event_name="Salon refused by B")) == 429
        assert post(a, report(event_name="Salon refused by A")) == 429
        assert get(b, "/api/v1/summary")["events"] == LIMIT
