"""Languages over HTTP and in callbacks: URL, cookie, Accept-Language, RTL, translated errors."""

import uuid

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select

from components.fields import field_id, message_id
from data import i18n
from data.db import EXTENSION_KEY
from data.models import Report
from data.reference import reference
from intake.report.callbacks import submit_report
from intake.report.formdata import field_names, to_values
from tests.conftest import REPORT


@pytest.fixture
def web(sqlite_app):
    return sqlite_app.server.test_client()


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("fr", "ltr")])
def test_page_sets_lang_dir_and_the_matching_bootstrap(web, lang, direction):
    html = web.get(f"/{lang}/report").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in html
    rtl_css = "/assets/vendor/bootstrap/bootstrap.rtl.min.css" in html
    assert rtl_css == (direction == "rtl")
    assert f'<script src="/locale/plotly-{lang}.js?v=' in html


def test_plotly_locale_for_every_language_but_english(web):
    # The app's own locale (components/plotly_locale.py), also where plotly.js ships none (bn).
    for lang in ("zh", "pt", "bn"):
        assert f"/locale/plotly-{lang}.js?v=" in web.get(f"/{lang}/").get_data(as_text=True)
    assert "/locale/plotly-" not in web.get("/en/").get_data(as_text=True)


def test_choice_is_remembered_in_a_cookie_and_used_for_root(web):
    response = web.get("/sw/")
    assert "lang=sw" in response.headers["Set-Cookie"]
    assert web.get("/", headers={"Accept-Language": "fr"}).headers["Location"] == "/sw/"


def test_api_validation_messages_follow_accept_language(web, report):
    bad = report(event_name="")
    fr = web.post("/api/v1/reports", json=bad, headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    ar = web.post("/api/v1/reports", json=bad, headers={"Accept-Language": "ar"})
    en = web.post("/api/v1/reports", json=bad)
    english = en.get_json()["errors"]["event_name"]
    assert english == "This field is required."
    assert fr.get_json()["errors"]["event_name"] not in ("", english)
    assert ar.get_json()["errors"]["event_name"] not in ("", english)
    assert any("\u0600" <= ch <= "\u06ff" for ch in ar.get_json()["errors"]["event_name"])


def test_reference_labels_in_the_requested_language(web):
    body = web.get("/api/v1/reference?lang=ar").get_json()
    kenya = next(c for c in body["countries"] if c["code"] == "KE")
    assert kenya["label"] == "كينيا"  # Babel's CLDR territory name
    charter = next(i for i in body["initiatives"] if i["code"] == "I22")
    assert charter["label"] != "Movement Charter"
    assert {lang["code"]: lang["dir"] for lang in body["languages"]}["fa"] == "rtl"
    assert len(body["languages"]) == 13


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_form_validation_message_in_the_page_language(sqlite_app, lang):
    names = field_names(reference())
    values = [None] * len(names)
    with sqlite_app.server.test_request_context("/_dash-update-component", method="POST"):
        messages, *_ = submit_report(
            1, values, "x", lang, [field_id(n) for n in names], [message_id(n) for n in names]
        )
        with force_locale(lang):
            expected = gettext("This field is required.")
    shown = dict(zip(names, messages, strict=True))
    assert expected != "This field is required."  # the catalog has it: a real check below
    assert shown["event_name"] == expected
    if lang == "ar":
        assert any("\u0600" <= ch <= "\u06ff" for ch in shown["event_name"])


def written_in(app, report_id: int) -> str:
    with app.server.extensions[EXTENSION_KEY].session(readonly=True) as session:
        return session.scalar(select(Report.written_in).where(Report.id == report_id))


def submit_form(app, lang: str):
    """The whole valid report through the form's callback, as the page in ``lang`` sends it;
    returns the stored report's number."""
    names = field_names(reference())
    values = to_values(REPORT, reference())
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        *_, hidden = submit_report(
            1,
            [values.get(n) for n in names],
            str(uuid.uuid4()),
            lang,
            [field_id(n) for n in names],
            [message_id(n) for n in names],
        )
    assert hidden is True  # stored: the confirmation replaced the form
    with app.server.extensions[EXTENSION_KEY].session(readonly=True) as session:
        return session.scalar(select(Report.id).order_by(Report.id.desc()))


def test_a_report_posted_in_french_is_stored_as_written_in_french(sqlite_app, web, report):
    answer = web.post(
        "/api/v1/reports", json=report(), headers={"Accept-Language": "fr-FR,fr;q=0.9"}
    )
    assert answer.status_code == 201
    assert written_in(sqlite_app, answer.get_json()["id"]) == "fr"


def test_a_report_from_the_swahili_form_is_stored_as_written_in_swahili(sqlite_app):
    assert written_in(sqlite_app, submit_form(sqlite_app, "sw")) == "sw"


@pytest.mark.parametrize("lang", ["zzzz", "it", ""])
def test_an_unknown_form_language_stores_the_default(sqlite_app, lang):
    """The language comes from the browser unchecked: only a shipped one is stored."""
    assert lang not in i18n.available()
    assert written_in(sqlite_app, submit_form(sqlite_app, lang)) == i18n.DEFAULT
