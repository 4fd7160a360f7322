"""Reflex entry point: the dashboard pages, with the REST API mounted on the same backend."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.backend.api import create_api
from queuecraft.backend.config import get_settings
from queuecraft.backend.logs import configure_logging
from queuecraft.pages import dashboard, dead_letters, job_detail, sign_in
from queuecraft.state.base import AuthState
from queuecraft.state.detail import JobDetailState
from queuecraft.state.dlq import DeadLetterState
from queuecraft.state.jobs import JobsState

configure_logging(service="queuecraft-api", level=get_settings().log_level)

app = rx.App(api_transformer=create_api())
app.add_page(dashboard.page, route=routes.DASHBOARD, title="QueueCraft · Jobs", on_load=JobsState.open)
app.add_page(dead_letters.page, route=routes.DEAD_LETTERS, title="QueueCraft · Dead letters", on_load=DeadLetterState.open)
app.add_page(job_detail.page, route=routes.JOB_DETAIL, title="QueueCraft · Job", on_load=JobDetailState.open)
app.add_page(sign_in.page, route=routes.SIGN_IN, title="QueueCraft · Sign in", on_load=AuthState.open_sign_in)
