"""The review queue (``/<lang>/review``) and the audit log (``/<lang>/review/audit``).

Layouts hold no data: callbacks fill them, and every callback checks the session's role first.
Called bare (Dash's callback validation), a layout returns its component tree without a shell.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html
from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _

from components.fields import dom_id, dropdown_labels
from dashboard.auth.login import allowed, signed_in, support_page
from dashboard.contributions import review_ids as contrib_ids
from dashboard.contributions import review_page as contrib_review_page
from dashboard.review import callbacks as review_callbacks
from dashboard.review import ids
from dashboard.review.views import status_label
from data import i18n
from data.db import current_db
from data.models import Status
from data.reference import reference
from data.support.review import AUTO_PUBLISH, Role, get_setting

MODULE = "dashboard.review"
BARE = -1  # review_content(selected=BARE): the tree for validation, without long option lists
AUDIT_MODULE = "dashboard.review_audit"


def _auto_publish_value() -> bool:
    db = current_db()
    with db.session(readonly=True) as session:
        value = get_setting(session, AUTO_PUBLISH)
    return current_app.config["AUTO_PUBLISH"] if value is None else value == "1"


def fix_id(name: str) -> dict:
    return {"type": ids.REVIEW_FIX, "name": name}


def _label(text: str, name: str) -> dbc.Label:
    return dbc.Label(text, html_for=dom_id(fix_id(name)), className="small mb-0")


def actions(bare: bool = False) -> html.Div:
    ref = reference()
    number = {"type": "number", "min": 0, "step": 1, "size": "sm"}
    fixes = [
        dbc.Col(
            [_label(_("Event name"), "event_name"), dbc.Input(id=fix_id("event_name"), size="sm")],
            md=12,
        ),
        dbc.Col(
            [
                _label(_("Country"), "country"),
                dcc.Dropdown(
                    [] if bare else i18n.country_options(ref.countries),
                    id=fix_id("country"),
                    labels=dropdown_labels(),
                ),
            ],
            md=6,
        ),
        dbc.Col(
            [
                _label(_("Region"), "region"),
                dcc.Dropdown(
                    {c: i18n.region(c) for c in ref.regions},
                    id=fix_id("region"),
                    clearable=False,
                    labels=dropdown_labels(),
                ),
            ],
            md=6,
        ),
        dbc.Col(
            [
                _label(_("Format"), "format"),
                dcc.Dropdown(
                    {c: i18n.event_format(c) for c in ref.formats},
                    id=fix_id("format"),
                    clearable=False,
                    labels=dropdown_labels(),
                ),
            ],
            md=6,
        ),
        dbc.Col(
            [
                _label(_("Participants"), "participants_total"),
                dbc.Input(id=fix_id("participants_total"), **{**number, "min": 1}),
            ],
            md=3,
        ),
        dbc.Col(
            [
                _label(_("This number is"), "total_precision"),
                dbc.Select(
                    id=fix_id("total_precision"),
                    options=[
                        {"label": _("exact"), "value": "exact"},
                        {"label": _("about"), "value": "about"},
                        {"label": _("at least (“over 30”)"), "value": "at_least"},
                    ],
                    size="sm",
                ),
            ],
            md=3,
        ),
        *(
            dbc.Col(
                [_label(i18n.group(g), f"group_{g}"), dbc.Input(id=fix_id(f"group_{g}"), **number)],
                md=4,
            )
            for g in ref.groups
        ),
    ]
    return html.Div(
        [
            html.H2(_("Decide"), className="h6 mt-3"),
            dbc.Button(_("Publish"), id=ids.REVIEW_PUBLISH, color="success", className="mb-3"),
            dbc.InputGroup(
                [
                    dbc.Input(id=ids.REVIEW_REASON, placeholder=_("Reason for rejecting")),
                    dbc.Button(_("Reject"), id=ids.REVIEW_REJECT, color="danger"),
                ],
                className="mb-3",
            ),
            dbc.InputGroup(
                [
                    dbc.Input(
                        id=ids.REVIEW_DUPLICATE_OF,
                        type="number",
                        min=1,
                        placeholder=_("Number of the original report"),
                    ),
                    dbc.Button(_("Mark as duplicate"), id=ids.REVIEW_DUPLICATE, color="secondary"),
                ],
                className="mb-3",
            ),
            html.H2(_("Correct"), className="h6"),
            dbc.Row(fixes, className="g-2 mb-2"),
            dbc.Button(_("Save corrections"), id=ids.REVIEW_CORRECT, color="primary"),
        ],
        id=ids.REVIEW_ACTIONS,
        hidden=True,
    )


def review_content(
    lang: str = i18n.DEFAULT, selected: int | None = None, auto: bool = False, admin: bool = False
):
    ref = reference()
    statuses = [Status.PENDING, Status.PUBLISHED, Status.REJECTED, Status.DUPLICATE]
    filters = dbc.Row(
        [
            dbc.Col(
                dcc.Dropdown(
                    {s.value: status_label(s) for s in statuses},
                    id=ids.REVIEW_STATUS,
                    placeholder=_("Any status"),
                    labels=dropdown_labels(),
                ),
                md=3,
            ),
            dbc.Col(
                dcc.Dropdown(
                    {c: i18n.region(c) for c in ref.regions},
                    id=ids.REVIEW_REGION,
                    placeholder=_("Any region"),
                    labels=dropdown_labels(),
                ),
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
        ],
        className="g-2 mb-3",
    )
    return html.Div(
        [
            dcc.Store(id=ids.REVIEW_REFRESH, data=0),
            dcc.Store(id=ids.REVIEW_SELECTED, data=selected),
            html.H1(_("Review queue"), className="h3"),
            html.P(
                [
                    html.A(_("Audit log"), href=f"/{lang}/review/audit", id="review-audit-link"),
                    " · ",
                    html.A(
                        _("Individual contributions"),
                        href=f"/{lang}/review/contributions",
                        id=contrib_ids.LINK,
                    ),
                ],
                className="small",
            ),
            filters,
            html.Div(id=ids.REVIEW_FEEDBACK, role="status", **{"aria-live": "polite"}),
            dbc.Row(
                [
                    dbc.Col(
                        [
                            dbc.Button(
                                _("Publish the selected reports"),
                                id=ids.REVIEW_BULK,
                                color="success",
                                outline=True,
                                size="sm",
                                className="mb-2",
                            ),
                            html.Div(id=ids.REVIEW_QUEUE),
                        ],
                        lg=6,
                    ),
                    dbc.Col([html.Div(id=ids.REVIEW_DETAIL), actions(selected == BARE)], lg=6),
                ]
            ),
        ]
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def layout(lang: str | None = None, report=None, **_kwargs):
    if lang is None:  # Dash's bare call: the component tree only, no data
        return review_content(selected=BARE)
    lang = i18n.normalize(lang)
    with force_locale(lang):
        if not signed_in():
            return support_page(lang, MODULE, "review", Role.REVIEWER)
        content = review_content(lang, _int(report), _auto_publish_value(), allowed(Role.ADMIN))
        return support_page(lang, MODULE, "review", Role.REVIEWER, content)


def audit_content():
    return html.Div(
        [
            html.H1(_("Audit log"), className="h3"),
            html.P(_("Every action of the support team, newest first."), className="lead"),
            html.Div(id=ids.AUDIT_TABLE),
        ]
    )


def audit_layout(lang: str | None = None, **_kwargs):
    if lang is None:
        return audit_content()
    lang = i18n.normalize(lang)
    with force_locale(lang):
        if not signed_in():
            return support_page(lang, AUDIT_MODULE, "review/audit", Role.REVIEWER)
        return support_page(lang, AUDIT_MODULE, "review/audit", Role.REVIEWER, audit_content())


def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return _("Review queue") + " · " + _("Movement Priorities")


def audit_title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return _("Audit log") + " · " + _("Movement Priorities")


def register(app: dash.Dash) -> None:
    dash.register_page(
        AUDIT_MODULE,
        path_template="/<lang>/review/audit",
        layout=audit_layout,
        title=audit_title,
        order=10,
        support_role=Role.REVIEWER,
    )
    dash.register_page(
        MODULE,
        path_template="/<lang>/review",
        layout=layout,
        title=title,
        order=11,
        nav_label=lambda: _("Review"),
        nav_order=10,
        nav_if=signed_in,
        support_role=Role.REVIEWER,
    )
    review_callbacks.register(app)
    contrib_review_page.register(app)
