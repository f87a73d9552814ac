"""Individuals and organizations, their process results, monitoring, search, workflows and audit."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import StringConstraints
from starlette.requests import Request
from starlette.responses import JSONResponse

from clearway.api.frankie import parties, presenters, queries, schemas
from clearway.api.frankie.common import ERRORS, EntityId, respond
from clearway.api.frankie.runtime import Call, Runtime, run
from clearway.parties.models import Person
from clearway.verification import overrides
from clearway.verification.models import ServiceProfile

Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
RESULT_STEPS = {"aml": "AML", "matchlist": "MATCHLIST", "duplicate": "DUPLICATE"}


def meta(
    page: int, limit: int, count: int, total: int, sort: Literal["asc", "desc"] = "desc"
) -> schemas.ListOperationMeta:
    return schemas.ListOperationMeta(page=page, limit=limit, count=count, total=total, sort=sort)


def profiles_of(call: Call, party: Person | object, entity_id: str) -> list[schemas.ServiceProfile]:
    rows = call.session.query(ServiceProfile).filter_by(account_id=call.account_id, entity_id=entity_id)
    name = presenters.entity_name(party) if isinstance(party, Person) else None
    return [presenters.service_profile(call.session, row, name) for row in rows]


def entities_router(runtime: Runtime) -> APIRouter:
    router = APIRouter(tags=["Individuals"], responses=ERRORS)

    @router.post("/v2/individuals", status_code=201, response_model=schemas.IndividualsEntityResponse)
    def create_individual(body: schemas.IndividualsCreate, request: Request) -> JSONResponse:
        def work(call: Call) -> schemas.IndividualsEntityResponse:
            person = parties.create_individual(
                call.session, call.account_id, body.individual, call.caller.actor
            )
            return schemas.IndividualsEntityResponse(
                individual=presenters.individual(person), request_id=call.request_id
            )

        return respond(request, run(runtime, request, work), 201)

    @router.get("/v2/individuals/{entityId}", response_model=schemas.IndividualsEntityResponse)
    def get_individual(entity_id: EntityId, request: Request) -> JSONResponse:
        def work(call: Call) -> schemas.IndividualsEntityResponse:
            person = parties.get_individual(call.session, call.account_id, entity_id)
            return schemas.IndividualsEntityResponse(
                individual=presenters.individual(person),
                service_profiles=profiles_of(call, person, entity_id),
                request_id=call.request_id,
            )

        return respond(request, run(runtime, request, work))

    @router.patch("/v2/individuals/{entityId}", response_model=schemas.IndividualsEntityResponse)
    def update_individual(
        entity_id: EntityId, body: schemas.IndividualsUpdate, request: Request
    ) -> JSONResponse:
        def work(call: Call) -> schemas.IndividualsEntityResponse:
            person = parties.get_individual(call.session, call.account_id, entity_id)
            parties.update_individual(call.session, person, body.individual, call.caller.actor)
            return schemas.IndividualsEntityResponse(
                individual=presenters.individual(person),
                service_profiles=profiles_of(call, person, entity_id),
                request_id=call.request_id,
            )

        return respond(request, run(runtime, request, work))

    @router.delete("/v2/individuals/{entityId}", response_model=schemas.DeleteIndividualResponse)
    def delete_individual(entity_id: EntityId, request: Request) -> JSONResponse:
        def work(call: Call) -> schemas.DeleteIndividualResponse:
            person = parties.get_individual(call.session, call.account_id, entity_id)
            parties.delete_individual(call.session, person, call.caller.actor)
            return schemas.DeleteIndividualResponse(request_id=call.request_id, entity_id=entity_id)

        return respond(request, run(runtime, request, work))

    @router.post(
        "/v2/organizations",
        status_code=201,
        tags=["Organizations"],
        response_model=schemas.OrganizationsEntityResponse,
    )
    def create_organization(body: schemas.OrganizationsCreate, request: Request) -> JSONResponse:
        def work(call: Call) -> schemas.OrganizationsEntityResponse:
            row = parties.create_organization(
                call.session, call.account_id, body.organization, call.caller.actor
            )
            return schemas.OrganizationsEntityResponse(
                organization=presenters.organization(row), request_id=call.request_id
            )

        return respond(request, run(runtime, request, work), 201)

    @router.get(
        "/v2/organizations/{entityId}",
        tags=["Organizations"],
        response_model=schemas.OrganizationsEntityResponse,
    )
    def get_organization(entity_id: EntityId, request: Request) -> JSONResponse:
        def work(call: Call) -> schemas.OrganizationsEntityResponse:
            row = parties.get_organization(call.session, call.account_id, entity_id)
            rows = call.session.query(ServiceProfile).filter_by(
                account_id=call.account_id, entity_id=entity_id
            )
            profiles = [presenters.service_profile(call.session, item, row.legal_name) for item in rows]
            return schemas.OrganizationsEntityResponse(
                organization=presenters.organization(row),
                service_profiles=profiles,
                request_id=call.request_id,
            )

        return respond(request, run(runtime, request, work))

    @router.get("/v2/individuals/{entityId}/results", response_model=schemas.ResultsResponse)
    def get_results(
        entity_id: EntityId,
        request: Request,
        step_names: Annotated[
            list[Annotated[str, StringConstraints(max_length=40)]] | None,
            Query(alias="stepNames", max_length=20),
        ] = None,
        page: Page = 1,
        limit: Limit = 20,
    ) -> JSONResponse:
        def work(call: Call) -> schemas.ResultsResponse:
            parties.get_individual(call.session, call.account_id, entity_id)
            rows, total = queries.process_results(
                call.session, call.account_id, entity_id, step_names, page, limit
            )
            return schemas.ResultsResponse(
                meta=meta(page, limit, len(rows), total),
                request_id=call.request_id,
                process_results=presenters.process_results(rows),
            )

        return respond(request, run(runtime, request, work))

    def resolve(request: Request, entity_id: str, kind: str, body: schemas.ResolveAmlRequest) -> JSONResponse:
        def work(call: Call) -> schemas.ResolveResponse:
            parties.get_individual(call.session, call.account_id, entity_id)
            rows = overrides.resolve_process_results(
                call.session,
                call.account_id,
                entity_id,
                RESULT_STEPS[kind],
                body.process_results,
                body.manual_status,
                _comment(body.comment),
                call.caller.actor,
            )
            return schemas.ResolveResponse(
                request_id=call.request_id, process_results=presenters.process_results(rows)
            )

        return respond(request, run(runtime, request, work))

    @router.patch("/v2/individuals/{entityId}/results/aml", response_model=schemas.ResolveResponse)
    def update_aml(entity_id: EntityId, body: schemas.ResolveAmlRequest, request: Request) -> JSONResponse:
        return resolve(request, entity_id, "aml", body)

    @router.patch("/v2/individuals/{entityId}/results/matchlist", response_model=schemas.ResolveResponse)
    def update_matches(
        entity_id: EntityId, body: schemas.ResolveMatchlistRequest, request: Request
    ) -> JSONResponse:
        return resolve(request, entity_id, "matchlist", body)

    @router.patch("/v2/individuals/{entityId}/results/duplicate", response_model=schemas.ResolveResponse)
    def update_duplicate(
        entity_id: EntityId, body: schemas.ResolveDuplicateRequest, request: Request
    ) -> JSONResponse:
        return resolve(request, entity_id, "duplicate", body)

    @router.patch("/v2/individuals/{entityId}/monitor", response_model=schemas.MonitoringResponse)
    def patch_monitoring(
        entity_id: EntityId,
        request: Request,
        enabled: Annotated[bool, Query()],
        monitoring_types: Annotated[
            str | None,
            Query(alias="monitoringTypes", max_length=100, description="Comma-separated: AML,ACTIVITY"),
        ] = None,
        body: schemas.MonitorRequest | None = None,
    ) -> JSONResponse:
        types = (
            [item.strip() for item in monitoring_types.split(",") if item.strip()]
            if monitoring_types
            else None
        )

        def work(call: Call) -> schemas.MonitoringResponse:
            parties.get_individual(call.session, call.account_id, entity_id)
            profiles = overrides.set_monitoring(
                call.session,
                call.account_id,
                entity_id,
                enabled,
                types,
                _comment(body.comment if body else None),
                call.caller.actor,
            )
            return schemas.MonitoringResponse(request_id=call.request_id, monitoring=_monitoring(profiles))

        return respond(request, run(runtime, request, work))

    @router.post("/v2/search/serviceprofiles", tags=["Search"], response_model=schemas.SearchResponse)
    def search_profiles(
        body: schemas.SearchRequest, request: Request, page: Page = 1, limit: Limit = 20
    ) -> JSONResponse:
        def work(call: Call) -> schemas.SearchResponse:
            filters = body.filters.model_dump(by_alias=True, exclude_none=True) if body.filters else {}
            entity_ids = _matching_entities(call, body.search, filters.get("entityIds"))
            rows, total = queries.search_profiles(
                call.session, call.account_id, filters, entity_ids, page, limit
            )
            groups: dict[str, list[schemas.SearchMatch]] = {}
            for row in rows:
                wire = presenters.service_profile(call.session, row, None)
                groups.setdefault(row.entity_id, []).append(schemas.SearchMatch(service_profile=wire))
            matches = list(groups.values())
            return schemas.SearchResponse(
                meta=meta(page, limit, len(rows), total), request_id=call.request_id, matches=matches
            )

        return respond(request, run(runtime, request, work))

    @router.get("/v2/workflows", tags=["Workflows"], response_model=schemas.WorkflowsResponse)
    def get_workflows(
        request: Request,
        service_name: Annotated[str | None, Query(alias="serviceName", max_length=64)] = None,
        include: Annotated[Literal["workflowDefinition"] | None, Query()] = None,
    ) -> JSONResponse:
        def work(call: Call) -> schemas.WorkflowsResponse:
            records = queries.workflow_definitions(call.session, call.account_id)
            workflows = [
                schemas.WorkflowLookup(
                    service_name=service_name,
                    workflow_id=str(record.id),
                    workflow_name=record.name,
                    type=record.entity_type,
                    lifecycle_phase=record.lifecycle_phase,
                    definition=record.document if include else None,
                )
                for record in records
            ]
            return schemas.WorkflowsResponse(request_id=call.request_id, workflows=workflows)

        return respond(request, run(runtime, request, work))

    @router.get("/v2/audit", tags=["Audit"], response_model=schemas.AuditResponse)
    def get_audit(
        request: Request,
        entity_id: Annotated[str | None, Query(alias="entityId", max_length=64)] = None,
        request_id: Annotated[str | None, Query(alias="requestId", max_length=64)] = None,
        channels: Annotated[list[Literal["API", "PORTAL", "ONESDK", "SYSTEM"]] | None, Query()] = None,
        after: Annotated[schemas.Timestamp | None, Query(alias="afterTimestamp")] = None,
        before: Annotated[schemas.Timestamp | None, Query(alias="beforeTimestamp")] = None,
        sort: Annotated[Literal["asc", "desc"], Query()] = "desc",
        page: Page = 1,
        limit: Limit = 20,
    ) -> JSONResponse:
        def work(call: Call) -> schemas.AuditResponse:
            rows, total = queries.audit_events(
                call.session,
                call.account_id,
                entity_id=entity_id,
                request_id=request_id,
                channels=channels,
                after=after,
                before=before,
                ascending=sort == "asc",
                page=page,
                limit=limit,
            )
            return schemas.AuditResponse(
                request_id=call.request_id,
                meta=meta(page, limit, len(rows), total, sort),
                events=[presenters.audit_event(row) for row in rows],
            )

        return respond(request, run(runtime, request, work))

    return router


def _comment(comment: schemas.Comment | None) -> dict[str, object] | None:
    return comment.model_dump(mode="json", by_alias=True, exclude_none=True) if comment else None


def _monitoring(profiles: list[ServiceProfile]) -> dict[str, schemas.MonitoringTypeState]:
    states: dict[str, schemas.MonitoringTypeState] = {}
    for kind in sorted(overrides.MONITORING_TYPES):
        subscriptions = [
            schemas.MonitoringSubscription(
                service_profile_id=profile.id,
                status="ENABLED" if kind in (profile.monitoring_types or []) else "DISABLED",
            )
            for profile in profiles
        ]
        on = any(item.status == "ENABLED" for item in subscriptions)
        states[kind] = schemas.MonitoringTypeState(
            subscriptions=subscriptions, status="ENABLED" if on else "DISABLED"
        )
    return states


def _matching_entities(
    call: Call, search: schemas.SearchCriteria | None, entity_ids: list[str] | None
) -> list[str] | None:
    """Entity ids whose name contains every search term (case-insensitive), within `entity_ids`."""
    terms = [term.value.lower() for term in (search.terms if search else []) if term.value.strip()]
    if not terms:
        return entity_ids
    persons = call.session.query(Person).filter_by(account_id=call.account_id)
    if entity_ids is not None:
        persons = persons.filter(Person.entity_id.in_(entity_ids))
    found = []
    for person in persons:
        name = (presenters.entity_name(person) or "").lower()
        if all(term in name for term in terms):
            found.append(person.entity_id)
    return found
