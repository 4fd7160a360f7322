"""C01: delayed retries keep running when the process holding RQ's scheduler lock dies."""

from __future__ import annotations

import os
import signal
import time

import psutil
import pytest

from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs
from queuecraft.backend.status import JobStatus
from tests.support import wait_for

pytestmark = pytest.mark.slow

# RQ's scheduler lock lives 61 s; our workers retry taking it every 30 s (workers/worker.py).
RECOVERY_BOUND_SECONDS = 61 + 30 + 30


def _submit(pool, user, name):
    res = get_resources()
    return jobs.submit_job(store=res.store, conn=res.redis, settings=pool.settings, owner_id=user["id"], name=name, trace_id=name)


def test_c01_retries_survive_kill_9_of_the_scheduler_and_its_worker(private_pool, user):
    """Kill -9 the scheduler process and the worker that forked it after the first failure: the job still gets all 4 runs."""
    res = get_resources()
    with private_pool(QUEUECRAFT_WORKERS="2") as pool:
        pid = wait_for(lambda: pool.scheduler_pid(res.redis), timeout=30, what="a scheduler lock")
        job = _submit(pool, user, "c01 fail")
        wait_for(lambda: (j := res.store.get_job(job.id)).attempts >= 1 and j.status == JobStatus.SCHEDULED,
                 timeout=30, what="the first failure")
        worker = psutil.Process(pid).parent()
        assert worker is not None and "python" in worker.name()
        os.kill(pid, signal.SIGKILL)
        os.kill(worker.pid, signal.SIGKILL)
        killed_at = time.monotonic()

        done = wait_for(lambda: (j := res.store.get_job(job.id, with_attempts=True)).status == JobStatus.DLQ and j,
                        timeout=RECOVERY_BOUND_SECONDS + 20, interval=0.5, what="all 4 runs after the kill")
        assert done.attempts == 4
        assert [a.outcome for a in done.attempt_history] == ["failed"] * 4
        assert time.monotonic() - killed_at < RECOVERY_BOUND_SECONDS + 20
        assert pool.scheduler_pid(res.redis) not in (None, pid)  # another process took the lock


def test_killing_the_worker_that_hosts_the_scheduler_takes_the_scheduler_with_it(private_pool, user):
    """Kill -9 only the worker: its scheduler child dies too, and the next job is not swallowed by a ghost dequeue."""
    res = get_resources()
    with private_pool(QUEUECRAFT_WORKERS="2") as pool:
        scheduler = psutil.Process(wait_for(lambda: pool.scheduler_pid(res.redis), timeout=30, what="a scheduler"))
        worker = scheduler.parent()
        os.kill(worker.pid, signal.SIGKILL)
        scheduler.wait(timeout=5)  # raises TimeoutExpired if the scheduler outlived its worker
        for n in range(3):
            job = _submit(pool, user, f"after the kill {n}")
            wait_for(lambda: res.store.get_job(job.id).status == JobStatus.COMPLETED, timeout=15,
                     what=f"job {n} to complete promptly")
