"""In Chromium: the draft survives a reload and an unavailable database, a retry after a reload
stores one report; script in every free-text field stays text (confirmation, edit page)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine, select

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.models import Report
from scripts.live import serve
from tests.browser.conftest import choose, field
from tests.conftest import make_app

pytestmark = pytest.mark.browser
PREFIX = "movement-priorities:draft:new"
PAYLOADS = ["<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>"]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The app on an empty SQLite file, served for this module; yields (url, database)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('draft')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    with serve(app.server) as base:
        yield base, db
    db.engine.dispose()


def message(page: Page, name: str):
    dom_id = json.dumps({"name": name, "type": "form-message"}, separators=(",", ":"))
    return page.locator(f"[id='{dom_id}']")


def draft(page: Page):
    """This tab's draft (None when it has none)."""
    return page.evaluate(
        f"""() => {{
            const mine = sessionStorage.getItem('{PREFIX}');
            return mine && JSON.parse(localStorage.getItem('{PREFIX}:' + mine));
        }}"""
    )


def reports(db) -> list[Report]:
    with db.session(readonly=True) as session:
        return list(session.scalars(select(Report).order_by(Report.id)))


def test_draft_survives_a_reload_and_an_unavailable_database(page: Page, live, watch):
    base, db = live
    seen = watch(page, base)
    page.goto(f"{base}/en/report")
    # Half a form.
    field(page, "event_name").fill("Nairobi strategy salon")
    field(page, "event_date").fill("2020-10-03")
    choose(page, "country", "Kenya")
    page.get_by_label("Virtual (video call)").check()
    page.get_by_label("Education", exact=True).check()
    field(page, "participants_total").fill("12")
    field(page, "group_women").fill("7")
    choose(page, "priority_1", "Regional and thematic")
    field(page, "priority_1_why").fill("A hub for East Africa")
    page.wait_for_function(
        f"""() => {{
            const mine = sessionStorage.getItem('{PREFIX}');
            const saved = mine && JSON.parse(localStorage.getItem('{PREFIX}:' + mine));
            return saved && saved.values.priority_1_why === 'A hub for East Africa';
        }}"""
    )
    client_id = draft(page)["client_id"]

    page.reload()
    expect(field(page, "event_name")).to_have_value("Nairobi strategy salon")
    expect(field(page, "event_date")).to_have_value("2020-10-03")
    expect(field(page, "country")).to_contain_text("Kenya")
    expect(page.get_by_label("Virtual (video call)")).to_be_checked()
    expect(page.get_by_label("Education", exact=True)).to_be_checked()
    expect(field(page, "participants_total")).to_have_value("12")
    expect(field(page, "group_women")).to_have_value("7")
    expect(field(page, "priority_1")).to_contain_text("Regional and thematic")
    expect(field(page, "priority_1_why")).to_have_value("A hub for East Africa")

    # A first try with a field missing: the focus goes to it.
    page.locator("#report-submit").click()
    expect(message(page, "organizer_name")).to_have_text("This field is required.")
    expect(field(page, "organizer_name")).to_be_focused()
    field(page, "organizer_name").fill("Amina")
    field(page, "organizer_email").fill("amina@example.org")

    working = db.engine
    db.bind(create_engine("sqlite:////nonexistent/folder/priorities.db"))  # the database is gone
    try:
        page.locator("#report-submit").click()
        expect(page.locator("#report-unavailable")).to_contain_text("not reachable")
        expect(field(page, "organizer_email")).to_have_value("amina@example.org")
        page.reload()  # even a reload loses nothing
        expect(field(page, "organizer_email")).to_have_value("amina@example.org")
        expect(field(page, "priority_1_why")).to_have_value("A hub for East Africa")
    finally:
        db.engine.dispose()
        db.bind(working)

    page.locator("#report-submit").click()
    expect(page.locator("#report-confirmation")).to_contain_text("stored as number 1")
    stored = reports(db)
    assert [(r.event_name, r.client_id) for r in stored] == [("Nairobi strategy salon", client_id)]
    assert draft(page) is None  # cleared after success
    assert page.evaluate("window.localStorage.length") == 0
    page.reload()
    expect(field(page, "event_name")).to_have_value("")
    seen.assert_clean()


