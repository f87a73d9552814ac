"""Programmatic Alembic: `clearway db upgrade`, `clearway serve` and the tests all go through here."""

from __future__ import annotations

import warnings
from importlib import resources

from alembic import command
from alembic.config import Config


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("clearway") / "migrations"))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def upgrade(database_url: str) -> None:
    command.upgrade(alembic_config(database_url), "head")


# SQLite cannot reflect expression indexes (lower(email), …), so autogenerate skips them there with a
# warning per index and run; PostgreSQL reflects and compares them, and CI checks both databases.
_EXPRESSION_INDEX_WARNINGS = (
    "autogenerate skipping metadata-specified expression-based index",
    "Skipped unsupported reflection of expression-based index",
)


def check(database_url: str) -> None:
    """Raise when the models and the migration history disagree (CI runs this on both databases)."""
    with warnings.catch_warnings():
        for message in _EXPRESSION_INDEX_WARNINGS:
            warnings.filterwarnings("ignore", message=message)
        command.check(alembic_config(database_url))
