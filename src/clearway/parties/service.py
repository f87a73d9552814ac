"""Businesses (organizations), persons and ownerships inside an account's subject records.

Changes arrive as mappings holding only the fields the caller sent: a value sets a field, None unsets it,
an empty list clears a list. Field syntax is checked by the wire layer with `parties.rules`; here live
the rules that need the database or the account's settings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import exc, func, select
from sqlalchemy.orm import Session

from clearway.applications.models import SubjectRecord
from clearway.db.base import utcnow
from clearway.errors import ConfigurationViolation, InvalidInput, NotFound, RuleViolation
from clearway.ids import new_id
from clearway.parties.models import Organization, Ownership, Person
from clearway.parties.rules import age_on
from clearway.tenancy.models import AccountLike

BUSINESS_FIELDS = (
    "legal_name",
    "operating_name",
    "registration_type",
    "tax_id",
    "phone_number",
    "email",
    "industry_category_codes",
    "additional_fields",
)
PERSON_FIELDS = (
    "first_name",
    "middle_name",
    "last_name",
    "email",
    "date_of_birth",
    "tax_id",
    "citizenship",
    "phone_number",
    "addresses",
)
OWNER_FIELDS = ("ownership_type", "ownership_percentage", "ownership_year_month", "business_person_position")
LIST_FIELDS = frozenset({"industry_category_codes", "additional_fields", "addresses"})
CONTROL_PRONG = "CONTROL_PRONG"
ADULT_AGE = 18


def _apply(
    target: Organization | Person | Ownership, fields: tuple[str, ...], changes: Mapping[str, Any]
) -> None:
    for name in fields:
        if name in changes:
            value = changes[name]
            setattr(target, name, ([] if value is None else list(value)) if name in LIST_FIELDS else value)


def snapshot(entity: Organization | Person | Ownership, fields: tuple[str, ...]) -> dict[str, Any]:
    """The audited form of a party: only its business fields (tax ids are masked in the audit trail)."""
    data: dict[str, Any] = {}
    for name in fields:
        value = getattr(entity, name)
        if name == "tax_id" and value:
            value = "*" * 5 + value[-4:]
        data[name] = value.isoformat() if isinstance(value, date) else value
    return data


# --- businesses ------------------------------------------------------------------------------------


def create_business(
    session: Session, account: AccountLike, record: SubjectRecord, changes: Mapping[str, Any]
) -> Organization:
    existing = session.scalar(
        select(func.count()).select_from(Organization).where(Organization.subject_record_id == record.id)
    )
    if existing:
        raise RuleViolation(
            "MAX_BUSINESS_LIMIT", f"subject record {record.id} already has a business", "Business"
        )
    business = Organization(
        id=new_id("b"),
        account_id=account.id,
        subject_record_id=record.id,
        industry_category_codes=[],
        additional_fields=[],
    )
    _apply(business, BUSINESS_FIELDS, changes)
    session.add(business)
    try:
        session.flush()
    except exc.IntegrityError as error:  # a concurrent create won the unique subject_record_id
        raise RuleViolation(
            "MAX_BUSINESS_LIMIT", f"subject record {record.id} already has a business", "Business"
        ) from error
    return business


def get_business(
    session: Session, account_id: str, business_id: str, field_name: str = "business_id"
) -> Organization:
    business = session.get(Organization, business_id)
    if business is None or business.account_id != account_id or business.subject_record_id is None:
        raise NotFound("Business", business_id, field_name)
    return business


def update_business(session: Session, business: Organization, changes: Mapping[str, Any]) -> None:
    _apply(business, BUSINESS_FIELDS, changes)
    business.updated_at = utcnow()
    session.flush()


# --- persons ---------------------------------------------------------------------------------------


def create_person(
    session: Session, account: AccountLike, record: SubjectRecord, changes: Mapping[str, Any]
) -> Person:
    person = Person(id=new_id("p"), account_id=account.id, subject_record_id=record.id, addresses=[])
    _apply(person, PERSON_FIELDS, changes)
    session.add(person)
    session.flush()
    return person


def get_person(session: Session, account_id: str, person_id: str, field_name: str = "person_id") -> Person:
    person = session.get(Person, person_id)
    if person is None or person.account_id != account_id:
        raise NotFound("Person", person_id, field_name)
    return person


def list_persons(session: Session, record: SubjectRecord) -> list[Person]:
    query = select(Person).where(Person.subject_record_id == record.id)
    return list(session.scalars(query.order_by(Person.created_at, Person.id)))


# --- owners ----------------------------------------------------------------------------------------


def add_owner(
    session: Session, account: AccountLike, business: Organization, person: Person, changes: Mapping[str, Any]
) -> Ownership:
    if person.subject_record_id != business.subject_record_id:
        raise InvalidInput("owner.person_id", "the person belongs to another subject record")
    owners = list_owners(session, business)
    if any(owner.person_id == person.id for owner in owners):
        raise InvalidInput("owner.person_id", "the person is already an owner of this business")
    if len(owners) >= account.max_owners:
        raise ConfigurationViolation(
            "MAX_OWNER_LIMIT",
            f"the account allows at most {account.max_owners} owners per business",
            "BusinessOwner",
            "owner",
        )
    _check_ownership_rules(account, person, changes, owners)
    owner = Ownership(
        id=new_id("bo"), account_id=account.id, organization_id=business.id, person_id=person.id
    )
    _apply(owner, OWNER_FIELDS, changes)
    session.add(owner)
    try:
        session.flush()
    except exc.IntegrityError as error:  # a concurrent addOwner of the same person
        raise InvalidInput("owner.person_id", "the person is already an owner of this business") from error
    return owner


def _check_ownership_rules(
    account: AccountLike, person: Person, changes: Mapping[str, Any], owners: list[Ownership]
) -> None:
    percentage = changes.get("ownership_percentage")
    if percentage is not None and percentage < account.min_ownership_percentage:
        raise ConfigurationViolation(
            "MINIMUM_OWNERSHIP_PERCENTAGE",
            f"the account requires an ownership percentage of at least {account.min_ownership_percentage}",
            "BusinessOwner",
            "owner.ownership_percentage",
        )
    total = sum(owner.ownership_percentage or 0 for owner in owners) + (percentage or 0)
    if total > 100:
        raise InvalidInput("owner.ownership_percentage", f"owners would hold {total}% in total (over 100%)")
    if changes.get("ownership_type") == CONTROL_PRONG:
        _check_control_prong_age(person)


def _check_control_prong_age(person: Person) -> None:
    if person.date_of_birth is None or age_on(person.date_of_birth, date.today()) < ADULT_AGE:
        raise RuleViolation(
            "CONTROL_PRONG_AGE_REQUIREMENT",
            "a CONTROL_PRONG owner must be at least "
            f"{ADULT_AGE} years old (the person's date_of_birth must show it)",
            "BusinessOwner",
        )


def get_owner(
    session: Session, account_id: str, owner_id: str, field_name: str = "business_owner_id"
) -> Ownership:
    owner = session.get(Ownership, owner_id)
    if owner is None or owner.account_id != account_id:
        raise NotFound("BusinessOwner", owner_id, field_name)
    return owner


def list_owners(session: Session, business: Organization) -> list[Ownership]:
    query = select(Ownership).where(Ownership.organization_id == business.id)
    return list(session.scalars(query.order_by(Ownership.created_at, Ownership.id)))
