"""The error answers every JSON blueprint of the API shares: 413, 429 and 503, each as
``{"errors": {field: message}}`` in the request's language, so that a client handles them the
same way whichever resource it sent."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, current_app, jsonify
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import RequestEntityTooLarge

from data.db import UNAVAILABLE

RETRY_AFTER = 30  # seconds: how soon a client may try again when the database is unavailable


def register(blueprint: Blueprint, field: str, too_many: Callable[[], str]) -> None:
    """Answer oversized bodies, rate limits and an unreachable database on ``blueprint``;
    ``field`` names what was sent, ``too_many`` gives the translated rate-limit message."""

    @blueprint.errorhandler(RequestEntityTooLarge)
    def _too_large(_exc):
        limit = current_app.config["MAX_CONTENT_LENGTH"] // 1024
        message = _("The request is too large (at most %(kb)d KB).", kb=limit)
        return jsonify(errors={field: message}), 413

    @blueprint.errorhandler(RateLimitExceeded)
    def _too_many(exc: RateLimitExceeded):
        response = jsonify(errors={field: too_many()})
        response.status_code = 429
        if exc.retry_after:
            response.headers.setdefault("Retry-After", str(int(exc.retry_after)))
        return response

    answer_unavailable(blueprint)


def answer_unavailable(blueprint: Blueprint) -> None:
    """An unreachable database is a 503 with Retry-After on ``blueprint`` (not a 500): for the
    blueprints that take no submissions (support, publishing, calendar feeds) as well."""
    for kind in UNAVAILABLE:
        blueprint.register_error_handler(kind, _unavailable)


def _unavailable(_exc):
    current_app.logger.exception("database unavailable")
    response = jsonify(
        errors={"database": _("The database is unavailable; try again in a few minutes.")}
    )
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_AFTER)
    return response
