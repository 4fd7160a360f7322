"""Every failure as JSON `{"success": false, "error", "traceId"}` with the right status code."""

from __future__ import annotations

import redis
import sqlalchemy.exc
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from queuecraft.backend import errors
from queuecraft.backend.logs import logger

DOMAIN_STATUS: dict[type[errors.QueueCraftError], int] = {
    errors.ValidationFailed: 422,
    errors.AuthenticationFailed: 401,
    errors.UserAlreadyExists: 409,
    errors.JobNotFound: 404,
    errors.QueueUnavailable: 503,
}
HTTP_MESSAGES = {404: "not found", 405: "method not allowed"}


def error_body(status: int, message: str, trace_id: str, **extra) -> dict:
    return {"success": False, "error": message, "traceId": trace_id, **extra}


def error_response(request: Request, status: int, message: str, headers: dict | None = None, **extra) -> JSONResponse:
    trace_id = getattr(request.state, "trace_id", "")
    return JSONResponse(error_body(status, message, trace_id, **extra), status_code=status, headers=headers)


BODY_NOT_OBJECT = {"model_attributes_type", "dict_type", "model_type"}


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "body"


def _message(problem: dict) -> str:
    if tuple(problem.get("loc", ())) == ("body",):
        if problem.get("type") == "missing":
            return "a JSON body is required (Content-Type: application/json)"
        if problem.get("type") in BODY_NOT_OBJECT:
            return "must be a JSON object (send Content-Type: application/json)"
    return str(problem.get("msg", "invalid")).removeprefix("Value error, ")


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = exc.errors()
    if any(p.get("type") == "json_invalid" for p in problems):
        return error_response(request, 400, "malformed JSON body")
    details = [{"field": _field(tuple(p.get("loc", ()))), "message": _message(p)} for p in problems]
    summary = "; ".join(f"{d['field']}: {d['message']}" for d in details)
    return error_response(request, 422, f"invalid request: {summary}", details=details)


async def _domain(request: Request, exc: errors.QueueCraftError) -> JSONResponse:
    status = next((code for kind, code in DOMAIN_STATUS.items() if isinstance(exc, kind)), 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if status == 401:
        logger.bind(event="auth_failed", traceId=getattr(request.state, "trace_id", "")).warning(exc.message)
    return error_response(request, status, exc.message, headers=headers)


async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    message = HTTP_MESSAGES.get(exc.status_code) or str(exc.detail)
    return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    logger.bind(event="dependency_down", traceId=getattr(request.state, "trace_id", "")).error(
        f"{type(exc).__name__}: {exc}"
    )
    return error_response(request, 503, "a backing service (Redis or the database) is unavailable")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(errors.QueueCraftError, _domain)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(redis.RedisError, _unavailable)
    app.add_exception_handler(sqlalchemy.exc.OperationalError, _unavailable)
    # Anything else becomes a JSON 500 in TraceIdMiddleware, which keeps the X-Trace-Id header.
