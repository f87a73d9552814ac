"""Executing workflows: `…/workflows/{workflowName}/execute` on an existing entity, and the
create-and-execute `…/individuals/new/…` (synchronous 200, or 202 with `X-Frankie-Background: 1`)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse

from clearway.api.frankie import parties, presenters, schemas
from clearway.api.frankie.common import ERRORS, EntityId, ServiceName, WorkflowName, respond
from clearway.api.frankie.errors import FrankieError
from clearway.api.frankie.runtime import Call, Runtime, run
from clearway.parties.models import Organization, Person
from clearway.verification import service as verification
from clearway.verification.models import Execution, ServiceProfile

BACKGROUND_HEADER = "x-frankie-background"
KINDS = {"individuals": "INDIVIDUAL", "organizations": "ORGANIZATION"}


def execute_router(runtime: Runtime) -> APIRouter:
    router = APIRouter(tags=["Workflow Execution"])
    responses: dict[int | str, dict[str, object]] = {
        **ERRORS,
        202: {"model": schemas.ExecuteAccepted, "description": "Accepted (background)"},
    }

    @router.post(
        "/v2/individuals/new/serviceprofiles/{serviceName}/workflows/{workflowName}/execute",
        response_model=schemas.ExecuteResponse,
        responses=responses,
    )
    def create_and_execute(
        service_name: ServiceName,
        workflow_name: WorkflowName,
        body: schemas.CreateAndExecuteRequest,
        request: Request,
    ) -> JSONResponse:
        def work(call: Call) -> schemas.ExecuteResponse | schemas.ExecuteAccepted:
            person = parties.create_individual(
                call.session, call.account_id, body.individual, call.caller.actor
            )
            return _execute(runtime, call, request, person, service_name, workflow_name, body.comment)

        return _respond(request, run(runtime, request, work))

    # After `…/individuals/new/…`: otherwise "new" would be taken for an entity id.
    for kind in KINDS:
        _entity_route(router, runtime, kind, responses)
    return router


def _entity_route(
    router: APIRouter, runtime: Runtime, kind: str, responses: dict[int | str, dict[str, object]]
) -> None:
    @router.post(
        f"/v2/{kind}/{{entityId}}/serviceprofiles/{{serviceName}}/workflows/{{workflowName}}/execute",
        response_model=schemas.ExecuteResponse,
        responses=responses,
        name=f"execute_{kind}",
    )
    def execute(
        entity_id: EntityId,
        service_name: ServiceName,
        workflow_name: WorkflowName,
        body: schemas.ExecuteRequest,
        request: Request,
    ) -> JSONResponse:
        def work(call: Call) -> schemas.ExecuteResponse | schemas.ExecuteAccepted:
            party: Person | Organization = (
                parties.get_organization(call.session, call.account_id, entity_id)
                if kind == "organizations"
                else parties.get_individual(call.session, call.account_id, entity_id)
            )
            return _execute(runtime, call, request, party, service_name, workflow_name, body.comment)

        return _respond(request, run(runtime, request, work))


def _execute(
    runtime: Runtime,
    call: Call,
    request: Request,
    party: Person | Organization,
    service_name: str,
    workflow_name: str,
    comment: schemas.Comment | None,
) -> schemas.ExecuteResponse | schemas.ExecuteAccepted:
    subject = verification.Subject(
        party.entity_id, "ORGANIZATION" if isinstance(party, Organization) else "INDIVIDUAL"
    )
    account = call.caller.account
    note = comment.model_dump(mode="json", by_alias=True, exclude_none=True) if comment else None
    if runtime.screening is None or runtime.queue is None:
        raise FrankieError(503, "SYS-0503", "The verification engine is not available on this server.")
    if request.headers.get(BACKGROUND_HEADER, "").strip() == "1":
        execution = verification.submit_workflow(
            call.session,
            account,
            subject,
            service_name,
            workflow_name,
            request_id=call.request_id,
            actor=call.caller.actor,
            screening=runtime.screening,
            queue=runtime.queue,
            comment=note,
        )
        return schemas.ExecuteAccepted(
            request_id=call.request_id, workflow_execution_id=execution.id, entity_id=party.entity_id
        )
    execution = verification.execute_workflow(
        call.session,
        account,
        subject,
        service_name,
        workflow_name,
        request_id=call.request_id,
        actor=call.caller.actor,
        screening=runtime.screening,
        comment=note,
    )
    return _result(call, party, execution)


def _result(call: Call, party: Person | Organization, execution: Execution) -> schemas.ExecuteResponse:
    profile = call.session.get(ServiceProfile, execution.service_profile_id)
    assert profile is not None  # foreign key
    return schemas.ExecuteResponse(
        workflow_result=presenters.workflow_result(execution),
        service_profile=presenters.service_profile(call.session, profile, presenters.entity_name(party)),
        individual=presenters.individual(party) if isinstance(party, Person) else None,
        organization=presenters.organization(party) if isinstance(party, Organization) else None,
        request_id=call.request_id,
    )


def _respond(request: Request, model: schemas.ExecuteResponse | schemas.ExecuteAccepted) -> JSONResponse:
    return respond(request, model, 202 if isinstance(model, schemas.ExecuteAccepted) else 200)
