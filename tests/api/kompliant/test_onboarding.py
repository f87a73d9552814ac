"""A business application started through the application dialect runs KYB verification on its business;
the run shows on the workflow, decides the underwriting workflow, and is visible in the other dialect."""

from __future__ import annotations

from fastapi.testclient import TestClient

from clearway.client import KompliantClient
from clearway.db import Database
from clearway.screening.service import ScreeningService
from clearway.tenancy import service as tenancy
from clearway.verification.worker import WorkerPool
from tests.support.factories import SeededAccount


def _application_ready_to_start(client: KompliantClient) -> tuple[str, str]:
    created = client.call(
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "state": "CREATED",
                "details": {"applying_user": {"email": "owner@northwind.example"}},
            }
        },
    )
    record = created["subject_record_id"]
    business = client.call(
        "business.create",
        {
            "subject_record_id": record,
            "business": {"legal_name": "Northwind Traders LLC", "tax_id": "123456789"},
        },
    )
    person = client.call(
        "person.create",
        {
            "subject_record_id": record,
            "person": {"first_name": "Jordan", "last_name": "Rivera", "date_of_birth": "1980-05-17"},
        },
    )
    client.call(
        "business.addOwner",
        {
            "business_id": business["business_id"],
            "owner": {
                "person_id": person["person_id"],
                "ownership_type": "CONTROL_PRONG",
                "ownership_percentage": 60,
            },
        },
    )
    return created["workflow_id"], business["business_id"]


def test_start_runs_kyb_and_complete_carries_its_decision(
    client: KompliantClient, account: SeededAccount, database: Database, http: TestClient
) -> None:
    workflow_id, _business_id = _application_ready_to_start(client)
    assert client.call("workflow.get", {"workflow_id": workflow_id})["verification"] is None

    client.call("workflow.start", {"workflow_id": workflow_id})
    queued = client.call("workflow.get", {"workflow_id": workflow_id})["verification"]
    assert queued["workflow_name"] == "KYB_AML"
    assert queued["state"] in {"IN_PROGRESS", "COMPLETED"}  # the in-process pool may already have run it

    WorkerPool(database, ScreeningService(database), concurrency=1).run_until_empty()
    ran = client.call("workflow.get", {"workflow_id": workflow_id})["verification"]
    assert ran["workflow_execution_id"] == queued["workflow_execution_id"]
    assert ran["state"] == "COMPLETED"
    assert ran["status"] == ran["result"]

    completed = client.call("workflow.complete", {"workflow_id": workflow_id})
    underwriting = client.call(
        "workflow.get", {"workflow_id": completed["business_underwriting_workflow_id"]}
    )
    details = underwriting["details"]["business_underwriting_details"]
    assert details["decision"] == ran["status"]
    assert details["verification"]["workflow_execution_id"] == ran["workflow_execution_id"]

    # The same business and execution, through the verification dialect.
    with database.transaction() as session:
        _credential, api_key = tenancy.create_api_key_credential(
            session, tenancy.get_account(session, account.account_id)
        )
    headers = {"api_key": api_key, "X-Frankie-CustomerID": account.account_id}
    executions = http.get(
        f"/v2/organizations/{ran['entity_id']}/serviceprofiles/KYB/workflows/KYB_AML/executions",
        headers=headers,
    )
    assert executions.status_code == 200, executions.text
    assert [item["workflowExecutionId"] for item in executions.json()["workflowResults"]] == [
        ran["workflow_execution_id"]
    ]


def test_start_without_a_business_runs_nothing(client: KompliantClient) -> None:
    created = client.call(
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "state": "CREATED",
                "details": {"applying_user": {"email": "solo@example.com"}},
            }
        },
    )
    client.call("workflow.start", {"workflow_id": created["workflow_id"]})
    assert client.call("workflow.get", {"workflow_id": created["workflow_id"]})["verification"] is None
