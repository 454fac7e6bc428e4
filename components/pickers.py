"""What every dcc.Dropdown of the public pages and forms shares: a menu about eight rows tall,
search in the original order, the menu's own words in the viewer's language, and grouped
options whose headers can be seen but not chosen.

The keyboard rules (search focused on every open, Enter only on an option the person moved
to, headers skipped and announced as headers) live in assets/dropdown-a11y.js; the look of
headers and of the options under them in assets/pickers.css."""

from __future__ import annotations

from collections.abc import Iterable

from dash import html
from flask_babel import gettext as _

from components.fields import dropdown_labels

# Eight options of ~36 px below the search box (~44 px). Dash's 200 px showed three or four.
# A long list (100 options and more) is virtualized at this height, so it must be the prop:
# CSS alone would leave the list drawing only 200 px of rows.
MENU_HEIGHT = 340
HEADING = "picker-heading"  # the class of a group header's label (assets/pickers.css)


def picker_props() -> dict:
    """The props every picker shares (call inside a request: the words are translated)."""
    return {"maxHeight": MENU_HEIGHT, "search_order": "original", "labels": dropdown_labels()}


def heading(label: str, value: str) -> dict:
    """A group header: shown, never chosen (disabled), found by no search (an empty ``search``
    text), and announced as a heading (``data-role`` becomes the option's
    ``aria-roledescription``, assets/dropdown-a11y.js)."""
    return {
        "label": html.Span(label, className=HEADING, **{"data-role": _("group heading")}),
        "value": value,
        "disabled": True,
        "search": "",
    }


def grouped_options(groups: Iterable[tuple[str, str, list[dict]]]) -> list[dict]:
    """Options under headers: ``groups`` are (header label, header value, options). The options
    keep their plain text labels and their codes as values (no indent in the text: the chosen
    value shows the label as it is, and CSS indents it in the menu only). A menu with an
    element as a label searches only the ``search`` texts, so every option carries one."""
    options: list[dict] = []
    for label, value, members in groups:
        if not members:
            continue
        options.append(heading(label, value))
        options += [{**option, "search": option["label"]} for option in members]
    return options
