"""State of the jobs dashboard: the newest jobs, counts per status, submitting a job."""

from __future__ import annotations

import uuid
from typing import Any

import reflex as rx

from queuecraft.backend.errors import QueueCraftError
from queuecraft.backend.resources import get_resources
from queuecraft.backend.services import jobs
from queuecraft.backend.status import JobStatus
from queuecraft.state.base import AuthState
from queuecraft.state.blocking import call
from queuecraft.state.live import LiveMixin
from queuecraft.state.rows import job_row

PAGE_SIZE = 50
ALL = "all"
FILTERS = [ALL, *(s.value for s in JobStatus)]


class JobsState(LiveMixin, AuthState):
    rows: list[dict[str, str]] = []
    stats: dict[str, int] = {}
    status_filter: str = ALL
    notice: str = ""
    notice_is_error: bool = False

    def _query_args(self) -> tuple:
        return self._user_id, self.status_filter

    @staticmethod
    def _fetch(owner_id: str, status_filter: str) -> dict[str, Any]:
        store = get_resources().store
        status = None if status_filter == ALL else JobStatus(status_filter)
        found = jobs.list_jobs(store=store, owner_id=owner_id, status=status, limit=PAGE_SIZE)
        return {"rows": [job_row(j) for j in found], "stats": jobs.job_stats(store=store, owner_id=owner_id)}

    @rx.event
    async def set_filter(self, value: str):
        self.status_filter = value if value in FILTERS else ALL
        await self._refresh_locked()

    @rx.event
    async def submit(self, form: dict):
        res = get_resources()
        try:
            job = await call(
                jobs.submit_job,
                store=res.store,
                conn=res.redis,
                settings=res.settings,
                owner_id=self._user_id,
                name=str(form.get("name", "")),
                trace_id=str(uuid.uuid4()),
            )
        except QueueCraftError as exc:
            self.notice, self.notice_is_error = exc.message, True
            return
        self.notice, self.notice_is_error = f"Submitted “{job.name}”.", False
        await self._refresh_locked()
