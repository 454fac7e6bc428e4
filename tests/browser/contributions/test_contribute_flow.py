"""In Chromium: a person contributes on their own (a message beside the field first, the draft
kept over a reload), and the dashboard's switch shows the contribution beside the events."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import choose, field

pytestmark = pytest.mark.browser
KIND = "contrib-field"


def test_contribution_through_the_form_shows_behind_the_switch(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/contribute")
    submit = page.locator("#contrib-submit")
    expect(submit).to_be_visible(timeout=20000)  # first render on a cold machine
    field(page, "initiative_1_why", KIND).fill("Small communities need money")
    submit.click()
    expect(page.locator("#contrib-error-alert")).to_be_visible()
    expect(field(page, "initiative_1", "contrib-message")).to_contain_text(
        "Choose an initiative for this reason"
    )

    choose(page, "initiative_1", "Funding for under", KIND)
    field(page, "community", KIND).fill("Wikimedia Kenya")
    page.wait_for_timeout(300)  # the draft is saved on change
    page.reload()
    expect(field(page, "community", KIND)).to_have_value("Wikimedia Kenya", timeout=20000)
    expect(field(page, "initiative_1_why", KIND)).to_have_value("Small communities need money")
    page.locator("#contrib-submit").click()
    expect(page.locator("#contrib-confirmation")).to_contain_text("Thank you")

    page.goto(f"{live_url}/en/")
    expect(page.locator("#dash-events")).to_have_text("60", timeout=20000)
    expect(page.locator("#process-phases li")).to_have_count(5)
    card = page.locator("#dash-contrib-card")
    expect(card).to_be_hidden()
    page.get_by_label("Show individual contributions").check()
    expect(card).to_be_visible()
    summary = page.locator("#dash-contrib-summary")
    expect(summary).to_contain_text("Individual contributions (not events): 1;")
    # Never mixed into the events: the events' count is unchanged.
    expect(page.locator("#dash-events")).to_have_text("60")
    seen.assert_clean()
