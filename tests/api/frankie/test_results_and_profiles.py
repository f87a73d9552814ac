"""Process results, risk, monitoring, service profile state, executions list, search, audit, isolation."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient

from clearway.db import Database
from tests.api.frankie.conftest import Tenant, execution_row, override_path, seed_execution
from tests.api.frankie.spec import CORE, assert_error, assert_matches_spec

PROFILE = "/v2/individuals/{entityId}/serviceprofiles/{serviceName}"
EXECUTIONS = PROFILE + "/workflows/{workflowName}/executions"


def test_resolve_hits(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant))
    base = f"/v2/individuals/{seeded.entity_id}/results"
    listed = http.get(base, headers=tenant.headers())
    assert_matches_spec(listed.json(), "/v2/individuals/{entityId}/results", "get", 200)
    assert listed.json()["meta"]["total"] == 4
    aml = seeded.process_result_ids[:2]
    body = {"processResults": aml, "manualStatus": "FALSE_POSITIVE", "comment": {"text": "different person"}}
    resolved = http.patch(f"{base}/aml", json=body, headers=tenant.headers())
    assert resolved.status_code == 200, resolved.text
    assert_matches_spec(resolved.json(), "/v2/individuals/{entityId}/results/aml", "patch", 200)
    assert [item["manualStatus"] for item in resolved.json()["processResults"]] == ["FALSE_POSITIVE"] * 2
    # a matchlist id under /aml, or a status the endpoint does not accept: nothing changes
    wrong = {"processResults": [seeded.process_result_ids[2]], "manualStatus": "TRUE_POSITIVE"}
    assert_error(http.patch(f"{base}/aml", json=wrong, headers=tenant.headers()), 404, "ENT-")
    bad_status = {"processResults": [seeded.process_result_ids[2]], "manualStatus": "TRUE_POSITIVE"}
    assert_error(http.patch(f"{base}/matchlist", json=bad_status, headers=tenant.headers()), 400, "API-")
    ok = {"processResults": [seeded.process_result_ids[3]], "manualStatus": "TRUE_POSITIVE_ACCEPT"}
    assert http.patch(f"{base}/duplicate", json=ok, headers=tenant.headers()).status_code == 200


def test_risk_state_monitoring_and_executions(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="REVIEW")
    seed_execution(database, tenant.account_id, seeded.entity_id, result="PASS")
    profile = f"/v2/individuals/{seeded.entity_id}/serviceprofiles/KYC"
    risk = http.patch(
        f"{profile}/risk",
        json={"riskLevel": "HIGH", "comment": {"text": "adverse media"}},
        headers=tenant.headers(),
    )
    assert risk.status_code == 200, risk.text
    assert_matches_spec(risk.json(), PROFILE + "/risk", "patch", 200)
    assert risk.json()["riskAssessment"]["riskLevel"] == "HIGH"
    assert risk.json()["riskAssessment"]["workflowRiskLevel"] == "MEDIUM"
    bad_state = {"serviceProfile": {"state": "ACTIVE"}}
    assert_error(http.patch(profile, json=bad_state, headers=tenant.headers()), 400, "API-")
    archived = http.patch(profile, json={"serviceProfile": {"state": "ARCHIVED"}}, headers=tenant.headers())
    assert archived.status_code == 200
    assert_matches_spec(archived.json(), PROFILE, "patch", 200)
    assert archived.json()["serviceProfile"]["state"] == "ARCHIVED"
    monitor = http.patch(
        f"/v2/individuals/{seeded.entity_id}/monitor?enabled=true&monitoringTypes=AML",
        headers=tenant.headers(),
    )
    assert monitor.status_code == 200, monitor.text
    assert_matches_spec(monitor.json(), "/v2/individuals/{entityId}/monitor", "patch", 200)
    assert monitor.json()["monitoring"]["AML"]["status"] == "ENABLED"
    executions = http.get(f"{profile}/workflows/KYC_AML/executions", headers=tenant.headers())
    assert_matches_spec(executions.json(), EXECUTIONS, "get", 200)
    results = [item["result"] for item in executions.json()["workflowResults"]]
    assert results == ["PASS", "REVIEW"]  # newest first
    only_review = http.get(
        f"{profile}/workflows/KYC_AML/executions?workflowResults=REVIEW&limit=1", headers=tenant.headers()
    )
    assert [item["result"] for item in only_review.json()["workflowResults"]] == ["REVIEW"]
    assert only_review.json()["meta"] == {
        "page": 1,
        "total": 1,
        "limit": 1,
        "count": 1,
        "sort": "desc",
        "sortFields": ["createdAt"],
    }


def test_search_workflows_and_audit(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant))
    found = http.post(
        "/v2/search/serviceprofiles",
        json={"search": {"type": "NAME", "terms": [{"value": "lovelace"}]}},
        headers=tenant.headers(),
    )
    assert found.status_code == 200, found.text
    assert_matches_spec(found.json(), "/v2/search/serviceprofiles", "post", 200)
    assert [match["serviceProfile"]["entityId"] for group in found.json()["matches"] for match in group] == [
        seeded.entity_id
    ]
    workflows = http.get("/v2/workflows", headers=tenant.headers())
    assert_matches_spec(workflows.json(), "/v2/workflows", "get", 200)
    assert "KYC_AML" in [item["workflowName"] for item in workflows.json()["workflows"]]
    override = http.patch(override_path(seeded), json={"status": "PASS"}, headers=tenant.headers())
    request_id = override.json()["requestId"]
    audit = http.get(f"/v2/audit?requestId={request_id}", headers=tenant.headers())
    assert audit.status_code == 200
    assert_matches_spec(audit.json(), "/v2/audit", "get", 200, document=CORE)
    [event] = audit.json()["events"]
    assert (event["type"], event["status"], event["channel"], event["entityId"]) == (
        "WORKFLOW_STATUS_CHANGE",
        "PASS",
        "PORTAL",
        seeded.entity_id,
    )
    by_entity = http.get(f"/v2/audit?entityId={seeded.entity_id}&channels=PORTAL", headers=tenant.headers())
    assert [item["type"] for item in by_entity.json()["events"]] == [
        "WORKFLOW_STATUS_CHANGE",
        "ENTITY_CREATE",
    ]


def test_tenant_isolation_on_every_endpoint(
    http: TestClient,
    database: Database,
    tenant: Tenant,
    other_tenant: Tenant,
    create_individual: Callable[[Tenant], str],
) -> None:
    seeded = seed_execution(database, tenant.account_id, create_individual(tenant), result="FAIL")
    entity = f"/v2/individuals/{seeded.entity_id}"
    profile = f"{entity}/serviceprofiles/KYC"
    hits = {"processResults": seeded.process_result_ids[:1], "manualStatus": "FALSE_POSITIVE"}
    probes = [
        ("GET", entity, None),
        ("PATCH", entity, {"individual": {"name": {"familyName": "Stolen"}}}),
        ("DELETE", entity, None),
        ("GET", profile, None),
        ("PATCH", profile, {"serviceProfile": {"state": "ARCHIVED"}}),
        ("PATCH", f"{profile}/risk", {"riskLevel": "LOW"}),
        ("GET", f"{profile}/workflows/KYC_AML/executions", None),
        ("GET", override_path(seeded), None),
        ("PATCH", override_path(seeded), {"status": "PASS"}),
        ("GET", f"{entity}/results", None),
        ("PATCH", f"{entity}/results/aml", hits),
        ("PATCH", f"{entity}/monitor?enabled=true", None),
    ]
    for method, path, body in probes:
        response = http.request(method, path, json=body, headers=other_tenant.headers())
        assert_error(response, 404, "ENT-")
        assert_error(http.request(method, path, json=body), 401, "AUTH-")
    assert execution_row(database, seeded.execution_id).status == "FAIL"
    mine = http.get(entity, headers=tenant.headers()).json()
    assert mine["individual"]["name"]["familyName"] == "Lovelace"
    assert mine["serviceProfiles"][0]["state"] == "ACTIVE"
    results = http.get(f"{entity}/results", headers=tenant.headers()).json()["processResults"]
    assert [item.get("manualStatus") for item in results] == [None] * 4
    foreign_search = http.post(
        "/v2/search/serviceprofiles",
        json={"filters": {"entityIds": [seeded.entity_id]}},
        headers=other_tenant.headers(),
    )
    assert foreign_search.json()["matches"] == []
    foreign_audit = http.get(f"/v2/audit?entityId={seeded.entity_id}", headers=other_tenant.headers())
    assert foreign_audit.json()["events"] == []
