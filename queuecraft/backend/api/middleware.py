"""ASGI middleware: trace ids, a body size limit, and JSON answers where others would be text."""

from __future__ import annotations

import json
import re
import uuid

from starlette.routing import BaseRoute, Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from queuecraft.backend.api.errors import HTTP_MESSAGES, error_body
from queuecraft.backend.logs import logger

TRACE_HEADER = b"x-trace-id"
_VALID_TRACE = re.compile(rb"^[A-Za-z0-9._:\-]{1,128}$")


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope.get("headers", []) if key == name), None)


async def send_json(send: Send, status: int, body: dict, headers: tuple[tuple[bytes, bytes], ...] = ()) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class HttpMiddleware:
    """Pass websockets and lifespan through; subclasses handle HTTP requests in `http`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            await self.http(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        raise NotImplementedError


class TraceIdMiddleware(HttpMiddleware):
    """Take X-Trace-Id from the request (or make one), expose it to handlers, echo it back.

    It is also the last line of defence: an unexpected exception becomes a JSON 500 that still
    carries the trace id (Starlette's own 500 handler sits outside every middleware).
    """

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        given = _header(scope, TRACE_HEADER)
        trace_id = given.decode() if given and _VALID_TRACE.match(given) else str(uuid.uuid4())
        scope.setdefault("state", {})["trace_id"] = trace_id

        started = False

        async def send_with_trace(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message.setdefault("headers", []).append((TRACE_HEADER, trace_id.encode()))
            await send(message)

        try:
            await self.app(scope, receive, send_with_trace)
        except Exception as exc:
            logger.bind(event="internal_error", traceId=trace_id).opt(exception=exc).error("Unhandled error")
            if not started:
                await send_json(send, 500, error_body(500, "internal error", trace_id), ((TRACE_HEADER, trace_id.encode()),))


class BodyLimitMiddleware(HttpMiddleware):
    """Refuse request bodies over `max_bytes` with a JSON 413, before anything parses them."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        super().__init__(app)
        self.max_bytes = max_bytes

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        trace_id = scope.get("state", {}).get("trace_id", "")
        too_large = error_body(413, f"request body larger than {self.max_bytes} bytes", trace_id)
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await send_json(send, 413, too_large)
            return
        received = 0
        refused = False

        async def counting_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:  # a chunked body went past the limit
                    refused = True
                    await send_json(send, 413, too_large)
                    return {"type": "http.disconnect"}
            return message

        async def send_unless_refused(message: Message) -> None:
            if not refused:
                await send(message)

        await self.app(scope, counting_receive, send_unless_refused)


def _wrong_method(app, scope: Scope) -> bool:
    """True when one of our own routes has this path but not this method."""
    return any(
        route.matches(scope)[0] == Match.PARTIAL
        for route in getattr(app, "routes", ())
        if isinstance(route, BaseRoute) and not isinstance(route, Mount)  # Reflex is the Mount
    )


class JsonNotFoundMiddleware(HttpMiddleware):
    """Reflex is mounted under our routes and answers every path they miss, in plain text,
    and 404 even where only the method was wrong; rewrite those answers as JSON 404/405."""

    async def http(self, scope: Scope, receive: Receive, send: Send) -> None:
        rewriting: dict[str, int] = {}
        app, request_scope = scope.get("app"), dict(scope)  # before the mounted app rewrites scope

        async def rewrite(message: Message) -> None:
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = dict(message.get("headers", []))
                if status in HTTP_MESSAGES and not headers.get(b"content-type", b"").startswith(b"application/json"):
                    rewriting["status"] = 405 if _wrong_method(app, request_scope) else status
                    return
            elif rewriting and message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                status = rewriting["status"]
                trace_id = scope.get("state", {}).get("trace_id", "")
                await send_json(send, status, error_body(status, HTTP_MESSAGES[status], trace_id))
                return
            await send(message)

        await self.app(scope, receive, rewrite)
