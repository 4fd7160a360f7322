"""Build the FastAPI app: routes, error handlers, middleware."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from queuecraft.backend.api.errors import install_error_handlers
from queuecraft.backend.api.middleware import BodyLimitMiddleware, JsonNotFoundMiddleware, TraceIdMiddleware
from queuecraft.backend.api.urls import router

MAX_BODY_BYTES = 1024 * 1024


def create_api() -> FastAPI:
    # Swagger UI from files in the package, not a CDN: /docs works on machines without internet.
    app = FastAPIOffline(
        title="QueueCraft API",
        description="Submit jobs, watch them run with retries and a dead-letter queue.",
        version="0.1.0",
    )
    app.include_router(router)
    install_error_handlers(app)
    app.add_middleware(JsonNotFoundMiddleware)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(TraceIdMiddleware)  # added last = outermost: every answer carries the id
    return app
