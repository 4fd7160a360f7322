"""Persistence: one store interface, with a SQLModel implementation (SQLite / PostgreSQL)."""

from queuecraft.backend.store.base import Store
from queuecraft.backend.store.sql import SqlStore, open_store

__all__ = ["SqlStore", "Store", "open_store"]
