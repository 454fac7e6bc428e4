"""A chart's data table is drawn when its "Show the data as a table" opens, and an open table
follows live updates (the dashboard's answer carries only open tables)."""

from __future__ import annotations

import json
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import REPORT

pytestmark = pytest.mark.browser


def test_a_table_is_drawn_when_opened_and_follows_live_updates(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/")
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)
    rows = page.locator("#dash-languages-table tbody tr")
    assert rows.count() == 0  # closed: not sent
    page.locator("#dash-languages-details summary").click()
    expect(rows.first).to_be_visible(timeout=10000)
    # Keyboard: the summary opens and closes with Enter too.
    ranking = page.locator("#dash-ranking-table tbody tr")
    page.locator("#dash-ranking-details summary").focus()
    page.keyboard.press("Enter")
    expect(ranking.first).to_be_visible(timeout=10000)
    languages = page.locator("#dash-languages-table").inner_text()
    before = int(page.locator("#dash-events").inner_text().replace(",", ""))
    report = json.loads(json.dumps(REPORT))
    report["client_id"] = str(uuid.uuid4())
    report["languages"] = ["sw"]
    assert page.request.post(f"{live_url}/api/v1/reports", data=report).status == 201
    expect(page.locator("#dash-events")).to_have_text(str(before + 1), timeout=5000)
    expect(page.locator("#dash-languages-table")).not_to_have_text(languages, timeout=5000)
    seen.assert_clean()
