"""Alembic environment: one history for SQLite and PostgreSQL (batch mode makes SQLite ALTERs work)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from clearway.db.models import metadata
from clearway.settings import Settings, normalise_database_url

config = context.config


def _database_url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    return normalise_database_url(url) if url else Settings().effective_database_url


def run_migrations_offline() -> None:
    context.configure(url=_database_url(), target_metadata=metadata, render_as_batch=True, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
