"""Callbacks called directly, as Dash would call them."""

import dash
import pytest
from sqlalchemy import func, select

from components.fields import field_id, message_id
from data.db import EXTENSION_KEY
from data.models import Report
from data.reference import reference
from intake.report.callbacks import submit_report
from intake.report.formdata import field_names


@pytest.fixture
def ctx(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        yield sqlite_app.server


def form_values(**values):
    names = field_names(reference())
    return (
        [values.get(n) for n in names],
        [field_id(n) for n in names],
        [message_id(n) for n in names],
    )


def test_submit_with_errors_shows_messages_beside_fields_and_keeps_the_form(ctx):
    values, fids, mids = form_values(
        event_name="Salon", participants_total=3, group_women=4, priority_2="I02", priority_3="I02"
    )
    messages, classes, summary, result, hidden = submit_report(1, values, "c1d2", "en", fids, mids)
    shown = {m["name"]: text for m, text in zip(mids, messages, strict=True) if text}
    assert shown["group_women"] == "Cannot be more than the total number of participants."
    assert shown["priority_3"] == "This was already chosen above."
    assert shown["event_date"] == "This field is required."
    assert "event_name" not in shown
    assert classes[[m["name"] for m in mids].index("event_date")] == "mb-3 has-error"
    assert summary is not None and result is dash.no_update and hidden is False


def test_submit_valid_form_stores_once_and_confirms(ctx):
    values, fids, mids = form_values(
        event_name="Salon",
        event_date="2020-10-01",
        country="BR",
        format="virtual",
        participants_total=12,
        group_women=5,
        priority_1="I25",
        priority_1_why="hubs",
        organizer_name="Ana",
        organizer_email="ana@example.org",
    )
    client_id = "0b7e4f7c-5a62-4a8e-9d6b-2f2f3f1e7d11"
    first = submit_report(1, values, client_id, "en", fids, mids)
    second = submit_report(2, values, client_id, "en", fids, mids)
    assert first[4] is True and second[4] is True
    assert "stored as number 1" in str(first[3])
    assert "stored as number 1" in str(second[3])
    with ctx.extensions[EXTENSION_KEY].session(readonly=True) as session:
        assert session.scalar(select(func.count(Report.id))) == 1
        assert session.scalar(select(Report.region)) == "LAC"
