"""Property-based requests from the OpenAPI spec (schemathesis), bounded, against the real app:
no request the spec allows may make the server fail with a 5xx."""

from __future__ import annotations

import pytest

from tests.web.conftest import need_web

need_web()
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from wiretrace.web.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(store_info):
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(store_info["path"]))


# schemathesis 4.32 drives pytest internals that pytest 9.1 removed: pyproject pins pytest < 9.1.
schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
# derandomize: CI runs the same bounded set of requests every time.
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_request_from_the_spec_makes_the_server_fail(case):
    case.call_and_validate(checks=[not_a_server_error])
