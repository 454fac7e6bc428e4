"""The text policy (data/text_policy.py) on its own, and its promise to the writers: any text it
accepts is one wikitext table cell (never a new cell, row or table) and a valid Commons .tab
string, whatever Unicode it holds."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.publish.commons_tab import Field, cell_text, document, problems
from data.publish.wikitext import nowiki, table
from data.text_policy import TextRefused, check, one_line


@pytest.mark.parametrize(
    ("text", "multiline", "kind"),
    [
        ("a\x00b", True, "text_control"),
        ("a\x1bb", True, "text_control"),
        ("a\x7fb", False, "text_control"),
        ("a\x85b", True, "text_control"),
        ("a\uffffb", True, "text_control"),
        ("a\ud800b", True, "text_control"),  # a lone surrogate: not UTF-8
        ("a\u202ab", True, "text_bidi"),
        ("a\u202eb", False, "text_bidi"),
        ("a\u2066b", True, "text_bidi"),
        ("a\u2069b", True, "text_bidi"),
        ("a\nb", False, "text_line_break"),
        ("a\tb", False, "text_line_break"),
        ("a\u2029b", False, "text_line_break"),
    ],
)
def test_refused(text, multiline, kind):
    with pytest.raises(TextRefused) as refused:
        check(text, multiline=multiline)
    assert refused.value.kind == kind


@pytest.mark.parametrize(
    "text", ["\u200b", "\u200c\u200d", "\u2060\ufeff", " \u00a0\u3000", "\u3164", "\u180e", ""]
)
def test_blank_is_empty_and_missing_when_required(text):
    assert check(text) == ""
    with pytest.raises(TextRefused) as refused:
        check(text, required=True)
    assert refused.value.kind == "text_empty"


def test_accepted_text_is_kept_as_typed():
    assert check("a\r\nb\rc\u2028d\te", multiline=True) == "a\nb\nc\nd\te"
    # Right-to-left marks and joiners inside words are text, not controls.
    for text in ("مرحبا\u200f!", "می\u200cخواهم", "👩\u200d💻", "x\u061cy"):
        assert check(text, required=True) == text


def test_one_line_drops_what_older_rows_may_hold():
    assert one_line("a\x00b\u202e c\n\n d\x1b") == "ab c d"


# Property: accepted text → writers' output stays well formed. -------------------------------

any_text = st.text(st.characters(codec="utf-8"), max_size=60) | st.text(
    st.sampled_from("|!{}[]<>~&=-+'\n\t\r \u2028\u00a0\u200b|}{|"), max_size=30
)


def _accepted(text: str, multiline: bool) -> str | None:
    try:
        return check(text, multiline=multiline)
    except TextRefused:
        return None


SETTINGS = settings(
    max_examples=400, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@SETTINGS
@given(text=any_text, multiline=st.booleans())
def test_accepted_text_is_one_wikitext_cell(text, multiline):
    value = _accepted(text, multiline)
    if value is None:
        return
    cell = "x" + value  # never empty (an empty caption is left out)
    lines = table([cell], [[cell, "end"]], caption=cell).splitlines()
    # Exactly the table's own lines: no cell, row or table opened by the value.
    assert len(lines) == 7
    assert lines[0] == '{| class="wikitable sortable"' and lines[-1] == "|}"
    assert [line[:2] for line in lines[1:6]] == ["|+", "! ", "|-", "| ", "| "]
    assert lines[5] == "| end"
    for line, prefix in zip((lines[1], lines[2], lines[4]), ("|+ ", "! ", "| "), strict=True):
        written = line.removeprefix(prefix)
        for markup in ("|", "!", "{", "}", "[", "~"):
            assert markup not in written
        assert not re.search(r"<[A-Za-z/!?]", written)  # no tag or comment
        # A reader sees the text as typed (on one line).
        assert html.unescape(written) == one_line(cell)


@SETTINGS
@given(text=any_text, multiline=st.booleans())
def test_accepted_text_is_literal_in_nowiki(text, multiline):
    value = _accepted(text, multiline)
    if value is None:
        return
    written = nowiki(value)
    if not one_line(value):
        assert written == ""
        return
    assert written.startswith("<nowiki>") and written.endswith("</nowiki>")
    inner = written.removeprefix("<nowiki>").removesuffix("</nowiki>")
    assert "<" not in inner and ">" not in inner and "\n" not in inner
    assert html.unescape(inner) == one_line(value)


@SETTINGS
@given(text=any_text, multiline=st.booleans())
def test_accepted_text_makes_a_valid_tab_document(text, multiline):
    value = _accepted(text, multiline)
    if value is None:
        return
    fields = [Field("code", "string", {"en": "Code"}), Field("title", "localized", {"en": "T"})]
    rows = [[cell_text(value) or None, {"en": cell_text(value) or "–"}]]
    doc = document(fields, rows, {"en": value or "description"}, value)
    assert problems(doc) == []
