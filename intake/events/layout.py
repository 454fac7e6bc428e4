"""The announce form (``/<lang>/events/new``) and its edit page: name, start and end in the
event's time zone, languages, place or online, format, the link to join, who it is for,
accessibility notes and the organizer's private contact."""

from __future__ import annotations

import uuid

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.fields import dom_id, dropdown_labels
from components.pickers import MENU_HEIGHT
from data import i18n
from data.reference import reference
from data.text_policy import LONG, SHORT
from intake.events import ids
from intake.events.schema import ADDRESS_MAX, URL_MAX, time_zones


def field_id(name: str) -> dict:
    return {"type": ids.FIELD, "name": name}


def field(name: str, label: str, control, help_text: str | None = None, required=False):
    """A labelled control with a place for its message (the markup of components.fields)."""
    label_children = [label]
    if required:
        label_children.append(html.Span(" *", className="text-danger", **{"aria-hidden": "true"}))
    return html.Div(
        [
            dbc.Label(label_children, html_for=dom_id(field_id(name))),
            control,
            dbc.FormText(help_text) if help_text else None,
            html.Div(
                id={"type": ids.MESSAGE, "name": name}, className="field-message", role="alert"
            ),
        ],
        id={"type": ids.WRAP, "name": name},
        className="mb-3",
    )


def _input(name, label, values, required=False, type_="text", maxlength=SHORT, help_text=None):
    control = dbc.Input(
        id=field_id(name),
        type=type_,
        maxLength=maxlength,
        required=required,
        value=values.get(name),
    )
    return field(name, label, control, help_text, required)


def _area(name, label, values, help_text=None, maxlength=LONG):
    control = dbc.Textarea(id=field_id(name), maxLength=maxlength, rows=2, value=values.get(name))
    return field(name, label, control, help_text)


def _dropdown(name, label, options, values, multi=False, required=False, help_text=None):
    control = dcc.Dropdown(
        id=field_id(name),
        options=options,
        multi=multi,
        value=values.get(name),
        placeholder=_("Choose…"),
        maxHeight=MENU_HEIGHT,
        search_order="original",
        labels=dropdown_labels(),
    )
    return field(name, label, control, help_text, required)


def announce_form(
    values: dict | None = None, client_id: str | None = None, edit_token: str | None = None
) -> html.Div:
    """The form, empty or filled with ``values`` (the edit page)."""
    values = values or {}
    ref = reference()
    countries = i18n.country_options(ref.countries)
    when = dbc.Row(
        [
            dbc.Col(
                _input("start", _("Starts"), values, required=True, type_="datetime-local"), md=4
            ),
            dbc.Col(_input("end", _("Ends"), values, required=True, type_="datetime-local"), md=4),
            dbc.Col(
                _dropdown(
                    "timezone",
                    _("Time zone of these times"),
                    i18n.time_zone_options(time_zones()),
                    values,
                    required=True,
                    help_text=_("Preset to your device's time zone."),
                ),
                md=4,
            ),
        ]
    )
    where = dbc.Row(
        [
            dbc.Col(
                _dropdown(
                    "country",
                    _("Country"),
                    countries,
                    values,
                    help_text=_("Leave country and region empty for an online event."),
                ),
                md=6,
            ),
            dbc.Col(
                _dropdown(
                    "region",
                    _("Region"),
                    [{"label": i18n.region(c), "value": c} for c in ref.regions],
                    values,
                    help_text=_("Derived from the country when left empty."),
                ),
                md=6,
            ),
        ]
    )
    fields = [
        _input("name", _("Name of the event"), values, required=True),
        when,
        field(
            "format",
            _("Format"),
            dbc.RadioItems(
                id=field_id("format"),
                options=[{"label": i18n.event_format(c), "value": c} for c in ref.formats],
                value=values.get("format"),
                inline=True,
            ),
            required=True,
        ),
        where,
        dbc.Row(
            [
                dbc.Col(
                    _input(
                        "venue",
                        _("Venue"),
                        values,
                        help_text=_("For an event in person or hybrid: the place's name."),
                    ),
                    md=6,
                ),
                dbc.Col(
                    _area(
                        "address",
                        _("Address"),
                        values,
                        _("Public: shown on the event's page and in calendars."),
                        maxlength=ADDRESS_MAX,
                    ),
                    md=6,
                ),
            ]
        ),
        _dropdown(
            "languages",
            _("Languages of the event"),
            [{"label": n, "value": c} for c, n in i18n.event_languages().items()],
            values,
            multi=True,
        ),
        _input(
            "join_url",
            _("How to join (a link)"),
            values,
            type_="url",
            maxlength=URL_MAX,
            help_text=_("Registration page or video call; required for an online event."),
        ),
        _area("audience", _("Who it is for"), values),
        _area(
            "accessibility",
            _("Accessibility notes"),
            values,
            _("Captions, sign language, step-free access, breaks…"),
        ),
        html.H2(_("Organizer"), className="h5 mt-4"),
        html.P(
            _("Kept private: only the support team sees it, to contact you about this event."),
            className="text-body-secondary",
        ),
        dbc.Row(
            [
                dbc.Col(_input("organizer_name", _("Your name"), values, required=True), md=6),
                dbc.Col(
                    _input(
                        "organizer_email",
                        _("E-mail address"),
                        values,
                        required=True,
                        type_="email",
                        maxlength=254,
                    ),
                    md=6,
                ),
            ]
        ),
    ]
    return html.Div(
        [
            dcc.Store(id=ids.CLIENT_ID, data=client_id or str(uuid.uuid4())),
            dcc.Store(id=ids.EDIT_TOKEN, data=edit_token),
            html.Div(id=ids.ERROR_SUMMARY, tabIndex="-1"),
            html.Div(
                [
                    dbc.Card(dbc.CardBody(fields), className="mb-4"),
                    dbc.Button(
                        _("Save the changes") if edit_token else _("Announce the event"),
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
