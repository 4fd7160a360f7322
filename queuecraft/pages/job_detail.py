"""A job's page: its record, what the queue says, and every attempt with its error."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.components.job_table import error_text, table
from queuecraft.components.layout import layout
from queuecraft.components.status_badge import status_badge
from queuecraft.state.detail import JobDetailState

FIELDS = [("Task", "task"), ("Runs / max", "attempts"), ("Created", "created"), ("Updated", "updated"),
          ("Finished", "finished"), ("Queue (RQ) says", "queue_state"), ("Trace id", "trace_id"), ("Id", "id")]


def _attempt(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["number"]),
        rx.table.cell(status_badge(rx.cond(row["outcome"] == "succeeded", "completed", row["outcome"]))),
        rx.table.cell(row["started"], white_space="nowrap"),
        rx.table.cell(row["duration"]),
        rx.table.cell(rx.code(row["worker"], size="1")),
        rx.table.cell(error_text(row["error"])),
        custom_attrs={"data-attempt": row["number"]},
        align="center",
    )


def _summary() -> rx.Component:
    job = JobDetailState.job
    return rx.vstack(
        rx.hstack(rx.heading(job["name"], size="5"), status_badge(job["status"]), align="center"),
        rx.data_list.root(
            *[rx.data_list.item(rx.data_list.label(label), rx.data_list.value(job[key])) for label, key in FIELDS],
        ),
        rx.cond(job["error"] != "", rx.callout(job["error"], color_scheme="red", icon="triangle_alert")),
        rx.heading("Attempts", size="4"),
        table(["#", "Outcome", "Started", "Took", "Worker", "Error"], JobDetailState.attempts, _attempt),
        rx.cond(JobDetailState.attempts.length() == 0, rx.text("Not run yet.", color_scheme="gray")),
        spacing="3",
        width="100%",
    )


def page() -> rx.Component:
    return layout(
        "Job",
        "",
        rx.cond(
            JobDetailState.missing,
            rx.text("No such job among yours. ", rx.link("Back to the jobs", href=routes.DASHBOARD)),
            _summary(),
        ),
    )
