"""End to end: `clearway serve` as a subprocess, driven over HTTP by `clearway.client`."""

from __future__ import annotations

import httpx
import pytest

from clearway.client import KompliantClient, KompliantError
from clearway.db import Database
from tests.support.factories import SeededAccount, make_account


@pytest.fixture
def remote(server_url: str, database: Database) -> tuple[KompliantClient, SeededAccount]:
    account = make_account(database)
    creds = account.credentials
    return KompliantClient(server_url, creds.api_key, creds.secret_key, creds.auth_token), account


def test_business_application_lifecycle(remote: tuple[KompliantClient, SeededAccount]) -> None:
    client, account = remote
    created = client.call(
        "workflow.create",
        {
            "account_id": account.account_id,
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "state": "CREATED",
                "details": {"business_application_details": {"applying_user": {"email": "Ana@Example.com"}}},
            },
        },
    )
    workflow_id, record_id = created["workflow_id"], created["subject_record_id"]

    # The seed's example body, to the letter, plus the workflow id.
    assert (
        client.call(
            "workflow.update",
            {
                "account_id": account.account_id,
                "workflow_id": workflow_id,
                "workflow": {
                    "type": "BUSINESS_APPLICATION",
                    "subject_record_id": record_id,
                    "details": {
                        "business_application_details": {
                            "applying_user": {
                                "email": "joe@example.com",
                                "first_name": "Joe",
                                "last_name": "Fette",
                            },
                            "referrer_value": "UAYACG123",
                            "equipment_collection_id": account.equipment_collection_id,
                            "pricing_model_id": account.pricing_model_id,
                        }
                    },
                },
            },
        )
        == {}
    )

    business = client.call(
        "business.create",
        {
            "subject_record_id": record_id,
            "business": {
                "legal_name": "Fette Tools LLC",
                "tax_id": "123456789",
                "phone_number": "(202) 555-0143",
            },
        },
    )
    person = client.call(
        "person.create",
        {
            "subject_record_id": record_id,
            "person": {
                "first_name": "Joe",
                "last_name": "Fette",
                "date_of_birth": "1980-02-29",
                "citizenship": "us",
            },
        },
    )
    client.call(
        "business.addOwner",
        {
            "business_id": business["business_id"],
            "owner": {
                "person_id": person["person_id"],
                "ownership_type": "CONTROL_PRONG",
                "ownership_percentage": 75,
            },
        },
    )
    client.call("workflow.start", {"workflow_id": workflow_id})

    with pytest.raises(KompliantError) as refused:
        client.call(
            "workflow.update",
            {"workflow_id": workflow_id, "workflow": {"details": {"referrer_value": "late"}}},
        )
    assert (refused.value.status_code, refused.value.code) == (400, "SYSTEM_RULE_VIOLATION")
    assert refused.value.errors[0]["sub_code"] == "WORKFLOW_ALREADY_STARTED"

    assert client.call("workflow.canComplete", {"workflow_id": workflow_id}) == {
        "can_complete": True,
        "missing_requirements": [],
    }
    completed = client.call("workflow.complete", {"workflow_id": workflow_id})
    underwriting = client.call(
        "workflow.get", {"workflow_id": completed["business_underwriting_workflow_id"]}
    )
    assert (underwriting["type"], underwriting["state"]) == ("BUSINESS_UNDERWRITING", "STARTED")
    application = client.call("workflow.get", {"workflow_id": workflow_id})
    assert application["state"] == "ENDED"
    assert application["details"]["business_application_details"]["applying_user"] == {
        "email": "joe@example.com",
        "first_name": "Joe",
        "last_name": "Fette",
    }
    client.close()


def test_minimal_mode_and_trace_header(server_url: str, database: Database) -> None:
    account = make_account(database)
    creds = account.credentials
    with KompliantClient(
        server_url, creds.api_key, creds.secret_key, creds.auth_token, mode="minimal"
    ) as client:
        response = client.send("meta.checkVersion")
    body = response.json()
    assert response.status_code == 200
    assert body["data"] == {"current_version": "2025-03-24", "latest_version": "2025-03-24"}
    assert response.headers["x-trace-id"] == body["meta"]["trace_id"]
    assert body["meta"]["trace_id"].startswith("trc_")


def test_health_docs_and_openapi(server_url: str) -> None:
    assert httpx.get(f"{server_url}/healthz").json() == {"status": "ok", "database": True}
    assert httpx.get(f"{server_url}/docs").status_code == 200
    paths = httpx.get(f"{server_url}/openapi.json").json()["paths"]
    assert "/workflow.update" in paths
    assert paths["/workflow.update"]["post"]["requestBody"]["content"]["application/json"]["schema"]
