"""Organizations (KYB) through the parallel `/v2/organizations/…` paths: create, get, execute KYB_AML, and
the status override of an organization's execution with the rules of the seed (result kept, who/when/why
recorded, audit event, four-eyes, a path whose parts disagree changes nothing).

The vendor's KYC file documents only the individual paths; the organization paths are their parallel and
carry the same components (Workflow-Result, Service-Profile, Error), so their answers are validated
against the individual operation's response schema."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearway.audit.models import AuditEvent
from clearway.db import Database
from clearway.parties.models import Organization
from clearway.verification.models import Execution
from tests.api.frankie.conftest import INDIVIDUAL, Tenant, execution_row
from tests.api.frankie.seeding import create, execute, execute_path, executions_path
from tests.api.frankie.spec import CORE, assert_error, assert_matches_spec

INDIVIDUAL_BASE = "/v2/individuals/{entityId}/serviceprofiles/{serviceName}"
EXECUTE_SPEC = f"{INDIVIDUAL_BASE}/workflows/{{workflowName}}/execute"
EXECUTIONS_SPEC = f"{INDIVIDUAL_BASE}/workflows/{{workflowName}}/executions"
EXECUTION_SPEC = f"{EXECUTIONS_SPEC}/{{workflowExecutionId}}"
ABN = {"type": "ABN", "value": "51824753556", "country": "AUS"}
COMPLETE = {"details": {"name": {"name": "Acme Pty Ltd"}, "jurisdiction": "AUS"}, "identifiers": [ABN]}
NO_IDENTIFIER = {"details": {"name": {"name": "Nameonly Pty Ltd"}, "jurisdiction": "AUS"}}


def execution_path(entity_id: str, execution_id: str, kind: str = "organizations", **parts: str) -> str:
    service, workflow = parts.get("service", "KYB"), parts.get("workflow", "KYB_AML")
    return f"{executions_path(kind, entity_id, service, workflow)}/{execution_id}"


def profile_path(entity_id: str) -> str:
    return f"/v2/organizations/{entity_id}/serviceprofiles/KYB"


def status_events(db: Database, account_id: str) -> list[AuditEvent]:
    with db.transaction() as session:
        query = select(AuditEvent).where(
            AuditEvent.account_id == account_id, AuditEvent.action == "WORKFLOW_STATUS_CHANGE"
        )
        return list(session.scalars(query.order_by(AuditEvent.id)))


def organization_row(db: Database, entity_id: str) -> Organization:
    with db.transaction() as session:
        row = session.scalars(select(Organization).filter_by(entity_id=entity_id)).one()
        session.expunge(row)
        return row


def executed(http: TestClient, tenant: Tenant, document: dict[str, Any] = COMPLETE) -> tuple[str, str]:
    """A new organization with one completed KYB_AML execution: (entity id, execution id)."""
    entity_id = create(http, tenant, "organizations", document)
    return entity_id, execute(http, tenant, "organizations", entity_id, "KYB", "KYB_AML")


def override(http: TestClient, tenant: Tenant, path: str, status: str, user: str | None = "alice") -> Any:
    body = {"status": status, "comment": {"text": f"to {status}"}}
    return http.patch(path, json=body, headers=tenant.headers(username=user))


# --- create, get -------------------------------------------------------------------------------------


def test_create_keeps_the_document_and_fills_the_core_columns(
    http: TestClient, database: Database, tenant: Tenant
) -> None:
    created = http.post("/v2/organizations", json={"organization": COMPLETE}, headers=tenant.headers())
    assert created.status_code == 201, created.text
    body = created.json()
    organization = body["organization"]
    assert (organization["entityType"], organization["schemaVersion"]) == ("ORGANIZATION", 2)
    assert (organization["details"], organization["identifiers"]) == (COMPLETE["details"], [ABN])
    assert body["serviceProfiles"] == []
    assert created.headers["X-Frankie-RequestID"] == body["requestId"]
    row = organization_row(database, organization["entityId"])
    assert (row.account_id, row.legal_name, row.country) == (tenant.account_id, "Acme Pty Ltd", "AU")

    got = http.get(f"/v2/organizations/{organization['entityId']}", headers=tenant.headers())
    assert got.status_code == 200, got.text
    assert got.json()["organization"] == organization
    audit = http.get("/v2/audit", params={"entityId": organization["entityId"]}, headers=tenant.headers())
    assert_matches_spec(audit.json(), "/v2/audit", "get", 200, document=CORE)
    [event] = audit.json()["events"]
    assert (event["type"], event["entityType"], event["requestId"]) == (
        "ENTITY_CREATE",
        "ORGANIZATION",
        body["requestId"],
    )


@pytest.mark.parametrize(
    ("document", "result", "issues"),
    [
        (COMPLETE, "PASS", []),
        # the vendor's vocabulary on the wire, the engine's own code beside it
        (NO_IDENTIFIER, "INCOMPLETE", [("BAD_DATA", "BAD_DATA_ID", "REVIEW", "MISSING_IDENTIFIER")]),
    ],
    ids=["complete", "no-identifier"],
)
def test_execute_kyb_aml(
    http: TestClient, tenant: Tenant, document: dict[str, Any], result: str, issues: list[tuple[str, ...]]
) -> None:
    entity_id = create(http, tenant, "organizations", document)
    response = http.post(
        execute_path("organizations", entity_id, "KYB", "KYB_AML"),
        json={"comment": {"text": "onboarding"}},
        headers=tenant.headers(),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_matches_spec(body, EXECUTE_SPEC, "post", 200)
    workflow = body["workflowResult"]
    assert (workflow["entityId"], workflow["entityType"], workflow["workflowName"]) == (
        entity_id,
        "ORGANIZATION",
        "KYB_AML",
    )
    assert (workflow["workflowExecutionState"], workflow["result"], workflow["status"]) == (
        "COMPLETED",
        result,
        result,
    )
    assert [
        (issue["category"], issue["issue"], issue["severity"], issue["code"]) for issue in workflow["issues"]
    ] == issues
    assert workflow["steps"]["order"] == [
        "START",
        "MATCHLIST",
        "DUPLICATE",
        "KYC",
        "AML",
        "RISK",
        "DECISION",
        "FINISH",
    ]
    profile = body["serviceProfile"]
    assert (profile["serviceName"], profile["entityType"], profile["entityName"]) == (
        "KYB",
        "ORGANIZATION",
        document["details"]["name"]["name"],
    )
    assert body["organization"]["entityId"] == entity_id
    assert "individual" not in body

    got = http.get(f"/v2/organizations/{entity_id}", headers=tenant.headers()).json()
    [summary] = got["serviceProfiles"][0]["workflowSummaries"]
    assert (summary["workflowExecutionId"], summary["status"]) == (workflow["workflowExecutionId"], result)
    listed = http.get(executions_path("organizations", entity_id, "KYB", "KYB_AML"), headers=tenant.headers())
    assert_matches_spec(listed.json(), EXECUTIONS_SPEC, "get", 200)
    assert [item["workflowExecutionId"] for item in listed.json()["workflowResults"]] == [
        workflow["workflowExecutionId"]
    ]


def test_an_individual_workflow_does_not_run_on_an_organization(http: TestClient, tenant: Tenant) -> None:
    entity_id = create(http, tenant, "organizations", COMPLETE)
    response = http.post(
        execute_path("organizations", entity_id, "KYB", "KYC_AML"), json={}, headers=tenant.headers()
    )
    body = assert_error(response, 400, "")
    assert body["details"][0]["issueLocation"] == "workflowName"
    listed = http.get(executions_path("organizations", entity_id, "KYB", "KYC_AML"), headers=tenant.headers())
    assert_error(listed, 404, "ENT-")  # not even a service profile was left behind


# --- the status override -----------------------------------------------------------------------------


def test_override_keeps_the_result_and_records_who_when_and_why(
    http: TestClient, database: Database, tenant: Tenant
) -> None:
    entity_id, execution_id = executed(http, tenant, NO_IDENTIFIER)
    path = execution_path(entity_id, execution_id)
    version = execution_row(database, execution_id).version
    response = override(http, tenant, path, "PASS", user="bob")
    assert response.status_code == 200, response.text
    body = response.json()
    assert_matches_spec(body, EXECUTION_SPEC, "patch", 200)
    workflow = body["workflowResult"]
    assert (workflow["status"], workflow["result"], workflow["isManual"]) == ("PASS", "INCOMPLETE", True)
    assert (workflow["statusOverrideBy"], workflow["statusOverrideRequestId"]) == ("bob", body["requestId"])
    assert workflow["statusOverrideAt"]
    row = execution_row(database, execution_id)
    assert (row.status, row.result, row.status_override_by) == ("PASS", "INCOMPLETE", "bob")
    assert row.version == version + 1

    got = http.get(path, headers=tenant.headers())
    assert_matches_spec(got.json(), EXECUTION_SPEC, "get", 200)
    assert got.json()["workflowResult"]["statusOverrideAt"] == workflow["statusOverrideAt"]
    profile = http.get(profile_path(entity_id), headers=tenant.headers())
    assert_matches_spec(profile.json(), INDIVIDUAL_BASE, "get", 200)
    [summary] = profile.json()["serviceProfile"]["workflowSummaries"]
    assert (summary["status"], summary["statusOverrideBy"]) == ("PASS", "bob")
    assert profile.json()["serviceProfile"]["updatedBy"] == "bob"

    audit = http.get("/v2/audit", params={"requestId": body["requestId"]}, headers=tenant.headers())
    assert_matches_spec(audit.json(), "/v2/audit", "get", 200, document=CORE)
    [event] = audit.json()["events"]
    assert (event["type"], event["entityId"], event["entityType"]) == (
        "WORKFLOW_STATUS_CHANGE",
        entity_id,
        "ORGANIZATION",
    )
    assert (event["source"], event["channel"], event["workflowExecutionId"]) == (
        "bob",
        "PORTAL",
        execution_id,
    )
    assert (event["before"]["status"], event["after"]["status"], event["after"]["result"]) == (
        "INCOMPLETE",
        "PASS",
        "INCOMPLETE",
    )
    assert event["userComment"] == {"text": "to PASS"}


def test_four_eyes_on_an_organization(http: TestClient, database: Database, four_eyes_tenant: Tenant) -> None:
    tenant = four_eyes_tenant
    entity_id, execution_id = executed(http, tenant, NO_IDENTIFIER)
    path = execution_path(entity_id, execution_id)
    # INCOMPLETE -> FAIL is not guarded; FAIL -> PASS is
    assert override(http, tenant, path, "FAIL").json()["workflowResult"]["status"] == "FAIL"
    requested = override(http, tenant, path, "PASS", user="alice")
    assert requested.status_code == 200, requested.text
    assert_matches_spec(requested.json(), EXECUTION_SPEC, "patch", 200)
    assert requested.json()["workflowResult"]["status"] == "NEEDS_APPROVAL"
    assert execution_row(database, execution_id).pending_approval is not None

    same_user = assert_error(override(http, tenant, path, "PASS", user="alice"), 400, "API-")
    assert_matches_spec(same_user, EXECUTION_SPEC, "patch", 400)
    anonymous = assert_error(override(http, tenant, path, "PASS", user=None), 400, "VAL-")
    assert anonymous["details"][0]["issueLocation"] == "X-Frankie-Username"
    assert execution_row(database, execution_id).status == "NEEDS_APPROVAL"

    confirmed = override(http, tenant, path, "PASS", user="carol")
    assert confirmed.status_code == 200, confirmed.text
    workflow = confirmed.json()["workflowResult"]
    assert (workflow["status"], workflow["result"], workflow["statusOverrideBy"]) == (
        "PASS",
        "INCOMPLETE",
        "carol",
    )
    row = execution_row(database, execution_id)
    assert (row.pending_approval, row.status) == (None, "PASS")
    events = status_events(database, tenant.account_id)
    assert [event.after["status"] for event in events if event.after] == ["FAIL", "NEEDS_APPROVAL", "PASS"]


def _mismatched_paths(http: TestClient, tenant: Tenant, entity_id: str, execution_id: str) -> dict[str, str]:
    """Paths whose parts do not all name the same execution of the same organization."""
    other_entity, other_execution = executed(http, tenant)
    person = create(http, tenant, "individuals", INDIVIDUAL)
    person_execution = execute(http, tenant, "individuals", person, "KYC", "KYC_AML")
    return {
        "another service": execution_path(entity_id, execution_id, service="KYC"),
        "another workflow": execution_path(entity_id, execution_id, workflow="KYC_AML"),
        "another organization's execution": execution_path(entity_id, other_execution),
        "this execution under another organization": execution_path(other_entity, execution_id),
        "the organization under /individuals": execution_path(entity_id, execution_id, kind="individuals"),
        "an individual's execution under /organizations": execution_path(
            person, person_execution, service="KYC", workflow="KYC_AML"
        ),
        "an unknown execution": execution_path(entity_id, "01HZZZZZZZZZZZZZZZZZZZZZZZ"),
        "an unknown organization": execution_path("00000000-0000-4000-8000-000000000000", execution_id),
    }


def test_a_path_whose_parts_disagree_changes_nothing(
    http: TestClient, database: Database, tenant: Tenant
) -> None:
    entity_id, execution_id = executed(http, tenant, NO_IDENTIFIER)
    paths = _mismatched_paths(http, tenant, entity_id, execution_id)
    before = {row_id: execution_row(database, row_id) for row_id in _execution_ids(database, tenant)}
    answers = {}
    for name, path in paths.items():
        response = override(http, tenant, path, "PASS")
        answers[name] = (response.status_code, response.json().get("errorCode"))
        if response.status_code == 404:
            assert_matches_spec(assert_error(response, 404, "ENT-"), EXECUTION_SPEC, "patch", 404)
    assert answers == {name: (404, "ENT-0404") for name in paths}
    after = {row_id: execution_row(database, row_id) for row_id in _execution_ids(database, tenant)}
    assert {key: (row.status, row.version) for key, row in after.items()} == {
        key: (row.status, row.version) for key, row in before.items()
    }
    assert status_events(database, tenant.account_id) == []


def _execution_ids(database: Database, tenant: Tenant) -> list[str]:
    with database.transaction() as session:
        return list(session.scalars(select(Execution.id).where(Execution.account_id == tenant.account_id)))
