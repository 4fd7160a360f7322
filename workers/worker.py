"""The RQ worker class QueueCraft runs: RQ's forking worker with faster recovery settings."""

from __future__ import annotations

from rq import Worker

# RQ's defaults (maintenance every 600 s, worker TTL 420 s) leave an abandoned job and a dead
# scheduler's lock unnoticed for about ten minutes; these bring recovery down to about 90 s.
MAINTENANCE_INTERVAL_SECONDS = 30
WORKER_TTL_SECONDS = 60
JOB_MONITORING_INTERVAL_SECONDS = 10


class QueueCraftWorker(Worker):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("maintenance_interval", MAINTENANCE_INTERVAL_SECONDS)
        kwargs.setdefault("worker_ttl", WORKER_TTL_SECONDS)
        kwargs.setdefault("job_monitoring_interval", JOB_MONITORING_INTERVAL_SECONDS)
        super().__init__(*args, **kwargs)
