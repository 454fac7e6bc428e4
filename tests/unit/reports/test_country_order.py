"""Country lists read in alphabetical order in every language: accented initials sort with
their letter (German "Österreich" beside "Oman", not after "Zypern")."""

from __future__ import annotations

import pytest
from flask import Flask
from flask_babel import force_locale

from data import i18n
from data.reference import reference


@pytest.fixture(scope="module")
def context():
    flask = Flask(__name__)
    i18n.babel.init_app(flask, default_translation_directories=str(i18n.TRANSLATIONS))
    with flask.app_context():
        yield


def labels(lang: str, codes) -> list[str]:
    with force_locale(lang):
        return [o["label"] for o in i18n.country_options(codes)]


def test_german_umlauts_sort_with_their_letter(context):
    got = labels("de", ["CY", "AT", "OM", "EG", "AL", "ET", "PE"])
    assert got == ["Ägypten", "Albanien", "Äthiopien", "Oman", "Österreich", "Peru", "Zypern"]


def test_french_accents_and_case_are_set_aside(context):
    got = labels("fr", ["US", "EG", "EC", "ES", "ER"])
    assert got == ["Égypte", "Équateur", "Érythrée", "Espagne", "États-Unis"]


def test_other_scripts_keep_their_letters_order(context):
    # Russian "Й" is a letter after "И", not an accented "И".
    assert labels("ru", ["YE", "IL", "IT", "EG"]) == ["Египет", "Израиль", "Италия", "Йемен"]


@pytest.mark.parametrize("lang", ["de", "ar", "hi", "zh"])
def test_every_country_once_with_its_code(context, lang):
    codes = list(reference().countries)
    with force_locale(lang):
        options = i18n.country_options(codes)
    assert sorted(o["value"] for o in options) == sorted(codes)
    keys = [i18n.collation_key(o["label"]) for o in options]
    assert keys == sorted(keys)


def test_collation_key_ignores_latin_accents_and_case_only():
    key = i18n.collation_key
    assert key("Österreich")[0] == key("osterreich")[0] == "osterreich"
    assert key("Åland")[0] == "aland"
    assert key("Йемен")[0] == "йемен"  # the breve stays: a letter of its own
    assert sorted(["b", "B", "a"], key=key) == ["a", "B", "b"]  # ties broken by the exact text


@pytest.mark.parametrize("lang", ["ar", "sw", "bn", "fr"])
def test_event_languages_are_named_never_bare_codes(context, lang):
    """CLDR names only some languages in Arabic or Swahili: the others are named in themselves
    or in English, after the ones named in the viewer's language."""
    with force_locale(lang):
        named = i18n.event_languages()
        own = i18n._locale().languages
    assert len(named) > 500
    for code, name in named.items():  # French names "fon" Fon: a name, not a code
        assert name == own[code] if code in own else name != code, code
    order = [code in own for code in named]
    assert order == sorted(order, reverse=True)  # the viewer's language's names first
    with force_locale(lang):
        assert named["sw"] == own["sw"]


def test_time_zones_are_named_in_the_viewer_language(context):
    from intake.events.schema import time_zones

    with force_locale("ar"):
        arabic = {o["value"]: o["label"] for o in i18n.time_zone_options(time_zones())}
    with force_locale("fr"):
        french = {o["value"]: o["label"] for o in i18n.time_zone_options(time_zones())}
    assert arabic["Africa/Nairobi"] == "نيروبي · توقيت كينيا"
    assert french["Africa/Addis_Ababa"].startswith("Addis-Abeba")
    assert arabic["UTC"] == french["UTC"] == "UTC"
    assert set(arabic) == set(time_zones())
