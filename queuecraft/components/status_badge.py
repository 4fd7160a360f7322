"""A coloured badge for a job status."""

from __future__ import annotations

import reflex as rx

from queuecraft.backend.status import JobStatus

COLORS: dict[JobStatus, str] = {
    JobStatus.PENDING: "gray",
    JobStatus.SCHEDULED: "amber",
    JobStatus.RUNNING: "blue",
    JobStatus.COMPLETED: "green",
    JobStatus.FAILED: "red",
    JobStatus.DLQ: "crimson",
    JobStatus.CANCELLED: "bronze",
}


def status_badge(status: rx.Var[str]) -> rx.Component:
    color = rx.match(status, *[(s.value, c) for s, c in COLORS.items()], "gray")
    return rx.badge(status, color_scheme=color, variant="soft", custom_attrs={"data-status": status})
