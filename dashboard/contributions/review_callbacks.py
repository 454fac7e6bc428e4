"""Callbacks of the contributions' review page: the queue (pending first) and the decisions.
Each refuses without a reviewer's session (``PreventUpdate``: nothing read, nothing changed);
decisions go through data/contributions/review.py, which writes the audit rows."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import ctx, html
from dash.exceptions import PreventUpdate
from flask_babel import force_locale
from flask_babel import gettext as _

from dashboard.auth.login import account, allowed
from dashboard.contributions import review_ids as ids
from dashboard.review.views import status_label
from data import i18n
from data.contributions.review import QueuedContribution, decide_logged, review_queue
from data.db import current_db
from data.models import Status
from data.support.review import Role


def _picks(heading: str, picks, label) -> html.Div | None:
    if not picks:
        return None
    items = [
        html.Li([label(p.code), html.Span(f" — {p.why}", className="fst-italic") if p.why else ""])
        for p in picks
    ]
    return html.Div([html.H3(heading, className="h6 mt-2 mb-1"), html.Ol(items, className="small")])


def _actions(row: QueuedContribution) -> list:
    if row.status != Status.PENDING:  # decisions are final, as in the API
        return []
    return [
        dbc.Button(
            _("Publish"),
            id={"type": ids.PUBLISH, "id": row.id},
            color="success",
            size="sm",
            className="me-2",
        ),
        dbc.InputGroup(
            [
                dbc.Input(
                    id={"type": ids.REASON, "id": row.id},
                    placeholder=_("Reason for rejecting"),
                    size="sm",
                    maxlength=2000,
                ),
                dbc.Button(
                    _("Reject"), id={"type": ids.REJECT, "id": row.id}, color="danger", size="sm"
                ),
            ],
            size="sm",
            className="mt-2",
        ),
    ]


def _card(row: QueuedContribution) -> dbc.Card:
    community = row.community or _("No community named")
    facts = [status_label(row.status), community, i18n.language(row.written_in)]
    return dbc.Card(
        dbc.CardBody(
            [
                html.H2(_("Contribution %(id)d", id=row.id), className="h6"),
                html.Div(" · ".join(facts), className="small"),
                html.Div(row.created_at.strftime("%Y-%m-%d %H:%M UTC"), className="small"),
                _picks(_("Initiatives"), row.initiatives, i18n.initiative),
                _picks(_("Recommendations"), row.recommendations, i18n.recommendation),
                html.Div(row.status_reason, className="small fst-italic")
                if row.status_reason
                else None,
                html.Div(_actions(row), className="mt-2"),
            ]
        ),
        className="mb-2",
        id=f"contrib-review-{row.id}",
    )


def render_queue(status, _refresh, lang):
    if not allowed(Role.REVIEWER):
        raise PreventUpdate
    with current_db().session(readonly=True) as session:
        rows = review_queue(session, status or None)
    with force_locale(i18n.normalize(lang)):
        if not rows:
            return html.P(_("No contributions here."), className="text-body-secondary")
        return [_card(r) for r in rows]


def act(_publish, _reject, reasons, reason_ids, refresh, lang):
    if not allowed(Role.REVIEWER):
        raise PreventUpdate
    trigger = ctx.triggered_id
    if not trigger or not any(t["value"] for t in ctx.triggered):
        raise PreventUpdate  # buttons that just appeared
    contribution_id = trigger["id"]
    with force_locale(i18n.normalize(lang)):
        if trigger["type"] == ids.PUBLISH:
            decision, reason = "publish", ""
        else:
            by_id = {r["id"]: v for r, v in zip(reason_ids, reasons, strict=True)}
            decision, reason = "reject", (by_id.get(contribution_id) or "").strip()
            if not reason:
                return dbc.Alert(_("Give a reason for rejecting."), color="danger"), refresh
        with current_db().session() as session:
            moved = decide_logged(session, [contribution_id], decision, account(), reason)
        if not moved:
            text = _("Contribution %(id)d was already decided.", id=contribution_id)
            return dbc.Alert(text, color="warning", id=ids.ALERT), (refresh or 0) + 1
        if decision == "publish":
            text = _("Contribution %(id)d published.", id=contribution_id)
        else:
            text = _("Contribution %(id)d rejected.", id=contribution_id)
        return dbc.Alert(text, color="success", id=ids.ALERT), (refresh or 0) + 1
