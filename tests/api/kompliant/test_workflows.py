"""`workflow.create | get | list | start | canComplete | complete` (update: test_workflow_update.py)."""

from __future__ import annotations

from typing import Any

from clearway.client import KompliantClient
from clearway.ids import is_valid_id
from tests.api.kompliant.helpers import (
    EMAIL,
    call,
    error,
    new_application,
    new_business,
    new_person,
    not_found,
    ready_application,
    without_timestamps,
)
from tests.support.factories import SeededAccount

APPLYING_USER = {"email": EMAIL, "first_name": "Joe", "last_name": "Fette"}


def _workflow(client: KompliantClient, workflow_id: str, *timestamps: str) -> dict[str, Any]:
    data = call(client, "workflow.get", {"workflow_id": workflow_id})
    return without_timestamps(data, *timestamps)


def test_create_business_application_with_every_detail(
    client: KompliantClient, account: SeededAccount
) -> None:
    created = call(
        client,
        "workflow.create",
        {
            "account_id": account.account_id,
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "state": "CREATED",
                "details": {
                    "business_application_details": {
                        "applying_user": {**APPLYING_USER, "email": "Joe.Fette@EXAMPLE.com"},
                        "referrer_value": "UAYACG123",
                        "pricing_model_id": account.pricing_model_id,
                        "equipment_collection_id": account.equipment_collection_id,
                    }
                },
            },
        },
    )
    assert sorted(created) == ["subject_record_id", "workflow_id"]
    assert is_valid_id(created["workflow_id"], "w") is True
    assert is_valid_id(created["subject_record_id"], "sr") is True
    assert _workflow(client, created["workflow_id"], "created_at", "updated_at") == {
        "workflow_id": created["workflow_id"],
        "account_id": account.account_id,
        "type": "BUSINESS_APPLICATION",
        "subject_record_id": created["subject_record_id"],
        "state": "CREATED",
        "details": {
            "business_application_details": {
                "applying_user": {
                    "email": "Joe.Fette@example.com",
                    "first_name": "Joe",
                    "last_name": "Fette",
                },
                "referrer_value": "UAYACG123",
                "pricing_model_id": account.pricing_model_id,
                "equipment_collection_id": account.equipment_collection_id,
            }
        },
        "started_at": None,
        "ended_at": None,
        "verification": None,
    }
    record = call(client, "subjectRecord.get", {"subject_record_id": created["subject_record_id"]})
    assert record["workflow_ids"] == [created["workflow_id"]]


def test_create_with_flat_details(client: KompliantClient) -> None:
    created = call(
        client,
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "state": "CREATED",
                "details": {"applying_user": {"email": EMAIL}, "referrer_value": "web"},
            }
        },
    )
    workflow = call(client, "workflow.get", {"workflow_id": created["workflow_id"]})
    assert workflow["details"] == {
        "business_application_details": {"applying_user": {"email": EMAIL}, "referrer_value": "web"}
    }


def test_state_defaults_to_started(client: KompliantClient) -> None:
    created = call(
        client,
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "details": {"business_application_details": {"applying_user": {"email": EMAIL}}},
            }
        },
    )
    workflow = _workflow(client, created["workflow_id"], "created_at", "updated_at", "started_at")
    assert workflow["state"] == "STARTED"
    assert workflow["ended_at"] is None


def test_create_on_an_existing_subject_record(client: KompliantClient) -> None:
    record_id = call(client, "subjectRecord.create", {})["subject_record_id"]
    workflow_id, returned_record = new_application(client, subject_record_id=record_id)
    assert returned_record == record_id
    assert call(client, "workflow.get", {"workflow_id": workflow_id})["subject_record_id"] == record_id
    assert call(client, "subjectRecord.list", {})["subject_records"][0]["workflow_ids"] == [workflow_id]
    assert len(call(client, "subjectRecord.list", {})["subject_records"]) == 1


def test_create_account_provisioning(client: KompliantClient) -> None:
    record_id = new_application(client)[1]
    created = call(
        client,
        "workflow.create",
        {"workflow": {"type": "ACCOUNT_PROVISIONING", "state": "CREATED", "subject_record_id": record_id}},
    )
    workflow = _workflow(client, created["workflow_id"], "created_at", "updated_at")
    assert workflow["type"] == "ACCOUNT_PROVISIONING"
    assert workflow["details"] == {"account_provisioning_details": {}}
    assert workflow["subject_record_id"] == record_id


