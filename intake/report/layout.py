"""The report form: every field of the 2020 report template plus participation counts."""

from __future__ import annotations

import uuid

import dash_bootstrap_components as dbc
from dash import dcc, html
from flask_babel import gettext as _

from components.fields import field, field_id
from components.form import offline_notice
from data import i18n
from data.reference import reference
from intake.report import ids
from intake.report.controls import (
    area,
    choices,
    dropdown,
    initiative_options,
    number,
    section,
    text,
)
from intake.report.formdata import PART_SLOTS, PRIORITY_ROWS, REC_ROWS
from intake.report.widgets import email_opt_in, honeypot, prefill


def form(
    lang: str,
    *,
    values: dict | None = None,
    client_id: str | None = None,
    edit_token: str | None = None,
    draft_key: str = "new",
    event_id: int | None = None,
) -> html.Div:
    """The report form: empty for a new report, or ``values`` for the edit page."""
    ref = reference()
    countries = i18n.country_options(ref.countries)
    initiatives = initiative_options()
    recommendations = [{"label": i18n.recommendation(c), "value": c} for c in ref.recommendations]
    formats = [{"label": i18n.event_format(c), "value": c} for c in ref.formats]
    event = section(
        _("The event"),
        text("event_name", _("Name of the event or group"), required=True),
        dbc.Row(
            [
                dbc.Col(
                    text("event_date", _("Date of the event"), required=True, type_="date"), md=4
                ),
                dbc.Col(
                    field(
                        "format",
                        _("Format"),
                        dbc.RadioItems(
                            id=field_id("format"),
                            options=formats,
                            inline=True,
                        ),
                        required=True,
                    ),
                    md=8,
                ),
            ]
        ),
        html.Details(
            [
                html.Summary(_("Held in several parts? Add the other sessions")),
                html.P(
                    _("The date and format above are the first session's."),
                    className="small text-body-secondary mt-2",
                ),
                *[
                    dbc.Row(
                        [
                            dbc.Col(
                                text(
                                    f"part_{n}_date",
                                    _("Session %(number)d: date", number=n),
                                    type_="date",
                                ),
                                md=4,
                            ),
                            dbc.Col(
                                dropdown(
                                    f"part_{n}_format",
                                    _("Session %(number)d: format", number=n),
                                    formats,
                                ),
                                md=8,
                            ),
                        ]
                    )
                    for n in PART_SLOTS
                ],
            ],
            className="mb-3",
        ),
        dbc.Row(
            [
                dbc.Col(
                    dropdown(
                        "country",
                        _("Country"),
                        countries,
                        help_text=_("Leave empty for an online or thematic event."),
                    ),
                    md=6,
                ),
                dbc.Col(
                    dropdown(
                        "region",
                        _("Region"),
                        [{"label": i18n.region(c), "value": c} for c in ref.regions],
                        help_text=_("Derived from the country when left empty."),
                    ),
                    md=6,
                ),
            ]
        ),
        dropdown(
            "languages",
            _("Languages of the event"),
            [{"label": n, "value": c} for c, n in i18n.event_languages().items()],
            multi=True,
        ),
        field(
            "themes",
            _("Themes"),
            dbc.Checklist(
                id=field_id("themes"),
                options=[{"label": i18n.theme(c), "value": c} for c in ref.themes],
            ),
        ),
    )
    people = section(
        _("Who took part"),
        dbc.Row(
            [
                dbc.Col(number("participants_total", _("Number of participants"), minimum=1), md=4),
                dbc.Col(
                    field(
                        "participants_precision",
                        _("This number is"),
                        dbc.RadioItems(
                            id=field_id("participants_precision"),
                            options=[
                                {"label": _("exact"), "value": "exact"},
                                {"label": _("about"), "value": "about"},
                                {"label": _("at least (“over 30”)"), "value": "at_least"},
                            ],
                            value="exact",
                            inline=True,
                        ),
                        _("Leave the number empty when nobody counted."),
                    ),
                    md=8,
                ),
            ]
        ),
        html.P(
            _(
                "How many participants came from these groups? Counts only; leave empty "
                "when unknown. Small counts are never shown publicly per event."
            ),
            className="text-body-secondary",
        ),
        dbc.Row(
            [dbc.Col(number(f"group_{code}", i18n.group(code)), md=4, sm=6) for code in ref.groups]
        ),
        area(
            "attendees",
            _("Who attended"),
            _("Communities, affiliates or roles represented (no personal data needed)."),
        ),
        dbc.Row(
            [
                dbc.Col(area("facilitators", _("Facilitators")), md=6),
                dbc.Col(area("note_takers", _("Note takers")), md=6),
            ]
        ),
    )
    recs = choices(
        "recommendation",
        REC_ROWS,
        recommendations,
        _("Recommendations"),
        _(
            "The recommendations the event chose, with why. Several in one row share a "
            "reason; when the event ranked them, each row is a rank and several in a row "
            "are a tie."
        ),
    )
    priorities = choices(
        "priority",
        PRIORITY_ROWS,
        initiatives,
        _("Initiatives"),
        _(
            "Any number of initiatives, as the event wrote them: one row for a group that "
            "shares a reason; when the event ranked them, each row is a rank and several in "
            "a row are a tie. Leave this empty if the event chose recommendations only."
        ),
    )
    ahead = section(
        _("Looking ahead"),
        dropdown(
            "global_coordination",
            _("Initiatives that should be the focus of global coordination"),
            initiatives,
            multi=True,
        ),
        area("global_coordination_why", _("Why these need global coordination")),
        area("resources_needed", _("Human and financial resources needed"), rows=3),
        area("notes", _("Other notes"), rows=3),
        dbc.Row(
            dbc.Col(
                number("continues", _("Continues an earlier report (its number)"), minimum=1),
                md=6,
            )
        ),
        html.P(
            _(
                "For a survey or a second round of a discussion already reported: the "
                "discussion then counts once, and its participants are not added twice."
            ),
            className="small text-body-secondary",
        ),
    )
    organizer = section(
        _("Organizer"),
        dbc.Row(
            [
                dbc.Col(text("organizer_name", _("Your name"), required=True), md=4),
                dbc.Col(
                    text(
                        "organizer_email",
                        _("E-mail address"),
                        required=True,
                        type_="email",  # at most SHORT characters, as the server
                    ),
                    md=4,
                ),
                dbc.Col(text("organizer_affiliate", _("Affiliate or group")), md=4),
            ]
        ),
        email_opt_in(editing=edit_token is not None),
        area(
            "co_organizers",
            _("Co-organizing affiliates or groups"),
            _("One per line. Shown publicly with the report."),
        ),
        description=_(
            "Kept private: only the support team sees it, to contact you about this report."
        ),
    )
    sections = [event, people, recs, priorities, ahead, organizer]
    if values:
        for part in sections:
            prefill(part, values)
    return html.Div(
        [
            dcc.Store(id=ids.CLIENT_ID, data=client_id or str(uuid.uuid4())),
            dcc.Store(id=ids.EDIT_TOKEN, data=edit_token),
            dcc.Store(id=ids.REPORT_EVENT, data=event_id),  # opened from this event's page
            # assets/draft.js keeps what is typed under this key in the browser's localStorage.
            dcc.Store(
                id=ids.DRAFT,
                data={"key": f"movement-priorities:draft:{draft_key}", "skip": [ids.HONEYPOT]},
            ),
            html.Div(id=ids.ERROR_SUMMARY, tabIndex="-1"),
            html.Div(
                [
                    *sections,
                    honeypot(),
                    offline_notice(ids.OFFLINE_NOTICE, ids.OFFLINE_RETRY, ids.SUBMIT),
                    dbc.Button(
                        _("Save the changes") if edit_token else _("Submit the report"),
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
