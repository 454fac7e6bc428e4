"""Parts of the report page around the form's fields: the honeypot, the template links, and
filling the form with a stored report."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from flask_babel import gettext as _

from components import mail
from components.fields import FIELD, dom_id, field_id
from intake.report import ids


def honeypot() -> html.Div:
    """A field for bots only: off-screen, out of the tab order and hidden from assistive tech
    (assets/intake.css), named so that browsers don't autofill it."""
    return html.Div(
        [
            html.Label(_("Leave this field empty"), htmlFor=dom_id(field_id(ids.HONEYPOT))),
            dbc.Input(
                id=field_id(ids.HONEYPOT), type="text", tabIndex="-1", autoComplete="off", value=""
            ),
        ],
        className="report-extra",
        **{"aria-hidden": "true"},
    )


def email_opt_in(editing: bool) -> html.Div:
    """The opt-in to e-mail the private link: offered for a new report when the deployment
    sends e-mail (``SMTP_URL``). Always in the page (the submit callback reads it), hidden
    otherwise."""
    return html.Div(
        dbc.Checkbox(
            id=ids.EMAIL_ME,
            label=_("E-mail me the private link (to the address above)"),
            value=False,
        ),
        hidden=editing or not mail.enabled(),
        className="mb-3",
    )


def prefill(component, values: dict) -> None:
    """Set the value of every form field under ``component`` that ``values`` names."""
    cid = getattr(component, "id", None)
    if isinstance(cid, dict) and cid.get("type") == FIELD and cid.get("name") in values:
        component.value = values[cid["name"]]
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            prefill(child, values)


def template_links(lang: str) -> html.P:
    """Where organizers of many events get the bulk-import template."""
    return html.P(
        [
            _(
                "Reporting many events at once? Fill in the import template and send it to the "
                "support team:"
            ),
            " ",
            html.A("CSV", href=f"/api/v1/reports/template.csv?lang={lang}", download=""),
            " · ",
            html.A("Excel (XLSX)", href=f"/api/v1/reports/template.xlsx?lang={lang}", download=""),
        ],
        className="small text-body-secondary",
        id=ids.TEMPLATE_LINKS,
    )