def test_create_business_application_requires_applying_user(client: KompliantClient) -> None:
    variants: list[dict[str, Any] | None] = [
        None,
        {"business_application_details": {"referrer_value": "x"}},
        {"applying_user": {}},
    ]
    for details in variants:
        workflow: dict[str, Any] = {"type": "BUSINESS_APPLICATION"}
        if details is not None:
            workflow["details"] = details
        assert error(client.send("workflow.create", {"workflow": workflow})) == {
            "code": "BAD_REQUEST",
            "message": "Invalid value for 'workflow.details.business_application_details.applying_user': "
            "is required for a BUSINESS_APPLICATION",
            "details": [
                {
                    "field": "workflow.details.business_application_details.applying_user",
                    "message": "is required for a BUSINESS_APPLICATION",
                }
            ],
        }
    assert call(client, "subjectRecord.list", {}) == {"subject_records": []}


def test_create_validation_errors(client: KompliantClient) -> None:
    assert error(client.send("workflow.create", {})) == {
        "code": "BAD_REQUEST",
        "message": "Invalid or missing parameters: workflow.",
        "details": [{"field": "workflow", "message": "Field required"}],
    }
    bad_type = error(client.send("workflow.create", {"workflow": {"type": "LOAN"}}))
    assert bad_type["code"] == "BAD_REQUEST"
    assert bad_type["details"][0]["field"] == "workflow.type"
    bad_state = error(
        client.send(
            "workflow.create",
            {
                "workflow": {
                    "type": "BUSINESS_APPLICATION",
                    "state": "ENDED",
                    "details": {"applying_user": {}},
                }
            },
        )
    )
    assert bad_state["details"][0]["field"] == "workflow.state"


def test_business_underwriting_cannot_be_created(client: KompliantClient) -> None:
    response = client.send("workflow.create", {"workflow": {"type": "BUSINESS_UNDERWRITING"}})
    assert error(response) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": "workflows of type BUSINESS_UNDERWRITING cannot be created directly",
        "sub_code": "INVALID_WORKFLOW_TYPE",
        "entity_type": "Workflow",
    }


def test_one_workflow_of_each_type_per_subject_record(client: KompliantClient) -> None:
    record_id = new_application(client)[1]
    response = client.send(
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "subject_record_id": record_id,
                "details": {"applying_user": {"email": "other@example.com"}},
            }
        },
    )
    assert error(response) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"subject record {record_id} already has a BUSINESS_APPLICATION workflow",
        "sub_code": "SUBJECT_RECORD_WORKFLOW_TYPE_LIMIT",
        "entity_type": "Workflow",
    }
    assert len(call(client, "workflow.list", {"subject_record_id": record_id})["workflows"]) == 1


def test_create_with_unknown_or_foreign_references(
    client: KompliantClient, other_client: KompliantClient, other_account: SeededAccount
) -> None:
    path = "workflow.details.business_application_details"
    cases = [
        ("pricing_model_id", "PricingModel", "pm_missing0000000000000000"),
        ("pricing_model_id", "PricingModel", other_account.pricing_model_id),
        ("equipment_collection_id", "EquipmentCollection", "ec_missing0000000000000000"),
        ("equipment_collection_id", "EquipmentCollection", other_account.equipment_collection_id),
    ]
    for field, entity, value in cases:
        response = client.send(
            "workflow.create",
            {
                "workflow": {
                    "type": "BUSINESS_APPLICATION",
                    "details": {"applying_user": {"email": EMAIL}, field: value},
                }
            },
        )
        assert error(response) == not_found(entity, value, f"{path}.{field}")
    foreign_record = call(other_client, "subjectRecord.create", {})["subject_record_id"]
    for record_id in ("sr_missing0000000000000000", foreign_record):
        response = client.send(
            "workflow.create",
            {
                "workflow": {
                    "type": "BUSINESS_APPLICATION",
                    "subject_record_id": record_id,
                    "details": {"applying_user": {"email": EMAIL}},
                }
            },
        )
        assert error(response) == not_found("SubjectRecord", record_id, "workflow.subject_record_id")
    assert call(client, "subjectRecord.list", {}) == {"subject_records": []}
    assert call(other_client, "workflow.list", {}) == {"workflows": []}


