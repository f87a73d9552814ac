"""Tenancy tables: accounts, credentials, used signing nonces, pricing models, equipment collections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clearway.db.base import Base, UTCDateTime, utcnow

DEFAULT_MAX_OWNERS = 4
DEFAULT_MIN_OWNERSHIP_PERCENTAGE = 0
DEFAULT_MAX_CLOCK_SKEW_SECONDS = 300


class Account(Base):
    """A tenant. `sb_…` accounts live in the sandbox environment, `lv_…` accounts in live."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    is_live: Mapped[bool] = mapped_column(Boolean, default=False)
    allow_duplicate_applicant_emails: Mapped[bool] = mapped_column(Boolean, default=False)
    max_owners: Mapped[int] = mapped_column(Integer, default=DEFAULT_MAX_OWNERS)
    min_ownership_percentage: Mapped[int] = mapped_column(Integer, default=DEFAULT_MIN_OWNERSHIP_PERCENTAGE)
    require_timestamp_and_nonce: Mapped[bool] = mapped_column(Boolean, default=False)
    max_clock_skew_seconds: Mapped[int] = mapped_column(Integer, default=DEFAULT_MAX_CLOCK_SKEW_SECONDS)
    # Overriding an execution to PASS/APPROVED from FAIL/BLOCKED/REJECTED needs a second user's confirmation.
    four_eyes_overrides: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Credential(Base):
    """API credentials. The API key and auth token are stored as SHA-256 digests (they are random and
    high-entropy, so a fast digest is safe); the signing secret must be recoverable to verify HMACs, so
    it is encrypted with AES-GCM under the master key."""

    __tablename__ = "credentials"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "signing" | "api-key"
    api_key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    api_key_hint: Mapped[str] = mapped_column(String(16))  # first characters, for humans and audit
    auth_token_hash: Mapped[str | None] = mapped_column(String(64))
    secret_key_encrypted: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UsedNonce(Base):
    """Nonces of signed requests, kept for the clock-skew window so that a replay is refused in every
    server process (the primary key makes concurrent replays collide in the database)."""

    __tablename__ = "used_nonces"

    credential_id: Mapped[str] = mapped_column(ForeignKey("credentials.id"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(128), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PricingModel(Base):
    __tablename__ = "pricing_models"
    __table_args__ = (UniqueConstraint("account_id", "name"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class EquipmentCollection(Base):
    __tablename__ = "equipment_collections"
    __table_args__ = (UniqueConstraint("account_id", "name"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AccountLike(Protocol):
    """What services read of an account: the ORM row, or a snapshot of it (see `AccountSnapshot`)."""

    @property
    def id(self) -> str: ...
    @property
    def parent_id(self) -> str | None: ...
    @property
    def is_live(self) -> bool: ...
    @property
    def allow_duplicate_applicant_emails(self) -> bool: ...
    @property
    def max_owners(self) -> int: ...
    @property
    def min_ownership_percentage(self) -> int: ...
    @property
    def require_timestamp_and_nonce(self) -> bool: ...
    @property
    def max_clock_skew_seconds(self) -> int: ...
    @property
    def four_eyes_overrides(self) -> bool: ...


@dataclass(frozen=True)
class AccountSnapshot:
    """An account's identity and settings, detached from any session: cheap to keep in a per-process cache
    (a settings change is seen once the cache entry expires)."""

    id: str
    parent_id: str | None
    is_live: bool
    allow_duplicate_applicant_emails: bool
    max_owners: int
    min_ownership_percentage: int
    require_timestamp_and_nonce: bool
    max_clock_skew_seconds: int
    four_eyes_overrides: bool = False

    @classmethod
    def of(cls, account: AccountLike) -> AccountSnapshot:
        return cls(
            account.id,
            account.parent_id,
            account.is_live,
            account.allow_duplicate_applicant_emails,
            account.max_owners,
            account.min_ownership_percentage,
            account.require_timestamp_and_nonce,
            account.max_clock_skew_seconds,
            account.four_eyes_overrides,
        )
