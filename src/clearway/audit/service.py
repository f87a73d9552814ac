"""The audit trail: recording events inside the mutation's transaction, sealing them into a per-account
hash chain, and verifying the chain.

Why two steps: a chain needs a total order per account, and ordering inside the writer's transaction
means every mutation of an account waits for the previous one's commit (on PostgreSQL, an fsync) while it
holds the chain head. So events are written unsealed with the change (same transaction: no change without
its event, no event without its change), and a sealer assigns sequence numbers and hashes right after
commit, in one short transaction per batch. `verify_chain` seals what is pending before verifying."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clearway.audit.models import AuditChainHead, AuditEvent
from clearway.db.base import utcnow

GENESIS_HASH = "0" * 64
HASHED_FIELDS = (
    "account_id",
    "sequence",
    "occurred_at",
    "action",
    "entity_type",
    "entity_id",
    "actor_credential_id",
    "actor_username",
    "channel",
    "request_id",
    "before",
    "after",
    "previous_hash",
)


@dataclass(frozen=True)
class Actor:
    """Who did it: the credential used, and the human/channel when the dialect tells us."""

    credential_id: str | None
    username: str | None = None
    channel: str | None = None
    request_id: str | None = None


# Built once: statements with bound parameters compile once and hit SQLAlchemy's cache every time after.
_EVENTS: Table = AuditEvent.__table__  # type: ignore[assignment]
_HEADS: Table = AuditChainHead.__table__  # type: ignore[assignment]
_INSERT_EVENT = insert(_EVENTS)
_LOCK_HEAD = (
    select(_HEADS.c.sequence, _HEADS.c.last_hash)
    .where(_HEADS.c.account_id == bindparam("head_account"))
    .with_for_update()
)
_ADVANCE_HEAD = (
    update(_HEADS)
    .where(_HEADS.c.account_id == bindparam("head_account"))
    .values(sequence=bindparam("head_sequence"), last_hash=bindparam("head_hash"))
)
_UNSEALED = (
    select(_EVENTS)
    .where(_EVENTS.c.account_id == bindparam("seal_account"), _EVENTS.c.sequence.is_(None))
    .order_by(_EVENTS.c.id)
    .limit(bindparam("seal_limit"))
)
_SEAL_EVENT = (
    update(_EVENTS)
    .where(_EVENTS.c.id == bindparam("event_id"))
    .values(
        sequence=bindparam("event_sequence"),
        previous_hash=bindparam("event_previous"),
        hash=bindparam("event_hash"),
    )
)


def append_event(
    session: Session,
    account_id: str,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Record one mutation in the caller's transaction (unsealed; see the module docstring). A Core
    statement, not the ORM: this runs on every mutation."""
    session.connection().execute(
        _INSERT_EVENT,
        {
            "account_id": account_id,
            "occurred_at": utcnow(),
            "action": action,
            "entity_type": entity_type,
            "entity_id": entity_id,
            "actor_credential_id": actor.credential_id,
            "actor_username": actor.username,
            "channel": actor.channel,
            "request_id": actor.request_id,
            "before": _jsonable(before),
            "after": _jsonable(after),
        },
    )


def seal_pending(session: Session, account_id: str, limit: int = 5000) -> int:
    """Chain the account's unsealed events in id order; returns how many were sealed. Holding the
    account's chain head makes concurrent sealers (several server processes) take turns."""
    sequence, previous = _lock_chain_head(session, account_id)
    connection = session.connection()
    rows = connection.execute(_UNSEALED, {"seal_account": account_id, "seal_limit": limit}).mappings().all()
    seals: list[dict[str, Any]] = []
    for row in rows:
        values = dict(row)
        sequence += 1
        values["sequence"], values["previous_hash"] = sequence, previous
        previous = _hash(values)
        seals.append(
            {
                "event_id": row["id"],
                "event_sequence": sequence,
                "event_previous": values["previous_hash"],
                "event_hash": previous,
            }
        )
    if seals:  # one executemany: sealing runs beside the request path and must stay cheap
        connection.execute(_SEAL_EVENT, seals)
    if rows:
        connection.execute(
            _ADVANCE_HEAD, {"head_account": account_id, "head_sequence": sequence, "head_hash": previous}
        )
    return len(rows)


def accounts_with_unsealed_events(session: Session) -> list[str]:
    query = select(_EVENTS.c.account_id).where(_EVENTS.c.sequence.is_(None)).distinct()
    return list(session.connection().execute(query).scalars())


def _lock_chain_head(session: Session, account_id: str) -> tuple[int, str]:
    connection = session.connection()
    head = connection.execute(_LOCK_HEAD, {"head_account": account_id}).one_or_none()
    if head is None:  # the account's first seal; concurrent first sealers meet on the primary key
        dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
        connection.execute(
            dialect.insert(_HEADS)
            .values(account_id=account_id, sequence=0, last_hash=GENESIS_HASH)
            .on_conflict_do_nothing()
        )
        head = connection.execute(_LOCK_HEAD, {"head_account": account_id}).one()
    return int(head.sequence), str(head.last_hash)


def event_hash(event: AuditEvent) -> str:
    return _hash({name: getattr(event, name) for name in HASHED_FIELDS})


def _hash(values: dict[str, Any]) -> str:
    payload = {name: values[name] for name in HASHED_FIELDS}
    payload["occurred_at"] = _timestamp(values["occurred_at"])
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
    """Seal what is pending, then recompute every hash of the account's chain and report the first
    event that does not fit."""
    seal_pending(session, account_id)
    # populate_existing: events loaded earlier in this session must show what sealing just wrote.
    query = (
        select(AuditEvent)
        .where(AuditEvent.account_id == account_id)
        .order_by(AuditEvent.sequence)
        .execution_options(populate_existing=True)
    )
    previous, expected_sequence, count = GENESIS_HASH, 1, 0
    for event in session.scalars(query):
        count += 1
        problem = _chain_problem(event, previous, expected_sequence)
        if problem:
            return ChainVerification(account_id, count, False, event.sequence, problem)
        previous, expected_sequence = event.hash or "", expected_sequence + 1
    head = session.get(AuditChainHead, account_id, populate_existing=True)
    if head is not None and (head.sequence != count or head.last_hash != previous):
        return ChainVerification(account_id, count, False, count + 1, "events missing after the last one")
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
