"""The report form's callback called directly (as Dash would), and the pure helpers behind it:
honeypot, reasons without a choice, edit links, possible duplicates, an unavailable database."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select

from components.fields import field_id, message_id
from data.aggregates.queries import data_version
from data.db import EXTENSION_KEY
from data.models import Report, ReportAudit
from data.privacy import neutralize
from data.reference import reference
from data.reports.duplicates import event_key
from data.reports.rows import report_data
from intake.report.callbacks import submit_report
from intake.report.formdata import field_names, to_payload, to_values
from intake.report.ids import HONEYPOT

VALID = {
    "event_name": "Salon",
    "event_date": "2020-10-01",
    "country": "BR",
    "format": "virtual",
    "participants_total": 12,
    "group_women": 5,
    "priority_1": "I25",
    "priority_1_why": "hubs",
    "organizer_name": "Ana",
    "organizer_email": "ana@example.org",
}
CLIENT_ID = "0b7e4f7c-5a62-4a8e-9d6b-2f2f3f1e7d11"


def submit_form(client_id=CLIENT_ID, edit_token=None, lang="en", **values):
    """Call the submit callback with the form's fields (plus the honeypot) set to ``values``."""
    names = [*field_names(reference()), HONEYPOT]
    filled = {**VALID, **values}
    return submit_report(
        1,
        [filled.get(n) for n in names],
        client_id,
        lang,
        [field_id(n) for n in names],
        [message_id(n) for n in names],
        edit_token,
    )


@pytest.fixture
def ctx(sqlite_app):
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        yield sqlite_app.server


def count(server) -> int:
    with server.extensions[EXTENSION_KEY].session(readonly=True) as session:
        return session.scalar(select(func.count(Report.id)))


def messages(result) -> dict:
    names = [*field_names(reference()), HONEYPOT]
    return {n: m for n, m in zip(names, result[0], strict=True) if m}


def test_a_bot_filling_the_honeypot_sees_a_confirmation_and_nothing_is_stored(ctx):
    _, _, summary, result, hidden = submit_form(**{HONEYPOT: "Buy cheap pills"})
    assert hidden is True and summary is None
    assert "Thank you" in str(result)
    assert count(ctx) == 0


def test_a_reason_without_a_choice_is_an_error_on_its_slot(ctx):
    result = submit_form(priority_3_why="Because", recommendation_2_why="Also")
    shown = messages(result)
    assert shown == {
        "priority_3": "Choose an initiative for this reason, or clear the reason.",
        "recommendation_2": "Choose a recommendation for this reason, or clear the reason.",
    }
    assert result[4] is False and count(ctx) == 0


def test_confirmation_gives_the_edit_link_and_names_a_possible_duplicate(ctx):
    first = submit_form()
    assert "/en/report/edit/" in str(first[3])
    second = submit_form(
        client_id="1b7e4f7c-5a62-4a8e-9d6b-2f2f3f1e7d11", event_name="  SALON! ", lang="fr"
    )
    notice = str(second[3])
    assert "report-duplicate-notice" in notice and "Salon" in notice and "1" in notice
    assert "/fr/report/edit/" in notice
    assert count(ctx) == 2


def test_unavailable_database_keeps_the_form_and_says_so(ctx):
    db = ctx.extensions[EXTENSION_KEY]
    working = db.engine
    db.bind(create_engine("sqlite:////nonexistent/folder/priorities.db"))
    try:
        _, _, notice, result, hidden = submit_form(lang="fr")
    finally:
        db.engine.dispose()
        db.bind(working)
    assert hidden is False and result is not None  # no_update: the form stays as typed
    assert "report-unavailable" in str(notice)
    assert "database" not in str(notice).lower()  # in French
    assert submit_form()[4] is True and count(ctx) == 1  # the retry stores it once


