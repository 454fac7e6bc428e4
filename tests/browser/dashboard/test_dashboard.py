"""The public dashboard in Chromium: map clicks, permalinks, live updates under a filter,
accessibility (axe-core), phone width, and nothing fetched from another host."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import REPORT

pytestmark = pytest.mark.browser
AXE = next(iter(sorted((Path(__file__).parents[1] / ".vendor").glob("axe-*.min.js"))), None)
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-results"


def filter_value(page: Page, name: str):
    dom_id = json.dumps({"name": name, "type": "filter"}, separators=(",", ":"))
    return page.locator(f"[id='{dom_id}']")


def ready(page: Page):
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)


def summary_count(page: Page, live_url: str, query: str) -> str:
    return f"{page.request.get(f'{live_url}/api/v1/summary?{query}').json()['events']:,}"


def test_map_click_filters_the_ranking(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/?view=country")  # the map by country (by region: test_compare.py)
    ready(page)
    before = page.locator("#dash-ranking-summary").inner_text()
    total = page.locator("#dash-events").inner_text()
    # A point that really lies on a coloured country (not in a bounding box's sea).
    page.locator("#dash-map").scroll_into_view_if_needed()
    point = page.evaluate(
        """() => {
            const shapes = [...document.querySelectorAll('#dash-map .choroplethlocation')];
            shapes.sort((a, b) => b.getBBox().width * b.getBBox().height
                                  - a.getBBox().width * a.getBBox().height);
            for (const shape of shapes.slice(0, 20)) {
                const box = shape.getBoundingClientRect();
                const toShape = shape.getScreenCTM().inverse();
                for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
                    const x = box.left + box.width * i / 10, y = box.top + box.height * j / 10;
                    const inner = new DOMPoint(x, y).matrixTransform(toShape);
                    if (shape.isPointInFill(inner)) { return [x, y]; }
                }
            }
            return null;
        }"""
    )
    assert point, "no country to click on the map"
    page.mouse.click(*point)
    page.wait_for_function("() => new URLSearchParams(location.search).has('country')")
    country = page.evaluate("() => new URLSearchParams(location.search).get('country')")
    expect(page.locator("#dash-events")).to_have_text(
        summary_count(page, live_url, f"country={country}")
    )
    assert page.locator("#dash-events").inner_text() != total
    expect(page.locator("#dash-ranking-summary")).not_to_have_text(before)
    seen.assert_clean()


def test_permalink_restores_the_view(page: Page, live_url, watch):
    seen = watch(page, live_url)
    filters = "region=SA&group=newcomers&share=25"
    query = f"{filters}&metric=participants&view=country&weight=participants"
    page.goto(f"{live_url}/en/?{query}")
    ready(page)
    expect(page.locator("#dash-events")).to_have_text(summary_count(page, live_url, filters))
    expect(filter_value(page, "region")).to_contain_text("South Asia")
    expect(filter_value(page, "group")).to_contain_text("Newcomers to the movement")
    expect(filter_value(page, "share")).to_have_value("25")
    expect(page.locator("#dash-map-metric input[value='participants']")).to_be_checked()
    expect(page.locator("#dash-map-view input[value='country']")).to_be_checked()
    expect(page.locator("#dash-weighting input[value='participants']")).to_be_checked()
    chips = page.get_by_role("group", name="Events where at least a quarter of participants were")
    chip = chips.get_by_role("button", name="Newcomers to the movement")
    expect(chip).to_have_attribute("aria-pressed", "true")
    assert page.evaluate("() => location.search") == f"?{query}"
    # Back to a default drops its parameter; an unknown value falls back to the default.
    page.locator("#dash-weighting").get_by_text("Events", exact=True).click()
    page.wait_for_function("() => !new URLSearchParams(location.search).has('weight')")
    page.goto(f"{live_url}/en/?{filters}&metric=moon")
    ready(page)
    expect(page.locator("#dash-map-metric input[value='events']")).to_be_checked()
    seen.assert_clean()


def test_report_posted_over_the_api_appears_while_a_filter_is_applied(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/?country=KE")
    ready(page)
    before = int(page.locator("#dash-events").inner_text())
    report = {**REPORT, "client_id": str(uuid.uuid4())}
    assert page.request.post(f"{live_url}/api/v1/reports", data=report).status == 201
    expect(page.locator("#dash-events")).to_have_text(str(before + 1), timeout=5000)
    seen.assert_clean()


def test_an_idle_dashboard_only_polls_the_version(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/?region=SA&compare=EU")
    ready(page)
    expect(page.locator("#dash-compare-summary")).not_to_be_empty()
    page.wait_for_load_state("networkidle")
    start = len(seen.requests)
    page.wait_for_timeout(6000)
    idle = [u.removeprefix(live_url) for u in seen.requests[start:]]
    assert idle and all(u == "/api/v1/version" for u in idle), idle
    seen.assert_clean()


def test_a_region_in_the_phones_region_list_filters(page: Page, live_url, watch):
    """On a phone a region on the map is a small target: the list beside it filters the same."""
    seen = watch(page, live_url)
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{live_url}/en/")
    ready(page)
    total = page.locator("#dash-events").inner_text()
    buttons = page.locator("#dash-region-list button")
    expect(buttons.first).to_be_visible()
    assert buttons.count() > 1
    box = buttons.nth(1).bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24  # a target a finger can hit
    buttons.nth(1).click()
    page.wait_for_function("() => new URLSearchParams(location.search).has('region')")
    region = page.evaluate("() => new URLSearchParams(location.search).get('region')")
    expect(page.locator("#dash-events")).to_have_text(
        summary_count(page, live_url, f"region={region}"), timeout=20000
    )
    assert page.locator("#dash-events").inner_text() != total
    expect(page.locator('#dash-region-list button[aria-pressed="true"]')).to_have_count(1)
    expect(page.locator("#dash-map-selection button")).to_have_count(1)  # the removable chip
    seen.assert_clean()


@pytest.mark.skipif(AXE is None, reason="axe-core is fetched by `make test`")
@pytest.mark.parametrize("path", ["", "report"])
def test_axe_finds_no_serious_violation(page: Page, live_url, path):
    page.goto(f"{live_url}/en/{path}")
    page.wait_for_selector("#dash-ranking .bars" if not path else "#report-submit")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize("width", [1280, 375])
def test_usable_at_desktop_and_phone_width(page: Page, live_url, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_url}/en/")
    ready(page)
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{width}.png"), full_page=True)


def test_filters_work_from_the_keyboard(page: Page, live_url):
    page.goto(f"{live_url}/en/")
    ready(page)
    region = json.dumps({"name": "region", "type": "filter"}, separators=(",", ":"))
    for _ in range(20):  # Tab through the page until the region filter has the focus
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == region:
            break
    else:
        pytest.fail("the region filter cannot be reached with Tab")
    button = page.locator(f"[id='{region}']")
    for _ in range(5):  # the first key can arrive before the menu is ready to open
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(300)
        if button.get_attribute("aria-expanded") == "true":
            break
        button.focus()
    expect(button).to_have_attribute("aria-expanded", "true")
    # Type only once the menu's search box has the focus (earlier keys would be lost).
    expect(page.get_by_role("searchbox", name="Search")).to_be_focused()
    page.keyboard.type("South Asia", delay=30)
    # The options arrive from the published data; wait until they are offered.
    expect(page.get_by_role("option", name="South Asia")).to_be_visible(timeout=15000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).get('region') === 'SA'")
    expected = summary_count(page, live_url, "region=SA")
    expect(page.locator("#dash-events")).to_have_text(expected, timeout=15000)
