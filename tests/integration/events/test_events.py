"""Announced events on SQLite and PostgreSQL: announce → review → published, the iCalendar
feeds (parsed with icalendar), filters, no contact leaks, and reporting from an event."""

from __future__ import annotations

import datetime as dt
import uuid

import icalendar
import pytest
from sqlalchemy import func, select, text

from dashboard.events.callbacks import show_events
from dashboard.events.waiting import show_waiting
from data.events.announce import amend_event, announce
from data.events.model import Event, waiting_for_report
from data.events.write import EventReviewError, publish_event, reject_event
from data.reports.submit import store_report
from data.support.audit import AuditLog
from intake.events.formdata import validate_event
from intake.events.page import report_values
from intake.events.service import editable_event
from intake.report.validation import validate

EMAIL = "secret-organizer@example.org"


@pytest.fixture
def events_db(db, accounts):
    """No events left by an earlier test (PostgreSQL keeps rows between tests)."""
    with db.session() as session:
        session.execute(text("DELETE FROM event_languages"))
        session.execute(text("DELETE FROM events"))
    return db


def announcement(**changes):
    values = {
        "name": "Nairobi strategy salon",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T20:00",
        "timezone": "Africa/Nairobi",
        "languages": ["en", "sw"],
        "country": "KE",
        "format": "in_person",
        "join_url": "https://meta.wikimedia.org/wiki/Event:Nairobi",
        "audience": "Editors",
        "accessibility": "Step-free access",
        "organizer_name": "Amina",
        "organizer_email": EMAIL,
    }
    values.update(changes)
    found, errors = validate_event(values, str(uuid.uuid4()), today=dt.date(2026, 11, 26))
    assert errors == {}
    return found


def announced(db, auto_publish=True, **changes):
    return announce(db, announcement(**changes).stored(), lang="en", auto_publish=auto_publish)


def feed(client, query: str = "") -> list:
    response = client.get(f"/events.ics{query}")
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert EMAIL.encode() not in response.data and b"Amina" not in response.data
    return list(icalendar.Calendar.from_ical(response.data).walk("VEVENT"))


def test_announce_review_publish_and_the_feed_carries_the_right_times(
    app, client, events_db, accounts
):
    first = announced(events_db, auto_publish=False)
    assert first.status == "pending" and first.created and first.edit_token
    again = announce(
        events_db,
        announcement().model_copy(update={"client_id": uuid.UUID(_client_id(events_db))}).stored(),
        lang="en",
        auto_publish=False,
    )
    assert again.id == first.id and not again.created  # the same client_id: one event
    # Sent again: no new link, and the first one keeps working (it is the event's only link).
    assert again.edit_token == "" and editable_event(events_db, first.edit_token) is not None
    assert feed(client) == []
    assert client.get(f"/events/{first.id}.ics").status_code == 404

    publish_event(events_db, first.id, accounts["reviewer"])
    items = feed(client)
    assert len(items) == 1
    item = items[0]
    assert item.decoded("dtstart") == dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)
    assert item.decoded("dtend") == dt.datetime(2026, 11, 20, 17, 0, tzinfo=dt.UTC)
    assert str(item["uid"]).startswith(f"event-{first.id}@")
    assert str(item["url"]) == "https://meta.wikimedia.org/wiki/Event:Nairobi"
    assert str(item["summary"]) == "Nairobi strategy salon"
    one = icalendar.Calendar.from_ical(client.get(f"/events/{first.id}.ics").data)
    assert [str(e["uid"]) for e in one.walk("VEVENT")] == [str(item["uid"])]

    with events_db.session(readonly=True) as session:
        actions = session.scalars(select(AuditLog.action).order_by(AuditLog.id)).all()
    assert actions == ["event_publish"]


def _client_id(db) -> str:
    with db.session(readonly=True) as session:
        return session.scalar(select(Event.client_id))


def test_rejecting_needs_a_reason_and_hides_the_event(client, events_db, accounts):
    found = announced(events_db)
    with pytest.raises(EventReviewError):
        reject_event(events_db, found.id, " ", accounts["reviewer"])
    reject_event(events_db, found.id, "Spam", accounts["reviewer"])
    assert feed(client) == []


def test_feed_filters_match_the_page(client, events_db):
    announced(events_db)
    announced(
        events_db,
        name="Online in Indonesian",
        country=None,
        format="virtual",
        languages=["id"],
        start="2026-12-05T10:00",
        end="2026-12-05T12:00",
        timezone="Asia/Jakarta",
    )
    names = lambda query: sorted(str(e["summary"]) for e in feed(client, query))  # noqa: E731
    assert len(names("")) == 2
    assert names("?region=SSA") == ["Nairobi strategy salon"]
    assert names("?region=GLOBAL") == ["Online in Indonesian"]
    assert names("?language=id") == ["Online in Indonesian"]
    assert names("?format=in_person") == ["Nairobi strategy salon"]
    assert names("?from=2026-12-01") == ["Online in Indonesian"]
    assert names("?to=2026-11-30") == ["Nairobi strategy salon"]
    assert names("?from=2026-11-20&to=2026-11-20") == ["Nairobi strategy salon"]


