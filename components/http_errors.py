"""The error answers every JSON blueprint of the API shares: 413, 429 and 503, each as
``{"errors": {field: message}}`` in the request's language, so that a client handles them the
same way whichever resource it sent.

``answer_json_everywhere`` extends that to every path under ``/api/v1``, whichever blueprint
(or none) it reaches: an unknown path or method would otherwise fall through to Dash's
catch-all page (a 200 with HTML), and errors nobody answers would be Flask's HTML pages."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, current_app, jsonify, request
from flask.json.provider import DefaultJSONProvider
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.routing import RequestRedirect

from data.db import UNAVAILABLE

RETRY_AFTER = 30  # seconds: how soon a client may try again when the database is unavailable
PREFIX = "/api/v1"
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


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


def answer_json_everywhere(blueprint: Blueprint) -> None:
    """Every path under /api/v1 answers JSON errors; registered once, from the API's blueprint.
    The handlers of a resource's own blueprint (above) still come first."""
    blueprint.before_app_request(_unrouted)
    blueprint.app_errorhandler(HTTPException)(_http_error)
    for kind in UNAVAILABLE:
        blueprint.app_errorhandler(kind)(_unavailable_anywhere)
    blueprint.record_once(lambda state: setattr(state.app, "json", JSONProvider(state.app)))


def is_api(path: str) -> bool:
    return path == PREFIX or path.startswith(PREFIX + "/")


def _unrouted():
    """A request under /api/v1 that no API route takes (Dash's ``/<path:path>`` took it, or
    nothing did) is a 405 naming the methods the path has, or a 404."""
    if not is_api(request.path) or isinstance(request.routing_exception, RequestRedirect):
        return
    if request.url_rule is not None and is_api(request.url_rule.rule):
        return
    adapter = current_app.create_url_adapter(request)
    allowed = []
    for method in METHODS:
        try:
            rule, _args = adapter.match(method=method, return_rule=True)
        except HTTPException:
            continue
        if is_api(rule.rule):
            allowed.append(method)
    if allowed:
        raise MethodNotAllowed(valid_methods=allowed)
    raise NotFound()


def _http_error(exc: HTTPException):
    if not is_api(request.path) or exc.code is None or exc.response is not None:
        return exc
    field, message = _describe(exc)
    response = jsonify(errors={field: message})
    response.status_code = exc.code
    for name, value in exc.get_headers():  # Allow, Retry-After, WWW-Authenticate
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _describe(exc: HTTPException) -> tuple[str, str]:
    if exc.code == 400:
        return "request", _("The request could not be understood.")
    if exc.code == 404:
        return "path", _("There is nothing at this address.")
    if exc.code == 405:
        allowed = ", ".join(getattr(exc, "valid_methods", None) or ())
        return "method", _(
            "This address does not answer %(method)s; it answers %(allowed)s.",
            method=request.method,
            allowed=allowed,
        )
    if exc.code == 413:
        limit = (current_app.config.get("MAX_CONTENT_LENGTH") or 0) // 1024
        return "request", _("The request is too large (at most %(kb)d KB).", kb=limit)
    if exc.code == 429:
        return "request", _("Too many requests from your address; wait a minute and try again.")
    if exc.code == 500:
        # Flask has logged the exception (with its traceback) before asking for this answer.
        return "server", _("Something went wrong on our side; it has been logged.")
    return "request", exc.description or exc.name


def _unavailable_anywhere(exc):
    if not is_api(request.path):
        raise exc  # a page: as before (Flask logs it and answers its 500)
    return _unavailable(exc)


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, except that a body nested deeper than Python recurses (100,000 "[") is
    invalid JSON, as it is for every other parser limit: ``get_json(silent=True)`` gives None
    (the API's 422), ``get_json()`` a 400. Otherwise it is a RecursionError: a 500."""

    def loads(self, s, **kwargs):
        try:
            return super().loads(s, **kwargs)
        except RecursionError as exc:
            raise ValueError("JSON nested too deeply") from exc
