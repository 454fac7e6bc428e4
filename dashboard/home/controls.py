"""The dashboard's view controls: the filter panel (the filters, the one-click shortcuts and
"Compare with"; beside the numbers on a wide screen, behind a "Filters (N)" button on a narrow
one), the toggles of the map and the ranking (preset from the URL query), and "How we count"
beside the ranking."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.buttons import button_row, pressed_button
from components.filters import NAMES, filter_bar
from dashboard.compare import layout as compare_layout
from dashboard.home import ids
from data import i18n
from data.reference import reference

# The view's toggles in the URL query: name → (component, allowed values, the first the default).
TOGGLES = {
    "metric": (ids.MAP_METRIC, ("events", "participants", "recommendation")),
    # By region first: one click on the map picks a region, the dashboard's main question.
    "view": (ids.MAP_VIEW, ("region", "country")),
    "weight": (ids.WEIGHTING, ("mentions", "points", "participants")),
}
MANY = "25"  # a chip's share: "at least a quarter of the participants"


def preset(query: dict[str, str], name: str) -> str:
    """A toggle's value from the query; an unknown value gives the default."""
    allowed = TOGGLES[name][1]
    value = query.get(name)
    return value if value in allowed else allowed[0]


def toggle_defaults() -> dcc.Store:
    """Each toggle's default, which the URL leaves out (read by the clientside URL sync)."""
    return dcc.Store(
        id=ids.TOGGLE_DEFAULTS,
        data={name: allowed[0] for name, (_id, allowed) in TOGGLES.items()},
    )


def active_filters(query: dict[str, str]) -> int:
    """How many filters the query sets, as ``layout.countFilters`` (assets/layout.js) counts
    the controls' values: the share's "any" is its unset value."""
    return sum(1 for name in NAMES if query.get(name) and query.get(name) != "any")


def filter_panel(query: dict[str, str]) -> html.Div:
    """The filters, "Clear filters", the chips and "Compare with". From the ``lg`` width up
    the panel is always shown (assets/layout.css, ``.dash-filters``); below it, the button
    opens and closes it and counts the filters that are set."""
    count = active_filters(query)
    button = html.Button(
        [
            html.I(className="bi bi-funnel me-1", **{"aria-hidden": "true"}),
            _("Filters"),
            " ",
            html.Span(f"({count})" if count else "", id=ids.FILTERS_COUNT, hidden=not count),
        ],
        id=ids.FILTERS_TOGGLE,
        n_clicks=0,
        type="button",
        className="btn btn-outline-primary d-lg-none mb-3",
        **{"aria-controls": ids.FILTERS_PANEL, "aria-expanded": "false"},
    )
    panel = dbc.Collapse(
        [
            filter_bar(query),
            dbc.Button(
                _("Clear filters"), id=ids.CLEAR, color="link", size="sm", className="mb-2 px-0"
            ),
            dbc.Card(dbc.CardBody(shortcuts(query), className="pb-1"), className="mb-3"),
        ],
        id=ids.FILTERS_PANEL,
        is_open=False,
        className="dash-filters",
    )
    return html.Div([button, panel])


def shortcuts(query: dict[str, str]) -> html.Div:
    """One click each: "many participants from a group" (the group filter at a quarter; a
    second click clears it) and what to compare the selection with."""
    many = query.get("share") in ("25", "50")
    chips = [
        pressed_button(i18n.group(code), ids.chip(code), many and query.get("group") == code)
        for code in reference().groups
    ]
    return html.Div(
        [
            button_row(
                f"{ids.CHIP}-l", _("Events where at least a quarter of participants were"), chips
            ),
            compare_layout.choices(query),
        ],
        className="mb-2",
    )


def toggle(component_id: str, label: str, options: list[tuple[str, str]], value: str):
    return html.Div(
        [
            html.Span(label, className="small text-body-secondary me-2", id=f"{component_id}-l"),
            dbc.RadioItems(
                id=component_id,
                options=[{"label": text, "value": v} for v, text in options],
                value=value,
                inline=True,
                className="d-inline-block",
                input_class_name="me-1",
            ),
        ],
        className="mb-2",
        role="radiogroup",
        **{"aria-labelledby": f"{component_id}-l"},
    )


def map_controls(query: dict[str, str]) -> html.Div:
    return html.Div(
        [
            toggle(
                ids.MAP_METRIC,
                _("Show"),
                [
                    ("events", _("Events")),
                    ("participants", _("Participants")),
                    ("recommendation", _("Most prioritized recommendation")),
                ],
                preset(query, "metric"),
            ),
            toggle(
                ids.MAP_VIEW,
                _("By"),
                [("region", _("Region")), ("country", _("Country"))],
                preset(query, "view"),
            ),
        ]
    )


def weighting(query: dict[str, str]) -> html.Div:
    return html.Div(
        [
            toggle(
                ids.WEIGHTING,
                _("Rank by"),
                [
                    ("mentions", _("Events")),
                    ("points", _("Points")),
                    ("participants", _("Points by participants")),
                ],
                preset(query, "weight"),
            ),
            how_we_count(),
        ]
    )


def how_we_count() -> html.Details:
    """The three measures in plain words, beside the ranking."""
    return html.Details(
        [
            html.Summary(_("How we count"), className="small"),
            html.Ul(
                [
                    html.Li(
                        _(
                            "Events: how many events named the initiative. It means the same "
                            "for every report, ranked or not, so it is the default."
                        )
                    ),
                    html.Li(
                        _(
                            "Points: every event hands out 15 points, as a ranked top 5 does "
                            "(5, 4, 3, 2, 1). A ranked list gives more to its first choices, "
                            "tied initiatives share their places' points, and an unranked set "
                            "shares them equally. By participants, each event's points count "
                            "as many times as it had participants."
                        )
                    ),
                    html.Li(
                        _(
                            "Global coordination: how many events named the initiative as one "
                            "that needs coordinating for the whole movement."
                        )
                    ),
                    html.Li(
                        _(
                            "Participant totals include events that wrote “at least” (such "
                            "as “over 30”) or gave no number: the totals are then lower "
                            "bounds and say “at least”."
                        )
                    ),
                ],
                className="small mb-0 ps-3",
            ),
        ],
        className="mt-1",
    )
