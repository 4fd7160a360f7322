"""C01: delayed retries keep running when the process holding RQ's scheduler lock dies."""

from __future__ import annotations

import os
import signal
import time
import uuid

import psutil
import pytest

from queuecraft.backend.config import get_settings
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs
from queuecraft.backend.status import JobStatus
from tests.support import start_workers, stop, wait_for

pytestmark = pytest.mark.slow

# RQ's scheduler lock lives 61 s; our workers retry taking it every 30 s (workers/worker.py).
RECOVERY_BOUND_SECONDS = 61 + 30 + 30


def _scheduler_pid(conn, queue_name: str) -> int | None:
    owner = conn.get(f"rq:scheduler-lock:{queue_name}")
    if not owner:
        return None
    pid = conn.hget(f"rq:scheduler:{owner.decode()}", "pid")
    return int(pid) if pid and int(pid) else None


def test_c01_retries_survive_kill_9_of_the_scheduler_and_its_worker(env, user, tmp_path):
    """Kill -9 the scheduler process and the worker that forked it after the first failure: the job still gets all 4 runs."""
    queue_name = f"c01-{uuid.uuid4().hex[:8]}"
    settings = get_settings().model_copy(update={"queue_name": queue_name})
    pool = start_workers(env | {"QUEUECRAFT_QUEUE": queue_name, "QUEUECRAFT_WORKERS": "2"}, tmp_path / "pool.log")
    res = get_resources()
    try:
        pid = wait_for(lambda: _scheduler_pid(res.redis, queue_name), timeout=30, what="a scheduler lock")
        job = jobs.submit_job(
            store=res.store, conn=res.redis, settings=settings, owner_id=user["id"], name="c01 fail", trace_id="c01"
        )
        wait_for(lambda: res.store.get_job(job.id).attempts >= 1 and res.store.get_job(job.id).status == JobStatus.SCHEDULED,
                 timeout=30, what="the first failure")
        scheduler = psutil.Process(pid)
        worker = scheduler.parent()
        assert worker is not None and "python" in worker.name()
        os.kill(pid, signal.SIGKILL)
        os.kill(worker.pid, signal.SIGKILL)
        killed_at = time.monotonic()

        done = wait_for(lambda: (j := res.store.get_job(job.id, with_attempts=True)).status == JobStatus.DLQ and j,
                        timeout=RECOVERY_BOUND_SECONDS + 20, interval=0.5, what="all 4 runs after the kill")
        assert done.attempts == 4
        assert [a.outcome for a in done.attempt_history] == ["failed"] * 4
        assert time.monotonic() - killed_at < RECOVERY_BOUND_SECONDS + 20
        assert _scheduler_pid(res.redis, queue_name) not in (None, pid)  # another process took the lock
    finally:
        stop(pool, sig=signal.SIGTERM)
