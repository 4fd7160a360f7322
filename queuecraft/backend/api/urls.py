"""Every REST endpoint of QueueCraft, in one list."""

from __future__ import annotations

from fastapi import APIRouter

from queuecraft.backend.api import jobs, system, users

router = APIRouter()

router.add_api_route("/user/create", users.create_user, methods=["POST"], status_code=201, tags=["users"])
router.add_api_route("/login", users.login, methods=["POST"], tags=["users"])
router.add_api_route("/job/create", jobs.create_job, methods=["POST"], status_code=201, tags=["jobs"])
router.add_api_route("/job", jobs.list_jobs, methods=["GET"], tags=["jobs"])
router.add_api_route("/job/stats", jobs.job_stats, methods=["GET"], tags=["jobs"])
router.add_api_route("/job/{job_id}", jobs.get_job, methods=["GET"], tags=["jobs"])
router.add_api_route("/sync", system.sync, methods=["GET"], tags=["system"])
