"""The store interface every database backend implements; services depend only on this."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from queuecraft.backend.status import JobStatus
from queuecraft.backend.store.models import Job, User


class Store(Protocol):
    """System of record for users and jobs. Methods are synchronous and thread-safe."""

    # users
    def create_user(self, *, username: str, email: str, password_hash: str) -> User:
        """Insert a user; raise UserAlreadyExists if the username or email is taken."""

    def find_user(self, *, login: str) -> User | None:
        """The user whose email or username equals `login` (emails compared case-insensitively)."""

    def get_user(self, user_id: str) -> User | None: ...

    # jobs, API side
    def create_job(
        self, *, owner_id: str, name: str, task: str, payload: dict, max_attempts: int, trace_id: str
    ) -> Job: ...

    def delete_job(self, job_id: str) -> None:
        """Remove a job that never reached the queue."""

    def get_job(self, job_id: str, *, with_attempts: bool = False) -> Job | None: ...

    def list_jobs(
        self,
        *,
        owner_id: str | None,
        statuses: Sequence[JobStatus] | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Job]:
        """Newest first; owner_id None means every owner."""

    def count_by_status(self, *, owner_id: str | None) -> dict[JobStatus, int]: ...

    # jobs, worker side
    def start_attempt(self, job_id: str, *, worker: str, at: datetime) -> int:
        """Mark the job running and open a new attempt; return its number (1-based).

        Raise JobNotFound without a record, JobAlreadyFinished when the record is final."""

    def finish_attempt(
        self,
        job_id: str,
        *,
        number: int,
        status: JobStatus,
        at: datetime,
        error: str | None = None,
        result: dict | None = None,
    ) -> None:
        """Close attempt `number` and set the job's status (completed, scheduled, dlq, ...)."""

    def close(self) -> None: ...
