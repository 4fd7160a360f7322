"""Handlers for jobs: create, list, count, look up."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from queuecraft.backend.api.deps import CurrentUser, ResourcesDep, TraceIdDep
from queuecraft.backend.api.schemas import JobCreate, JobListQuery, job_json
from queuecraft.backend.logs import logger
from queuecraft.backend.services import jobs


def create_job(body: JobCreate, user: CurrentUser, res: ResourcesDep, trace_id: TraceIdDep) -> dict:
    job = jobs.submit_job(
        store=res.store, conn=res.redis, settings=res.settings, owner_id=user.id, name=body.name, trace_id=trace_id
    )
    logger.bind(event="submit", jobId=job.id, traceId=trace_id, userId=user.id).info("Job submitted")
    return {"success": True, "job": job_json(job)}


def list_jobs(user: CurrentUser, res: ResourcesDep, query: Annotated[JobListQuery, Query()]) -> dict:
    found = jobs.list_jobs(store=res.store, owner_id=user.id, status=query.status, limit=query.limit, offset=query.offset)
    return {"success": True, "jobs": [job_json(j) for j in found], "limit": query.limit, "offset": query.offset}


def job_stats(user: CurrentUser, res: ResourcesDep) -> dict:
    return {"success": True, "stats": jobs.job_stats(store=res.store, owner_id=user.id)}


def get_job(job_id: str, user: CurrentUser, res: ResourcesDep) -> dict:
    view = jobs.get_job(store=res.store, conn=res.redis, owner_id=user.id, job_id=job_id)
    return {"success": True, "job": job_json(view.job, queue_state=view.queue_state, with_attempts=True)}
