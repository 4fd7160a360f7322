"""The function RQ runs for every QueueCraft job: keeps the job record in step with each attempt."""

from __future__ import annotations

from rq import get_current_job

from queuecraft.backend.errors import JobAlreadyFinished, JobNotFound
from queuecraft.backend.logs import logger
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import execution
from workers.tasks import TaskContext, get_task


def run_job(job_id: str) -> dict:
    """Run one attempt of job `job_id`; re-raise failures so RQ applies the retry policy."""
    rq_job = get_current_job()
    res = get_resources()
    conn = rq_job.connection if rq_job else res.redis
    worker = (rq_job.worker_name or "") if rq_job else ""
    try:
        job, number = execution.begin_attempt(
            store=res.store, conn=conn, settings=res.settings, job_id=job_id, worker=worker
        )
    except (JobNotFound, JobAlreadyFinished) as exc:
        # RQ delivers at least once (e.g. after Redis lost a finish); never run a final job again.
        logger.bind(event="skip", jobId=job_id).warning(f"Not running job: {exc.message}")
        return {"skipped": exc.message}
    log = logger.bind(jobId=job.id, traceId=job.trace_id, userId=job.owner_id, attempt=number)
    log.bind(event="start").info("Job started")
    try:
        result = get_task(job.task)(TaskContext(job=job, attempt=number, settings=res.settings, redis=conn))
    except Exception as exc:
        will_retry = bool(rq_job and rq_job.should_retry)
        error = f"{type(exc).__name__}: {exc}"
        execution.fail_attempt(
            store=res.store, conn=conn, settings=res.settings, job=job, number=number, error=error, will_retry=will_retry
        )
        log.bind(event="fail", error=error).warning("Job attempt failed")
        if will_retry:
            log.bind(event="retry").info("Job scheduled for retry")
        else:
            log.bind(event="dlq").error("Job moved to the dead-letter queue")
        raise
    execution.succeed_attempt(store=res.store, conn=conn, settings=res.settings, job=job, number=number, result=result)
    log.bind(event="finish").info("Job completed")
    return result