def test_get_unknown_and_foreign_workflow(client: KompliantClient, other_client: KompliantClient) -> None:
    foreign = new_application(other_client)[0]
    for workflow_id in ("w_missing0000000000000000", foreign):
        for method in ("workflow.get", "workflow.start", "workflow.canComplete", "workflow.complete"):
            response = client.send(method, {"workflow_id": workflow_id})
            assert error(response) == not_found("Workflow", workflow_id, "workflow_id")


def test_list_by_subject_record_and_for_the_account(client: KompliantClient) -> None:
    first, first_record = new_application(client, email="one@example.com")
    second, second_record = new_application(client, email="two@example.com")
    provisioning = call(
        client,
        "workflow.create",
        {"workflow": {"type": "ACCOUNT_PROVISIONING", "subject_record_id": first_record}},
    )["workflow_id"]
    by_record = call(client, "workflow.list", {"subject_record_id": first_record})["workflows"]
    assert [w["workflow_id"] for w in by_record] == [first, provisioning]
    assert by_record[0] == call(client, "workflow.get", {"workflow_id": first})
    listed = call(client, "workflow.list", {"subject_record_id": second_record})["workflows"]
    assert [w["workflow_id"] for w in listed] == [second]
    everything = call(client, "workflow.list", {})["workflows"]
    assert [w["workflow_id"] for w in everything] == [first, second, provisioning]


def test_list_unknown_or_foreign_subject_record(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    foreign = new_application(other_client)[1]
    for record_id in ("sr_missing0000000000000000", foreign):
        response = client.send("workflow.list", {"subject_record_id": record_id})
        assert error(response) == not_found("SubjectRecord", record_id, "subject_record_id")


def test_start(client: KompliantClient) -> None:
    workflow_id = new_application(client)[0]
    assert call(client, "workflow.start", {"workflow_id": workflow_id}) == {}
    workflow = _workflow(client, workflow_id, "created_at", "updated_at", "started_at")
    assert (workflow["state"], workflow["ended_at"]) == ("STARTED", None)


def test_start_twice_and_after_the_end(client: KompliantClient) -> None:
    workflow_id = new_application(client, state="STARTED")[0]
    assert error(client.send("workflow.start", {"workflow_id": workflow_id})) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"workflow {workflow_id} has already started; only CREATED workflows can be changed",
        "sub_code": "WORKFLOW_ALREADY_STARTED",
        "entity_type": "Workflow",
    }
    ready = ready_application(client)
    call(client, "workflow.complete", {"workflow_id": ready["workflow_id"]})
    assert error(client.send("workflow.start", {"workflow_id": ready["workflow_id"]})) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"workflow {ready['workflow_id']} has ended",
        "sub_code": "WORKFLOW_ENDED",
        "entity_type": "Workflow",
    }


def test_can_complete_lists_what_is_missing(client: KompliantClient) -> None:
    workflow_id, record_id = new_application(client, email=None)
    assert call(client, "workflow.canComplete", {"workflow_id": workflow_id}) == {
        "can_complete": False,
        "missing_requirements": [
            {
                "code": "STARTED_WORKFLOW_REQUIRED",
                "entity_type": "Workflow",
                "entity_id": workflow_id,
                "message": "The workflow must be started before it can complete.",
                "related_methods": ["workflow.start"],
                "fields": [],
            },
            {
                "code": "FIELDS_REQUIRED",
                "entity_type": "Workflow",
                "entity_id": workflow_id,
                "message": "The applying user's email is required.",
                "related_methods": ["workflow.update"],
                "fields": ["details.business_application_details.applying_user.email"],
            },
            {
                "code": "BUSINESS_REQUIRED",
                "entity_type": "SubjectRecord",
                "entity_id": record_id,
                "message": "A business is required.",
                "related_methods": ["business.create"],
                "fields": ["legal_name", "tax_id"],
            },
        ],
    }


