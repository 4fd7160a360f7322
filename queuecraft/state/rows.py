"""Job records shaped as flat rows of strings for the dashboard's tables."""

from __future__ import annotations

from datetime import datetime

from queuecraft.backend.store.models import Attempt, Job


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value else ""


def job_row(job: Job) -> dict[str, str]:
    return {
        "id": job.id,
        "name": job.name,
        "task": job.task,
        "status": job.status.value,
        "attempts": f"{job.attempts}/{job.max_attempts}",
        "created": _when(job.created_at),
        "updated": _when(job.updated_at),
        "finished": _when(job.finished_at),
        "error": job.last_error or "",
        "trace_id": job.trace_id,
    }


def attempt_row(attempt: Attempt) -> dict[str, str]:
    seconds = (attempt.finished_at - attempt.started_at).total_seconds() if attempt.finished_at else None
    return {
        "number": str(attempt.number),
        "outcome": attempt.outcome,
        "worker": attempt.worker,
        "started": _when(attempt.started_at),
        "duration": f"{seconds:.1f} s" if seconds is not None else "",
        "error": attempt.error or "",
    }
