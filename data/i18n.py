"""Languages of the interface, locale negotiation and labels of reference codes.

The language travels in the URL (``/<lang>/…``) and, inside Dash callbacks, explicitly as a
``State`` wrapped in ``force_locale``. Labels are looked up at render time, so stored codes are
shown in the viewer's language.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location
from flask import request
from flask_babel import Babel, get_locale, gettext

from data.reference import reference

DEFAULT = "en"
TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
COOKIE = "lang"

babel = Babel()


@cache
def available() -> tuple[str, ...]:
    """Codes of the shipped interface languages, in the order of languages.csv."""
    return tuple(
        code
        for code in reference().languages
        if code == DEFAULT or (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").exists()
    )


def normalize(lang: str | None) -> str:
    """``lang`` when it is shipped, else the default."""
    return lang if lang in available() else DEFAULT


def is_rtl(lang: str) -> bool:
    found = reference().languages.get(lang)
    return bool(found and found.rtl)


def negotiate() -> str:
    """The language for a request without one in its URL: cookie, then Accept-Language."""
    cookie = request.cookies.get(COOKIE)
    if cookie in available():
        return cookie
    return request.accept_languages.best_match(available()) or DEFAULT


def select_locale() -> str:
    """Flask-Babel's locale selector: URL's first segment, ``lang`` query, else negotiate.

    The API answers in the ``Accept-Language`` language: a client states it on every call, and
    a browser's cookie from the pages must not override it.
    """
    first = request.path.strip("/").split("/", 1)[0]
    if first in available():
        return first
    query = request.args.get("lang")
    if query in available():
        return query
    if first == "api":
        return request.accept_languages.best_match(available()) or DEFAULT
    return negotiate()


def remember(response):
    """After a page in a shipped language, remember that language in a cookie."""
    first = request.path.strip("/").split("/", 1)[0]
    if (
        first in available()
        and response.mimetype == "text/html"
        and request.cookies.get(COOKIE) != first
    ):
        response.set_cookie(COOKIE, first, max_age=365 * 24 * 3600, samesite="Lax")
    return response


# Labels of reference codes in the current locale ------------------------------------------


def initiative(code: str, numbered: bool = True) -> str:
    item = reference().initiatives.get(code)
    if item is None:
        return code
    title = gettext(item.title)
    return f"{item.number}. {title}" if numbered else title


def recommendation(code: str, numbered: bool = True) -> str:
    item = reference().recommendations.get(code)
    if item is None:
        return code
    title = gettext(item.title)
    return f"{item.number}. {title}" if numbered else title


def region(code: str) -> str:
    item = reference().regions.get(code)
    return gettext(item.label) if item else code


def theme(code: str) -> str:
    item = reference().themes.get(code)
    return gettext(item.label) if item else code


def event_format(code: str) -> str:
    item = reference().formats.get(code)
    return gettext(item.label) if item else code


def group(code: str) -> str:
    item = reference().groups.get(code)
    return gettext(item.label) if item else code


def _locale() -> Locale:
    return get_locale() or Locale(DEFAULT)


def country(code: str) -> str:
    """The country's name in the current locale (Babel's CLDR territory names)."""
    return _locale().territories.get(code, code)


def collation_key(text: str) -> tuple[str, str]:
    """A sort key close to alphabetical order without ICU: accents on Latin letters and case
    set aside ("Österreich" beside "Oman", not after "Zypern"), the exact text breaking ties.

    Marks on other scripts' letters stay (Russian "Й" is a letter of its own after "И"; an
    Indic virama is part of the word), so those keep their code-point order, which is stable.
    Not a full collation: no Spanish "ñ" after "n", no Czech "ch" after "h"."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char) and kept and kept[-1].isascii():
            continue
        kept.append(char)
    # Recomposed, the other scripts' letters are their own code points again.
    return unicodedata.normalize("NFC", "".join(kept)).casefold(), text


def country_options(codes) -> list[dict[str, str]]:
    """Dropdown options for countries, labelled in the current locale and sorted by name."""
    options = ({"label": country(c), "value": c} for c in codes)
    return sorted(options, key=lambda o: collation_key(o["label"]))


def language(code: str) -> str:
    """A language's name in the current locale."""
    return _locale().languages.get(code, code)


@cache
def _autonym(code: str) -> str | None:
    """The language's name in itself, where CLDR has it ("Kiswahili")."""
    try:
        return Locale.parse(code).get_language_name(code)
    except (ValueError, UnknownLocaleError):  # CLDR has no data for it
        return None


def event_languages() -> dict[str, str]:
    """Languages an event may be held in (ISO 639 codes Babel knows), labelled and sorted.

    Each is named in the viewer's language; where CLDR has no such name (many regional
    languages in Arabic or Swahili), in itself, else in English: never a bare code. The ones
    named in the viewer's language come first. Worked out once per language (the form pages
    list about 600 of them)."""
    return _event_languages(str(_locale()))


@cache
def _event_languages(locale: str) -> dict[str, str]:
    names = Locale.parse(locale).languages
    english = Locale(DEFAULT).languages
    codes = [c for c in english if "_" not in c and len(c) <= 3]
    labelled = [(c, names.get(c) or _autonym(c) or english[c], c in names) for c in codes]
    labelled.sort(key=lambda item: (not item[2], collation_key(item[1])))
    return {code: name for code, name, _own in labelled}


def time_zone_options(zones: tuple[str, ...]) -> list[dict[str, str]]:
    """The IANA zones as dropdown options named in the viewer's language (CLDR's city and its
    country's time: "أديس أبابا · توقيت إثيوبيا"), in the zones' order."""
    return _time_zone_options(str(_locale()), zones)


@cache
def _time_zone_options(locale: str, zones: tuple[str, ...]) -> list[dict[str, str]]:
    where = Locale.parse(locale)
    options = []
    for zone in zones:
        try:
            city = get_timezone_location(zone, locale=where, return_city=True)
            place = get_timezone_location(zone, locale=where)
        except LookupError:  # a zone CLDR does not know
            city = place = zone.replace("_", " ")
        label = place if city in place else f"{city} · {place}"
        # CLDR calls UTC "Unknown Region (UTC) Time".
        options.append({"label": "UTC" if zone == "UTC" else label, "value": zone})
    return options


def join_list(items, style: str = "standard") -> str:
    """Names joined as the current locale writes a list ("A, B, and C", Arabic "A وB وC",
    Chinese "A、B和C"; CLDR through Babel), the empty ones left out. A style some locale's data
    lacks (Babel 2.18 has no "standard-narrow" for Persian) falls back to "standard"."""
    from babel.lists import format_list

    names = [str(item) for item in items if item]
    if not names:
        return ""
    try:
        return format_list(names, style=style, locale=_locale())
    except (KeyError, ValueError):
        return format_list(names, locale=_locale())


def attendance(total: int | None, precision: str | None = "exact") -> str:
    """A number of participants as the report gave it: "34", "about 250", "at least 30", or
    "not given"."""
    from flask_babel import format_decimal

    if total is None:
        return gettext("not given")
    number = format_decimal(total)
    if precision == "at_least":
        return gettext("at least %(number)s", number=number)
    if precision == "about":
        return gettext("about %(number)s", number=number)
    return number
