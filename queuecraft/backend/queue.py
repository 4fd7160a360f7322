"""RQ glue: enqueue a job record under its own id, and read what RQ says about it."""

from __future__ import annotations

import redis
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job as RQJob

from queuecraft.backend.config import Settings
from queuecraft.backend.status import FROM_RQ, JobStatus
from queuecraft.backend.store.models import Job

# The worker entry point, named by path so the backend never imports the workers package.
RUN_JOB = "workers.runner.run_job"
RESULT_TTL_SECONDS = 24 * 3600
DLQ_TTL_SECONDS = 30 * 24 * 3600


def get_queue(conn: redis.Redis, settings: Settings) -> Queue:
    return Queue(settings.queue_name, connection=conn)


def retry_intervals(settings: Settings) -> list[int]:
    """One interval per retry; a short list repeats its last value (RQ would repeat its first)."""
    given = settings.retry_intervals
    return [given[min(i, len(given) - 1)] for i in range(settings.max_retries)]


def retry_policy(settings: Settings) -> Retry | None:
    """RQ's Retry: max retries after the first run, with the configured backoff intervals."""
    if settings.max_retries == 0:
        return None
    return Retry(max=settings.max_retries, interval=retry_intervals(settings))


def enqueue(conn: redis.Redis, settings: Settings, job: Job) -> None:
    """Put a stored job on the queue under the same id as its record."""
    get_queue(conn, settings).enqueue(
        RUN_JOB,
        job.id,
        job_id=job.id,
        retry=retry_policy(settings),
        job_timeout=settings.job_timeout_seconds,
        result_ttl=RESULT_TTL_SECONDS,
        failure_ttl=DLQ_TTL_SECONDS,
        description=job.name,
        meta={"trace_id": job.trace_id, "owner_id": job.owner_id},
    )


def queue_state(conn: redis.Redis, job_id: str) -> JobStatus | None:
    """What RQ says about a job, in our statuses; None when Redis no longer holds it."""
    try:
        rq_status = RQJob.fetch(job_id, connection=conn).get_status(refresh=False)
    except NoSuchJobError:
        return None
    return FROM_RQ.get(rq_status) if rq_status else None

