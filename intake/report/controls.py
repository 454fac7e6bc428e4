"""The report form's controls: text, area, dropdown and number fields, the titled sections,
the rows of chosen codes with their reasons, and the grouped initiative options."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.fields import field, field_id
from components.pickers import grouped_options, picker_props
from data import i18n
from data.reference import reference
from data.text_policy import LONG, SHORT
from intake.report.formdata import RANKED, UNRANKED


def text(name, label, required=False, help_text=None, type_="text", maxlength=SHORT, **kw):
    control = dbc.Input(
        id=field_id(name), type=type_, maxLength=maxlength, required=required, debounce=False, **kw
    )
    return field(name, label, control, help_text, required=required)


def area(name, label, help_text=None, rows=2):
    control = dbc.Textarea(id=field_id(name), maxLength=LONG, rows=rows)
    return field(name, label, control, help_text)


def dropdown(name, label, options, multi=False, required=False, help_text=None, placeholder=None):
    control = dcc.Dropdown(
        id=field_id(name),
        options=options,
        multi=multi,
        placeholder=placeholder or _("Choose…"),
        **picker_props(),
    )
    return field(name, label, control, help_text, required=required)


def initiative_options() -> list[dict]:
    """The initiatives grouped under their recommendation (components.pickers: headers are
    disabled options, the initiatives' labels carry no indent text)."""
    ref = reference()
    return grouped_options(
        (
            i18n.recommendation(rec.code),
            f"group-{rec.code}",
            [
                {"label": i18n.initiative(i.code), "value": i.code}
                for i in ref.initiatives_of(rec.code)
            ],
        )
        for rec in ref.recommendations.values()
    )


def section(title: str, *children, description: str | None = None):
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(title, className="h5 card-title"),
                html.P(description, className="text-body-secondary") if description else None,
                *children,
            ]
        ),
        className="mb-4",
    )


def choices(prefix: str, rows, options: list[dict], title: str, description: str):
    """Rows of chosen codes, each with one reason, and whether the event ranked them."""
    shown = 5  # the template's five rows; more under "More rows"

    def row(n: int):
        return dbc.Row(
            [
                dbc.Col(
                    dropdown(f"{prefix}_{n}", _("Row %(row)d", row=n), options, multi=True),
                    md=6,
                ),
                dbc.Col(area(f"{prefix}_{n}_why", _("Why")), md=6),
            ]
        )

    ranked = "priorities_ranked" if prefix == "priority" else "recommendations_ranked"
    more = [row(n) for n in rows if n > shown]
    return section(
        title,
        field(
            ranked,
            _("Did the event rank them?"),
            dbc.RadioItems(
                id=field_id(ranked),
                options=[
                    {"label": _("Yes: row 1 first; several in a row are a tie"), "value": RANKED},
                    {"label": _("No: the rows are groups, not an order"), "value": UNRANKED},
                ],
                value=UNRANKED,
            ),
        ),
        *[row(n) for n in rows if n <= shown],
        html.Details([html.Summary(_("More rows")), *more], className="mb-2") if more else None,
        description=description,
    )


def number(name, label, required=False, minimum=0):
    control = dbc.Input(
        id=field_id(name),
        type="number",
        min=minimum,
        step=1,
        inputMode="numeric",
        required=required,
    )
    return field(name, label, control, required=required)
