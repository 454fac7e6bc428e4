"""How long an open dashboard takes to show a new report, in headless Chromium.

A report is posted to the API (auto-published, so the data version moves); the clock starts
when the dashboard's poll receives ``/api/v1/version`` with the new version and stops when
``#dash-events`` shows the new count (a MutationObserver in the page). Both times come from the
browser's clock: Playwright's request timing and ``performance.timeOrigin + now()``."""

from __future__ import annotations

import json
import statistics
import time
import urllib.request

from bench.served import post_json
from dashboard.home import ids
from data.demo.reports import generate
from scripts.live import CHROMIUM, CHROMIUM_ARGS

VERSION = "/api/v1/version"
# Each takes the id of the count. OBSERVE records, in epoch milliseconds, its first change after
# ARM; READY is true once the first render has filled it.
OBSERVE = """(id) => {
    const el = document.getElementById(id);
    window.__redraw = {before: el.textContent, at: null};
    new MutationObserver(() => {
        if (window.__redraw.at === null && el.textContent !== window.__redraw.before) {
            window.__redraw.at = performance.timeOrigin + performance.now();
        }
    }).observe(el, {childList: true, characterData: true, subtree: true});
}"""
ARM = """(id) => {
    window.__redraw.before = document.getElementById(id).textContent;
    window.__redraw.at = null;
}"""
READY = """(id) => {
    const el = document.getElementById(id);
    return el !== null && el.textContent !== "" && el.textContent !== "\u2013";
}"""


def _version(response) -> int | None:
    try:
        return json.loads(response.body())["version"]
    except (ValueError, KeyError, TypeError):
        return None


def measure(base: str, runs: int = 7, lang: str = "en", timeout_ms: int = 30_000) -> dict:
    """Median, min and max milliseconds from the poll that sees a new version to the new count
    on screen, over ``runs`` reports posted one after another."""
    from playwright.sync_api import sync_playwright

    polls: list = []
    samples: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("requestfinished", lambda r: r.url.endswith(VERSION) and polls.append(r))
        page.goto(f"{base}/{lang}/")
        page.wait_for_function(READY, arg=ids.EVENTS, timeout=60_000)
        page.evaluate(OBSERVE, ids.EVENTS)
        for payload in generate(runs, seed=int(time.time())):
            page.evaluate(ARM, ids.EVENTS)
            polls.clear()
            status, _answer, _seconds = post_json(base, "/api/v1/reports", payload)
            if status != 201:
                raise RuntimeError(f"report not accepted: {status}")
            with urllib.request.urlopen(base + VERSION, timeout=10) as answer:
                wanted = json.load(answer)["version"]
            page.wait_for_function("() => window.__redraw.at !== null", timeout=timeout_ms)
            shown = page.evaluate("() => window.__redraw.at")
            seen = [
                r.timing["startTime"] + r.timing["responseEnd"]
                for r in list(polls)
                # -1: answered from the HTTP cache, which never carries a version just made.
                if r.timing["responseEnd"] >= 0 and _version(r.response()) == wanted
            ]
            samples.append(shown - min(seen))
        browser.close()
    return {
        "runs": runs,
        "median_ms": statistics.median(samples),
        "min_ms": min(samples),
        "max_ms": max(samples),
        "samples_ms": [round(s, 1) for s in samples],
    }
