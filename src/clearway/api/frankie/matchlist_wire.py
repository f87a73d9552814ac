"""Matchlist entries between the core spec's shape and ours.

The spec's entry is a set of attributes (`IND_GIVEN_NAME`, `EMAIL_ADDRESS`, `ADDR_LOCALITY`, …) matched
together; ours is one value of one kind (NAME, EMAIL, PHONE, IDENTIFIER), which is what the MATCHLIST step
compares. So an entry carries one of:
- a name: `IND_DISPLAY_NAME`, `ORG_NAME`, or name parts (`IND_GIVEN_NAME`, `IND_MIDDLE_NAME`,
  `IND_FAMILY_NAME`) joined into one display name (word order does not matter to the step);
- `EMAIL_ADDRESS`, `PHONE_NUMBER`;
- an identifier: `DOC_PRIMARY_IDENTIFIER` or `ORG_REGISTRATION_NUMBER`.
Any other attribute, or two values in one entry, is refused naming the attribute: accepting it would
store an entry that matches differently from what the caller asked for."""

from __future__ import annotations

from collections.abc import Sequence

from clearway.api.frankie import schemas_matchlists as wire
from clearway.api.frankie.errors import invalid
from clearway.api.frankie.schemas import EntityTypeName
from clearway.verification import matchlists
from clearway.verification.models import Matchlist, MatchlistEntry

NAME_PARTS = ("IND_GIVEN_NAME", "IND_MIDDLE_NAME", "IND_FAMILY_NAME")
# wire attribute type -> (our attribute, whose value it is)
SINGLE_VALUES: dict[str, tuple[str, str | None]] = {
    "IND_DISPLAY_NAME": ("NAME", "INDIVIDUAL"),
    "ORG_NAME": ("NAME", "ORGANIZATION"),
    "EMAIL_ADDRESS": ("EMAIL", None),
    "PHONE_NUMBER": ("PHONE", None),
    "DOC_PRIMARY_IDENTIFIER": ("IDENTIFIER", None),
    "ORG_REGISTRATION_NUMBER": ("IDENTIFIER", "ORGANIZATION"),
}
SUPPORTED = "IND_DISPLAY_NAME, ORG_NAME, IND_GIVEN/MIDDLE/FAMILY_NAME, EMAIL_ADDRESS, PHONE_NUMBER, " + (
    "DOC_PRIMARY_IDENTIFIER or ORG_REGISTRATION_NUMBER"
)


def criterion(
    attributes: Sequence[wire.MatchlistEntryAttribute], location: str
) -> tuple[str, str, str | None]:
    """(our attribute, value, subject type) of one entry's attributes; refuses what we cannot match."""
    for index, attribute in enumerate(attributes):
        if attribute.type not in SINGLE_VALUES and attribute.type not in NAME_PARTS:
            raise invalid(
                f"{attribute.type} is not matched by Clearway; use {SUPPORTED}", f"{location}.{index}.type"
            )
    parts = [item for item in attributes if item.type in NAME_PARTS]
    singles = [item for item in attributes if item.type in SINGLE_VALUES]
    if parts and not singles:
        return "NAME", _joined_name(parts, location), "INDIVIDUAL"
    if len(singles) == 1 and not parts:
        kind, subject = SINGLE_VALUES[singles[0].type]
        return kind, singles[0].value, subject
    raise invalid(
        "an entry holds one value: send each name, email, phone or identifier as its own entry", location
    )


def _joined_name(parts: Sequence[wire.MatchlistEntryAttribute], location: str) -> str:
    kinds = [part.type for part in parts]
    if len(set(kinds)) != len(kinds):
        raise invalid("each name part at most once per entry", location)
    ordered = sorted(parts, key=lambda part: NAME_PARTS.index(part.type))
    return " ".join(part.value.strip() for part in ordered if part.value.strip())


