"""The API against its own OpenAPI description (schemathesis): generated requests to every
operation, on SQLite and PostgreSQL; no answer is a server error and every answer matches the
documented status codes, content types, headers and schemas.

Each operation gets its own bounded Hypothesis run (schemathesis' pytest integration does not
run under pytest 9 yet, so the strategies are used directly).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from data.db import EXTENSION_KEY
from intake.api.openapi import document
from tests.conftest import make_app

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
OPERATIONS = [(path, method) for path, item in document()["paths"].items() for method in item]


@pytest.fixture
def api_schema(database_url):
    app = make_app(database_url, RATELIMIT_ENABLED=False)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app.server)
    app.server.extensions[EXTENSION_KEY].engine.dispose()


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_api_matches_its_openapi_description(api_schema, path, method):
    operation = api_schema[path][method.upper()]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25,
        deadline=None,
        database=None,  # nothing written under .hypothesis/
        derandomize=True,  # the same examples on every run: CI stays reproducible
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        # The WSGI client does not decompress: ask for plain bodies (flask-compress).
        case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

    run()
