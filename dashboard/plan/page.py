"""The planning workspace (``/<lang>/plan``): the overlap of priorities, gaps, the draft plan.

Layouts hold no data: callbacks fill them, and every callback checks the session first.
Called bare (Dash's callback validation), the layout returns its component tree without a shell.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import plotly.graph_objects as go
from dash import dcc, html
from flask_babel import gettext as _

from components.charts import graph_config, styled
from components.fields import dropdown_labels
from components.index import plotly_locale
from components.planning import PLAN_DATES, PLAN_FILTER, contributions_column
from dashboard.auth.pages import register_support_page, support_layout, support_title
from dashboard.plan import callbacks as plan_callbacks
from dashboard.plan import ids
from data import i18n
from data.reference import reference

MODULE = "dashboard.plan"
PATH = "plan"


def filter_id(name: str) -> dict:
    return {"type": PLAN_FILTER, "name": name}


def _card(title: str, *children, **kwargs) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody([html.H2(title, className="h5 card-title"), *children]),
        className="mb-4",
        **kwargs,
    )


def filters() -> dbc.Row:
    ref = reference()
    choices = {
        "region": (_("Any region"), {c: i18n.region(c) for c in ref.regions}),
        "theme": (_("Any theme"), {c: i18n.theme(c) for c in ref.themes}),
        "format": (_("Any format"), {c: i18n.event_format(c) for c in ref.formats}),
        "group": (_("Any counted group"), {c: i18n.group(c) for c in ref.groups}),
    }
    return dbc.Row(
        [
            *(
                dbc.Col(
                    dcc.Dropdown(
                        options,
                        id=filter_id(name),
                        placeholder=placeholder,
                        labels=dropdown_labels(),
                    ),
                    md=6,
                    lg=2,
                )
                for name, (placeholder, options) in choices.items()
            ),
            dbc.Col(
                dcc.DatePickerRange(
                    id=PLAN_DATES,
                    display_format="YYYY-MM-DD",
                    start_date_placeholder_text=_("From"),
                    end_date_placeholder_text=_("To"),
                    clearable=True,
                ),
                lg=4,
            ),
        ],
        className="g-2 mb-3",
    )


def plan_content(lang: str = i18n.DEFAULT, bare: bool = False) -> html.Div:
    """The page's tree; ``bare`` (Dash's validation call) leaves out options and the figure."""
    ref = reference()
    initiatives = {} if bare else {c: i18n.initiative(c) for c in ref.initiatives}
    heatmap = _card(
        _("Where initiatives overlap: points by region"),
        html.P(id=ids.PLAN_HEATMAP_SUMMARY, className="small text-body-secondary"),
        dcc.Graph(
            id=ids.PLAN_HEATMAP,
            config=graph_config(plotly_locale(lang)),
            figure=None if bare else styled(go.Figure()),
        ),
        html.Details(
            [
                html.Summary(_("Show the data as a table")),
                html.Div(id=ids.PLAN_HEATMAP_TABLE, className="mt-2"),
            ]
        ),
    )
    draft = _card(
        _("Draft plan"),
        dbc.Label(_("Initiative"), html_for=ids.PLAN_SOURCE),
        dcc.Dropdown(
            initiatives,
            id=ids.PLAN_SOURCE,
            placeholder=_("Choose an initiative"),
            labels=dropdown_labels(),
        ),
        dbc.Input(id=ids.PLAN_NOTE, placeholder=_("Note"), className="mt-2"),
        dbc.Input(id=ids.PLAN_OWNER, placeholder=_("Owner"), className="mt-2"),
        dbc.Button(_("Add to the plan"), id=ids.PLAN_ADD, color="primary", className="mt-2"),
        html.Div(id=ids.PLAN_FEEDBACK, role="status", className="mt-2"),
        html.Div(id=ids.PLAN_DRAFT, className="mt-2"),
        html.P(
            [
                _("Export the plan:") + " ",
                html.A("CSV", href=f"/api/v1/plan/draft?format=csv&lang={lang}", id=ids.PLAN_CSV),
                " · ",
                html.A("XLSX", href=f"/api/v1/plan/draft?format=xlsx&lang={lang}"),
                " · ",
                html.A("Markdown", href=f"/api/v1/plan/draft?format=md&lang={lang}"),
            ],
            className="small mt-2 mb-0",
        ),
    )
    return html.Div(
        [
            dcc.Store(id=ids.PLAN_REFRESH, data=0),
            html.H1(_("Plan from the overlap of priorities"), className="h3"),
            html.P(
                _(
                    "Published reports only. Choose an initiative to read the events behind it "
                    "and to put it on the draft plan."
                ),
                className="lead",
            ),
            filters(),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            _card(
                                _("Initiatives"),
                                dbc.Label(_("Share column for"), html_for=ids.PLAN_SHARE_GROUP),
                                dcc.Dropdown(
                                    {c: i18n.group(c) for c in ref.groups},
                                    value=next(iter(ref.groups), None),
                                    id=ids.PLAN_SHARE_GROUP,
                                    clearable=False,
                                    className="mb-2",
                                    labels=dropdown_labels(),
                                ),
                                html.Div(id=ids.PLAN_TABLE),
                                contributions_column(),
                            ),
                            heatmap,
                            _card(_("Chosen together most often"), html.Div(id=ids.PLAN_PAIRS)),
                        ],
                        lg=8,
                    ),
                    dbc.Col(
                        [
                            draft,
                            _card(
                                _("The events behind the initiative"), html.Div(id=ids.PLAN_SOURCES)
                            ),
                            _card(_("Representation gaps"), html.Div(id=ids.PLAN_GAPS)),
                        ],
                        lg=4,
                    ),
                ]
            ),
        ]
    )


def content(lang: str | None, **_kwargs) -> html.Div:
    return plan_content(bare=True) if lang is None else plan_content(lang)


layout = support_layout(MODULE, PATH, content)
title = support_title(lambda: _("Planning"))


def register(app: dash.Dash) -> None:
    register_support_page(
        MODULE,
        PATH,
        layout,
        title,
        order=12,
        nav_label=lambda: _("Planning"),
        nav_order=11,
    )
    plan_callbacks.register(app)