def new_entry(request: wire.CreateMatchlistEntryRequest, location: str) -> matchlists.NewEntry:
    if (request.entity_id is None) != (request.entity_type is None):
        raise invalid("entityId and entityType go together: send both or neither", f"{location}.entityType")
    kind, value, subject = criterion(request.attributes, f"{location}.attributes")
    # The domain's check (the step's normal form must keep something), named at the wire location.
    matchlists.normalized_value(kind, value, f"{location}.attributes")
    return matchlists.NewEntry(
        attribute=kind,
        value=value,
        reason=request.reference,
        subject_type=subject,
        reason_codes=tuple(request.reasons),
        entity_id=request.entity_id.lower() if request.entity_id else None,
        entity_type=request.entity_type,
    )


def search_criteria(search: wire.MatchlistsSearchCriteria) -> list[matchlists.Criterion]:
    """Each searched attribute on its own (name parts too: a fuzzy search for a family name finds every
    entry whose name contains it)."""
    found = []
    for index, attribute in enumerate(search.attributes):
        location = f"search.attributes.{index}"
        kind = "NAME" if attribute.type in NAME_PARTS else criterion([attribute], location)[0]
        found.append(matchlists.criterion(kind, attribute.value, f"{location}.value"))
    return found


def attributes_of(entry: MatchlistEntry) -> list[wire.MatchlistEntryAttribute]:
    organization = entry.subject_type == "ORGANIZATION"
    kind = {
        "NAME": "ORG_NAME" if organization else "IND_DISPLAY_NAME",
        "EMAIL": "EMAIL_ADDRESS",
        "PHONE": "PHONE_NUMBER",
        "IDENTIFIER": "ORG_REGISTRATION_NUMBER" if organization else "DOC_PRIMARY_IDENTIFIER",
    }[entry.attribute]
    return [wire.MatchlistEntryAttribute.model_validate({"type": kind, "value": entry.value})]


def entry(row: MatchlistEntry) -> wire.MatchlistEntry:
    return wire.MatchlistEntry(
        entry_id=row.entry_id,
        entity_id=row.entity_id,
        entity_type=_entity_type(row.entity_type),
        reference=row.reason,
        reasons=list(row.reason_codes or []) or None,
        attributes=attributes_of(row),
        state=_entry_state(row.state),
        batch_name=row.batch_name,
        created_by=row.created_by,
        created_at=row.created_at,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


def entry_with_audit(row: MatchlistEntry) -> wire.MatchlistEntryBaseWithAudit:
    full = entry(row)
    return wire.MatchlistEntryBaseWithAudit.model_validate(
        full.model_dump(exclude={"attributes", "state", "batch_name"})
    )


def matchlist(row: Matchlist) -> wire.Matchlist:
    return wire.Matchlist(
        matchlist_id=row.id,
        name=row.name,
        action=_action(row.action),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_by=row.created_by,  # a list never changes after its creation
        updated_at=row.created_at,
    )


def matchlist_base(row: Matchlist) -> wire.MatchlistBase:
    return wire.MatchlistBase(matchlist_id=row.id, name=row.name, action=_action(row.action))


def entries_matchlist(row: Matchlist) -> wire.MatchlistEntryMatchlist:
    return wire.MatchlistEntryMatchlist(matchlist_id=row.id, name=row.name, action=_action(row.action))


ACTIONS: dict[str, wire.MatchlistAction] = {"BLOCK": "BLOCK", "ALLOW": "ALLOW"}
ENTRY_STATES: dict[str, wire.EntryState] = {"ACTIVE": "ACTIVE", "EXPIRED": "EXPIRED", "DELETED": "DELETED"}
ENTITY_TYPES: dict[str, EntityTypeName] = {
    "INDIVIDUAL": "INDIVIDUAL",
    "ORGANIZATION": "ORGANIZATION",
    "UNKNOWN": "UNKNOWN",
}


def _action(value: str) -> wire.MatchlistAction:
    return ACTIONS[value]


def _entry_state(value: str) -> wire.EntryState:
    return ENTRY_STATES[value]


def _entity_type(value: str | None) -> EntityTypeName | None:
    return ENTITY_TYPES.get(value or "")
