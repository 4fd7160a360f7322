"""Jobs as the API and dashboard see them: submit, list, count, look up."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import redis

from queuecraft.backend import events, queue
from queuecraft.backend.config import Settings
from queuecraft.backend.errors import JobNotFound, QueueUnavailable, ValidationFailed
from queuecraft.backend.status import JobStatus
from queuecraft.backend.store import Store
from queuecraft.backend.store.models import Job

# The reference system's only job kind: sleeps, fails when its name contains "fail".
DEFAULT_TASK = "simulate"
MAX_PAGE_SIZE = 200
MAX_NAME_LENGTH = 200


def clean_job_name(name: str) -> str:
    """The job-name rule, for every way in (API, dashboard): trimmed, 1-200 characters, visible
    text, no control characters; raise ValidationFailed saying which rule failed."""
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME_LENGTH:
        raise ValidationFailed(f"a job name needs 1 to {MAX_NAME_LENGTH} characters")
    categories = [unicodedata.category(ch) for ch in name]
    if "Cs" in categories:
        raise ValidationFailed("a job name must be valid Unicode text (no lone surrogates)")
    if "Cc" in categories:
        raise ValidationFailed("a job name must not contain control characters (NUL, tab, newline, ...)")
    # Format characters alone (zero-width spaces, bidi marks) show nothing.
    if not any(cat[0] in "LNPS" for cat in categories):
        raise ValidationFailed("a job name must contain at least one visible character")
    return name


@dataclass(frozen=True)
class JobView:
    """A job record together with what the queue currently says about it."""

    job: Job
    queue_state: JobStatus | None


def submit_job(
    *, store: Store, conn: redis.Redis, settings: Settings, owner_id: str, name: str, trace_id: str
) -> Job:
    """Store the job, then queue it; a job that cannot be queued is not kept."""
    job = store.create_job(
        owner_id=owner_id,
        name=clean_job_name(name),
        task=DEFAULT_TASK,
        payload={},
        max_attempts=settings.max_retries + 1,
        trace_id=trace_id,
    )
    try:
        queue.enqueue(conn, settings, job)
    except redis.RedisError:
        store.delete_job(job.id)
        raise QueueUnavailable("the queue is unavailable; the job was not created") from None
    try:
        events.publish(
            conn,
            channel=settings.event_channel,
            event=events.JOB_CREATED,
            job_id=job.id,
            owner_id=owner_id,
            status=job.status.value,
        )
    except redis.RedisError:
        pass  # the job is queued; dashboards catch up on their next event
    return job


def list_jobs(
    *, store: Store, owner_id: str, status: JobStatus | None = None, limit: int = 50, offset: int = 0
) -> list[Job]:
    return store.list_jobs(
        owner_id=owner_id,
        statuses=[status] if status else None,
        limit=max(1, min(limit, MAX_PAGE_SIZE)),
        offset=max(0, offset),
    )


def job_stats(*, store: Store, owner_id: str) -> dict[str, int]:
    """Counts per status plus the total, with every status present (zeros included)."""
    counts = store.count_by_status(owner_id=owner_id)
    stats = {status.value: counts.get(status, 0) for status in JobStatus}
    stats["total"] = sum(counts.values())
    return stats


def get_job(*, store: Store, conn: redis.Redis, owner_id: str, job_id: str) -> JobView:
    """One of the caller's jobs with its attempts; JobNotFound for other owners' jobs too."""
    job = store.get_job(job_id, with_attempts=True)
    if job is None or job.owner_id != owner_id:
        raise JobNotFound(f"job {job_id} not found")
    try:
        state = queue.queue_state(conn, job_id)
    except redis.RedisError:
        state = None
    return JobView(job=job, queue_state=state)
