"""QueueCraft: a self-hosted job platform (REST API, RQ workers, Reflex dashboard)."""
