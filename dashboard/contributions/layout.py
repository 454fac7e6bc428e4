"""Individual contributions beside the events' results: a switch and a card on the dashboard,
a switch and a column table in planning. Filled by dashboard/contributions/callbacks.py."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import gettext as _

from components.charts import chart_card
from dashboard.contributions import ids


def dashboard_part(locale: str | None = None) -> html.Div:
    """The switch, and the card it reveals (hidden until switched on)."""
    note = html.P(
        _(
            "One person's picks, sent through the contribution page: never counted as events, "
            "and the filters above do not apply to them."
        ),
        className="small text-body-secondary",
    )
    card = chart_card(
        _("Individual contributions"),
        ids.CONTRIB_GRAPH,
        ids.CONTRIB_SUMMARY,
        ids.CONTRIB_TABLE,
        locale,
        note,
    )
    return html.Div(
        [
            dbc.Switch(
                id=ids.CONTRIB_SWITCH,
                label=_("Show individual contributions"),
                value=False,
                className="mb-2",
            ),
            html.Div(card, id=ids.CONTRIB_CARD, hidden=True),
        ]
    )


def plan_part() -> html.Div:
    """In planning: the switch, and per initiative the events beside individual picks."""
    return html.Div(
        [
            dbc.Switch(
                id=ids.PLAN_CONTRIB_SWITCH,
                label=_("Show individual contributions"),
                value=False,
                className="mt-3 mb-2",
            ),
            html.Div(id=ids.PLAN_CONTRIB_TABLE),
        ]
    )
