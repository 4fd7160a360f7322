"""Plain-Python core of QueueCraft; never imports reflex."""
