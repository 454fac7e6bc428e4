"""A report's review page, its controls: the decisions at the top (publish, reject, each also
"and next") and, below the report, marking a duplicate by number and the correction form, whose
inputs (dict IDs ``{"type": REVIEW_FIX, "name": field}``) the detail callback fills in."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.fields import dom_id, dropdown_labels
from dashboard.review import ids
from data import i18n
from data.reference import reference


def fix_id(name: str) -> dict:
    return {"type": ids.REVIEW_FIX, "name": name}


def _label(text: str, name: str) -> dbc.Label:
    return dbc.Label(text, html_for=dom_id(fix_id(name)), className="small mb-0")


def decide_bar() -> html.Div:
    """Publish or reject the report, each also "and next" (then the next pending report of the
    queue opens); hidden until the report is read."""
    publish = html.Div(
        [
            dbc.Button(_("Publish"), id=ids.REVIEW_PUBLISH, color="success"),
            dbc.Button(
                _("Publish and next"), id=ids.REVIEW_PUBLISH_NEXT, color="success", outline=True
            ),
        ],
        className="d-flex flex-wrap gap-2",
    )
    # Not an input group: on a phone the reason keeps a line of its own, the buttons wrap.
    reject = html.Div(
        [
            dbc.Input(id=ids.REVIEW_REASON, placeholder=_("Reason for rejecting")),
            dbc.Button(_("Reject"), id=ids.REVIEW_REJECT, color="danger"),
            dbc.Button(
                _("Reject and next"), id=ids.REVIEW_REJECT_NEXT, color="danger", outline=True
            ),
        ],
        className="review-reject d-flex flex-wrap gap-2",
    )
    # ``hidden`` on a wrapper: Bootstrap's d-flex would win over the hidden attribute.
    return html.Div(
        html.Div(
            [
                html.H2(_("Decide"), className="visually-hidden"),
                publish,
                dbc.Label(
                    _("Reason for rejecting"),
                    html_for=ids.REVIEW_REASON,
                    className="visually-hidden",
                ),
                reject,
            ],
            className="d-flex flex-wrap align-items-start gap-2",
        ),
        id=ids.REVIEW_ACTIONS,
        className="review-decide py-2 mb-3",
        hidden=True,
    )


def correct_panel(bare: bool = False) -> html.Div:
    """Mark a duplicate of a report given by number, and correct the report; hidden until the
    report is read. ``bare``: no long option lists (Dash's validation call)."""
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
            html.H2(_("Duplicate of another report"), className="h6"),
            dbc.Label(
                _("Number of the original report"),
                html_for=ids.REVIEW_DUPLICATE_OF,
                className="visually-hidden",
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
        id=ids.REVIEW_CORRECT_PANEL,
        className="mt-3",
        hidden=True,
    )
