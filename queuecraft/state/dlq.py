"""State of the dead-letter page: the user's jobs that used up every attempt."""

from __future__ import annotations

from typing import Any

from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs
from queuecraft.backend.status import JobStatus
from queuecraft.state.base import AuthState
from queuecraft.state.live import LiveMixin
from queuecraft.state.rows import job_row

PAGE_SIZE = 50


class DeadLetterState(LiveMixin, AuthState):
    rows: list[dict[str, str]] = []
    total: int = 0

    def _query_args(self) -> tuple:
        return (self._user_id,)

    @staticmethod
    def _fetch(owner_id: str) -> dict[str, Any]:
        store = get_resources().store
        found = jobs.list_jobs(store=store, owner_id=owner_id, status=JobStatus.DLQ, limit=PAGE_SIZE)
        total = jobs.job_stats(store=store, owner_id=owner_id)[JobStatus.DLQ.value]
        return {"rows": [job_row(j) for j in found], "total": total}
