"""The dead-letter page: jobs that failed every attempt, with their last error."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.components.job_table import dead_letter_table
from queuecraft.components.layout import layout
from queuecraft.state.dlq import DeadLetterState


def page() -> rx.Component:
    return layout(
        "Dead-letter queue",
        routes.DEAD_LETTERS,
        rx.text(
            rx.cond(
                DeadLetterState.total == 1,
                "1 job used up every attempt.",
                DeadLetterState.total.to_string() + " jobs used up every attempt.",
            ),
            custom_attrs={"data-dlq-total": DeadLetterState.total},
        ),
        dead_letter_table(DeadLetterState.rows),
        rx.cond(
            DeadLetterState.rows.length() == 0,
            rx.text("Nothing here: no job has used up its attempts.", color_scheme="gray"),
        ),
    )
