"""The per-account audit hash chain: append (unsealed, in the writer's transaction), seal, verify, and
detection of edits and deletions made behind the service's back (plain SQL)."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from clearway.audit.models import AuditChainHead, AuditEvent
from clearway.audit.service import (
    GENESIS_HASH,
    Actor,
    ChainVerification,
    append_event,
    event_hash,
    seal_pending,
    verify_chain,
)
from clearway.db import Database
from tests.support.factories import make_account

ACTOR = Actor("cred_test", request_id="trc_test")


def _append(database: Database, account_id: str, index: int) -> None:
    with database.transaction() as session:
        append_event(
            session,
            account_id,
            ACTOR,
            "workflow.update",
            "Workflow",
            f"w_{index}",
            {"details": {"referrer_value": f"r{index - 1}"}},
            {"details": {"referrer_value": f"r{index}"}},
        )


def _seal(database: Database, account_id: str) -> int:
    with database.transaction() as session:
        return seal_pending(session, account_id)


def _account_with_events(database: Database, count: int) -> str:
    """An account with `count` events, sealed."""
    account_id = make_account(database).account_id
    for index in range(1, count + 1):
        _append(database, account_id, index)
    assert _seal(database, account_id) == count
    return account_id


def _events(database: Database, account_id: str) -> list[AuditEvent]:
    with database.transaction() as session:
        query = select(AuditEvent).where(AuditEvent.account_id == account_id).order_by(AuditEvent.id)
        return list(session.scalars(query))


def _verify(database: Database, account_id: str) -> ChainVerification:
    with database.transaction() as session:
        return verify_chain(session, account_id)


def test_appended_events_are_unsealed_until_sealed(database: Database) -> None:
    account_id = make_account(database).account_id
    _append(database, account_id, 1)
    _append(database, account_id, 2)
    unsealed = _events(database, account_id)
    assert [(e.sequence, e.previous_hash, e.hash) for e in unsealed] == [
        (None, None, None),
        (None, None, None),
    ]
    assert _seal(database, account_id) == 2
    assert _seal(database, account_id) == 0
    assert [e.sequence for e in _events(database, account_id)] == [1, 2]


def test_sealing_links_each_event_to_the_previous_one(database: Database) -> None:
    account_id = _account_with_events(database, 3)
    events = _events(database, account_id)
    with database.transaction() as session:
        head = session.get(AuditChainHead, account_id)
        assert head is not None
        head_state = (head.sequence, head.last_hash)
    assert [event.sequence for event in events] == [1, 2, 3]
    assert events[0].previous_hash == GENESIS_HASH
    assert events[1].previous_hash == events[0].hash
    assert events[2].previous_hash == events[1].hash
    assert [event.hash == event_hash(event) for event in events] == [True, True, True]
    assert len({event.hash for event in events}) == 3
    assert head_state == (3, events[2].hash)
    assert events[1].after == {"details": {"referrer_value": "r2"}}
    assert (events[1].actor_credential_id, events[1].request_id) == ("cred_test", "trc_test")
    assert (events[1].action, events[1].entity_type, events[1].entity_id) == (
        "workflow.update",
        "Workflow",
        "w_2",
    )


def test_sealing_in_batches_continues_the_chain(database: Database) -> None:
    account_id = _account_with_events(database, 2)
    _append(database, account_id, 3)
    assert _seal(database, account_id) == 1
    events = _events(database, account_id)
    assert [e.sequence for e in events] == [1, 2, 3]
    assert events[2].previous_hash == events[1].hash
    assert _verify(database, account_id) == ChainVerification(account_id, 3, True)


def test_intact_chain_verifies(database: Database) -> None:
    account_id = _account_with_events(database, 3)
    assert _verify(database, account_id) == ChainVerification(account_id, 3, True)


def test_verify_seals_pending_events_first(database: Database) -> None:
    account_id = make_account(database).account_id
    _append(database, account_id, 1)
    assert _verify(database, account_id) == ChainVerification(account_id, 1, True)
    assert [e.sequence for e in _events(database, account_id)] == [1]


def test_empty_chain_verifies(database: Database) -> None:
    account_id = make_account(database).account_id
    assert _verify(database, account_id) == ChainVerification(account_id, 0, True)


def test_chains_are_per_account(database: Database) -> None:
    first = _account_with_events(database, 2)
    second = _account_with_events(database, 1)
    assert _verify(database, first) == ChainVerification(first, 2, True)
    assert _verify(database, second) == ChainVerification(second, 1, True)
    assert [e.sequence for e in _events(database, second)] == [1]


def test_edited_after_is_detected_at_its_sequence(database: Database) -> None:
    account_id = _account_with_events(database, 3)
    with database.transaction() as session:
        session.execute(
            update(AuditEvent)
            .where(AuditEvent.account_id == account_id, AuditEvent.sequence == 2)
            .values(after={"details": {"referrer_value": "forged"}})
        )
    assert _verify(database, account_id) == ChainVerification(
        account_id, 2, False, 2, "content does not match its hash"
    )


def test_edit_with_recomputed_hash_breaks_the_next_link(database: Database) -> None:
    account_id = _account_with_events(database, 3)
    with database.transaction() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.account_id == account_id, AuditEvent.sequence == 2)
        ).one()
        event.after = {"details": {"referrer_value": "forged"}}
        event.hash = event_hash(event)
    assert _verify(database, account_id) == ChainVerification(
        account_id, 3, False, 3, "previous_hash does not link to the preceding event"
    )


def test_deleted_event_is_detected(database: Database) -> None:
    account_id = _account_with_events(database, 3)
    with database.transaction() as session:
        session.execute(
            delete(AuditEvent).where(AuditEvent.account_id == account_id, AuditEvent.sequence == 2)
        )
    assert _verify(database, account_id) == ChainVerification(
        account_id, 2, False, 3, "sequence 2 is missing"
    )


def test_deleted_last_event_is_detected_by_the_chain_head(database: Database) -> None:
    account_id = _account_with_events(database, 3)
    with database.transaction() as session:
        session.execute(
            delete(AuditEvent).where(AuditEvent.account_id == account_id, AuditEvent.sequence == 3)
        )
    assert _verify(database, account_id) == ChainVerification(
        account_id, 2, False, 3, "events missing after the last one"
    )


def test_an_event_of_a_failed_transaction_is_not_recorded(database: Database) -> None:
    account_id = _account_with_events(database, 1)
    try:
        with database.transaction() as session:
            append_event(session, account_id, ACTOR, "workflow.update", "Workflow", "w_x", None, {"a": 1})
            raise RuntimeError("the unit of work fails after the append")
    except RuntimeError:
        pass
    assert [e.entity_id for e in _events(database, account_id)] == ["w_1"]
    assert _verify(database, account_id) == ChainVerification(account_id, 1, True)
