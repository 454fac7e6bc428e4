"""What the API's submit routes share: the request's JSON object validated (or the 422 answer
with one message per field), and the answer to what was stored (201, or 200 for a retry)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Response, jsonify, request


def validated_json(
    validate: Callable[[dict], tuple[Any, dict[str, str]]], field: str, not_an_object: str
) -> tuple[Any, tuple[Response, int] | None]:
    """``(found, None)`` for a valid JSON object, else ``(None, its 422 answer)``:
    ``not_an_object`` (under ``field``) when the body is not a JSON object, else the messages
    of ``validate(payload) -> (found, errors)``."""
    payload = request.get_json(silent=True)
    if not isinstance(payload, dict):
        return None, (jsonify(errors={field: not_an_object}), 422)
    found, errors = validate(payload)
    if errors:
        return None, (jsonify(errors=errors), 422)
    return found, None


def stored_answer(body: dict[str, Any], created: bool) -> Response:
    """``body`` as JSON: 201 for what was just stored, 200 for a retry of what already was."""
    response = jsonify(body)
    response.status_code = 201 if created else 200
    return response
