"""In Chromium: the draft survives a reload and an unavailable database, a retry after a reload
stores one report, and so does a resend from a new tab after a lost answer; script in every
free-text field stays text wherever it is shown (confirmation, edit page, dashboard, review
queue and detail, plan)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page, Route, expect
from sqlalchemy import create_engine, select

from data.db import EXTENSION_KEY
from data.migrate import upgrade
from data.models import Report
from data.support.accounts import create_user
from scripts.live import serve
from tests.browser.conftest import choose, field
from tests.conftest import PASSWORD, make_app

pytestmark = pytest.mark.browser
PREFIX = "movement-priorities:draft:new"
PAYLOADS = ["<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>"]


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The app on an SQLite file with no report and one reviewer, served for this module;
    yields (url, database)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('draft')}/live.db"
    upgrade(url)
    app = make_app(url)
    db = app.server.extensions[EXTENSION_KEY]
    with db.session() as session:
        create_user(session, "rita@example.org", "Rita", "reviewer", PASSWORD)
    with serve(app.server) as base:
        app.server.config["PUBLIC_URL"] = base  # links lead back here
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
    # Refused, so nothing was stored: the draft is not marked sent (a new tab would not share
    # this tab's client_id).
    page.wait_for_function(
        f"""() => {{
            const mine = sessionStorage.getItem('{PREFIX}');
            const saved = mine && JSON.parse(localStorage.getItem('{PREFIX}:' + mine));
            return saved && !saved.sent;
        }}"""
    )
    field(page, "organizer_name").fill("Amina")
    field(page, "organizer_email").fill("amina@example.org")

    working = db.engine
    db.bind(create_engine("sqlite:////nonexistent/folder/priorities.db"))  # the database is gone
    try:
        page.locator("#report-submit").click()
        expect(page.locator("#report-unavailable")).to_contain_text("not reachable")
        assert draft(page)["sent"] is True  # the write may have reached the database
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


def test_a_resend_from_a_new_tab_after_a_lost_answer_stores_one_report(page: Page, live, watch):
    base, db = live
    page.goto(f"{base}/en/report")
    field(page, "event_name").fill("Lost answer meetup")
    field(page, "event_date").fill("2022-05-14")
    choose(page, "country", "Ghana")
    page.get_by_label("In person").check()
    field(page, "participants_total").fill("15")
    choose(page, "priority_1", "Resources for newcomers")
    field(page, "organizer_name").fill("Kofi")
    field(page, "organizer_email").fill("kofi@example.org")
    page.wait_for_function(
        f"""() => {{
            const mine = sessionStorage.getItem('{PREFIX}');
            const saved = mine && JSON.parse(localStorage.getItem('{PREFIX}:' + mine));
            return saved && saved.values.organizer_email === 'kofi@example.org';
        }}"""
    )
    client_id = draft(page)["client_id"]
    before = len(reports(db))

    def lose_the_answer(route: Route):
        """The submission reaches the server and is stored; its answer never arrives."""
        if "report-submit.n_clicks" in json.loads(route.request.post_data)["changedPropIds"]:
            route.fetch()
            route.abort()
        else:
            route.continue_()

    page.route("**/_dash-update-component*", lose_the_answer)  # ?endId=…
    with page.expect_event("requestfailed"):
        page.locator("#report-submit").click()
    assert [r.client_id for r in reports(db)[before:]] == [client_id]  # stored
    expect(page.locator("#report-confirmation")).to_have_count(0)  # but never confirmed
    assert draft(page)["sent"] is True
    context = page.context
    page.close()  # the person gives up and closes the tab

    again = context.new_page()
    seen = watch(again, base)
    again.goto(f"{base}/en/report")
    expect(field(again, "event_name")).to_have_value("Lost answer meetup")
    expect(field(again, "organizer_email")).to_have_value("kofi@example.org")
    # The sent draft's client_id comes with it: the report may exist already.
    again.wait_for_function(f"sessionStorage.getItem('{PREFIX}') === '{client_id}'")
    again.locator("#report-submit").click()
    number = reports(db)[before].id
    expect(again.locator("#report-confirmation")).to_contain_text(f"stored as number {number}")
    stored = [r for r in reports(db) if r.event_name == "Lost answer meetup"]
    assert [(r.id, r.client_id) for r in stored] == [(number, client_id)]
    assert again.evaluate("window.localStorage.length") == 0  # the draft is cleared
    seen.assert_clean()


def inert(page: Page) -> None:
    """No payload ran, and none became an element."""
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img[src='x']").count() == 0
    assert page.locator("main script").count() == 0


def sign_in(page: Page, base: str, path: str) -> None:
    """Open a support page as the module's reviewer, through the login form."""
    page.goto(f"{base}{path}")
    expect(page).to_have_url(f"{base}/en/login?next={path}")
    page.get_by_label("Email").fill("rita@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("#login-submit").click()
    expect(page).to_have_url(f"{base}{path}")


# Five distinct initiatives and three recommendations (searched as a person types them).
INITIATIVES = {
    "I02": "Funding for under",
    "I05": "enterprise-level API",
    "I06": "third party ecosystems",
    "I10": "accessibility guidelines",
    "I11": "Resources for newcomers",
}
RECOMMENDATIONS = ["Ensure Equity", "Improve User Experience", "Coordinate Across"]


def test_script_in_every_free_text_field_is_shown_as_text(
    page: Page, browser: Browser, live, watch
):
    base, db = live
    seen = watch(page, base)
    page.goto(f"{base}/en/report")
    names = [
        "event_name",
        "attendees",
        "facilitators",
        "note_takers",
        *(f"priority_{rank}_why" for rank in range(1, 6)),
        *(f"recommendation_{rank}_why" for rank in range(1, 4)),
        "resources_needed",
        "notes",
        "organizer_name",
        "organizer_affiliate",
    ]
    texts = {name: f"{name} {PAYLOADS[i % 2]}" for i, name in enumerate(names)}
    field(page, "event_date").fill("2021-02-01")
    choose(page, "country", "France")
    page.get_by_label("In person").check()
    field(page, "participants_total").fill("9")
    for rank, search in enumerate(INITIATIVES.values(), start=1):
        choose(page, f"priority_{rank}", search)
    for rank, search in enumerate(RECOMMENDATIONS, start=1):
        choose(page, f"recommendation_{rank}", search)
    field(page, "organizer_email").fill("x@example.org")
    for name, text in texts.items():
        field(page, name).fill(text)
    page.locator("#report-submit").click()
    confirmation = page.locator("#report-confirmation")
    expect(confirmation).to_contain_text("is now published")
    edit = page.locator("#report-edit-link").get_attribute("href")
    inert(page)

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
    inert(second)
    second.close()

    page.goto(edit)
    for name, text in texts.items():
        expect(field(page, name)).to_have_value(text)
    inert(page)
    texts["notes"] = f"Edited <b>notes</b> {PAYLOADS[1]}"
    field(page, "notes").fill(texts["notes"])
    page.locator("#report-submit").click()
    expect(page.locator("#report-confirmation")).to_contain_text("were saved")
    inert(page)
    first = reports(db)[-2]
    assert first.event_name == texts["event_name"] and first.notes == texts["notes"]

    # The public dashboard shows counts, never the text; it renders with the reports in (the
    # co-organizer's copy waits for review: data.publishing.arrival_status).
    assert reports(db)[-1].status == "pending"
    published = [r for r in reports(db) if r.status == "published"]
    page.goto(f"{base}/en/")
    expect(page.locator("#dash-events")).to_have_text(str(len(published)), timeout=20000)
    inert(page)
    seen.assert_clean()

    # The support team sees every field (a browser of its own): queue, detail, plan.
    reviewer = browser.new_context()
    support = reviewer.new_page()
    support_seen = watch(support, base)
    sign_in(support, base, "/en/review")
    expect(support.locator("#review-queue")).to_contain_text(texts["event_name"])
    open_id = json.dumps({"id": first.id, "type": "review-open"}, separators=(",", ":"))
    support.locator(f"[id='{open_id}']").click()
    expect(support.locator("#review-detail-title")).to_have_text(f"Report {first.id}")
    detail = support.locator("#review-detail")
    for text in texts.values():
        expect(detail).to_contain_text(text)
    inert(support)

    support.goto(f"{base}/en/plan")
    for rank, search in enumerate(INITIATIVES.values(), start=1):
        choose_by_id(support, "plan-source", search)
        sources = support.locator("#plan-source-list")
        expect(sources).to_contain_text(texts[f"priority_{rank}_why"])
        expect(sources).to_contain_text(texts["event_name"])
        inert(support)
    support_seen.assert_clean()
    reviewer.close()


def choose_by_id(page: Page, dom_id: str, search: str) -> None:
    """Pick an option of the dcc.Dropdown ``dom_id`` by searching for it (again and again:
    with a value chosen, the opened menu's search box does not take the focus by itself)."""
    page.locator(f"#{dom_id}").click()
    page.get_by_role("searchbox", name="Search").fill(search)
    page.get_by_role("option", name=search).first.click()
    page.keyboard.press("Escape")