def test_the_events_page_shows_viewer_times_and_no_contact(app, events_db):
    announced(events_db)
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        answer = show_events(None, "SSA", None, None, None, "Asia/Jakarta", "2026-11", "fr")
    listing, grid, figure, summary, feed_href, note = answer.values()
    shown = str(listing) + str(grid) + str(figure)
    assert "Nairobi strategy salon" in shown
    assert "20 nov. 2026, 22:00" in shown  # 18:00 in Nairobi
    assert EMAIL not in shown and "Amina" not in shown
    assert feed_href == "/events.ics?region=SSA&lang=fr"
    assert "Asia/Jakarta" in note and summary


def test_the_edit_link_changes_the_event(events_db):
    found = announced(events_db)
    stored = editable_event(events_db, found.edit_token)
    assert stored["organizer"]["email"] == EMAIL
    changed = amend_event(
        events_db,
        found.edit_token,
        announcement(name="Renamed salon").stored(),
        auto_publish=False,
    )
    assert changed.created  # for an edit: something changed
    assert editable_event(events_db, found.edit_token)["name"] == "Renamed salon"
    assert changed.status == "pending"  # edited without auto-publish: back to review
    assert amend_event(events_db, "nope", announcement().stored(), auto_publish=True) is None


def test_reporting_from_a_past_event_links_the_report(app, events_db, report):
    found = announced(events_db)
    claim = editable_event(events_db, found.edit_token)["results_claim"]
    assert claim.startswith(f"{found.id}-")
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        assert show_waiting(1, "en") is not None
        event_id, values = report_values(claim)  # the organizer's link (the edit page)
        assert report_values(found.id)[1] == values  # the public link only prefills
    assert event_id == claim
    assert values == {
        "event_name": "Nairobi strategy salon",
        "event_date": "2026-11-20",
        "country": "KE",
        "region": "SSA",
        "format": "in_person",
        "languages": ["en", "sw"],
    }
    with events_db.session(readonly=True) as session:
        assert waiting_for_report(session) == 1

    stored, errors = validate(report(event_name=values["event_name"]))
    assert not errors
    result = store_report(events_db, stored, lang="en", auto_publish=True, event_id=claim)
    with events_db.session(readonly=True) as session:
        assert session.get(Event, found.id).report_id == result.id
        assert waiting_for_report(session) == 0
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        assert show_waiting(2, "en") is None

    # A second report cannot take the event over, even with the claim; it is stored, unlinked.
    other, _ = validate(report())
    second = store_report(events_db, other, lang="en", auto_publish=True, event_id=claim)
    with events_db.session(readonly=True) as session:
        assert session.get(Event, found.id).report_id == result.id
        assert session.scalar(select(func.count()).select_from(Event)) == 1
    assert second.id != result.id


@pytest.mark.parametrize("sent", [lambda e: e, lambda e: str(e), lambda e: f"{e}-{'0' * 32}"])
def test_a_stranger_cannot_take_an_events_results_slot(app, events_db, report, sent):
    """The public list's link (the event's number) or a guessed code links nothing: the slot
    stays free for the organizer's own link (their edit page)."""
    found = announced(events_db)
    stranger, _ = validate(report(event_name="Spam"))
    store_report(events_db, stranger, lang="en", auto_publish=True, event_id=sent(found.id))
    with events_db.session(readonly=True) as session:
        assert session.get(Event, found.id).report_id is None
        assert waiting_for_report(session) == 1
    claim = editable_event(events_db, found.edit_token)["results_claim"]
    own, _ = validate(report())
    result = store_report(events_db, own, lang="en", auto_publish=True, event_id=claim)
    with events_db.session(readonly=True) as session:
        assert session.get(Event, found.id).report_id == result.id


def test_the_edit_page_offers_the_results_link_once_the_event_started(app, events_db):
    from intake.events.page import edit_layout

    past = announced(events_db)
    soon = (dt.datetime.now() + dt.timedelta(days=7)).strftime("%Y-%m-%dT10:00")
    end = (dt.datetime.now() + dt.timedelta(days=7)).strftime("%Y-%m-%dT12:00")
    upcoming = announced(events_db, start=soon, end=end)
    claim = editable_event(events_db, past.edit_token)["results_claim"]
    with app.server.test_request_context("/"):
        shown = str(edit_layout("en", past.edit_token).to_plotly_json())
        later = str(edit_layout("en", upcoming.edit_token).to_plotly_json())
    assert f"/en/report?event={claim}" in shown
    assert "/en/report?event=" not in later


