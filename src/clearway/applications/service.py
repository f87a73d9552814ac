"""Subject records and application workflows: creation, the CREATED → STARTED → ENDED state machine,
partial updates of business-application details, and completion requirements."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Table, bindparam, exc, select, update
from sqlalchemy.orm import Session

from clearway.applications.models import Application, SubjectRecord
from clearway.db.base import utcnow
from clearway.errors import (
    ConfigurationViolation,
    Conflict,
    InvalidInput,
    MissingRequirements,
    NotFound,
    RuleViolation,
)
from clearway.ids import new_id
from clearway.parties.models import Organization, Ownership, Person
from clearway.parties.rules import email_key
from clearway.tenancy.models import AccountLike
from clearway.tenancy.service import get_equipment_collection, get_pricing_model

BUSINESS_APPLICATION = "BUSINESS_APPLICATION"
ACCOUNT_PROVISIONING = "ACCOUNT_PROVISIONING"
BUSINESS_UNDERWRITING = "BUSINESS_UNDERWRITING"
WORKFLOW_TYPES = (BUSINESS_APPLICATION, ACCOUNT_PROVISIONING, BUSINESS_UNDERWRITING)
CREATABLE_TYPES = (BUSINESS_APPLICATION, ACCOUNT_PROVISIONING)
CREATED, STARTED, ENDED = "CREATED", "STARTED", "ENDED"
CONTROL_PRONG = "CONTROL_PRONG"
APPLYING_USER_FIELDS = ("email", "first_name", "last_name")
DETAIL_FIELDS = ("pricing_model_id", "equipment_collection_id", "referrer_value")
WORKFLOW = "Workflow"


# --- subject records -------------------------------------------------------------------------------


def create_subject_record(
    session: Session, account: AccountLike, record_type: str = "BUSINESS"
) -> SubjectRecord:
    if record_type != "BUSINESS":
        raise RuleViolation(
            "INVALID_SUBJECT_RECORD_TYPE", "BUSINESS is the only subject record type", "SubjectRecord"
        )
    record = SubjectRecord(id=new_id("sr"), account_id=account.id, type=record_type)
    session.add(record)
    session.flush()
    return record


def get_subject_record(
    session: Session, account_id: str, record_id: str, field_name: str = "subject_record_id"
) -> SubjectRecord:
    record = session.get(SubjectRecord, record_id)
    if record is None or record.account_id != account_id:
        raise NotFound("SubjectRecord", record_id, field_name)
    return record


def list_subject_records(session: Session, account_id: str) -> list[SubjectRecord]:
    query = select(SubjectRecord).where(SubjectRecord.account_id == account_id)
    return list(session.scalars(query.order_by(SubjectRecord.created_at, SubjectRecord.id)))


# --- applications ----------------------------------------------------------------------------------


def get_application(
    session: Session,
    account_id: str,
    application_id: str,
    field_name: str = "workflow_id",
    for_update: bool = False,
) -> Application:
    application = session.get(Application, application_id, with_for_update=for_update)
    if application is None or application.account_id != account_id:
        raise NotFound(WORKFLOW, application_id, field_name)
    return application


def list_applications(session: Session, account_id: str, subject_record_id: str | None) -> list[Application]:
    query = select(Application).where(Application.account_id == account_id)
    if subject_record_id is not None:
        get_subject_record(session, account_id, subject_record_id)
        query = query.where(Application.subject_record_id == subject_record_id)
    return list(session.scalars(query.order_by(Application.created_at, Application.id)))


def create_application(
    session: Session,
    account: AccountLike,
    workflow_type: str,
    state: str,
    subject_record_id: str | None,
    details: Mapping[str, Any],
) -> Application:
    if workflow_type not in CREATABLE_TYPES:
        raise RuleViolation(
            "INVALID_WORKFLOW_TYPE", f"workflows of type {workflow_type} cannot be created directly", WORKFLOW
        )
    if subject_record_id is None:
        record = create_subject_record(session, account)
    else:
        record = get_subject_record(session, account.id, subject_record_id, "workflow.subject_record_id")
        _check_type_limit(session, record, workflow_type)
    application = Application(
        id=new_id("w"),
        account_id=account.id,
        subject_record_id=record.id,
        type=workflow_type,
        state=state,
        details={},
        version=1,
    )
    if state == STARTED:
        application.started_at = utcnow()
    if workflow_type == BUSINESS_APPLICATION:
        _check_detail_references(session, account, details, "workflow.details.business_application_details")
        application.details = merge_business_details({}, details)
        _refresh_email_key(application, account)
    else:
        application.details = dict(details)
    session.add(application)
    _flush_guarding_duplicates(session)
    return application


def _check_type_limit(session: Session, record: SubjectRecord, workflow_type: str) -> None:
    query = select(Application.id).where(
        Application.subject_record_id == record.id, Application.type == workflow_type
    )
    if session.scalars(query).first() is not None:
        raise RuleViolation(
            "SUBJECT_RECORD_WORKFLOW_TYPE_LIMIT",
            f"subject record {record.id} already has a {workflow_type} workflow",
            WORKFLOW,
        )


@dataclass(frozen=True)
class ApplicationChange:
    before: dict[str, Any]
    after: dict[str, Any]


def update_business_application(
    session: Session,
    account: AccountLike,
    application_id: str,
    details: Mapping[str, Any],
    expected_type: str | None = None,
    expected_subject_record_id: str | None = None,
) -> ApplicationChange:
    """The seed's `workflow.update`: partial update of a CREATED business application's details.

    `details` holds only the fields the caller sent: a value sets, None unsets, `applying_user` merges
    field by field. The row is locked for the transaction so that parallel updates serialise. This is
    the busiest write of the dialect, so it runs as two prepared Core statements rather than through
    the ORM's unit of work (which cost more than the database work itself)."""
    connection = session.connection()
    row = connection.execute(_LOCK_APPLICATION, {"app_id": application_id}).one_or_none()
    if row is None or row.account_id != account.id:
        raise NotFound(WORKFLOW, application_id, "workflow_id")
    _check_claims(row, expected_type, expected_subject_record_id)
    _check_updatable(row)
    _check_detail_references(session, account, details, "workflow.details.business_application_details")
    before = snapshot(row)
    merged = merge_business_details(row.details, details)
    with _guard_duplicates():
        written = connection.execute(
            _WRITE_DETAILS,
            {
                "app_id": application_id,
                "app_version": row.version,
                "app_new_version": row.version + 1,
                "app_details": merged,
                "app_updated_at": utcnow(),
                "app_email_key": _email_key_for(row.type, merged, account),
            },
        )
    if written.rowcount != 1:  # cannot happen while the row lock holds; never lose an update silently
        raise Conflict(WORKFLOW, f"workflow {application_id} changed concurrently; retry the call")
    return ApplicationChange(before, {**before, "details": copy.deepcopy(merged)})


