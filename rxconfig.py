"""Reflex configuration. Ports are not set here (prod mode refuses two); the launcher passes them."""

import reflex as rx

config = rx.Config(
    app_name="queuecraft",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin(theme=rx.theme(accent_color="indigo", radius="medium"))],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
