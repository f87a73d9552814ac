"""Party tables. Kompliant's business/person and FrankieOne's organization/individual are the same rows:
each party carries its application-dialect id (`b_…`, `p_…`) and a UUID `entity_id` for the other."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from clearway.db.base import Base, UTCDateTime, utcnow


def new_entity_id() -> str:
    return str(uuid.uuid4())


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_entity_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    # At most one business per subject record: the constraint, not a check, enforces it.
    subject_record_id: Mapped[str | None] = mapped_column(ForeignKey("subject_records.id"), unique=True)
    legal_name: Mapped[str | None] = mapped_column(String(300))
    operating_name: Mapped[str | None] = mapped_column(String(300))
    registration_type: Mapped[str | None] = mapped_column(String(60))
    tax_id: Mapped[str | None] = mapped_column(String(20))
    phone_number: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    industry_category_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    additional_fields: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    country: Mapped[str | None] = mapped_column(String(2))  # jurisdiction, ISO alpha-2
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # see Person.profile
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Person(Base):
    __tablename__ = "persons"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), unique=True, default=new_entity_id)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    subject_record_id: Mapped[str | None] = mapped_column(ForeignKey("subject_records.id"), index=True)
    first_name: Mapped[str | None] = mapped_column(String(200))
    middle_name: Mapped[str | None] = mapped_column(String(200))
    last_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    tax_id: Mapped[str | None] = mapped_column(String(20))
    citizenship: Mapped[str | None] = mapped_column(String(2))
    phone_number: Mapped[str | None] = mapped_column(String(20))
    addresses: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    gender: Mapped[str | None] = mapped_column(String(20))
    # Everything else a dialect knows of the person (the verification dialect's full individual document:
    # names, documents, identifiers, external references…); the columns above are the canonical core.
    profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Ownership(Base):
    """A person's stake or role in an organization (Kompliant's business owner, `bo_…`)."""

    __tablename__ = "ownerships"
    __table_args__ = (UniqueConstraint("organization_id", "person_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    ownership_type: Mapped[str | None] = mapped_column(String(40))
    ownership_percentage: Mapped[int | None] = mapped_column(Integer)
    ownership_year_month: Mapped[str | None] = mapped_column(String(7))
    business_person_position: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


# The DUPLICATE step's look-ups (verification/collect.py): another party of the same account with the
# same email (any case), phone, identifier, or family name (any case) and date of birth. Without these
# each execution scans every party of its account.
Index("ix_persons_account_email", Person.account_id, func.lower(Person.email))
Index("ix_persons_account_phone", Person.account_id, Person.phone_number)
Index("ix_persons_account_tax_id", Person.account_id, Person.tax_id)
Index("ix_persons_account_family_born", Person.account_id, func.lower(Person.last_name), Person.date_of_birth)
Index("ix_organizations_account_email", Organization.account_id, func.lower(Organization.email))
Index("ix_organizations_account_phone", Organization.account_id, Organization.phone_number)
Index("ix_organizations_account_tax_id", Organization.account_id, Organization.tax_id)
