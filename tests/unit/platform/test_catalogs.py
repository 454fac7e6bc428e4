"""Every shipped catalog is complete: nothing untranslated or fuzzy, placeholders intact, and
every message the code and the reference files use is in it."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from data.i18n import TRANSLATIONS
from data.reference import load

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES = [code for code, lang in load().languages.items() if code != "en"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
METHODS = [
    ("**/reference/*.csv", "data.i18n_extract:extract_reference_csv"),
    ("**.py", "python"),
]


@cache
def messages_in_code() -> frozenset[str]:
    found = {m[1] for m in extract_from_file("python", ROOT / "app.py")}
    for folder in ("components", "dashboard", "intake", "data"):
        found |= {m[2] for m in extract_from_dir(ROOT / folder, METHODS)}
    # A plural message is the (singular, plural) tuple, as the catalogs key it.
    return frozenset(m for m in found if m)


def catalog(code: str):
    with (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle)


def test_thirteen_languages_ship():
    assert sorted([*LANGUAGES, "en"]) == sorted(
        ["en", "es", "fr", "pt", "de", "ru", "ar", "fa", "hi", "bn", "id", "zh", "sw"]
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_is_complete_and_keeps_placeholders(code):
    cat = catalog(code)
    problems = []
    for message in cat:
        if not message.id:
            continue
        # Plural messages carry one string per form of the language; each keeps the placeholders.
        source = message.id if isinstance(message.id, str) else message.id[-1]
        forms = (message.string,) if isinstance(message.string, str) else message.string
        if not all(forms) or len(forms) != (1 if isinstance(message.id, str) else cat.num_plurals):
            problems.append(("untranslated", message.id))
        if message.fuzzy:
            problems.append(("fuzzy", message.id))
        wanted = sorted(PLACEHOLDER.findall(source))
        if any(sorted(PLACEHOLDER.findall(form)) != wanted for form in forms):
            problems.append(("placeholders", message.id))
    assert problems == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalog_covers_every_message_of_the_code(code):
    ids = {m.id for m in catalog(code) if m.id}
    assert sorted(messages_in_code() - ids) == [], "run `make translations` and translate"


def test_the_template_is_current():
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        ids = {m.id for m in read_po(handle) if m.id}
    assert ids == set(messages_in_code())


def test_no_message_hides_inside_an_f_string():
    """pybabel's extractor does not look inside f-strings: a `_("…")` there never reaches the
    catalogs and stays English in every language. (ast, not tokens: Python 3.12 tokenizes
    f-strings differently.)"""
    names = {"_", "gettext", "ngettext", "lazy_gettext"}
    paths = [ROOT / "app.py"]
    for folder in ("components", "dashboard", "intake", "data"):
        paths += sorted((ROOT / folder).rglob("*.py"))
    hidden = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.relative_to(ROOT)}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in names
                ]
    assert hidden == []


def test_plotly_locale_files_match_the_bundled_plotly_js():
    from plotly.offline import get_plotlyjs_version

    script = (ROOT / "scripts" / "fetch_vendor.sh").read_text()
    assert f"PLOTLYJS={get_plotlyjs_version()}\n" in script
