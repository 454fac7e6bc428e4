"""The review queue (``/<lang>/review``) and the audit log (``/<lang>/review/audit``); a
report's own review page is in ``report_page``.

Layouts hold no data: callbacks fill them, and every callback checks the session's role first.
Called bare (Dash's callback validation), a layout returns its component tree without a shell.
The queue is built on the shared review-queue pattern (components/review_queue.py): each row
links to the report's own page, where it is decided.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import current_app
from flask_babel import gettext as _

from components import review_queue
from components.fields import dropdown_labels
from dashboard.auth.guards import allowed
from dashboard.auth.pages import register_support_page, support_layout, support_title
from dashboard.review import callbacks as review_callbacks
from dashboard.review import ids
from dashboard.review.report_view import done_message, export_links
from data import i18n
from data.db import current_db
from data.models import Status
from data.reference import reference
from data.support.accounts import Role
from data.support.settings import auto_publish

MODULE = "dashboard.review"
PATH = "review"
AUDIT_MODULE = "dashboard.review_audit"
AUDIT_PATH = "review/audit"


def filters(auto: bool, admin: bool) -> list:
    """Status, region, the two narrowing switches, and the auto-publish switch (admins only)."""
    ref = reference()
    return [
        review_queue.status_filter(ids.REVIEW, [*review_queue.DECIDED, Status.DUPLICATE]),
        dbc.Col(
            [
                dbc.Label(_("Region"), html_for=ids.REVIEW_REGION, className="small mb-1"),
                dcc.Dropdown(
                    {c: i18n.region(c) for c in ref.regions},
                    id=ids.REVIEW_REGION,
                    placeholder=_("Any region"),
                    labels=dropdown_labels(),
                ),
            ],
            md=3,
        ),
        dbc.Col(
            [
                dbc.Checkbox(id=ids.REVIEW_DUPLICATES, label=_("Possible duplicates only")),
                dbc.Checkbox(
                    id=ids.REVIEW_LIST_CHANGE,
                    label=_("Touched by the initiative list change"),
                ),
            ],
            md=3,
        ),
        dbc.Col(
            [
                dbc.Switch(
                    id=ids.REVIEW_AUTO,
                    label=_("Publish new reports on arrival"),
                    value=auto,
                    disabled=not admin,
                ),
                html.Div(id=ids.REVIEW_AUTO_NOTE, className="small", role="status"),
            ],
            md=3,
        ),
    ]


def search_box() -> html.Div:
    """One box for a report's number, an event name or a country (code or name); it searches
    on Enter or when it loses the focus."""
    return html.Div(
        [
            dbc.Label(
                _("Search by number, event name or country"),
                html_for=ids.REVIEW_SEARCH,
                className="small mb-1",
            ),
            dbc.Input(id=ids.REVIEW_SEARCH, type="search", debounce=True, size="sm"),
        ],
        className="mb-2",
    )


def review_content(
    lang: str = i18n.DEFAULT, auto: bool = False, admin: bool = False, done: list | None = None
):
    """The queue; ``done``: the message of the decision that led here ("… and next" with no
    pending report left)."""
    links = [
        html.A(_("Audit log"), href=f"/{lang}/review/audit", id=ids.AUDIT_LINK),
        " · ",
        html.A(
            _("Individual contributions"),
            href=f"/{lang}/review/contributions",
            id=ids.CONTRIBUTIONS_LINK,
        ),
    ]
    bulk = dbc.Button(
        _("Publish the selected reports"),
        id=ids.REVIEW_BULK,
        color="success",
        outline=True,
        size="sm",
        className="mb-2",
    )
    return review_queue.queue_content(
        ids.REVIEW,
        _("Review queue"),
        stores=[dcc.Store(id=ids.REVIEW_PAGE, data=0)],
        links=links,
        filters=filters(auto, admin),
        body=html.Div(
            [
                *(done or []),
                export_links(lang),
                search_box(),
                bulk,
                html.Div(id=ids.REVIEW_QUEUE),
            ]
        ),
    )


def content(lang: str | None, **kwargs):
    if lang is None:
        return review_content()
    publishes = auto_publish(current_db(), current_app.config["AUTO_PUBLISH"])
    return review_content(lang, publishes, allowed(Role.ADMIN), done_message(kwargs))


def audit_content(_lang: str | None = None, **_kwargs):
    return html.Div(
        [
            html.H1(_("Audit log"), className="h3"),
            html.P(_("Every action of the support team, newest first."), className="lead"),
            html.Div(id=ids.AUDIT_TABLE),
        ]
    )


layout = support_layout(MODULE, PATH, content)
title = support_title(lambda: _("Review queue"))
audit_layout = support_layout(AUDIT_MODULE, AUDIT_PATH, audit_content)
audit_title = support_title(lambda: _("Audit log"))


def register(app: dash.Dash) -> None:
    register_support_page(AUDIT_MODULE, AUDIT_PATH, audit_layout, audit_title, order=10)
    register_support_page(
        MODULE,
        PATH,
        layout,
        title,
        order=11,
        nav_label=lambda: _("Review"),
        nav_order=10,
    )
    review_callbacks.register(app)
