"""Helpers shared by the tests: real Redis for a test run, env for child processes, waiting."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import redis

from queuecraft.launcher import commands

T = TypeVar("T")
ROOT = Path(__file__).resolve().parents[1]
MACHINE_REDIS = "redis://127.0.0.1:6379"
TEST_REDIS_DB = int(os.environ.get("QUEUECRAFT_TEST_REDIS_DB", "11"))


def wait_for(check: Callable[[], T], *, timeout: float, interval: float = 0.1, what: str = "condition") -> T:
    """Poll `check` until it returns something truthy; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class RedisForTests:
    """The machine's Redis on a database of its own, or an embedded Valkey where there is none."""

    def __init__(self, tmp: Path) -> None:
        self.process: subprocess.Popen | None = None
        if commands.redis_ready(MACHINE_REDIS):
            self.url = f"{MACHINE_REDIS}/{TEST_REDIS_DB}"
        else:
            port = commands.free_port()
            self.process = subprocess.Popen(commands.valkey_argv(port, tmp), stdout=subprocess.DEVNULL)
            self.url = f"redis://127.0.0.1:{port}/0"
            wait_for(lambda: commands.redis_ready(self.url), timeout=10, what="embedded Valkey")
        self.client = redis.Redis.from_url(self.url)
        self.client.flushdb()

    def close(self) -> None:
        self.client.flushdb()
        self.client.close()
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)


def product_env(*, redis_url: str, data_dir: Path, **overrides: str) -> dict[str, str]:
    """Environment for QueueCraft processes under test: short sleeps and backoff."""
    env = dict(os.environ)
    env.update(
        {
            "QUEUECRAFT_ENV": "test",
            "REDIS_URL": redis_url,
            "QUEUECRAFT_DATA_DIR": str(data_dir),
            "DATABASE_URL": f"sqlite:///{data_dir / 'queuecraft.db'}",
            "QUEUECRAFT_QUEUE": f"test-{uuid.uuid4().hex[:8]}",
            "QUEUECRAFT_RETRY_INTERVALS": "1,2,4",
            "QUEUECRAFT_SIMULATED_JOB_SECONDS": "0.3",
            "QUEUECRAFT_WORKERS": "5",
            "QUEUECRAFT_LOG_LEVEL": "INFO",
        }
    )
    env.update(overrides)
    return env


def start_workers(env: dict[str, str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "workers"], env=env, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def stop(process: subprocess.Popen, *, sig: int, timeout: float = 20) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
