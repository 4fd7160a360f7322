"""Field cases C08 (JWT clock skew) and C09 (password hashing edge cases) through the API."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from loguru import logger

from queuecraft.backend.config import get_settings
from queuecraft.backend.services.auth import issue_token


def _signup(client, password: str):
    name = f"p{uuid.uuid4().hex[:10]}"
    body = {"username": name, "email": f"{name}@example.com", "password": password}
    return client.post("/user/create", json=body), body


def _login(client, email: str, password: str):
    return client.post("/login", json={"email": email, "password": password})


C09_ACCEPTED = {
    "plain": "mypassword",
    "72 bytes": "a" * 72,
    "73 bytes": "a" * 73,
    "19 key emoji (76 bytes)": "🔑" * 19,
    "NFC": unicodedata.normalize("NFC", "pässwörd"),
    "NFD": unicodedata.normalize("NFD", "pässwörd"),
}


@pytest.mark.parametrize("label", list(C09_ACCEPTED))
def test_c09_accepted_passwords_log_in(client, label):
    """C09: each accepted password (long, emoji, NFC or NFD) is hashed without error and logs in."""
    password = C09_ACCEPTED[label]
    created, body = _signup(client, password)
    assert created.status_code == 201, created.text
    assert _login(client, body["email"], password).status_code == 200


def test_c09_nfc_and_nfd_spellings_are_the_same_password(client):
    """C09: a password typed as NFD opens the account created with its NFC form."""
    created, body = _signup(client, C09_ACCEPTED["NFC"])
    assert created.status_code == 201
    assert _login(client, body["email"], C09_ACCEPTED["NFD"]).status_code == 200


def test_c09_73_bytes_never_opens_the_72_byte_prefix(client):
    """C09: no 72-byte truncation: a 73-byte password and its 72-byte prefix are different passwords."""
    _, short = _signup(client, "a" * 72)
    _, long = _signup(client, "a" * 73)
    assert _login(client, short["email"], "a" * 73).status_code == 401
    assert _login(client, long["email"], "a" * 72).status_code == 401


@pytest.mark.parametrize("password", ["", "with\x00nul!", "x" * 257], ids=["empty", "NUL", "257 bytes"])
def test_c09_invalid_passwords_get_422_with_a_rule(client, password):
    """C09: empty, NUL-containing and over-long passwords get 422 saying the rule."""
    created, _ = _signup(client, password)
    assert created.status_code == 422
    assert "password" in created.json()["error"]
    assert any(word in created.json()["error"] for word in ("at least", "at most", "NUL"))


def _token(user_id: str, *, issued: datetime, ttl: timedelta = timedelta(minutes=10)) -> str:
    return issue_token(user_id=user_id, username="x", secret=get_settings().jwt_secret(), ttl=ttl, now=issued)


def test_c08_clock_skew_within_leeway_is_accepted(client, user):
    """C08: a token from a replica whose clock is 3 s ahead is accepted (5 s leeway)."""
    token = _token(user["id"], issued=datetime.now(UTC) + timedelta(seconds=3))
    assert client.get("/job", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_c08_future_and_expired_tokens_are_401_with_a_warning(client, user):
    """C08: iat 10 min ahead and expired tokens get 401 (no 500), each logged as a warning with the trace id."""
    lines: list = []
    sink = logger.add(lambda m: lines.append(m.record), level="WARNING")
    try:
        future = _token(user["id"], issued=datetime.now(UTC) + timedelta(minutes=10))
        expired = _token(user["id"], issued=datetime.now(UTC) - timedelta(hours=2), ttl=timedelta(hours=1))
        for n, token in enumerate((future, expired)):
            answer = client.get("/job", headers={"Authorization": f"Bearer {token}", "X-Trace-Id": f"c08-{n}"})
            assert answer.status_code == 401
            assert "Traceback" not in answer.text
    finally:
        logger.remove(sink)
    warned = [r for r in lines if r["level"].name == "WARNING" and r["extra"].get("event") == "auth_failed"]
    assert [r["extra"]["traceId"] for r in warned] == ["c08-0", "c08-1"]
    assert all(r["exception"] is None for r in warned)
