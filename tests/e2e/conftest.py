"""Browser tests: Debian's chromium driven by Playwright, against the product as `make run` starts it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import httpx
import pytest

from tests.support import Product

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args) -> dict:
    """Launch the system chromium (never a downloaded browser)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="module")
def product(tmp_path_factory) -> Iterator[Product]:
    tmp = tmp_path_factory.mktemp("product")
    running = Product(tmp / "data", tmp / "launcher.log", QUEUECRAFT_SIMULATED_JOB_SECONDS="2")
    try:
        running.wait_ready()
        yield running
    finally:
        if running.process.poll() is None:
            running.interrupt()


@pytest.fixture()
def account(product) -> dict:
    """A user created through the API, with a client that carries its token."""
    import uuid

    name = f"e2e{uuid.uuid4().hex[:8]}"
    body = {"username": name, "email": f"{name}@example.com", "password": "watch-it-live"}
    api = httpx.Client(base_url=product.api, timeout=10)
    assert api.post("/user/create", json=body).status_code == 201
    token = api.post("/login", json={"email": body["email"], "password": body["password"]}).json()["jwt"]
    api.headers["Authorization"] = f"Bearer {token}"
    return {**body, "api": api}
