"""`make run`'s launcher: starts everything on a machine without Redis or a database, stops cleanly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import psutil
import pytest

from queuecraft.launcher.commands import port_in_use
from tests.support import Product, wait_for

pytestmark = pytest.mark.slow


def _descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def _create_job(api: httpx.Client, headers: dict, name: str) -> str | None:
    answer = api.post("/job/create", json={"name": name}, headers=headers)
    return answer.json()["job"]["id"] if answer.status_code == 201 else None


def _stop_and_check_nothing_left(product: Product) -> None:
    children = _descendants(product.process.pid)
    names = {p.name() for p in children}
    assert any("valkey" in n for n in names), names  # the embedded Redis-compatible server ran
    assert product.interrupt() == 0, product.output()[-3000:]
    gone, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"left behind: {[(p.pid, p.name()) for p in alive]}"
    assert not port_in_use(product.api_port) and not port_in_use(product.ui_port)


def test_launcher_runs_everything_and_ctrl_c_leaves_nothing(tmp_path):
    """One command serves API, dashboard, 5 workers and embedded Redis, restarts what crashes;
    Ctrl-C stops them all; the next start finds the data."""
    data = tmp_path / "data"
    first = Product(data, tmp_path / "first.log")
    try:
        first.wait_ready()
        api = httpx.Client(base_url=first.api, timeout=10)
        assert api.get("/sync").json()["success"] is True
        assert httpx.get(first.ui, timeout=10).status_code == 200
        missing = api.get("/no/such/route")  # answered through Reflex's mounted app
        assert missing.status_code == 404 and missing.json()["success"] is False
        wrong_method = api.delete("/job/create")
        assert wrong_method.status_code == 405 and wrong_method.json()["error"] == "method not allowed"
        assert "swagger-ui-bundle.js" in api.get("/docs").text
        assert api.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200  # no CDN needed

        info = subprocess.run(
            [str(Path(sys.executable).parent / "rq"), "info", "--url", first.redis_url()],
            capture_output=True, text=True, timeout=30,
        )
        assert "5 workers" in info.stdout, info.stdout + info.stderr

        body = {"username": "admin", "email": "admin@example.com", "password": "admin123"}
        assert api.post("/user/create", json=body).status_code == 201
        token = api.post("/login", json={"email": body["email"], "password": body["password"]}).json()["jwt"]
        headers = {"Authorization": f"Bearer {token}"}
        job_id = api.post("/job/create", json={"name": "nightly report"}, headers=headers).json()["job"]["id"]
        wait_for(
            lambda: api.get(f"/job/{job_id}", headers=headers).json()["job"]["status"] == "completed",
            timeout=30, what="job completed",
        )

        # A crashed child is restarted: kill -9 the embedded Valkey, then the worker pool.
        for name in ("valkey", "workers"):
            victim = next(p for p in psutil.Process(first.process.pid).children()
                          if name in " ".join(p.cmdline()))
            victim.kill()
            wait_for(lambda: f"{name} exited with code -9; restarting" in first.output(), timeout=10,
                     what=f"{name} restarted")
            again = wait_for(lambda: _create_job(api, headers, f"after {name} restart"), timeout=30, what="API back")
            wait_for(lambda: api.get(f"/job/{again}", headers=headers).json()["job"]["status"] == "completed",
                     timeout=30, what=f"a job to complete after the {name} restart")
        assert first.process.poll() is None
    finally:
        if first.process.poll() is None:
            _stop_and_check_nothing_left(first)
    assert any((data / "redis").rglob("*.aof*"))  # the queue persisted to its append-only file

    second = Product(data, tmp_path / "second.log")
    try:
        second.wait_ready()
        assert second.redis_url() == first.redis_url()  # the printed URL stays valid across restarts
        api = httpx.Client(base_url=second.api, timeout=10)
        login = api.post("/login", json={"email": "admin@example.com", "password": "admin123"})
        assert login.status_code == 200, login.text
        jobs = api.get("/job", headers={"Authorization": f"Bearer {login.json()['jwt']}"}).json()["jobs"]
        assert (job_id, "completed") in [(j["id"], j["status"]) for j in jobs]
        assert len(jobs) == 3 and {j["status"] for j in jobs} == {"completed"}
    finally:
        if second.process.poll() is None:
            _stop_and_check_nothing_left(second)
