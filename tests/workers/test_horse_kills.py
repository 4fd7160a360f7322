"""A work-horse killed mid-run: its attempt is recorded as lost and the record follows RQ's decision."""

from __future__ import annotations

import os
import signal

import pytest
from rq.registry import FailedJobRegistry

from queuecraft.backend import queue
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs
from queuecraft.backend.status import JobStatus
from tests.support import wait_for

pytestmark = pytest.mark.slow


def _running_attempt(store, job_id: str, number: int):
    job = store.get_job(job_id, with_attempts=True)
    if job.status == JobStatus.RUNNING and job.attempts == number:
        return job.attempt_history[-1]
    return None


def test_horse_killed_on_first_and_last_attempt(private_pool, user):
    """SIGKILL of the horse on run 1 is retried; on run 4 the record says dlq (never stuck 'running')."""
    res = get_resources()
    with private_pool(QUEUECRAFT_WORKERS="2", QUEUECRAFT_SIMULATED_JOB_SECONDS="3") as pool:
        job = jobs.submit_job(store=res.store, conn=res.redis, settings=pool.settings, owner_id=user["id"],
                              name="horse fail", trace_id="horse")
        for number in (1, 4):
            attempt = wait_for(lambda: _running_attempt(res.store, job.id, number), timeout=40, what=f"run {number}")
            os.kill(pool.horse_of(res.redis, attempt.worker).pid, signal.SIGKILL)
        done = wait_for(lambda: (j := res.store.get_job(job.id, with_attempts=True)).status == JobStatus.DLQ and j,
                        timeout=20, what="the record to say dlq")
        registry = FailedJobRegistry(pool.settings.queue_name, connection=res.redis)
        wait_for(lambda: job.id in registry.get_job_ids(cleanup=False), timeout=5, what="RQ's DLQ to hold it")
    outcomes = [(a.number, a.outcome, (a.error or "").split(":")[0]) for a in done.attempt_history]
    assert outcomes == [(1, "failed", "WorkHorseDied"), (2, "failed", "TaskFailed"),
                        (3, "failed", "TaskFailed"), (4, "failed", "WorkHorseDied")]
    assert done.finished_at is not None and "signal 9" in done.last_error


@pytest.mark.usefixtures("workers")
def test_a_final_job_delivered_again_is_not_run_again(user):
    """RQ delivers at least once: a completed job handed out a second time keeps its one run and result."""
    res = get_resources()
    job = jobs.submit_job(store=res.store, conn=res.redis, settings=res.settings, owner_id=user["id"],
                          name="once only", trace_id="once")
    wait_for(lambda: res.store.get_job(job.id).status == JobStatus.COMPLETED, timeout=20, what="first run")
    first = res.store.get_job(job.id, with_attempts=True)
    queue.enqueue(res.redis, res.settings, res.store.get_job(job.id))  # what a redelivery looks like
    wait_for(lambda: queue.queue_state(res.redis, job.id) == JobStatus.COMPLETED, timeout=20, what="redelivery done")
    again = res.store.get_job(job.id, with_attempts=True)
    assert again.attempts == 1 and again.attempt_history == first.attempt_history
    assert again.status == JobStatus.COMPLETED and again.result == first.result
