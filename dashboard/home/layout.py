"""The public dashboard's component tree. Filters come preset from the URL query; every
number and figure is filled by the callbacks (no database call while building the layout).
The page composes the pieces of the features beside it: the comparison, the individual
contributions' card, the Wikimedia downloads and the count of events waiting for a report."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _
from flask_babel import ngettext

from components.buttons import classes_store
from components.charts import chart_card, stat_card
from components.dashboard_ids import COMPACT, VERSION, details, graph, summary, table
from components.phases import stepper
from dashboard.compare import layout as compare_layout
from dashboard.contributions.layout import dashboard_part as contributions_part
from dashboard.events import waiting
from dashboard.export.downloads import wikimedia_menu
from dashboard.home import ids, place_picks, selection
from dashboard.home.controls import filter_panel, map_controls, toggle_defaults, weighting
from data.privacy import THRESHOLD


def _chart(name: str, title: str, locale: str | None, controls=None, **col):
    card = chart_card(
        title, graph(name), summary(name), table(name), locale, controls, details_id=details(name)
    )
    return dbc.Col(card, **col)


def numbers() -> dbc.Row:
    """The headline numbers, then the shares of the counted groups on a line of their own: as a
    fourth card beside the numbers, its list stretched the three others to its height (cards
    stretch to the tallest of their flex line only)."""
    groups = dbc.Card(
        dbc.CardBody(
            [
                html.Div(
                    _("Share of participants from counted groups"),
                    className="small text-body-secondary",
                ),
                html.Div(id=ids.GROUPS, className="small group-shares"),
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
    )
    return dbc.Row(
        [
            dbc.Col(stat_card(_("Events reported"), ids.EVENTS), xs=4),
            dbc.Col(stat_card(_("Participants"), ids.PARTICIPANTS), xs=4),
            dbc.Col(stat_card(_("Countries"), ids.COUNTRIES), xs=4),
            dbc.Col(groups, xs=12),
        ],
        className="numbers g-2 g-sm-3 mb-3",
    )


def freshness() -> html.Div:
    return html.Div(
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
            waiting.note(),
        ],
        className="small text-body-secondary mb-3",
    )


def first_screen(query: dict[str, str], locale: str | None) -> dbc.Row:
    """The numbers and the ranking first: on a wide screen the filter panel stands beside them
    (on their start side); on a narrow one it waits above them behind its button."""
    return dbc.Row(
        [
            dbc.Col(filter_panel(query), lg=3),
            dbc.Col(
                [
                    numbers(),
                    freshness(),
                    compare_layout.card(query, locale),
                    dbc.Row(
                        _chart("ranking", _("Initiatives ranked"), locale, weighting(query), xs=12)
                    ),
                    dbc.Row(_chart("recommendations", _("Recommendations chosen"), locale, xs=12)),
                ],
                lg=9,
            ),
        ]
    )


def dashboard(
    poll_ms: int, locale: str | None = None, query: dict[str, str] | None = None
) -> html.Div:
    query = query or {}
    return html.Div(
        [
            dcc.Interval(id=ids.POLL, interval=poll_ms),
            dcc.Interval(id=ids.CLOCK, interval=30_000),
            dcc.Store(id=VERSION),
            dcc.Store(id=ids.RENDERED),
            dcc.Store(id=ids.LAST_REPORT),
            dcc.Store(id=COMPACT),
            compare_layout.store(query),
            toggle_defaults(),
            classes_store(),
            html.Div(id=ids.URL_SYNC, hidden=True),
            stepper(),
            first_screen(query, locale),
            dbc.Row(
                _chart(
                    "map",
                    _("Where the reports come from"),
                    locale,
                    html.Div([map_controls(query), selection.holder(), place_picks.holder()]),
                    xs=12,
                )
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
