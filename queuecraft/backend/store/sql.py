"""The SQLModel store: SQLite (embedded default) and PostgreSQL behind the Store interface."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, func, select

from queuecraft.backend.errors import JobAlreadyFinished, JobNotFound, UserAlreadyExists
from queuecraft.backend.status import FINAL_STATUSES, JobStatus
from queuecraft.backend.store.models import (
    Attempt,
    AttemptRow,
    Job,
    JobRow,
    User,
    UserRow,
)

SQLITE_BUSY_TIMEOUT_MS = 15_000


def create_db_engine(url: str) -> sa.Engine:
    """An engine tuned for several processes sharing one database."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 15})

        @sa.event.listens_for(engine, "connect")
        def _sqlite_connect(dbapi_conn, _record) -> None:
            # Let SQLAlchemy's "begin" hook issue BEGIN itself (pysqlite would defer it).
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:
            # Take the write lock up front: API and workers write concurrently, and a deferred
            # transaction that upgrades to a writer fails at once instead of waiting.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        email=row.email,
        password_hash=row.password_hash,
        created_at=row.created_at,
    )


def _attempt(row: AttemptRow) -> Attempt:
    return Attempt(
        number=row.number,
        worker=row.worker,
        started_at=row.started_at,
        finished_at=row.finished_at,
        outcome=row.outcome,
        error=row.error,
    )


def _job(row: JobRow, attempts: Sequence[AttemptRow] = ()) -> Job:
    return Job(
        id=row.id,
        owner_id=row.owner_id,
        name=row.name,
        task=row.task,
        payload=dict(row.payload or {}),
        status=JobStatus(row.status),
        attempts=row.attempts,
        max_attempts=row.max_attempts,
        last_error=row.last_error,
        result=row.result,
        trace_id=row.trace_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
        attempt_history=tuple(_attempt(a) for a in attempts),
    )


class SqlStore:
    """Store implementation on SQLAlchemy/SQLModel; one instance per process."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    # users ---------------------------------------------------------------------------------
    def create_user(self, *, username: str, email: str, password_hash: str) -> User:
        # Usernames and emails are case-insensitive: "Alice" and "alice" are one account.
        row = UserRow(username=username.lower(), email=email.lower(), password_hash=password_hash)
        with self._session() as session:
            session.add(row)
            try:
                session.commit()
            except IntegrityError:
                raise UserAlreadyExists("a user with that username or email already exists") from None
            return _user(row)

    def find_user(self, *, login: str) -> User | None:
        with self._session() as session:
            stmt = select(UserRow).where(
                (col(UserRow.email) == login.lower()) | (col(UserRow.username) == login.lower())
            )
            row = session.exec(stmt).first()
            return _user(row) if row else None

    def get_user(self, user_id: str) -> User | None:
        with self._session() as session:
            row = session.get(UserRow, user_id)
            return _user(row) if row else None

    # jobs, API side --------------------------------------------------------------------------
    def create_job(
        self, *, owner_id: str, name: str, task: str, payload: dict, max_attempts: int, trace_id: str
    ) -> Job:
        row = JobRow(
            owner_id=owner_id,
            name=name,
            task=task,
            payload=payload,
            max_attempts=max_attempts,
            trace_id=trace_id,
        )
        with self._session() as session:
            session.add(row)
            session.commit()
            return _job(row)

    def delete_job(self, job_id: str) -> None:
        with self._session() as session:
            session.exec(sa.delete(AttemptRow).where(col(AttemptRow.job_id) == job_id))
            session.exec(sa.delete(JobRow).where(col(JobRow.id) == job_id))
            session.commit()

    def get_job(self, job_id: str, *, with_attempts: bool = False) -> Job | None:
        with self._session() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                return None
            attempts: Sequence[AttemptRow] = ()
            if with_attempts:
                attempts = session.exec(
                    select(AttemptRow).where(AttemptRow.job_id == job_id).order_by(col(AttemptRow.number))
                ).all()
            return _job(row, attempts)

    def list_jobs(
        self,
        *,
        owner_id: str | None,
        statuses: Sequence[JobStatus] | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[Job]:
        stmt = select(JobRow)
        if owner_id is not None:
            stmt = stmt.where(JobRow.owner_id == owner_id)
        if statuses:
            stmt = stmt.where(col(JobRow.status).in_([s.value for s in statuses]))
        stmt = stmt.order_by(col(JobRow.created_at).desc(), col(JobRow.id).desc()).offset(offset).limit(limit)
        with self._session() as session:
            return [_job(row) for row in session.exec(stmt).all()]

    def count_by_status(self, *, owner_id: str | None) -> dict[JobStatus, int]:
        stmt = select(JobRow.status, func.count()).group_by(JobRow.status)
        if owner_id is not None:
            stmt = stmt.where(JobRow.owner_id == owner_id)
        counts = {status: 0 for status in JobStatus}
        with self._session() as session:
            for status, count in session.exec(stmt).all():
                counts[JobStatus(status)] = count
        return counts

    # jobs, worker side -----------------------------------------------------------------------
    def start_attempt(self, job_id: str, *, worker: str, at: datetime) -> int:
        with self._session() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                raise JobNotFound(f"job {job_id} has no record")
            if JobStatus(row.status) in FINAL_STATUSES:
                raise JobAlreadyFinished(f"job {job_id} is already {row.status}")
            row.attempts += 1
            row.status = JobStatus.RUNNING.value
            row.started_at = row.started_at or at
            row.updated_at = at
            session.add(AttemptRow(job_id=job_id, number=row.attempts, worker=worker, started_at=at))
            session.add(row)
            session.commit()
            return row.attempts

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
        with self._session() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                raise JobNotFound(f"job {job_id} has no record")
            attempt = session.exec(
                select(AttemptRow).where(AttemptRow.job_id == job_id, AttemptRow.number == number)
            ).first()
            if attempt is not None:
                attempt.finished_at = at
                attempt.outcome = "failed" if error is not None else "succeeded"
                attempt.error = error
                session.add(attempt)
            row.status = status.value
            row.updated_at = at
            if error is not None:
                row.last_error = error
            if result is not None:
                row.result = result
            if status in FINAL_STATUSES:
                row.finished_at = at
            session.add(row)
            session.commit()

    def close(self) -> None:
        self.engine.dispose()


def open_store(database_url: str) -> SqlStore:
    """A store on `database_url`; the schema must already be migrated (see store.migrate)."""
    return SqlStore(create_db_engine(database_url))


__all__ = ["SqlStore", "create_db_engine", "open_store"]
