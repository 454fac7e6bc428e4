"""Registers the public events page (``/<lang>/events``): upcoming and past events as a list,
a month calendar and a map, filtered by language, region, format and dates, each time shown
in the viewer's time zone; and the support team's review of announcements."""

from __future__ import annotations

import datetime as dt

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import shell
from components.charts import graph_config
from components.fields import dropdown_labels
from components.index import plotly_locale
from dashboard.events import callbacks as events_callbacks
from dashboard.events import event_page, ids, waiting
from dashboard.events import review as events_review
from data import i18n
from data.reference import reference

MODULE = "dashboard.events"


def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return _("Events") + " · " + _("Movement Priorities")


def _labelled(label: str, control_id: str, control) -> dbc.Col:
    return dbc.Col(
        [dbc.Label(label, html_for=control_id, className="small mb-0"), control], md=6, lg=2
    )


def _dropdown(control_id: str, options: list[dict], placeholder: str) -> dcc.Dropdown:
    return dcc.Dropdown(
        id=control_id,
        options=options,
        placeholder=placeholder,
        labels=dropdown_labels(),
        search_order="original",
    )


def filters() -> dbc.Row:
    ref = reference()
    return dbc.Row(
        [
            _labelled(
                _("Language"),
                ids.LANGUAGE,
                _dropdown(
                    ids.LANGUAGE,
                    [{"label": n, "value": c} for c, n in i18n.event_languages().items()],
                    _("Any language"),
                ),
            ),
            _labelled(
                _("Region"),
                ids.REGION,
                _dropdown(
                    ids.REGION,
                    [{"label": i18n.region(c), "value": c} for c in ref.regions],
                    _("Any region"),
                ),
            ),
            _labelled(
                _("Format"),
                ids.FORMAT,
                _dropdown(
                    ids.FORMAT,
                    [{"label": i18n.event_format(c), "value": c} for c in ref.formats],
                    _("Any format"),
                ),
            ),
            _labelled(_("From"), ids.FROM, dbc.Input(id=ids.FROM, type="date", debounce=True)),
            _labelled(_("To"), ids.TO, dbc.Input(id=ids.TO, type="date", debounce=True)),
        ],
        className="g-2 mb-2",
    )


def content(lang: str = i18n.DEFAULT) -> html.Div:
    today = dt.datetime.now(dt.UTC).date()
    calendar = html.Div(
        [
            html.Div(
                [
                    dbc.Button(
                        [
                            html.I(className="bi bi-chevron-left", **{"aria-hidden": "true"}),
                            html.Span(_("Previous month"), className="visually-hidden"),
                        ],
                        id=ids.PREV,
                        color="link",
                        size="sm",
                        title=_("Previous month"),
                    ),
                    dbc.Button(
                        [
                            html.I(className="bi bi-chevron-right", **{"aria-hidden": "true"}),
                            html.Span(_("Next month"), className="visually-hidden"),
                        ],
                        id=ids.NEXT,
                        color="link",
                        size="sm",
                        title=_("Next month"),
                    ),
                ],
                className="text-end",
            ),
            html.Div(id=ids.CALENDAR, **{"aria-live": "polite"}),
        ]
    )
    toggle = html.Div(
        dbc.RadioItems(
            id=ids.VIEW,
            options=[
                {"label": _("List"), "value": "list"},
                {"label": _("Calendar"), "value": "calendar"},
            ],
            value="list",
            className="btn-group",
            inputClassName="btn-check",
            labelClassName="btn btn-outline-primary btn-sm",
            labelCheckedClassName="active",
        ),
        className="d-lg-none mb-3",
        role="group",
        **{"aria-label": _("Show the events as")},
    )
    return html.Div(
        [
            dcc.Store(id=ids.ZONE),
            dcc.Store(id=ids.MONTH, data=today.strftime("%Y-%m")),
            html.Div(
                [
                    html.H1(_("Prioritization events"), className="h3"),
                    dbc.Button(
                        _("Announce an event"),
                        href=f"/{lang}/events/new",
                        color="primary",
                        id="events-announce",
                    ),
                ],
                className="d-flex justify-content-between align-items-center gap-2 mb-2",
            ),
            html.P(
                _(
                    "Join an event near you or online. After an event, its organizers report "
                    "the results from here."
                ),
                className="lead events-lead",
            ),
            html.Details(
                [html.Summary(_("Filters"), className="events-filters-summary"), filters()],
                id=ids.FILTERS,
                className="events-filters mb-2",
            ),
            html.P(
                [
                    html.Span(id=ids.ZONE_NOTE),
                    " ",
                    html.A(
                        [
                            html.I(className="bi bi-calendar-week me-1", **{"aria-hidden": "true"}),
                            _("Subscribe to these events (iCalendar)"),
                        ],
                        id=ids.FEED,
                        href="/events.ics",
                        className="ms-2",
                    ),
                ],
                className="small text-body-secondary",
            ),
            toggle,
            dbc.Row(
                [
                    dbc.Col(
                        dcc.Loading(html.Div(id=ids.LIST), type="dot"),
                        lg=6,
                        className="events-list-col",
                    ),
                    dbc.Col(
                        [
                            html.Div(
                                [html.H2(_("Calendar"), className="h5"), calendar],
                                className="events-calendar-block",
                            ),
                            html.H2(_("Where"), className="h5 mt-3"),
                            dcc.Graph(
                                id=ids.MAP,
                                config=graph_config(plotly_locale(lang)),
                                style={"height": "360px"},
                            ),
                            html.P(id=ids.MAP_SUMMARY, className="small"),
                        ],
                        lg=6,
                        className="events-side-col",
                    ),
                ],
                id=ids.VIEWS,
                className="events-show-list",
            ),
        ]
    )


def layout(lang: str | None = None, **_kwargs):
    if lang is None:  # Dash's bare call (callback validation)
        return content()
    lang = i18n.normalize(lang)
    with force_locale(lang):
        return shell.page(lang, MODULE, "events", content(lang))


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        path_template="/<lang>/events",
        layout=layout,
        title=title,
        order=4,  # before the dashboard's "/<lang>"
        nav_label=lambda: _("Events"),
        nav_order=3,
    )
    events_callbacks.register(app)
    event_page.register(app)
    events_review.register(app)
    waiting.register(app)
