"""`make run`'s launcher: starts Redis (embedded unless REDIS_URL), migrations, workers and Reflex."""
