"""Tables of screening lists: each list's versions, its entries (with the versions they are valid in) and
what each version changed.

Entries are stored once per content, not once per version: a row is valid from the version that introduced
it (`valid_from`) until the version that changed or removed it (`valid_to`, exclusive; NULL while current).
The active version is always a list's latest, so the active snapshot is `valid_to IS NULL` (indexed), and a
new version only writes the entries it touches."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clearway.db.base import Base, UTCDateTime, utcnow

GLOBAL_SCOPE = ""  # `scope` of lists every account screens against


class ChangeType(StrEnum):
    ADDED = "ADDED"
    CHANGED = "CHANGED"
    REMOVED = "REMOVED"


class ScreeningList(Base):
    """A named list: global (account_id NULL) or an account's own."""

    __tablename__ = "screening_lists"
    # `scope` repeats account_id without NULLs ("" = global) so that the database itself enforces one list
    # of a name per scope (a unique constraint treats NULLs as distinct).
    __table_args__ = (UniqueConstraint("scope", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[str | None] = mapped_column(String(64), index=True)
    format: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ScreeningListVersion(Base):
    """One imported snapshot. `digest` covers the normalised entries (not the file bytes), so re-importing
    the same content, however formatted, is recognised as unchanged."""

    __tablename__ = "screening_list_versions"
    __table_args__ = (UniqueConstraint("list_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("screening_lists.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(String(255))  # file or folder basename
    source_ref: Mapped[str | None] = mapped_column(String(100))  # last FtM delta version applied, if any
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    added: Mapped[int] = mapped_column(Integer)
    changed: Mapped[int] = mapped_column(Integer)
    removed: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)


class ScreeningListEntry(Base):
    """One entry's content, valid in versions [valid_from, valid_to) of its list."""

    __tablename__ = "screening_list_entries"
    __table_args__ = (
        Index("ix_screening_list_entries_current", "list_id", "valid_to"),
        Index("ix_screening_list_entries_entry", "list_id", "entry_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("screening_lists.id"))
    entry_id: Mapped[str] = mapped_column(String(255))
    digest: Mapped[str] = mapped_column(String(64))
    valid_from: Mapped[int] = mapped_column(Integer)
    valid_to: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # ListEntry.to_dict()


class ScreeningListChange(Base):
    """What one version changed, entry by entry (what ongoing monitoring consumes)."""

    __tablename__ = "screening_list_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("screening_list_versions.id"), index=True)
    entry_id: Mapped[str] = mapped_column(String(255))
    change_type: Mapped[str] = mapped_column(String(10))  # ChangeType
    digest_before: Mapped[str | None] = mapped_column(String(64))
    digest_after: Mapped[str | None] = mapped_column(String(64))