class WorkflowLike(Protocol):
    """What the state rules read: an `Application` row or a Core result row of it."""

    id: str
    type: str
    state: str
    subject_record_id: str
    details: dict[str, Any]


_APPLICATIONS: Table = Application.__table__  # type: ignore[assignment]
_LOCK_APPLICATION = (
    select(
        _APPLICATIONS.c.id,
        _APPLICATIONS.c.account_id,
        _APPLICATIONS.c.type,
        _APPLICATIONS.c.state,
        _APPLICATIONS.c.subject_record_id,
        _APPLICATIONS.c.details,
        _APPLICATIONS.c.version,
    )
    .where(_APPLICATIONS.c.id == bindparam("app_id"))
    .with_for_update()
)
_WRITE_DETAILS = (
    update(_APPLICATIONS)
    .where(_APPLICATIONS.c.id == bindparam("app_id"), _APPLICATIONS.c.version == bindparam("app_version"))
    .values(
        details=bindparam("app_details"),
        applicant_email_key=bindparam("app_email_key"),
        updated_at=bindparam("app_updated_at"),
        version=bindparam("app_new_version"),
    )
)


def _check_claims(
    application: WorkflowLike, expected_type: str | None, expected_subject_record_id: str | None
) -> None:
    """The seed's example repeats the workflow's type and subject record; they must agree with it."""
    if expected_type is not None and expected_type != application.type:
        raise RuleViolation(
            "INVALID_WORKFLOW_TYPE",
            f"workflow {application.id} is of type {application.type}, not {expected_type}",
            WORKFLOW,
        )
    if expected_subject_record_id is not None and expected_subject_record_id != application.subject_record_id:
        raise InvalidInput(
            "workflow.subject_record_id", f"workflow {application.id} belongs to another subject record"
        )


