"""SQLModel tables and the plain records the store hands to services."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from queuecraft.backend.status import JobStatus


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return uuid.uuid4().hex


class UTCDateTime(sa.types.TypeDecorator):
    """Aware UTC datetimes on every database: SQLite forgets offsets, so we restore them."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _ts(**kwargs: Any) -> Any:
    return Field(sa_type=UTCDateTime, **kwargs)


class UserRow(SQLModel, table=True):
    __tablename__ = "users"

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    username: str = Field(index=True, unique=True, max_length=50)
    email: str = Field(index=True, unique=True, max_length=254)
    password_hash: str = Field(max_length=255)
    created_at: datetime = _ts(default_factory=utcnow)


class JobRow(SQLModel, table=True):
    __tablename__ = "jobs"
    __table_args__ = (sa.Index("ix_jobs_owner_status_created", "owner_id", "status", "created_at"),)

    id: str = Field(default_factory=new_id, primary_key=True, max_length=32)
    owner_id: str = Field(foreign_key="users.id", index=True, max_length=32)
    name: str = Field(max_length=200)
    task: str = Field(max_length=100)
    payload: dict = Field(default_factory=dict, sa_type=sa.JSON)
    status: str = Field(default=JobStatus.PENDING.value, index=True, max_length=16)
    attempts: int = Field(default=0)
    max_attempts: int = Field(default=1)
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    result: dict | None = Field(default=None, sa_type=sa.JSON)
    trace_id: str = Field(default="", max_length=128)
    created_at: datetime = _ts(default_factory=utcnow, index=True)
    updated_at: datetime = _ts(default_factory=utcnow)
    started_at: datetime | None = _ts(default=None)
    finished_at: datetime | None = _ts(default=None)


class AttemptRow(SQLModel, table=True):
    __tablename__ = "job_attempts"
    __table_args__ = (sa.UniqueConstraint("job_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    job_id: str = Field(foreign_key="jobs.id", index=True, max_length=32)
    number: int
    worker: str = Field(default="", max_length=100)
    started_at: datetime = _ts(default_factory=utcnow)
    finished_at: datetime | None = _ts(default=None)
    outcome: str = Field(default="running", max_length=16)
    error: str | None = Field(default=None, sa_type=sa.Text)


@dataclass(frozen=True)
class User:
    id: str
    username: str
    email: str
    password_hash: str
    created_at: datetime


@dataclass(frozen=True)
class Attempt:
    number: int
    worker: str
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    error: str | None


@dataclass(frozen=True)
class Job:
    id: str
    owner_id: str
    name: str
    task: str
    payload: dict
    status: JobStatus
    attempts: int
    max_attempts: int
    last_error: str | None
    result: dict | None
    trace_id: str
    created_at: datetime
    updated_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    attempt_history: tuple[Attempt, ...] = field(default=())

