"""`workflow.update`, the seed document, to the letter."""

from __future__ import annotations

from typing import Any

import pytest

from clearway.client import KompliantClient
from clearway.db import Database
from tests.api.kompliant.conftest import ClientFor
from tests.api.kompliant.helpers import (
    EMAIL,
    call,
    error,
    new_application,
    not_found,
    ok,
    ready_application,
)
from tests.support.factories import SeededAccount, make_account

DETAILS_PATH = "workflow.details.business_application_details"
DUPLICATE_EMAIL = {
    "code": "ACCOUNT_CONFIGURATION_VIOLATION",
    "message": "The email address provided for the applying user is already in use by another "
    "Business-Application-type Workflow for the same account.",
    "sub_code": "DUPLICATE_EMAIL",
    "entity_type": "Workflow",
    "details": [
        {
            "field": f"{DETAILS_PATH}.applying_user.email",
            "message": "The email address provided for the applying user is already in use by another "
            "Business-Application-type Workflow for the same account.",
        }
    ],
}


def _update(client: KompliantClient, workflow_id: str, details: dict[str, Any] | None, **extra: Any) -> Any:
    workflow: dict[str, Any] = {} if details is None else {"details": details}
    workflow.update(extra.pop("workflow_extra", {}))
    return client.send("workflow.update", {"workflow_id": workflow_id, "workflow": workflow, **extra})


def _details(client: KompliantClient, workflow_id: str) -> dict[str, Any]:
    workflow = call(client, "workflow.get", {"workflow_id": workflow_id})
    details: dict[str, Any] = workflow["details"]["business_application_details"]
    return details


def test_the_seed_example_body(client: KompliantClient, account: SeededAccount) -> None:
    workflow_id, record_id = new_application(client, email="first@example.com")
    body = {
        "workflow_id": workflow_id,
        "account_id": account.account_id,
        "workflow": {
            "type": "BUSINESS_APPLICATION",
            "subject_record_id": record_id,
            "details": {
                "business_application_details": {
                    "applying_user": {
                        "email": "joe.fette@example.com",
                        "first_name": "Joe",
                        "last_name": "Fette",
                    },
                    "referrer_value": "UAYACG123",
                    "equipment_collection_id": account.equipment_collection_id,
                    "pricing_model_id": account.pricing_model_id,
                }
            },
        },
    }
    response = client.send("workflow.update", body)
    assert response.status_code == 200
    assert response.json() == {
        "meta": {"status": "SUCCESS", "trace_id": response.headers["X-Trace-Id"], "version": "2025-03-24"},
        "data": {},
    }
    workflow = call(client, "workflow.get", {"workflow_id": workflow_id})
    assert (workflow["state"], workflow["type"], workflow["subject_record_id"]) == (
        "CREATED",
        "BUSINESS_APPLICATION",
        record_id,
    )
    assert workflow["details"] == {
        "business_application_details": {
            "applying_user": {"email": "joe.fette@example.com", "first_name": "Joe", "last_name": "Fette"},
            "referrer_value": "UAYACG123",
            "equipment_collection_id": account.equipment_collection_id,
            "pricing_model_id": account.pricing_model_id,
        }
    }


def test_flat_details_as_in_the_parameter_table(client: KompliantClient, account: SeededAccount) -> None:
    workflow_id = new_application(client)[0]
    flat = {
        "applying_user": {"first_name": "Joe", "last_name": "Fette"},
        "pricing_model_id": account.pricing_model_id,
        "equipment_collection_id": account.equipment_collection_id,
        "referrer_value": "marketplace",
    }
    assert ok(_update(client, workflow_id, flat)) == {}
    assert _details(client, workflow_id) == {
        "applying_user": {"email": EMAIL, "first_name": "Joe", "last_name": "Fette"},
        "pricing_model_id": account.pricing_model_id,
        "equipment_collection_id": account.equipment_collection_id,
        "referrer_value": "marketplace",
    }


