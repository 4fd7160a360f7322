"""The frame every signed-in page shares: top bar with navigation and the user."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.state.base import AuthState


def _nav_link(label: str, href: str) -> rx.Component:
    return rx.link(label, href=href, weight="medium", underline="none")


def layout(title: str, *children: rx.Component) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.heading("QueueCraft", size="5"),
            _nav_link("Jobs", routes.DASHBOARD),
            _nav_link("Dead letters", routes.DEAD_LETTERS),
            rx.spacer(),
            rx.text(AuthState.username, color_scheme="gray"),
            rx.button("Sign out", on_click=AuthState.sign_out, variant="soft", size="1"),
            align="center",
            spacing="5",
            padding="1em 2em",
            border_bottom="1px solid var(--gray-a5)",
        ),
        rx.vstack(rx.heading(title, size="6"), *children, spacing="4", padding="2em", width="100%"),
    )
