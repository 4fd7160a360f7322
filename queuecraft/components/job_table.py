"""Tables of job rows (as shaped by state.rows)."""

from __future__ import annotations

import reflex as rx

from queuecraft.components.status_badge import status_badge


def _row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["name"]),
        rx.table.cell(status_badge(row["status"])),
        rx.table.cell(row["attempts"]),
        rx.table.cell(row["created"]),
        rx.table.cell(row["updated"]),
        rx.table.cell(rx.text(row["error"], size="1", color_scheme="red", trim="both")),
        custom_attrs={"data-job-id": row["id"]},
    )


def _dlq_row(row: rx.Var[dict[str, str]]) -> rx.Component:
    return rx.table.row(
        rx.table.cell(row["name"]),
        rx.table.cell(row["attempts"]),
        rx.table.cell(row["finished"]),
        rx.table.cell(rx.code(row["error"], size="1")),
        custom_attrs={"data-job-id": row["id"]},
    )


def _table(headers: list[str], rows: rx.Var, render) -> rx.Component:
    return rx.table.root(
        rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in headers])),
        rx.table.body(rx.foreach(rows, render)),
        width="100%",
        variant="surface",
    )


def job_table(rows: rx.Var) -> rx.Component:
    return _table(["Name", "Status", "Attempts", "Created", "Updated", "Last error"], rows, _row)


def dead_letter_table(rows: rx.Var) -> rx.Component:
    return _table(["Name", "Attempts", "Moved to DLQ", "Last error"], rows, _dlq_row)
