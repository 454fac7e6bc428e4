"""The support team's review of individual contributions, when auto-publish is off (login
required): ``GET /api/v1/contributions/pending`` lists them, ``POST
/api/v1/contributions/review`` with ``{"ids": [...], "decision": "publish"|"reject"}`` decides.
Each decision is written to the audit log in the same transaction."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, request

from dashboard.auth import account, api_login_required
from data import contributions
from data.db import EXTENSION_KEY
from data.models import Status
from data.support import Role, log

blueprint = Blueprint("contrib_review", __name__, url_prefix="/api/v1/contributions")
DECISIONS = {"publish": Status.PUBLISHED, "reject": Status.REJECTED}


def _db():
    return current_app.extensions[EXTENSION_KEY]


@blueprint.get("/pending")
@api_login_required(Role.REVIEWER)
def get_pending():
    with _db().session(readonly=True) as session:
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
    status = DECISIONS[decision]
    with _db().session() as session:
        moved = contributions.decide(session, ids, status)
        for contribution_id in moved:
            log(
                session,
                account(),
                f"contribution_{decision}",
                None,
                {"contribution": contribution_id, "status": Status.PENDING},
                {"contribution": contribution_id, "status": status},
            )
    return jsonify(decided=moved)