def test_editing_through_the_link_changes_the_report_with_an_audit_row(ctx):
    from data.reports.submit import editable

    db = ctx.extensions[EXTENSION_KEY]
    link = str(submit_form()[3]).split("/en/report/edit/")[1].split("'")[0].split('"')[0]
    report_id, data = editable(db, link)
    values = to_values(data, reference())
    assert values["event_name"] == "Salon" and values["priority_1_why"] == "hubs"
    with db.session(readonly=True) as session:
        version = data_version(session)[0]

    edited = {**values, "event_name": "Salon (corrected)", "priority_2": "I02"}
    result = submit_form(client_id=data["client_id"], edit_token=link, **edited)
    assert result[4] is True and "were saved" in str(result[3])
    with db.session(readonly=True) as session:
        row = session.get(Report, report_id)
        assert row.event_name == "Salon (corrected)"
        assert [i.code for i in row.initiatives] == ["I25", "I02"]
        assert data_version(session)[0] == version + 1
        audit = session.scalars(select(ReportAudit)).all()
        assert len(audit) == 1
        assert audit[0].report_id == report_id
        assert audit[0].who == "organizer (edit link)"
        assert audit[0].before["event_name"] == "Salon"
        assert audit[0].after["event_name"] == "Salon (corrected)"
        assert audit[0].after == report_data(row)

    # Saving again without a change writes no audit row and no version.
    submit_form(client_id=data["client_id"], edit_token=link, **edited)
    with db.session(readonly=True) as session:
        assert session.scalar(select(func.count(ReportAudit.id))) == 1
        assert data_version(session)[0] == version + 1
    wrong = submit_form(client_id=data["client_id"], edit_token="not-a-token", **edited)
    assert "report-edit-invalid" in str(wrong[2]) and wrong[4] is False


def test_a_resend_with_changes_after_a_lost_answer_keeps_the_changes(ctx):
    """The first answer never arrived; the organizer changed the draft and sent it again (the
    same client_id): one report, holding what was sent last, the change audited."""
    db = ctx.extensions[EXTENSION_KEY]
    submit_form()  # stored; its answer lost
    with db.session(readonly=True) as session:
        version = data_version(session)[0]
    again = submit_form()  # a plain retry: nothing changes
    assert "were saved" not in str(again[3])
    changed = submit_form(event_name="Salon (renamed)", notes="Added after the first send")
    assert changed[4] is True
    assert "Your changes to report number 1 were saved." in str(changed[3])
    assert "stored as number 1" in str(changed[3])
    with db.session(readonly=True) as session:
        rows = session.scalars(select(Report)).all()
        assert [(r.id, r.event_name, r.notes) for r in rows] == [
            (1, "Salon (renamed)", "Added after the first send")
        ]
        assert data_version(session)[0] == version + 1  # the retry wrote nothing
        (audit,) = session.scalars(select(ReportAudit)).all()
        assert audit.who == "organizer (sent again with changes)"
        assert (audit.before["event_name"], audit.after["event_name"]) == (
            "Salon",
            "Salon (renamed)",
        )


def test_form_values_round_trip_through_the_api_shape():
    ref = reference()
    values = {n: None for n in field_names(ref)} | {
        **VALID,
        "languages": ["pt"],
        "themes": ["education"],
        "priority_1": ["I25"],
        "priority_2": ["I02", "I03"],
        "priority_2_why": "",
        "priorities_ranked": "ranked",
        "recommendation_1": ["R1", "R6"],
        "recommendation_1_why": "why",
        "recommendations_ranked": "unranked",
        "global_coordination": ["I22"],
        "global_coordination_why": "one charter",
        "participants_precision": "about",
        "part_2_date": "2020-10-08",
        "part_2_format": "on_wiki",
        "co_organizers": "Wikimedia Portugal\nWiki Movimento Brasil",
    }
    payload = to_payload(values, CLIENT_ID, ref)
    assert payload["priorities"][1:] == [
        {"code": "I02", "rank": 2, "why": ""},
        {"code": "I03", "rank": 2, "why": ""},  # a tie: two in one row
    ]
    back = to_values(payload, ref)
    assert {k: v for k, v in back.items() if v not in (None, "", [])} == {
        k: v for k, v in values.items() if v not in (None, "", [])
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+33 1 23", "'+33 1 23"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("Salon = good", "Salon = good"),
        ("", ""),
        (-3, -3),
        (None, None),
    ],
)
def test_formula_injection_is_neutralized_for_spreadsheets(value, expected):
    assert neutralize(value) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Café  Salon!", "cafe salon"),
        ("Wikimedia-Kenya: Strategy Salon", "wikimedia kenya strategy salon"),
        ("STRASSE", "Straße"),
        ("ويكي  ميديا", "ويكي ميديا"),
    ],
)
def test_event_names_normalize_to_the_same_key(a, b):
    assert event_key(a) == event_key(b) != ""
