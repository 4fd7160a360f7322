"""Users: sign-up and sign-in rules."""

from __future__ import annotations

from datetime import timedelta

from queuecraft.backend.config import Settings
from queuecraft.backend.errors import AuthenticationFailed
from queuecraft.backend.services import auth
from queuecraft.backend.store import Store
from queuecraft.backend.store.models import User

# A hash of a random password, verified when the login is unknown so that a wrong email
# costs as much time as a wrong password (no user enumeration by timing).
_DUMMY_HASH = auth.hash_password("queuecraft-no-such-user")


def create_user(*, store: Store, username: str, email: str, password: str) -> User:
    return store.create_user(username=username, email=email, password_hash=auth.hash_password(password))


def login(*, store: Store, settings: Settings, login: str, password: str) -> tuple[User, str]:
    """Check credentials and return the user with a fresh JWT."""
    user = store.find_user(login=login)
    if user is None:
        auth.verify_password(password, _DUMMY_HASH)
        raise AuthenticationFailed("invalid credentials")
    if not auth.verify_password(password, user.password_hash):
        raise AuthenticationFailed("invalid credentials")
    token = auth.issue_token(
        user_id=user.id,
        username=user.username,
        secret=settings.jwt_secret(),
        ttl=timedelta(minutes=settings.jwt_expiry_minutes),
    )
    return user, token


def user_from_token(*, store: Store, settings: Settings, token: str) -> User:
    """The user a bearer token belongs to; AuthenticationFailed if the token or user is gone."""
    claims = auth.verify_token(token, secret=settings.jwt_secret(), leeway_seconds=settings.jwt_leeway_seconds)
    user = store.get_user(claims.user_id)
    if user is None:
        raise AuthenticationFailed("user no longer exists")
    return user
