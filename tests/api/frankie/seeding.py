"""Seeding through the dialect itself (real executions of the built-in workflows), plus the one thing a
test cannot make the engine produce without loading global lists: hits on an execution."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from clearway.db import Database
from clearway.verification.models import Execution, ProcessResult
from tests.api.frankie.conftest import Tenant, new_entity_uuid

RESOLVABLE_STEPS = {"aml": "AML", "matchlist": "MATCHLIST", "duplicate": "DUPLICATE"}
ORGANIZATION = {"details": {"name": {"name": "Kestrel Holdings Pty Ltd"}, "jurisdiction": "AUS"}}


def execute_path(kind: str, entity_id: str, service: str, workflow: str) -> str:
    return f"/v2/{kind}/{entity_id}/serviceprofiles/{service}/workflows/{workflow}/execute"


def executions_path(kind: str, entity_id: str, service: str, workflow: str) -> str:
    return f"/v2/{kind}/{entity_id}/serviceprofiles/{service}/workflows/{workflow}/executions"


def create(http: TestClient, tenant: Tenant, kind: str, document: dict[str, Any]) -> str:
    """Create an individual or organization (`kind` is the path's plural) and return its entity id."""
    member = "individual" if kind == "individuals" else "organization"
    response = http.post(f"/v2/{kind}", json={member: document}, headers=tenant.headers())
    assert response.status_code == 201, response.text
    entity_id: str = response.json()[member]["entityId"]
    return entity_id


def execute(http: TestClient, tenant: Tenant, kind: str, entity_id: str, service: str, workflow: str) -> str:
    """Run the workflow synchronously and return the execution id."""
    response = http.post(execute_path(kind, entity_id, service, workflow), json={}, headers=tenant.headers())
    assert response.status_code == 200, response.text
    execution_id: str = response.json()["workflowResult"]["workflowExecutionId"]
    return execution_id


def add_hits(db: Database, execution_id: str) -> dict[str, list[str]]:
    """One hit per resolvable step on a real execution, as a screening or list match leaves it (the
    sample sanctions lists are global, shared by the session's tests, so none is loaded for this)."""
    hits: dict[str, list[str]] = {}
    with db.transaction() as session:
        execution = session.get(Execution, execution_id)
        assert execution is not None
        for step in RESOLVABLE_STEPS.values():
            row = ProcessResult(
                id=new_entity_uuid(),
                account_id=execution.account_id,
                entity_id=execution.entity_id,
                execution_id=execution.id,
                step_name=step,
                object_type=execution.entity_type,
                result="HIT",
                details={"score": 0.9},
            )
            session.add(row)
            hits[step] = [row.id]
    return hits
