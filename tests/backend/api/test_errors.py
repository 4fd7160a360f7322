"""Bad input gets a JSON error with the right status, never a 500 or a stack trace."""

from __future__ import annotations

from datetime import timedelta

import pytest

from queuecraft.backend.config import get_settings
from queuecraft.backend.services.auth import issue_token


def _assert_json_error(answer, status: int) -> dict:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert body["success"] is False
    assert body["error"]
    assert body["traceId"] == answer.headers["x-trace-id"]
    assert "Traceback" not in answer.text and 'File "' not in answer.text
    return body


def test_malformed_json_is_400(client, user):
    """A body that is not JSON answers 400."""
    answer = client.post("/job/create", content=b'{"name": ', headers=user["headers"] | {"content-type": "application/json"})
    _assert_json_error(answer, 400)


@pytest.mark.parametrize(
    "body",
    [{}, {"name": ""}, {"name": "   "}, {"name": 42}, {"name": ["x"]}, {"name": "x" * 201}, {"name": "ok", "extra": 1}],
)
def test_missing_or_wrongly_typed_fields_are_422(client, user, body):
    """Missing, empty, wrongly typed, too long or unknown fields answer 422 naming the field."""
    data = _assert_json_error(client.post("/job/create", json=body, headers=user["headers"]), 422)
    assert data["details"]


def test_non_object_json_is_422(client, user):
    """A JSON array or string where an object is expected answers 422."""
    _assert_json_error(client.post("/job/create", json=["name"], headers=user["headers"]), 422)


def test_bad_query_values_are_422(client, user):
    """An unknown status filter or a negative limit answers 422."""
    _assert_json_error(client.get("/job?status=bogus", headers=user["headers"]), 422)
    _assert_json_error(client.get("/job?limit=-1", headers=user["headers"]), 422)


def test_unknown_route_is_404_and_wrong_method_405(client):
    """Unknown paths answer 404 and known paths with the wrong method 405, both in JSON."""
    _assert_json_error(client.get("/no/such/route"), 404)
    _assert_json_error(client.delete("/job/create"), 405)


def test_unknown_job_is_404(client, user):
    """Looking up a job id that does not exist answers 404."""
    _assert_json_error(client.get("/job/0123456789abcdef", headers=user["headers"]), 404)


@pytest.mark.parametrize(
    "header",
    [None, "Bearer", "Bearer not-a-jwt", "Basic dXNlcjpwYXNz", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."],
)
def test_missing_or_invalid_token_is_401(client, header):
    """Protected routes answer 401 without a valid bearer token."""
    headers = {"Authorization": header} if header else {}
    body = _assert_json_error(client.get("/job", headers=headers), 401)
    assert body["error"]


def test_expired_token_and_token_of_another_secret_are_401(client, user):
    """An expired token, or one signed with another secret, answers 401."""
    settings = get_settings()
    expired = issue_token(user_id=user["id"], username="x", secret=settings.jwt_secret(), ttl=timedelta(seconds=-60))
    forged = issue_token(user_id=user["id"], username="x", secret="another-secret-" * 4, ttl=timedelta(minutes=5))
    for token in (expired, forged):
        _assert_json_error(client.get("/job", headers={"Authorization": f"Bearer {token}"}), 401)


def test_trace_id_is_taken_from_the_request(client):
    """A caller's X-Trace-Id comes back in the header and the error body."""
    answer = client.get("/job", headers={"X-Trace-Id": "7f3c9a1e-test"})
    assert answer.headers["x-trace-id"] == "7f3c9a1e-test"
    assert answer.json()["traceId"] == "7f3c9a1e-test"
