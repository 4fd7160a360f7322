"""`python -m workers`: the RQ worker pool (QUEUECRAFT_WORKERS members, each with the scheduler)."""

from __future__ import annotations

import sys

import redis
from rq.worker_pool import WorkerPool

from queuecraft.backend.config import ConfigError, get_settings
from queuecraft.backend.logs import configure_logging, logger
from workers.worker import QueueCraftWorker


def main() -> int:
    try:
        settings = get_settings()
        redis_url = settings.required_redis_url()
    except ConfigError as exc:
        print(f"queuecraft workers: {exc}", file=sys.stderr)
        return 2
    configure_logging(service="queuecraft-worker", level=settings.log_level)
    conn = redis.Redis.from_url(redis_url)
    logger.bind(event="pool_start").info(
        f"Starting {settings.workers} workers on queue {settings.queue_name!r}"
    )
    # Every pool member runs RQ's scheduler loop; one holds the lock and moves delayed retries back.
    pool = WorkerPool([settings.queue_name], connection=conn, num_workers=settings.workers, worker_class=QueueCraftWorker)
    pool.start(logging_level=settings.log_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
