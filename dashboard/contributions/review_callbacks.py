"""Callbacks of the contributions' review page: the queue (pending first) and the decisions.
Each refuses without a reviewer's session (``PreventUpdate``: nothing read, nothing changed);
decisions go through data/contributions/review.py, which writes the audit rows."""

from __future__ import annotations

from dash import ctx, html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import review_queue
from components.review_queue import status_label
from dashboard.auth.guards import account, signed_in
from dashboard.contributions import review_ids as ids
from data import i18n
from data.contributions.review import QueuedContribution, decide_logged
from data.contributions.review import review_queue as queued
from data.db import current_db
from data.models import Status


def _picks(heading: str, picks, label) -> html.Div | None:
    if not picks:
        return None
    items = [
        html.Li(
            [
                label(p.code),
                # The reason as its writer wrote it, in its own direction.
                html.Span([" — ", html.Span(p.why, dir="auto")], className="fst-italic")
                if p.why
                else "",
            ]
        )
        for p in picks
    ]
    return html.Div([html.H3(heading, className="h6 mt-2 mb-1"), html.Ol(items, className="small")])


def _card(row: QueuedContribution):
    community = row.community or _("No community named")
    facts = [status_label(row.status), community, i18n.language(row.written_in)]
    pending = row.status == Status.PENDING  # decisions are final, as in the API
    controls = review_queue.decision_controls(
        ids.REVIEW, row.id, publish=pending, reject=pending, maxlength=2000
    )
    return review_queue.queue_card(
        f"contrib-review-{row.id}",
        _("Contribution %(id)d", id=row.id),
        [
            html.Div(" · ".join(facts), className="small"),
            html.Div(row.created_at.strftime("%Y-%m-%d %H:%M UTC"), className="small"),
            _picks(_("Initiatives"), row.initiatives, i18n.initiative),
            _picks(_("Recommendations"), row.recommendations, i18n.recommendation),
        ],
        row.status_reason,
        controls,
    )


@review_queue.refusing(signed_in)
def render_queue(status, _refresh, lang):
    with current_db().session(readonly=True) as session:
        rows = queued(session, status or None)
    with force_locale(i18n.normalize(lang)):
        if not rows:
            return review_queue.empty(_("No contributions here."))
        return [_card(r) for r in rows]


@review_queue.refusing(signed_in)
def act(_publish, _reject, reasons, reason_ids, refresh, lang):
    trigger = review_queue.clicked(ctx.triggered_id, ctx.triggered)
    contribution_id = trigger["id"]
    with force_locale(i18n.normalize(lang)):
        if trigger["type"] == ids.PUBLISH:
            decision, reason = "publish", ""
        else:
            decision, reason = (
                "reject",
                review_queue.reason_for(contribution_id, reasons, reason_ids),
            )
            if not reason:
                return review_queue.refused(_("Give a reason for rejecting."), refresh)
        with current_db().session() as session:
            moved = decide_logged(session, [contribution_id], decision, account(), reason)
        if not moved:
            text = _("Contribution %(id)d was already decided.", id=contribution_id)
            return review_queue.next_step(text, "warning", ids.ALERT, refresh)
        if decision == "publish":
            text = _("Contribution %(id)d published.", id=contribution_id)
        else:
            text = _("Contribution %(id)d rejected.", id=contribution_id)
        return review_queue.next_step(text, "success", ids.ALERT, refresh)
