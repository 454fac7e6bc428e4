"""Plotly's locale for each interface language, built from the app's catalogs and Babel.

plotly.js ships locale files, but for ar, fa, hi and id their dictionary is empty and there is
none for bn, so the chart toolbar stayed English; and its fa file names the *Persian solar*
months for Gregorian dates. Here the toolbar's strings are the app's own msgids (translated
with the rest of the interface) and the date and number formats are Babel's CLDR data, with
Latin digits as everywhere else in the app.

The file is served at ``/locale/plotly-<lang>.js?v=<hash of its content>`` and cached for a
year: a new catalog changes the hash, so a page never pairs with a stale file. Like plotly.js's
own locale files it queues itself in ``window.PlotlyLocales`` when plotly.js has not loaded yet
(dcc.Graph loads it lazily) and plotly.js registers the queue when it starts.

The content depends only on the code and the compiled catalogs, which Flask-Babel loads once
per process: each worker builds the same file, once per language.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache

from babel import Locale
from babel.dates import tokenize_pattern
from babel.numbers import get_decimal_symbol, get_group_symbol
from dash import Dash
from flask import Response, abort, request
from flask_babel import force_locale, gettext

from data import i18n

ROUTE = "locale/plotly-<lang>.js"
YEAR = 365 * 24 * 3600


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated when a locale is built."""
    return message


# Exactly the strings of plotly.js 4.1.1 (src/components/modebar/buttons.js, the notifier's
# messages) that a visitor can see with components.charts.GRAPH_CONFIG (no logo, no box or
# lasso select, no hover toggles) on bar, heatmap and geo charts. Each is Plotly's own English
# text, used as the dictionary key: keep them byte for byte.
MESSAGES = (
    # TRANSLATORS: Plotly's chart toolbar (shown when hovering a chart): button title.
    N_("Download plot as a PNG"),
    # TRANSLATORS: Plotly's chart toolbar: button title (drag to zoom into a rectangle).
    N_("Zoom"),
    # TRANSLATORS: Plotly's chart toolbar: button title (drag to move the chart or map).
    N_("Pan"),
    # TRANSLATORS: Plotly's chart toolbar: button title.
    N_("Zoom in"),
    # TRANSLATORS: Plotly's chart toolbar: button title.
    N_("Zoom out"),
    # TRANSLATORS: Plotly's chart toolbar: button title (fit the axes to the data).
    N_("Autoscale"),
    # TRANSLATORS: Plotly's chart toolbar: button title (back to the chart's first view).
    N_("Reset axes"),
    # TRANSLATORS: Plotly's chart toolbar on the map: button title (back to the first view).
    N_("Reset"),
    # TRANSLATORS: Plotly's chart toolbar: message while a chart is saved as an image.
    N_("Preparing image - this may take a few seconds"),
    # TRANSLATORS: Plotly's chart toolbar: message after a chart was saved as an image.
    N_("Image download succeeded"),
    # TRANSLATORS: Plotly's chart toolbar: message when saving a chart as an image failed.
    N_("Sorry, there was a problem downloading your image!"),
    # TRANSLATORS: Plotly's chart tip, shown once after zooming into a chart.
    N_("Double-click to zoom back out"),
    # TRANSLATORS: Plotly's chart tip, shown once after clicking a map's legend.
    N_("Double-click on legend to isolate one trace"),
)

# CLDR date fields → d3-time-format directives (the ones Babel's patterns use for these
# languages). An unknown field raises: a silent English fallback is what this module removes.
D3_FIELDS = {
    ("y", 1): "%Y",
    ("y", 2): "%y",
    ("y", 4): "%Y",
    ("M", 1): "%-m",
    ("M", 2): "%m",
    ("M", 3): "%b",
    ("M", 4): "%B",
    ("L", 1): "%-m",
    ("L", 2): "%m",
    ("L", 3): "%b",
    ("L", 4): "%B",
    ("d", 1): "%-d",
    ("d", 2): "%d",
    ("E", 1): "%a",
    ("E", 2): "%a",
    ("E", 3): "%a",
    ("E", 4): "%A",
}
# Plotly's keys for its date axis ticks, and the CLDR skeletons that say the same thing.
TICK_SKELETONS = {"year": "y", "month": "yMMM", "dayMonth": "MMMd", "dayMonthYear": "yMMMd"}


