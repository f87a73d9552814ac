"""Domain rows -> wire models. The only place that knows how our columns spell the vendor's fields."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from clearway.api.frankie import schemas
from clearway.audit.models import AuditEvent
from clearway.parties.models import Organization, Person
from clearway.verification.models import Execution, ProcessResult, ServiceProfile

SCHEMA_VERSION = 2
AUDIT_NAMESPACE = uuid.UUID("6f1d2a52-4c1e-4b8e-9a51-2d0c7f6a9e11")  # stable event ids from row ids
CLASS_BY_STEP = {"AML": "AML", "MATCHLIST": "MATCHLIST", "DUPLICATE": "DUPLICATE", "KYC": "KYC"}
CHANNELS = {"portal": "PORTAL", "smartui": "ONESDK", "onesdk": "ONESDK", "system": "SYSTEM"}
# The engine's issue vocabulary (docs/verification.md) in the vendor's `Workflow-Issue` enums; the engine's
# own triple stays beside it in `code`, `engineCategory` and `engineSeverity` (nothing is lost).
ISSUE_CATEGORIES = {
    "AML": "AML",
    "MATCHLIST": "BLOCKLISTED",
    "DUPLICATE": "DUPLICATE",
    "DATA": "BAD_DATA",
    "EXTERNAL": "VERIFY",
}
ISSUE_TYPES = {
    "SANCTION_HIT": "SANCTION",
    "PEP_HIT": "PEP",
    "CONFIRMED_HIT": "AML_ISSUE",
    "BLOCKLIST_MATCH": "DENY_LIST",
    "DUPLICATE_ENTITY": "DUPLICATE",
    "EXTERNAL_FAIL": "DATA_COMPARISON",
    "EXTERNAL_HIT": "MATCHED_EXTERNAL",
    "NAME_NOT_SCREENED": "BAD_DATA_NAME",  # a name in a script the screening engine cannot read
}
BAD_DATA_TYPES = {  # the KYC step's MISSING_<CHECK> / INVALID_<CHECK>
    "NAME": "BAD_DATA_NAME",
    "GIVENNAME": "BAD_DATA_NAME",
    "FAMILYNAME": "BAD_DATA_NAME",
    "DATEOFBIRTH": "BAD_DATA_DOB",
    "EMAIL": "BAD_DATA_EMAIL",
    "PHONE": "BAD_DATA_MOBILE",
    "IDENTIFIER": "BAD_DATA_ID",
    "COUNTRY": "BAD_DATA_ADDRESS",
}
# Process results the engine writes with a step result's value (KYC MISSING_DATA, an external check's
# answer) in the vendor's `Process-ResultEnum`; values already in it pass unchanged.
PROCESS_RESULTS = {
    "MISSING_DATA": "BAD_DATA",
    "INCOMPLETE": "BAD_DATA",
    "PASS": "CLEAR",
    "COMPLETE": "CLEAR",
    "CLEARED": "CLEAR",
    "CLEAR_REVIEW": "CLEAR",
    "PARTIAL": "PARTIAL_MATCH",
    "HIT_ACCEPTED": "HIT",
    "HIT_REJECTED": "REJECTED",
    "EXPIRED": "INVALID_MATCH",
    "UNCHECKED": "NOT_APPLICABLE",
    "SKIPPED": "NOT_APPLICABLE",
    "ERROR": "FAIL",
}
ISSUE_SEVERITIES = {
    "INFO": "INFO",
    "LOW": "WARNING",
    "MEDIUM": "REVIEW",
    "HIGH": "CRITICAL",
    "BLOCK": "BLOCK",
}


def individual(person: Person) -> schemas.Individual:
    document: dict[str, Any] = dict(person.profile or {})
    if not document:  # a person made through the application dialect: show its core columns
        document = _document_from_columns(person)
    document.update(
        entityId=person.entity_id,
        entityType="INDIVIDUAL",
        createdAt=person.created_at.isoformat(),
        schemaVersion=SCHEMA_VERSION,
    )
    return schemas.Individual.model_validate(document)


def _document_from_columns(person: Person) -> dict[str, Any]:
    document: dict[str, Any] = {}
    if person.last_name:
        document["name"] = {
            key: value
            for key, value in (
                ("givenName", person.first_name),
                ("middleName", person.middle_name),
                ("familyName", person.last_name),
            )
            if value
        }
    if person.date_of_birth:
        birth = person.date_of_birth
        document["dateOfBirth"] = {
            "year": f"{birth.year:04d}",
            "month": f"{birth.month:02d}",
            "day": f"{birth.day:02d}",
            "normalized": birth.isoformat(),
        }
    if person.email:
        document["emailAddresses"] = [{"email": person.email, "isPreferred": True}]
    if person.phone_number:
        document["phoneNumbers"] = [{"number": person.phone_number, "isPreferred": True}]
    if person.citizenship:
        document["nationality"] = person.citizenship
    return document


def organization(row: Organization) -> schemas.Organization:
    document: dict[str, Any] = dict(row.profile or {})
    if not document and row.legal_name:
        document["details"] = {"name": {"name": row.legal_name}}
    document.update(
        entityId=row.entity_id,
        entityType="ORGANIZATION",
        createdAt=row.created_at.isoformat(),
        schemaVersion=SCHEMA_VERSION,
    )
    return schemas.Organization.model_validate(document)


def _risk(execution: Execution, profile: ServiceProfile | None = None) -> schemas.RiskAssessment | None:
    override = profile.risk_level_override if profile is not None else None
    if execution.risk_level is None and override is None:
        return None
    return schemas.RiskAssessment(
        service_profile_id=execution.service_profile_id,
        workflow_id=str(execution.definition_id),
        workflow_execution_id=execution.id,
        entity_id=execution.entity_id,
        created_at=execution.started_at,
        updated_at=execution.updated_at,
        workflow_risk_score=execution.risk_score,
        workflow_risk_level=_risk_level(execution.risk_level),
        risk_score=execution.risk_score,
        risk_level=_risk_level(override or execution.risk_level),
        risk_factors=[schemas.RiskFactor.model_validate(factor) for factor in execution.risk_factors or []],
    )


def _risk_level(value: str | None) -> Any:
    return value or None


def risk_assessment(execution: Execution, profile: ServiceProfile) -> schemas.RiskAssessment:
    assessment = _risk(execution, profile)
    assert assessment is not None  # the profile carries an override
    override = profile.risk_override or {}
    assessment.updated_by = override.get("by")
    assessment.updated_request_id = override.get("requestId")
    return assessment


def _summary_fields(execution: Execution) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "workflow_name": execution.workflow_name,
        "workflow_execution_id": execution.id,
        "workflow_execution_state": execution.state,
        "status": execution.status,
        "status_override_at": execution.status_override_at,
        "status_override_request_id": execution.status_override_request_id,
        "status_override_by": execution.status_override_by,
        "risk_assessment": _risk(execution),
        "is_manual": bool(execution.status_override_request_id),
        "steps": schemas.WorkflowExecutionSteps.model_validate(execution.steps or {}),
        "started_at": execution.started_at,
        "ended_at": execution.ended_at,
        "issues": [
            schemas.WorkflowIssue.model_validate(wire_issue(issue)) for issue in execution.issues or []
        ],
        "lifecycle_phase": execution.lifecycle_phase,
    }


def wire_issue(issue: dict[str, Any]) -> dict[str, Any]:
    """An engine issue in the vendor's vocabulary (values already in it, e.g. seeded rows, are kept)."""
    category, code, severity = issue.get("category"), issue.get("issue"), issue.get("severity")
    wire = {
        **issue,
        "category": ISSUE_CATEGORIES.get(str(category), category),
        "issue": _issue_type(str(code)),
        "severity": ISSUE_SEVERITIES.get(str(severity), severity),
    }
    if wire["issue"] != code:
        wire["code"] = code
    if wire["category"] != category:
        wire["engineCategory"] = category
    if wire["severity"] != severity:
        wire["engineSeverity"] = severity
    return wire