@pytest.mark.parametrize("nested", [True, False])
def test_partial_update_keeps_omitted_fields_and_merges_the_applying_user(
    client: KompliantClient, account: SeededAccount, nested: bool
) -> None:
    workflow_id = new_application(client, referrer_value="web", pricing_model_id=account.pricing_model_id)[0]

    def update(change: dict[str, Any]) -> None:
        ok(_update(client, workflow_id, {"business_application_details": change} if nested else change))

    update({"applying_user": {"first_name": "Joe"}})
    assert _details(client, workflow_id) == {
        "applying_user": {"email": EMAIL, "first_name": "Joe"},
        "referrer_value": "web",
        "pricing_model_id": account.pricing_model_id,
    }
    update({"equipment_collection_id": account.equipment_collection_id})
    update({"applying_user": {"last_name": "Fette", "email": "new@example.com"}})
    assert _details(client, workflow_id) == {
        "applying_user": {"email": "new@example.com", "first_name": "Joe", "last_name": "Fette"},
        "referrer_value": "web",
        "pricing_model_id": account.pricing_model_id,
        "equipment_collection_id": account.equipment_collection_id,
    }
    update({})
    assert ok(_update(client, workflow_id, None)) == {}
    assert _details(client, workflow_id)["referrer_value"] == "web"


def test_null_unsets(client: KompliantClient, account: SeededAccount) -> None:
    workflow_id = new_application(
        client,
        referrer_value="web",
        pricing_model_id=account.pricing_model_id,
        equipment_collection_id=account.equipment_collection_id,
    )[0]
    ok(_update(client, workflow_id, {"applying_user": {"first_name": "Joe", "last_name": "Fette"}}))
    ok(_update(client, workflow_id, {"referrer_value": None, "pricing_model_id": None}))
    ok(_update(client, workflow_id, {"applying_user": {"last_name": None}}))
    assert _details(client, workflow_id) == {
        "applying_user": {"email": EMAIL, "first_name": "Joe"},
        "equipment_collection_id": account.equipment_collection_id,
    }
    ok(_update(client, workflow_id, {"business_application_details": {"applying_user": None}}))
    assert _details(client, workflow_id) == {"equipment_collection_id": account.equipment_collection_id}


def test_unsetting_the_email_frees_it(client: KompliantClient) -> None:
    first = new_application(client, email="shared@example.com")[0]
    ok(_update(client, first, {"applying_user": {"email": None}}))
    second = new_application(client, email="shared@example.com")[0]
    assert _details(client, second) == {"applying_user": {"email": "shared@example.com"}}


def test_missing_workflow_id_names_the_field(client: KompliantClient) -> None:
    response = client.send("workflow.update", {"workflow": {"details": {"referrer_value": "x"}}})
    assert error(response) == {
        "code": "BAD_REQUEST",
        "message": "Invalid or missing parameters: workflow_id.",
        "details": [{"field": "workflow_id", "message": "Field required"}],
    }


def test_missing_workflow_names_the_field(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    assert error(client.send("workflow.update", {"workflow_id": workflow_id})) == {
        "code": "BAD_REQUEST",
        "message": "Invalid or missing parameters: workflow.",
        "details": [{"field": "workflow", "message": "Field required"}],
    }


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"business_application_details": {"applying_user": {"email": "not-an-email"}}}, DETAILS_PATH),
        ({"applying_user": {"email": "not-an-email"}}, "workflow.details"),
    ],
)
def test_invalid_email(client: KompliantClient, details: dict[str, Any], field: str) -> None:
    workflow_id = new_application(client)[0]
    found = error(_update(client, workflow_id, details))
    assert found["code"] == "BAD_REQUEST"
    assert found["message"] == f"Invalid or missing parameters: {field}.applying_user.email."
    assert [d["field"] for d in found["details"]] == [f"{field}.applying_user.email"]
    assert found["details"][0]["message"].startswith("Value error, not a valid email address: ")
    assert _details(client, workflow_id) == {"applying_user": {"email": EMAIL}}


