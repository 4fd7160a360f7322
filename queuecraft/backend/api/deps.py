"""FastAPI dependencies, declared once as Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from queuecraft.backend.errors import AuthenticationFailed
from queuecraft.backend.resources import Resources, get_resources
from queuecraft.backend.services import users
from queuecraft.backend.store.models import User

_bearer = HTTPBearer(auto_error=False, description="JWT from POST /login")


def _resources() -> Resources:
    return get_resources()


def _trace_id(request: Request) -> str:
    return request.state.trace_id


ResourcesDep = Annotated[Resources, Depends(_resources)]
TraceIdDep = Annotated[str, Depends(_trace_id)]


def _current_user(
    res: ResourcesDep, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> User:
    if credentials is None or not credentials.credentials:
        raise AuthenticationFailed("missing bearer token: send Authorization: Bearer <jwt from /login>")
    return users.user_from_token(store=res.store, settings=res.settings, token=credentials.credentials)


CurrentUser = Annotated[User, Depends(_current_user)]
