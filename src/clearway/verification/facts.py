"""What the engine knows of a party: plain, immutable facts gathered from the database by the service
(`collect.load_facts`). The engine and the steps only ever see these, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Identifier:
    """A national id, tax id or registration number; `kind` as the client named it (SSN, EIN, TFN, …)."""

    kind: str
    value: str
    country: str | None = None  # ISO alpha-2 when known


@dataclass(frozen=True, slots=True)
class PartyFacts:
    entity_id: str
    entity_type: str  # INDIVIDUAL | ORGANIZATION
    name: str  # full display name ("" when unknown)
    given_name: str | None = None
    middle_name: str | None = None
    family_name: str | None = None
    aliases: tuple[str, ...] = ()
    date_of_birth: date | None = None  # for an organization: its registration date when known
    email: str | None = None
    phone: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    countries: tuple[str, ...] = ()  # raw as given (nationality, addresses, jurisdiction): checked by KYC
    gender: str | None = None
    industry_codes: tuple[str, ...] = ()
    role: str | None = None  # for a related party: OWNER, OFFICER, CONTROL_PRONG, …

    @property
    def is_individual(self) -> bool:
        return self.entity_type == "INDIVIDUAL"


@dataclass(frozen=True, slots=True)
class SubjectFacts:
    """The subject of an execution and, for an organization, its owners and officers."""

    party: PartyFacts
    related: tuple[PartyFacts, ...] = ()
    channel: str | None = None
    today: date = field(default_factory=date.today)

    @property
    def parties(self) -> tuple[PartyFacts, ...]:
        return (self.party, *self.related)
