"""The dialect's router: every `/v2` operation, behind the documented headers."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from clearway.api.frankie.common import documented_headers
from clearway.api.frankie.routes_entities import entities_router
from clearway.api.frankie.routes_execute import execute_router
from clearway.api.frankie.routes_executions import executions_router
from clearway.api.frankie.routes_matchlists import matchlists_router
from clearway.api.frankie.runtime import Runtime


def frankie_router(runtime: Runtime) -> APIRouter:
    router = APIRouter(dependencies=[Depends(documented_headers)])
    # Before the entity routes: `/v2/individuals/new/…/execute` must not be read as an entity id "new".
    router.include_router(execute_router(runtime))
    router.include_router(entities_router(runtime))
    for kind in ("individuals", "organizations"):
        router.include_router(executions_router(runtime, kind))
    router.include_router(matchlists_router(runtime))
    return router
