"""One settings object for every QueueCraft process, read from the environment once."""

from __future__ import annotations

import functools
import secrets
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
UNSAFE_SECRETS = {"", "changeme", "secret", "your-secure-secret-key", "dev"}
MIN_SECRET_LENGTH = 32


class ConfigError(ValueError):
    """A setting is missing or wrong; the message names the variable."""


class Settings(BaseSettings):
    """Settings from the environment (prefix-free names, as in the reference system)."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False, populate_by_name=True)

    queuecraft_env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Field(default=PROJECT_ROOT / "data", alias="QUEUECRAFT_DATA_DIR")

    # Connections. Empty means "embedded": the launcher starts Valkey / uses SQLite in data_dir.
    redis_url: str = ""
    database_url: str = ""

    # Auth
    secret_key: str = ""
    jwt_expiry_minutes: int = Field(default=24 * 60, ge=1, alias="QUEUECRAFT_JWT_EXPIRY_MINUTES")
    jwt_leeway_seconds: int = Field(default=5, ge=0, le=300, alias="QUEUECRAFT_JWT_LEEWAY_SECONDS")

    # Queue and workers
    queue_name: str = Field(default="queuecraft", alias="QUEUECRAFT_QUEUE")
    event_channel: str = Field(default="queuecraft:events", alias="QUEUECRAFT_EVENT_CHANNEL")
    workers: int = Field(default=5, ge=1, le=64, alias="QUEUECRAFT_WORKERS")
    max_retries: int = Field(default=3, ge=0, le=25, alias="QUEUECRAFT_MAX_RETRIES")
    retry_intervals: Annotated[list[int], NoDecode] = Field(
        default=[10, 20, 40], alias="QUEUECRAFT_RETRY_INTERVALS"
    )
    job_timeout_seconds: int = Field(default=600, ge=1, alias="QUEUECRAFT_JOB_TIMEOUT")
    shutdown_grace_seconds: float = Field(default=15.0, ge=0, alias="QUEUECRAFT_SHUTDOWN_GRACE")

    # The reference system's simulated job
    simulated_job_seconds: float = Field(default=10.0, ge=0, alias="QUEUECRAFT_SIMULATED_JOB_SECONDS")
    demo_fail_every_third: bool = Field(default=False, alias="QUEUECRAFT_DEMO_FAIL_EVERY_THIRD")

    # Ports (reference system: API 2000, dashboard 3000)
    api_port: int = Field(default=2000, alias="QUEUECRAFT_API_PORT")
    ui_port: int = Field(default=3000, alias="QUEUECRAFT_UI_PORT")
    api_public_url: str = Field(default="", alias="QUEUECRAFT_API_URL")

    log_level: str = Field(default="INFO", alias="QUEUECRAFT_LOG_LEVEL")

    @field_validator("retry_intervals", mode="before")
    @classmethod
    def _parse_intervals(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                return [int(part) for part in value.split(",") if part.strip()]
            except ValueError:
                raise ValueError("QUEUECRAFT_RETRY_INTERVALS must be comma-separated whole seconds, e.g. 10,20,40") from None
        return value

    @field_validator("retry_intervals")
    @classmethod
    def _check_intervals(cls, value: list[int]) -> list[int]:
        if not value or any(v < 0 for v in value):
            raise ValueError("QUEUECRAFT_RETRY_INTERVALS needs at least one non-negative number of seconds")
        return value

    @model_validator(mode="after")
    def _secret_rules(self) -> Settings:
        if self.queuecraft_env == "production":
            if self.secret_key in UNSAFE_SECRETS or len(self.secret_key) < MIN_SECRET_LENGTH:
                raise ValueError(
                    f"SECRET_KEY must be set to a random string of at least {MIN_SECRET_LENGTH} "
                    "characters when QUEUECRAFT_ENV=production"
                )
        return self

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "queuecraft.db"

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.sqlite_path}"

    @property
    def effective_api_url(self) -> str:
        return self.api_public_url or f"http://localhost:{self.api_port}"

    def required_redis_url(self) -> str:
        if not self.redis_url:
            raise ConfigError("REDIS_URL is not set: start QueueCraft with `make run`, or set REDIS_URL")
        return self.redis_url

    def jwt_secret(self) -> str:
        """The signing secret: SECRET_KEY, or in development a random one kept in data_dir."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / "dev_secret_key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(48))
            path.chmod(0o600)
        return path.read_text().strip()


def load_settings() -> Settings:
    """Read and validate the environment; raise ConfigError naming what is wrong."""
    try:
        return Settings()
    except ValueError as exc:
        raise ConfigError(f"invalid configuration: {exc}") from None


@functools.cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
