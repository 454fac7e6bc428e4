"""A reviewer opens the first pending report from the queue, clicks "Publish and next" at the
top of its page, and lands on the next pending report; the first is published."""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.sync_api import Page, expect

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.models import Report
from data.reports.rows import build_report
from data.support.accounts import create_user
from intake.report.validation import validate
from scripts.live import serve
from tests.conftest import PASSWORD, REPORT, make_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def two_pending(tmp_path_factory):
    """Two pending reports (the second received last, so first in the queue) and a reviewer."""
    url = f"sqlite:///{tmp_path_factory.mktemp('next')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    made = []
    with db.session() as session:
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
        for name, country in (("Salon in Accra", "GH"), ("Salon in Lima", "PE")):
            report, errors = validate(
                {**REPORT, "event_name": name, "country": country, "client_id": str(uuid.uuid4())}
            )
            assert not errors
            row = build_report(report.model_dump(), status="pending", written_in="en")
            session.add(row)
            session.flush()
            made.append(row.id)
    with serve(app.server) as base:
        app.server.config["PUBLIC_URL"] = base
        yield base, db, made
    db.engine.dispose()


def test_publish_and_next_lands_on_the_next_pending_report(page: Page, two_pending, watch):
    base, db, (older, newer) = two_pending
    seen = watch(page, base)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{base}/en/review")
    page.get_by_label("Email").fill("rita@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("#login-submit").click()
    expect(page).to_have_url(f"{base}/en/review")

    # The first pending report of the queue is the newest.
    first = json.dumps({"id": newer, "type": "review-open"}, separators=(",", ":"))
    page.locator(f"[id='{first}']").click()
    expect(page).to_have_url(f"{base}/en/review/{newer}")
    expect(page.locator("#review-detail-title")).to_have_text(f"Report {newer}")
    expect(page.locator("#review-status-line")).to_contain_text("Pending")
    button = page.locator("#review-publish-next")
    expect(button).to_be_visible()
    assert button.bounding_box()["y"] < 900  # on the first screen, above the report's fields

    button.click()
    expect(page).to_have_url(f"{base}/en/review/{older}?published={newer}")
    expect(page.locator("#review-detail-title")).to_have_text(f"Report {older}")
    expect(page.locator("#review-done")).to_contain_text(f"Report {newer} published.")
    expect(page.locator("#review-detail")).to_contain_text("Salon in Accra")
    expect(page.locator("#review-status-line")).to_contain_text("Pending")
    with db.session(readonly=True) as session:
        assert session.get(Report, newer).status == "published"
        assert session.get(Report, older).status == "pending"
    seen.assert_clean()
