"""The RQ worker class QueueCraft runs: RQ's forking worker with faster recovery settings."""

from __future__ import annotations

import os

from rq import Worker

from queuecraft.backend.lifecycle import die_with_parent
from queuecraft.backend.logs import logger
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import execution

# RQ's defaults (maintenance every 600 s, worker TTL 420 s) leave an abandoned job and a dead
# scheduler's lock unnoticed for about ten minutes; these bring recovery down to about 90 s.
MAINTENANCE_INTERVAL_SECONDS = 30
WORKER_TTL_SECONDS = 60
JOB_MONITORING_INTERVAL_SECONDS = 10

# Every process forked in a worker tree (pool -> worker -> work-horse and scheduler) dies with its
# parent. Without this, a killed worker leaves its scheduler running on the worker's inherited Redis
# socket, where Redis keeps the dead worker's blocking dequeue alive and hands it the next job.
os.register_at_fork(after_in_child=die_with_parent)


class QueueCraftWorker(Worker):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("maintenance_interval", MAINTENANCE_INTERVAL_SECONDS)
        kwargs.setdefault("worker_ttl", WORKER_TTL_SECONDS)
        kwargs.setdefault("job_monitoring_interval", JOB_MONITORING_INTERVAL_SECONDS)
        super().__init__(*args, **kwargs)

    def handle_work_horse_killed(self, job, retpid, ret_val, rusage) -> None:
        """The horse died without reporting: record the lost attempt as RQ is about to treat it."""
        super().handle_work_horse_killed(job, retpid, ret_val, rusage)
        signal_note = f" (signal {os.WTERMSIG(ret_val)})" if ret_val and os.WIFSIGNALED(ret_val) else ""
        error = f"WorkHorseDied: the process running the job exited unexpectedly{signal_note}"
        res = get_resources()
        try:
            execution.record_lost_attempt(
                store=res.store, conn=self.connection, settings=res.settings, job_id=job.id,
                error=error, will_retry=job.should_retry,
            )
        except Exception as exc:  # never let bookkeeping stop RQ from retrying the job
            logger.bind(event="record_error", jobId=job.id).opt(exception=exc).error("Could not record lost attempt")
        logger.bind(event="fail", jobId=job.id, error=error).warning("Job attempt lost")
