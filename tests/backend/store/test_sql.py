"""The SQL store on a real SQLite file: migrations, aware timestamps, attempts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from queuecraft.backend.errors import UserAlreadyExists
from queuecraft.backend.status import JobStatus
from queuecraft.backend.store import open_store
from queuecraft.backend.store.migrate import upgrade


@pytest.fixture()
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'nested' / 'qc.db'}"
    upgrade(url)
    upgrade(url)  # a second run is a no-op, as on every `make run`
    opened = open_store(url)
    yield opened
    opened.close()


def _user(store, name="alice"):
    return store.create_user(username=name, email=f"{name}@example.com", password_hash="h")


def test_migrations_create_every_table_once(store):
    """upgrade() twice leaves one schema at the newest revision."""
    tables = set(sa.inspect(store.engine).get_table_names())
    assert {"users", "jobs", "job_attempts", "alembic_version"} <= tables


def test_timestamps_come_back_aware_utc_and_ordered(store):
    """SQLite drops offsets; the store restores UTC so comparisons and serialisation carry +00:00."""
    owner = _user(store)
    job = store.create_job(owner_id=owner.id, name="n", task="simulate", payload={}, max_attempts=4, trace_id="t")
    number = store.start_attempt(job.id, worker="w", at=datetime.now(UTC))
    store.finish_attempt(job.id, number=number, status=JobStatus.COMPLETED, at=datetime.now(UTC), result={"ok": 1})
    done = store.get_job(job.id, with_attempts=True)
    for value in (done.created_at, done.started_at, done.finished_at, done.attempt_history[0].started_at):
        assert value.tzinfo is not None and value.utcoffset() == timedelta(0)
    assert done.created_at <= done.started_at <= done.finished_at
    assert done.created_at.isoformat().endswith("+00:00")


def test_naive_datetimes_are_refused(store):
    """A naive datetime never reaches the database (it would mean different things per host TZ)."""
    owner = _user(store)
    job = store.create_job(owner_id=owner.id, name="n", task="simulate", payload={}, max_attempts=1, trace_id="t")
    with pytest.raises(sa.exc.StatementError):
        store.start_attempt(job.id, worker="w", at=datetime.now())


def test_attempts_are_numbered_and_statuses_counted(store):
    """Each run opens the next attempt; counts list every status, zeros included."""
    owner = _user(store)
    job = store.create_job(owner_id=owner.id, name="n", task="simulate", payload={}, max_attempts=4, trace_id="t")
    for expected in (1, 2):
        number = store.start_attempt(job.id, worker="w", at=datetime.now(UTC))
        assert number == expected
        store.finish_attempt(job.id, number=number, status=JobStatus.SCHEDULED, at=datetime.now(UTC), error="boom")
    found = store.get_job(job.id, with_attempts=True)
    assert found.attempts == 2 and found.status == JobStatus.SCHEDULED and found.last_error == "boom"
    assert [a.outcome for a in found.attempt_history] == ["failed", "failed"]
    counts = store.count_by_status(owner_id=owner.id)
    assert counts[JobStatus.SCHEDULED] == 1 and set(counts) == set(JobStatus)


def test_duplicate_user_raises_domain_error_and_keeps_the_first(store):
    """A second user with the same email (any case) is refused; the first is untouched."""
    first = _user(store)
    with pytest.raises(UserAlreadyExists):
        store.create_user(username="other", email="ALICE@example.com", password_hash="h2")
    assert store.find_user(login="alice@example.com") == first
