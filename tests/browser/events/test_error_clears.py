"""In Chromium: the announce form's errors. Submitting an empty form lists every error above it
as a link to its field; typing in a field takes its message and red outline away at once while
the other fields' stay; a summary link moves the focus to its field."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import field

pytestmark = pytest.mark.browser
EVENT = "event-field"


def message(page: Page, name: str):
    return page.locator(f'[id=\'{{"name":"{name}","type":"event-message"}}\']')


def wrap(page: Page, name: str):
    return page.locator(f'[id=\'{{"name":"{name}","type":"event-wrap"}}\']')


def test_a_fixed_field_loses_its_error_and_the_others_keep_theirs(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/events/new")
    expect(field(page, "name", EVENT)).to_be_visible(timeout=20000)
    page.locator("#event-submit").click()

    summary = page.locator("#event-error-alert")
    expect(summary).to_contain_text("need attention")
    expect(summary.locator("a.error-link", has_text="Name of the event:")).to_be_visible()
    expect(message(page, "name")).to_have_text("This field is required.")
    expect(message(page, "organizer_name")).to_have_text("This field is required.")
    expect(wrap(page, "name")).to_have_class("mb-3 has-error")

    summary.locator("a.error-link", has_text="Your name:").click()
    expect(field(page, "organizer_name", EVENT)).to_be_focused()

    field(page, "name", EVENT).fill("Nairobi salon")
    expect(message(page, "name")).to_be_empty()
    expect(wrap(page, "name")).to_have_class("mb-3")
    expect(message(page, "organizer_name")).to_have_text("This field is required.")
    expect(wrap(page, "organizer_name")).to_have_class("mb-3 has-error")
    seen.assert_clean()
