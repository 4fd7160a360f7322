"""Jobs as workers see them: open an attempt, close it, and tell the dashboards."""

from __future__ import annotations

from datetime import UTC, datetime

import redis

from queuecraft.backend import events
from queuecraft.backend.config import Settings
from queuecraft.backend.errors import JobNotFound
from queuecraft.backend.status import FINAL_STATUSES, JobStatus
from queuecraft.backend.store import Store
from queuecraft.backend.store.models import Job

MAX_ERROR_LENGTH = 2000


def _announce(conn: redis.Redis, settings: Settings, job: Job, status: JobStatus, *extra_events: str, **fields) -> None:
    for event in (events.JOB_STATUS_UPDATED, *extra_events):
        events.publish(
            conn,
            channel=settings.event_channel,
            event=event,
            job_id=job.id,
            owner_id=job.owner_id,
            status=status.value,
            **fields,
        )


def begin_attempt(*, store: Store, conn: redis.Redis, settings: Settings, job_id: str, worker: str) -> tuple[Job, int]:
    """Mark the job running; return its record and the attempt number."""
    number = store.start_attempt(job_id, worker=worker, at=datetime.now(UTC))
    job = store.get_job(job_id)
    if job is None:
        raise JobNotFound(f"job {job_id} has no record")
    _announce(conn, settings, job, JobStatus.RUNNING, attempt=number)
    return job, number


def succeed_attempt(
    *, store: Store, conn: redis.Redis, settings: Settings, job: Job, number: int, result: dict
) -> None:
    store.finish_attempt(job.id, number=number, status=JobStatus.COMPLETED, at=datetime.now(UTC), result=result)
    _announce(conn, settings, job, JobStatus.COMPLETED, events.JOB_COMPLETED, attempt=number)


def fail_attempt(
    *, store: Store, conn: redis.Redis, settings: Settings, job: Job, number: int, error: str, will_retry: bool
) -> JobStatus:
    """Record the failure; the job waits for a retry, or has reached the DLQ."""
    status = JobStatus.SCHEDULED if will_retry else JobStatus.DLQ
    error = error[:MAX_ERROR_LENGTH]
    store.finish_attempt(job.id, number=number, status=status, at=datetime.now(UTC), error=error)
    extra = () if will_retry else (events.JOB_MOVED_TO_DLQ,)
    _announce(conn, settings, job, status, *extra, attempt=number, error=error)
    return status


def record_lost_attempt(
    *, store: Store, conn: redis.Redis, settings: Settings, job_id: str, error: str, will_retry: bool
) -> None:
    """The work-horse died without reporting (SIGKILL, OOM): close its attempt as RQ decides."""
    job = store.get_job(job_id, with_attempts=True)
    if job is None or job.status in FINAL_STATUSES:
        return
    running = [a.number for a in job.attempt_history if a.outcome == "running"]
    # A horse can die before it opened its attempt; RQ still counted the run, so do we.
    number = running[-1] if running else store.start_attempt(job_id, worker="", at=datetime.now(UTC))
    fail_attempt(store=store, conn=conn, settings=settings, job=job, number=number, error=error, will_retry=will_retry)
