"""The sign-in page."""

from __future__ import annotations

import reflex as rx

from queuecraft.state.base import AuthState


def page() -> rx.Component:
    return rx.center(
        rx.card(
            rx.form(
                rx.vstack(
                    rx.heading("Sign in to QueueCraft", size="5"),
                    rx.input(name="login", placeholder="Email or username", required=True, width="100%"),
                    rx.input(name="password", type="password", placeholder="Password", required=True, width="100%"),
                    rx.button("Sign in", type="submit", width="100%"),
                    rx.cond(AuthState.sign_in_error != "", rx.text(AuthState.sign_in_error, color_scheme="red", size="2")),
                    rx.text("No account yet? Create one with POST /user/create (see the README).",
                            size="1", color_scheme="gray"),
                    spacing="3",
                ),
                on_submit=AuthState.sign_in,
            ),
            width="24em",
        ),
        height="100vh",
    )
