"""Every language in Chromium: lang/dir on <html>, and no English interface string left."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

from data.i18n import TRANSLATIONS
from data.reference import load

pytestmark = pytest.mark.browser
LANGUAGES = [code for code in load().languages if code != "en"]


def english_leftovers(text: str, code: str) -> list[str]:
    """Interface msgids that appear verbatim although the catalog translates them."""
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        # Plural messages all carry a number placeholder: they cannot appear verbatim.
        if not message.id or not isinstance(message.id, str) or "%(" in message.id:
            continue
        if message.string == message.id:
            continue
        if re.search(rf"(?<!\w){re.escape(message.id)}(?!\w)", text):
            found.append(message.id)
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_render_in_the_language_with_its_direction(page: Page, live_url, watch, code):
    seen = watch(page, live_url)
    direction = "rtl" if load().languages[code].rtl else "ltr"
    for path in ("", "report"):
        page.goto(f"{live_url}/{code}/{path}")
        page.wait_for_selector("#dash-ranking .bars" if not path else "#report-submit")
        if not path:
            expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)
        html = page.locator("html")
        expect(html).to_have_attribute("lang", code)
        expect(html).to_have_attribute("dir", direction)
        text = page.locator("body").inner_text()
        assert english_leftovers(text, code) == [], path
    seen.assert_clean()


def test_switcher_keeps_the_page_and_its_query(page: Page, live_url):
    page.goto(f"{live_url}/en/report?region=SA")
    page.locator("#lang-switcher .dropdown-toggle").click()
    page.locator("#lang-switcher a[href^='/fa/']").click()
    page.wait_for_url(f"{live_url}/fa/report?region=SA")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
