"""The support team's review of announced events (``/<lang>/events/review``): pending first,
publish or reject with a reason; each action is audited (data/events/write.py). Layout and its
callbacks, on the shared review-queue pattern (components/review_queue.py); every callback
checks the session's role first."""

from __future__ import annotations

import dash
from dash import ctx, html
from flask_babel import force_locale
from flask_babel import gettext as _

from components import review_queue
from components.review_queue import QueueIds, status_label
from dashboard.auth.guards import account, signed_in
from dashboard.auth.pages import register_support_page, support_layout, support_title
from dashboard.events import ids
from dashboard.events.views import local_time
from data import i18n
from data.db import current_db
from data.events.write import EventReviewError, publish_event, reject_event
from data.events.write import review_queue as queued
from data.models import Status

MODULE = "dashboard.events.review"
PATH = "events/review"
REVIEW = QueueIds(
    status=ids.REVIEW_STATUS,
    refresh=ids.REVIEW_REFRESH,
    feedback=ids.REVIEW_FEEDBACK,
    queue=ids.REVIEW_QUEUE,
    alert="events-review-alert",
    publish=ids.REVIEW_PUBLISH,
    reject=ids.REVIEW_REJECT,
    reason=ids.REVIEW_REASON,
)


def content(_lang: str | None = None, **_kwargs) -> html.Div:
    return review_queue.queue_content(
        REVIEW,
        _("Announced events"),
        lead=_("Publish announcements, or reject them with a reason."),
        filters=[review_queue.status_filter(REVIEW, review_queue.DECIDED, Status.PENDING.value)],
    )


layout = support_layout(MODULE, PATH, content)
title = support_title(lambda: _("Announced events"))


def _row(event, lang: str):
    where = i18n.country(event.country) if event.country else i18n.region(event.region)
    when = local_time(event.start_utc, event.timezone, lang) + f" ({event.timezone})"
    facts = [status_label(event.status), when, where, i18n.event_format(event.format)]
    controls = review_queue.decision_controls(
        REVIEW,
        event.id,
        publish=event.status != Status.PUBLISHED,
        reject=event.status != Status.REJECTED,
    )
    return review_queue.queue_card(
        f"events-review-{event.id}",
        f"{event.id}. {event.name}",
        [
            html.Div(" · ".join(facts), className="small"),
            html.Div(
                html.Span(", ".join(p for p in (event.venue, event.address) if p), dir="auto"),
                className="small event-address",
            )
            if event.venue or event.address
            else None,
            html.Div(event.join_url, className="small text-break"),
            html.Div(
                f"{event.organizer_name} <{event.organizer_email}>",
                className="small text-body-secondary",
            ),
        ],
        event.status_reason,
        controls,
    )


@review_queue.refusing(signed_in)
def render_queue(status, _refresh, lang):
    lang = i18n.normalize(lang)
    with current_db().session(readonly=True) as session:
        rows = queued(session, status or None)
    with force_locale(lang):
        if not rows:
            return review_queue.empty(_("No announcements here."))
        return [_row(r, lang) for r in rows]


@review_queue.refusing(signed_in)
def act(_publish, _reject, reasons, reason_ids, refresh, lang):
    trigger = review_queue.clicked(ctx.triggered_id, ctx.triggered)
    event_id = trigger["id"]
    with force_locale(i18n.normalize(lang)):
        try:
            if trigger["type"] == ids.REVIEW_PUBLISH:
                publish_event(current_db(), event_id, account())
                text = _("Event %(id)d published.", id=event_id)
            else:
                reason = review_queue.reason_for(event_id, reasons, reason_ids)
                reject_event(current_db(), event_id, reason, account())
                text = _("Event %(id)d rejected.", id=event_id)
        except EventReviewError:
            return review_queue.refused(_("Give a reason for rejecting."), refresh)
        return review_queue.next_step(text, "success", REVIEW.alert, refresh)


def register(app: dash.Dash) -> None:
    register_support_page(
        MODULE,
        PATH,
        layout,
        title,
        order=2,
        nav_label=lambda: _("Review events"),
        nav_order=11,
    )
    review_queue.register(app, REVIEW, render_queue, act)
