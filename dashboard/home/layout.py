"""The public dashboard's component tree. Filters come preset from the URL query; every
number and figure is filled by the callbacks (no database call while building the layout)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _
from flask_babel import ngettext

from components.charts import chart_card, stat_card
from components.filters import filter_bar
from components.phases import stepper
from dashboard.compare import model as compare
from dashboard.contributions.layout import dashboard_part as contributions_part
from dashboard.export.downloads import wikimedia_menu
from dashboard.home import events_waiting, ids
from data import i18n
from data.privacy import THRESHOLD
from data.reference import reference

# The view's toggles in the URL query: name → (component, allowed values, the first the default).
TOGGLES = {
    "metric": (ids.MAP_METRIC, ("events", "participants", "recommendation")),
    # By region first: one click on the map picks a region, the dashboard's main question.
    "view": (ids.MAP_VIEW, ("region", "country")),
    "weight": (ids.WEIGHTING, ("mentions", "points", "participants")),
}
MANY = "25"  # a chip's share: "at least a quarter of the participants"
# One-click buttons (chips, comparison choices): pressed or not, as the clientside callbacks
# also set them.
BUTTON = "btn btn-sm rounded-pill me-1 mb-1 "
PRESSED, UNPRESSED = BUTTON + "btn-primary", BUTTON + "btn-outline-primary"


def preset(query: dict[str, str], name: str) -> str:
    """A toggle's value from the query; an unknown value gives the default."""
    allowed = TOGGLES[name][1]
    value = query.get(name)
    return value if value in allowed else allowed[0]


def pressed_button(label: str, component_id: dict, pressed: bool) -> html.Button:
    return html.Button(
        label,
        id=component_id,
        type="button",
        n_clicks=0,
        className=PRESSED if pressed else UNPRESSED,
        **{"aria-pressed": "true" if pressed else "false"},
    )


def _button_row(label_id: str, label: str, buttons: list) -> html.Div:
    return html.Div(
        [
            html.Span(label, id=label_id, className="small text-body-secondary me-2"),
            *buttons,
        ],
        role="group",
        className="mb-2",
        **{"aria-labelledby": label_id},
    )


def shortcuts(query: dict[str, str]) -> html.Div:
    """One click each: "many participants from a group" (the group filter at a quarter; a
    second click clears it) and what to compare the selection with."""
    many = query.get("share") in ("25", "50")
    chips = [
        pressed_button(i18n.group(code), ids.chip(code), many and query.get("group") == code)
        for code in reference().groups
    ]
    chosen = compare.valid(query.get("compare"))
    options = [
        pressed_button(compare.label(code), ids.compare_option(code), code == chosen)
        for code in compare.choices()
    ]
    return html.Div(
        [
            _button_row(
                f"{ids.CHIP}-l", _("Events where at least a quarter of participants were"), chips
            ),
            _button_row(f"{ids.COMPARE}-l", _("Compare with"), options),
        ],
        className="mb-2",
    )


def _toggle(component_id: str, label: str, options: list[tuple[str, str]], value: str):
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


def _chart(name: str, title: str, locale: str | None, controls=None, **col):
    card = chart_card(title, ids.graph(name), ids.summary(name), ids.table(name), locale, controls)
    return dbc.Col(card, **col)


def dashboard(
    poll_ms: int, locale: str | None = None, query: dict[str, str] | None = None
) -> html.Div:
    query = query or {}
    stats = dbc.Row(
        [
            dbc.Col(stat_card(_("Events reported"), ids.EVENTS), xs=6, lg=3, className="mb-3"),
            dbc.Col(stat_card(_("Participants"), ids.PARTICIPANTS), xs=6, lg=3, className="mb-3"),
            dbc.Col(stat_card(_("Countries"), ids.COUNTRIES), xs=6, lg=3, className="mb-3"),
            dbc.Col(
                dbc.Card(
                    dbc.CardBody(
                        [
                            html.Div(
                                _("Share of participants from counted groups"),
                                className="small text-body-secondary",
                            ),
                            html.Div(id=ids.GROUPS, className="small"),
                            # The totals add only counts each event's public record shows
                            # (data.privacy.public_count), so they are lower bounds.
                            html.Div(
                                ngettext(
                                    "An event's count of fewer than %(num)d person is not added.",
                                    "An event's count of fewer than %(num)d people is not added.",
                                    THRESHOLD,
                                ),
                                className="small text-body-secondary mt-1",
                            ),
                        ]
                    ),
                    className="h-100",
                ),
                xs=6,
                lg=3,
                className="mb-3",
            ),
        ]
    )
    freshness = html.Div(
        [
            html.Span(id=ids.UPDATED),
            " ",
            html.Span(id=ids.LAST_REPORT_AGO),
            html.A(
                [
                    html.I(className="bi bi-download me-1", **{"aria-hidden": "true"}),
                    _("Download the filtered data (CSV)"),
                ],
                id=ids.DOWNLOAD,
                href="/api/v1/reports?format=csv",
                className="ms-3",
            ),
            wikimedia_menu(),
            events_waiting.note(),
        ],
        className="small text-body-secondary mb-3",
    )
    map_controls = html.Div(
        [
            _toggle(
                ids.MAP_METRIC,
                _("Show"),
                [
                    ("events", _("Events")),
                    ("participants", _("Participants")),
                    ("recommendation", _("Most prioritized recommendation")),
                ],
                preset(query, "metric"),
            ),
            _toggle(
                ids.MAP_VIEW,
                _("By"),
                [("region", _("Region")), ("country", _("Country"))],
                preset(query, "view"),
            ),
        ]
    )
    weighting = html.Div(
        [
            _toggle(
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
    chosen = compare.valid(query.get("compare"))
    return html.Div(
        [
            dcc.Interval(id=ids.POLL, interval=poll_ms),
            dcc.Interval(id=ids.CLOCK, interval=30_000),
            dcc.Store(id=ids.VERSION),
            dcc.Store(id=ids.RENDERED),
            dcc.Store(id=ids.LAST_REPORT),
            dcc.Store(id=ids.COMPACT),
            dcc.Store(id=ids.COMPARE, data=chosen),
            html.Div(id=ids.URL_SYNC, hidden=True),
            stepper(),
            filter_bar(query),
            shortcuts(query),
            dbc.Button(
                _("Clear filters"), id=ids.CLEAR, color="link", size="sm", className="mb-2 px-0"
            ),
            stats,
            freshness,
            html.Div(
                dbc.Row(_chart(ids.DIFFERENCES, _("How the selection differs"), locale, xs=12)),
                id=ids.COMPARE_CARD,
                hidden=chosen is None,
            ),
            dbc.Row(_chart("map", _("Where the reports come from"), locale, map_controls, xs=12)),
            dbc.Row(
                [
                    _chart("ranking", _("Initiatives ranked"), locale, weighting, lg=7),
                    _chart("recommendations", _("Recommendations chosen"), locale, lg=5),
                ]
            ),
            dbc.Row(
                _chart(
                    "coordination",
                    _("Initiatives named for global coordination"),
                    locale,
                    xs=12,
                )
            ),
            contributions_part(locale),
            dbc.Row(
                _chart(
                    "heatmap",
                    _("Share of each region's events that prioritized each recommendation"),
                    locale,
                    xs=12,
                )
            ),
            dbc.Row(
                [
                    _chart("groups", _("Participation of counted groups by region"), locale, lg=7),
                    _chart("languages", _("Languages of the events"), locale, lg=5),
                ]
            ),
            dbc.Row(_chart("time", _("Events over time"), locale, xs=12)),
        ]
    )