def _issue_type(code: str) -> str:
    for prefix in ("MISSING_", "INVALID_"):
        if code.startswith(prefix):
            return BAD_DATA_TYPES.get(code.removeprefix(prefix), "DATA_VALIDATION")
    return ISSUE_TYPES.get(code, code)


def summary(execution: Execution) -> schemas.WorkflowExecutionSummary:
    return schemas.WorkflowExecutionSummary(**_summary_fields(execution))


def _step(step: dict[str, Any], evidence: dict[str, ProcessResult]) -> dict[str, Any]:
    """A stored step result on the wire: its summary names its step (`stepName` is the one required field
    of every vendor step summary), its process results are the vendor's objects (stored as ids), its
    issues are in the vendor's vocabulary."""
    wire = dict(step)
    summary = step.get("summary")
    if isinstance(summary, dict) and "stepName" not in summary:
        wire["summary"] = {"stepName": step.get("stepName"), **summary}
    if "processResults" in step:
        rows = [evidence[row_id] for row_id in step["processResults"] or [] if row_id in evidence]
        wire["processResults"] = [
            process_result(row).model_dump(mode="json", by_alias=True, exclude_none=True) for row in rows
        ]
    if "issues" in step:
        wire["issues"] = [wire_issue(issue) for issue in step["issues"] or []]
    return wire


def _evidence(execution: Execution) -> dict[str, ProcessResult]:
    """The execution's process results by id (read through the session the execution was loaded in)."""
    session = object_session(execution)
    if session is None:
        return {}
    rows = session.scalars(select(ProcessResult).where(ProcessResult.execution_id == execution.id))
    return {row.id: row for row in rows}


