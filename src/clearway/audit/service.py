"""Appending to and verifying the per-account hash chain of audit events."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.audit.models import AuditChainHead, AuditEvent
from clearway.db.base import utcnow

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class Actor:
    """Who did it: the credential used, and the human/channel when the dialect tells us."""

    credential_id: str | None
    username: str | None = None
    channel: str | None = None
    request_id: str | None = None


def append_event(
    session: Session,
    account_id: str,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEvent:
    """Record one mutation in the caller's transaction. Call it last in a unit of work: it locks the
    account's chain head until commit."""
    head = _lock_chain_head(session, account_id)
    event = AuditEvent(
        account_id=account_id,
        sequence=head.sequence + 1,
        occurred_at=utcnow(),
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        actor_credential_id=actor.credential_id,
        actor_username=actor.username,
        channel=actor.channel,
        request_id=actor.request_id,
        before=_jsonable(before),
        after=_jsonable(after),
        previous_hash=head.last_hash,
    )
    event.hash = event_hash(event)
    head.sequence, head.last_hash = event.sequence, event.hash
    session.add(event)
    session.flush()
    return event


def _lock_chain_head(session: Session, account_id: str) -> AuditChainHead:
    query = select(AuditChainHead).where(AuditChainHead.account_id == account_id).with_for_update()
    head = session.scalars(query).one_or_none()
    if head is None:
        head = AuditChainHead(account_id=account_id, sequence=0, last_hash=GENESIS_HASH)
        session.add(head)
        session.flush()
    return head


def event_hash(event: AuditEvent) -> str:
    payload = {
        "account_id": event.account_id,
        "sequence": event.sequence,
        "occurred_at": _timestamp(event.occurred_at),
        "action": event.action,
        "entity_type": event.entity_type,
        "entity_id": event.entity_id,
        "actor_credential_id": event.actor_credential_id,
        "actor_username": event.actor_username,
        "channel": event.channel,
        "request_id": event.request_id,
        "before": event.before,
        "after": event.after,
        "previous_hash": event.previous_hash,
    }
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass(frozen=True)
class ChainVerification:
    account_id: str
    events: int
    intact: bool
    first_broken_sequence: int | None = None
    reason: str | None = None


def verify_chain(session: Session, account_id: str) -> ChainVerification:
    """Recompute every hash of the account's chain; report the first event that does not fit."""
    query = select(AuditEvent).where(AuditEvent.account_id == account_id).order_by(AuditEvent.sequence)
    previous, expected_sequence, count = GENESIS_HASH, 1, 0
    for event in session.scalars(query):
        count += 1
        problem = _chain_problem(event, previous, expected_sequence)
        if problem:
            return ChainVerification(account_id, count, False, event.sequence, problem)
        previous, expected_sequence = event.hash, expected_sequence + 1
    head = session.get(AuditChainHead, account_id)
    if head is not None and (head.sequence != count or head.last_hash != previous):
        return ChainVerification(account_id, count, False, count, "events missing after the last one")
    return ChainVerification(account_id, count, True)


def _chain_problem(event: AuditEvent, previous: str, expected_sequence: int) -> str | None:
    if event.sequence != expected_sequence:
        return f"sequence {expected_sequence} is missing"
    if event.previous_hash != previous:
        return "previous_hash does not link to the preceding event"
    if event.hash != event_hash(event):
        return "content does not match its hash"
    return None


def _timestamp(value: datetime) -> str:
    # Microseconds survive both SQLite and PostgreSQL round trips; keep them in the hashed form.
    return value.isoformat(timespec="microseconds")


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Normalise through JSON so the hashed form equals what the database returns later."""
    if value is None:
        return None
    result: dict[str, Any] = json.loads(json.dumps(value, default=str))
    return result
