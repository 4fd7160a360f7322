"""Reflex state classes: one module per page or concern; `base` holds the shared sign-in state."""
