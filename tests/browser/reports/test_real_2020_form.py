"""The three real 2020 reports (``../shared/reference/real-2020/``) typed into the form in
Chromium as their organizers wrote them; what was stored is read back from the public API.
The hand count of their totals is in tests/integration/reports/test_real_2020.py."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from data.reference import reference
from tests.browser.conftest import choose, field

pytestmark = pytest.mark.browser


def _organizer(form: Page) -> None:
    field(form, "organizer_name").fill("Organizer (name left out)")
    field(form, "organizer_email").fill("organizer@example.org")


def _ranked(form: Page, name: str) -> None:
    field(form, name).get_by_text("Yes: row 1 first", exact=False).click()


def _submitted(form: Page, live_url: str) -> dict:
    form.locator("#report-submit").click()
    confirmation = form.locator("#report-confirmation")
    # Whitespace around the number may be a line break or a no-break space in the rendering.
    stored = re.compile(r"stored as number\W*(\d+)")
    # Waits for the number itself: the receipt may still be drawing when the sentence shows.
    expect(confirmation).to_contain_text(stored, timeout=10000)
    text = confirmation.inner_text()
    found = stored.search(text)
    assert found, text
    number = int(found.group(1))
    answer = form.request.get(f"{live_url}/api/v1/reports/{number}")
    assert answer.ok, answer.text()
    return answer.json()


def test_a_ranked_tie_held_in_two_sessions(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/report")
    field(page, "event_name").fill("User group prioritization")
    field(page, "event_date").fill("2020-12-18")
    page.get_by_label("In person").first.check()
    page.get_by_text("Held in several parts?").click()
    field(page, "part_2_date").fill("2020-12-22")
    choose(page, "part_2_format", "Virtual")
    choose(page, "country", "Rwanda")
    field(page, "participants_total").fill("40")
    field(page, "group_women").fill("10")
    _ranked(page, "recommendations_ranked")
    choose(page, "recommendation_1", "Increase the Sustainability")
    field(page, "recommendation_1_why").fill("to grow efficiently")
    choose(page, "recommendation_2", "Invest in Skills")
    field(page, "recommendation_2_why").fill("to strengthen capacity building")
    choose(page, "recommendation_3", "Identify Topics for Impact")
    # Two initiatives written in the template's first row: a tie.
    _ranked(page, "priorities_ranked")
    choose(page, "priority_1", "3. Increased awareness")
    choose(page, "priority_1", "8. Aligning our practices")
    _organizer(page)
    stored = _submitted(page, live_url)
    assert stored["format"] == "hybrid"
    assert [(s["date"], s["format"]) for s in stored["sessions"]] == [
        ("2020-12-18", "in_person"),
        ("2020-12-22", "virtual"),
    ]
    assert [(p["code"], p["rank"]) for p in stored["priorities"]] == [("I03", 1), ("I08", 1)]
    assert [(r["code"], r["rank"], r["why"]) for r in stored["recommendations"]] == [
        ("R1", 1, "to grow efficiently"),
        ("R6", 2, "to strengthen capacity building"),
        ("R8", 3, ""),
    ]
    seen.assert_clean()


def test_recommendations_only_with_over_30(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/report")
    field(page, "event_name").fill("Members' call, streamed live")
    field(page, "event_date").fill("2020-11-17")
    page.get_by_label("Virtual (video call)").first.check()
    choose(page, "country", "Nigeria")
    field(page, "participants_total").fill("30")
    field(page, "participants_precision").get_by_text("at least", exact=False).click()
    # The file does not say which recommendations; two in one row, not ranked.
    choose(page, "recommendation_1", "Increase the Sustainability")
    choose(page, "recommendation_1", "Improve User Experience")
    _organizer(page)
    stored = _submitted(page, live_url)
    assert stored["priorities"] == []
    assert [(r["code"], r["rank"]) for r in stored["recommendations"]] == [
        ("R1", None),
        ("R2", None),
    ]
    assert stored["participants"]["total"] == 30
    assert stored["participants"]["total_precision"] == "at_least"
    seen.assert_clean()


def test_the_global_conversations_answer(page: Page, live_url, watch):
    seen = watch(page, live_url)
    page.goto(f"{live_url}/en/report")
    field(page, "event_name").fill("Global Conversations")
    field(page, "event_date").fill("2020-11-21")
    page.get_by_label("Virtual (video call)").first.check()
    page.get_by_text("Held in several parts?").click()
    field(page, "part_2_date").fill("2020-11-22")
    choose(page, "part_2_format", "Virtual")
    choose(page, "region", "Global")
    field(page, "participants_total").fill("250")
    field(page, "participants_precision").get_by_text("about", exact=True).click()
    # The clusters A–H of the outcome, by their 2020 numbers (each label starts "N. ").
    clusters = [22, 23, 24, 9, 11, 31, 32, 33, 25, 2, 3, 8, 36, 37, 38]
    titles = {n: reference().initiatives[f"I{n:02d}"].title for n in clusters}
    for n in clusters:
        choose(page, "global_coordination", f"{n}. {titles[n][:12]}")
    _organizer(page)
    stored = _submitted(page, live_url)
    assert stored["priorities"] == [] and stored["recommendations"] == []
    assert sorted(c["code"] for c in stored["global_coordination"]) == sorted(
        f"I{n:02d}" for n in clusters
    )
    assert stored["participants"]["total_precision"] == "about"
    seen.assert_clean()
