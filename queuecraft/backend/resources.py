"""The connections one process uses (settings, store, Redis), built once per process id."""

from __future__ import annotations

import os
from dataclasses import dataclass

import redis

from queuecraft.backend.config import Settings, get_settings
from queuecraft.backend.store import Store, open_store


@dataclass(frozen=True)
class Resources:
    settings: Settings
    store: Store
    redis: redis.Redis


REDIS_TIMEOUT_SECONDS = 5
_by_pid: dict[int, Resources] = {}


def get_resources() -> Resources:
    """This process's resources; a forked child gets its own (connections must not cross a fork)."""
    pid = os.getpid()
    if pid not in _by_pid:
        settings = get_settings()
        _by_pid[pid] = Resources(
            settings=settings,
            store=open_store(settings.effective_database_url),
            # Bounded waits: a frozen Redis gives the API a 503 in seconds instead of a hung request.
            redis=redis.Redis.from_url(
                settings.required_redis_url(),
                socket_timeout=REDIS_TIMEOUT_SECONDS,
                socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
                health_check_interval=30,
            ),
        )
    return _by_pid[pid]
