"""Sign-up and login through the REST API (reference contract)."""

from __future__ import annotations

import uuid


def _new(client, **overrides):
    name = f"u{uuid.uuid4().hex[:10]}"
    body = {"username": name, "email": f"{name}@Example.com", "password": "admin123!"} | overrides
    return client.post("/user/create", json=body), body


def test_create_user_never_returns_the_password(client):
    """POST /user/create answers 201 with the user and no password or hash anywhere."""
    answer, body = _new(client)
    assert answer.status_code == 201
    user = answer.json()["user"]
    assert answer.json()["success"] is True
    assert user["username"] == body["username"]
    assert user["email"] == body["email"].lower()
    assert "admin123!" not in answer.text and "argon2" not in answer.text
    assert "password" not in user and "password_hash" not in user


def test_duplicate_username_or_email_is_409(client):
    """A taken username or email is a conflict, and the first account still logs in."""
    first, body = _new(client)
    assert first.status_code == 201
    again = client.post("/user/create", json=body | {"email": "other@example.com"})
    assert again.status_code == 409
    assert again.json()["success"] is False
    login = client.post("/login", json={"email": body["email"], "password": body["password"]})
    assert login.status_code == 200


def test_login_by_email_or_username_returns_jwt(client):
    """POST /login accepts email (any case) or username and answers {"success": true, "jwt": ...}."""
    _, body = _new(client)
    by_email = client.post("/login", json={"email": body["email"].upper(), "password": body["password"]})
    by_name = client.post("/login", json={"username": body["username"], "password": body["password"]})
    for answer in (by_email, by_name):
        assert answer.status_code == 200
        assert answer.json()["success"] is True
        assert answer.json()["jwt"].count(".") == 2


def test_wrong_password_and_unknown_user_are_401(client):
    """Wrong credentials get one generic 401, whether or not the user exists."""
    _, body = _new(client)
    wrong = client.post("/login", json={"email": body["email"], "password": "not-it-at-all"})
    unknown = client.post("/login", json={"email": "nobody@example.com", "password": "whatever1"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["error"] == unknown.json()["error"] == "invalid credentials"


def test_password_rules_give_422(client):
    """Short, NUL-containing and over-long passwords are refused with a rule, not a 500."""
    for password in ("short", "abc\x00defghij", "é" * 200):
        answer, _ = _new(client, password=password)
        assert answer.status_code == 422, password
        assert "password" in answer.json()["error"]


def test_usernames_are_case_insensitive(client):
    """"Alice" and "alice" are one account: the second sign-up is 409, login works in any case."""
    answer, body = _new(client, username=f"Case{uuid.uuid4().hex[:6]}")
    assert answer.status_code == 201 and answer.json()["user"]["username"] == body["username"].lower()
    again, _ = _new(client, username=body["username"].lower())
    assert again.status_code == 409
    login = client.post("/login", json={"username": body["username"].upper(), "password": body["password"]})
    assert login.status_code == 200


def test_password_length_counts_after_unicode_normalisation(client):
    """Eight code points that normalise to four characters are too short (the rule applies to what is hashed)."""
    answer, _ = _new(client, password="e\u0301" * 4)
    assert answer.status_code == 422