def test_can_complete_checks_the_business_and_its_control_prong(client: KompliantClient) -> None:
    workflow_id, record_id = new_application(client, state="STARTED")
    business_id = new_business(client, record_id, legal_name=None, tax_id=None, operating_name="Acme")
    person_id = new_person(client, record_id)
    call(
        client,
        "business.addOwner",
        {"business_id": business_id, "owner": {"person_id": person_id, "ownership_type": "BENEFICIAL_OWNER"}},
    )
    assert call(client, "workflow.canComplete", {"workflow_id": workflow_id}) == {
        "can_complete": False,
        "missing_requirements": [
            {
                "code": "FIELDS_REQUIRED",
                "entity_type": "Business",
                "entity_id": business_id,
                "message": "The business needs: legal_name, tax_id.",
                "related_methods": ["business.update"],
                "fields": ["legal_name", "tax_id"],
            },
            {
                "code": "CONTROL_PRONG_OWNER_REQUIRED",
                "entity_type": "Business",
                "entity_id": business_id,
                "message": "At least one CONTROL_PRONG owner is required.",
                "related_methods": ["business.addOwner"],
                "fields": [],
            },
        ],
    }


def test_can_complete_when_ready(client: KompliantClient) -> None:
    ready = ready_application(client)
    assert call(client, "workflow.canComplete", {"workflow_id": ready["workflow_id"]}) == {
        "can_complete": True,
        "missing_requirements": [],
    }


def test_complete_creates_the_underwriting_workflow(client: KompliantClient, account: SeededAccount) -> None:
    ready = ready_application(client)
    completed = call(client, "workflow.complete", {"workflow_id": ready["workflow_id"]})
    assert sorted(completed) == ["business_underwriting_workflow_id"]
    underwriting_id = completed["business_underwriting_workflow_id"]
    assert is_valid_id(underwriting_id, "w") is True
    application = _workflow(
        client, ready["workflow_id"], "created_at", "updated_at", "started_at", "ended_at"
    )
    assert application["state"] == "ENDED"
    assert _workflow(client, underwriting_id, "created_at", "updated_at", "started_at") == {
        "workflow_id": underwriting_id,
        "account_id": account.account_id,
        "type": "BUSINESS_UNDERWRITING",
        "subject_record_id": ready["subject_record_id"],
        "state": "STARTED",
        "details": {
            "business_underwriting_details": {
                "application_workflow_id": ready["workflow_id"],
                "decision": "PENDING",
                "verification": None,
            }
        },
        "ended_at": None,
        "verification": None,
    }
    listed = call(client, "workflow.list", {"subject_record_id": ready["subject_record_id"]})["workflows"]
    assert [w["workflow_id"] for w in listed] == [ready["workflow_id"], underwriting_id]


def test_complete_with_missing_requirements(client: KompliantClient) -> None:
    workflow_id, record_id = new_application(client, state="STARTED")
    assert error(client.send("workflow.complete", {"workflow_id": workflow_id})) == {
        "code": "MISSING_REQUIREMENTS",
        "message": "The workflow cannot complete: A business is required.",
        "entity_type": "Workflow",
        "missing_requirements": [
            {
                "code": "BUSINESS_REQUIRED",
                "entity_type": "SubjectRecord",
                "entity_id": record_id,
                "message": "A business is required.",
                "related_methods": ["business.create"],
                "fields": ["legal_name", "tax_id"],
            }
        ],
    }
    assert call(client, "workflow.get", {"workflow_id": workflow_id})["state"] == "STARTED"
    assert [w["type"] for w in call(client, "workflow.list", {})["workflows"]] == ["BUSINESS_APPLICATION"]


def test_complete_twice_and_complete_other_types(client: KompliantClient) -> None:
    ready = ready_application(client)
    underwriting_id = call(client, "workflow.complete", {"workflow_id": ready["workflow_id"]})[
        "business_underwriting_workflow_id"
    ]
    assert error(client.send("workflow.complete", {"workflow_id": ready["workflow_id"]})) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"workflow {ready['workflow_id']} has ended",
        "sub_code": "WORKFLOW_ENDED",
        "entity_type": "Workflow",
    }
    only_applications = {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": "only BUSINESS_APPLICATION workflows complete",
        "sub_code": "INVALID_WORKFLOW_TYPE",
        "entity_type": "Workflow",
    }
    assert error(client.send("workflow.complete", {"workflow_id": underwriting_id})) == only_applications
    assert error(client.send("workflow.canComplete", {"workflow_id": underwriting_id})) == only_applications
