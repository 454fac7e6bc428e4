"""A reviewer signs in, publishes a pending report; a dashboard open elsewhere shows it."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, expect

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.reports.rows import build_report
from data.support.accounts import create_user
from intake.cli.commands import load_demo
from intake.report.validation import validate
from scripts.live import serve
from tests.conftest import PASSWORD, REPORT, make_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def support_live(tmp_path_factory):
    """60 published demo reports, one pending report and a reviewer, served live."""
    url = f"sqlite:///{tmp_path_factory.mktemp('support')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    load_demo(db, n=60, seed=3)
    report, errors = validate({**REPORT, "client_id": "6a2f0c7e-0c1e-4c55-9a55-2d0b8e1d0a61"})
    assert not errors
    with db.session() as session:
        row = build_report(report.model_dump(), status="pending", written_in="en")
        session.add(row)
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
        session.flush()
        pending = row.id
    with serve(app.server) as base:
        app.server.config["PUBLIC_URL"] = base  # links lead back here
        yield base, pending
    db.engine.dispose()


def test_publishing_a_pending_report_reaches_the_open_dashboard(
    page: Page, browser: Browser, support_live, watch
):
    base, pending = support_live
    dashboard_watch = watch(page, base)
    page.goto(f"{base}/en/")
    events = page.locator("#dash-events")
    expect(events).to_have_text("60", timeout=20000)  # first render; the 5 s bound is below

    # The reviewer works elsewhere: a browser of their own (cookies, connections, renderer).
    reviewer = browser.new_context()
    review = reviewer.new_page()
    review_watch = watch(review, base)
    review.goto(f"{base}/en/review")
    expect(review).to_have_url(f"{base}/en/login?next=/en/review")
    review.get_by_label("Email").fill("rita@example.org")
    review.get_by_label("Password").fill(PASSWORD)
    review.locator("#login-submit").click()
    expect(review).to_have_url(f"{base}/en/review")

    open_id = json.dumps({"id": pending, "type": "review-open"}, separators=(",", ":"))
    review.locator(f"[id='{open_id}']").click()
    expect(review.locator("#review-detail-title")).to_have_text(f"Report {pending}")
    expect(review.locator("#review-detail")).to_contain_text("amina@example.org")
    review.locator("#review-publish").click()
    expect(review.locator("#review-alert")).to_contain_text(f"Report {pending} published.")

    expect(events).to_have_text("61", timeout=5000)
    dashboard_watch.assert_clean()
    review_watch.assert_clean()
    reviewer.close()
