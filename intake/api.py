"""The JSON API (``/api/v1``): the same validation and service as the form.

Validation messages follow ``Accept-Language`` (Flask-Babel's locale selector); labels in
``/reference`` and ``/summary`` follow ``?lang=``.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from data import i18n
from data.cache import cached_summary
from data.db import EXTENSION_KEY
from data.filters import parse_filters
from data.privacy import public_groups
from data.queries import data_version
from data.reference import reference
from intake.service import submit
from intake.validation import validate

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


def _db():
    return current_app.extensions[EXTENSION_KEY]


@blueprint.post("/reports")
def post_report():
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return jsonify(errors={"report": _("Send the report as a JSON object.")}), 422
    report, errors = validate(payload)
    if errors:
        return jsonify(errors=errors), 422
    lang = i18n.normalize(str(get_locale()))
    result = submit(_db(), report, lang=lang, auto_publish=current_app.config["AUTO_PUBLISH"])
    body = {"id": result.id, "status": result.status, "edit_url": None}
    response = jsonify(body)
    response.status_code = 201 if result.created else 200
    response.headers["Location"] = f"/api/v1/reports/{result.id}"
    return response


@blueprint.get("/reference")
def get_reference():
    lang = i18n.normalize(request.args.get("lang"))
    ref = reference()
    with force_locale(lang):
        body = {
            "lang": lang,
            "recommendations": [
                {"code": r.code, "number": r.number, "label": i18n.recommendation(r.code, False)}
                for r in ref.recommendations.values()
            ],
            "initiatives": [
                {
                    "code": i.code,
                    "number": i.number,
                    "recommendation": i.recommendation,
                    "label": i18n.initiative(i.code, False),
                    "verified": i.verified,
                }
                for i in ref.initiatives.values()
            ],
            "regions": [{"code": c, "label": i18n.region(c)} for c in ref.regions],
            "countries": [
                {
                    "code": c.code,
                    "alpha3": c.alpha3,
                    "region": c.region,
                    "label": i18n.country(c.code),
                }
                for c in ref.countries.values()
            ],
            "themes": [{"code": c, "label": i18n.theme(c)} for c in ref.themes],
            "formats": [{"code": c, "label": i18n.event_format(c)} for c in ref.formats],
            "groups": [{"code": c, "label": i18n.group(c)} for c in ref.groups],
            "languages": [
                {
                    "code": c,
                    "label": ref.languages[c].name,
                    "dir": "rtl" if i18n.is_rtl(c) else "ltr",
                }
                for c in i18n.available()
            ],
        }
    return jsonify(body)


@blueprint.get("/summary")
def get_summary():
    filters, problems = parse_filters(request.args)
    if problems:
        return jsonify(errors=problems), 422
    version, data = cached_summary(_db(), filters)
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    return jsonify(
        version=version,
        events=data.events,
        participants=data.participants,
        countries=data.countries,
        groups=public_groups(data.groups, threshold),
        priorities=[
            {
                "code": p.code,
                "mentions": p.mentions,
                "points": p.points,
                "first_choices": p.first_choices,
                "regions": p.regions,
                "weighted_score": p.weighted,
            }
            for p in data.priorities
        ],
        recommendations=[
            {"code": r.code, "mentions": r.mentions, "points": r.points}
            for r in data.recommendations
        ],
        by_region=[
            {"region": r.region, "events": r.events, "participants": r.participants}
            for r in data.by_region
        ],
    )


@blueprint.get("/version")
def get_version():
    """The data version: tiny, cacheable for a second, answered 304 when unchanged."""
    db = _db()
    with db.session(readonly=True) as session:
        version, updated = data_version(session)
    response: Response = jsonify(
        version=version, updated_at=updated.isoformat() + "Z" if updated else None
    )
    response.set_etag(f"v{version}")
    response.cache_control.public = True
    response.cache_control.max_age = current_app.config["VERSION_MAX_AGE"]
    return response.make_conditional(request)
