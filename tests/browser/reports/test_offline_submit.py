"""Submit with no connection: a notice in the page's language with Retry, the report kept in
this browser, sent by itself when the connection returns, then the receipt."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import choose, field

pytestmark = pytest.mark.browser
PREFIX = "movement-priorities:draft:new"


def pick(page: Page, name: str, search: str) -> None:
    """An initiative by searching for it: the last option that matches (its group's heading,
    which may match too, comes first)."""
    field(page, name).click()
    expect(page.get_by_role("searchbox", name="Search")).to_be_focused()
    page.keyboard.type(search, delay=20)
    page.get_by_role("option").filter(has_text=search).last.click(force=True)
    page.keyboard.press("Escape")


def kept(page: Page) -> dict | None:
    """This tab's draft in localStorage (assets/draft.js)."""
    return page.evaluate(
        f"""() => {{
            const mine = sessionStorage.getItem('{PREFIX}');
            return mine && JSON.parse(localStorage.getItem('{PREFIX}:' + mine));
        }}"""
    )


def test_offline_submit_waits_and_sends_when_the_connection_returns(page: Page, live_url, watch):
    seen = watch(page, live_url, allow_failed=["_dash-update-component"])
    page.goto(f"{live_url}/en/report")
    field(page, "event_name").fill("Offline salon")
    field(page, "event_date").fill("2020-10-03")
    choose(page, "country", "Kenya")
    page.get_by_label("Virtual (video call)").check()
    field(page, "participants_total").fill("9")
    pick(page, "priority_1", "Movement Charter")
    field(page, "organizer_name").fill("Amina")
    field(page, "organizer_email").fill("amina@example.org")
    submit = page.locator("#report-submit")
    notice = page.locator("#report-offline")
    expect(notice).to_be_hidden()

    # The browser knows it is offline: nothing is sent, the notice says why.
    page.context.set_offline(True)
    submit.click()
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("no connection to the server")
    expect(notice).to_be_focused()
    expect(submit).to_be_enabled()
    expect(page.locator("#report-confirmation")).to_have_count(0)
    assert kept(page)["values"]["event_name"] == "Offline salon"  # kept on this device
    page.locator("#report-offline-retry").click()  # still offline: the notice stays
    expect(notice).to_be_visible()

    # The connection returns, and the browser's "online" event sends the report; but this
    # request dies without an answer (a network error): Submit is not left greyed out and the
    # notice is back.
    page.route(
        "**/_dash-update-component*",
        lambda route: (
            route.abort("internetdisconnected")
            if "report-submit.n_clicks" in (route.request.post_data or "")
            else route.continue_()
        ),
    )
    with page.expect_event("requestfailed"):
        page.context.set_offline(False)
    expect(notice).to_be_visible()
    expect(submit).to_be_enabled()
    page.unroute("**/_dash-update-component*")

    # Once more offline, then the connection returns for good: sent by itself.
    page.context.set_offline(True)
    page.context.set_offline(False)
    confirmation = page.locator("#report-confirmation")
    expect(confirmation).to_contain_text("stored as number 61", timeout=10000)
    expect(notice).to_be_hidden()
    expect(page.locator("#report-receipt")).to_contain_text("Offline salon")
    expect(page.locator("#report-edit-link")).to_contain_text("/en/report/edit/")
    copy = page.get_by_role("button", name="Copy")  # dcc.Clipboard, reachable by keyboard
    expect(copy).to_have_attribute("tabindex", "0")
    assert kept(page) is None  # stored: the draft is gone
    # Chromium's own line for the request this test cut; nothing else.
    seen.errors = [e for e in seen.errors if "ERR_INTERNET_DISCONNECTED" not in e]
    seen.assert_clean()
