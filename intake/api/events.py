"""``POST /api/v1/events``: announce an event as the announce form does, with the same model
(intake/events_schema.EventIn), validation messages (intake/events_form) and service
(intake/events_service): one write path.

Like ``POST /api/v1/reports``: messages follow ``Accept-Language``, the submission rate limit
is the one reports and the forms share, and every answer is JSON (201 stored, 200 already
stored under this ``client_id`` — with the same edit link —, 413, 422, 429, 503).
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request
from flask_babel import get_locale
from flask_babel import gettext as _

from components import http_errors as api_errors
from data import i18n
from data.db import current_db
from intake.events.formdata import validate_payload
from intake.events.service import announce, edit_url
from intake.report.service import publishes_on_arrival, submission_limit

blueprint = Blueprint("events_api", __name__, url_prefix="/api/v1")

api_errors.register(
    blueprint,
    "event",
    lambda: _("Too many announcements from your address; wait a minute and try again."),
)


@blueprint.post("/events")
@submission_limit()
def post_event():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return jsonify(errors={"event": _("Send the event as a JSON object.")}), 422
    event, errors = validate_payload(payload)
    if errors:
        return jsonify(errors=errors), 422
    db = current_db()
    lang = i18n.normalize(str(get_locale()))
    result = announce(db, event, lang=lang, auto_publish=publishes_on_arrival(db))
    link = edit_url(lang, result.edit_token) if result.edit_token else None
    response = jsonify(id=result.id, status=result.status, edit_url=link)
    response.status_code = 201 if result.created else 200
    return response
