"""Headless Chromium (Debian's) through pytest-playwright, and the app served live."""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from intake.cli.commands import load_demo
from scripts.live import CHROMIUM, CHROMIUM_ARGS, serve
from tests.conftest import make_app


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Never `playwright install`: use the system Chromium with the flags this machine needs.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="module")
def live_url(tmp_path_factory):
    """The app on a SQLite file with 60 demo reports, served for one test module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('live')}/live.db"
    upgrade(url)
    app = make_app(url)
    load_demo(app.server.extensions[EXTENSION_KEY], n=60, seed=3)
    with serve(app.server) as url:
        app.server.config["PUBLIC_URL"] = url  # links in answers lead back to this server
        yield url
    app.server.extensions[EXTENSION_KEY].engine.dispose()


DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str | None, int | None]:
    """Scheme, host and port (the scheme's default when none is written), compared exactly:
    a prefix test would let http://127.0.0.1:80 match http://127.0.0.1:8050.evil."""
    parts = urlsplit(url)
    try:
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # not a number ("8050.evil"): the whole host part, matching no origin
        return parts.scheme, parts.netloc, None
    return parts.scheme, parts.hostname, port


class Watch:
    """Console errors, page errors, failed requests and every requested URL of a page.

    ``allow_failed``: parts of the URLs whose failure the test causes on purpose (a route it
    aborts); any other failed request is an error, as Chromium's console message alone may not
    say which request it was."""

    def __init__(self, page, base: str, allow_failed: Iterable[str] = ()):
        self.origin = origin(base)
        self.allow_failed = tuple(allow_failed)
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", self._failed)

    def _failed(self, request) -> None:
        # ERR_ABORTED is a cancellation (a navigation or a reload cutting a poll short), not a
        # failure of the app; the console would show a real one too.
        if request.failure == "net::ERR_ABORTED":
            return
        if not any(part in request.url for part in self.allow_failed):
            self.errors.append(f"failed: {request.method} {request.url} ({request.failure})")

    def assert_clean(self):
        assert self.errors == []
        foreign = [u for u in self.requests if not self._same_origin(u)]
        assert foreign == []

    def _same_origin(self, url: str) -> bool:
        if url.startswith("data:"):
            return True
        if url.startswith("blob:"):  # blob:http://host:port/uuid, made by the page itself
            url = url[len("blob:") :]
        return origin(url) == self.origin


@pytest.fixture
def watch():
    return Watch


def field(page: Page, name: str, kind: str = "form-field"):
    """The report form's input for ``name`` (dict IDs become JSON DOM ids); ``kind``: another
    form's field type (the announce form's ``event-field``)."""
    dom_id = json.dumps({"name": name, "type": kind}, separators=(",", ":"))
    return page.locator(f"[id='{dom_id}']")


def choose(page: Page, name: str, search: str, kind: str = "form-field"):
    """Pick an option of a dcc.Dropdown by searching for it, as a person does."""
    box = page.get_by_role("searchbox", name="Search")
    for attempt in range(3):
        field(page, name, kind).click()
        # Type only once the menu's search box has the focus (earlier keys would be lost). A
        # click that lands while the page moves the focus (to the first error, after a
        # refused submit) can leave the menu closed: then click again.
        try:
            expect(box).to_be_focused(timeout=3000)
            break
        except AssertionError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    page.keyboard.type(search, delay=20)
    page.get_by_role("option").first.click()
    page.keyboard.press("Escape")
