"""Helpers shared by the tests: real Redis for a test run, env for child processes, waiting."""

from __future__ import annotations

import os
import signal
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
    """The machine's Redis on a database of its own, or an embedded Valkey where there is none.

    Each test session claims a database number with a lock key, so two sessions running at once
    (a developer's and CI's) never flush each other's data.
    """

    LOCK_KEY = "queuecraft:test-session"

    def __init__(self, tmp: Path) -> None:
        self.process: subprocess.Popen | None = None
        if commands.redis_ready(MACHINE_REDIS):
            self.url = self._claim_database()
        else:
            port = commands.free_port()
            self.process = subprocess.Popen(commands.valkey_argv(port, tmp), stdout=subprocess.DEVNULL)
            self.url = f"redis://127.0.0.1:{port}/0"
            wait_for(lambda: commands.redis_ready(self.url), timeout=10, what="embedded Valkey")
        self.client = redis.Redis.from_url(self.url)
        self.client.flushdb()
        self.client.set(self.LOCK_KEY, os.getpid(), ex=3 * 3600)

    def _claim_database(self) -> str:
        for db in [TEST_REDIS_DB, *(n for n in range(1, 16) if n != TEST_REDIS_DB)]:
            url = f"{MACHINE_REDIS}/{db}"
            if redis.Redis.from_url(url).set(self.LOCK_KEY, os.getpid(), nx=True, ex=3 * 3600):
                return url
        raise RuntimeError("every Redis database 1-15 is claimed by another test session")

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
            # QUEUECRAFT_TEST_DATABASE_URL runs the suite on another database (e.g. PostgreSQL).
            "DATABASE_URL": os.environ.get("QUEUECRAFT_TEST_DATABASE_URL") or f"sqlite:///{data_dir / 'queuecraft.db'}",
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


class Product:
    """The whole product as `make run` starts it: `python -m queuecraft.launcher`."""

    READY_TIMEOUT = 420  # the first start on a clean clone installs the frontend packages

    def __init__(self, data_dir: Path, log: Path, **overrides: str) -> None:
        self.api_port, self.ui_port = commands.free_port(), commands.free_port()
        env = dict(os.environ)
        for name in ("REDIS_URL", "DATABASE_URL"):  # embedded Valkey and SQLite, as on a fresh machine
            env.pop(name, None)
        env.update(
            {
                "QUEUECRAFT_DATA_DIR": str(data_dir),
                "QUEUECRAFT_API_PORT": str(self.api_port),
                "QUEUECRAFT_UI_PORT": str(self.ui_port),
                "QUEUECRAFT_RETRY_INTERVALS": "1,2,4",
                "QUEUECRAFT_SIMULATED_JOB_SECONDS": "0.5",
                "QUEUECRAFT_SHUTDOWN_GRACE": "5",
            }
        )
        env.update(overrides)
        self.log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "queuecraft.launcher"], env=env, cwd=ROOT,
            stdout=log.open("w"), stderr=subprocess.STDOUT,
        )
        self.api = f"http://127.0.0.1:{self.api_port}"
        self.ui = f"http://localhost:{self.ui_port}"

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self) -> None:
        def ready() -> bool:
            if self.process.poll() is not None:
                raise AssertionError(f"launcher exited early:\n{self.output()[-4000:]}")
            return "queuecraft: ready" in self.output()

        wait_for(ready, timeout=self.READY_TIMEOUT, interval=0.5, what="the launcher to report ready")

    def redis_url(self) -> str:
        line = next(line for line in self.output().splitlines() if line.strip().startswith("Redis "))
        return line.split()[1]

    def interrupt(self, timeout: float = 60) -> int:
        """Ctrl-C: SIGINT to the launcher, as a terminal sends it."""
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=timeout)
