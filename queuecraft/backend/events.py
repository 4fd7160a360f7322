"""Job events on one Redis pub/sub channel, with the reference system's event names."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import redis
import redis.asyncio as aioredis

JOB_CREATED = "job:created"
JOB_STATUS_UPDATED = "job:status:updated"
JOB_COMPLETED = "job:completed"
JOB_MOVED_TO_DLQ = "job:movedToDLQ"


def publish(
    conn: redis.Redis, *, channel: str, event: str, job_id: str, owner_id: str, status: str, **extra: Any
) -> None:
    """Publish one event; a lost event only delays a dashboard refresh, so errors are not fatal."""
    message = {
        "event": event,
        "jobId": job_id,
        "ownerId": owner_id,
        "status": status,
        "at": datetime.now(UTC).isoformat(),
        **extra,
    }
    conn.publish(channel, json.dumps(message, default=str))


async def listen(redis_url: str, channel: str) -> AsyncIterator[dict[str, Any]]:
    """Yield every event published on `channel` until the connection fails (then raise)."""
    client = aioredis.Redis.from_url(redis_url)
    pubsub = client.pubsub(ignore_subscribe_messages=True)
    try:
        await pubsub.subscribe(channel)
        async for message in pubsub.listen():
            if message.get("type") != "message":
                continue
            try:
                yield json.loads(message["data"])
            except (ValueError, TypeError):
                continue
    finally:
        await pubsub.aclose()
        await client.aclose()
