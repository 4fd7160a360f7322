"""The main job end to end through HTTP, with the real worker pool and real Redis."""

from __future__ import annotations

from datetime import datetime

import pytest
from rq.job import Job as RQJob
from rq.registry import FailedJobRegistry

from queuecraft.backend.config import get_settings
from tests.support import wait_for

pytestmark = pytest.mark.usefixtures("workers")


def _job(client, user, job_id: str) -> dict:
    answer = client.get(f"/job/{job_id}", headers=user["headers"])
    assert answer.status_code == 200, answer.text
    return answer.json()["job"]


def _submit(client, user, name: str) -> dict:
    answer = client.post("/job/create", json={"name": name}, headers=user["headers"])
    assert answer.status_code == 201, answer.text
    assert answer.json()["success"] is True
    return answer.json()["job"]


def test_job_runs_pending_running_completed(client, user):
    """A created job is pending, a worker runs it, it ends completed and is listed and counted."""
    job = _submit(client, user, "nightly report")
    assert job["status"] == "pending" and job["name"] == "nightly report"
    seen = set()

    def completed():
        current = _job(client, user, job["id"])
        seen.add(current["status"])
        return current if current["status"] == "completed" else None

    done = wait_for(completed, timeout=30, interval=0.05, what="job completed")
    assert "running" in seen  # the 0.3 s simulated run is visible while it lasts
    assert done["attempts"] == 1 and done["result"]["message"] == "nightly report processed"
    assert done["attemptHistory"][0]["outcome"] == "succeeded"
    # the record is written just before RQ marks the job finished: they agree moments later
    wait_for(lambda: _job(client, user, job["id"])["queueState"] == "completed", timeout=5, what="RQ to agree")
    listed = client.get("/job", headers=user["headers"]).json()["jobs"]
    assert [j["id"] for j in listed] == [job["id"]]
    completed_only = client.get("/job?status=completed", headers=user["headers"]).json()["jobs"]
    assert [j["id"] for j in completed_only] == [job["id"]]
    assert client.get("/job?status=pending", headers=user["headers"]).json()["jobs"] == []
    stats = client.get("/job/stats", headers=user["headers"]).json()["stats"]
    assert stats["completed"] == 1 and stats["total"] == 1 and stats["dlq"] == 0


def test_failing_job_runs_four_times_with_growing_gaps_then_dlq(client, user):
    """A job named *fail* runs 1 + 3 retries with exponential backoff and ends in the DLQ."""
    job = _submit(client, user, "this one will FAIL")
    done = wait_for(
        lambda: (j := _job(client, user, job["id"]))["status"] == "dlq" and j,
        timeout=60,
        what="job in the DLQ",
    )
    history = done["attemptHistory"]
    assert [a["number"] for a in history] == [1, 2, 3, 4]
    assert all(a["outcome"] == "failed" and "contains 'fail'" in a["error"] for a in history)
    assert done["attempts"] == 4 and done["lastError"] == history[-1]["error"]
    starts = [datetime.fromisoformat(a["startedAt"]) for a in history]
    ends = [datetime.fromisoformat(a["finishedAt"]) for a in history]
    gaps = [(starts[i + 1] - ends[i]).total_seconds() for i in range(3)]
    # configured 1, 2, 4 s; RQ's scheduler polls once a second, so each gap may be up to ~1 s off
    for gap, interval in zip(gaps, (1, 2, 4)):
        assert interval - 1.2 <= gap <= interval + 1.5, gaps
    assert gaps[2] > gaps[0] + 1.5, gaps  # the backoff grows
    # the record is written just before RQ moves the job to its FailedJobRegistry
    registry = FailedJobRegistry(get_settings().queue_name, connection=_redis())
    wait_for(lambda: job["id"] in registry.get_job_ids(cleanup=False), timeout=5, what="RQ's DLQ to hold it")
    assert _job(client, user, job["id"])["queueState"] == "dlq"
    dlq = client.get("/job?status=dlq", headers=user["headers"]).json()["jobs"]
    assert [j["id"] for j in dlq] == [job["id"]]
    assert client.get("/job/stats", headers=user["headers"]).json()["stats"]["dlq"] == 1


def test_users_see_only_their_own_jobs(client, user, new_user):
    """Another user's job is neither listed nor readable (404), and counts stay per user."""
    other = new_user()
    mine = _submit(client, user, "mine")
    assert client.get(f"/job/{mine['id']}", headers=other["headers"]).status_code == 404
    assert client.get("/job", headers=other["headers"]).json()["jobs"] == []
    assert client.get("/job/stats", headers=other["headers"]).json()["stats"]["total"] == 0


def test_record_and_rq_agree_on_the_job_id(client, user):
    """The RQ job carries the record's id, our entry point, the retry policy and the trace id."""
    job = _submit(client, user, "agreement")
    rq_job = RQJob.fetch(job["id"], connection=_redis())
    assert rq_job.func_name == "workers.runner.run_job"
    assert rq_job.args == (job["id"],)
    assert rq_job.retries_left == 3
    assert rq_job.meta["trace_id"] == job["traceId"]


def _redis():
    from queuecraft.backend.resources import get_resources

    return get_resources().redis
