"""Session fixtures: a real Redis database, a real SQLite file, the real worker pool."""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from queuecraft.backend import config, resources
from queuecraft.backend.store.migrate import upgrade
from tests.support import RedisForTests, start_workers, stop, product_env


@pytest.fixture(scope="session")
def redis_for_tests(tmp_path_factory) -> Iterator[RedisForTests]:
    server = RedisForTests(tmp_path_factory.mktemp("redis"))
    yield server
    server.close()


@pytest.fixture(scope="session")
def env(redis_for_tests, tmp_path_factory) -> Iterator[dict[str, str]]:
    """Point this process (the API under test) and its child workers at the test Redis and DB."""
    data_dir = tmp_path_factory.mktemp("data")
    values = product_env(redis_url=redis_for_tests.url, data_dir=data_dir)
    saved = dict(os.environ)
    os.environ.update(values)
    config.get_settings.cache_clear()
    resources._by_pid.clear()
    upgrade(values["DATABASE_URL"])
    yield values
    os.environ.clear()
    os.environ.update(saved)
    config.get_settings.cache_clear()
    resources._by_pid.clear()


@pytest.fixture(scope="session")
def workers(env, tmp_path_factory) -> Iterator[None]:
    """The real worker pool (`python -m workers`), as the launcher starts it."""
    log = tmp_path_factory.mktemp("logs") / "workers.log"
    process = start_workers(env, log)
    yield
    stop(process, sig=signal.SIGTERM)


@pytest.fixture(scope="session")
def client(env) -> TestClient:
    from queuecraft.backend.api import create_api

    return TestClient(create_api(), raise_server_exceptions=False)


@pytest.fixture()
def new_user(client) -> Callable[[], dict]:
    """Make a fresh user with a token; each test owns its jobs."""

    def make() -> dict:
        name = f"u{uuid.uuid4().hex[:10]}"
        password = "correct horse battery"
        body = {"username": name, "email": f"{name}@example.com", "password": password}
        created = client.post("/user/create", json=body)
        assert created.status_code == 201, created.text
        token = client.post("/login", json={"email": body["email"], "password": password}).json()["jwt"]
        return {"username": name, "password": password, "id": created.json()["user"]["id"],
                "headers": {"Authorization": f"Bearer {token}"}}

    return make


@pytest.fixture()
def user(new_user) -> dict:
    return new_user()
