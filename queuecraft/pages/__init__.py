"""Dashboard pages, one module each; queuecraft.queuecraft registers them."""
