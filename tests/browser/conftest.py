"""Headless Chromium (Debian's) through pytest-playwright, and the app served live."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from intake.cli import load_demo
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
        yield url
    app.server.extensions[EXTENSION_KEY].engine.dispose()


class Watch:
    """Console errors and every requested URL of a page."""

    def __init__(self, page, base: str):
        self.base = base
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def assert_clean(self):
        assert self.errors == []
        foreign = [
            u for u in self.requests if not u.startswith(self.base) and not u.startswith("data:")
        ]
        assert foreign == []


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
    field(page, name, kind).click()
    # Type only once the menu's search box has the focus (earlier keys would be lost).
    expect(page.get_by_role("searchbox", name="Search")).to_be_focused()
    page.keyboard.type(search, delay=20)
    page.get_by_role("option").first.click()
    page.keyboard.press("Escape")
