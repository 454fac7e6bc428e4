"""The support team's review of individual contributions (``/<lang>/review/contributions``):
the page's layout and its registration. A link on the review queue leads here; the callbacks
are in dashboard/contributions/review_callbacks.py."""

from __future__ import annotations

import dash
from dash import html
from flask_babel import gettext as _

from components import review_queue
from dashboard.auth.pages import register_support_page, support_layout, support_title
from dashboard.contributions import review_callbacks as callbacks
from dashboard.contributions import review_ids as ids
from data import i18n
from data.models import Status

MODULE = "dashboard.contributions.review_page"
PATH = "review/contributions"


def content(lang: str | None, **_kwargs) -> html.Div:
    lang = lang or i18n.DEFAULT
    return review_queue.queue_content(
        ids.REVIEW,
        _("Individual contributions"),
        lead=_(
            "Contributions from people who could not join an event. Publish them, "
            "or reject them with a reason; they are never counted as events."
        ),
        links=html.A(_("Review queue"), href=f"/{lang}/review", id=ids.BACK),
        filters=[
            review_queue.status_filter(ids.REVIEW, review_queue.DECIDED, Status.PENDING.value)
        ],
    )


layout = support_layout(MODULE, PATH, content)
title = support_title(lambda: _("Individual contributions"))


def register(app: dash.Dash) -> None:
    register_support_page(MODULE, PATH, layout, title, order=10)
    review_queue.register(app, ids.REVIEW, callbacks.render_queue, callbacks.act)
