"""Alembic environment: runs QueueCraft's migrations against the URL the caller passes."""

from alembic import context
from sqlmodel import SQLModel

from queuecraft.backend.store import models  # noqa: F401  (registers the tables)
from queuecraft.backend.store.sql import create_db_engine

config = context.config
engine = create_db_engine(config.attributes["database_url"])

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=SQLModel.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
