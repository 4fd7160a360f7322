"""`python -m queuecraft.launcher` (what `make run` calls): the whole product in one command."""

from __future__ import annotations

import os
import signal
import sys
import time
import urllib.request

from queuecraft.backend.config import PROJECT_ROOT, ConfigError, load_settings
from queuecraft.backend.store.migrate import upgrade
from queuecraft.launcher import commands
from queuecraft.launcher.supervisor import Supervisor, wait_until

READY_TIMEOUT_SECONDS = 600


class Stop(Exception):
    """Raised by the signal handler to leave the main loop."""


def _on_signal(signum, _frame) -> None:
    raise Stop(signal.Signals(signum).name)


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return answer.status < 500
    except OSError:
        return False


def _banner(settings, redis_url: str) -> str:
    api = f"http://localhost:{settings.api_port}"
    return "\n".join([
        "",
        "QueueCraft is starting",
        f"  dashboard   http://localhost:{settings.ui_port}",
        f"  REST API    {api}   (docs: {api}/docs)",
        f"  Redis       {redis_url}   (try: {commands.rq_cli()} info --url {redis_url})",
        f"  database    {settings.effective_database_url}",
        f"  workers     {settings.workers}",
        "  first user  curl -X POST " + api + "/user/create -H 'Content-Type: application/json' \\",
        "                -d '{\"username\":\"admin\",\"email\":\"admin@example.com\",\"password\":\"change-me-please\"}'",
        "  stop        Ctrl-C",
        "",
    ])


def run(sup: Supervisor) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(f"queuecraft: {exc}", file=sys.stderr)
        return 2
    for port in (settings.api_port, settings.ui_port):
        if commands.port_in_use(port):
            print(f"queuecraft: port {port} is already in use; stop what holds it or set "
                  "QUEUECRAFT_API_PORT / QUEUECRAFT_UI_PORT", file=sys.stderr)
            return 2
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    cwd = str(PROJECT_ROOT)

    redis_url = settings.redis_url
    if not redis_url:
        port = commands.embedded_redis_port(settings.data_dir)
        redis_url = f"redis://127.0.0.1:{port}/0"
        sup.start("valkey", commands.valkey_argv(port, settings.data_dir), env=env, cwd=cwd, stop_timeout=10)
        if not wait_until(lambda: commands.redis_ready(redis_url), timeout=15, interval=0.1):
            print("queuecraft: the embedded Valkey server did not start", file=sys.stderr)
            return 1
    env["REDIS_URL"] = redis_url

    upgrade(settings.effective_database_url)
    env.update(commands.reflex_env(settings))
    sup.start("workers", commands.workers_argv(), env=env, cwd=cwd,
              stop_timeout=settings.shutdown_grace_seconds + 5)
    sup.start("reflex", commands.reflex_argv(settings), env=env, cwd=cwd,
              stop_signal=signal.SIGINT, stop_timeout=10)
    print(_banner(settings, redis_url), flush=True)

    api_ready = f"http://127.0.0.1:{settings.api_port}/sync"
    ui_ready = f"http://127.0.0.1:{settings.ui_port}/"
    announced = False
    started = time.monotonic()
    while True:
        failing = sup.restart_crashed()
        if failing is not None:
            print(f"queuecraft: {failing.name} keeps exiting (code {failing.process.returncode}); stopping",
                  file=sys.stderr, flush=True)
            return 1
        if not announced and _http_ok(api_ready) and _http_ok(ui_ready):
            announced = True
            print(f"queuecraft: ready after {time.monotonic() - started:.0f}s — "
                  f"open http://localhost:{settings.ui_port}", flush=True)
        time.sleep(0.5)


def main() -> int:
    signal.signal(signal.SIGINT, _on_signal)
    signal.signal(signal.SIGTERM, _on_signal)
    sup = Supervisor()
    try:
        return run(sup)
    except Stop as stop:
        print(f"\nqueuecraft: {stop}; stopping every process", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        sup.stop_all()
        print("queuecraft: stopped", flush=True)


if __name__ == "__main__":
    sys.exit(main())
