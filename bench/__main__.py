"""``python -m bench [--sizes 1000,10000,100000] [--json FILE] [--no-load] [--load-seconds 60]``:
the table, then the load and fault run on SQLite and PostgreSQL."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import datasets, load, measure, redraw, served

BACKENDS = ("sqlite", "postgresql")
VIEWS = tuple(measure.VIEWS)


def machine() -> dict:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    ram = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    engine = create_engine(datasets.PG_ADMIN)
    with engine.connect() as conn:
        pg = conn.scalar(text("SHOW server_version"))
    engine.dispose()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram": ram,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": pg,
        "load_average_at_start": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def run(sizes: list[int], intake_reports: int) -> dict:
    results: dict = {"machine": machine(), "sizes": sizes, "cells": {}, "served": {}}
    for n in sizes:
        for backend in BACKENDS:
            print(f"{backend}, {n:,} reports", file=sys.stderr)
            url = datasets.dataset(backend, n)
            results["cells"][f"{backend}:{n}"] = measure.measure(
                url, n, log=lambda m: print(m, file=sys.stderr)
            )
    largest = max(sizes)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        for backend in BACKENDS:
            url, pg_copy = datasets.copy_of(backend, largest, tmp)
            try:
                print(f"gunicorn on {backend}, {largest:,} reports", file=sys.stderr)
                with served.gunicorn(url) as (base, _process):
                    results["served"][f"intake:{backend}"] = served.intake(
                        base, url, reports=intake_reports
                    )
                    if backend == "sqlite":
                        results["served"]["first_page"] = served.first_page(base)
                        results["served"]["redraw"] = redraw.measure(base)
            finally:
                if pg_copy:
                    datasets.drop_pg_database(pg_copy)
    results["machine"]["load_average_at_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return results


def _fmt(value) -> str:
    if value is None:
        return "·"
    if isinstance(value, str):
        return value
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def table(results: dict) -> str:
    columns = [f"{b}:{n}" for n in results["sizes"] for b in BACKENDS]
    heads = [
        f"{'SQLite' if b == 'sqlite' else 'PG'} {int(n):,}"
        for b, n in (c.split(":") for c in columns)
    ]
    cells = results["cells"]
    rows: list[tuple[str, list]] = []
    kinds = ("dashboard cold", "dashboard warm", "aggregate tables alone", "limit (SQL alone)")
    for kind in (*kinds, "peer (pandas)"):
        for view in VIEWS:
            key = f"{kind} {view}"
            rows.append((f"{key} (ms)", [cells[c].get(key) for c in columns]))
    for view in VIEWS:
        rows.append(
            (
                f"ratio ours cold / limit, {view}",
                [
                    cells[c][f"dashboard cold {view}"] / cells[c][f"limit (SQL alone) {view}"]
                    for c in columns
                ],
            )
        )
        rows.append(
            (
                f"ratio peer / ours cold, {view}",
                [
                    cells[c][f"peer (pandas) {view}"] / cells[c][f"dashboard cold {view}"]
                    for c in columns
                ],
            )
        )
    exports = [f"export (full, {label})" for label in measure.EXPORTS.values()]
    for key in ("poll GET /api/v1/version", "poll 304 (If-None-Match)", *exports):
        rows.append((f"{key} (ms)", [cells[c].get(key) for c in columns]))
    largest = max(results["sizes"])
    for backend in BACKENDS:
        got = results["served"].get(f"intake:{backend}")
        if not got:
            continue
        where = columns.index(f"{backend}:{largest}")
        for label, key in (
            ("reports/s", "per_second"),
            ("p50 ms", "p50"),
            ("p95 ms", "p95"),
            ("p99 ms", "p99"),
            ("lost", "lost"),
        ):
            row = [None] * len(columns)
            row[where] = got[key]
            rows.append((f"intake gunicorn 2 workers, {got['clients']} clients: {label}", row))
    page = results["served"].get("first_page")
    if page:
        where = columns.index(f"sqlite:{largest}")
        for label, key in (
            ("first page KB on the wire (gzip/br)", "wire_bytes"),
            ("  of which HTML + its scripts/styles", "html_scripts_styles_bytes"),
            ("  if pre-compressed (brotli 11)", "precompressed_bytes"),
            ("  uncompressed", "decoded_bytes"),
        ):
            row = [None] * len(columns)
            row[where] = page[key] / 1024
            rows.append((label, row))
    shown = results["served"].get("redraw")
    if shown:
        where = columns.index(f"sqlite:{largest}")
        for label, key in (
            (f"redraw in Chromium, poll to new count (ms, median of {shown['runs']})", "median_ms"),
            ("  fastest", "min_ms"),
            ("  slowest", "max_ms"),
        ):
            row = [None] * len(columns)
            row[where] = shown[key]
            rows.append((label, row))
    width = max(len(label) for label, _ in rows)
    lines = [
        f"{'':<{width}} | " + " | ".join(f"{h:>12}" for h in heads),
        f"{'-' * width}-|-" + "-|-".join("-" * 12 for _ in heads),
    ]
    for label, values in rows:
        lines.append(f"{label:<{width}} | " + " | ".join(f"{_fmt(v):>12}" for v in values))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--json", dest="json_file", type=Path)
    parser.add_argument("--intake", type=int, default=1000, help="reports posted to gunicorn")
    parser.add_argument("--no-load", action="store_true", help="skip the load and fault run")
    parser.add_argument("--load-seconds", type=float, default=60)  # the minute
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    started = time.monotonic()
    results = run(sizes, args.intake)
    print(table(results))
    print(json.dumps(results["machine"]))
    if not args.no_load:
        # Both backends: the fault run must hold on the scale-out storage too.
        results["load"] = [
            load.run(seconds=args.load_seconds, n=min(sizes), backend=backend)
            for backend in ("sqlite", "postgresql")
        ]
        for result in results["load"]:
            print(load.describe(result))
    results["seconds"] = round(time.monotonic() - started)
    if args.json_file:
        args.json_file.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
