"""axe-core in Chromium: the dashboard at desktop and phone width with every chart's data table
opened, and the report form. A serious or critical violation fails; so does a missing axe-core
(`make test` fetches it), since a skipped check would pass unseen."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
AXE = next(iter(sorted((Path(__file__).parents[1] / ".vendor").glob("axe-*.min.js"))), None)
OPEN_ALL = "() => document.querySelectorAll('details').forEach(d => { d.open = true; })"


def serious_violations(page: Page) -> list[tuple]:
    assert AXE is not None, "axe-core is missing from tests/browser/.vendor (run `make test`)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("width", [1280, 375])
def test_dashboard_with_its_tables_open_has_no_serious_violation(page: Page, live_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_url}/en/")
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)
    page.evaluate(OPEN_ALL)
    tables = page.locator("details[open] table")
    expect(tables.first).to_be_visible()
    if width == 375:
        # The check means something only if a table is wider than the phone and scrolls.
        scrolling = page.evaluate(
            """() => [...document.querySelectorAll('[role=region]')]
                .filter(e => e.scrollWidth > e.clientWidth).length"""
        )
        assert scrolling > 0
    assert serious_violations(page) == []


def test_report_form_has_no_serious_violation(page: Page, live_url):
    page.goto(f"{live_url}/en/report")
    page.wait_for_selector("#report-submit")
    page.evaluate(OPEN_ALL)
    assert serious_violations(page) == []
