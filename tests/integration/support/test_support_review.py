"""The review queue: every action changes the report, writes an audit row and bumps the version."""

from __future__ import annotations

import pytest
from flask_login import login_user
from sqlalchemy import select

from dashboard.auth.login import SupportUser
from dashboard.review import callbacks as review_callbacks
from dashboard.review import ids, report_callbacks
from dashboard.review.actions import perform
from data.models import Report
from data.reports.rows import build_report
from data.support.audit import AuditLog, audit_entries
from data.support.review import (
    ReviewError,
    correct,
    mark_duplicate,
    publish,
    reject,
    report_detail,
)
from data.support.review_queue import queue
from data.support.settings import auto_publish
from data.version import current_version
from intake.report.validation import validate


def add(db, payload, status="pending") -> int:
    report, errors = validate(payload)
    assert not errors, errors
    with db.session() as session:
        row = build_report(report.model_dump(), status=status, written_in="en")
        session.add(row)
        session.flush()
        return row.id


def audit_rows(db, action=None):
    with db.session(readonly=True) as session:
        q = select(AuditLog).order_by(AuditLog.id)
        if action:
            q = q.where(AuditLog.action == action)
        return list(session.scalars(q))


def status_of(db, report_id):
    with db.session(readonly=True) as session:
        return session.get(Report, report_id).status


def version(db):
    with db.session(readonly=True) as session:
        return current_version(session)


def test_publish_writes_audit_and_bumps_version(db, accounts, report):
    rid = add(db, report())
    before = version(db)
    assert publish(db, [rid], accounts["reviewer"]) == 1
    assert status_of(db, rid) == "published"
    assert version(db) == before + 1
    [row] = audit_rows(db, "publish")
    assert (row.user_email, row.report_id) == ("rita@example.org", rid)
    assert row.before["status"] == "pending" and row.after["status"] == "published"
    assert publish(db, [rid], accounts["reviewer"]) == 0  # already published: no new row
    assert len(audit_rows(db)) == 1


def test_bulk_publish(db, accounts, report):
    first, second = add(db, report()), add(db, report())
    assert publish(db, [first, second], accounts["admin"]) == 2
    assert [r.report_id for r in audit_rows(db, "publish")] == [first, second]


def test_reject_needs_a_reason(db, accounts, report):
    rid = add(db, report())
    with pytest.raises(ReviewError):
        reject(db, rid, "  ", accounts["reviewer"])
    reject(db, rid, "Test submission", accounts["reviewer"])
    assert status_of(db, rid) == "rejected"
    [row] = audit_rows(db, "reject")
    assert row.after["status_reason"] == "Test submission"


@pytest.mark.parametrize(
    "bad",
    ["a NUL \x00 in the reason", "\u202eesrever", ["a", "list"], {"not": "text"}],
)
def test_support_text_follows_the_text_policy_and_never_gives_a_500(db, accounts, report, bad):
    """A NUL (refused by PostgreSQL), a bidi override, or a list or object where text is
    expected (a crafted callback body): a ReviewError that the screens show, nothing stored."""
    from data.support.plan import save_plan_item

    rid = add(db, report())
    with pytest.raises(ReviewError):
        reject(db, rid, bad, accounts["reviewer"])
    with pytest.raises(ReviewError):
        correct(db, rid, {"event_name": bad}, accounts["reviewer"])
    with pytest.raises(ReviewError), db.session() as session:
        save_plan_item(session, "I02", bad, "owner", accounts["reviewer"])
    with pytest.raises(ReviewError):
        correct(db, rid, {"country": ["KE"], "groups": {"women": "7"}}, accounts["reviewer"])
    assert status_of(db, rid) == "pending"


def test_mark_duplicate(db, accounts, report):
    original, copy = add(db, report(), "published"), add(db, report())
    with db.session(readonly=True) as session:
        flagged = {r.id: r.possible_duplicate for r in queue(session)}
        # The intake's rule: the later report repeats the earlier one, which is the original.
        assert flagged[copy] and not flagged[original]
        assert [r.id for r in queue(session, duplicates_only=True)] == [copy]
    mark_duplicate(db, copy, original, accounts["reviewer"])
    [row] = audit_rows(db, "duplicate")
    assert row.before["duplicate_of"] is None and row.after["duplicate_of"] == original
    assert status_of(db, copy) == "duplicate"
    with pytest.raises(ReviewError):
        mark_duplicate(db, copy, copy, accounts["reviewer"])


