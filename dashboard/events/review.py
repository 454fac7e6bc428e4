"""The support team's review of announced events (``/<lang>/events/review``): pending first,
publish or reject with a reason; each action is audited (data/events/write.py). Layout and its
callbacks; every callback checks the session's role first."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, ctx, dcc, html
from dash.exceptions import PreventUpdate
from flask_babel import force_locale
from flask_babel import gettext as _

from components import ids as shell_ids
from components.fields import dropdown_labels
from dashboard.auth.login import account, allowed, signed_in, support_page
from dashboard.events import ids
from dashboard.events.views import local_time
from dashboard.review.callbacks import status_label
from data import i18n
from data.db import current_db
from data.events.write import EventReviewError, publish_event, reject_event, review_queue
from data.models import Status
from data.support.review import Role

MODULE = "dashboard.events.review"
PATH = "events/review"


def content() -> html.Div:
    statuses = [Status.PENDING, Status.PUBLISHED, Status.REJECTED]
    return html.Div(
        [
            dcc.Store(id=ids.REVIEW_REFRESH, data=0),
            html.H1(_("Announced events"), className="h3"),
            html.P(_("Publish announcements, or reject them with a reason."), className="lead"),
            dbc.Row(
                dbc.Col(
                    dcc.Dropdown(
                        {s.value: status_label(s) for s in statuses},
                        value=Status.PENDING.value,
                        id=ids.REVIEW_STATUS,
                        placeholder=_("Any status"),
                        labels=dropdown_labels(),
                    ),
                    md=3,
                ),
                className="mb-3",
            ),
            html.Div(id=ids.REVIEW_FEEDBACK, role="status", **{"aria-live": "polite"}),
            html.Div(id=ids.REVIEW_QUEUE),
        ]
    )


def layout(lang: str | None = None, **_kwargs):
    if lang is None:
        return content()
    lang = i18n.normalize(lang)
    with force_locale(lang):
        if not signed_in():
            return support_page(lang, MODULE, PATH, Role.REVIEWER)
        return support_page(lang, MODULE, PATH, Role.REVIEWER, content())


def title(lang: str = i18n.DEFAULT, **_kwargs) -> str:
    with force_locale(i18n.normalize(lang)):
        return _("Announced events") + " · " + _("Movement Priorities")


def _row(event, lang: str) -> dbc.Card:
    where = i18n.country(event.country) if event.country else i18n.region(event.region)
    actions = []
    if event.status != Status.PUBLISHED:
        actions.append(
            dbc.Button(
                _("Publish"),
                id={"type": ids.REVIEW_PUBLISH, "id": event.id},
                color="success",
                size="sm",
                className="me-2",
            )
        )
    if event.status != Status.REJECTED:
        actions.append(
            dbc.InputGroup(
                [
                    dbc.Input(
                        id={"type": ids.REVIEW_REASON, "id": event.id},
                        placeholder=_("Reason for rejecting"),
                        size="sm",
                    ),
                    dbc.Button(
                        _("Reject"),
                        id={"type": ids.REVIEW_REJECT, "id": event.id},
                        color="danger",
                        size="sm",
                    ),
                ],
                size="sm",
                className="mt-2",
            )
        )
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(f"{event.id}. {event.name}", className="h6"),
                html.Div(
                    " · ".join(
                        [
                            status_label(event.status),
                            local_time(event.start_utc, event.timezone, lang)
                            + f" ({event.timezone})",
                            where,
                            i18n.event_format(event.format),
                        ]
                    ),
                    className="small",
                ),
                html.Div(event.join_url, className="small text-break"),
                html.Div(
                    f"{event.organizer_name} <{event.organizer_email}>",
                    className="small text-body-secondary",
                ),
                html.Div(event.status_reason, className="small fst-italic")
                if event.status_reason
                else None,
                html.Div(actions, className="mt-2"),
            ]
        ),
        className="mb-2",
        id=f"events-review-{event.id}",
    )


def render_queue(status, _refresh, lang):
    if not allowed(Role.REVIEWER):
        raise PreventUpdate
    lang = i18n.normalize(lang)
    with current_db().session(readonly=True) as session:
        rows = review_queue(session, status or None)
    with force_locale(lang):
        if not rows:
            return html.P(_("No announcements here."), className="text-body-secondary")
        return [_row(r, lang) for r in rows]


def act(_publish, _reject, reasons, reason_ids, refresh, lang):
    if not allowed(Role.REVIEWER):
        raise PreventUpdate
    trigger = ctx.triggered_id
    if not trigger or not any(t["value"] for t in ctx.triggered):
        raise PreventUpdate  # buttons that just appeared
    event_id = trigger["id"]
    with force_locale(i18n.normalize(lang)):
        try:
            if trigger["type"] == ids.REVIEW_PUBLISH:
                publish_event(current_db(), event_id, account())
                text = _("Event %(id)d published.", id=event_id)
            else:
                by_id = {r["id"]: v for r, v in zip(reason_ids, reasons, strict=True)}
                reject_event(current_db(), event_id, by_id.get(event_id) or "", account())
                text = _("Event %(id)d rejected.", id=event_id)
        except EventReviewError:
            return dbc.Alert(_("Give a reason for rejecting."), color="danger"), refresh
        return dbc.Alert(text, color="success", id="events-review-alert"), (refresh or 0) + 1


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        path_template="/<lang>/events/review",
        layout=layout,
        title=title,
        order=2,
        nav_label=lambda: _("Review events"),
        nav_order=11,
        nav_if=signed_in,
        support_role=Role.REVIEWER,
    )
    app.callback(
        Output(ids.REVIEW_QUEUE, "children"),
        Input(ids.REVIEW_STATUS, "value"),
        Input(ids.REVIEW_REFRESH, "data"),
        State(shell_ids.LANG, "data"),
    )(render_queue)
    app.callback(
        Output(ids.REVIEW_FEEDBACK, "children"),
        Output(ids.REVIEW_REFRESH, "data"),
        Input({"type": ids.REVIEW_PUBLISH, "id": ALL}, "n_clicks"),
        Input({"type": ids.REVIEW_REJECT, "id": ALL}, "n_clicks"),
        State({"type": ids.REVIEW_REASON, "id": ALL}, "value"),
        State({"type": ids.REVIEW_REASON, "id": ALL}, "id"),
        State(ids.REVIEW_REFRESH, "data"),
        State(shell_ids.LANG, "data"),
        prevent_initial_call=True,
    )(act)
