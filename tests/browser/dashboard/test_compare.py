"""The issue's "done when" in Chromium: from /en/, South Asia, many newcomers, compared with
Europe, in three clicks (India on the map, a chip, a button); the link that results restores
the same view."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
QUERY = "?region=SA&group=newcomers&share=25&compare=EU"
SENTENCE = "Compared with Europe and Newcomers to the movement ≥ 25% ("


def filter_value(page: Page, name: str):
    dom_id = json.dumps({"name": name, "type": "filter"}, separators=(",", ":"))
    return page.locator(f"[id='{dom_id}']")


def ready(page: Page):
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)


def chip(page: Page, name: str):
    group = page.get_by_role("group", name="Events where at least a quarter of participants were")
    return group.get_by_role("button", name=name, exact=True)


def compare_with(page: Page, name: str):
    return page.get_by_role("group", name="Compare with").get_by_role(
        "button", name=name, exact=True
    )


def inside(page: Page, iso3: str) -> tuple[float, float]:
    """A point of the page that lies inside the country's shape on the map."""
    point = page.evaluate(
        """(iso3) => {
            const shapes = [...document.querySelectorAll('#dash-map .choroplethlocation')];
            const shape = shapes.find((s) => s.__data__ && s.__data__.loc === iso3);
            if (!shape) { return null; }
            const box = shape.getBoundingClientRect();
            const toShape = shape.getScreenCTM().inverse();
            for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
                const x = box.left + box.width * i / 10, y = box.top + box.height * j / 10;
                const inner = new DOMPoint(x, y).matrixTransform(toShape);
                if (shape.isPointInFill(inner)) { return [x, y]; }
            }
            return null;
        }""",
        iso3,
    )
    assert point, f"{iso3} is not on the map"
    return point


def assert_compared(page: Page):
    expect(page.locator("#dash-compare-card")).to_be_visible()
    expect(page.locator("#dash-compare-summary")).to_contain_text(SENTENCE, timeout=15000)
    expect(page.locator("#dash-compare .bars")).to_have_count(2)  # two traces
    expect(chip(page, "Newcomers to the movement")).to_have_attribute("aria-pressed", "true")
    expect(compare_with(page, "Europe")).to_have_attribute("aria-pressed", "true")
    expect(filter_value(page, "region")).to_contain_text("South Asia")
    expect(filter_value(page, "group")).to_contain_text("Newcomers to the movement")
    expect(filter_value(page, "share")).to_have_value("25")


def test_south_asia_with_many_newcomers_against_europe_in_three_clicks(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/")
    ready(page)
    expect(page.locator("#dash-compare-card")).to_be_hidden()
    # 1. South Asia: a click on India on the map (drawn by region unless the link says not).
    page.locator("#dash-map").scroll_into_view_if_needed()
    page.mouse.click(*inside(page, "IND"))
    page.wait_for_function("() => new URLSearchParams(location.search).get('region') === 'SA'")
    # 2. Many newcomers: one chip.
    chip(page, "Newcomers to the movement").click()
    # The choices follow the filters: the selection without its group filter is offered.
    expect(compare_with(page, "Without: Newcomers to the movement ≥ 25%")).to_be_visible()
    # 3. Compared with Europe: one button.
    compare_with(page, "Europe").click()
    page.wait_for_function(f"() => location.search === {json.dumps(QUERY)}")
    assert_compared(page)
    sentence = page.locator("#dash-compare-summary").inner_text()
    events = page.locator("#dash-events").inner_text()
    seen.assert_clean()

    # The link, opened afresh, shows the same answer.
    again = page.context.new_page()
    fresh = watch(again, live_url)
    again.goto(f"{live_url}/en/{QUERY}")
    ready(again)
    assert_compared(again)
    expect(again.locator("#dash-compare-summary")).to_have_text(sentence)
    expect(again.locator("#dash-events")).to_have_text(events)
    assert again.evaluate("() => location.search") == QUERY
    fresh.assert_clean()


def test_a_second_click_clears_the_chip_and_the_comparison(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/{QUERY}")
    ready(page)
    assert_compared(page)
    compare_with(page, "Europe").click()
    expect(page.locator("#dash-compare-card")).to_be_hidden()
    chip(page, "Newcomers to the movement").click()
    page.wait_for_function("() => location.search === '?region=SA'")
    newcomers = chip(page, "Newcomers to the movement")
    expect(newcomers).to_have_attribute("aria-pressed", "false")
    seen.assert_clean()
