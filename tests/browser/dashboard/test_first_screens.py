"""What a person sees of the dashboard without scrolling, measured in Chromium: at 1280×900 the
headline numbers and the ranking's bars; at 375×812 a collapsed navbar, the numbers on the
first screen, the ranking within the second and the filters behind "Filters (N)". In English
and in Arabic (right to left). Then the skip link, the first Tab stop of the page."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# The bottom edge of the ranking's highest bar (Plotly draws the leader at the top).
TOP_BAR = """() => Math.min(...[...document.querySelectorAll('#dash-ranking .bars .point')]
    .map((bar) => bar.getBoundingClientRect().bottom))"""


def ready(page: Page):
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)


def filter_value(page: Page, name: str):
    dom_id = json.dumps({"name": name, "type": "filter"}, separators=(",", ":"))
    return page.locator(f"[id='{dom_id}']")


def card_of(page: Page, selector: str):
    return page.locator(".card", has=page.locator(selector)).last


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_first_screen_shows_the_numbers_and_the_ranking(
    page: Page, live_url, watch, lang, size
):
    seen = watch(page, live_url)
    page.set_viewport_size(size)
    page.goto(f"{live_url}/{lang}/")
    ready(page)
    width, height = size["width"], size["height"]
    phone = width < 992
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width

    navbar = page.locator("nav.navbar").bounding_box()
    assert navbar["height"] <= 80
    # The three headline numbers, whole, on the first screen.
    for number in ("#dash-events", "#dash-participants", "#dash-countries"):
        box = card_of(page, number).bounding_box()
        assert box["y"] + box["height"] <= height, number
    ranking = card_of(page, "#dash-ranking").bounding_box()
    if phone:
        assert ranking["y"] < 2 * height
    else:
        assert ranking["y"] < height
        # ... and the ranking's first bars too (the top of the chart: its leaders).
        first_bar = page.evaluate(TOP_BAR)
        assert first_bar < height

    toggler = page.locator("#shell-nav-toggle")
    events_link = page.locator("#shell-nav-collapse .nav-link").last
    filters = page.locator("#dash-filters-toggle")
    if phone:
        # The navigation waits behind the menu button, the filters behind theirs.
        expect(events_link).to_be_hidden()
        expect(filter_value(page, "region")).to_be_hidden()
        expect(filters).to_be_visible()
        toggler.click()
        expect(toggler).to_have_attribute("aria-expanded", "true")
        expect(events_link).to_be_visible()
        expect(page.locator("#lang-switcher")).to_be_visible()
    else:
        expect(toggler).to_be_hidden()
        expect(filters).to_be_hidden()
        expect(filter_value(page, "region")).to_be_visible()
        # The filter panel beside the numbers: on their start side (right in Arabic).
        panel = page.locator("#dash-filters-panel").bounding_box()
        numbers = card_of(page, "#dash-events").bounding_box()
        assert panel["y"] < numbers["y"] + numbers["height"]
        if lang == "ar":
            assert panel["x"] > numbers["x"]
        else:
            assert panel["x"] < numbers["x"]
    seen.assert_clean()


def test_the_filters_button_opens_the_filters_and_counts_them(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_url}/en/?group=newcomers&share=25")
    ready(page)
    button = page.locator("#dash-filters-toggle")
    expect(button).to_have_accessible_name("Filters (2)")
    expect(button).to_have_attribute("aria-expanded", "false")
    chips = page.get_by_role("group", name="Events where at least a quarter of participants were")
    expect(chips).to_be_hidden()

    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(filter_value(page, "region")).to_be_visible()
    expect(filter_value(page, "group")).to_contain_text("Newcomers to the movement")
    expect(page.get_by_role("group", name="Compare with")).to_be_visible()
    newcomers = chips.get_by_role("button", name="Newcomers to the movement", exact=True)
    expect(newcomers).to_have_attribute("aria-pressed", "true")
    # A second click on the chip clears both of its filters: the count goes with them.
    newcomers.click()
    expect(button).to_have_accessible_name("Filters")
    page.wait_for_function("() => location.search === ''")

    button.click()
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(chips).to_be_hidden()
    seen.assert_clean()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_skip_link_is_the_first_tab_stop_and_leads_to_the_content(
    page: Page, live_url, watch, lang
):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/{lang}/")
    ready(page)
    skip = page.locator("#shell-skip-link")
    box = skip.bounding_box()
    assert box is None or box["width"] <= 1  # hidden until it has the focus
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["width"] > 20 and box["y"] >= 0  # shown, on screen
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab goes on inside the content, past the navigation.
    page.keyboard.press("Tab")
    inside = page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    assert inside
    seen.assert_clean()
