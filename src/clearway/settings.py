"""Runtime configuration, read once from the environment (prefix ``CLEARWAY_``) and passed down."""

from __future__ import annotations

import base64
import binascii
from enum import StrEnum
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# A well-known development key: anything encrypted under it is effectively plain text. `serve` refuses it
# in live mode (see `Settings.is_default_master_key`).
DEFAULT_MASTER_KEY = base64.b64encode(b"clearway-development-master-key!").decode()


class Environment(StrEnum):
    SANDBOX = "sandbox"
    LIVE = "live"


class Settings(BaseSettings):
    """Every field is documented in README.md ("Configuration")."""

    model_config = SettingsConfigDict(env_prefix="CLEARWAY_", extra="ignore")

    data_dir: Path = Field(default=Path(".clearway"), description="Embedded database and local state.")
    database_url: str | None = Field(default=None, description="Overrides the embedded SQLite database.")
    master_key: str = Field(default=DEFAULT_MASTER_KEY, description="Base64 of 32 bytes; encrypts secrets.")
    environment: Environment = Field(default=Environment.SANDBOX, description="`live` hardens start-up.")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    # Request threads per process. Few is faster: every request runs its database work on one of them,
    # and more threads than the database can serve only fight over the GIL (SQLite writes one at a time).
    threads: int = Field(default=8, ge=1, le=256)
    log_level: str = Field(default="info", pattern=r"^(?i)(debug|info|warning|error|critical)$")
    log_json: bool = Field(default=True, description="JSON log lines (false: human-readable console).")
    max_clock_skew_seconds: int = Field(default=300, ge=1, description="Default signing window.")
    db_pool_size: int = Field(default=10, ge=1)
    # None: on for the embedded SQLite database (nothing else would run its queue), off on PostgreSQL,
    # where `clearway worker` processes run it. Off also suits a second server on a shared database.
    background_workers: bool | None = Field(
        default=None, description="Run queued executions on threads of the server process."
    )

    @field_validator("master_key")
    @classmethod
    def _master_key_is_32_bytes(cls, value: str) -> str:
        try:
            raw = base64.b64decode(value, validate=True)
        except binascii.Error as exc:
            raise ValueError("CLEARWAY_MASTER_KEY must be base64") from exc
        if len(raw) != 32:
            raise ValueError("CLEARWAY_MASTER_KEY must decode to 32 bytes")
        return value

    @property
    def master_key_bytes(self) -> bytes:
        return base64.b64decode(self.master_key)

    @property
    def is_default_master_key(self) -> bool:
        return self.master_key == DEFAULT_MASTER_KEY

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{(self.data_dir / 'clearway.db').as_posix()}"


def normalise_database_url(url: str) -> str:
    """Accept the usual ``postgresql://`` spelling and route it to psycopg 3."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