def d3_pattern(cldr: str) -> str:
    """A CLDR date pattern (``d MMM y``) as a d3-time-format specifier (``%-d %b %Y``)."""
    out = []
    for kind, value in tokenize_pattern(cldr):
        if kind == "chars":
            out.append(value.replace("%", "%%"))
        elif value in D3_FIELDS:
            out.append(D3_FIELDS[value])
        else:
            raise ValueError(f"no d3 directive for {value!r} in {cldr!r}")
    return "".join(out)


def number_grouping(locale: Locale) -> list[int]:
    """d3's grouping (cycled): Indian grouping (3, then 2s) spelled out to 17 digits."""
    first, rest = locale.decimal_formats[None].grouping
    return [first] if first == rest else [first] + [rest] * 7


def date_format(locale: Locale) -> dict:
    """Month and day names (Gregorian, format context) and date patterns from Babel."""
    months, days = locale.months["format"], locale.days["format"]
    # Babel counts days from Monday (0); d3 and Plotly from Sunday.
    week = [6, 0, 1, 2, 3, 4, 5]
    skeletons = locale.datetime_skeletons
    return {
        "days": [days["wide"][i] for i in week],
        "shortDays": [days["abbreviated"][i] for i in week],
        "months": [months["wide"][i] for i in range(1, 13)],
        "shortMonths": [months["abbreviated"][i] for i in range(1, 13)],
        "date": d3_pattern(locale.date_formats["short"].pattern),
        **{key: d3_pattern(skeletons[s].pattern) for key, s in TICK_SKELETONS.items()},
        "decimal": get_decimal_symbol(locale, numbering_system="latn"),
        "thousands": get_group_symbol(locale, numbering_system="latn"),
        "grouping": number_grouping(locale),
    }


def build(lang: str) -> dict:
    """Plotly's locale module for ``lang``: its toolbar strings and its formats.

    Needs an application context (Flask-Babel's catalogs)."""
    with force_locale(lang):
        dictionary = {message: gettext(message) for message in MESSAGES}
    return {
        "moduleType": "locale",
        "name": lang,
        "dictionary": dictionary,
        "format": date_format(Locale.parse(lang)),
    }


def script_of(module: dict) -> str:
    body = json.dumps(module, sort_keys=True, separators=(",", ":"))
    # The queue is plotly.js's own mechanism for locale files loaded before it.
    return (
        f"(function(){{var locale={body};"
        'if(typeof Plotly==="undefined"){(window.PlotlyLocales=window.PlotlyLocales||[])'
        ".push(locale)}else{Plotly.register(locale)}})();\n"
    )


@cache
def script(lang: str) -> tuple[str, str]:
    """The locale file of ``lang`` and a short hash of it (the URL's cache key)."""
    text = script_of(build(lang))
    return text, hashlib.sha256(text.encode()).hexdigest()[:16]


def name(lang: str) -> str | None:
    """The locale's name for ``config.locale``: None in English (Plotly's built-in)."""
    lang = i18n.normalize(lang)
    return None if lang == i18n.DEFAULT else lang


def path(lang: str) -> str | None:
    """The locale file's path with its content hash, or None when ``lang`` needs none."""
    locale = name(lang)
    return f"/locale/plotly-{locale}.js?v={script(locale)[1]}" if locale else None


def serve(lang: str) -> Response:
    if name(lang) != lang:
        abort(404)
    text, digest = script(lang)
    response = Response(text, mimetype="text/javascript")
    response.set_etag(digest)
    if request.args.get("v") == digest:
        response.cache_control.public = True
        response.cache_control.max_age = YEAR
        response.cache_control.immutable = True
    else:
        # An old or missing hash: still correct content, but revalidated every time.
        response.cache_control.no_cache = True
    return response.make_conditional(request)


def init_app(app: Dash) -> None:
    app.server.add_url_rule(app.config.routes_pathname_prefix + ROUTE, "plotly_locale", serve)
