"""The one duplicate rule (data.reports.duplicates.same_event), on the 2020 reports' shapes:
the intake's flag and the review queue's badge are the same rule, so they always agree.

The rules before: the intake compared the normalized name, the place and a day's distance; the
queue badged any report sharing "the date and the country" or "the lowercased name" with
another. Different events often share a day and a country, and generic names recur from
country to country, so the badge fell on most reports, while a copy with other spacing or a
day's shift (what the organizer was warned about) had none."""

from __future__ import annotations

import copy
import uuid

import pytest
from sqlalchemy import select

from data.db import EXTENSION_KEY
from data.models import Report, Status
from data.reports.duplicates import candidate_of, event_key, possibly_repeats
from data.reports.schema import ReportIn
from data.reports.submit import amend_report, store_report
from tests.conftest import REPORT
from tests.integration.reports.test_real_2020 import global_conversations, ranked_tie


@pytest.fixture
def store(sqlite_app):
    """Store a report (the conftest's Kenyan salon, changed) as the intake does; answers what
    the intake answered."""
    db = sqlite_app.server.extensions[EXTENSION_KEY]

    def send(payload=None, publish=False, **changes):
        data = copy.deepcopy(payload or REPORT)
        data.update(changes, client_id=str(uuid.uuid4()))
        with sqlite_app.server.test_request_context():
            return store_report(db, ReportIn.model_validate(data), lang="en", auto_publish=publish)

    send.db = db
    return send


def badged(db) -> set[int]:
    """The reports the review queue badges "possible duplicate"."""
    with db.session(readonly=True) as session:
        return set(session.scalars(select(Report.id).where(possibly_repeats())))


def flagged(db) -> set[int]:
    """The reports the intake flagged (``possible_duplicate_of`` stored on arrival)."""
    with db.session(readonly=True) as session:
        q = select(Report.id).where(Report.possible_duplicate_of.is_not(None))
        return set(session.scalars(q))


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Wikimedia Kenya strategy salon", "wikimedia kenya strategy salon"),
        ("  WIKIMÉDIA kenya — Strategy  salon! ", "wikimedia kenya strategy salon"),
        ("Café\tsalon", "cafe salon"),
        ("Global Conversations", "global conversations"),
        ("محادثة  الاستراتيجية", "محادثة الاستراتيجية"),
    ],
)
def test_event_key_sets_case_accents_spacing_and_punctuation_aside(name, key):
    assert event_key(name) == key


def test_a_copy_with_other_casing_and_spacing_a_day_later_is_flagged_and_badged(store):
    first = store(publish=True)
    copy_ = store(event_name="  WIKIMÉDIA kenya — Strategy  salon! ", event_date="2020-10-04")
    assert copy_.possible_duplicate_of.id == first.id  # the organizer is warned of it
    with store.db.session(readonly=True) as session:
        assert candidate_of(session, copy_.id).id == first.id
        assert candidate_of(session, first.id) is None  # the first one is the original
    assert badged(store.db) == flagged(store.db) == {copy_.id}


@pytest.mark.parametrize(
    "other",
    [
        {"event_name": "Wikipedia Day Nairobi"},  # same country and date, another event
        {"country": "UG"},  # a generic name in another country, same day
        {"event_date": "2020-10-05"},  # the same name two days later: a series
        {"event_name": "Wikimedia Kenya strategy salon II"},  # another word
    ],
)
def test_what_the_old_queue_rule_or_no_rule_badged_is_not_a_duplicate(store, other):
    store()
    store(**other)
    assert badged(store.db) == flagged(store.db) == set()


def test_events_without_a_country_compare_by_region(store):
    """The Global Conversations (GLOBAL, no country) reported twice, once with the spelling of
    another note taker; a global event of the same name in another region is another event."""
    first = store(global_conversations())
    again = store(global_conversations(), event_name="global  conversations.")
    store(ranked_tie(), event_name="Global Conversations")  # Rwanda, a month later
    assert badged(store.db) == flagged(store.db) == {again.id}
    with store.db.session(readonly=True) as session:
        assert candidate_of(session, again.id).id == first.id


def test_a_decided_earlier_report_is_no_candidate(store):
    """A rejected report, or one already marked a duplicate, is not the original of anything:
    the badge follows the decisions (live), the stored intake flag is history."""
    first = store()
    second = store()
    assert badged(store.db) == {second.id}
    with store.db.session() as session:
        session.get(Report, first.id).status = Status.REJECTED
    assert badged(store.db) == set()
    third = store()
    with store.db.session(readonly=True) as session:  # the earliest still in play
        assert session.get(Report, third.id).possible_duplicate_of == second.id
    with store.db.session() as session:
        session.get(Report, second.id).status = Status.DUPLICATE
    assert badged(store.db) == set()


def test_demo_reports_never_flag_real_ones(store):
    first = store()
    with store.db.session() as session:
        session.get(Report, first.id).is_demo = True
    store()
    assert badged(store.db) == flagged(store.db) == set()


def test_a_flagged_report_waits_for_review_even_with_auto_publish(store):
    first = store(publish=True)
    second = store(publish=True, event_name="Wikimedia Kenya Strategy Salon")
    third = store(publish=True, country="UG")
    assert (first.status, second.status, third.status) == ("published", "pending", "published")
    assert second.possible_duplicate_of is not None and second.possible_duplicate_of.id == first.id


def test_an_edit_that_makes_a_copy_waits_too(store, sqlite_app):
    """Through the edit link: a report renamed into a copy of an earlier one goes back to
    review (once, when first flagged); an edit of another field of a reviewed report does
    not."""
    first = store(publish=True)
    other = store(publish=True, event_name="Nairobi editathon")
    assert other.status == "published"
    renamed = {**REPORT, "client_id": str(uuid.uuid4())}
    renamed["event_name"] = "wikimedia kenya strategy salon"
    with sqlite_app.server.test_request_context():
        done = amend_report(
            store.db, other.edit_token, ReportIn.model_validate(renamed), auto_publish=True
        )
    assert done.status == "pending" and done.possible_duplicate_of.id == first.id
    with store.db.session() as session:  # a reviewer decides it is another event
        session.get(Report, other.id).status = Status.PUBLISHED
    renamed["notes"] = "A typo fixed"
    with sqlite_app.server.test_request_context():
        done = amend_report(
            store.db, other.edit_token, ReportIn.model_validate(renamed), auto_publish=True
        )
    assert done.changed and done.status == "published"


def test_a_continuation_is_not_a_copy_of_the_report_it_continues(store):
    """A survey after the call (``continues``) is the same discussion by design; a third
    report of it is still a possible copy of the first."""
    call = store(publish=True)
    survey = store(publish=True, continues=call.id)
    assert survey.status == "published"
    again = store(publish=True)
    assert again.status == "pending"
    assert badged(store.db) == flagged(store.db) == {again.id}
