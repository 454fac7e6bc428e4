"""The contributions' JSON API: ``POST /api/v1/contributions`` (one person's picks) and
``GET /api/v1/contributions/summary`` (counts of the published ones, never mixed into the events'
``/api/v1/summary``). Messages follow ``Accept-Language``, as for reports."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask_babel import get_locale
from flask_babel import gettext as _

from components import http_errors as api_errors
from components.json_input import stored_answer, validated_json
from data import i18n
from data.contributions import model as contributions
from data.contributions.submit import submit
from data.db import current_db
from data.limits import contribution_limit
from intake.contribute.model import validate

blueprint = Blueprint("contributions_api", __name__, url_prefix="/api/v1/contributions")


api_errors.register(
    blueprint,
    "contribution",
    lambda: _("Too many contributions from your address; wait a minute and try again."),
)


@blueprint.post("")
@contribution_limit()
def post_contribution():
    found, refused = validated_json(
        validate, "contribution", _("Send the contribution as a JSON object.")
    )
    if refused:
        return refused
    lang = i18n.normalize(str(get_locale()))
    result = submit(current_db(), found.model_dump(), lang=lang)
    return stored_answer({"id": result.id, "status": result.status}, result.created)


@blueprint.get("/summary")
def get_summary():
    version, counts = contributions.cached_counts(current_db())
    return jsonify(
        version=version,
        contributions=counts.contributions,
        communities=counts.communities,
        initiatives=[
            {"code": c, "picks": n, "with_reason": counts.initiative_reasons.get(c, 0)}
            for c, n in counts.initiatives.items()
        ],
        recommendations=[{"code": c, "picks": n} for c, n in counts.recommendations.items()],
    )
