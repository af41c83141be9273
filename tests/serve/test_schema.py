"""Fuzz the API against its own OpenAPI spec (schemathesis): no 500s, whatever is sent.

Bounded in examples per operation so that it stays quick.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.serve.conftest import TOKEN, Server

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

MAX_EXAMPLES = 12


def test_no_server_errors(server: Server) -> None:
    loaded = schemathesis.openapi.from_url(f"{server.url}/openapi.json")
    operations = [result.ok() for result in loaded.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/articles", "/api/stories", "/api/stories/{story_id}"}
    calls: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  derandomize=True, database=None)
        def fuzz(case: Any) -> None:
            response = case.call_and_validate(checks=[not_a_server_error],
                                              headers={"authorization": f"Bearer {TOKEN}"})
            calls.append(f"{case.method} {case.path} {response.status_code}")
            assert response.status_code < 500, response.text

        fuzz()
    assert len(calls) >= len(operations)
