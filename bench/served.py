"""The app under gunicorn (2 workers, loopback only): intake throughput and first-page weight."""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, func, select

from data.demo.reports import generate
from data.models import Report

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(
    database_url: str, workers: int = 2, extra_env: dict | None = None, args: tuple = ()
) -> Iterator[tuple[str, subprocess.Popen]]:
    """``gunicorn app:server`` on a free loopback port, stopped on exit; yields (base, process)."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-gunicorn-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "bench",
            "DEMO_DATA": "0",
            "RATELIMIT_ENABLED": "0",
            "PYTHONPATH": str(ROOT),
            **(extra_env or {}),
        }
        command = [
            GUNICORN,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--control-socket",
            f"{tmp}/gunicorn.ctl",
            "--log-level",
            "warning",
            *args,
            "app:server",
        ]
        with open(f"{tmp}/err", "w") as errors:
            process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors
            )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_ready(base, process, Path(f"{tmp}/err"))
            yield base, process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_ready(base: str, process: subprocess.Popen, errors: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {errors.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/api/v1/version", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer in time")


def post_json(base: str, path: str, body: dict, timeout: float = 30) -> tuple[int, dict, float]:
    """(status, JSON answer, seconds) of one POST on a fresh connection."""
    host, port = base.removeprefix("http://").split(":")
    data = json.dumps(body).encode()
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, int(port), timeout=timeout)
    try:
        conn.request("POST", path, data, {"Content-Type": "application/json"})
        response = conn.getresponse()
        raw = response.read()
        status = response.status
    finally:
        conn.close()
    elapsed = time.perf_counter() - started
    try:
        answer = json.loads(raw)
    except ValueError:
        answer = {}
    return status, answer, elapsed


def intake(base: str, database_url: str, reports: int = 1000, clients: int = 8) -> dict:
    """Post ``reports`` reports from ``clients`` threads; reports/s, latency, nothing lost."""
    payloads = generate(reports, seed=int(time.time()))

    def send(payload):
        try:
            return post_json(base, "/api/v1/reports", payload)
        except OSError as exc:
            return 0, {"error": str(exc)}, float("nan")

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        answers = list(pool.map(send, payloads))
    elapsed = time.perf_counter() - started
    latencies = sorted(a[2] * 1000 for a in answers if a[0] in (200, 201))
    created = sum(1 for a in answers if a[0] == 201)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        stored = conn.scalar(
            select(func.count())
            .select_from(Report)
            .where(Report.client_id.in_([p["client_id"] for p in payloads]))
        )
    engine.dispose()
    from bench.measure import percentile

    return {
        "reports": reports,
        "clients": clients,
        "per_second": reports / elapsed,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
        "created": created,
        "stored": stored,
        "errors": sum(1 for a in answers if a[0] not in (200, 201)),
        "lost": reports - stored,
    }


ASSET = re.compile(r'<(?:script[^>]+src|link[^>]+href)="([^"]+)"')
ENCODINGS = {"Accept-Encoding": "gzip, br"}


def _wire_bytes(url: str) -> tuple[int, int, str, int]:
    """(bytes on the wire, bytes decoded, content encoding, bytes if pre-compressed with brotli
    at quality 11, as a proxy's brotli_static would serve them) of one GET with compression."""
    import gzip

    import brotli

    request = urllib.request.Request(url, headers=ENCODINGS)
    with urllib.request.urlopen(request, timeout=60) as response:
        body = response.read()
        encoding = response.headers.get("Content-Encoding", "identity")
    plain = body
    if encoding == "gzip":
        plain = gzip.decompress(body)
    elif encoding == "br":
        plain = brotli.decompress(body)
    best = len(body) if ".woff2" in url else min(len(body), len(brotli.compress(plain, quality=11)))
    return len(body), len(plain), encoding, best


# Loaded later by the browser (seen in headless Chromium's network log): Dash's async chunks for
# dropdowns and graphs, plotly.js itself (at dcc's URL, the partial bundle: see
# components/compression.py), the map's topojson and the icon font.
LAZY = (
    "/_dash-component-suites/dash/dcc/async-dropdown.js",
    "/_dash-component-suites/dash/dcc/async-graph.js",
    "/_dash-component-suites/plotly/package_data/plotly.min.js",
    "/assets/vendor/topojson/world_110m.json",
)
FONT = re.compile(r'url\("?(fonts/[^")?]+\.woff2[^")]*)"?\)')


def first_page(base: str, lang: str = "en") -> dict:
    """Bytes on the wire of ``/<lang>/``, every script and stylesheet it names, the layout and
    the dependencies (what the HTML asks for), then the chunks loaded lazily, each fetched once
    with ``Accept-Encoding: gzip, br``. The first callbacks' answers (about 20 KB) are left out."""
    request = urllib.request.Request(f"{base}/{lang}/", headers=ENCODINGS)
    with urllib.request.urlopen(request, timeout=30) as response:
        html_wire = len(response.read())
    plain = urllib.request.urlopen(f"{base}/{lang}/", timeout=30).read().decode()
    urls = [u for u in ASSET.findall(plain) if u.startswith("/")]
    urls += ["/_dash-layout", "/_dash-dependencies"]
    rows = [(f"/{lang}/", html_wire, len(plain), "?", html_wire)]
    for path in dict.fromkeys(urls):
        rows.append((path, *_wire_bytes(base + path)))
    eager = sum(r[1] for r in rows)
    lazy = list(LAZY)
    for path in urls:
        if "bootstrap-icons" in path and path.endswith(".css"):
            css = urllib.request.urlopen(base + path, timeout=30).read().decode()
            folder = path.rsplit("/", 1)[0]
            lazy += [f"{folder}/{font}" for font in FONT.findall(css)[:1]]
    for path in lazy:
        rows.append((path, *_wire_bytes(base + path)))
    return {
        "requests": len(rows),
        "html_scripts_styles_bytes": eager,
        "wire_bytes": sum(r[1] for r in rows),
        "decoded_bytes": sum(r[2] for r in rows),
        "precompressed_bytes": sum(r[4] for r in rows),
        "uncompressed": [r[0] for r in rows if r[3] == "identity" and r[1] > 10_000],
        "largest": [r[:4] for r in sorted(rows, key=lambda r: -r[1])[:6]],
    }
