"""The task registry and the built-in tasks a job can run."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import redis

from queuecraft.backend.config import Settings
from queuecraft.backend.store.models import Job

DEMO_COUNTER_KEY = "queuecraft:demo:runs"


@dataclass(frozen=True)
class TaskContext:
    job: Job
    attempt: int
    settings: Settings
    redis: redis.Redis


class TaskFailed(Exception):
    """A task reports a failure that should follow the retry policy."""


TaskFn = Callable[[TaskContext], dict]
TASKS: dict[str, TaskFn] = {}


def task(name: str) -> Callable[[TaskFn], TaskFn]:
    """Register a function as the task `name`."""

    def register(fn: TaskFn) -> TaskFn:
        if name in TASKS:
            raise ValueError(f"task {name!r} is registered twice")
        TASKS[name] = fn
        return fn

    return register


def get_task(name: str) -> TaskFn:
    try:
        return TASKS[name]
    except KeyError:
        raise TaskFailed(f"unknown task {name!r}") from None


@task("simulate")
def simulate(ctx: TaskContext) -> dict:
    """The reference system's job: sleep, then fail if the name says so (or, in demo mode, every 3rd run)."""
    time.sleep(ctx.settings.simulated_job_seconds)
    if "fail" in ctx.job.name.lower():
        raise TaskFailed(f"simulated failure: job name {ctx.job.name!r} contains 'fail'")
    if ctx.settings.demo_fail_every_third and ctx.redis.incr(DEMO_COUNTER_KEY) % 3 == 0:
        raise TaskFailed("simulated failure: demo mode fails every third run")
    return {"message": f"{ctx.job.name} processed", "seconds": ctx.settings.simulated_job_seconds}
