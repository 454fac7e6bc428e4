"""The first screen's pieces without a browser: the shell's skip link first and its target
focusable, the menu behind its button, and "Filters (N)" counted from the URL's filters."""

from __future__ import annotations

import pytest
from flask_babel import force_locale

from components import shell
from dashboard.home import ids
from dashboard.home.controls import active_filters, filter_panel


@pytest.fixture
def context(sqlite_app):
    """A request in English: the panel's comparison choices format dates in the locale."""
    with sqlite_app.server.test_request_context("/"), force_locale("en"):
        yield


def find(component, component_id):
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and not isinstance(child, str):
            found = find(child, component_id)
            if found is not None:
                return found
    return None


def test_the_skip_link_comes_first_and_leads_to_the_focusable_content():
    page = shell.page("en", "dashboard.home", "")
    header = page.children[1]
    assert type(header).__name__ == "Header"
    skip = header.children[0]
    assert skip.id == shell.SKIP_LINK and skip.href == f"#{shell.MAIN}"
    assert "visually-hidden-focusable" in skip.className
    main = page.children[2]
    assert type(main).__name__ == "Main" and main.id == shell.MAIN and main.tabIndex == -1


def test_the_navigation_and_language_menu_are_behind_the_menu_button():
    page = shell.page("en", "dashboard.home", "")
    toggle = find(page, shell.NAV_TOGGLE)
    props = toggle.to_plotly_json()["props"]
    assert props["aria-controls"] == shell.NAV_COLLAPSE and props["aria-expanded"] == "false"
    assert props["aria-label"] == "Menu"
    collapse = find(page, shell.NAV_COLLAPSE)
    assert collapse.navbar is True and collapse.is_open is False
    assert "/en/events" in str(collapse.to_plotly_json())


@pytest.mark.parametrize(
    "query, count",
    [
        ({}, 0),
        ({"share": "any"}, 0),  # the share's unset value
        ({"region": "SA"}, 1),
        ({"group": "newcomers", "share": "25", "metric": "participants"}, 2),  # not a toggle
        ({"from": "2020-10-01", "to": "2020-11-01", "compare": "EU"}, 2),  # nor the comparison
    ],
)
def test_the_filters_button_counts_the_filters_of_the_link(context, query, count):
    assert active_filters(query) == count
    panel = filter_panel(query)
    shown = find(panel, ids.FILTERS_COUNT)
    assert shown.hidden is (count == 0)
    assert shown.children == (f"({count})" if count else "")
    # The filters, their chips and the comparison are inside the panel the button opens.
    collapse = find(panel, ids.FILTERS_PANEL)
    assert find(collapse, ids.CLEAR) is not None
    assert find(collapse, ids.chip("newcomers")) is not None