def test_referrer_value_is_limited_to_100_characters(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    assert error(_update(client, workflow_id, {"referrer_value": "r" * 101})) == {
        "code": "BAD_REQUEST",
        "message": "Invalid or missing parameters: workflow.details.referrer_value.",
        "details": [
            {
                "field": "workflow.details.referrer_value",
                "message": "String should have at most 100 characters",
            }
        ],
    }
    assert ok(_update(client, workflow_id, {"referrer_value": "r" * 100})) == {}
    assert _details(client, workflow_id)["referrer_value"] == "r" * 100


def test_flat_and_nested_details_together(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    response = _update(
        client,
        workflow_id,
        {"referrer_value": "flat", "business_application_details": {"referrer_value": "nested"}},
    )
    assert error(response) == {
        "code": "BAD_REQUEST",
        "message": "Invalid or missing parameters: workflow.details.",
        "details": [
            {
                "field": "workflow.details",
                "message": "Value error, give the details either flat or under business_application_details, "
                "not both",
            }
        ],
    }
    assert _details(client, workflow_id) == {"applying_user": {"email": EMAIL}}


def test_unknown_or_foreign_references(
    client: KompliantClient, other_client: KompliantClient, other_account: SeededAccount
) -> None:
    workflow_id = new_application(client, referrer_value="kept")[0]
    for field, entity, value in [
        ("pricing_model_id", "PricingModel", "pm_missing0000000000000000"),
        ("pricing_model_id", "PricingModel", other_account.pricing_model_id),
        ("equipment_collection_id", "EquipmentCollection", "ec_missing0000000000000000"),
        ("equipment_collection_id", "EquipmentCollection", other_account.equipment_collection_id),
    ]:
        response = _update(
            client, workflow_id, {"business_application_details": {"referrer_value": "changed", field: value}}
        )
        assert error(response) == not_found(entity, value, f"{DETAILS_PATH}.{field}")
    assert _details(client, workflow_id) == {"applying_user": {"email": EMAIL}, "referrer_value": "kept"}


def test_unknown_or_foreign_workflow_id(client: KompliantClient, other_client: KompliantClient) -> None:
    foreign = new_application(other_client, referrer_value="theirs")[0]
    for workflow_id in ("w_missing0000000000000000", foreign):
        response = _update(client, workflow_id, {"referrer_value": "mine"})
        assert error(response) == not_found("Workflow", workflow_id, "workflow_id")
    assert _details(other_client, foreign) == {"applying_user": {"email": EMAIL}, "referrer_value": "theirs"}


def test_account_id_must_be_the_callers(
    client: KompliantClient, account: SeededAccount, other_account: SeededAccount
) -> None:
    workflow_id = new_application(client)[0]
    assert ok(_update(client, workflow_id, {"referrer_value": "own"}, account_id=account.account_id)) == {}
    for account_id in (other_account.account_id, "sb_doesnotexist"):
        response = _update(client, workflow_id, {"referrer_value": "foreign"}, account_id=account_id)
        assert error(response) == not_found("Account", account_id, "account_id")
    assert _details(client, workflow_id)["referrer_value"] == "own"


def test_account_id_of_a_child_account(
    client: KompliantClient, account: SeededAccount, database: Database, client_for: ClientFor
) -> None:
    child = make_account(database, parent_id=account.account_id)
    child_workflow = new_application(client_for(child))[0]
    own_workflow = new_application(client)[0]
    assert (
        ok(_update(client, child_workflow, {"referrer_value": "by parent"}, account_id=child.account_id))
        == {}
    )
    assert _details(client_for(child), child_workflow)["referrer_value"] == "by parent"
    # Without the child's account_id the parent does not see the child's workflow, and vice versa.
    assert error(_update(client, child_workflow, {"referrer_value": "x"})) == not_found(
        "Workflow", child_workflow, "workflow_id"
    )
    response = _update(client, own_workflow, {"referrer_value": "x"}, account_id=child.account_id)
    assert error(response) == not_found("Workflow", own_workflow, "workflow_id")
    # A child cannot act on its parent.
    response = _update(
        client_for(child), own_workflow, {"referrer_value": "x"}, account_id=account.account_id
    )
    assert error(response) == not_found("Account", account.account_id, "account_id")


def test_workflow_type_must_agree(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    response = _update(
        client, workflow_id, {"referrer_value": "x"}, workflow_extra={"type": "ACCOUNT_PROVISIONING"}
    )
    assert error(response) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"workflow {workflow_id} is of type BUSINESS_APPLICATION, not ACCOUNT_PROVISIONING",
        "sub_code": "INVALID_WORKFLOW_TYPE",
        "entity_type": "Workflow",
    }
    assert _details(client, workflow_id) == {"applying_user": {"email": EMAIL}}
    bad = error(_update(client, workflow_id, {}, workflow_extra={"type": "LOAN"}))
    assert (bad["code"], bad["details"][0]["field"]) == ("BAD_REQUEST", "workflow.type")


def test_subject_record_id_must_agree(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    other_record = call(client, "subjectRecord.create", {})["subject_record_id"]
    response = _update(
        client, workflow_id, {"referrer_value": "x"}, workflow_extra={"subject_record_id": other_record}
    )
    assert error(response) == {
        "code": "BAD_REQUEST",
        "message": f"Invalid value for 'workflow.subject_record_id': workflow {workflow_id} belongs to "
        "another subject record",
        "details": [
            {
                "field": "workflow.subject_record_id",
                "message": f"workflow {workflow_id} belongs to another subject record",
            }
        ],
    }
    assert _details(client, workflow_id) == {"applying_user": {"email": EMAIL}}


def test_only_business_applications_can_be_updated(client: KompliantClient) -> None:
    record_id = new_application(client, state="STARTED")[1]
    provisioning = call(
        client,
        "workflow.create",
        {"workflow": {"type": "ACCOUNT_PROVISIONING", "state": "CREATED", "subject_record_id": record_id}},
    )["workflow_id"]
    ready = ready_application(client)
    underwriting = call(client, "workflow.complete", {"workflow_id": ready["workflow_id"]})[
        "business_underwriting_workflow_id"
    ]
    for workflow_id in (provisioning, underwriting):
        assert error(_update(client, workflow_id, {"referrer_value": "x"})) == {
            "code": "SYSTEM_RULE_VIOLATION",
            "message": "only BUSINESS_APPLICATION workflows can be updated",
            "sub_code": "INVALID_WORKFLOW_TYPE",
            "entity_type": "Workflow",
        }
    details = call(client, "workflow.get", {"workflow_id": underwriting})["details"]
    assert details == {
        "business_underwriting_details": {
            "application_workflow_id": ready["workflow_id"],
            "decision": "PENDING",
            "verification": None,
        }
    }


def test_started_workflow_cannot_be_updated(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    call(client, "workflow.start", {"workflow_id": workflow_id})
    assert error(_update(client, workflow_id, {"referrer_value": "late"})) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"workflow {workflow_id} has already started; only CREATED workflows can be changed",
        "sub_code": "WORKFLOW_ALREADY_STARTED",
        "entity_type": "Workflow",
    }
    assert _details(client, workflow_id) == {"applying_user": {"email": EMAIL}}


def test_ended_workflow_cannot_be_updated(client: KompliantClient) -> None:
    ready = ready_application(client)
    call(client, "workflow.complete", {"workflow_id": ready["workflow_id"]})
    assert error(_update(client, ready["workflow_id"], {"referrer_value": "late"})) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"workflow {ready['workflow_id']} has ended",
        "sub_code": "WORKFLOW_ENDED",
        "entity_type": "Workflow",
    }


def test_duplicate_email_on_create_is_case_insensitive(client: KompliantClient) -> None:
    new_application(client, email="joe.fette@example.com")
    for email in ("joe.fette@example.com", "Joe.Fette@Example.COM", "JOE.FETTE@EXAMPLE.COM"):
        response = client.send(
            "workflow.create",
            {"workflow": {"type": "BUSINESS_APPLICATION", "details": {"applying_user": {"email": email}}}},
        )
        assert error(response) == DUPLICATE_EMAIL
    # Nothing of the failed creates remains: no workflow, no implicitly created subject record.
    assert len(call(client, "workflow.list", {})["workflows"]) == 1
    assert len(call(client, "subjectRecord.list", {})["subject_records"]) == 1


def test_duplicate_email_on_update(client: KompliantClient) -> None:
    new_application(client, email="taken@example.com")
    workflow_id = new_application(client, email="free@example.com")[0]
    response = _update(
        client,
        workflow_id,
        {
            "business_application_details": {
                "referrer_value": "lost",
                "applying_user": {"email": "TAKEN@example.com"},
            }
        },
    )
    assert error(response) == DUPLICATE_EMAIL
    assert _details(client, workflow_id) == {"applying_user": {"email": "free@example.com"}}


def test_same_workflow_may_set_its_own_email_again(client: KompliantClient) -> None:
    workflow_id = new_application(client, email="mine@example.com")[0]
    assert ok(_update(client, workflow_id, {"applying_user": {"email": "mine@example.com"}})) == {}
    assert ok(_update(client, workflow_id, {"applying_user": {"email": "MINE@example.com"}})) == {}
    assert _details(client, workflow_id) == {"applying_user": {"email": "MINE@example.com"}}


def test_duplicates_allowed_when_the_account_allows_them(database: Database, client_for: ClientFor) -> None:
    lenient = client_for(make_account(database, allow_duplicate_emails=True))
    first = new_application(lenient, email="same@example.com")[0]
    second = new_application(lenient, email="SAME@example.com")[0]
    third = new_application(lenient, email="other@example.com")[0]
    assert ok(_update(lenient, third, {"applying_user": {"email": "same@example.com"}})) == {}
    assert [_details(lenient, w)["applying_user"]["email"] for w in (first, second, third)] == [
        "same@example.com",
        "SAME@example.com",
        "same@example.com",
    ]


def test_the_same_email_in_another_account_is_no_duplicate(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    new_application(other_client, email="shared@example.com")
    workflow_id = new_application(client, email="shared@example.com")[0]
    assert _details(client, workflow_id) == {"applying_user": {"email": "shared@example.com"}}


def test_unknown_fields_are_warnings_and_ignored(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    response = client.send(
        "workflow.update",
        {
            "workflow_id": workflow_id,
            "trace": "x",
            "workflow": {
                "details": {
                    "business_application_details": {
                        "referer_value": "typo",
                        "applying_user": {"email": "new@example.com", "phone": "2025550143"},
                    }
                }
            },
        },
    )
    assert (
        ok(
            response,
            warnings=[
                {
                    "code": "UNKNOWN_FIELD",
                    "field": "trace",
                    "message": "'trace' is not a parameter of this method and was ignored",
                },
                {
                    "code": "UNKNOWN_FIELD",
                    "field": f"{DETAILS_PATH}.referer_value",
                    "message": f"'{DETAILS_PATH}.referer_value' is not a parameter of this method "
                    "and was ignored",
                },
                {
                    "code": "UNKNOWN_FIELD",
                    "field": f"{DETAILS_PATH}.applying_user.phone",
                    "message": f"'{DETAILS_PATH}.applying_user.phone' is not a parameter of this method "
                    "and was ignored",
                },
            ],
        )
        == {}
    )
    assert _details(client, workflow_id) == {"applying_user": {"email": "new@example.com"}}
