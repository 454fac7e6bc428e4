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
from components.dashboard_ids import COMPACT, VERSION, graph, summary, table
from components.filters import filter_bar
from components.phases import stepper
from dashboard.compare import layout as compare_layout
from dashboard.contributions.layout import dashboard_part as contributions_part
from dashboard.events import waiting
from dashboard.export.downloads import wikimedia_menu
from dashboard.home import ids
from dashboard.home.controls import map_controls, shortcuts, toggle_defaults, weighting
from data.privacy import THRESHOLD


def _chart(name: str, title: str, locale: str | None, controls=None, **col):
    card = chart_card(title, graph(name), summary(name), table(name), locale, controls)
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
            waiting.note(),
        ],
        className="small text-body-secondary mb-3",
    )
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
            filter_bar(query),
            shortcuts(query),
            dbc.Button(
                _("Clear filters"), id=ids.CLEAR, color="link", size="sm", className="mb-2 px-0"
            ),
            stats,
            freshness,
            compare_layout.card(query, locale),
            dbc.Row(
                _chart("map", _("Where the reports come from"), locale, map_controls(query), xs=12)
            ),
            dbc.Row(
                [
                    _chart("ranking", _("Initiatives ranked"), locale, weighting(query), lg=7),
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
