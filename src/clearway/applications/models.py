"""Subject records (containers of one business and its persons) and application workflows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clearway.db.base import Base, UTCDateTime, utcnow


class SubjectRecord(Base):
    __tablename__ = "subject_records"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    type: Mapped[str] = mapped_column(String(30), default="BUSINESS")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Application(Base):
    """Kompliant's workflow record (`w_…`): typed, stateful (CREATED → STARTED → ENDED)."""

    __tablename__ = "applications"
    # `applicant_email_key` holds the case-folded applying-user email of a BUSINESS_APPLICATION when the
    # account forbids duplicates, NULL otherwise; the unique constraint makes concurrent writers collide
    # in the database instead of both passing a check.
    # One workflow of each type per subject record (the vendor's SUBJECT_RECORD_WORKFLOW_TYPE_LIMIT).
    __table_args__ = (
        UniqueConstraint("account_id", "applicant_email_key"),
        UniqueConstraint("subject_record_id", "type"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    subject_record_id: Mapped[str] = mapped_column(ForeignKey("subject_records.id"), index=True)
    type: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(20))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    applicant_email_key: Mapped[str | None] = mapped_column(String(320))
    source_application_id: Mapped[str | None] = mapped_column(ForeignKey("applications.id"))
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook
