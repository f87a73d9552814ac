"""Service profiles, executions, the status override (the seed) and the risk override, for
individuals and organizations (the same domain calls under both path prefixes)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from starlette.requests import Request
from starlette.responses import JSONResponse

from clearway.api.frankie import parties, presenters, queries, schemas
from clearway.api.frankie.common import ERRORS, EntityId, ExecutionId, ServiceName, WorkflowName, respond
from clearway.api.frankie.routes_entities import Limit, Page, meta
from clearway.api.frankie.runtime import Call, Runtime, run
from clearway.parties.models import Organization, Person
from clearway.verification import overrides
from clearway.verification.statuses import ExecutionState, Status

KINDS = {"individuals": "INDIVIDUAL", "organizations": "ORGANIZATION"}


def party_of(call: Call, kind: str, entity_id: str) -> Person | Organization:
    if kind == "organizations":
        return parties.get_organization(call.session, call.account_id, entity_id)
    return parties.get_individual(call.session, call.account_id, entity_id)


def executions_router(runtime: Runtime, kind: str) -> APIRouter:
    """The routes of one entity kind: `kind` is the path prefix (individuals or organizations)."""
    router = APIRouter(tags=["Individual Workflows" if kind == "individuals" else "Organization Workflows"])
    base = f"/v2/{kind}/{{entityId}}/serviceprofiles/{{serviceName}}"
    workflow_base = f"{base}/workflows/{{workflowName}}/executions"

    @router.get(base, response_model=schemas.ServiceProfileResponse, responses=ERRORS)
    def get_profile(entity_id: EntityId, service_name: ServiceName, request: Request) -> JSONResponse:
        def work(call: Call) -> schemas.ServiceProfileResponse:
            party = party_of(call, kind, entity_id)
            profile = overrides.find_profile(call.session, call.account_id, entity_id, service_name)
            wire = presenters.service_profile(call.session, profile, presenters.entity_name(party))
            return schemas.ServiceProfileResponse(request_id=call.request_id, service_profile=wire)

        return respond(request, run(runtime, request, work))

    @router.patch(base, response_model=schemas.ServiceProfileResponse, responses=ERRORS)
    def update_profile(
        entity_id: EntityId, service_name: ServiceName, body: schemas.UpdateProfileRequest, request: Request
    ) -> JSONResponse:
        def work(call: Call) -> schemas.ServiceProfileResponse:
            party = party_of(call, kind, entity_id)
            profile = overrides.find_profile(call.session, call.account_id, entity_id, service_name)
            if body.service_profile.state is not None:
                overrides.set_profile_state(
                    call.session,
                    profile,
                    body.service_profile.state,
                    _comment(body.comment),
                    call.caller.actor,
                )
            wire = presenters.service_profile(call.session, profile, presenters.entity_name(party))
            return schemas.ServiceProfileResponse(request_id=call.request_id, service_profile=wire)

        return respond(request, run(runtime, request, work))

    @router.patch(f"{base}/risk", response_model=schemas.RiskResponse, responses=ERRORS)
    def update_risk(
        entity_id: EntityId, service_name: ServiceName, body: schemas.RiskRequest, request: Request
    ) -> JSONResponse:
        def work(call: Call) -> schemas.RiskResponse:
            party_of(call, kind, entity_id)
            profile = overrides.find_profile(call.session, call.account_id, entity_id, service_name)
            execution = overrides.override_risk(
                call.session, profile, body.risk_level, _comment(body.comment), call.caller.actor
            )
            assessment = presenters.risk_assessment(execution, profile)
            return schemas.RiskResponse(request_id=call.request_id, risk_assessment=assessment)

        return respond(request, run(runtime, request, work))

    @router.get(workflow_base, response_model=schemas.ExecutionsResponse, responses=ERRORS)
    def get_executions(
        entity_id: EntityId,
        service_name: ServiceName,
        workflow_name: WorkflowName,
        request: Request,
        results: Annotated[list[Status] | None, Query(alias="workflowResults")] = None,
        states: Annotated[list[ExecutionState] | None, Query(alias="workflowExecutionStates")] = None,
        before: Annotated[schemas.Timestamp | None, Query(alias="startedAtBefore")] = None,
        after: Annotated[schemas.Timestamp | None, Query(alias="startedAtAfter")] = None,
        page: Page = 1,
        limit: Limit = 20,
    ) -> JSONResponse:
        def work(call: Call) -> schemas.ExecutionsResponse:
            party_of(call, kind, entity_id)
            profile = overrides.find_profile(call.session, call.account_id, entity_id, service_name)
            rows, total = queries.executions(
                call.session,
                profile,
                workflow_name,
                results=results,
                states=states,
                started_before=before,
                started_after=after,
                page=page,
                limit=limit,
            )
            return schemas.ExecutionsResponse(
                request_id=call.request_id,
                workflow_results=[presenters.workflow_result(row) for row in rows],
                meta=meta(page, limit, len(rows), total),
            )

        return respond(request, run(runtime, request, work))

    @router.get(
        f"{workflow_base}/{{workflowExecutionId}}", response_model=schemas.ExecutionResponse, responses=ERRORS
    )
    def get_execution(
        entity_id: EntityId,
        service_name: ServiceName,
        workflow_name: WorkflowName,
        execution_id: ExecutionId,
        request: Request,
    ) -> JSONResponse:
        path = overrides.ExecutionPath(entity_id, service_name, workflow_name, execution_id)

        def work(call: Call) -> schemas.ExecutionResponse:
            party = party_of(call, kind, entity_id)
            execution = overrides.find_execution(call.session, call.account_id, path)
            document = presenters.individual(party) if isinstance(party, Person) else None
            return schemas.ExecutionResponse(
                request_id=call.request_id,
                workflow_result=presenters.workflow_result(execution),
                individual=document,
            )

        return respond(request, run(runtime, request, work))

    @router.patch(
        f"{workflow_base}/{{workflowExecutionId}}",
        response_model=schemas.OverrideResponse,
        responses=ERRORS,
        summary="Override the status of a specific workflow execution.",
    )
    def override_execution(
        entity_id: EntityId,
        service_name: ServiceName,
        workflow_name: WorkflowName,
        execution_id: ExecutionId,
        body: schemas.OverrideRequest,
        request: Request,
    ) -> JSONResponse:
        path = overrides.ExecutionPath(entity_id, service_name, workflow_name, execution_id)

        def work(call: Call) -> schemas.OverrideResponse:
            party_of(call, kind, entity_id)
            execution = overrides.find_execution(call.session, call.account_id, path)
            overrides.override_status(
                call.session,
                call.caller.account,
                execution,
                body.status,
                _comment(body.comment),
                call.caller.actor,
            )
            return schemas.OverrideResponse(
                request_id=call.request_id, workflow_result=presenters.workflow_result(execution)
            )

        return respond(request, run(runtime, request, work))

    return router


def _comment(comment: schemas.Comment | None) -> dict[str, object] | None:
    return comment.model_dump(mode="json", by_alias=True, exclude_none=True) if comment else None
