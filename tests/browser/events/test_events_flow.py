"""In Chromium: an organizer announces an event that already took place, finds it in the list
(past events folded under their count; on a phone the list before the calendar) and on its own
page, reports its results from the event's edit page (the report form comes prefilled, and only that
link fills the event's results slot), and the event shows as reported."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import choose, field

pytestmark = pytest.mark.browser
EVENT = "event-field"
NAME = "Nairobi browser salon"


def test_announce_find_and_report_an_event(page: Page, live_url, watch):
    seen = watch(page, live_url)
    day = dt.date.today() - dt.timedelta(days=5)

    page.goto(f"{live_url}/en/events/new")
    expect(field(page, "name", EVENT)).to_be_visible(timeout=20000)  # first render
    field(page, "name", EVENT).fill(NAME)
    field(page, "start", EVENT).fill(f"{day.isoformat()}T18:00")
    field(page, "end", EVENT).fill(f"{day.isoformat()}T20:00")
    # The zone starts as the browser's: clear it, then pick the event's own.
    expect(field(page, "timezone", EVENT)).not_to_contain_text("Choose")
    field(page, "timezone", EVENT).locator(".dash-dropdown-clear").click()
    page.keyboard.press("Escape")
    choose(page, "timezone", "Nairobi", EVENT)
    page.get_by_label("In person").check()
    choose(page, "country", "Kenya", EVENT)
    choose(page, "languages", "Swahili", EVENT)
    field(page, "organizer_name", EVENT).fill("Amina")
    field(page, "organizer_email", EVENT).fill("amina@example.org")
    page.locator("#event-submit").click()
    expect(page.locator("#event-confirmation")).to_contain_text("is now listed")
    expect(page.locator("#event-edit-link")).to_contain_text("/en/events/edit/")
    edit_path = urlsplit(page.locator("#event-edit-link").get_attribute("href")).path

    page.goto(f"{live_url}/en/events")
    item = page.locator("#events-past li", has_text=NAME)
    expect(page.locator("#events-past > summary")).to_contain_text("Past events (")
    expect(item).to_be_hidden(timeout=20000)  # folded
    page.locator("#events-past > summary").click()
    expect(item).to_be_visible()
    expect(item.get_by_text("Add to calendar")).to_have_count(0)  # over: nothing to add
    expect(page.locator("#events-zone-note")).to_contain_text("Times are shown in your time zone")
    expect(page.locator("#events-map .choropleth")).to_have_count(1)
    expect(page.locator("body")).not_to_contain_text("amina@example.org")
    expect(item.get_by_text("Report the results")).to_be_visible()  # prefills, links nothing

    # Its own page, from the list.
    item.get_by_role("link", name=NAME).click()
    expect(page).to_have_url(re.compile(r"/en/events/\d+$"))
    expect(page.locator("#event-page-name")).to_have_text(NAME, timeout=20000)
    expect(page.locator("#event-page-when")).to_contain_text("Times are shown in your time zone")
    expect(page.locator("#event-page")).to_contain_text("Kenya")
    expect(page.locator("#event-page-ics")).to_have_count(0)  # over: no calendar links
    expect(page.locator("#event-page-report")).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("amina@example.org")

    # On a phone the list comes first and the calendar is one tap away.
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{live_url}/en/events")
    upcoming = page.locator("#events-upcoming")
    expect(upcoming).to_be_visible(timeout=20000)
    assert upcoming.bounding_box()["y"] < 812  # on the first screen
    expect(page.locator("#events-calendar-table")).to_be_hidden()
    page.locator("#events-view").get_by_text("Calendar").click()
    expect(page.locator("#events-calendar-table")).to_be_visible()
    expect(upcoming).to_be_hidden()
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto(f"{live_url}{edit_path}")  # the organizer's private page
    page.locator("#event-results-link").click()
    expect(page).to_have_url(re.compile(r"/en/report\?event=\d+-[0-9a-f]+$"))
    expect(field(page, "event_name")).to_have_value(NAME, timeout=20000)
    expect(field(page, "event_date")).to_have_value(day.isoformat())
    expect(page.get_by_label("In person")).to_be_checked()
    expect(field(page, "country")).to_contain_text("Kenya")
    field(page, "participants_total").fill("21")
    choose(page, "priority_1", "Regional and thematic")
    field(page, "organizer_name").fill("Amina")
    field(page, "organizer_email").fill("amina@example.org")
    page.locator("#report-submit").click()
    expect(page.locator("#report-confirmation")).to_contain_text("is now published")

    page.goto(f"{live_url}/en/events#events-past")  # the dashboard's link: unfolded
    item = page.locator("#events-past li", has_text=NAME)
    expect(item).to_contain_text("Results reported", timeout=20000)
    expect(item.get_by_text("Report the results")).to_have_count(0)
    seen.assert_clean()
