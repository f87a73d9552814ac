"""`workflow.create | get | list | update | start | canComplete | complete`."""

from __future__ import annotations

from typing import Any

from clearway.api.kompliant import presenters, schemas
from clearway.api.kompliant.methods.changes import sent_fields
from clearway.api.kompliant.registry import CallContext, registry
from clearway.applications import service as applications
from clearway.errors import InvalidInput
from clearway.verification import onboarding

ENTITY = "Workflow"
DETAILS_PATH = "workflow.details.business_application_details"


def _business_details(details: schemas.WorkflowDetails | None) -> dict[str, Any]:
    return sent_fields(details.business_fields()) if details is not None else {}


@registry.method(
    "workflow.create",
    schemas.WorkflowCreateRequest,
    schemas.WorkflowCreated,
    "Create a workflow (a subject record is created when none is given).",
)
def create(context: CallContext, request: schemas.WorkflowCreateRequest) -> schemas.WorkflowCreated:
    spec = request.workflow
    if spec.type == applications.BUSINESS_APPLICATION:
        details = _business_details(spec.details)
        if not details.get("applying_user"):
            raise InvalidInput(f"{DETAILS_PATH}.applying_user", "is required for a BUSINESS_APPLICATION")
    else:
        details = spec.details.model_dump(exclude_unset=True) if spec.details else {}
    application = applications.create_application(
        context.session, context.account, spec.type, spec.state, spec.subject_record_id, details
    )
    context.audit(ENTITY, application.id, None, applications.snapshot(application))
    return schemas.WorkflowCreated(
        workflow_id=application.id, subject_record_id=application.subject_record_id
    )


@registry.method("workflow.get", schemas.WorkflowIdRequest, schemas.Workflow, "A workflow.")
def get(context: CallContext, request: schemas.WorkflowIdRequest) -> schemas.Workflow:
    application = applications.get_application(context.session, context.account.id, request.workflow_id)
    return presenters.workflow(application, context.session)


@registry.method(
    "workflow.list",
    schemas.WorkflowListRequest,
    schemas.WorkflowList,
    "The workflows of a subject record (of the account when none is given).",
)
def list_(context: CallContext, request: schemas.WorkflowListRequest) -> schemas.WorkflowList:
    rows = applications.list_applications(context.session, context.account.id, request.subject_record_id)
    return schemas.WorkflowList(workflows=[presenters.workflow(row, context.session) for row in rows])


@registry.method(
    "workflow.update",
    schemas.WorkflowUpdateRequest,
    schemas.Empty,
    "Update the Business Application details of a CREATED BUSINESS_APPLICATION workflow.",
)
def update(context: CallContext, request: schemas.WorkflowUpdateRequest) -> schemas.Empty:
    change = applications.update_business_application(
        context.session,
        context.account,
        request.workflow_id,
        _business_details(request.workflow.details),
        expected_type=request.workflow.type,
        expected_subject_record_id=request.workflow.subject_record_id,
    )
    context.audit(ENTITY, request.workflow_id, change.before, change.after)
    return schemas.Empty()


@registry.method(
    "workflow.start", schemas.WorkflowIdRequest, schemas.Empty, "Move a CREATED workflow to STARTED."
)
def start(context: CallContext, request: schemas.WorkflowIdRequest) -> schemas.Empty:
    change = applications.start_application(context.session, context.account, request.workflow_id)
    context.audit(ENTITY, request.workflow_id, change.before, change.after)
    if change.after["type"] == applications.BUSINESS_APPLICATION and context.engine is not None:
        # Verification runs in the background (queued in this transaction): start answers at once.
        onboarding.start_kyb(
            context.session, context.engine, context.account, change.after["subject_record_id"], context.actor
        )
    return schemas.Empty()


@registry.method(
    "workflow.canComplete",
    schemas.WorkflowIdRequest,
    schemas.CanComplete,
    "Whether a business application can complete, and what is missing.",
)
def can_complete(context: CallContext, request: schemas.WorkflowIdRequest) -> schemas.CanComplete:
    application = applications.get_application(context.session, context.account.id, request.workflow_id)
    missing = applications.missing_requirements(context.session, application)
    return schemas.CanComplete(
        can_complete=not missing,
        missing_requirements=[
            schemas.MissingRequirement.model_validate(item, from_attributes=True) for item in missing
        ],
    )


@registry.method(
    "workflow.complete",
    schemas.WorkflowIdRequest,
    schemas.WorkflowCompleted,
    "End a business application; creates its BUSINESS_UNDERWRITING workflow.",
)
def complete(context: CallContext, request: schemas.WorkflowIdRequest) -> schemas.WorkflowCompleted:
    completion = applications.complete_application(context.session, context.account, request.workflow_id)
    context.audit(ENTITY, request.workflow_id, completion.change.before, completion.change.after)
    underwriting = completion.underwriting
    latest = onboarding.latest_kyb(context.session, context.account.id, underwriting.subject_record_id)
    underwriting.details = {
        **underwriting.details,
        "decision": onboarding.decision(latest),
        "verification": onboarding.summary(latest),
    }
    context.session.flush()
    context.audit(ENTITY, underwriting.id, None, applications.snapshot(underwriting))
    return schemas.WorkflowCompleted(business_underwriting_workflow_id=underwriting.id)
