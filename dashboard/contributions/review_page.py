"""The support team's review of individual contributions (``/<lang>/review/contributions``):
the page's layout and its registration. A link on the review queue leads here; the callbacks
are in dashboard/contributions/review_callbacks.py."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, dcc, html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components.fields import dropdown_labels
from dashboard.auth.login import signed_in, support_page
from dashboard.contributions import review_callbacks as callbacks
from dashboard.contributions import review_ids as ids
from dashboard.review.views import status_label
from data import i18n
from data.models import Status
from data.support.review import Role

MODULE = "dashboard.contributions.review_page"
PATH = "review/contributions"


def content(lang: str) -> html.Div:
    statuses = [Status.PENDING, Status.PUBLISHED, Status.REJECTED]
    return html.Div(
        [
            dcc.Store(id=ids.REFRESH, data=0),
            html.H1(_("Individual contributions"), className="h3"),
            html.P(
                _(
                    "Contributions from people who could not join an event. Publish them, "
                    "or reject them with a reason; they are never counted as events."
                ),
                className="lead",
            ),
            html.P(
                html.A(_("Review queue"), href=f"/{lang}/review", id="contrib-review-back"),
                className="small",
            ),
            dbc.Row(
                dbc.Col(
                    dcc.Dropdown(
                        {s.value: status_label(s) for s in statuses},
                        value=Status.PENDING.value,
                        id=ids.STATUS,
                        placeholder=_("Any status"),
                        labels=dropdown_labels(),
                    ),
                    md=3,
                ),
                className="mb-3",
            ),
            html.Div(id=ids.FEEDBACK, role="status", **{"aria-live": "polite"}),
            html.Div(id=ids.QUEUE),
        ]
    )


def layout(lang: str | None = None, **_kwargs):
    if lang is None:  # Dash's bare call: the component tree only, no data
        return content(i18n.DEFAULT)
    lang = i18n.normalize(lang)
    with force_locale(lang):
        if not signed_in():
            return support_page(lang, MODULE, PATH, Role.REVIEWER)
        return support_page(lang, MODULE, PATH, Role.REVIEWER, content(lang))


def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return _("Individual contributions") + " · " + _("Movement Priorities")


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        path_template="/<lang>/review/contributions",
        layout=layout,
        title=title,
        order=10,
        support_role=Role.REVIEWER,
    )
    app.callback(
        Output(ids.QUEUE, "children"),
        Input(ids.STATUS, "value"),
        Input(ids.REFRESH, "data"),
        State(shell_ids.LANG, "data"),
    )(callbacks.render_queue)
    app.callback(
        Output(ids.FEEDBACK, "children"),
        Output(ids.REFRESH, "data"),
        Input({"type": ids.PUBLISH, "id": ALL}, "n_clicks"),
        Input({"type": ids.REJECT, "id": ALL}, "n_clicks"),
        State({"type": ids.REASON, "id": ALL}, "value"),
        State({"type": ids.REASON, "id": ALL}, "id"),
        State(ids.REFRESH, "data"),
        State(shell_ids.LANG, "data"),
        prevent_initial_call=True,
    )(callbacks.act)
