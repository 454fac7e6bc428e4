"""The support team's API: planning metrics, the draft plan and the full export (login required).

Every route of this blueprint answers 401 without a session. The full export streams: the
database folds each report's child rows into columns (``data.export.rows``) and each batch of
rows is written out (``dashboard.export.writers``) before the next is read, so memory stays
flat and 100,000 reports export in seconds. Spreadsheet cells starting with ``= + - @`` (or a
tab or carriage return) get a leading apostrophe so that no spreadsheet evaluates them as
formulas.
"""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, jsonify, request
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from components import http_errors as api_errors
from components.links import public_url
from dashboard.auth.guards import api_login_required, signed_in
from dashboard.export import writers as export_writers
from dashboard.export.dictionary import dictionary
from data import i18n
from data.db import current_db
from data.export import rows as export_rows
from data.export.prefetch import prefetched
from data.filters import parse_filters
from data.overlap import analysis as overlap
from data.support import plan_export
from data.support.accounts import Role, create_user

blueprint = Blueprint("support", __name__, url_prefix="/api/v1")
api_errors.answer_unavailable(blueprint)


@blueprint.before_request
def _require_session():
    if not signed_in():
        return jsonify(error="authentication required"), 401
    return None


# Routes -----------------------------------------------------------------------------------

MEDIA = {
    "csv": ("application/zip", "zip"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
}


@blueprint.get("/export")
def export():
    kind = request.args.get("format", "csv")
    if kind not in MEDIA:
        return jsonify(errors={"format": "one of csv, xlsx, json"}), 422
    lang = i18n.normalize(request.args.get("lang"))
    with force_locale(lang):
        about = dictionary()
    write, text = export_writers.WRITERS[kind]
    batches = prefetched(export_rows.report_batches(current_db().engine, text))
    body = write(batches, export_rows.layout(), about)
    media, ext = MEDIA[kind]
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
    return Response(
        body,
        mimetype=media,
        headers={
            "Content-Disposition": f'attachment; filename="reports-{stamp}.{ext}"',
            "Cache-Control": "no-store",
        },
    )


@blueprint.get("/plan")
def plan():
    filters, problems = parse_filters(request.args)
    if problems:
        return jsonify(errors=problems), 422
    with current_db().session(readonly=True) as session:
        return jsonify(plan_export.metrics_json(session, filters))


@blueprint.get("/plan/draft")
def plan_draft():
    kind = request.args.get("format", "csv")
    lang = i18n.normalize(request.args.get("lang"))
    if kind not in plan_export.FORMATS:
        return jsonify(errors={"format": "one of csv, xlsx, md"}), 422
    with current_db().session(readonly=True) as session:
        lines = overlap.plan_lines(session)
    with force_locale(lang):
        body, media = plan_export.render(kind, lines, lang, public_url(""))
    return Response(
        body,
        mimetype=media,
        headers={
            "Content-Disposition": f'attachment; filename="plan.{kind}"',
            "Cache-Control": "no-store",
        },
    )


@blueprint.post("/users")
@api_login_required(Role.ADMIN)
def post_user():
    """Create an account (admins only)."""
    body = request.get_json(silent=True) or {}
    missing = [k for k in ("email", "name", "password") if not str(body.get(k) or "").strip()]
    if missing or body.get("role", Role.REVIEWER) not in set(Role):
        return jsonify(errors={k: "required" for k in missing} or {"role": "unknown"}), 422
    try:
        with current_db().session() as session:
            made = create_user(
                session,
                body["email"],
                body["name"],
                body.get("role", Role.REVIEWER),
                body["password"],
            )
    except IntegrityError:
        return jsonify(errors={"email": "already exists"}), 409
    return jsonify(id=made.id, email=made.email, role=made.role), 201
