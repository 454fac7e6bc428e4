"""The contribution form's component tree: up to 5 initiatives and 3 recommendations, each
with its reason, and the community (optional)."""

from __future__ import annotations

import uuid

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.fields import dom_id
from components.pickers import picker_props
from data import i18n
from data.reference import reference
from data.text_policy import LONG, SHORT
from intake.contribute import ids
from intake.contribute.model import INITIATIVE_SLOTS, RECOMMENDATION_SLOTS
from intake.report.controls import initiative_options


def _field(name: str, label: str, control, help_text: str | None = None):
    """A labelled control with its message (the report form's layout, with this page's IDs)."""
    return html.Div(
        [
            dbc.Label(label, html_for=dom_id(ids.field_id(name))),
            control,
            dbc.FormText(help_text) if help_text else None,
            html.Div(id=ids.message_id(name), className="field-message", role="alert"),
        ],
        id=ids.wrap_id(name),
        className="mb-3",
    )


def _pick(prefix: str, n: int, label: str, options: list[dict]) -> dbc.Row:
    choice = dcc.Dropdown(
        id=ids.field_id(f"{prefix}_{n}"),
        options=options,
        placeholder=_("Choose…"),
        **picker_props(),
    )
    why = dbc.Textarea(id=ids.field_id(f"{prefix}_{n}_why"), maxLength=LONG, rows=2)
    return dbc.Row(
        [
            dbc.Col(_field(f"{prefix}_{n}", label, choice), md=6),
            dbc.Col(_field(f"{prefix}_{n}_why", _("Why"), why), md=6),
        ]
    )


def _section(title: str, description: str, *children) -> dbc.Card:
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(title, className="h5 card-title"),
                html.P(description, className="text-body-secondary"),
                *children,
            ]
        ),
        className="mb-4",
    )


def form() -> html.Div:
    recommendations = [
        {"label": i18n.recommendation(c), "value": c} for c in reference().recommendations
    ]
    initiatives = initiative_options()
    sections = [
        _section(
            _("Up to 5 initiatives"),
            _("The initiatives you think matter most, and why."),
            *[
                _pick("initiative", n, _("Initiative %(n)d", n=n), initiatives)
                for n in INITIATIVE_SLOTS
            ],
        ),
        _section(
            _("Up to 3 recommendations"),
            _("The recommendations you think matter most, and why."),
            *[
                _pick("recommendation", n, _("Recommendation %(n)d", n=n), recommendations)
                for n in RECOMMENDATION_SLOTS
            ],
        ),
        _section(
            _("Your community (optional)"),
            _("A community, project or affiliate you speak for or belong to, if you wish."),
            _field(
                "community",
                _("Community"),
                dbc.Input(id=ids.field_id("community"), type="text", maxLength=SHORT),
            ),
        ),
    ]
    return html.Div(
        [
            dcc.Store(id=ids.CLIENT_ID, data=str(uuid.uuid4())),
            # assets/draft.js keeps what is typed under this key in the browser's localStorage.
            dcc.Store(id=ids.DRAFT, data={"key": "movement-priorities:contribution", "skip": []}),
            html.Div(id=ids.ERROR_SUMMARY, tabIndex="-1"),
            html.Div(
                [
                    *sections,
                    dbc.Button(
                        _("Send my contribution"),
                        id=ids.SUBMIT,
                        color="primary",
                        size="lg",
                        className="mb-4",
                    ),
                ],
                id=ids.FORM,
            ),
            dcc.Loading(html.Div(id=ids.RESULT, **{"aria-live": "polite"}), type="dot"),
        ]
    )