def _check_updatable(application: WorkflowLike) -> None:
    if application.type != BUSINESS_APPLICATION:
        raise RuleViolation(
            "INVALID_WORKFLOW_TYPE", "only BUSINESS_APPLICATION workflows can be updated", WORKFLOW
        )
    _require_created(application)


def _require_created(application: WorkflowLike) -> None:
    if application.state == STARTED:
        raise RuleViolation(
            "WORKFLOW_ALREADY_STARTED",
            f"workflow {application.id} has already started; only CREATED workflows can be changed",
            WORKFLOW,
        )
    if application.state == ENDED:
        raise RuleViolation("WORKFLOW_ENDED", f"workflow {application.id} has ended", WORKFLOW)


def merge_business_details(current: Mapping[str, Any], change: Mapping[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(dict(current))
    for name in DETAIL_FIELDS:
        if name in change:
            _set_or_unset(merged, name, change[name])
    if "applying_user" in change:
        user_change = change["applying_user"]
        if user_change is None:
            merged.pop("applying_user", None)
        else:
            user = dict(merged.get("applying_user") or {})
            for name in APPLYING_USER_FIELDS:
                if name in user_change:
                    _set_or_unset(user, name, user_change[name])
            merged["applying_user"] = user
    return merged


def _set_or_unset(target: dict[str, Any], name: str, value: Any) -> None:
    if value is None:
        target.pop(name, None)
    else:
        target[name] = value


def _check_detail_references(
    session: Session, account: AccountLike, details: Mapping[str, Any], path: str
) -> None:
    if details.get("pricing_model_id") is not None:
        get_pricing_model(session, account.id, details["pricing_model_id"], f"{path}.pricing_model_id")
    if details.get("equipment_collection_id") is not None:
        get_equipment_collection(
            session, account.id, details["equipment_collection_id"], f"{path}.equipment_collection_id"
        )


def applying_user_email(application: Application) -> str | None:
    user = application.details.get("applying_user") or {}
    email = user.get("email")
    return email if isinstance(email, str) else None


def _refresh_email_key(application: Application, account: AccountLike) -> None:
    application.applicant_email_key = _email_key_for(application.type, application.details, account)


def _email_key_for(workflow_type: str, details: Mapping[str, Any], account: AccountLike) -> str | None:
    """The value of the uniqueness column: set only where the account forbids duplicate emails."""
    email = (details.get("applying_user") or {}).get("email")
    enforce = workflow_type == BUSINESS_APPLICATION and not account.allow_duplicate_applicant_emails
    return email_key(email) if (enforce and isinstance(email, str) and email) else None


def _flush_guarding_duplicates(session: Session) -> None:
    with _guard_duplicates():
        session.flush()


@contextmanager
def _guard_duplicates() -> Iterator[None]:
    """Translate the database's uniqueness verdicts into the vendor's errors."""
    try:
        yield
    except exc.IntegrityError as error:
        if "applicant_email_key" in str(error.orig):
            raise ConfigurationViolation(
                "DUPLICATE_EMAIL",
                "The email address provided for the applying user is already in use by "
                "another Business-Application-type Workflow for the same account.",
                WORKFLOW,
                "workflow.details.business_application_details.applying_user.email",
            ) from error
        if "subject_record_id" in str(error.orig):
            raise RuleViolation(
                "SUBJECT_RECORD_WORKFLOW_TYPE_LIMIT",
                "the subject record already has a workflow of this type",
                WORKFLOW,
            ) from error
        raise


def start_application(session: Session, account: AccountLike, application_id: str) -> ApplicationChange:
    application = get_application(session, account.id, application_id, for_update=True)
    _require_created(application)
    before = snapshot(application)
    application.state, application.started_at = STARTED, utcnow()
    session.flush()
    return ApplicationChange(before, snapshot(application))


@dataclass(frozen=True)
class Requirement:
    code: str
    entity_type: str
    entity_id: str
    message: str
    related_methods: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)


def missing_requirements(session: Session, application: Application) -> list[Requirement]:
    """What stands between a business application and completion."""
    if application.type != BUSINESS_APPLICATION:
        raise RuleViolation("INVALID_WORKFLOW_TYPE", "only BUSINESS_APPLICATION workflows complete", WORKFLOW)
    if application.state == ENDED:
        raise RuleViolation("WORKFLOW_ENDED", f"workflow {application.id} has ended", WORKFLOW)
    missing: list[Requirement] = []
    if application.state != STARTED:
        missing.append(
            Requirement(
                "STARTED_WORKFLOW_REQUIRED",
                WORKFLOW,
                application.id,
                "The workflow must be started before it can complete.",
                ["workflow.start"],
            )
        )
    if not applying_user_email(application):
        missing.append(
            Requirement(
                "FIELDS_REQUIRED",
                WORKFLOW,
                application.id,
                "The applying user's email is required.",
                ["workflow.update"],
                ["details.business_application_details.applying_user.email"],
            )
        )
    missing.extend(_business_requirements(session, application))
    return missing


def _business_requirements(session: Session, application: Application) -> list[Requirement]:
    business = session.scalars(
        select(Organization).where(Organization.subject_record_id == application.subject_record_id)
    ).one_or_none()
    if business is None:
        return [
            Requirement(
                "BUSINESS_REQUIRED",
                "SubjectRecord",
                application.subject_record_id,
                "A business is required.",
                ["business.create"],
                ["legal_name", "tax_id"],
            )
        ]
    missing: list[Requirement] = []
    absent = [name for name in ("legal_name", "tax_id") if not getattr(business, name)]
    if absent:
        missing.append(
            Requirement(
                "FIELDS_REQUIRED",
                "Business",
                business.id,
                f"The business needs: {', '.join(absent)}.",
                ["business.update"],
                absent,
            )
        )
    control_prong = session.scalars(
        select(Ownership.id).where(
            Ownership.organization_id == business.id, Ownership.ownership_type == CONTROL_PRONG
        )
    ).first()
    if control_prong is None:
        missing.append(
            Requirement(
                "CONTROL_PRONG_OWNER_REQUIRED",
                "Business",
                business.id,
                "At least one CONTROL_PRONG owner is required.",
                ["business.addOwner"],
            )
        )
    return missing


@dataclass(frozen=True)
class Completion:
    change: ApplicationChange
    underwriting: Application


def complete_application(session: Session, account: AccountLike, application_id: str) -> Completion:
    """End a business application and open the BUSINESS_UNDERWRITING workflow that carries the decision."""
    application = get_application(session, account.id, application_id, for_update=True)
    missing = missing_requirements(session, application)
    if missing:
        raise MissingRequirementsError(missing)
    before = snapshot(application)
    now = utcnow()
    application.state, application.ended_at = ENDED, now
    underwriting = Application(
        id=new_id("w"),
        account_id=account.id,
        subject_record_id=application.subject_record_id,
        type=BUSINESS_UNDERWRITING,
        state=STARTED,
        started_at=now,
        source_application_id=application.id,
        details={"application_workflow_id": application.id, "decision": "PENDING"},
        version=1,
    )
    session.add(underwriting)
    _flush_guarding_duplicates(session)
    return Completion(ApplicationChange(before, snapshot(application)), underwriting)


class MissingRequirementsError(MissingRequirements):
    def __init__(self, missing: list[Requirement]) -> None:
        super().__init__(
            "The workflow cannot complete: " + " ".join(requirement.message for requirement in missing),
            WORKFLOW,
        )
        self.missing = missing


def snapshot(application: WorkflowLike) -> dict[str, Any]:
    """The audited form of an application."""
    return {
        "type": application.type,
        "state": application.state,
        "subject_record_id": application.subject_record_id,
        "details": copy.deepcopy(application.details),
    }


def subject_record_parties(
    session: Session, record: SubjectRecord
) -> tuple[Organization | None, list[Person]]:
    business = session.scalars(
        select(Organization).where(Organization.subject_record_id == record.id)
    ).first()
    persons = list(
        session.scalars(
            select(Person).where(Person.subject_record_id == record.id).order_by(Person.created_at, Person.id)
        )
    )
    return business, persons