def workflow_result(execution: Execution) -> schemas.WorkflowResult:
    evidence = _evidence(execution) if execution.step_results else {}
    step_results = [
        schemas.WorkflowExecutionStepResult.model_validate(_step(step, evidence))
        for step in execution.step_results
    ]
    errors = [execution.error] if execution.error else None
    return schemas.WorkflowResult(
        **_summary_fields(execution),
        workflow_id=str(execution.definition_id),
        request_id=execution.request_id,
        entity_id=execution.entity_id,
        entity_type=execution.entity_type,
        service_profile_id=execution.service_profile_id,
        result=execution.result,
        workflow_step_results=step_results,
        errors=errors,
        created_at=execution.created_at,
        updated_at=execution.updated_at,
        updated_by=execution.updated_by,
    )


def service_profile(
    session: Session, profile: ServiceProfile, entity_name: str | None
) -> schemas.ServiceProfile:
    query = (
        select(Execution)
        .where(Execution.service_profile_id == profile.id)
        .order_by(Execution.started_at.desc(), Execution.id.desc())
    )
    latest_by_workflow: dict[str, Execution] = {}
    for execution in session.scalars(query):
        latest_by_workflow.setdefault(execution.workflow_name, execution)
    newest = max(latest_by_workflow.values(), key=lambda row: (row.started_at, row.id), default=None)
    subscriptions = [
        schemas.ServiceProfileSubscription(service_profile_id=profile.id, status="ENABLED", type=kind)
        for kind in profile.monitoring_types or []
        if kind in ("AML", "ACTIVITY")
    ]
    return schemas.ServiceProfile(
        service_profile_id=profile.id,
        latest_workflow_execution_id=newest.id if newest else None,
        entity_id=profile.entity_id,
        entity_name=entity_name,
        entity_type=profile.entity_type,
        created_at=profile.created_at,
        updated_at=profile.updated_at,
        updated_by=profile.updated_by,
        current_workflow_name=newest.workflow_name if newest else None,
        workflow_summaries=[summary(row) for row in latest_by_workflow.values()],
        service_name=profile.service_name,
        subscriptions=subscriptions,
        state=profile.state,
    )


def entity_name(party: Person | Organization) -> str | None:
    if isinstance(party, Organization):
        return party.legal_name
    names = [party.first_name, party.middle_name, party.last_name]
    return " ".join(name for name in names if name) or None


def process_result(row: ProcessResult) -> schemas.ProcessResultObject:
    resolution = row.resolution or {}
    return schemas.ProcessResultObject.model_validate(
        {
            "processResultId": row.id,
            "entityId": row.entity_id,
            "requestId": resolution.get("requestId"),
            "stepName": row.step_name,
            "stepType": row.step_name,
            "objectType": row.object_type,
            "createdAt": row.created_at,
            "updatedAt": row.updated_at,
            "result": PROCESS_RESULTS.get(row.result, row.result),
            "class": CLASS_BY_STEP.get(row.step_name, "KYC"),
            # `supplementaryData` is a vendor-typed union keyed by result type; the engine's match
            # explanation does not fit it yet, so it is not sent (see docs/verification-api.md).
            "systemStatus": row.system_status,
            "manualStatus": row.manual_status,
            "updatedBy": resolution.get("by"),
        }
    )


def process_results(rows: Sequence[ProcessResult]) -> list[schemas.ProcessResultObject]:
    return [process_result(row) for row in rows]


def audit_event(event: AuditEvent) -> schemas.Audit:
    after = event.after or {}
    comment = after.get("comment") if isinstance(after.get("comment"), dict) else None
    return schemas.Audit(
        event_id=str(uuid.uuid5(AUDIT_NAMESPACE, f"{event.account_id}:{event.id}")),
        request_id=event.request_id or "",
        type=event.action,
        timestamp=event.occurred_at,
        source=event.actor_username or event.actor_credential_id or "Clearway",
        description=f"{event.action} on {event.entity_type} {event.entity_id}",
        description_details=_details(event),
        entity_id=event.entity_id,
        entity_type=event.entity_type if event.entity_type in ("INDIVIDUAL", "ORGANIZATION") else None,
        channel=CHANNELS.get((event.channel or "").lower(), "API"),
        service_profile_id=after.get("serviceProfileId"),
        status=after.get("status") if event.action == "WORKFLOW_STATUS_CHANGE" else None,
        workflow_execution_id=after.get("workflowExecutionId"),
        workflow_name=after.get("workflowName"),
        user_comment=schemas.Comment.model_validate(comment) if comment else None,
        before=event.before,
        after=event.after,
    )


def _details(event: AuditEvent) -> str | None:
    before, after = event.before or {}, event.after or {}
    if "status" in after:
        return f"status {before.get('status')} -> {after.get('status')} (channel {event.channel})"
    return f"channel {event.channel}" if event.channel else None
