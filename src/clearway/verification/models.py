"""Verification tables: workflow definitions, service profiles, executions, process results, matchlists.

An execution is one run of a definition against a party (`entity_id` is the party's UUID, the same for a
person whether it came through the application or the verification dialect). `result` is the engine's
outcome and never changes after completion; `status` starts equal to it and is what humans override."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from clearway.db.base import Base, UTCDateTime, utcnow

GLOBAL_SCOPE = ""  # `scope` of built-in definitions every account can run
ACTIVE_ENTRY = "ACTIVE"  # the one matchlist entry state that matches (others: EXPIRED, DELETED)


class WorkflowDefinitionRecord(Base):
    """A named, versioned, declarative workflow definition (the validated document in `document`)."""

    __tablename__ = "verification_workflow_definitions"
    __table_args__ = (UniqueConstraint("scope", "name", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(64))  # "" = built-in, else the account id
    account_id: Mapped[str | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
    entity_type: Mapped[str] = mapped_column(String(20))  # INDIVIDUAL | ORGANIZATION
    lifecycle_phase: Mapped[str] = mapped_column(String(20))  # ONBOARDING | MONITORING | OTHER
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ServiceProfile(Base):
    """An entity's subscription to a service (e.g. "KYC"): its state, risk override and monitoring."""

    __tablename__ = "verification_service_profiles"
    __table_args__ = (UniqueConstraint("account_id", "entity_id", "service_name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    entity_type: Mapped[str] = mapped_column(String(20))  # INDIVIDUAL | ORGANIZATION
    service_name: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20), default="INIT")
    risk_level_override: Mapped[str | None] = mapped_column(String(20))
    risk_override: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # comment, by, at, request id
    monitoring_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    monitoring_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook


class Execution(Base):
    """One run of a workflow definition against an entity."""

    __tablename__ = "verification_executions"
    __table_args__ = (
        Index("ix_verification_executions_profile_started", "service_profile_id", "started_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)  # workflowExecutionId (ULID-like)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    service_profile_id: Mapped[str] = mapped_column(ForeignKey("verification_service_profiles.id"))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    entity_type: Mapped[str] = mapped_column(String(20))
    workflow_name: Mapped[str] = mapped_column(String(100))
    definition_id: Mapped[int] = mapped_column(ForeignKey("verification_workflow_definitions.id"))
    lifecycle_phase: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20))  # IN_PROGRESS | COMPLETED | ERROR | CANCELED | ...
    result: Mapped[str] = mapped_column(String(20))  # one of the 14 statuses; the engine's outcome
    status: Mapped[str] = mapped_column(String(20))  # result unless overridden
    risk_score: Mapped[float | None] = mapped_column(Float)
    risk_level: Mapped[str | None] = mapped_column(String(20))
    risk_factors: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    steps: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # order/passed/failed/...
    step_results: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    issues: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # failing step and message when ERROR
    request_id: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str | None] = mapped_column(String(64))
    comment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    status_override_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status_override_request_id: Mapped[str | None] = mapped_column(String(40))
    status_override_by: Mapped[str | None] = mapped_column(String(200))
    pending_approval: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # four-eyes: awaited override
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's declarative hook


class ProcessResult(Base):
    """One piece of evidence of a step (a screening hit, a matchlist or duplicate match, a data check),
    resolvable by an analyst (`manual_status`)."""

    __tablename__ = "verification_process_results"
    # Account first: every look-up names the account, and a planner without statistics (SQLite) would
    # otherwise prefer the account's own index and read every result of the account.
    __table_args__ = (
        Index("ix_verification_process_results_account_entity_key", "account_id", "entity_id", "match_key"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # processResultId (UUID)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    execution_id: Mapped[str] = mapped_column(ForeignKey("verification_executions.id"), index=True)
    step_name: Mapped[str] = mapped_column(String(40))  # AML | MATCHLIST | DUPLICATE | KYC | ...
    object_type: Mapped[str] = mapped_column(String(40))  # e.g. INDIVIDUAL, ORGANIZATION, NAME, EMAIL
    result: Mapped[str] = mapped_column(String(20))  # HIT | CLEAR | MATCH | NO_MATCH | FAIL | ...
    system_status: Mapped[str] = mapped_column(String(20), default="VALID")
    manual_status: Mapped[str | None] = mapped_column(String(30))  # TRUE_POSITIVE, FALSE_POSITIVE, ...
    match_key: Mapped[str | None] = mapped_column(String(300))  # e.g. "ofac-sdn:36" for a screening hit
    match_digest: Mapped[str | None] = mapped_column(String(64))  # the list entry's content digest
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # score, explanation, …
    resolution: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # comment, by, at, request id
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Matchlist(Base):
    """An account's named block or allow list. The action belongs to the list (as in the vendor's API):
    every entry of a BLOCK list blocks. Created with its first entry; its name and action never change."""

    __tablename__ = "verification_matchlists"
    __table_args__ = (UniqueConstraint("account_id", "name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # matchlistId (UUID)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))  # BLOCK | ALLOW
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))


class MatchlistEntry(Base):
    """An account's own block/allow list entry (a name, email, phone or identifier).

    `action` repeats the list's (the MATCHLIST step reads it without a join; a list's action never
    changes). Only ACTIVE entries match; EXPIRED and DELETED ones stay for the record (past process
    results point at them)."""

    __tablename__ = "verification_matchlist_entries"
    __table_args__ = (
        Index("ix_verification_matchlist_lookup", "account_id", "attribute", "normalized_value"),
        Index("ix_verification_matchlist_entries_list", "account_id", "list_name"),
        ForeignKeyConstraint(
            ["account_id", "list_name"],
            ["verification_matchlists.account_id", "verification_matchlists.name"],
            name="fk_verification_matchlist_entries_list_verification_matchlists",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[str] = mapped_column(String(36), unique=True)  # the public entryId (UUID)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"))
    list_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(10))  # BLOCK | ALLOW
    attribute: Mapped[str] = mapped_column(String(20))  # NAME | EMAIL | PHONE | IDENTIFIER
    value: Mapped[str] = mapped_column(String(300))
    normalized_value: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str | None] = mapped_column(String(500))
    state: Mapped[str] = mapped_column(String(10), default=ACTIVE_ENTRY)  # ACTIVE | EXPIRED | DELETED
    # Whose name or identifier the value is, as the caller said (the vendor's ORG_* vs IND_*/DOC_*
    # attributes); matching ignores it, it only lets the entry be shown back as it was given.
    subject_type: Mapped[str | None] = mapped_column(String(20))  # INDIVIDUAL | ORGANIZATION
    reason_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    batch_name: Mapped[str | None] = mapped_column(String(200))
    entity_id: Mapped[str | None] = mapped_column(String(36))  # the entity the entry was derived from
    entity_type: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str | None] = mapped_column(String(200))


class VerificationJob(Base):
    """A background execution waiting for, or held by, a worker (the job queue, see `verification/queue.py`).

    A worker claims a job by taking a lease (`lease_expires_at`, renewed by a heartbeat while it runs); a
    job whose lease expired belongs to a worker that died and is claimed again, until `max_attempts`.
    `attempts` doubles as a fencing token: a worker only finishes a job whose attempt is still its own."""

    __tablename__ = "verification_jobs"
    __table_args__ = (Index("ix_verification_jobs_state_run_after", "state", "run_after"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    execution_id: Mapped[str] = mapped_column(ForeignKey("verification_executions.id"), unique=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    state: Mapped[str] = mapped_column(String(20))  # QUEUED | RUNNING | DONE | FAILED
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # service name, actor
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=3)
    run_after: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    worker_id: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
