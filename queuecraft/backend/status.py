"""The one job status enum, and how RQ's statuses map onto it."""

from __future__ import annotations

from enum import StrEnum

from rq.job import JobStatus as RQStatus


class JobStatus(StrEnum):
    PENDING = "pending"
    SCHEDULED = "scheduled"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    DLQ = "dlq"
    CANCELLED = "cancelled"


ACTIVE_STATUSES = frozenset({JobStatus.PENDING, JobStatus.SCHEDULED, JobStatus.RUNNING})
FINAL_STATUSES = frozenset({JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.DLQ, JobStatus.CANCELLED})

# RQ's FAILED means "in the FailedJobRegistry": for us that is the dead-letter queue.
FROM_RQ: dict[RQStatus, JobStatus] = {
    RQStatus.CREATED: JobStatus.PENDING,
    RQStatus.QUEUED: JobStatus.PENDING,
    RQStatus.DEFERRED: JobStatus.PENDING,
    RQStatus.SCHEDULED: JobStatus.SCHEDULED,
    RQStatus.STARTED: JobStatus.RUNNING,
    RQStatus.FINISHED: JobStatus.COMPLETED,
    RQStatus.FAILED: JobStatus.DLQ,
    RQStatus.STOPPED: JobStatus.DLQ,
    RQStatus.CANCELED: JobStatus.CANCELLED,
}
