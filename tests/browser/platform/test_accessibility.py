"""axe-core in Chromium on the pages people use: the dashboard at desktop and phone width, in
English and in Arabic (right to left), with every chart's data table opened; the report form,
the events list and one event's page, the contribution form, the sign-in page, and, signed in
as a reviewer, the review queue and one report's review page. Any violation fails, whatever its
impact (minor and moderate too); so does a missing axe-core (`make test` fetches it), since a
skipped check would pass unseen. No rule is turned off and no node is left out."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from data.db import EXTENSION_KEY
from data.events.model import Event
from data.migrate import upgrade
from data.models import Status
from data.reports.rows import build_report
from data.support.accounts import create_user
from intake.cli.commands import load_demo
from intake.cli.demo import load_extras
from intake.report.validation import validate
from scripts.live import serve
from tests.conftest import PASSWORD, REPORT, make_app

pytestmark = pytest.mark.browser
AXE = next(iter(sorted((Path(__file__).parents[1] / ".vendor").glob("axe-*.min.js"))), None)
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """60 published demo reports with the demo events and contributions, one pending report
    and a reviewer, served live for the module. Yields the base URL and the ids to visit."""
    url = f"sqlite:///{tmp_path_factory.mktemp('a11y')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    load_demo(db, n=60, seed=3)
    load_extras(db, n=60, seed=3)
    report, errors = validate({**REPORT, "client_id": "0b7a3f52-3c1d-4f4e-9d0a-5e2a8c6b1f17"})
    assert not errors
    with db.session() as session:
        row = build_report(report.model_dump(), status="pending", written_in="en")
        session.add(row)
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
        session.flush()
        pending = row.id
        # A published event still to come: its page shows everything (calendar links too).
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        event = session.scalar(
            select(Event.id)
            .where(Event.status == Status.PUBLISHED, Event.start_utc > now)
            .order_by(Event.start_utc)
        )
    assert event is not None, "the demo data holds no published upcoming event"
    with serve(app.server) as base:
        app.server.config["PUBLIC_URL"] = base
        yield base, {"event": event, "report": pending}
    db.engine.dispose()


@pytest.fixture(scope="module")
def reviewer(site, browser: Browser):
    """The cookies of a reviewer's session, signed in once for the module."""
    base, _ = site
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/en/login")
    page.get_by_label("Email").fill("rita@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("#login-submit").click()
    expect(page).to_have_url(f"{base}/en/review")
    state = context.storage_state()
    context.close()
    return state


def violations(page: Page) -> list[tuple]:
    assert AXE is not None, "axe-core is missing from tests/browser/.vendor (run `make test`)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_dashboard_with_its_tables_open_has_no_violation(page: Page, site, lang, width):
    base, _ = site
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{base}/{lang}/")
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)
    page.evaluate(OPEN_ALL)
    # A chart's table may be sent only once its <details> opens (``data-sync-open``, see
    # components/charts.chart_card): wait until each one is drawn.
    empty = page.locator("details[data-sync-open][open] [role=region]:not(:has(table))")
    expect(empty).to_have_count(0, timeout=20000)
    expect(page.locator("details[open] table").first).to_be_visible()
    if width == 375:
        # The check means something only if a table is wider than the phone and scrolls.
        scrolling = page.evaluate(
            """() => [...document.querySelectorAll('[role=region]')]
                .filter(e => e.scrollWidth > e.clientWidth).length"""
        )
        assert scrolling > 0
    assert violations(page) == []


# name: (path, a selector that shows the page is drawn with its data, signed in as a reviewer)
PAGES = {
    "report form": ("/en/report", "#report-submit", False),
    "events list": ("/en/events", "#events-list li a", False),
    "event page": ("/en/events/{event}", "#event-page-calendars", False),
    "contribution form": ("/en/contribute", "#contrib-submit", False),
    "sign-in": ("/en/login", "#login-submit", False),
    "review queue": ("/en/review", "#review-queue table input[type=checkbox]", True),
    "report review": ("/en/review/{report}", "#review-detail dl", True),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_violation(page: Page, browser: Browser, site, reviewer, name):
    base, found = site
    path, ready, signed_in = PAGES[name]
    if signed_in:
        context = browser.new_context(storage_state=reviewer)
        page = context.new_page()
    page.goto(base + path.format(**found))
    expect(page.locator(ready).first).to_be_visible(timeout=20000)
    page.evaluate(OPEN_ALL)  # folded parts (past events, the form's optional sections) too
    assert violations(page) == []
    if signed_in:
        context.close()
