"""The support team's review of individual contributions, when auto-publish is off (login
required): ``GET /api/v1/contributions/pending`` lists them, ``POST
/api/v1/contributions/review`` with ``{"ids": [...], "decision": "publish"|"reject"}`` (and
an optional ``"reason"``) decides. Each decision is written to the audit log in the same
transaction (data/contributions/review.py, shared with the review screen)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from components import http_errors as api_errors
from dashboard.auth.guards import account, api_login_required
from data.contributions import model as contributions
from data.contributions.review import DECISIONS, decide_logged
from data.db import current_db
from data.support.accounts import Role

blueprint = Blueprint("contrib_review", __name__, url_prefix="/api/v1/contributions")
api_errors.answer_unavailable(blueprint)


@blueprint.get("/pending")
@api_login_required(Role.REVIEWER)
def get_pending():
    with current_db().session(readonly=True) as session:
        return jsonify(contributions=contributions.waiting(session))


@blueprint.post("/review")
@api_login_required(Role.REVIEWER)
def post_review():
    body = request.get_json(silent=True) or {}
    ids = body.get("ids")
    decision = body.get("decision")
    if decision not in DECISIONS:
        return jsonify(errors={"decision": "one of publish, reject"}), 422
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids) or len(ids) > 500:
        return jsonify(errors={"ids": "a list of at most 500 contribution ids"}), 422
    reason = body.get("reason") or ""
    if not isinstance(reason, str) or len(reason) > 2000:
        return jsonify(errors={"reason": "text of at most 2000 characters"}), 422
    with current_db().session() as session:
        moved = decide_logged(session, ids, decision, account(), reason)
    return jsonify(decided=moved)