def test_correct_fields_and_counts(db, accounts, report):
    rid = add(db, report())
    correct(
        db,
        rid,
        {
            "event_name": "Nairobi salon",
            "country": "DE",
            "format": "hybrid",
            "participants_total": 40,
            "groups": {"women": 20, "lgbtq": None},
        },
        accounts["reviewer"],
    )
    with db.session(readonly=True) as session:
        found = report_detail(session, rid)
    assert (found["event_name"], found["country"], found["region"]) == (
        "Nairobi salon",
        "DE",
        "NWE",
    )
    assert found["format"] == "hybrid" and found["participants_total"] == 40
    assert found["groups"]["women"] == 20 and "lgbtq" not in found["groups"]
    [row] = audit_rows(db, "correct")
    assert row.before["event_name"] == "Wikimedia Kenya strategy salon"
    assert row.after["groups"]["women"] == 20 and row.before["groups"]["lgbtq"] == 2
    with pytest.raises(ReviewError):
        correct(db, rid, {"groups": {"women": 41}}, accounts["reviewer"])


def test_queue_lists_pending_first_and_filters(db, report):
    published = add(db, report(event_name="A", country="DE"), "published")
    pending = add(db, report(event_name="B", event_date="2020-11-11"))
    with db.session(readonly=True) as session:
        assert [r.id for r in queue(session)] == [pending, published]
        assert [r.id for r in queue(session, status="published")] == [published]
        assert [r.id for r in queue(session, region="SSA")] == [pending]


def test_detail_holds_private_fields(db, report):
    rid = add(db, report())
    with db.session(readonly=True) as session:
        found = report_detail(session, rid)
    assert found["organizer_email"] == "amina@example.org"
    # The conftest report sends an ordered list without ranks: an unranked set.
    assert found["priorities"][0] == ("I02", None, "Funding reaches us rarely")


def test_auto_publish_setting(app, db, accounts):
    assert auto_publish(db, True) is True
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["admin"]))
        review_callbacks.set_auto_publish(False, "en")
    assert auto_publish(db, True) is False
    [row] = audit_rows(db, "setting")
    assert row.after == {"auto_publish": "0"}


def test_actions_through_the_callback(app, db, accounts, report):
    rid = add(db, report(event_name="=HYPERLINK(1)"))
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        login_user(SupportUser(accounts["reviewer"]))
        message = perform(ids.REVIEW_PUBLISH, rid, None, None, {}, [])
        assert message == f"Report {rid} published."
        status, candidate, detail, hidden, _hidden, values = report_callbacks.show_report(
            rid, 1, "en", [{"type": ids.REVIEW_FIX, "name": "event_name"}]
        )
        assert hidden is False and values == ["=HYPERLINK(1)"] and candidate is None
        assert "Published" in str(status.to_plotly_json())  # the status in words
        # Free text is a string child (rendered as text), never markup.
        assert "=HYPERLINK(1)" in str(detail.to_plotly_json())
        table = review_callbacks.render_audit("x", "en")
        assert "rita@example.org" in str(table.to_plotly_json())
    assert [e.action for e in audit_entries_list(db)] == ["publish"]


def audit_entries_list(db):
    with db.session(readonly=True) as session:
        return audit_entries(session)


def test_audit_page_opens_for_a_signed_in_reviewer(client, accounts):
    from tests.conftest import sign_in

    sign_in(client, "rita@example.org")
    assert client.get("/en/review/audit").status_code == 200
    # The queue's older link to one report (exported plans hold it) opens its own page.
    old = client.get("/en/review?report=1")
    assert (old.status_code, old.headers["Location"]) == (302, "/en/review/1")
    assert client.get("/en/review/1").status_code == 200
