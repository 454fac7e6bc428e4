"""Languages over HTTP and in callbacks: URL, cookie, Accept-Language, RTL, translated errors."""

import pytest

from components.fields import field_id, message_id
from data.reference import reference
from intake.callbacks import submit_report
from intake.formdata import field_names


@pytest.fixture
def web(sqlite_app):
    return sqlite_app.server.test_client()


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fa", "rtl"), ("fr", "ltr")])
def test_page_sets_lang_dir_and_the_matching_bootstrap(web, lang, direction):
    html = web.get(f"/{lang}/report").get_data(as_text=True)
    assert f'<html lang="{lang}" dir="{direction}">' in html
    rtl_css = "/assets/vendor/bootstrap/bootstrap.rtl.min.css" in html
    assert rtl_css == (direction == "rtl")
    assert f"/assets/vendor/plotly-locales/{lang}.js" in html


def test_plotly_locale_names_and_languages_without_one(web):
    assert "plotly-locales/zh-cn.js" in web.get("/zh/").get_data(as_text=True)
    assert "plotly-locales/pt-br.js" in web.get("/pt/").get_data(as_text=True)
    assert "plotly-locales" not in web.get("/bn/").get_data(as_text=True)  # Plotly has no bn


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
    shown = dict(zip(names, messages, strict=True))
    assert shown["event_name"] and shown["event_name"] != "This field is required."
