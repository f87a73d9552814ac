"""Evidence collection: the I/O half of the steps (database look-ups, screening, HTTP). Runs before the
engine; whatever a collector cannot gather is a `StepFailure` naming its step.

Also turns party rows into the engine's `SubjectFacts`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, func, or_, select
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
from clearway.verification.screening_source import screen_in_session
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


def load_facts(
    session: Session, account_id: str, entity_id: str, entity_type: str, channel: str | None, today: date
) -> SubjectFacts:
    if entity_type == "ORGANIZATION":
        organization = session.scalar(
            select(Organization).where(
                Organization.account_id == account_id, Organization.entity_id == entity_id
            )
        )
        if organization is None:
            raise NotFound("Entity", entity_id, "entityId")
        related = session.execute(
            select(Person, Ownership)
            .join(Ownership, Ownership.person_id == Person.id)
            .where(Ownership.organization_id == organization.id, Ownership.account_id == account_id)
            .order_by(Person.id)
        ).all()
        people = tuple(person_facts(person, _role(ownership)) for person, ownership in related)
        return SubjectFacts(organization_facts(organization), people, channel, today)
    person = session.scalar(
        select(Person).where(Person.account_id == account_id, Person.entity_id == entity_id)
    )
    if person is None:
        raise NotFound("Entity", entity_id, "entityId")
    return SubjectFacts(person_facts(person), (), channel, today)


def _role(ownership: Ownership) -> str:
    if ownership.ownership_type == "CONTROL_PRONG" or ownership.business_person_position:
        return ownership.ownership_type or "OFFICER"
    return ownership.ownership_type or "OWNER"


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


def person_facts(person: Person, role: str | None = None) -> PartyFacts:
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


def organization_facts(organization: Organization) -> PartyFacts:
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


def collect_matchlist(
    context: Context, name: str, settings: MatchlistSettings
) -> tuple[MatchlistCandidate, ...]:
    keys = wanted_keys(context.facts, settings)
    if not keys:
        return ()
    rows = context.session.scalars(
        select(MatchlistEntry).where(
            MatchlistEntry.account_id == context.account_id,
            MatchlistEntry.state == ACTIVE_ENTRY,  # expired and deleted entries no longer match
            MatchlistEntry.normalized_value.in_(sorted({value for _, value in keys})),
        )
    )
    return tuple(
        MatchlistCandidate(
            r.id, r.list_name, r.action, r.attribute, r.value, r.normalized_value, r.reason, r.entry_id
        )
        for r in rows
        if (r.attribute, r.normalized_value) in keys
    )


def collect_duplicates(
    context: Context, name: str, settings: DuplicateSettings
) -> tuple[DuplicateCandidate, ...]:
    party = context.facts.party
    identifiers = sorted({v for i in party.identifiers for v in (i.value, normal.identifier(i.value)) if v})
    if party.is_individual:
        return _person_duplicates(context, party, identifiers)
    model = Organization
    conditions = []
    if party.email:
        conditions.append(func.lower(model.email) == party.email.lower())
    if party.phone:
        conditions.append(model.phone_number == party.phone)
    if identifiers:
        conditions.append(model.tax_id.in_(identifiers))
    if not conditions:
        return ()
    rows = context.session.scalars(
        select(model)
        .where(model.account_id == context.account_id, model.entity_id != party.entity_id, or_(*conditions))
        .limit(50)
    )
    return tuple(
        DuplicateCandidate(
            r.entity_id, "ORGANIZATION", r.legal_name or "", None, r.email, r.phone_number, (r.tax_id or "",)
        )
        for r in rows
    )


def _person_duplicates(
    context: Context, party: PartyFacts, identifiers: list[str]
) -> tuple[DuplicateCandidate, ...]:
    conditions = []
    if party.email:
        conditions.append(func.lower(Person.email) == party.email.lower())
    if party.phone:
        conditions.append(Person.phone_number == party.phone)
    if identifiers:
        conditions.append(Person.tax_id.in_(identifiers))
    if party.family_name and party.date_of_birth:
        conditions.append(
            and_(
                Person.date_of_birth == party.date_of_birth,
                func.lower(Person.last_name) == party.family_name.lower(),
            )
        )
    if not conditions:
        return ()
    rows = context.session.scalars(
        select(Person)
        .where(Person.account_id == context.account_id, Person.entity_id != party.entity_id, or_(*conditions))
        .limit(50)
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
        result = screen_in_session(
            context.session,
            context.screening,
            screening_party(party),
            settings.lists,
            settings.threshold,
            context.account_id,
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
        screened.append(ScreenedParty(party.entity_id, party.entity_type, party.role, tuple(hits)))
    keys = sorted({hit.match_key for party in screened for hit in party.hits})
    return AmlEvidence(tuple(screened), _resolutions(context, [p.entity_id for p in parties], keys))


def _resolutions(
    context: Context, entity_ids: list[str], keys: list[str]
) -> dict[tuple[str, str], PriorResolution]:
    if not keys:
        return {}
    rows = context.session.scalars(
        select(ProcessResult)
        .where(
            ProcessResult.account_id == context.account_id,
            ProcessResult.entity_id.in_(entity_ids),
            ProcessResult.match_key.in_(keys),
            ProcessResult.manual_status.is_not(None),
        )
        .order_by(ProcessResult.updated_at.desc(), ProcessResult.id)
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
