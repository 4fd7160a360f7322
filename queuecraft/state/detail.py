"""State of the job page: one job of the signed-in user with every attempt."""

from __future__ import annotations

from typing import Any

from queuecraft.backend.errors import JobNotFound
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs
from queuecraft.state.base import AuthState
from queuecraft.state.live import LiveMixin
from queuecraft.state.rows import attempt_row, job_row


class JobDetailState(LiveMixin, AuthState):
    job: dict[str, str] = {}
    attempts: list[dict[str, str]] = []
    missing: bool = False

    def _query_args(self) -> tuple:
        return self._user_id, self.job_id  # job_id: the page's dynamic route argument

    @staticmethod
    def _fetch(owner_id: str, job_id: str) -> dict[str, Any]:
        res = get_resources()
        try:
            view = jobs.get_job(store=res.store, conn=res.redis, owner_id=owner_id, job_id=job_id)
        except JobNotFound:
            return {"job": {}, "attempts": [], "missing": True}
        return {
            "job": job_row(view.job) | {"queue_state": view.queue_state.value if view.queue_state else "gone"},
            "attempts": [attempt_row(a) for a in view.job.attempt_history],
            "missing": False,
        }
