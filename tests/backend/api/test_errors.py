"""Bad input gets a JSON error with the right status, never a 500 or a stack trace."""

from __future__ import annotations

import time
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


def _raw_json(client, path: str, raw: str, headers: dict | None = None):
    return client.post(path, content=raw.encode(), headers={"content-type": "application/json"} | (headers or {}))


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("/login", '{"email": "\\ud800", "password": "whatever1"}'),
        ("/login", '{"username": "a\\u0000b", "password": "whatever1"}'),
        ("/user/create", '{"username": "nul", "email": "n\\u0000@b.co", "password": "whatever12"}'),
    ],
    ids=["lone surrogate", "NUL in login", "NUL in email"],
)
def test_strings_that_are_not_clean_text_are_422(client, path, raw):
    """Lone surrogates and NUL characters in any field answer 422 (they used to reach the database)."""
    _assert_json_error(_raw_json(client, path, raw), 422)


@pytest.mark.parametrize("name", ["a\u0000b", "\u200b", "\u200b\u200e", "tab\there"])
def test_job_names_without_visible_text_or_with_controls_are_422(client, user, name):
    """A job name must show something and hold no control characters."""
    _assert_json_error(client.post("/job/create", json={"name": name}, headers=user["headers"]), 422)


def test_huge_offset_is_422_not_500(client, user):
    """An offset past what the database can hold answers 422."""
    _assert_json_error(client.get("/job?offset=9223372036854775808", headers=user["headers"]), 422)


def test_bodies_over_one_megabyte_are_413(client):
    """A body over 1 MiB is refused before parsing, declared or chunked, even without a token."""
    big = b'{"email": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    _assert_json_error(client.post("/login", content=big, headers={"content-type": "application/json"}), 413)
    chunks = (b"x" * 100_000 for _ in range(30))
    _assert_json_error(client.post("/login", content=chunks, headers={"content-type": "application/json"}), 413)


@pytest.mark.parametrize(
    "claims",
    [{"exp": 10**20}, {"exp": 1e300}, {"iat": -(10**20)}, {"sub": "\ud800"}, {"sub": 12}, {"sub": "../../x"}],
    ids=["exp 1e20", "exp 1e300", "iat -1e20", "sub surrogate", "sub int", "sub path"],
)
def test_tokens_with_absurd_claims_are_401(client, claims):
    """Validly signed tokens with out-of-range or odd claims answer 401, never 500."""
    import jwt

    now = int(time.time())
    body = {"sub": "0" * 32, "iat": now, "exp": now + 60} | claims
    token = jwt.encode(body, get_settings().jwt_secret(), algorithm="HS256")
    _assert_json_error(client.get("/job", headers={"Authorization": f"Bearer {token}"}), 401)


def test_unexpected_errors_are_json_500_with_the_trace_id():
    """A bug in a handler answers a JSON 500 carrying the X-Trace-Id, without a stack trace."""
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from queuecraft.backend.api.middleware import TraceIdMiddleware

    app = FastAPI()

    @app.get("/boom")
    def boom():  # a deliberately broken handler: the real routes have no known 500
        raise RuntimeError("secret internals")

    app.add_middleware(TraceIdMiddleware)
    answer = TestClient(app, raise_server_exceptions=False).get("/boom", headers={"X-Trace-Id": "t-500"})
    body = _assert_json_error(answer, 500)
    assert body["traceId"] == "t-500" and "secret internals" not in answer.text


def test_paths_answered_by_a_mounted_app_get_json_404_and_405():
    """With an app mounted under our routes (as Reflex is), misses are JSON 404 and wrong methods 405."""
    from fastapi.testclient import TestClient
    from starlette.applications import Starlette

    from queuecraft.backend.api import create_api

    api = create_api()
    api.mount("", Starlette())  # answers every path our routes miss, in plain text, like Reflex
    mounted = TestClient(api, raise_server_exceptions=False)
    _assert_json_error(mounted.get("/no/such/route"), 404)
    assert _assert_json_error(mounted.delete("/job/create"), 405)["error"] == "method not allowed"
    assert _assert_json_error(mounted.post("/sync"), 405)
