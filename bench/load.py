"""Load and faults against gunicorn (2 workers, loopback only), bounded in time.

N submitters post fresh reports back to back; M dashboard pollers ask ``/api/v1/version``
every ~2 s (conditionally, as a browser with an ETag does) and ``/api/v1/summary`` when it
moved. Halfway through, one worker gets ``kill -9``. Afterwards every report that got a 2xx
must be stored exactly once under the id it was given; submissions cut off by the kill are sent
again with the same ``client_id`` (what a client does) and must not make a second row.

``python -m bench.load [--seconds 60] [--submitters 50] [--pollers 200] [--backend postgresql]``
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import signal
import tempfile
import threading
import time
from collections import defaultdict

from sqlalchemy import create_engine, func, select

from bench import datasets, served
from bench.measure import percentile
from data.demo.reports import generate
from data.models import Report

POLL_SECONDS = 2.0


def _get(base: str, path: str, headers: dict | None = None) -> tuple[int, str]:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status, response.headers.get("ETag", "")
    finally:
        conn.close()


def _fresh_reports():
    """Reports with fresh client ids, made a thousand at a time as the submitters need them."""
    seed = int(time.time())
    while True:
        yield from generate(1000, seed=seed)
        seed += 1


def workers_of(master: int) -> list[int]:
    path = f"/proc/{master}/task/{master}/children"
    with open(path) as f:
        return [int(p) for p in f.read().split()]


def run(
    seconds: float = 20,
    submitters: int = 50,
    pollers: int = 200,
    backend: str = "sqlite",
    n: int = 1000,
    log=print,
) -> dict:
    samples: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    seen: dict[str, int] = {}  # client_id → id answered with a 2xx
    cut: list[dict] = []  # submissions with no answer (the killed worker's)
    lock = threading.Lock()
    stop = threading.Event()
    payloads = _fresh_reports()

    def note(kind: str, status: int, started: float) -> None:
        with lock:
            if 200 <= status < 400:
                samples[kind].append((time.perf_counter() - started) * 1000)
            else:
                errors[kind][str(status)] += 1

    def submitter(base: str) -> None:
        while not stop.is_set():
            with lock:
                payload = next(payloads, None)
            if payload is None:
                return
            started = time.perf_counter()
            try:
                status, answer, _ = served.post_json(base, "/api/v1/reports", payload)
            except OSError as exc:
                with lock:
                    errors["submit"][type(exc).__name__] += 1
                    cut.append(payload)
                continue
            note("submit", status, started)
            with lock:
                if status in (200, 201):
                    seen[payload["client_id"]] = answer["id"]
                else:  # a 5xx or 503 is retried later with the same client_id, as clients do
                    cut.append(payload)

    def poller(base: str) -> None:
        etag, rng = "", random.Random()
        time.sleep(rng.uniform(0, POLL_SECONDS))
        while not stop.is_set():
            started = time.perf_counter()
            try:
                status, tag = _get(base, "/api/v1/version", {"If-None-Match": etag} if etag else {})
                note("version", status, started)
                if status == 200:
                    etag = tag
                    started = time.perf_counter()
                    note("summary", _get(base, "/api/v1/summary")[0], started)
            except OSError as exc:
                with lock:
                    errors["version"][type(exc).__name__] += 1
            time.sleep(POLL_SECONDS * rng.uniform(0.8, 1.2))

    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        url, pg_copy = datasets.copy_of(backend, n, tmp)
        engine = create_engine(url)
        with engine.connect() as conn:
            first_id = conn.scalar(select(func.max(Report.id)))
        engine.dispose()
        try:
            with served.gunicorn(url) as (base, process):
                log(f"load: {submitters} submitters, {pollers} pollers, {seconds:.0f} s")
                threads = [
                    threading.Thread(target=submitter, args=(base,)) for _ in range(submitters)
                ] + [threading.Thread(target=poller, args=(base,)) for _ in range(pollers)]
                began = time.monotonic()
                for thread in threads:
                    thread.start()
                time.sleep(seconds / 2)
                victim = workers_of(process.pid)[0]
                os.kill(victim, signal.SIGKILL)
                killed_at = time.monotonic() - began
                time.sleep(seconds / 2)
                stop.set()
                for thread in threads:
                    thread.join(timeout=60)
                elapsed = time.monotonic() - began
                # What a client does when its answer never came: the same report again.
                retried = {}
                for payload in cut:
                    status, answer, _ = served.post_json(base, "/api/v1/reports", payload)
                    retried[payload["client_id"]] = (status, answer.get("id"))
            ours = list(seen) + list(retried)
            engine = create_engine(url)
            with engine.connect() as conn:
                rows = conn.execute(
                    select(Report.client_id, Report.id).where(Report.client_id.in_(ours))
                ).all()
                added = conn.scalar(select(func.count()).where(Report.id > first_id))
            engine.dispose()
        finally:
            if pg_copy:
                datasets.drop_pg_database(pg_copy)
    stored: dict[str, list[int]] = defaultdict(list)
    for client_id, rid in rows:
        stored[client_id].append(rid)
    missing = [c for c, rid in seen.items() if stored.get(c) != [rid]]
    twice = [c for c, ids in stored.items() if len(ids) > 1]
    retried_ok = sum(1 for s, _ in retried.values() if s in (200, 201))
    retried_stored_before = sum(1 for s, _ in retried.values() if s == 200)
    return {
        "backend": backend,
        "seconds": round(elapsed, 1),
        "submitters": submitters,
        "pollers": pollers,
        "killed_worker_at_s": round(killed_at, 1),
        "requests": {
            kind: {
                "ok": len(values),
                "per_second": round(len(values) / elapsed, 1),
                "p50": percentile(values, 50),
                "p95": percentile(values, 95),
                "p99": percentile(values, 99),
            }
            for kind, values in samples.items()
        },
        "errors": {kind: dict(found) for kind, found in errors.items()},
        "acknowledged": len(seen),
        "acknowledged_missing_or_wrong_id": len(missing),
        "stored_twice": len(twice),
        # Rows that appeared during the run against the reports clients know of: none extra.
        "rows_added": added,
        "distinct_reports_known": len(set(ours)),
        "cut_by_kill": len(cut),
        "cut_resent_ok": retried_ok,
        "cut_had_been_stored": retried_stored_before,
    }


def describe(result: dict) -> str:
    lines = [
        f"load on {result['backend']}: {result['submitters']} submitters + {result['pollers']} "
        f"pollers for {result['seconds']} s, one worker killed (-9) at "
        f"{result['killed_worker_at_s']} s"
    ]
    for kind, got in result["requests"].items():
        lines.append(
            f"  {kind:<8} {got['ok']:>6} ok ({got['per_second']}/s)  p50 {got['p50']:.0f} ms  "
            f"p95 {got['p95']:.0f} ms  p99 {got['p99']:.0f} ms  "
            f"errors {result['errors'].get(kind, {})}"
        )
    lines.append(
        f"  acknowledged {result['acknowledged']}: missing or wrong id "
        f"{result['acknowledged_missing_or_wrong_id']}, stored twice {result['stored_twice']}; "
        f"cut by the kill {result['cut_by_kill']} (resent ok {result['cut_resent_ok']}, "
        f"of which already stored {result['cut_had_been_stored']}); rows added "
        f"{result['rows_added']} = reports known to clients {result['distinct_reports_known']}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--submitters", type=int, default=50)
    parser.add_argument("--pollers", type=int, default=200)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--size", type=int, default=1000, help="dataset to start from")
    args = parser.parse_args(argv)
    result = run(args.seconds, args.submitters, args.pollers, args.backend, args.size)
    print(describe(result))
    bad = (
        result["acknowledged_missing_or_wrong_id"]
        or result["stored_twice"]
        or result["rows_added"] != result["distinct_reports_known"]
    )
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