def test_an_upcoming_event_cannot_be_reported_yet(app, events_db):
    soon = (dt.datetime.now() + dt.timedelta(days=7)).strftime("%Y-%m-%dT10:00")
    end = (dt.datetime.now() + dt.timedelta(days=7)).strftime("%Y-%m-%dT12:00")
    found = announced(events_db, start=soon, end=end)
    with app.server.test_request_context("/en/report"):
        assert report_values(found.id) is None
        for wrong in ("x", "99999999999", f"{found.id}-é", "-", "٢", f"99999999999-{'0' * 32}"):
            assert report_values(wrong) is None
    page = app.server.test_client().get(f"/en/report?event={found.id}")
    assert page.status_code == 200


def test_the_review_page_publishes_and_rejects_with_audit_rows(app, events_db, accounts):
    from flask_login import login_user

    from dashboard.auth.login import SupportUser
    from dashboard.events import review as events_review

    first = announced(events_db, auto_publish=False)
    second = announced(events_db, auto_publish=False, name="Second")
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        queue = str(events_review.render_queue("pending", 0, "en"))
        assert EMAIL in queue  # the support team sees the contact
        publish = {"type": "events-review-publish", "id": first.id}
        with _triggered(publish):
            alert, refresh = events_review.act([1, None], [None, None], [], [], 0, "en")
        assert refresh == 1 and f"Event {first.id} published." in str(alert)
        reject = {"type": "events-review-reject", "id": second.id}
        with _triggered(reject):
            alert, refresh = events_review.act(
                [None], [1], ["Not an event"], [{"id": second.id}], 1, "en"
            )
        assert refresh == 2
    with events_db.session(readonly=True) as session:
        rows = session.execute(select(AuditLog.action, AuditLog.after)).all()
        statuses = {e.id: e.status for e in session.scalars(select(Event))}
    assert sorted(a for a, _ in rows) == ["event_publish", "event_reject"]
    assert statuses == {first.id: "published", second.id: "rejected"}


def _json(value: dict) -> str:
    import json

    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _triggered(component_id: dict):
    """Dash's callback context as when ``component_id`` was clicked."""
    from unittest import mock

    prop = f"{_json(component_id)}.n_clicks"
    return mock.patch(
        "dashboard.events.review.ctx",
        mock.Mock(triggered_id=component_id, triggered=[{"prop_id": prop, "value": 1}]),
    )


def test_the_edit_page_opens_with_the_secret_link_only(app, client, events_db):
    found = announced(events_db)
    page = client.get(f"/en/events/edit/{found.edit_token}")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/en/events/edit/not-a-token").status_code == 404
    from intake.events.page import edit_layout

    with app.server.test_request_context(f"/en/events/edit/{found.edit_token}"):
        rendered = str(edit_layout("en", found.edit_token).to_plotly_json())
    assert "Nairobi strategy salon" in rendered and EMAIL in rendered  # the organizer's own page
    assert "2026-11-20T18:00" in rendered  # in the event's own zone
    # Not the client_id: with it, anyone could send the announcement again.
    assert _client_id(events_db) not in rendered and _client_id(events_db) not in page.text


def test_the_form_stores_one_event_per_client_id_and_gives_its_edit_link(app, events_db):
    from intake.events.callbacks import submit_announcement
    from intake.events.formdata import FIELDS

    values = {
        "name": "Form salon",
        "start": "2026-11-20T18:00",
        "end": "2026-11-20T20:00",
        "timezone": "Africa/Nairobi",
        "format": "virtual",
        "join_url": "https://example.org/call",
        "organizer_name": "Amina",
        "organizer_email": EMAIL,
    }
    ids = [{"type": "event-field", "name": n} for n in FIELDS]
    messages = [{"type": "event-message", "name": n} for n in FIELDS]
    client_id = str(uuid.uuid4())
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        shown = []
        for clicks in (1, 2):  # a double click
            *_, result, hidden = submit_announcement(
                clicks, [values.get(n) for n in FIELDS], client_id, "en", ids, messages
            )
            assert hidden is True
            shown.append(str(result))
    assert "/en/events/edit/" in shown[0]
    # The second answer gives no new link, which would have ended the first one.
    assert "/en/events/edit/" not in shown[1] and "already been received" in shown[1]
    token = shown[0].split("/en/events/edit/")[1].split("'")[0]
    assert editable_event(events_db, token)["name"] == "Form salon"
    with events_db.session(readonly=True) as session:
        assert session.scalar(select(func.count()).select_from(Event)) == 1
        assert session.scalar(select(Event.region)) == "GLOBAL"  # online, no place
