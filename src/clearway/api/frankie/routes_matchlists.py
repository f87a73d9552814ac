"""Matchlist management (the core spec's `/v2/matchlists` and `/v2/search/matchlists`): an account's own
block and allow lists, which the MATCHLIST step of its workflows checks. Mapping notes in
`matchlist_wire` and docs/verification-api.md."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from starlette.requests import Request
from starlette.responses import JSONResponse

from clearway.api.frankie import matchlist_wire as present
from clearway.api.frankie import schemas_matchlists as wire
from clearway.api.frankie.common import ERRORS, UUID_PATTERN, respond
from clearway.api.frankie.errors import invalid
from clearway.api.frankie.runtime import Call, Runtime, run
from clearway.api.frankie.schemas import Comment, ListOperationMeta
from clearway.verification import matchlists
from clearway.verification.models import Matchlist

MatchlistName = Annotated[
    str,
    Path(alias="matchlistName", pattern=matchlists.LIST_NAME_PATTERN, description="The matchlist's name."),
]
EntryId = Annotated[str, Path(alias="entryId", pattern=UUID_PATTERN, description="The entry's entryId.")]
CommaList = Annotated[str | None, Query(max_length=200, description="Comma-separated values.")]
Sort = Annotated[Literal["asc", "desc"], Query()]
Page = Annotated[int, Query(ge=1, le=100_000, description="Page number, from 1.")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Text = Annotated[str | None, Query(max_length=500)]


def matchlists_router(runtime: Runtime) -> APIRouter:
    router = APIRouter(tags=["Matchlists"], responses=ERRORS)

    @router.get("/v2/matchlists", response_model=wire.MatchlistsResponse)
    def get_matchlists(request: Request, states: CommaList = None) -> JSONResponse:
        # Clearway's lists are all ACTIVE (there is no archiving); unknown states are ignored, as the
        # spec says, so asking for ARCHIVED alone finds none.
        wanted = _split(states) or ["ACTIVE"]

        def work(call: Call) -> wire.MatchlistsResponse:
            rows = matchlists.list_matchlists(call.session, call.account_id) if "ACTIVE" in wanted else []
            return wire.MatchlistsResponse(
                request_id=call.request_id, matchlists=[present.matchlist(row) for row in rows]
            )

        return respond(request, run(runtime, request, work))

    @router.post("/v2/matchlists/{matchlistName}/entries", response_model=wire.MatchlistEntriesResponse)
    def create_entries(
        name: MatchlistName, body: wire.CreateMatchlistEntriesRequest, request: Request
    ) -> JSONResponse:
        def work(call: Call) -> wire.MatchlistEntriesResponse:
            if body.action not in (None, *matchlists.ACTIONS):
                raise invalid(
                    "Clearway's matchlists BLOCK or ALLOW (ALERT, REVIEW, NONE: not supported)", "action"
                )
            entries = [present.new_entry(item, f"entries.{index}") for index, item in enumerate(body.entries)]
            actor = call.caller.actor
            matchlist = matchlists.open_matchlist(call.session, call.account_id, name, body.action, actor)
            rows = matchlists.add_entries(
                call.session, matchlist, entries, actor, body.batch_name, _comment(body.comment)
            )
            return wire.MatchlistEntriesResponse(
                request_id=call.request_id,
                matchlist=present.entries_matchlist(matchlist),
                entries=[present.entry(row) for row in rows],
            )

        return respond(request, run(runtime, request, work))

    @router.get("/v2/matchlists/{matchlistName}/entries", response_model=wire.MatchlistEntriesResponse)
    def get_entries(
        name: MatchlistName,
        request: Request,
        states: CommaList = None,
        batch_name: Annotated[str | None, Query(alias="batchName", max_length=200)] = None,
        reference: Text = None,
        entity_id: Annotated[str | None, Query(alias="entityId", pattern=UUID_PATTERN)] = None,
        entry_id: Annotated[str | None, Query(alias="entryId", pattern=UUID_PATTERN)] = None,
        sort: Sort = "asc",
        sort_fields: Annotated[str | None, Query(alias="sortFields", max_length=100)] = None,
        page: Page = 1,
        limit: Limit = 10,
    ) -> JSONResponse:
        query = matchlists.EntryQuery(
            list_name=name,
            states=tuple(_split(states) or ["ACTIVE"]),
            batch_name=batch_name,
            reason=reference,
            entity_id=entity_id.lower() if entity_id else None,
            entry_id=entry_id.lower() if entry_id else None,
            sort_fields=tuple(_split(sort_fields) or ["createdAt"]),
            descending=sort == "desc",
            page=page,
            limit=limit,
        )

        def work(call: Call) -> wire.MatchlistEntriesResponse:
            matchlist = matchlists.get_matchlist(call.session, call.account_id, name)
            rows, total = matchlists.query_entries(call.session, call.account_id, query)
            return wire.MatchlistEntriesResponse(
                request_id=call.request_id,
                matchlist=present.entries_matchlist(matchlist),
                entries=[present.entry(row) for row in rows],
                meta=ListOperationMeta(page=page, limit=limit, count=len(rows), total=total, sort=sort),
            )

        return respond(request, run(runtime, request, work))

    # Before `/entries/{entryId}`: "removeEntity" must not be read as an entry id.
    @router.patch(
        "/v2/matchlists/{matchlistName}/entries/removeEntity",
        response_model=wire.RemoveMatchlistEntityResponse,
    )
    def remove_entity(
        name: MatchlistName, body: wire.RemoveMatchlistEntityRequest, request: Request
    ) -> JSONResponse:
        def work(call: Call) -> wire.RemoveMatchlistEntityResponse:
            matchlist = matchlists.get_matchlist(call.session, call.account_id, name)
            entity_id = body.entity_id.lower()
            matchlists.remove_entity(
                call.session, matchlist, entity_id, call.caller.actor, _comment(body.comment)
            )
            return wire.RemoveMatchlistEntityResponse(
                request_id=call.request_id, entity_id=entity_id, matchlist_id=matchlist.id, state="DELETED"
            )

        return respond(request, run(runtime, request, work))

    @router.get(
        "/v2/matchlists/{matchlistName}/entries/{entryId}", response_model=wire.MatchlistEntryResponse
    )
    def get_entry(name: MatchlistName, entry_id: EntryId, request: Request) -> JSONResponse:
        def work(call: Call) -> wire.MatchlistEntryResponse:
            row = matchlists.get_entry(call.session, call.account_id, entry_id.lower(), name)
            return wire.MatchlistEntryResponse(request_id=call.request_id, entry=present.entry(row))

        return respond(request, run(runtime, request, work))

    @router.patch(
        "/v2/matchlists/{matchlistName}/entries/{entryId}", response_model=wire.MatchlistEntryResponse
    )
    def update_entry(
        name: MatchlistName, entry_id: EntryId, body: wire.UpdateMatchlistEntryBody, request: Request
    ) -> JSONResponse:
        def work(call: Call) -> wire.MatchlistEntryResponse:
            row = matchlists.get_entry(call.session, call.account_id, entry_id.lower(), name)
            matchlists.update_entry(
                call.session,
                row,
                call.caller.actor,
                state=body.entry.state,
                reason=body.entry.reference,
                reason_codes=body.entry.reasons,
                comment=_comment(body.comment),
            )
            return wire.MatchlistEntryResponse(request_id=call.request_id, entry=present.entry(row))

        return respond(request, run(runtime, request, work))

    @router.post("/v2/search/matchlists", response_model=wire.SearchMatchlistsMatchesResponse)
    def search(body: wire.SearchMatchlistsRequest, request: Request, limit: Limit = 20) -> JSONResponse:
        scope = body.filter or wire.MatchlistsSearchFilter()

        def work(call: Call) -> wire.SearchMatchlistsMatchesResponse:
            criteria = present.search_criteria(body.search)
            if scope.list_scope == "CUSTOM" and not scope.search_lists:
                raise invalid("required when listScope is CUSTOM", "filter.searchLists")
            lists = _searched_lists(call, scope)
            names = [row.name for row in lists] if scope.list_scope == "CUSTOM" else None
            hits = matchlists.search_entries(
                call.session, call.account_id, criteria, names, body.search.type == "FUZZY"
            )
            by_name = {row.name: row for row in lists}
            shown = hits[:limit]
            return wire.SearchMatchlistsMatchesResponse(
                request_id=call.request_id,
                matchlists={
                    by_name[hit.entry.list_name].id: present.matchlist_base(by_name[hit.entry.list_name])
                    for hit in shown
                },
                entries=[_matched(by_name[hit.entry.list_name], hit) for hit in shown],
                meta=wire.SearchMeta(total=len(hits), limit=limit, count=len(shown)),
            )

        return respond(request, run(runtime, request, work))

    return router


def _searched_lists(call: Call, scope: wire.MatchlistsSearchFilter) -> list[Matchlist]:
    """CUSTOM: the lists named by id (another account's id is not found). DEFAULT and ALL: every list of
    the account (Clearway has no default list)."""
    if scope.list_scope == "CUSTOM":
        ids = scope.search_lists or []
        return matchlists.matchlists_by_id(call.session, call.account_id, ids, "filter.searchLists")
    return matchlists.list_matchlists(call.session, call.account_id)


def _matched(matchlist: Matchlist, hit: matchlists.SearchHit) -> wire.MatchlistsSearchMatchedEntry:
    attributes = [
        wire.MatchlistsSearchMatchedAttribute(attribute=attribute, confidence=hit.confidence)
        for attribute in present.attributes_of(hit.entry)
    ]
    return wire.MatchlistsSearchMatchedEntry(
        matchlist_id=matchlist.id,
        entry=present.entry_with_audit(hit.entry),
        attributes=attributes,
        confidence=hit.confidence,
    )


def _split(values: str | None) -> list[str]:
    return [item.strip() for item in (values or "").split(",") if item.strip()]


def _comment(comment: Comment | None) -> dict[str, object] | None:
    return comment.model_dump(mode="json", by_alias=True, exclude_none=True) if comment else None
