"""Publishing the Wikimedia way (public, no login):

- ``GET /api/v1/commons/priorities.tab.json`` — the public aggregates per initiative as a
  Commons tabular-data page (``Data:….tab``), titles and description in every shipped language;
- ``GET /api/v1/wikitext/priorities.wiki`` — the same numbers as a sortable wikitext table;
- ``GET /api/v1/reports/<id>/wikitext`` — one published report as a page of the 2020 template.

The aggregates honour the dashboard's filters (``data.filters.parse_filters``) and come from the
same cached summary as ``/api/v1/summary``, so the numbers agree. Words follow ``?lang=``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, jsonify, request
from flask_babel import force_locale
from flask_babel import gettext as _

from components import http_errors as api_errors
from components.links import MAX_ID, public_url
from data import i18n
from data.cache import cache, cached_summary
from data.db import current_db
from data.filters import parse_filters, to_query
from data.publish import commons_tab, wikitext
from data.reference import reference
from intake.report import public

blueprint = Blueprint("wikimedia_api", __name__, url_prefix="/api/v1")
api_errors.answer_unavailable(blueprint)
TAB_PATH = "/commons/priorities.tab.json"
TABLE_PATH = "/wikitext/priorities.wiki"


def _everywhere(text) -> dict[str, str]:
    """``text()`` in every shipped language: {language code: text}."""
    out = {}
    for lang in i18n.available():
        with force_locale(lang):
            out[lang] = text()
    return out


FIELDS = (
    ("code", "string", lambda: _("Code")),
    ("recommendation", "string", lambda: _("Recommendation")),
    ("title", "localized", lambda: _("Initiative")),
    ("events", "number", lambda: _("Events")),
    ("points", "number", lambda: _("Points")),
    ("first_choices", "number", lambda: _("First choices")),
    ("regions", "number", lambda: _("Regions")),
    ("weighted_score", "number", lambda: _("Participant-weighted points")),
    ("global_coordination", "number", lambda: _("Events naming it for global coordination")),
)


def _summary():
    filters, problems = parse_filters(request.args)
    if problems:
        return None, None, (jsonify(errors=problems), 422)
    version, data = cached_summary(current_db(), filters)
    return filters, (version, data), None


def _sources(filters, version: int) -> str:
    query = urlencode(to_query(filters))
    url = public_url("/api/v1/summary" + (f"?{query}" if query else ""))
    return _(
        "Movement Priorities: published reports of Wikimedia 2030 prioritization events, "
        "as aggregated at %(url)s (data version %(version)d).",
        url=url,
        version=version,
    )


def _tab_document(filters, version: int, data) -> dict:
    """The ``.tab`` page's JSON: every title and the description in each shipped language."""
    ref = reference()
    fields = [commons_tab.Field(n, t, _everywhere(title)) for n, t, title in FIELDS]
    items = wikitext.initiative_rows(data)
    titles = {p.code: _everywhere(lambda c=p.code: i18n.initiative(c, False)) for p, _n in items}
    rows = [
        [
            p.code,
            ref.initiatives[p.code].recommendation if p.code in ref.initiatives else None,
            {lang: commons_tab.cell_text(t) for lang, t in titles[p.code].items()},
            p.mentions,
            p.points,
            p.first_choices,
            p.regions,
            p.weighted,
            coordinated,
        ]
        for p, coordinated in items
    ]
    description = _everywhere(
        lambda: _(
            "Initiatives of the Wikimedia 2030 movement strategy prioritized by local events: "
            "events that named each one, points (every event hands out 15: by rank, shared by "
            "ties, equally when unranked), regions, and events that named it for global "
            "coordination."
        )
    )
    with force_locale(i18n.normalize(request.args.get("lang"))):
        return commons_tab.document(fields, rows, description, _sources(filters, version))


@blueprint.get(TAB_PATH)
def get_commons_tab():
    filters, found, error = _summary()
    if error:
        return error
    version, data = found
    # Thirteen languages of every title: built once per data version and view (~40 ms). The
    # Host header is no part of the key: the page links to PUBLIC_URL whatever it says.
    lang = i18n.normalize(request.args.get("lang"))
    key = f"commons-tab:{version}:{filters.key()}:{lang}"
    doc = cache.get(key)
    if doc is None:
        doc = _tab_document(filters, version, data)
        cache.set(key, doc)
    response = jsonify(doc)
    response.headers["Content-Disposition"] = _disposition("priorities.tab.json")
    return response


def _disposition(filename: str) -> str:
    """``?download=1`` (the dashboard's links) saves the file; otherwise it shows inline."""
    kind = "attachment" if request.args.get("download") == "1" else "inline"
    return f'{kind}; filename="{filename}"'


def _text(body: str, filename: str) -> Response:
    return Response(
        body,
        mimetype="text/plain",
        headers={"Content-Disposition": _disposition(filename)},
    )


@blueprint.get(TABLE_PATH)
def get_wikitext_table():
    filters, found, error = _summary()
    if error:
        return error
    version, data = found
    with force_locale(i18n.normalize(request.args.get("lang"))):
        caption = _("Initiatives prioritized by the events")
        body = wikitext.priorities_table(data, caption)
        body += "\n" + _sources(filters, version) + "\n"
    return _text(body, "priorities.wiki")


@blueprint.get("/reports/<int:report_id>/wikitext")
def get_report_wikitext(report_id: int):
    threshold = current_app.config["PRIVACY_THRESHOLD"]
    found = None
    if report_id <= MAX_ID:
        with current_db().session(readonly=True) as session:
            found = public.one_report(session, report_id, threshold)
    if found is None:
        return jsonify(errors={"report": _("No published report has this number.")}), 404
    with force_locale(i18n.normalize(request.args.get("lang"))):
        body = wikitext.report_page(found.model_dump(mode="json"), threshold)
    return _text(body, f"report-{report_id}.wiki")
