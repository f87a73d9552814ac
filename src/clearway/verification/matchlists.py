"""Managing an account's matchlists: named BLOCK or ALLOW lists of names, emails, phones and identifiers
that the MATCHLIST step checks parties against.

A list is created with its first entry and keeps its name and action. Entries are never erased: removing
one marks it DELETED (process results of past executions point at it); only ACTIVE entries match. Values
are stored with the normal form the step compares (`normal.matchlist_value`). Every change writes an
audit event (`MATCHLIST_ENTRY`) in the caller's transaction. Plain functions; the caller owns the
transaction (DESIGN rule 4)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from clearway.audit.service import Actor, append_event
from clearway.db.base import utcnow
from clearway.errors import InvalidInput, NotFound, RuleViolation
from clearway.verification.models import ACTIVE_ENTRY, Matchlist, MatchlistEntry
from clearway.verification.steps.normal import matchlist_value

ACTIONS = ("BLOCK", "ALLOW")
ATTRIBUTES = ("NAME", "EMAIL", "PHONE", "IDENTIFIER")
STATES = (ACTIVE_ENTRY, "EXPIRED", "DELETED")
DELETED = "DELETED"
SUBJECT_TYPES = ("INDIVIDUAL", "ORGANIZATION")
AUDIT_ACTION = "MATCHLIST_ENTRY"  # the vendor's audit event type for matchlist changes
# Letters, digits and `_ . : -`: a list name travels in URL paths and command lines unquoted.
LIST_NAME_PATTERN = r"^[A-Za-z0-9_.:\-]{1,100}$"
_LIST_NAME = re.compile(LIST_NAME_PATTERN)
VALUE_LENGTH = 300  # the value columns' width
REASON_LENGTH = 500
SORT_COLUMNS = {"createdAt": MatchlistEntry.created_at, "updatedAt": MatchlistEntry.updated_at}


@dataclass(frozen=True)
class NewEntry:
    """One value to match. `subject_type` says whose name or identifier it is (kept for display only)."""

    attribute: str
    value: str
    reason: str | None = None
    subject_type: str | None = None
    reason_codes: tuple[str, ...] = ()
    entity_id: str | None = None
    entity_type: str | None = None


@dataclass(frozen=True)
class EntryQuery:
    """Which entries to list, in what order, which page."""

    list_name: str | None = None
    states: tuple[str, ...] = (ACTIVE_ENTRY,)
    batch_name: str | None = None
    reason: str | None = None
    entity_id: str | None = None
    entry_id: str | None = None
    sort_fields: tuple[str, ...] = ("createdAt",)
    descending: bool = False
    page: int = 1
    limit: int = 10


@dataclass(frozen=True)
class SearchHit:
    entry: MatchlistEntry
    confidence: float


@dataclass(frozen=True)
class Criterion:
    """A value searched for, in the normal form the MATCHLIST step compares."""

    attribute: str
    normalized: str


def criterion(attribute: str, value: str, field_name: str = "value") -> Criterion:
    return Criterion(attribute, normalized_value(attribute, value, field_name))


# --- lists ------------------------------------------------------------------------------------------------


def list_matchlists(session: Session, account_id: str) -> list[Matchlist]:
    return list(
        session.scalars(select(Matchlist).where(Matchlist.account_id == account_id).order_by(Matchlist.name))
    )


def find_matchlist(session: Session, account_id: str, name: str) -> Matchlist | None:
    return session.scalar(select(Matchlist).where(Matchlist.account_id == account_id, Matchlist.name == name))


def get_matchlist(session: Session, account_id: str, name: str) -> Matchlist:
    found = find_matchlist(session, account_id, name)
    if found is None:
        raise NotFound("Matchlist", name, "matchlistName")
    return found


def matchlists_by_id(
    session: Session, account_id: str, ids: Sequence[str], field_name: str = "matchlistId"
) -> list[Matchlist]:
    """The account's lists with these ids; any other id (unknown, or another account's) is not found."""
    rows = list(
        session.scalars(select(Matchlist).where(Matchlist.account_id == account_id, Matchlist.id.in_(ids)))
    )
    missing = sorted(set(ids) - {row.id for row in rows})
    if missing:
        raise NotFound("Matchlist", missing[0], field_name)
    return rows


def open_matchlist(
    session: Session, account_id: str, name: str, action: str | None, actor: Actor
) -> Matchlist:
    """The account's list of this name, created when `action` is given and it does not exist yet. An
    action that differs from an existing list's is refused: a list's action never changes."""
    if action is not None and action not in ACTIONS:
        raise InvalidInput("action", "must be BLOCK or ALLOW")
    existing = find_matchlist(session, account_id, name)
    if existing is None and action is not None:
        existing = _create_matchlist(session, account_id, name, action, actor)
    if existing is None:
        raise NotFound("Matchlist", name, "matchlistName")
    if action is not None and action != existing.action:
        raise InvalidInput(
            "action", f"matchlist '{name}' is a {existing.action} list; its action cannot change"
        )
    return existing


def _create_matchlist(session: Session, account_id: str, name: str, action: str, actor: Actor) -> Matchlist:
    if not _LIST_NAME.match(name):
        raise InvalidInput("matchlistName", "1 to 100 letters, digits, '_', '.', ':' or '-'")
    matchlist = Matchlist(
        id=str(uuid.uuid4()), account_id=account_id, name=name, action=action, created_by=actor.username
    )
    try:
        with session.begin_nested():  # a concurrent first entry creates it too: the constraint decides
            session.add(matchlist)
    except IntegrityError:
        winner = find_matchlist(session, account_id, name)
        assert winner is not None
        return winner
    append_event(
        session,
        account_id,
        actor,
        AUDIT_ACTION,
        "MATCHLIST",
        matchlist.id,
        None,
        {"matchlist": _list_record(matchlist)},
    )
    return matchlist


# --- entries ----------------------------------------------------------------------------------------------


def normalized_value(attribute: str, value: str, field_name: str) -> str:
    """The normal form the MATCHLIST step compares; refused when nothing is left of the value."""
    if attribute not in ATTRIBUTES:
        raise InvalidInput(field_name, "attribute must be NAME, EMAIL, PHONE or IDENTIFIER")
    if len(value) > VALUE_LENGTH:
        raise InvalidInput(field_name, f"at most {VALUE_LENGTH} characters")
    normalized = matchlist_value(attribute, value)
    if not normalized:
        raise InvalidInput(field_name, "nothing left to match once normalised")
    return normalized


def add_entries(
    session: Session,
    matchlist: Matchlist,
    entries: Sequence[NewEntry],
    actor: Actor,
    batch_name: str | None = None,
    comment: dict[str, Any] | None = None,
) -> list[MatchlistEntry]:
    rows = [_entry_row(matchlist, entry, actor, batch_name) for entry in entries]
    session.add_all(rows)
    session.flush()
    for row in rows:
        _record(session, matchlist, row, actor, None, comment)
    return rows


def add_entry(session: Session, matchlist: Matchlist, entry: NewEntry, actor: Actor) -> MatchlistEntry:
    [row] = add_entries(session, matchlist, [entry], actor)
    return row


def _entry_row(matchlist: Matchlist, entry: NewEntry, actor: Actor, batch_name: str | None) -> MatchlistEntry:
    if entry.reason is not None and len(entry.reason) > REASON_LENGTH:
        raise InvalidInput("reason", f"at most {REASON_LENGTH} characters")
    if entry.subject_type is not None and entry.subject_type not in SUBJECT_TYPES:
        raise InvalidInput("subjectType", "must be INDIVIDUAL or ORGANIZATION")
    value = entry.value.strip()
    now = utcnow()
    return MatchlistEntry(
        entry_id=str(uuid.uuid4()),
        account_id=matchlist.account_id,
        list_name=matchlist.name,
        action=matchlist.action,
        attribute=entry.attribute,
        value=value,
        normalized_value=normalized_value(entry.attribute, value, "value"),
        reason=entry.reason,
        state=ACTIVE_ENTRY,
        subject_type=entry.subject_type,
        reason_codes=list(entry.reason_codes),
        batch_name=batch_name,
        entity_id=entry.entity_id,
        entity_type=entry.entity_type,
        created_at=now,
        created_by=actor.username,
        updated_at=now,
        updated_by=actor.username,
    )


def get_entry(
    session: Session, account_id: str, entry_id: str, list_name: str | None = None
) -> MatchlistEntry:
    """The account's entry; another account's, or one of another list when `list_name` is given, is not
    found (the same answer as a missing one)."""
    query = select(MatchlistEntry).where(
        MatchlistEntry.account_id == account_id, MatchlistEntry.entry_id == entry_id
    )
    if list_name is not None:
        query = query.where(MatchlistEntry.list_name == list_name)
    found = session.scalar(query)
    if found is None:
        raise NotFound("MatchlistEntry", entry_id, "entryId")
    return found


def update_entry(
    session: Session,
    entry: MatchlistEntry,
    actor: Actor,
    *,
    state: str | None = None,
    reason: str | None = None,
    reason_codes: Sequence[str] | None = None,
    comment: dict[str, Any] | None = None,
) -> MatchlistEntry:
    """Change an entry's state, reason or reason codes (never its value: make a new entry for that). A
    DELETED entry is final."""
    # The row as committed, locked: a concurrent change must not slip between the check and the write
    # (two writers both seeing ACTIVE could otherwise revive an entry the other just deleted).
    session.refresh(entry, with_for_update=True)
    if entry.state == DELETED:
        raise RuleViolation(
            "MATCHLIST_ENTRY_DELETED", "a deleted matchlist entry cannot change", "MatchlistEntry"
        )
    if state is not None and state not in STATES:
        raise InvalidInput("state", "must be ACTIVE, EXPIRED or DELETED")
    if reason is not None and len(reason) > REASON_LENGTH:
        raise InvalidInput("reason", f"at most {REASON_LENGTH} characters")
    before = _entry_record(entry)
    if state is not None:
        entry.state = state
    if reason is not None:
        entry.reason = reason
    if reason_codes is not None:
        entry.reason_codes = list(reason_codes)
    entry.updated_at = utcnow()
    entry.updated_by = actor.username
    session.flush()
    matchlist = get_matchlist(session, entry.account_id, entry.list_name)
    _record(session, matchlist, entry, actor, before, comment)
    return entry


def remove_entry(
    session: Session, entry: MatchlistEntry, actor: Actor, comment: dict[str, Any] | None = None
) -> MatchlistEntry:
    return update_entry(session, entry, actor, state=DELETED, comment=comment)


def remove_entity(
    session: Session,
    matchlist: Matchlist,
    entity_id: str,
    actor: Actor,
    comment: dict[str, Any] | None = None,
) -> list[MatchlistEntry]:
    """Mark DELETED every entry of the list derived from this entity; none left to remove is not found."""
    rows = list(
        session.scalars(
            select(MatchlistEntry)
            .where(
                MatchlistEntry.account_id == matchlist.account_id,
                MatchlistEntry.list_name == matchlist.name,
                MatchlistEntry.entity_id == entity_id,
                MatchlistEntry.state != DELETED,
            )
            .order_by(MatchlistEntry.id)
        )
    )
    if not rows:
        raise NotFound("MatchlistEntry", entity_id, "entityId")
    return [remove_entry(session, row, actor, comment) for row in rows]


def query_entries(session: Session, account_id: str, query: EntryQuery) -> tuple[list[MatchlistEntry], int]:
    conditions = _conditions(account_id, query)
    total = session.scalar(select(func.count()).select_from(MatchlistEntry).where(*conditions)) or 0
    rows = session.scalars(
        select(MatchlistEntry)
        .where(*conditions)
        .order_by(*_ordering(query), MatchlistEntry.id.desc() if query.descending else MatchlistEntry.id)
        .offset((query.page - 1) * query.limit)
        .limit(query.limit)
    )
    return list(rows), int(total)


def _conditions(account_id: str, query: EntryQuery) -> list[ColumnElement[bool]]:
    unknown = sorted(set(query.states) - set(STATES))
    if unknown:
        raise InvalidInput("states", f"unknown state {unknown[0]}: use ACTIVE, EXPIRED or DELETED")
    conditions = [MatchlistEntry.account_id == account_id, MatchlistEntry.state.in_(query.states)]
    optional = (
        (MatchlistEntry.list_name, query.list_name),
        (MatchlistEntry.batch_name, query.batch_name),
        (MatchlistEntry.reason, query.reason),
        (MatchlistEntry.entity_id, query.entity_id),
        (MatchlistEntry.entry_id, query.entry_id),
    )
    conditions.extend(column == value for column, value in optional if value is not None)
    return conditions


def _ordering(query: EntryQuery) -> list[Any]:
    """Sort fields in the order given; `state` sorts ACTIVE, EXPIRED, DELETED (the vendor's order)."""
    columns: list[Any] = []
    for name in query.sort_fields:
        column: Any = SORT_COLUMNS.get(name)
        if name == "state":
            column = case({state: rank for rank, state in enumerate(STATES)}, value=MatchlistEntry.state)
        if column is None:
            raise InvalidInput("sortFields", f"unknown sort field {name}: use createdAt, updatedAt or state")
        columns.append(column.desc() if query.descending else column.asc())
    return columns


# --- search -----------------------------------------------------------------------------------------------


def search_entries(
    session: Session,
    account_id: str,
    criteria: Sequence[Criterion],
    list_names: Sequence[str] | None,
    fuzzy: bool,
) -> list[SearchHit]:
    """ACTIVE entries matching any criterion. Exact: the same normal form (what the MATCHLIST step
    matches). Fuzzy: the entry's normal form contains the criterion's; confidence is the share of the
    entry's normal form the criterion covers. Best first, then by list and entry."""
    conditions = [MatchlistEntry.account_id == account_id, MatchlistEntry.state == ACTIVE_ENTRY]
    if list_names is not None:
        conditions.append(MatchlistEntry.list_name.in_(list_names))
    matching = or_(*(_criterion_condition(criterion, fuzzy) for criterion in criteria))
    rows = session.scalars(select(MatchlistEntry).where(*conditions, matching))
    scored = [SearchHit(row, max(_confidence(row, criterion) for criterion in criteria)) for row in rows]
    # SQL's LIKE may ignore case where `in` does not: the Python check has the last word.
    hits = [hit for hit in scored if hit.confidence > 0]
    return sorted(hits, key=lambda hit: (-hit.confidence, hit.entry.list_name, hit.entry.id))


def _criterion_condition(criterion: Criterion, fuzzy: bool) -> ColumnElement[bool]:
    value = MatchlistEntry.normalized_value
    found = value.contains(criterion.normalized, autoescape=True) if fuzzy else value == criterion.normalized
    return and_(MatchlistEntry.attribute == criterion.attribute, found)


def _confidence(entry: MatchlistEntry, criterion: Criterion) -> float:
    if entry.attribute != criterion.attribute or criterion.normalized not in entry.normalized_value:
        return 0.0
    return round(len(criterion.normalized) / len(entry.normalized_value), 4)


# --- audit ------------------------------------------------------------------------------------------------


def _record(
    session: Session,
    matchlist: Matchlist,
    entry: MatchlistEntry,
    actor: Actor,
    before: dict[str, Any] | None,
    comment: dict[str, Any] | None,
) -> None:
    after: dict[str, Any] = {"matchlist": _list_record(matchlist), "entry": _entry_record(entry)}
    if comment:
        after["comment"] = comment
    append_event(
        session,
        matchlist.account_id,
        actor,
        AUDIT_ACTION,
        "MATCHLIST_ENTRY",
        entry.entry_id,
        {"entry": before} if before else None,
        after,
    )


def _list_record(matchlist: Matchlist) -> dict[str, Any]:
    return {"matchlistId": matchlist.id, "name": matchlist.name, "action": matchlist.action}


def _entry_record(entry: MatchlistEntry) -> dict[str, Any]:
    return {
        "entryId": entry.entry_id,
        "attribute": entry.attribute,
        "value": entry.value,
        "state": entry.state,
        "reason": entry.reason,
        "reasonCodes": list(entry.reason_codes or []),
        "batchName": entry.batch_name,
        "entityId": entry.entity_id,
    }
