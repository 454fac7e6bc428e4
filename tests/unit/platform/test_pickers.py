"""Pickers: grouped options whose headers cannot be chosen and whose labels carry no indent
text, menus about eight rows tall, and lists of names joined as each language writes them."""

from __future__ import annotations

import pytest
from dash import dcc
from flask_babel import force_locale

from components.filters import filter_bar
from components.pickers import HEADING, MENU_HEIGHT, grouped_options, picker_props
from data import i18n
from data.reference import reference
from intake.report.controls import initiative_options


def dropdowns(node):
    if isinstance(node, dcc.Dropdown):
        yield node
    children = getattr(node, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            yield from dropdowns(child)


def test_headers_are_disabled_and_options_keep_their_codes_and_bare_labels():
    options = grouped_options(
        [
            ("Africa", "group-AF", [{"label": "Kenya", "value": "KE"}]),
            ("Empty", "group-X", []),
            ("Oceania", "group-OC", [{"label": "Kiribati", "value": "KI"}]),
        ]
    )
    assert [o["value"] for o in options] == ["group-AF", "KE", "group-OC", "KI"]
    headers = [o for o in options if o.get("disabled")]
    assert [h["value"] for h in headers] == ["group-AF", "group-OC"]  # a group with no option
    for header in headers:
        assert header["label"].className == HEADING
        assert header["search"] == ""  # a search never stops on a header
        assert header["label"].to_plotly_json()["props"]["data-role"]
    chosen = [o for o in options if not o.get("disabled")]
    # The label shown as the chosen value is the option's own text, found by its search text.
    assert [(o["label"], o["search"]) for o in chosen] == [
        ("Kenya", "Kenya"),
        ("Kiribati", "Kiribati"),
    ]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_initiative_picker_groups_without_indent_text(sqlite_app, lang):
    ref = reference()
    with sqlite_app.server.test_request_context("/"), force_locale(lang):
        options = initiative_options()
    headers = [o for o in options if o.get("disabled")]
    chosen = [o for o in options if not o.get("disabled")]
    assert len(headers) == len(ref.recommendations)
    assert {o["value"] for o in chosen} == set(ref.initiatives)
    assert not any(o["value"] in ref.initiatives for o in headers)
    for option in chosen:
        assert isinstance(option["label"], str)
        assert not option["label"].startswith(("—", "-", " ")), option["label"]
        assert option["search"] == option["label"]


def test_menus_are_about_eight_rows_tall(sqlite_app):
    assert MENU_HEIGHT >= 8 * 36
    with sqlite_app.server.test_request_context("/"):
        assert picker_props()["maxHeight"] == MENU_HEIGHT
        bar = filter_bar({"country": "KE"})
    found = list(dropdowns(bar))
    assert len(found) == 6
    assert {d.maxHeight for d in found} == {MENU_HEIGHT}
    assert {d.search_order for d in found} == {"original"}


@pytest.mark.parametrize(
    ("lang", "joined"),
    [
        ("en", "English, French, and Kiswahili"),
        ("ar", "English وFrench وKiswahili"),
        ("zh", "English、French和Kiswahili"),
    ],
)
def test_lists_are_joined_as_the_language_writes_them(sqlite_app, lang, joined):
    with sqlite_app.server.test_request_context("/"), force_locale(lang):
        assert i18n.join_list(["English", "", "French", None, "Kiswahili"]) == joined
        assert i18n.join_list([]) == ""
        assert i18n.join_list(["Kenya"]) == "Kenya"


def test_a_list_style_missing_from_a_locale_falls_back_to_the_standard_one(sqlite_app):
    with sqlite_app.server.test_request_context("/"), force_locale("fa"):
        # Babel 2.18 has no "standard-narrow" data for Persian.
        assert i18n.join_list(list("ABC"), style="standard-narrow") == i18n.join_list(list("ABC"))
        assert "،" in i18n.join_list(["A", "B", "C"])
