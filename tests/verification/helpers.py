"""Builders for verification tests: parties of a fresh account, sample lists as the account's own lists
(so that tests sharing the session database do not see each other's lists)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from clearway.audit.service import Actor
from clearway.db import Database
from clearway.ids import new_id
from clearway.parties.models import Organization, Ownership, Person
from clearway.screening.lists.service import import_list
from clearway.tenancy.models import Account, AccountSnapshot

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "clearway" / "screening" / "samples"
ACTOR = Actor(credential_id=None, username="analyst@example.com", channel="api", request_id="req-test")


def snapshot(database: Database, account_id: str) -> AccountSnapshot:
    with database.transaction() as session:
        account = session.get(Account, account_id)
        assert account is not None
        return AccountSnapshot.of(account)


def add_person(database: Database, account_id: str, **fields: Any) -> str:
    values: dict[str, Any] = {
        "first_name": "Jane",
        "last_name": "Citizen",
        "date_of_birth": date(1985, 4, 12),
        "email": "jane.citizen@example.com",
        "phone_number": "+14155552671",
        "citizenship": "US",
        "tax_id": "536-90-4399",
    }
    values.update(fields)
    with database.transaction() as session:
        person = Person(id=new_id("p"), account_id=account_id, addresses=[], profile={}, **values)
        session.add(person)
        session.flush()
        return person.entity_id


def add_organization(database: Database, account_id: str, owners: list[str], **fields: Any) -> str:
    """An organization owned by the persons with these entity ids."""
    values: dict[str, Any] = {"legal_name": "Acme Widgets LLC", "tax_id": "04-2103594", "country": "US"}
    values.update(fields)
    with database.transaction() as session:
        organization = Organization(
            id=new_id("b"),
            account_id=account_id,
            industry_category_codes=[],
            additional_fields=[],
            profile={},
            **values,
        )
        session.add(organization)
        session.flush()
        for entity_id in owners:
            person = session.query(Person).filter_by(entity_id=entity_id).one()
            session.add(
                Ownership(
                    id=new_id("bo"),
                    account_id=account_id,
                    organization_id=organization.id,
                    person_id=person.id,
                    ownership_type="BENEFICIAL_OWNER",
                    ownership_percentage=50,
                )
            )
        return organization.entity_id


def import_sample_lists(database: Database, account_id: str, suffix: str = "") -> None:
    with database.transaction() as session:
        import_list(session, SAMPLES / "ofac", name=f"ofac-{account_id}{suffix}"[:100], account_id=account_id)
        import_list(
            session,
            SAMPLES / "un" / "sample.xml",
            name=f"un-{account_id}{suffix}"[:100],
            account_id=account_id,
        )
