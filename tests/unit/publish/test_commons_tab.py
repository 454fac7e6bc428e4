"""The Commons tabular-data page: the validator knows Commons' rules, and the document the app
builds passes it."""

from __future__ import annotations

import copy

import pytest

from data.publish.commons_tab import LICENSE, MAX_STRING, Field, cell_text, document, problems

FIELDS = [
    Field("code", "string", {"en": "Code"}),
    Field("title", "localized", {"en": "Initiative", "fr": "Initiative"}),
    Field("events", "number", {"en": "Events"}),
    Field("verified", "boolean", {"en": "Verified"}),
]
ROWS = [["I01", {"en": "One", "fr": "Un"}, 3, True], ["I02", {"en": "Two"}, 1.5, None]]


def valid() -> dict:
    return document(FIELDS, ROWS, {"en": "Priorities", "fr": "Priorités"}, "https://example.org")


def test_a_built_document_is_valid():
    doc = valid()
    assert problems(doc) == []
    assert doc["license"] == LICENSE == "CC0-1.0"
    assert [f["name"] for f in doc["schema"]["fields"]] == ["code", "title", "events", "verified"]


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d["schema"]["fields"][0].update(name="1code"), "not a valid field name"),
        (lambda d: d["schema"]["fields"][0].update(name="co-de"), "not a valid field name"),
        (lambda d: d["schema"]["fields"][2].update(name="code"), "used twice"),
        (lambda d: d["schema"]["fields"][2].update(type="integer"), "is not one of"),
        (lambda d: d["data"][0].pop(), "not a row of 4 values"),
        (lambda d: d["data"][0].__setitem__(2, "3"), "not a number"),
        (lambda d: d["data"][0].__setitem__(2, True), "not a number"),
        (lambda d: d["data"][0].__setitem__(3, 1), "not a boolean"),
        (lambda d: d["data"][0].__setitem__(0, 7), "not a string"),
        (lambda d: d["data"][0].__setitem__(0, "a\nb"), "line break"),
        (lambda d: d["data"][0].__setitem__(0, "x" * (MAX_STRING + 1)), "longer than"),
        (lambda d: d["data"][0].__setitem__(1, "One"), "language → text"),
        (lambda d: d["data"][0].__setitem__(1, {"EN!": "One"}), "not a language code"),
        (lambda d: d.pop("license"), "license"),
        (lambda d: d.update(extra=1), "unknown keys"),
        (lambda d: d.update(data={"a": 1}), "not a list of rows"),
        (lambda d: d["schema"].update(fields=[]), "schema.fields"),
    ],
)
def test_the_validator_finds_each_broken_rule(change, expected):
    doc = copy.deepcopy(valid())
    change(doc)
    found = problems(doc)
    assert any(expected in p for p in found), found


def test_nulls_are_allowed_in_every_type():
    doc = valid()
    doc["data"].append([None, None, None, None])
    assert problems(doc) == []


def test_cell_text_fits_commons_limits():
    assert cell_text("a\nb   c") == "a b c"
    assert len(cell_text("x" * 1000)) == MAX_STRING


def test_cell_text_never_ends_in_a_space_after_the_cut():
    # Commons refuses a string that starts or ends with whitespace (JsonConfig's one-line rule).
    text = cell_text("x" * (MAX_STRING - 1) + " yz")
    assert text == "x" * (MAX_STRING - 1)
    assert cell_text("a\x00b\u202ec\td") == "abc d"  # rows stored before the text policy


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a\tb", "line break or tab"), (" a", "whitespace"), ("a\x01", "control character")],
)
def test_the_validator_refuses_what_commons_refuses_in_a_string(value, expected):
    doc = valid()
    doc["data"][0][0] = value
    assert any(expected in p for p in problems(doc)), problems(doc)
