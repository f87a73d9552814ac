from clearway.client import KompliantClient
from tests.support.factories import SeededAccount


def test_workflow_update_round_trip(client: KompliantClient, account: SeededAccount) -> None:
    created = client.call(
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "state": "CREATED",
                "details": {"business_application_details": {"applying_user": {"email": "a@example.com"}}},
            }
        },
    )
    data = client.call(
        "workflow.update",
        {
            "account_id": account.account_id,
            "workflow_id": created["workflow_id"],
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "details": {
                    "business_application_details": {
                        "applying_user": {"first_name": "Joe"},
                        "referrer_value": "UAYACG123",
                        "pricing_model_id": account.pricing_model_id,
                    }
                },
            },
        },
    )
    assert data == {}
    workflow = client.call("workflow.get", {"workflow_id": created["workflow_id"]})
    assert workflow["details"] == {
        "business_application_details": {
            "applying_user": {"email": "a@example.com", "first_name": "Joe"},
            "referrer_value": "UAYACG123",
            "pricing_model_id": account.pricing_model_id,
        }
    }
