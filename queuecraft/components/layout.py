"""The frame every signed-in page shares: top bar with navigation and the user."""

from __future__ import annotations

import reflex as rx

from queuecraft import routes
from queuecraft.state.base import AuthState

NAV = [("Jobs", routes.DASHBOARD), ("Dead letters", routes.DEAD_LETTERS)]


def _nav_link(label: str, href: str, current: str) -> rx.Component:
    here = href == current
    return rx.link(
        label,
        href=href,
        weight="bold" if here else "medium",
        underline="always" if here else "hover",
        color_scheme="indigo" if here else "gray",
        custom_attrs={"aria-current": "page"} if here else {},
    )


def layout(title: str, current: str, *children: rx.Component) -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.heading("QueueCraft", size="5"),
            *[_nav_link(label, href, current) for label, href in NAV],
            rx.spacer(),
            rx.text(AuthState.username, color_scheme="gray"),
            rx.button("Sign out", on_click=AuthState.sign_out, variant="soft", size="1"),
            align="center",
            spacing="5",
            wrap="wrap",
            padding="1em 2em",
            border_bottom="1px solid var(--gray-a5)",
        ),
        rx.vstack(rx.heading(title, size="6"), *children, spacing="4", padding="2em", width="100%"),
    )
