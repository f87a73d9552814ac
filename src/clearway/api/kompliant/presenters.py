"""Domain rows → wire schemas of the application dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from clearway.api.kompliant import schemas
from clearway.applications import service as applications
from clearway.applications.models import Application, SubjectRecord
from clearway.parties import service as parties
from clearway.parties.models import Organization, Ownership, Person
from clearway.parties.rules import mask_tax_id
from clearway.verification import onboarding

DETAILS_KEY_BY_TYPE = {
    applications.BUSINESS_APPLICATION: "business_application_details",
    applications.ACCOUNT_PROVISIONING: "account_provisioning_details",
    applications.BUSINESS_UNDERWRITING: "business_underwriting_details",
}


def workflow(application: Application, session: Session | None = None) -> schemas.Workflow:
    """With a session, a business application also shows its latest KYB verification run."""
    details: dict[str, Any] = {DETAILS_KEY_BY_TYPE[application.type]: application.details}
    verification = None
    if session is not None and application.type == applications.BUSINESS_APPLICATION:
        verification = onboarding.summary(
            onboarding.latest_kyb(session, application.account_id, application.subject_record_id)
        )
    return schemas.Workflow(
        workflow_id=application.id,
        account_id=application.account_id,
        type=application.type,
        subject_record_id=application.subject_record_id,
        state=application.state,
        details=details,
        started_at=application.started_at,
        ended_at=application.ended_at,
        created_at=application.created_at,
        updated_at=application.updated_at,
        verification=verification,
    )


def person(row: Person, show_sensitive: bool) -> schemas.PersonOut:
    return schemas.PersonOut(
        person_id=row.id,
        subject_record_id=row.subject_record_id,
        email=row.email,
        first_name=row.first_name,
        middle_name=row.middle_name,
        last_name=row.last_name,
        date_of_birth=row.date_of_birth.isoformat() if row.date_of_birth else None,
        tax_id=row.tax_id if show_sensitive else mask_tax_id(row.tax_id),
        citizenship=row.citizenship,
        phone_number=row.phone_number,
        addresses=[schemas.AddressOut.model_validate(address) for address in row.addresses],
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def owner(session: Session, row: Ownership, verbose: bool, show_sensitive: bool) -> schemas.BusinessOwnerOut:
    embedded = None
    if verbose:
        embedded = person(parties.get_person(session, row.account_id, row.person_id), show_sensitive)
    return schemas.BusinessOwnerOut(
        business_owner_id=row.id,
        business_id=row.organization_id,
        person_id=row.person_id,
        ownership_type=row.ownership_type,
        ownership_percentage=row.ownership_percentage,
        ownership_year_month=row.ownership_year_month,
        business_person_position=row.business_person_position,
        person=embedded,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def business(session: Session, row: Organization, verbose: bool, show_sensitive: bool) -> schemas.BusinessOut:
    owners = parties.list_owners(session, row)
    return schemas.BusinessOut(
        business_id=row.id,
        subject_record_id=row.subject_record_id,
        legal_name=row.legal_name,
        operating_name=row.operating_name,
        registration_type=row.registration_type,
        tax_id=row.tax_id if show_sensitive else mask_tax_id(row.tax_id),
        phone_number=row.phone_number,
        email=row.email,
        industry_category_codes=list(row.industry_category_codes),
        additional_fields=list(row.additional_fields),
        business_owner_ids=[o.id for o in owners],
        business_owners=[owner(session, o, verbose, show_sensitive) for o in owners] if verbose else None,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def subject_record(
    session: Session, record: SubjectRecord, verbose: bool, show_sensitive: bool
) -> schemas.SubjectRecordOut:
    organization, persons = applications.subject_record_parties(session, record)
    workflows = applications.list_applications(session, record.account_id, record.id)
    return schemas.SubjectRecordOut(
        subject_record_id=record.id,
        account_id=record.account_id,
        type=record.type,
        business_id=organization.id if organization else None,
        person_ids=[p.id for p in persons],
        workflow_ids=[w.id for w in workflows],
        business=business(session, organization, verbose, show_sensitive)
        if verbose and organization
        else None,
        persons=[person(p, show_sensitive) for p in persons] if verbose else None,
        workflows=[workflow(w, session) for w in workflows] if verbose else None,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )
