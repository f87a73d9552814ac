"""Test databases: a temporary SQLite file by default, or a fresh PostgreSQL database created on the
server named by CLEARWAY_TEST_DATABASE_URL (and dropped afterwards). When that variable is set and the
server is unreachable, tests fail: CI asked for PostgreSQL and must not pass without it."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from clearway.db.migrate import upgrade
from clearway.settings import normalise_database_url

POSTGRES_ENV = "CLEARWAY_TEST_DATABASE_URL"


def postgres_admin_url() -> str | None:
    value = os.environ.get(POSTGRES_ENV, "").strip()
    return normalise_database_url(value) if value else None


@contextmanager
def temporary_postgres_database(admin_url: str) -> Iterator[str]:
    name = f"clearway_t_{secrets.token_hex(6)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        raise RuntimeError(f"{POSTGRES_ENV} is set but PostgreSQL is unreachable: {exc}") from exc
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def migrated_database_url(directory: Path) -> Iterator[str]:
    """A new, empty, fully migrated database (PostgreSQL when asked for, SQLite otherwise)."""
    admin_url = postgres_admin_url()
    if admin_url:
        with temporary_postgres_database(admin_url) as url:
            upgrade(url)
            yield url
    else:
        directory.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{(directory / 'clearway.db').as_posix()}"
        upgrade(url)
        yield url
