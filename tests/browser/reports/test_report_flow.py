"""A person fills the form in Chromium; a dashboard already open shows it without reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import choose, field

pytestmark = pytest.mark.browser


def test_report_through_the_form_appears_on_the_open_dashboard(page: Page, live_url, watch):
    dashboard_watch = watch(page, live_url)
    page.goto(f"{live_url}/en/")
    events = page.locator("#dash-events")
    expect(events).to_have_text("60", timeout=20000)  # first render; the 5 s bound is below

    form = page.context.new_page()
    form_watch = watch(form, live_url)
    form.goto(f"{live_url}/en/report")
    field(form, "event_name").fill("Nairobi strategy salon")
    # A first try with a missing date: messages beside the fields, nothing typed is lost.
    field(form, "participants_total").fill("12")
    form.locator("#report-submit").click()
    expect(form.locator("#report-error-alert")).to_be_visible()
    expect(form.locator('[id=\'{"name":"event_date","type":"form-message"}\']')).to_have_text(
        "This field is required."
    )
    expect(field(form, "event_name")).to_have_value("Nairobi strategy salon")

    field(form, "event_date").fill("2020-10-03")
    choose(form, "country", "Kenya")
    form.get_by_label("Virtual (video call)").check()
    field(form, "group_women").fill("7")
    choose(form, "priority_1", "Regional and thematic")
    field(form, "priority_1_why").fill("A hub for East Africa")
    choose(form, "priority_2", "Funding for under")
    field(form, "organizer_name").fill("Amina")
    field(form, "organizer_email").fill("amina@example.org")
    form.locator("#report-submit").click()
    expect(form.locator("#report-confirmation")).to_contain_text("stored as number 61")

    # The dashboard polls the data version and redraws by itself.
    expect(events).to_have_text("61", timeout=5000)
    dashboard_watch.assert_clean()
    form_watch.assert_clean()
