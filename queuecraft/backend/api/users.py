"""Handlers for sign-up and login."""

from __future__ import annotations

from queuecraft.backend.api.deps import ResourcesDep
from queuecraft.backend.api.schemas import LoginRequest, UserCreate, user_json
from queuecraft.backend.logs import logger
from queuecraft.backend.services import users


def create_user(body: UserCreate, res: ResourcesDep) -> dict:
    user = users.create_user(store=res.store, username=body.username, email=body.email, password=body.password)
    logger.bind(event="user_create", userId=user.id).info("User created")
    return {"success": True, "user": user_json(user)}


def login(body: LoginRequest, res: ResourcesDep) -> dict:
    user, token = users.login(store=res.store, settings=res.settings, login=body.login, password=body.password)
    return {"success": True, "jwt": token, "user": user_json(user)}
