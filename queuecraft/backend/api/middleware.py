"""ASGI middleware: a trace id on every request, and JSON bodies for 404/405 from mounted apps."""

from __future__ import annotations

import json
import re
import uuid

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from queuecraft.backend.api.errors import HTTP_MESSAGES, error_body

TRACE_HEADER = b"x-trace-id"
_VALID_TRACE = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope.get("headers", []) if key == name), None)


class TraceIdMiddleware:
    """Take X-Trace-Id from the request (or make one), expose it to handlers, echo it back."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = _header(scope, TRACE_HEADER)
        trace_id = given.decode() if given and _VALID_TRACE.match(given) else str(uuid.uuid4())
        scope.setdefault("state", {})["trace_id"] = trace_id

        async def send_with_trace(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", []).append((TRACE_HEADER, trace_id.encode()))
            await send(message)

        await self.app(scope, receive, send_with_trace)


def _wrong_method(app, scope: Scope) -> bool:
    """True when one of our own routes has this path but not this method."""
    return any(
        route.matches(scope)[0] == Match.PARTIAL
        for route in getattr(app, "routes", ())
        if isinstance(route, BaseRoute) and not isinstance(route, Mount)  # Reflex is the Mount
    )


class JsonNotFoundMiddleware:
    """Reflex is mounted under our routes and answers every path they miss, in plain text,
    and 404 even where only the method was wrong; rewrite those answers as JSON 404/405."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rewriting: dict[str, int] = {}
        wrong_method = _wrong_method(scope.get("app"), dict(scope))

        async def send_json(message: Message) -> None:
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = dict(message.get("headers", []))
                if status in HTTP_MESSAGES and not headers.get(b"content-type", b"").startswith(b"application/json"):
                    rewriting["status"] = 405 if wrong_method else status
                    return
            elif rewriting and message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                status = rewriting["status"]
                trace_id = scope.get("state", {}).get("trace_id", "")
                body = json.dumps(error_body(status, HTTP_MESSAGES[status], trace_id)).encode()
                await send(
                    {
                        "type": "http.response.start",
                        "status": status,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, send_json)
