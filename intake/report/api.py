"""The JSON API (``/api/v1``): the same validation and service as the form.

Validation messages follow ``Accept-Language`` (Flask-Babel's locale selector); the labels of
``/reference`` follow ``?lang=`` (``/summary`` carries codes and numbers only). Every answer is
JSON, errors included (413 too large, 422 invalid, 429 too many submissions, 503 database
unavailable), except the CSV and XLSX downloads. ``/openapi.json`` describes it all
(intake/api/openapi.py).
"""

from __future__ import annotations

import itertools
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, request, stream_with_context
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _

from components import http_errors as api_errors
from components.json_input import stored_answer, validated_json
from components.links import MAX_ID, edit_url, public_url
from data import i18n
from data.aggregates.queries import data_version
from data.cache import cached_summary
from data.db import current_db
from data.filters import parse_filters
from data.limits import submission_limit
from data.privacy import public_groups
from data.reference import reference
from data.reports.submit import Refused, store_report
from intake.api.openapi import document
from intake.report import public
from intake.report import spreadsheets as bulk
from intake.report.validation import validate

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


api_errors.register(
    blueprint,
    "report",
    lambda: _("Too many reports from your address; wait a minute and try again."),
)
api_errors.answer_json_everywhere(blueprint)  # any path under /api/v1, whichever blueprint


@blueprint.post("/reports")
@submission_limit()
def post_report():
    report, refused = validated_json(validate, "report", _("Send the report as a JSON object."))
    if refused:
        return refused
    lang = i18n.normalize(str(get_locale()))
    try:
        result = store_report(current_db(), report, lang=lang)
    except Refused as refused:
        return jsonify(errors=refused.errors), 422
    # A retry (known client_id) gets no link: the first one stays the report's only link.
    link = edit_url(lang, result.edit_token) if result.edit_token else None
    body = {"id": result.id, "status": result.status, "edit_url": link}
    if result.possible_duplicate_of is not None:
        earlier = result.possible_duplicate_of
        body["possible_duplicate_of"] = {"id": earlier.id, "event_name": earlier.event_name}
    response = stored_answer(body, result.created)
    response.headers["Location"] = f"/api/v1/reports/{result.id}"
    return response


def _positive(name: str, default: int, maximum: int) -> tuple[int, str | None]:
    raw = request.args.get(name, "").strip()
    if not raw:
        return default, None
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
        return default, f"a whole number 1..{maximum}"
    return int(raw), None


@blueprint.get("/reports")
def get_reports():
    """Published reports, public fields only: a page as JSON, or all of them as CSV.

    ``format`` is both the output (``csv``, ``json``) and, as in /summary, the event-format
    filter; both may be given (``format=csv&format=virtual``).
    """
    args = request.args.to_dict()
    formats = request.args.getlist("format")
    wanted = "csv" if "csv" in formats else "json"
    events = [f for f in formats if f not in ("csv", "json")]
    args.pop("format", None)
    if events:
        args["format"] = events[0]
    filters, problems = parse_filters(args)
    page, bad_page = _positive("page", 1, public.MAX_PAGE)
    per_page, bad_size = _positive("per_page", 100, public.MAX_PER_PAGE)
    problems |= {k: v for k, v in (("page", bad_page), ("per_page", bad_size)) if v}
    if problems:
        return jsonify(errors=problems), 422
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    if wanted == "csv":
        return _csv(filters, threshold)
    with current_db().session(readonly=True) as session:
        total, reports = public.page_of_reports(session, filters, page, per_page, threshold)
    following = None
    if page * per_page < total:
        following = f"{public_url(request.path)}?" + urlencode(
            [(k, v) for k, v in request.args.items(multi=True) if k not in ("page", "per_page")]
            + [("page", page + 1), ("per_page", per_page)]
        )
    body = public.ReportsPage(
        page=page, per_page=per_page, total=total, next=following, reports=reports
    )
    response = current_app.response_class(body.model_dump_json(), mimetype="application/json")
    if following:
        response.headers["Link"] = f'<{following}>; rel="next"'
    return response


def _csv(filters, threshold: int) -> Response:
    ref = reference()
    batches = public.batches(current_db(), filters, threshold)
    # The first batch is read before answering, so that an unavailable database is a 503.
    first = next(batches, [])

    def lines():
        yield bulk.csv_text([bulk.public_columns(ref)])
        for batch in itertools.chain([first], batches):
            yield bulk.csv_text(public.flat_row(r, ref) for r in batch)

    return Response(
        stream_with_context(lines()),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="reports.csv"'},
    )


@blueprint.get("/reports/<int:report_id>")
def get_report(report_id: int):
    found = None
    if report_id <= MAX_ID:
        with current_db().session(readonly=True) as session:
            found = public.one_report(session, report_id, current_app.config["PRIVACY_THRESHOLD"])
    if found is None:
        return jsonify(errors={"report": _("No published report has this number.")}), 404
    return current_app.response_class(found.model_dump_json(), mimetype="application/json")


@blueprint.get("/reports/template.csv")
def get_template_csv():
    return Response(
        bulk.csv_text([bulk.template_columns(reference())]),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="reports-template.csv"'},
    )


@blueprint.get("/reports/template.xlsx")
def get_template_xlsx():
    ref = reference()
    with force_locale(i18n.normalize(request.args.get("lang"))):
        data = bulk.xlsx_bytes(
            {"reports": [bulk.template_columns(ref)], "codes": bulk.codes_sheet(ref)}
        )
    return Response(
        data,
        mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        headers={"Content-Disposition": 'attachment; filename="reports-template.xlsx"'},
    )


@blueprint.get("/openapi.json")
def get_openapi():
    return jsonify(document())


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
                    "status": i.status,
                    "number_2022": i.number_2022,
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
    version, data = cached_summary(current_db(), filters)
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    return jsonify(
        version=version,
        events=data.events,
        participants=data.participants,
        # Events whose attendance was "at least …" or not given: ``participants`` is then a
        # lower bound.
        lower_bound_events=data.lower_bound_events,
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
        global_coordination=[
            {"code": c.code, "events": c.events, "regions": c.regions} for c in data.coordination
        ],
        by_region=[
            {"region": r.region, "events": r.events, "participants": r.participants}
            for r in data.by_region
        ],
    )


@blueprint.get("/version")
def get_version():
    """The data version: tiny, cacheable for a second, answered 304 when unchanged."""
    db = current_db()
    with db.session(readonly=True) as session:
        version, updated = data_version(session)
    response: Response = jsonify(
        version=version, updated_at=updated.isoformat() + "Z" if updated else None
    )
    response.set_etag(f"v{version}")
    response.cache_control.public = True
    response.cache_control.max_age = current_app.config["VERSION_MAX_AGE"]
    return response.make_conditional(request)