def test_a_new_tab_takes_over_the_draft_with_its_own_client_id(page: Page, live, watch):
    base, _ = live
    page.goto(f"{base}/en/report")
    field(page, "event_name").fill("First tab")
    page.wait_for_function(f"sessionStorage.getItem('{PREFIX}') !== null")
    first = draft(page)["client_id"]
    context = page.context
    page.close()  # as if the browser had crashed with the draft unsent

    second = context.new_page()
    seen = watch(second, base)
    second.goto(f"{base}/en/report")
    expect(field(second, "event_name")).to_have_value("First tab")  # nothing typed is lost
    second.wait_for_function(f"sessionStorage.getItem('{PREFIX}') !== null")
    taken = draft(second)
    assert taken["client_id"] != first and taken["values"]["event_name"] == "First tab"

    # A third tab while the second is open: it starts from the newest draft, under a
    # client_id of its own; the second's next change saves the second's draft again.
    third = context.new_page()
    third.goto(f"{base}/en/report")
    expect(field(third, "event_name")).to_have_value("First tab")
    field(third, "event_name").fill("Third tab")
    field(second, "event_name").fill("Second tab")
    second.reload()
    expect(field(second, "event_name")).to_have_value("Second tab")
    assert draft(second)["client_id"] == taken["client_id"]  # a retry would reuse it
    assert draft(third)["client_id"] not in (first, taken["client_id"])
    third.close()
    second.evaluate("window.localStorage.clear()")
    seen.assert_clean()


def test_script_in_every_free_text_field_is_shown_as_text(page: Page, live, watch):
    base, db = live
    seen = watch(page, base)
    page.goto(f"{base}/en/report")
    texts = {
        name: f"{name} {PAYLOADS[i % 2]}"
        for i, name in enumerate(
            [
                "event_name",
                "attendees",
                "facilitators",
                "note_takers",
                "priority_1_why",
                "recommendation_1_why",
                "resources_needed",
                "notes",
                "organizer_name",
                "organizer_affiliate",
            ]
        )
    }
    field(page, "event_date").fill("2021-02-01")
    choose(page, "country", "France")
    page.get_by_label("In person").check()
    field(page, "participants_total").fill("9")
    choose(page, "priority_1", "Funding for under")
    choose(page, "recommendation_1", "Ensure")
    field(page, "organizer_email").fill("x@example.org")
    for name, text in texts.items():
        field(page, name).fill(text)
    page.locator("#report-submit").click()
    confirmation = page.locator("#report-confirmation")
    expect(confirmation).to_contain_text("Report received")
    edit = page.locator("#report-edit-link").get_attribute("href")

    # The same event again (a co-organizer): the notice names the first by its typed name.
    second = page.context.new_page()
    second.goto(f"{base}/en/report")
    field(second, "event_name").fill(texts["event_name"])
    field(second, "event_date").fill("2021-02-02")
    choose(second, "country", "France")
    second.get_by_label("In person").check()
    field(second, "participants_total").fill("4")
    choose(second, "priority_1", "Funding for under")
    field(second, "organizer_name").fill("Co-organizer")
    field(second, "organizer_email").fill("y@example.org")
    second.locator("#report-submit").click()
    expect(second.locator("#report-duplicate-notice")).to_contain_text(texts["event_name"])
    assert second.evaluate("window.__xss") is None
    second.close()

    page.goto(edit)
    for name, text in texts.items():
        expect(field(page, name)).to_have_value(text)
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    field(page, "notes").fill("Edited <b>notes</b>")
    page.locator("#report-submit").click()
    expect(page.locator("#report-confirmation")).to_contain_text("were saved")
    assert page.evaluate("window.__xss") is None
    first = reports(db)[-2]
    assert first.event_name == texts["event_name"] and first.notes == "Edited <b>notes</b>"
    seen.assert_clean()
