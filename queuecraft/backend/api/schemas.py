"""Request bodies and the JSON shapes of answers (camelCase, as in the reference system)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from queuecraft.backend.errors import ValidationFailed
from queuecraft.backend.services.auth import normalize_password
from queuecraft.backend.services.jobs import clean_job_name
from queuecraft.backend.status import JobStatus
from queuecraft.backend.store.models import Attempt, Job, User

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_PASSWORD_BYTES = 256

Username = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")]


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    """Every error answer (documented in OpenAPI for each status)."""

    success: bool = False
    error: str
    traceId: str
    details: list[ErrorDetail] | None = None


class Body(BaseModel):
    """A JSON request body: unknown fields refused, every string valid text without NUL."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _clean_text(cls, value: object) -> object:
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValueError("must be valid Unicode text (no lone surrogates)") from None
            if "\x00" in value:
                raise ValueError("must not contain NUL characters")
        return value


class UserCreate(Body):
    username: Username
    email: Annotated[str, StringConstraints(strip_whitespace=True, max_length=254)]
    password: str

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if not EMAIL_RE.match(value):
            raise ValueError("must be an email address like name@example.com")
        return value.lower()

    @field_validator("password")
    @classmethod
    def _password(cls, value: str) -> str:
        normalized = normalize_password(value)  # the rule applies to what is hashed
        if len(normalized) < 8:
            raise ValueError("must be at least 8 characters")
        if len(normalized.encode("utf-8")) > MAX_PASSWORD_BYTES:
            raise ValueError(f"must be at most {MAX_PASSWORD_BYTES} bytes in UTF-8")
        return value


class LoginRequest(Body):
    email: str | None = None
    username: str | None = None
    password: Annotated[str, StringConstraints(max_length=1024)]

    @model_validator(mode="after")
    def _one_login(self) -> LoginRequest:
        if not (self.email or self.username):
            raise ValueError("give email or username")
        return self

    @property
    def login(self) -> str:
        return (self.email or self.username or "").strip()


class JobCreate(Body):
    name: str

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        try:
            return clean_job_name(value)  # the service's rule, so the dashboard applies the same
        except ValidationFailed as exc:
            raise ValueError(exc.message) from None


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def user_json(user: User) -> dict[str, Any]:
    return {"id": user.id, "username": user.username, "email": user.email, "createdAt": _iso(user.created_at)}


def attempt_json(attempt: Attempt) -> dict[str, Any]:
    return {
        "number": attempt.number,
        "worker": attempt.worker,
        "outcome": attempt.outcome,
        "error": attempt.error,
        "startedAt": _iso(attempt.started_at),
        "finishedAt": _iso(attempt.finished_at),
    }


def job_json(job: Job, *, queue_state: JobStatus | None = None, with_attempts: bool = False) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": job.id,
        "_id": job.id,  # the reference system's clients read MongoDB-style ids
        "name": job.name,
        "task": job.task,
        "status": job.status.value,
        "ownerId": job.owner_id,
        "attempts": job.attempts,
        "maxAttempts": job.max_attempts,
        "retryCount": max(job.attempts - 1, 0),
        "lastError": job.last_error,
        "result": job.result,
        "traceId": job.trace_id,
        "createdAt": _iso(job.created_at),
        "updatedAt": _iso(job.updated_at),
        "startedAt": _iso(job.started_at),
        "finishedAt": _iso(job.finished_at),
    }
    if with_attempts:
        body["attemptHistory"] = [attempt_json(a) for a in job.attempt_history]
        body["queueState"] = queue_state.value if queue_state else None
    return body


class JobListQuery(BaseModel):
    status: JobStatus | None = None
    limit: int = Field(default=50, ge=1, le=200)
    offset: int = Field(default=0, ge=0, le=1_000_000_000)
