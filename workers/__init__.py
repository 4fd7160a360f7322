"""QueueCraft's RQ workers: the pool entry point, the job runner and the built-in tasks."""
