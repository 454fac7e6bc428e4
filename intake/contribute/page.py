"""The contribution page (``/<lang>/contribute``): one person picks up to 5 initiatives and 3
recommendations, each with a reason, and may name a community. No personal data is asked."""

from __future__ import annotations

import dash
from flask_babel import gettext as _

from components.form import form_page, in_page_language, page_title
from intake.contribute import callbacks as contribute_callbacks
from intake.contribute.layout import form

MODULE = "intake.contribute"


@in_page_language
def layout(lang: str, **_kwargs):
    return form_page(
        lang,
        MODULE,
        "contribute",
        _("Contribute your own priorities"),
        _(
            "Could not join an event? Tell us which initiatives and recommendations "
            "matter most to you. Individual contributions are shown beside the events' "
            "results, never counted as events. We ask nothing about you."
        ),
        form(),
    )


def register(app: dash.Dash) -> None:
    dash.register_page(
        MODULE,
        path_template="/<lang>/contribute",
        layout=layout,
        title=page_title(lambda: _("Contribute")),
        order=2,  # before the dashboard's "/<lang>", which would also match this path
        nav_label=lambda: _("Contribute"),
        nav_order=3,
    )
    contribute_callbacks.register(app)
