"""Password hashing (passlib, argon2) and JWT issue/verify (pyjwt)."""

from __future__ import annotations

import unicodedata
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from queuecraft.backend.errors import AuthenticationFailed

JWT_ALGORITHM = "HS256"

with warnings.catch_warnings():
    # passlib 1.7.4 imports the stdlib `crypt` module and reads argon2.__version__, both
    # deprecated; load its argon2 backend here, once, so no warning surfaces later.
    warnings.simplefilter("ignore", DeprecationWarning)
    from passlib.context import CryptContext

    # argon2 has no 72-byte input limit (bcrypt has, and passlib 1.7 breaks on bcrypt >= 4.1).
    _passwords = CryptContext(schemes=["argon2"], deprecated="auto")
    _passwords.handler("argon2").get_backend()


def normalize_password(password: str) -> str:
    """NFC form, so the same password typed on different keyboards hashes alike."""
    return unicodedata.normalize("NFC", password)


def hash_password(password: str) -> str:
    return _passwords.hash(normalize_password(password))


def verify_password(password: str, password_hash: str) -> bool:
    try:
        return _passwords.verify(normalize_password(password), password_hash)
    except (ValueError, TypeError):
        return False


@dataclass(frozen=True)
class TokenClaims:
    user_id: str
    username: str
    issued_at: datetime
    expires_at: datetime


def issue_token(*, user_id: str, username: str, secret: str, ttl: timedelta, now: datetime | None = None) -> str:
    now = now or datetime.now(UTC)
    claims = {"sub": user_id, "username": username, "iat": now, "nbf": now, "exp": now + ttl}
    return jwt.encode(claims, secret, algorithm=JWT_ALGORITHM)


def verify_token(token: str, *, secret: str, leeway_seconds: int) -> TokenClaims:
    """Decode and check a token; raise AuthenticationFailed with a reason safe to show."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[JWT_ALGORITHM],
            leeway=leeway_seconds,
            options={"require": ["sub", "exp", "iat"]},
        )
    except jwt.ExpiredSignatureError:
        raise AuthenticationFailed("token expired") from None
    except jwt.ImmatureSignatureError:
        raise AuthenticationFailed("token not valid yet") from None
    except (jwt.PyJWTError, ValueError, TypeError, OverflowError):
        # Absurd claim values (exp=1e300, iat=-10**20) surface as plain ValueError/OverflowError.
        raise AuthenticationFailed("invalid token") from None
    try:
        issued_at = datetime.fromtimestamp(claims["iat"], UTC)
        expires_at = datetime.fromtimestamp(claims["exp"], UTC)
    except (ValueError, TypeError, OverflowError, OSError):
        raise AuthenticationFailed("invalid token") from None
    if issued_at > datetime.now(UTC) + timedelta(seconds=leeway_seconds):
        raise AuthenticationFailed("token issued in the future")
    subject = claims["sub"]
    if not (isinstance(subject, str) and subject.isascii() and subject.isalnum() and len(subject) <= 64):
        raise AuthenticationFailed("invalid token")
    return TokenClaims(
        user_id=subject,
        username=str(claims.get("username", "")),
        issued_at=issued_at,
        expires_at=expires_at,
    )
