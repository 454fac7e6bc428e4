"""A visitor finds the support team's sign-in in the footer, and on the login page switches
language with its menu (a <details> element, no script) without losing where sign-in leads."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def open_menu(page: Page, width: int) -> None:
    """Below 992 px the navigation and the language menu wait behind the menu button (as on
    the Dash pages, components/shell.EXPAND); wider, they are beside the brand."""
    toggler = page.locator("#login-header .navbar-toggler")
    if width < 992:
        expect(page.locator("#lang-switcher summary")).to_be_hidden()
        toggler.click()
        expect(toggler).to_have_attribute("aria-expanded", "true")
    else:
        expect(toggler).to_be_hidden()


@pytest.mark.parametrize("width", [1280, 375])
def test_from_the_footer_to_the_login_page_in_arabic(page: Page, live_url, watch, width):
    watching = watch(page, live_url)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_url}/en/")
    page.locator("#shell-support-sign-in").click()
    expect(page).to_have_url(f"{live_url}/en/login")
    expect(page.locator("#login-header .navbar-brand")).to_have_attribute("href", "/en/")

    page.goto(f"{live_url}/en/login?next=/en/review")
    menu = page.locator("#lang-switcher .dropdown-menu")
    expect(menu).to_be_hidden()
    open_menu(page, width)
    page.locator("#lang-switcher summary").click()
    arabic = menu.locator('a[lang="ar"]')
    expect(arabic).to_be_visible()
    box = arabic.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # the menu stays on screen
    arabic.click()
    expect(page).to_have_url(f"{live_url}/ar/login?next=/ar/review")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    # In the stacked phone navbar and beside the navigation alike, Arabic's menu stays on screen.
    open_menu(page, width)
    page.locator("#lang-switcher summary").click()
    box = page.locator('#lang-switcher a[lang="en"]').bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    expect(page.locator("#login-submit")).to_be_visible()
    watching.assert_clean()
