"""The REST API (FastAPI), mounted on Reflex's backend; `create_api()` builds it."""

from queuecraft.backend.api.app import create_api

__all__ = ["create_api"]
