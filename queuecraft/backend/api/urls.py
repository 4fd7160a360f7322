"""Every REST endpoint of QueueCraft, in one list."""

from __future__ import annotations

from fastapi import APIRouter

from queuecraft.backend.api import jobs, system, users
from queuecraft.backend.api.schemas import ErrorBody

ERRORS = {
    400: "malformed JSON",
    401: "missing, invalid or expired token; wrong credentials",
    404: "unknown route or job",
    409: "username or email taken",
    422: "invalid fields (see `details`)",
    503: "Redis or the database is unavailable",
}
router = APIRouter(responses={code: {"model": ErrorBody, "description": text} for code, text in ERRORS.items()})

router.add_api_route("/user/create", users.create_user, methods=["POST"], status_code=201, tags=["users"])
router.add_api_route("/login", users.login, methods=["POST"], tags=["users"])
router.add_api_route("/job/create", jobs.create_job, methods=["POST"], status_code=201, tags=["jobs"])
router.add_api_route("/job", jobs.list_jobs, methods=["GET"], tags=["jobs"])
router.add_api_route("/job/stats", jobs.job_stats, methods=["GET"], tags=["jobs"])
router.add_api_route("/job/{job_id}", jobs.get_job, methods=["GET"], tags=["jobs"])
router.add_api_route("/sync", system.sync, methods=["GET"], tags=["system"])
