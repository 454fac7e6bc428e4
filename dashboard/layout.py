"""The public dashboard's component tree (empty until the first callback fills it)."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.charts import chart_card, stat_card
from dashboard import ids


def dashboard(poll_ms: int, locale: str | None = None) -> html.Div:
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
    return html.Div(
        [
            dcc.Interval(id=ids.POLL, interval=poll_ms),
            dcc.Store(id=ids.VERSION),  # the newest version the poll has seen
            dcc.Store(id=ids.RENDERED),  # the version the figures show
            stats,
            html.P(id=ids.UPDATED, className="small text-body-secondary"),
            dbc.Row(
                [
                    dbc.Col(
                        chart_card(
                            _("Initiatives ranked by Borda points"),
                            ids.RANKING,
                            ids.RANKING_SUMMARY,
                            ids.RANKING_TABLE,
                            locale,
                        ),
                        lg=7,
                        className="mb-4",
                    ),
                    dbc.Col(
                        chart_card(
                            _("Recommendations in events' top 3"),
                            ids.RECOMMENDATIONS,
                            ids.RECOMMENDATIONS_SUMMARY,
                            ids.RECOMMENDATIONS_TABLE,
                            locale,
                        ),
                        lg=5,
                        className="mb-4",
                    ),
                ]
            ),
        ]
    )
