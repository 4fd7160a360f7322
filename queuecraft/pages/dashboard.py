"""The jobs dashboard: counts, a submit form, a status filter and the live jobs table."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.components.job_table import job_table
from queuecraft.components.layout import layout
from queuecraft.state.jobs import FILTERS, JobsState

SUMMARY = ["total", "pending", "scheduled", "running", "completed", "dlq"]


def _summary_card(key: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(key.capitalize() if key != "dlq" else "DLQ", size="1", color_scheme="gray"),
            rx.heading(JobsState.stats[key].to_string(), size="6", custom_attrs={"data-stat": key}),
            spacing="1",
        ),
        min_width="8em",
    )


def _submit_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.input(name="name", placeholder="Job name (contains “fail” to see retries and the DLQ)", width="28em"),
            rx.button("Submit job", type="submit"),
        ),
        on_submit=JobsState.submit,
        reset_on_submit=True,
    )


def page() -> rx.Component:
    return layout(
        "Jobs",
        routes.DASHBOARD,
        rx.hstack(*[_summary_card(key) for key in SUMMARY], spacing="3", wrap="wrap"),
        rx.hstack(
            _submit_form(),
            rx.spacer(),
            rx.hstack(
                rx.text("Status", size="2", color_scheme="gray"),
                rx.select(FILTERS, value=JobsState.status_filter, on_change=JobsState.set_filter),
                align="center",
            ),
            width="100%",
            wrap="wrap",
        ),
        rx.cond(
            JobsState.notice != "",
            rx.text(JobsState.notice, size="2", color_scheme=rx.cond(JobsState.notice_is_error, "red", "green")),
        ),
        job_table(JobsState.rows),
        rx.cond(
            JobsState.rows.length() == 0,
            rx.text("No jobs to show yet. Submit one above, or POST /job/create.", color_scheme="gray"),
        ),
    )
