"""``POST /api/v1/events``: announce an event as the announce form does, with the same model
(intake/events/schema.EventIn), validation messages (intake/events/formdata) and write
(data/events/announce): one write path.

Like ``POST /api/v1/reports``: messages follow ``Accept-Language``, the submission rate limit
is the one reports and the forms share, and every answer is JSON (201 stored, 200 already
stored under this ``client_id`` — with the same edit link —, 413, 422, 429, 503).
"""

from __future__ import annotations

from flask import Blueprint
from flask_babel import get_locale
from flask_babel import gettext as _

from components import http_errors as api_errors
from components.json_input import stored_answer, validated_json
from data import i18n
from data.db import current_db
from data.events.announce import announce
from data.limits import submission_limit
from intake.events.formdata import validate_payload
from intake.events.service import edit_url

blueprint = Blueprint("events_api", __name__, url_prefix="/api/v1")

api_errors.register(
    blueprint,
    "event",
    lambda: _("Too many announcements from your address; wait a minute and try again."),
)


@blueprint.post("/events")
@submission_limit()
def post_event():
    event, refused = validated_json(
        validate_payload, "event", _("Send the event as a JSON object.")
    )
    if refused:
        return refused
    db = current_db()
    lang = i18n.normalize(str(get_locale()))
    result = announce(db, event.stored(), lang=lang)
    link = edit_url(lang, result.edit_token) if result.edit_token else None
    return stored_answer(
        {"id": result.id, "status": result.status, "edit_url": link}, result.created
    )
