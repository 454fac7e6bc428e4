"""Every language in Chromium: lang/dir on <html>, and no English interface string left, in
the text, in the attributes a reader meets (tooltips, labels, placeholders, Plotly's toolbar)
and in the charts' SVG text; in Arabic and Persian no Latin-script word at all but names."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

from components.plotly_locale import MESSAGES as PLOTLY_MESSAGES
from data.i18n import TRANSLATIONS
from data.reference import load

pytestmark = pytest.mark.browser
LANGUAGES = [code for code in load().languages if code != "en"]
# What a reader sees or hears besides the text: tooltips, accessible names, placeholders,
# Plotly's toolbar titles (data-title), and the SVG text of the charts (axes, labels).
SHOWN_TEXT = r"""() => {
  const parts = [document.title, document.body.innerText];
  const names = ["title", "aria-label", "placeholder", "data-title", "alt"];
  for (const el of document.querySelectorAll(names.map((n) => `[${n}]`).join(","))) {
    for (const name of names) if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
  }
  for (const text of document.querySelectorAll("svg text")) parts.push(text.textContent);
  return parts.join("\n");
}"""
# Names and acronyms that stay in Latin script in right-to-left languages.
LATIN_NAMES = {
    "Wikimedia",
    "Wikidata",
    "Wikipedia",
    "Commons",
    "Meta-Wiki",
    "Borda",
    "GLAM",
    "LGBTQ",
    "CSV",
    "JSON",
    "XLSX",
    "Excel",
    "PNG",
    "API",
    "ISO",
    "UTC",
    "iCalendar",
    "UX",  # in initiative 9's title ("… platform UX"), kept as the acronym
    "n",  # "n = 12": a sample size, written so in statistics in every script
}
# Every public page, and what shows that it is drawn.
PAGES = {
    "": "#dash-ranking .bars",
    "report": "#report-submit",
    "events": "#events-list",
    "events/new": "#event-submit",
    "contribute": "#contrib-submit",
}
# Languages written in another script: a Latin word on their pages is English left over.
NON_LATIN = {"ar", "fa", "ru", "hi", "bn", "zh"}
URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+")
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)*")


def english_leftovers(text: str, code: str) -> list[str]:
    """Interface msgids that appear verbatim although the catalog translates them (or that
    the catalog does not hold yet: the toolbar strings of the app's Plotly locale)."""
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    messages = {m.id: m.string for m in catalog if m.id and isinstance(m.id, str)}
    for message in PLOTLY_MESSAGES:
        messages.setdefault(message, "")
    found = []
    for message, translation in messages.items():
        # Plural messages all carry a number placeholder: they cannot appear verbatim.
        if "%(" in message:
            continue
        # The same word in both languages (French "Date", German "Status").
        if translation == message:
            continue
        if re.search(rf"(?<!\w){re.escape(message)}(?!\w)", text):
            found.append(message)
    return found


def latin_words(text: str) -> list[str]:
    """Latin-script words other than names and acronyms, URLs and addresses set aside."""
    return sorted(set(LATIN_WORD.findall(URL.sub(" ", text))) - LATIN_NAMES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_pages_render_in_the_language_with_its_direction(page: Page, live_url, watch, code):
    seen = watch(page, live_url)
    direction = "rtl" if load().languages[code].rtl else "ltr"
    problems: dict[str, list[str]] = {}
    for path, ready in PAGES.items():
        page.goto(f"{live_url}/{code}/{path}")
        page.wait_for_selector(ready)
        if not path:
            expect(page.locator("#dash-events")).not_to_have_text("–", timeout=20000)
            # Plotly's toolbar: shown on hovering a chart, its buttons titled by data-title.
            chart = page.locator("#dash-ranking")
            chart.hover()
            expect(chart.locator(".modebar-btn").first).to_be_visible()
        html = page.locator("html")
        expect(html).to_have_attribute("lang", code)
        expect(html).to_have_attribute("dir", direction)
        text = page.evaluate(SHOWN_TEXT)
        problems[f"/{code}/{path} English"] = english_leftovers(text, code)
        if code in NON_LATIN:
            problems[f"/{code}/{path} Latin script"] = latin_words(text)
    assert {where: found for where, found in problems.items() if found} == {}
    seen.assert_clean()


def test_switcher_keeps_the_page_and_its_query(page: Page, live_url):
    page.goto(f"{live_url}/en/report?region=SA")
    page.locator("#lang-switcher .dropdown-toggle").click()
    page.locator("#lang-switcher a[href^='/fa/']").click()
    page.wait_for_url(f"{live_url}/fa/report?region=SA")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_a_validation_error_reads_in_the_page_language(page: Page, live_url, watch, code):
    """Over the form, in Chromium: an empty submission, each message beside its field in the
    page's language (the catalog's own translation), the focus on the first one."""
    seen = watch(page, live_url)
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        required = read_po(handle, locale=code)["This field is required."].string
    assert required and required != "This field is required."
    page.goto(f"{live_url}/{code}/report")
    page.locator("#report-submit").click()
    dom_id = '{"name":"event_name","type":"form-message"}'
    expect(page.locator(f"[id='{dom_id}']")).to_have_text(required)
    summary = page.locator("#report-error-alert")
    expect(summary).to_be_visible()
    assert "Some answers" not in summary.inner_text()  # the summary is translated too
    seen.assert_clean()
