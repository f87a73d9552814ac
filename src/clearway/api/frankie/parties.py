"""Individuals and organizations as the verification dialect sees them: the vendor's document kept whole
in `profile`, and the core columns (names, date of birth, contacts, nationality, gender) kept in sync
from it so that the engine's steps and the application dialect read the same person."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pycountry
from sqlalchemy.orm import Session

from clearway.api.frankie import schemas
from clearway.audit.service import Actor, append_event
from clearway.db.base import utcnow
from clearway.errors import InvalidInput, NotFound, RuleViolation
from clearway.ids import new_id
from clearway.parties.models import Organization, Person
from clearway.verification.models import ServiceProfile

READ_ONLY = ("entityId", "entityType", "createdAt", "schemaVersion")
# The document's list members get the vendor's per-item ids when the caller did not send them.
ITEM_IDS = {"addresses": "addressId", "emailAddresses": "emailAddressId", "phoneNumbers": "phoneNumberId"}
PHONE_COLUMN = 20
LEGAL_NAME_LENGTH = 300  # the organization name columns
COUNTRY_LENGTH = 64  # a jurisdiction may be a subdivision ("AU-NSW"); only a country code is kept
INDIVIDUAL = "INDIVIDUAL"
ORGANIZATION = "ORGANIZATION"


def _document(model: schemas.Document) -> dict[str, Any]:
    data = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    for key in READ_ONLY:
        data.pop(key, None)
    return data


def _with_item_ids(document: dict[str, Any]) -> dict[str, Any]:
    for field, id_name in ITEM_IDS.items():
        for item in document.get(field) or []:
            item.setdefault(id_name, str(uuid.uuid4()))
    if isinstance(document.get("name"), dict):
        document["name"].setdefault("nameId", str(uuid.uuid4()))
    if isinstance(document.get("dateOfBirth"), dict):
        document["dateOfBirth"].setdefault("dateOfBirthId", str(uuid.uuid4()))
    return document


def _birth_date(document: dict[str, Any]) -> date | None:
    birth = document.get("dateOfBirth") or {}
    try:
        return date(int(birth["year"]), int(birth.get("month") or 1), int(birth.get("day") or 1))
    except (KeyError, TypeError, ValueError):
        return None


def _country_alpha2(value: str | None) -> str | None:
    if not value:
        return None
    found = pycountry.countries.get(alpha_2=value.upper()) or pycountry.countries.get(alpha_3=value.upper())
    return found.alpha_2 if found is not None else None


def _preferred(items: list[dict[str, Any]] | None, key: str) -> str | None:
    items = items or []
    ranked = sorted(items, key=lambda item: not item.get("isPreferred"))
    return next((item[key] for item in ranked if item.get(key)), None)


def _sync_person(person: Person, document: dict[str, Any]) -> None:
    name = document.get("name") or {}
    person.first_name = name.get("givenName")
    person.middle_name = name.get("middleName")
    person.last_name = name.get("familyName")
    person.date_of_birth = _birth_date(document)
    person.email = _preferred(document.get("emailAddresses"), "email")
    phone = _preferred(document.get("phoneNumbers"), "number")
    person.phone_number = phone if phone and len(phone) <= PHONE_COLUMN else None
    person.citizenship = _country_alpha2(document.get("nationality"))
    person.gender = (document.get("gender") or {}).get("gender")
    person.addresses = list(document.get("addresses") or [])
    person.profile = document


def _check_birth(document: dict[str, Any]) -> None:
    birth = document.get("dateOfBirth")
    if birth and birth.get("year") and _birth_date(document) is None:
        raise InvalidInput("individual.dateOfBirth", "year, month and day must form a real date")


def create_individual(
    session: Session, account_id: str, individual: schemas.Individual, actor: Actor
) -> Person:
    document = _with_item_ids(_document(individual))
    _check_birth(document)
    person = Person(id=new_id("p"), account_id=account_id, addresses=[])
    _sync_person(person, document)
    session.add(person)
    session.flush()
    append_event(session, account_id, actor, "ENTITY_CREATE", INDIVIDUAL, person.entity_id, None, document)
    return person


def get_individual(session: Session, account_id: str, entity_id: str) -> Person:
    person = session.query(Person).filter_by(entity_id=entity_id, account_id=account_id).one_or_none()
    if person is None:
        raise NotFound("Individual", entity_id, "entityId")
    return person


def update_individual(session: Session, person: Person, individual: schemas.Individual, actor: Actor) -> None:
    """Top-level members sent replace those stored; members not sent are kept."""
    before = dict(person.profile or {})
    document = _with_item_ids({**before, **_document(individual)})
    _check_birth(document)
    _sync_person(person, document)
    person.updated_at = utcnow()
    session.flush()
    append_event(
        session, person.account_id, actor, "ENTITY_UPDATE", INDIVIDUAL, person.entity_id, before, document
    )


def delete_individual(session: Session, person: Person, actor: Actor) -> None:
    if person.subject_record_id is not None:
        raise RuleViolation(
            "ENTITY_IN_APPLICATION", "the individual belongs to an application; remove it there", "Individual"
        )
    profiles = session.query(ServiceProfile).filter_by(
        account_id=person.account_id, entity_id=person.entity_id
    )
    for profile in profiles:
        profile.state = "DELETED"
    before = dict(person.profile or {})
    session.delete(person)
    session.flush()
    append_event(
        session, person.account_id, actor, "ENTITY_PURGE", INDIVIDUAL, person.entity_id, before, None
    )


def create_organization(
    session: Session, account_id: str, organization: schemas.Organization, actor: Actor
) -> Organization:
    document = _document(organization)
    details = document.get("details") or {}
    names = details.get("name")
    registered = _text(
        names if isinstance(names, dict) else {}, "name", LEGAL_NAME_LENGTH, "organization.details.name"
    )
    jurisdiction = _text(details, "jurisdiction", COUNTRY_LENGTH, "organization.details")
    country = _text(details, "country", COUNTRY_LENGTH, "organization.details")
    row = Organization(
        id=new_id("b"),
        account_id=account_id,
        legal_name=registered or None,
        country=_country_alpha2(jurisdiction or country),
        industry_category_codes=[],
        additional_fields=[],
        profile=document,
    )
    session.add(row)
    session.flush()
    append_event(session, account_id, actor, "ENTITY_CREATE", ORGANIZATION, row.entity_id, None, document)
    return row


def _text(container: dict[str, Any], key: str, limit: int, at: str) -> str | None:
    """A member of the free-form organization document that a core column is filled from: text that
    fits the column, or a 400 naming it (never a silent truncation, never a crash on a number)."""
    value = container.get(key)
    if value is not None and (not isinstance(value, str) or len(value) > limit):
        raise InvalidInput(f"{at}.{key}", f"must be text of at most {limit} characters")
    return value


def get_organization(session: Session, account_id: str, entity_id: str) -> Organization:
    row = session.query(Organization).filter_by(entity_id=entity_id, account_id=account_id).one_or_none()
    if row is None:
        raise NotFound("Organization", entity_id, "entityId")
    return row
