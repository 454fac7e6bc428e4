"""The app's own Plotly locale (components/plotly_locale.py): Babel's Gregorian names and
patterns for every shipped language, the toolbar strings Plotly really looks up, translated
by the app's catalogs, and the file served with a content hash and linked from each page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.mofile import read_mo
from dash import html
from flask import Flask

from components import plotly_locale as locales
from components.index import PrioritiesDash
from data import i18n
from data.reference import load

ROOT = Path(__file__).resolve().parents[3]
BUNDLE = ROOT / "assets" / "vendor" / "plotly" / "plotly.min.js"
LANGUAGES = [code for code in load().languages if code != "en"]
# Mode bar buttons plotly.js shows for bar/heatmap (cartesian) and geo subplots with
# GRAPH_CONFIG: select2d and lasso2d removed, hover toggles not added, no logo.
SHOWN_BUTTONS = (
    "toImage",
    "zoom2d",
    "pan2d",
    "zoomIn2d",
    "zoomOut2d",
    "autoScale2d",
    "resetScale2d",
    "zoomInGeo",
    "zoomOutGeo",
    "resetGeo",
)


def babel_app(flask: Flask) -> Flask:
    i18n.babel.init_app(flask, default_translation_directories=str(i18n.TRANSLATIONS))
    return flask


@pytest.fixture(scope="module")
def context():
    """An application context with Flask-Babel on the app's catalogs (no database)."""
    with babel_app(Flask(__name__)).app_context():
        yield


def bundle() -> str:
    if not BUNDLE.is_file():
        pytest.skip("no partial plotly.js: run scripts/fetch_vendor.sh (make install)")
    return BUNDLE.read_text()


@pytest.mark.parametrize("code", LANGUAGES)
def test_names_and_numbers_are_babels_gregorian_ones(context, code):
    fmt = locales.build(code)["format"]
    babel = Locale.parse(code)
    assert fmt["months"] == [babel.months["format"]["wide"][m] for m in range(1, 13)]
    assert fmt["shortMonths"] == [babel.months["format"]["abbreviated"][m] for m in range(1, 13)]
    # Plotly's weeks start on Sunday, Babel's on Monday.
    assert fmt["days"][0] == babel.days["format"]["wide"][6]
    assert fmt["shortDays"][1:] == [babel.days["format"]["abbreviated"][d] for d in range(6)]
    assert len(set(fmt["months"])) == 12
    # Latin digits' symbols, as the app's Babel formatting uses.
    assert fmt["decimal"] in {".", ","}
    for key in ("date", "year", "month", "dayMonth", "dayMonthYear"):
        directives = re.findall(r"%-?(.)", fmt[key])
        assert directives and set(directives) <= set("YymbBdaA"), (key, fmt[key])


def test_persian_months_are_gregorian_not_solar(context):
    months = locales.build("fa")["format"]["months"]
    assert months[0].startswith("ژانویه") and months[11].startswith("دسامبر")
    assert "فروردین" not in months  # Plotly's own fa file names the solar months


def test_bengali_and_chinese_ticks_follow_the_language(context):
    bn, zh = locales.build("bn")["format"], locales.build("zh")["format"]
    assert bn["shortMonths"][7] == "আগ" and bn["dayMonth"] == "%-d %b"
    assert zh["dayMonth"] == "%-m月%-d日" and zh["year"] == "%Y年"
    assert locales.build("hi")["format"]["grouping"][:3] == [3, 2, 2]  # 12,34,567


def test_cldr_patterns_become_d3_specifiers():
    assert locales.d3_pattern("dd/MM/y") == "%d/%m/%Y"
    assert locales.d3_pattern("d 'de' MMM 'de' y") == "%-d de %b de %Y"
    assert locales.d3_pattern("EEEE d LLLL yy") == "%A %-d %B %y"
    with pytest.raises(ValueError):
        locales.d3_pattern("h:mm a")  # a field the locale does not map: never silently


def test_dictionary_keys_are_strings_plotly_looks_up():
    source = bundle()
    # Every key is the English text plotly.js passes to its translation function.
    missing = [m for m in locales.MESSAGES if not re.search(rf'\w\(\w+,"{re.escape(m)}"\)', source)]
    assert missing == []
    shown = []
    for button in SHOWN_BUTTONS:
        found = re.search(rf'\{{name:"{button}",.*?title:(.*?),icon:', source)
        assert found, button
        # toImage: the first string is the PNG one (the app keeps Plotly's default format).
        shown.append(re.search(r'\w\(\w+,"([^"]+)"\)', found.group(1)).group(1))
    assert set(shown) <= set(locales.MESSAGES)
    assert {"Download plot as a PNG", "Reset axes", "Reset", "Autoscale"} <= set(shown)


@pytest.mark.parametrize("code", LANGUAGES)
def test_values_are_the_compiled_catalogs_translations(context, code):
    mo = i18n.TRANSLATIONS / code / "LC_MESSAGES" / "messages.mo"
    if not mo.is_file():
        pytest.skip("catalogs not compiled: make compile-translations")
    with mo.open("rb") as handle:
        catalog = read_mo(handle)
    module = locales.build(code)
    assert module["name"] == code and module["moduleType"] == "locale"
    assert list(module["dictionary"]) == list(locales.MESSAGES)
    for message, shown in module["dictionary"].items():
        found = catalog.get(message)
        # Until a string is translated, Plotly shows its English (the msgid itself).
        assert shown == (found.string if found and found.string else message), message


@pytest.fixture(scope="module")
def page_app():
    app = PrioritiesDash(__name__, serve_locally=True)
    app.layout = html.Div()
    babel_app(app.server)
    return app.server.test_client()


def test_each_page_links_its_locale_file_cached_by_content(page_app):
    page = page_app.get("/ar/report").get_data(as_text=True)
    src = re.search(r'<script src="(/locale/plotly-ar\.js\?v=(\w+))"></script>', page)
    assert src, "the Arabic page links no Plotly locale"
    # Before Dash's own scripts: the file queues itself until dcc.Graph loads plotly.js.
    assert page.index(src.group(1)) < page.index("_dash-component-suites")
    served = page_app.get(src.group(1))
    assert served.status_code == 200 and served.mimetype == "text/javascript"
    assert served.cache_control.max_age == 365 * 24 * 3600 and served.cache_control.immutable
    assert served.get_etag()[0] == src.group(2)
    body = served.get_data(as_text=True)
    assert "window.PlotlyLocales" in body and "Plotly.register(locale)" in body
    assert '"name":"ar"' in body
    # Another hash (an old page) still gets the file, revalidated instead of cached.
    assert page_app.get("/locale/plotly-ar.js?v=old").cache_control.no_cache
    assert page_app.get(src.group(1), headers={"If-None-Match": src.group(2)}).status_code == 304


def test_english_and_unknown_languages_have_no_locale_file(page_app):
    assert "/locale/plotly-" not in page_app.get("/en/").get_data(as_text=True)
    assert page_app.get("/locale/plotly-en.js").status_code == 404
    assert page_app.get("/locale/plotly-xx.js").status_code == 404
    assert locales.name("en") is None and locales.name("xx") is None
