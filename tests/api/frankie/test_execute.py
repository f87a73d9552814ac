"""Executing workflows through the verification dialect: synchronous, create-and-execute, background;
a sanctions hit raised, resolved as a false positive, and not raised again."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from clearway.app import create_app
from clearway.db import Database
from clearway.screening.lists import SAMPLES_DIR
from clearway.screening.lists.service import import_list
from clearway.screening.service import ScreeningService
from clearway.settings import Settings
from clearway.verification.worker import WorkerPool
from tests.api.frankie.conftest import INDIVIDUAL, Tenant, make_tenant
from tests.api.frankie.spec import assert_error, assert_matches_spec
from tests.support.factories import TEST_MASTER_KEY

EXECUTE = "/v2/individuals/{entityId}/serviceprofiles/{serviceName}/workflows/{workflowName}/execute"
CREATE_AND_EXECUTE = "/v2/individuals/new/serviceprofiles/{serviceName}/workflows/{workflowName}/execute"


def execute_path(entity_id: str, workflow: str = "KYC_AML", service: str = "KYC") -> str:
    return f"/v2/individuals/{entity_id}/serviceprofiles/{service}/workflows/{workflow}/execute"


def test_synchronous_execution_completes_with_a_spec_valid_result(
    http: TestClient, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    entity_id = create_individual(tenant)
    response = http.post(
        execute_path(entity_id), json={"comment": {"text": "onboarding"}}, headers=tenant.headers()
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_matches_spec(body, EXECUTE, "post", 200)
    result = body["workflowResult"]
    assert (result["entityId"], result["workflowName"], result["workflowExecutionState"]) == (
        entity_id,
        "KYC_AML",
        "COMPLETED",
    )
    assert result["status"] == result["result"]
    assert result["steps"]["order"][0] == "START"
    assert body["serviceProfile"]["serviceName"] == "KYC"
    assert body["individual"]["entityId"] == entity_id
    listed = http.get(
        f"/v2/individuals/{entity_id}/serviceprofiles/KYC/workflows/KYC_AML/executions",
        headers=tenant.headers(),
    ).json()["workflowResults"]
    assert [item["workflowExecutionId"] for item in listed] == [result["workflowExecutionId"]]


def test_create_and_execute(http: TestClient, tenant: Tenant) -> None:
    response = http.post(
        "/v2/individuals/new/serviceprofiles/KYC/workflows/KYC_AML/execute",
        json={"individual": INDIVIDUAL},
        headers=tenant.headers(),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert_matches_spec(body, CREATE_AND_EXECUTE, "post", 200)
    entity_id = body["individual"]["entityId"]
    assert body["workflowResult"]["entityId"] == entity_id
    assert http.get(f"/v2/individuals/{entity_id}", headers=tenant.headers()).status_code == 200


def test_a_name_screening_cannot_read_is_sent_to_review_with_a_spec_valid_issue(
    http: TestClient, tenant: Tenant
) -> None:
    """A name written only in Tibetan (no transliteration at hand) was not screened: REVIEW, not PASS, with
    the issue in the vendor's vocabulary (BAD_DATA_NAME) and the engine's code beside it."""
    individual = {**INDIVIDUAL, "name": {"givenName": "བསྟན་འཛིན", "familyName": "རྒྱ་མཚོ"}}
    response = http.post(CREATE_AND_EXECUTE.format(serviceName="KYC", workflowName="KYC_AML"),
                         json={"individual": individual}, headers=tenant.headers())  # fmt: skip
    assert response.status_code == 200, response.text
    body = response.json()
    assert_matches_spec(body, CREATE_AND_EXECUTE, "post", 200)
    result = body["workflowResult"]
    assert result["result"] == "REVIEW"
    assert "AML" in result["steps"]["incomplete"]
    assert [(i["category"], i["issue"], i.get("code")) for i in result["issues"]] == [
        ("AML", "BAD_DATA_NAME", "NAME_NOT_SCREENED")
    ]


def test_background_execution_is_accepted_then_completed_by_a_worker(
    http: TestClient, tenant: Tenant, create_individual: Callable[[Tenant], str], database: Database
) -> None:
    entity_id = create_individual(tenant)
    response = http.post(
        execute_path(entity_id), json={}, headers=tenant.headers(**{"X-Frankie-Background": "1"})
    )
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert_matches_spec(accepted, EXECUTE, "post", 202)
    WorkerPool(database, ScreeningService(database), concurrency=1).run_until_empty()
    path = (
        f"/v2/individuals/{entity_id}/serviceprofiles/KYC/workflows/KYC_AML/executions/"
        f"{accepted['workflowExecutionId']}"
    )
    execution = http.get(path, headers=tenant.headers())
    assert execution.status_code == 200, execution.text
    assert execution.json()["workflowResult"]["workflowExecutionState"] == "COMPLETED"


@pytest.mark.parametrize("workflow", ["NO_SUCH_WORKFLOW"])
def test_unknown_workflow_and_foreign_entity_are_not_found(
    http: TestClient,
    tenant: Tenant,
    other_tenant: Tenant,
    create_individual: Callable[[Tenant], str],
    workflow: str,
) -> None:
    entity_id = create_individual(tenant)
    assert_error(http.post(execute_path(entity_id, workflow), json={}, headers=tenant.headers()), 404, "")
    foreign = http.post(execute_path(entity_id), json={}, headers=other_tenant.headers())
    assert_error(foreign, 404, "")
    missing = http.post(
        execute_path("00000000-0000-4000-8000-000000000000"), json={}, headers=tenant.headers()
    )
    assert_error(missing, 404, "")


@pytest.fixture
def listed_http(fresh_database: Database, tmp_path: Path) -> Iterator[tuple[TestClient, Database]]:
    """An app over a database holding the shipped OFAC sample (a fresh database: lists are global)."""
    with fresh_database.transaction() as session:
        import_list(session, SAMPLES_DIR / "ofac")
    settings = Settings(data_dir=tmp_path, database_url=fresh_database.url, master_key=TEST_MASTER_KEY)
    with TestClient(create_app(settings, fresh_database)) as client:
        yield client, fresh_database


def test_sanctions_hit_is_reviewed_resolved_and_not_raised_again(
    listed_http: tuple[TestClient, Database],
) -> None:
    http, db = listed_http
    tenant = make_tenant(db)
    individual = {
        "name": {"givenName": "Hasan", "familyName": "Nasrallah"},
        "dateOfBirth": {"year": "1960", "month": "08", "day": "31"},
    }
    first = http.post(
        "/v2/individuals/new/serviceprofiles/KYC/workflows/KYC_AML/execute",
        json={"individual": individual},
        headers=tenant.headers(),
    )
    assert first.status_code == 200, first.text
    result = first.json()["workflowResult"]
    entity_id = result["entityId"]
    assert result["result"] == "REVIEW"
    assert "AML" in result["steps"]["failed"] or "AML" in result["steps"]["incomplete"]

    results = http.get(f"/v2/individuals/{entity_id}/results", headers=tenant.headers())
    assert results.status_code == 200, results.text
    aml = [pro for pro in results.json()["processResults"] if pro["class"] == "AML"]
    assert aml, results.json()
    resolved = http.patch(
        f"/v2/individuals/{entity_id}/results/aml",
        headers=tenant.headers(),
        json={
            "processResults": [pro["processResultId"] for pro in aml],
            "manualStatus": "FALSE_POSITIVE",
            "comment": {"text": "different person: other date of birth"},
        },
    )
    assert resolved.status_code == 200, resolved.text

    again = http.post(execute_path(entity_id), json={}, headers=tenant.headers())
    assert again.status_code == 200, again.text
    assert again.json()["workflowResult"]["result"] == "PASS"
