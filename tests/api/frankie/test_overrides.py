"""The seed: PATCH …/executions/{id} overrides `status`, keeps `result`, records who/when/why; the
four-eyes rule; concurrent overrides lose nothing."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import select

from clearway.audit.models import AuditEvent
from clearway.db import Database
from clearway.verification.statuses import Status
from tests.api.frankie.conftest import Tenant, execution_row, override_path, seed_execution
from tests.api.frankie.spec import assert_error, assert_matches_spec

SEED_PATH = (
    "/v2/individuals/{entityId}/serviceprofiles/{serviceName}/workflows/{workflowName}/executions/"
    "{workflowExecutionId}"
)


def _status_events(db: Database, account_id: str) -> list[AuditEvent]:
    with db.transaction() as session:
        query = select(AuditEvent).where(
            AuditEvent.account_id == account_id, AuditEvent.action == "WORKFLOW_STATUS_CHANGE"
        )
        return list(session.scalars(query.order_by(AuditEvent.id)))


def test_override_changes_status_keeps_result_and_audits(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="FAIL")
    body = {
        "status": "PASS",
        "comment": {"text": "Verified by phone", "entityId": seeded.entity_id, "entityType": "INDIVIDUAL"},
    }
    response = http.patch(override_path(seeded), json=body, headers=tenant.headers(username="bob"))
    assert response.status_code == 200, response.text
    wire = response.json()
    assert_matches_spec(wire, SEED_PATH, "patch", 200)
    result = wire["workflowResult"]
    assert (result["status"], result["result"]) == ("PASS", "FAIL")
    assert result["statusOverrideBy"] == "bob"
    assert result["statusOverrideRequestId"] == wire["requestId"]
    assert result["statusOverrideAt"]
    assert result["isManual"] is True
    row = execution_row(database, seeded.execution_id)
    assert (row.status, row.result, row.status_override_by) == ("PASS", "FAIL", "bob")
    [event] = _status_events(database, tenant.account_id)
    assert event.before is not None and event.after is not None
    assert (event.before["status"], event.after["status"]) == ("FAIL", "PASS")
    assert event.after["comment"]["text"] == "Verified by phone"
    assert (event.actor_username, event.channel, event.request_id) == ("bob", "portal", wire["requestId"])
    assert event.entity_id == seeded.entity_id
    profile = http.get(f"/v2/individuals/{seeded.entity_id}/serviceprofiles/KYC", headers=tenant.headers())
    assert profile.status_code == 200
    assert_matches_spec(
        profile.json(), "/v2/individuals/{entityId}/serviceprofiles/{serviceName}", "get", 200
    )
    [summary] = profile.json()["serviceProfile"]["workflowSummaries"]
    assert summary["status"] == "PASS"
    got = http.get(override_path(seeded), headers=tenant.headers())
    assert_matches_spec(got.json(), SEED_PATH, "get", 200)
    assert got.json()["workflowResult"]["status"] == "PASS"


def test_every_status_is_accepted(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="REVIEW")
    for status in Status:
        response = http.patch(override_path(seeded), json={"status": status.value}, headers=tenant.headers())
        assert response.status_code == 200, response.text
        assert response.json()["workflowResult"]["status"] == status.value
        assert response.json()["workflowResult"]["result"] == "REVIEW"
    assert len(_status_events(database, tenant.account_id)) == len(Status)


def test_invalid_requests_change_nothing(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="FAIL")
    other = seed_execution(database, tenant.account_id, create_individual(tenant), result="FAIL")
    body = assert_error(
        http.patch(override_path(seeded), json={"status": "MAYBE"}, headers=tenant.headers()), 400, "API-"
    )
    assert body["details"][0]["issueLocation"] == "status"
    assert_error(http.patch(override_path(seeded), json={}, headers=tenant.headers()), 400, "API-")
    wrong_service = override_path(seeded, service="AML")
    assert_error(http.patch(wrong_service, json={"status": "PASS"}, headers=tenant.headers()), 404, "ENT-")
    wrong_workflow = override_path(seeded, workflow="OTHER")
    assert_error(http.patch(wrong_workflow, json={"status": "PASS"}, headers=tenant.headers()), 404, "ENT-")
    # another entity's execution id under this entity's path
    mixed = override_path(seeded).replace(seeded.execution_id, other.execution_id)
    assert_error(http.patch(mixed, json={"status": "PASS"}, headers=tenant.headers()), 404, "ENT-")
    unknown = override_path(seeded).replace(seeded.execution_id, "01HZZZZZZZZZZZZZZZZZZZZZZZ")
    assert_error(http.patch(unknown, json={"status": "PASS"}, headers=tenant.headers()), 404, "ENT-")
    assert execution_row(database, seeded.execution_id).status == "FAIL"
    assert execution_row(database, other.execution_id).status == "FAIL"
    assert _status_events(database, tenant.account_id) == []


def test_four_eyes_needs_a_second_user(
    http: TestClient, database: Database, four_eyes_tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    tenant = four_eyes_tenant
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="FAIL")
    path = override_path(seeded)
    first = http.patch(
        path, json={"status": "PASS", "comment": {"text": "ok"}}, headers=tenant.headers(username="alice")
    )
    assert first.status_code == 200
    assert first.json()["workflowResult"]["status"] == "NEEDS_APPROVAL"
    row = execution_row(database, seeded.execution_id)
    assert row.pending_approval is not None
    assert (row.pending_approval["status"], row.pending_approval["requestedBy"]) == ("PASS", "alice")
    same = http.patch(path, json={"status": "PASS"}, headers=tenant.headers(username="alice"))
    assert_error(same, 400, "API-")
    assert execution_row(database, seeded.execution_id).status == "NEEDS_APPROVAL"
    anonymous = http.patch(path, json={"status": "PASS"}, headers=tenant.headers(username=None))
    assert_error(anonymous, 400, "VAL-")
    confirmed = http.patch(path, json={"status": "PASS"}, headers=tenant.headers(username="carol"))
    assert confirmed.status_code == 200
    result = confirmed.json()["workflowResult"]
    assert (result["status"], result["result"], result["statusOverrideBy"]) == ("PASS", "FAIL", "carol")
    assert execution_row(database, seeded.execution_id).pending_approval is None
    events = _status_events(database, tenant.account_id)
    assert [event.after["status"] for event in events if event.after] == ["NEEDS_APPROVAL", "PASS"]


def test_four_eyes_does_not_guard_other_changes(
    http: TestClient, database: Database, four_eyes_tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    tenant = four_eyes_tenant
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="REVIEW")
    response = http.patch(override_path(seeded), json={"status": "PASS"}, headers=tenant.headers())
    assert response.json()["workflowResult"]["status"] == "PASS"
    failed = seed_execution(database, tenant.account_id, create_individual(tenant), result="FAIL")
    response = http.patch(override_path(failed), json={"status": "REVIEW"}, headers=tenant.headers())
    assert response.json()["workflowResult"]["status"] == "REVIEW"


def test_concurrent_overrides_lose_no_update(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    """Each override's audit event must start from the status the previous one left: a lost update
    would show two events leaving the same status."""
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="REVIEW")
    statuses = ["PASS", "FAIL", "APPROVED", "REJECTED", "BLOCKED", "CLEAR", "URGENT", "MONITOR"]
    codes: list[int] = []
    start = threading.Barrier(len(statuses))

    def override(status: str) -> None:
        start.wait()
        response = http.patch(
            override_path(seeded), json={"status": status}, headers=tenant.headers(username=status)
        )
        codes.append(response.status_code)

    threads = [threading.Thread(target=override, args=(status,)) for status in statuses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    applied = codes.count(200)
    assert set(codes) <= {200, 409}
    events = _status_events(database, tenant.account_id)
    assert len(events) == applied
    chain = [
        (event.before["status"], event.after["status"]) for event in events if event.before and event.after
    ]
    assert chain[0][0] == "REVIEW"
    for (_, left), (came_from, _) in itertools.pairwise(chain):
        assert came_from == left
    row = execution_row(database, seeded.execution_id)
    assert row.status == chain[-1][1]
    assert row.version == 1 + applied
