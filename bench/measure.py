"""In-process timings: the dashboard callback, the raw SQL alone, the pandas peer, the poll and
the full export, against one dataset on one backend."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable

from sqlalchemy import select

from app import create_app
from bench.peer import dashboard_numbers
from components.filters import NAMES, filter_id
from dashboard.home.callbacks import update_dashboard
from data.aggregates.insights import insights, insights_raw
from data.aggregates.queries import Filters
from data.cache import cache
from data.db import EXTENSION_KEY
from data.support.accounts import User, create_user

FILTER_IDS = [filter_id(n) for n in NAMES]
# Unfiltered, one filter, and a combination of three (the dashboard's worst everyday case).
VIEWS = {
    "all": {},
    "region=SA": {"region": "SA"},
    "region+theme+group": {"region": "SA", "theme": "education", "group": "newcomers"},
}
# The full export's formats and their rows in the table.
EXPORTS = {"csv": "csv zip", "xlsx": "xlsx", "json": "json"}
BENCH_USER = "bench@example.org"
BENCH_PASSWORD = "bench password 2030"


def values(**chosen) -> list:
    return [chosen.get(n, "any" if n == "share" else None) for n in NAMES]


def as_filters(chosen: dict) -> Filters:
    return Filters(**chosen)


def timed(fn: Callable[[], object], repeat: int, before: Callable[[], None] | None = None):
    """Median milliseconds of ``repeat`` calls (``before`` runs untimed ahead of each)."""
    samples = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def make_app(url: str):
    return create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": "bench",
            "TESTING": True,
            "RATELIMIT_ENABLED": False,
        }
    )


def measure(url: str, n: int, log=print) -> dict:
    """Every in-process row for one dataset: milliseconds (medians)."""
    app = make_app(url)
    server = app.server
    db = server.extensions[EXTENSION_KEY]
    cold_repeat = 2 if n >= 100_000 else 5
    warm_repeat = 10 if n >= 100_000 else 20
    out: dict[str, float | str] = {}
    try:
        with server.test_request_context("/_dash-update-component", method="POST"):
            for view, chosen in VIEWS.items():

                def callback(chosen=chosen):
                    return update_dashboard(
                        None, values(**chosen), "events", "country", "mentions", "en", FILTER_IDS
                    )

                callback()  # imports, first connection, plotly's validators
                out[f"dashboard cold {view}"] = timed(callback, cold_repeat, cache.clear)
                out[f"dashboard warm {view}"] = timed(callback, warm_repeat)

                def raw(chosen=chosen):
                    with db.session(readonly=True) as session:
                        return insights_raw(session, as_filters(chosen))

                def tables(chosen=chosen):
                    with db.session(readonly=True) as session:
                        return insights(session, as_filters(chosen))

                out[f"limit (SQL alone) {view}"] = timed(raw, cold_repeat)
                out[f"aggregate tables alone {view}"] = timed(tables, warm_repeat)
                peer_repeat = 1 if n >= 100_000 else 3
                out[f"peer (pandas) {view}"] = timed(
                    lambda chosen=chosen: dashboard_numbers(db.engine, as_filters(chosen)),
                    peer_repeat,
                )
                _check_peer(db, chosen)
                log(f"    {view}: done")
        client = server.test_client()
        client.get("/api/v1/version")
        out["poll GET /api/v1/version"] = timed(lambda: client.get("/api/v1/version"), 200)
        etag = client.get("/api/v1/version").headers["ETag"]
        answer = client.get("/api/v1/version", headers={"If-None-Match": etag})
        assert answer.status_code == 304, answer.status_code
        out["poll 304 (If-None-Match)"] = timed(
            lambda: client.get("/api/v1/version", headers={"If-None-Match": etag}), 200
        )
        for kind, label in EXPORTS.items():
            out[f"export (full, {label})"] = _export(server, db, kind)
    finally:
        db.engine.dispose()
    return out


def _check_peer(db, chosen: dict) -> None:
    """The peer must compute the same numbers, or the comparison means nothing."""
    peer = dashboard_numbers(db.engine, as_filters(chosen))
    with db.session(readonly=True) as session:
        ours = insights(session, as_filters(chosen))
        assert ours == insights_raw(session, as_filters(chosen)), "tables differ from a recount"
    assert peer["events"] == ours.summary.events, (peer["events"], ours.summary.events)
    assert peer["participants"] == ours.summary.participants
    assert peer["points"] == {p.code: round(p.points, 3) for p in ours.summary.priorities}
    assert peer["region_recommendation"] == {
        (c.row, c.column): c.value for c in ours.region_recommendation
    }
    assert peer["region_groups"] == {
        (c.row, c.column): (c.value, c.of, c.hidden) for c in ours.region_groups
    }


def _export(server, db, kind: str = "csv") -> float | str:
    """Milliseconds of the full export in one format (signed in as a reviewer), the whole body
    read, or "n/a" without the route."""
    if not any(rule.rule == "/api/v1/export" for rule in server.url_map.iter_rules()):
        return "n/a"
    with db.session() as session:
        if session.scalar(select(User.id).where(User.email == BENCH_USER)) is None:
            create_user(session, BENCH_USER, "Bench", "reviewer", BENCH_PASSWORD)
    client = server.test_client()
    page = client.get("/en/login").get_data(as_text=True)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    form = {"email": BENCH_USER, "password": BENCH_PASSWORD}
    if found:
        form["csrf_token"] = found.group(1)
    client.post("/en/login", data=form)

    def export():
        response = client.get(f"/api/v1/export?format={kind}")
        assert response.status_code == 200, response.status_code
        size = sum(len(chunk) for chunk in response.response)
        response.close()
        return size

    return timed(export, 1)
