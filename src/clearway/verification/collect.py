"""Evidence collection: the I/O half of the steps (database look-ups, screening, HTTP). Runs before the
engine; whatever a collector cannot gather is a `StepFailure` naming its step.

Also turns party rows into the engine's `SubjectFacts`."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Select, Table, and_, bindparam, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clearway.errors import NotFound
from clearway.parties.models import Organization, Ownership, Person
from clearway.screening.compare import Party
from clearway.screening.lists.snapshot import entry_data, entry_digest
from clearway.screening.service import ScreeningService
from clearway.verification.definitions import Plan
from clearway.verification.facts import Identifier, PartyFacts, SubjectFacts
from clearway.verification.http import post_signed
from clearway.verification.models import ACTIVE_ENTRY, MatchlistEntry, ProcessResult
from clearway.verification.steps import normal
from clearway.verification.steps.aml import (
    AmlEvidence,
    AmlSettings,
    PriorResolution,
    ScreenedParty,
    ScreeningHit,
)
from clearway.verification.steps.base import StepFailure, StepSettings
from clearway.verification.steps.duplicate import DuplicateCandidate, DuplicateSettings
from clearway.verification.steps.external import ExternalSettings
from clearway.verification.steps.matchlist import MatchlistCandidate, MatchlistSettings, wanted_keys
from clearway.verification.steps.validators import country_alpha2


@dataclass(frozen=True)
class Context:
    session: Session
    account_id: str
    facts: SubjectFacts
    screening: ScreeningService
    request_id: str


Collector = Callable[[Context, str, Any], Any]


# --- facts ------------------------------------------------------------------------------------------------


# The statements of the execution path, built once (see catalog._FIND): Core on the tables, only the
# columns used, bound parameters.
_PERSONS: Table = Person.__table__  # type: ignore[assignment]
_ORGANIZATIONS: Table = Organization.__table__  # type: ignore[assignment]
_OWNERSHIPS: Table = Ownership.__table__  # type: ignore[assignment]
_MATCHLIST_ENTRIES: Table = MatchlistEntry.__table__  # type: ignore[assignment]
_PROCESS_RESULTS: Table = ProcessResult.__table__  # type: ignore[assignment]
_PERSON_COLUMNS = (
    _PERSONS.c.id,
    _PERSONS.c.entity_id,
    _PERSONS.c.first_name,
    _PERSONS.c.middle_name,
    _PERSONS.c.last_name,
    _PERSONS.c.email,
    _PERSONS.c.date_of_birth,
    _PERSONS.c.tax_id,
    _PERSONS.c.citizenship,
    _PERSONS.c.phone_number,
    _PERSONS.c.addresses,
    _PERSONS.c.gender,
    _PERSONS.c.profile,
)
# By the unique entity id alone, the account compared after (see service._START).
_PERSON = select(_PERSONS.c.account_id, *_PERSON_COLUMNS).where(
    _PERSONS.c.entity_id == bindparam("entity_id")
)
_ORGANIZATION = select(
    _ORGANIZATIONS.c.account_id,
    _ORGANIZATIONS.c.id,
    _ORGANIZATIONS.c.entity_id,
    _ORGANIZATIONS.c.legal_name,
    _ORGANIZATIONS.c.operating_name,
    _ORGANIZATIONS.c.tax_id,
    _ORGANIZATIONS.c.phone_number,
    _ORGANIZATIONS.c.email,
    _ORGANIZATIONS.c.industry_category_codes,
    _ORGANIZATIONS.c.country,
    _ORGANIZATIONS.c.profile,
).where(_ORGANIZATIONS.c.entity_id == bindparam("entity_id"))
_RELATED = (
    select(*_PERSON_COLUMNS, _OWNERSHIPS.c.ownership_type, _OWNERSHIPS.c.business_person_position)
    .join(_OWNERSHIPS, _OWNERSHIPS.c.person_id == _PERSONS.c.id)
    .where(
        _OWNERSHIPS.c.organization_id == bindparam("organization_id"),
        _OWNERSHIPS.c.account_id == bindparam("account_id"),
    )
    .order_by(_PERSONS.c.id)
)


class PersonFields(Protocol):
    """What `person_facts` reads of a person: a `Person` or a row of `_PERSON`."""

    @property
    def entity_id(self) -> str: ...
    @property
    def first_name(self) -> str | None: ...
    @property
    def middle_name(self) -> str | None: ...
    @property
    def last_name(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def date_of_birth(self) -> date | None: ...
    @property
    def tax_id(self) -> str | None: ...
    @property
    def citizenship(self) -> str | None: ...
    @property
    def phone_number(self) -> str | None: ...
    @property
    def addresses(self) -> list[dict[str, Any]] | None: ...
    @property
    def gender(self) -> str | None: ...
    @property
    def profile(self) -> dict[str, Any] | None: ...


class OrganizationFields(Protocol):
    """What `organization_facts` reads of an organization: an `Organization` or a row of `_ORGANIZATION`."""

    @property
    def entity_id(self) -> str: ...
    @property
    def legal_name(self) -> str | None: ...
    @property
    def operating_name(self) -> str | None: ...
    @property
    def tax_id(self) -> str | None: ...
    @property
    def phone_number(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def industry_category_codes(self) -> list[str] | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def profile(self) -> dict[str, Any] | None: ...


def load_facts(
    session: Session, account_id: str, entity_id: str, entity_type: str, channel: str | None, today: date
) -> SubjectFacts:
    connection = session.connection()
    key = {"entity_id": entity_id}
    if entity_type == "ORGANIZATION":
        organization = connection.execute(_ORGANIZATION, key).first()
        if organization is None or organization.account_id != account_id:
            raise NotFound("Entity", entity_id, "entityId")
        related = connection.execute(
            _RELATED, {"organization_id": organization.id, "account_id": account_id}
        ).all()
        people = tuple(
            person_facts(row, _role(row.ownership_type, row.business_person_position)) for row in related
        )
        return SubjectFacts(organization_facts(organization), people, channel, today)
    person = connection.execute(_PERSON, key).first()
    if person is None or person.account_id != account_id:
        raise NotFound("Entity", entity_id, "entityId")
    return SubjectFacts(person_facts(person), (), channel, today)


def _role(ownership_type: str | None, business_person_position: str | None) -> str:
    if ownership_type == "CONTROL_PRONG" or business_person_position:
        return ownership_type or "OFFICER"
    return ownership_type or "OWNER"


def _profile_identifiers(profile: dict[str, Any]) -> list[Identifier]:
    """Identity documents of the verification dialect's document (`documents.IDENTITY[]`, or a plain
    list) and generic `identifiers[]`; countries there are alpha-3 or alpha-2."""
    found: list[Identifier] = []
    documents = profile.get("documents")
    groups: Iterable[Any] = documents.values() if isinstance(documents, dict) else [documents or []]
    items = [item for group in groups if isinstance(group, list) for item in group]
    items += [item for item in profile.get("identifiers") or [] if isinstance(item, dict)]
    for item in items:
        if not isinstance(item, dict):
            continue
        value = item.get("primaryIdentifier") or item.get("value")
        kind = item.get("type") or item.get("kind")
        if value and kind:
            raw_country = item.get("country")
            country = country_alpha2(raw_country) if isinstance(raw_country, str) else None
            found.append(Identifier(str(kind), str(value), country))
    return found


def _countries(*values: Any) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        if isinstance(value, str) and value and value not in seen:
            seen.append(value)
    return tuple(seen)


def person_facts(person: PersonFields, role: str | None = None) -> PartyFacts:
    profile = person.profile or {}
    addresses = [a for a in (person.addresses or []) if isinstance(a, dict)]
    countries = _countries(person.citizenship, *(a.get("country") for a in addresses))
    home = country_alpha2(countries[0]) if countries else None
    identifiers = _profile_identifiers(profile)
    if person.tax_id:
        identifiers.insert(0, Identifier("TAX_ID", person.tax_id, home))
    names = [person.first_name, person.middle_name, person.last_name]
    aliases = []
    for alternate in profile.get("alternateNames") or []:
        if isinstance(alternate, dict):
            text = " ".join(
                str(alternate[k]) for k in ("givenName", "middleName", "familyName") if alternate.get(k)
            )
            if text:
                aliases.append(text)
    return PartyFacts(
        entity_id=person.entity_id,
        entity_type="INDIVIDUAL",
        name=" ".join(part for part in names if part),
        given_name=person.first_name,
        middle_name=person.middle_name,
        family_name=person.last_name,
        aliases=tuple(aliases),
        date_of_birth=person.date_of_birth,
        email=person.email,
        phone=person.phone_number,
        identifiers=tuple(identifiers),
        countries=countries,
        gender=person.gender,
        role=role,
    )


def organization_facts(organization: OrganizationFields) -> PartyFacts:
    profile = organization.profile or {}
    details = profile.get("details") if isinstance(profile.get("details"), dict) else {}
    assert isinstance(details, dict)
    identifiers = _profile_identifiers(profile)
    if organization.tax_id:
        kind = "EIN" if (organization.country or "US") == "US" else "TAX_ID"
        identifiers.insert(0, Identifier(kind, organization.tax_id, organization.country or "US"))
    registered = details.get("registrationDate") or profile.get("registrationDate")
    try:
        registration = date.fromisoformat(str(registered)) if registered else None
    except ValueError:
        registration = None
    return PartyFacts(
        entity_id=organization.entity_id,
        entity_type="ORGANIZATION",
        name=organization.legal_name or organization.operating_name or "",
        aliases=tuple(n for n in (organization.operating_name,) if n and n != organization.legal_name),
        date_of_birth=registration,
        email=organization.email,
        phone=organization.phone_number,
        identifiers=tuple(identifiers),
        countries=_countries(organization.country),
        industry_codes=tuple(organization.industry_category_codes or ()),
    )


# --- collectors -------------------------------------------------------------------------------------------


_MATCHLIST = select(
    _MATCHLIST_ENTRIES.c.id,
    _MATCHLIST_ENTRIES.c.list_name,
    _MATCHLIST_ENTRIES.c.action,
    _MATCHLIST_ENTRIES.c.attribute,
    _MATCHLIST_ENTRIES.c.value,
    _MATCHLIST_ENTRIES.c.normalized_value,
    _MATCHLIST_ENTRIES.c.reason,
    _MATCHLIST_ENTRIES.c.entry_id,
).where(
    _MATCHLIST_ENTRIES.c.account_id == bindparam("account_id"),
    _MATCHLIST_ENTRIES.c.state == ACTIVE_ENTRY,  # expired and deleted entries no longer match
    _MATCHLIST_ENTRIES.c.normalized_value.in_(bindparam("values", expanding=True)),
)


def collect_matchlist(
    context: Context, name: str, settings: MatchlistSettings
) -> tuple[MatchlistCandidate, ...]:
    keys = wanted_keys(context.facts, settings)
    if not keys:
        return ()
    rows = context.session.connection().execute(
        _MATCHLIST,
        {"account_id": context.account_id, "values": sorted({value for _, value in keys})},
    )
    return tuple(
        MatchlistCandidate(
            r.id, r.list_name, r.action, r.attribute, r.value, r.normalized_value, r.reason, r.entry_id
        )
        for r in rows
        if (r.attribute, r.normalized_value) in keys
    )


# Duplicate look-ups: one statement per combination of the criteria a party has (email, phone,
# identifiers, family name with date of birth), each built on first use and kept.
@functools.cache
def _duplicate_query(
    individual: bool, email: bool, phone: bool, identifiers: bool, born: bool
) -> Select[Any]:
    table = _PERSONS if individual else _ORGANIZATIONS
    conditions: list[ColumnElement[bool]] = []
    if email:
        conditions.append(func.lower(table.c.email) == bindparam("email"))
    if phone:
        conditions.append(table.c.phone_number == bindparam("phone"))
    if identifiers:
        conditions.append(table.c.tax_id.in_(bindparam("identifiers", expanding=True)))
    if born:
        conditions.append(
            and_(
                table.c.date_of_birth == bindparam("date_of_birth"),
                func.lower(table.c.last_name) == bindparam("family_name"),
            )
        )
    if individual:
        columns = [
            table.c.entity_id,
            table.c.first_name,
            table.c.middle_name,
            table.c.last_name,
            table.c.date_of_birth,
            table.c.email,
            table.c.phone_number,
            table.c.tax_id,
        ]
    else:
        columns = [table.c.entity_id, table.c.legal_name, table.c.email, table.c.phone_number, table.c.tax_id]
    # The account goes into every branch of the OR: each branch is then one index's prefix (account and
    # email, phone, …) and both databases merge a few index look-ups (SQLite's multi-index OR, PostgreSQL's
    # BitmapOr) instead of reading every party of the account. One account test outside the OR would
    # let the planner pick the account's index alone and filter its rows.
    account = table.c.account_id == bindparam("account_id")
    return (
        select(*columns)
        .where(table.c.entity_id != bindparam("entity_id"), or_(*(and_(account, c) for c in conditions)))
        .limit(50)
    )


def collect_duplicates(
    context: Context, name: str, settings: DuplicateSettings
) -> tuple[DuplicateCandidate, ...]:
    party = context.facts.party
    identifiers = sorted({v for i in party.identifiers for v in (i.value, normal.identifier(i.value)) if v})
    born = bool(party.is_individual and party.family_name and party.date_of_birth)
    if not (party.email or party.phone or identifiers or born):
        return ()
    query = _duplicate_query(
        party.is_individual, bool(party.email), bool(party.phone), bool(identifiers), born
    )
    params: dict[str, Any] = {"account_id": context.account_id, "entity_id": party.entity_id}
    if party.email:
        params["email"] = party.email.lower()
    if party.phone:
        params["phone"] = party.phone
    if identifiers:
        params["identifiers"] = identifiers
    if born:
        assert party.family_name is not None
        params["date_of_birth"] = party.date_of_birth
        params["family_name"] = party.family_name.lower()
    rows = context.session.connection().execute(query, params)
    if not party.is_individual:
        return tuple(
            DuplicateCandidate(
                r.entity_id,
                "ORGANIZATION",
                r.legal_name or "",
                None,
                r.email,
                r.phone_number,
                (r.tax_id or "",),
            )
            for r in rows
        )
    return tuple(
        DuplicateCandidate(
            r.entity_id,
            "INDIVIDUAL",
            " ".join(p for p in (r.first_name, r.middle_name, r.last_name) if p),
            r.date_of_birth,
            r.email,
            r.phone_number,
            (r.tax_id or "",),
        )
        for r in rows
    )


def screening_party(party: PartyFacts) -> Party:
    countries = tuple(code for raw in party.countries if (code := country_alpha2(raw)))
    return Party(
        name=party.name,
        schema="Person" if party.is_individual else "Organization",
        aliases=party.aliases,
        birth_dates=(party.date_of_birth.isoformat(),) if party.date_of_birth and party.is_individual else (),
        countries=countries,
        identifiers=tuple(i.value for i in party.identifiers),
        gender=party.gender,
    )


def match_key(list_name: str, entry_id: str) -> str:
    # Entry ids of some loaders already carry the list name ("ofac-sdn:36"); do not repeat it.
    return entry_id if entry_id.startswith(f"{list_name}:") else f"{list_name}:{entry_id}"


def collect_aml(context: Context, name: str, settings: AmlSettings) -> AmlEvidence:
    facts = context.facts
    parties = facts.parties if settings.include_related else (facts.party,)
    screened = []
    for party in parties:
        if not party.name:
            screened.append(ScreenedParty(party.entity_id, party.entity_type, party.role, ()))
            continue
        result = context.screening.screen_in(
            context.session, screening_party(party), context.account_id, settings.lists, settings.threshold
        )
        hits = []
        for hit in result.hits:
            details = hit.to_dict()
            details["listVersions"] = dict(result.list_versions)
            details["algorithmVersion"] = result.algorithm_version
            details["threshold"] = result.threshold
            details["topics"] = list(hit.entry.topics)
            details["programs"] = list(hit.entry.programs)
            digest = entry_digest(entry_data(hit.entry))
            key = match_key(hit.list_name, hit.entry_id)
            hits.append(ScreeningHit(key, digest, hit.score, tuple(hit.entry.topics), details))
        screened.append(
            ScreenedParty(party.entity_id, party.entity_type, party.role, tuple(hits), result.unreadable)
        )
    keys = sorted({hit.match_key for party in screened for hit in party.hits})
    return AmlEvidence(tuple(screened), _resolutions(context, [p.entity_id for p in parties], keys))


_RESOLUTIONS = (
    select(
        _PROCESS_RESULTS.c.id,
        _PROCESS_RESULTS.c.entity_id,
        _PROCESS_RESULTS.c.match_key,
        _PROCESS_RESULTS.c.manual_status,
        _PROCESS_RESULTS.c.match_digest,
        _PROCESS_RESULTS.c.details,
    )
    .where(
        _PROCESS_RESULTS.c.account_id == bindparam("account_id"),
        _PROCESS_RESULTS.c.entity_id.in_(bindparam("entity_ids", expanding=True)),
        _PROCESS_RESULTS.c.match_key.in_(bindparam("keys", expanding=True)),
        _PROCESS_RESULTS.c.manual_status.is_not(None),
    )
    .order_by(_PROCESS_RESULTS.c.updated_at.desc(), _PROCESS_RESULTS.c.id)
)


def _resolutions(
    context: Context, entity_ids: list[str], keys: list[str]
) -> dict[tuple[str, str], PriorResolution]:
    if not keys:
        return {}
    rows = context.session.connection().execute(
        _RESOLUTIONS, {"account_id": context.account_id, "entity_ids": entity_ids, "keys": keys}
    )
    found: dict[tuple[str, str], PriorResolution] = {}
    for row in rows:
        screened = str((row.details or {}).get("screenedEntityId") or row.entity_id)
        key = (screened, str(row.match_key))
        if key not in found:  # newest first: the latest resolution wins
            found[key] = PriorResolution(row.id, str(row.manual_status), row.match_digest)
    return found


def collect_external(context: Context, name: str, settings: ExternalSettings) -> Any:
    secret = settings.secret
    if settings.secret_env:
        secret = os.environ.get(settings.secret_env)
        if not secret:
            raise StepFailure(name, f"environment variable {settings.secret_env} is not set")
    party = context.facts.party
    payload = {
        "requestId": context.request_id,
        "entityId": party.entity_id,
        "entityType": party.entity_type,
        "name": party.name,
        "dateOfBirth": party.date_of_birth.isoformat() if party.date_of_birth else None,
        "email": party.email,
        "phone": party.phone,
        "countries": list(party.countries),
        "identifiers": [{"kind": i.kind, "value": i.value, "country": i.country} for i in party.identifiers],
    }
    return post_signed(
        name,
        str(settings.url),
        payload,
        secret,
        settings.timeout_seconds,
        settings.retries,
        settings.backoff_seconds,
    )


COLLECTORS: dict[str, Collector] = {
    "MATCHLIST": collect_matchlist,
    "DUPLICATE": collect_duplicates,
    "AML": collect_aml,
    "EXTERNAL": collect_external,
}


def collect(context: Context, plan: Plan) -> dict[str, Any]:
    """Evidence of every step that needs some, by step name."""
    evidence: dict[str, Any] = {}
    for step in plan.steps:
        collector = COLLECTORS.get(step.type)
        if collector is None:
            continue
        settings: StepSettings = step.settings
        try:
            evidence[step.name] = collector(context, step.name, settings)
        except (StepFailure, NotFound, SQLAlchemyError):
            raise  # a database error is the transaction's, not the step's: the caller rolls back
        except Exception as exc:
            raise StepFailure(step.name, f"{type(exc).__name__}: {exc}") from exc
    return evidence
