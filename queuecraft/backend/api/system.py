"""Handlers that are not about one resource: the reference system's /sync."""

from __future__ import annotations

from datetime import UTC, datetime


def sync() -> dict:
    return {"success": True, "timestamp": datetime.now(UTC).isoformat()}
