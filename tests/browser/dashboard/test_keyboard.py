"""The dashboard by keyboard alone: Tab to a filter, open it, type to search, choose with
Enter, and the charts follow; re-opening the filled filter searches again and Enter there
changes nothing; the chosen place's chip beside the map is reached and removed by keys; and
no chart toolbar button takes a Tab stop."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ACTIVE = """() => {
    const a = document.activeElement;
    return {
        id: a.id || "",
        cls: a.className || "",
        label: a.getAttribute("aria-label") || "",
        option: !!a.closest('[role="option"]'),
        modebar: !!a.closest(".modebar"),
    };
}"""


def active(page: Page) -> dict:
    return page.evaluate(ACTIVE)


def tab_to(page: Page, found, most: int = 80) -> dict:
    for _ in range(most):
        page.keyboard.press("Tab")
        here = active(page)
        if found(here):
            return here
    raise AssertionError(f"not reached in {most} Tab presses")


def query(page: Page, name: str):
    return page.evaluate(f"() => new URLSearchParams(location.search).get('{name}')")


def test_keyboard_route_to_a_filter_and_back_to_the_charts(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_url}/en/")
    page.wait_for_selector("#dash-ranking .bars")
    expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)
    total = page.locator("#dash-events").inner_text()
    ranking = page.locator("#dash-ranking-summary").inner_text()
    search = page.get_by_role("searchbox", name="Search")

    # Tab to the country filter and open it: the search box has the focus, eight rows show.
    tab_to(page, lambda a: '"name":"country"' in a["id"])
    page.keyboard.press("Enter")
    expect(search).to_be_focused()
    options = page.locator('.dash-dropdown-content [role="option"]')
    expect(options.first).to_be_visible()
    in_view = page.evaluate(
        """() => {
            const menu = document.querySelector('.dash-dropdown-content').getBoundingClientRect();
            return [...document.querySelectorAll('.dash-dropdown-content [role="option"]')]
                .filter(o => { const r = o.getBoundingClientRect();
                               return r.top >= menu.top && r.bottom <= menu.bottom + 1; })
                .length;
        }"""
    )
    assert in_view >= 7, in_view
    name = options.nth(3).inner_text()

    # Type to search, Enter takes the match: the filter, the URL and the numbers follow.
    page.keyboard.type(name[:4], delay=40)
    expect(options.first).to_have_text(name)
    page.keyboard.press("Enter")
    page.wait_for_function("() => new URLSearchParams(location.search).has('country')")
    country = query(page, "country")
    expect(page.locator("#dash-events")).not_to_have_text(total, timeout=20000)
    expect(page.locator("#dash-ranking-summary")).not_to_have_text(ranking)

    # Re-opened by keyboard, the filled filter searches again, and Enter alone keeps the
    # choice (ArrowDown then Enter once picked the next country).
    page.keyboard.press("ArrowDown")
    expect(search).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert query(page, "country") == country
    expect(page.get_by_role("combobox", name=f"Country: {name}")).to_have_count(1)

    # On to the map: the chosen place's chip, with a visible focus ring; Enter removes it.
    chip = tab_to(page, lambda a: a["label"].startswith("Remove"))
    assert name in chip["label"]
    ring = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert ring not in ("", "none")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('country')")
    expect(page.locator("#dash-events")).to_have_text(total, timeout=20000)
    expect(page.locator("#dash-map-selection button")).to_have_count(0)

    # The rest of the page by Tab: never a chart toolbar button, all of them out of the order.
    assert page.locator(".modebar-btn").count() > 0
    assert page.locator(".modebar-btn:not([tabindex='-1'])").count() == 0
    for _ in range(60):
        page.keyboard.press("Tab")
        assert not active(page)["modebar"]
    seen.assert_clean()
