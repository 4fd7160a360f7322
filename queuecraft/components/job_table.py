"""Tables of job rows (as shaped by state.rows); a job's name links to its page."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.components.status_badge import status_badge


def error_text(error: rx.Var[str]) -> rx.Component:
    return rx.text(error, size="1", color_scheme="red", font_family="monospace")


def _name(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.link(row["name"], href=routes.JOB_DETAIL_PREFIX + row["id"], weight="medium")


def _row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(_name(row)),
        rx.table.cell(status_badge(row["status"])),
        rx.table.cell(row["attempts"]),
        rx.table.cell(row["created"], white_space="nowrap"),
        rx.table.cell(row["updated"], white_space="nowrap"),
        rx.table.cell(error_text(row["error"])),
        custom_attrs={"data-job-id": row["id"]},
        align="center",
    )


def _dlq_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(_name(row)),
        rx.table.cell(row["attempts"]),
        rx.table.cell(row["finished"], white_space="nowrap"),
        rx.table.cell(error_text(row["error"])),
        custom_attrs={"data-job-id": row["id"]},
        align="center",
    )


def table(headers: list[str], rows: rx.Var, render) -> rx.Component:
    return rx.box(
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
            rx.table.body(rx.foreach(rows, render)),
            width="100%",
            variant="surface",
        ),
        width="100%",
        overflow_x="auto",
    )


def job_table(rows: rx.Var) -> rx.Component:
    return table(["Name", "Status", "Runs", "Created", "Updated", "Last error"], rows, _row)


def dead_letter_table(rows: rx.Var) -> rx.Component:
    return table(["Name", "Runs", "Moved to DLQ", "Last error"], rows, _dlq_row)
