"""A worker pool of a test's own, on a queue of its own, for tests that kill processes."""

from __future__ import annotations

import contextlib
import signal
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psutil
import pytest

from queuecraft.backend.config import Settings, get_settings
from tests.support import start_workers, stop


@dataclass
class Pool:
    settings: Settings
    process: object

    def scheduler_pid(self, conn) -> int | None:
        owner = conn.get(f"rq:scheduler-lock:{self.settings.queue_name}")
        pid = conn.hget(f"rq:scheduler:{owner.decode()}", "pid") if owner else None
        return int(pid) if pid and int(pid) else None

    def horse_of(self, conn, worker_name: str) -> psutil.Process:
        """The work-horse under the worker named `worker_name` (not its scheduler)."""
        worker_pid = int(conn.hget(f"rq:worker:{worker_name}", "pid"))
        scheduler = self.scheduler_pid(conn)
        horses = [p for p in psutil.Process(worker_pid).children() if p.pid != scheduler]
        assert len(horses) == 1, horses
        return horses[0]


@pytest.fixture()
def private_pool(env, tmp_path) -> Iterator:
    started: list = []

    @contextlib.contextmanager
    def run(**overrides: str) -> Iterator[Pool]:
        queue_name = f"kill-{uuid.uuid4().hex[:8]}"
        process = start_workers(env | {"QUEUECRAFT_QUEUE": queue_name} | overrides, tmp_path / f"{queue_name}.log")
        started.append(process)
        settings = get_settings().model_copy(update={"queue_name": queue_name})
        yield Pool(settings=settings, process=process)

    yield run
    for process in started:
        stop(process, sig=signal.SIGTERM)

