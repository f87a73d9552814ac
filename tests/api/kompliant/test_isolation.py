"""Tenant isolation: a second account's credentials can neither read nor change anything of the first,
through any method; a foreign id answers exactly like a missing one."""

from __future__ import annotations

from typing import Any

from clearway.client import KompliantClient
from clearway.db import Database
from clearway.tenancy.service import get_account
from tests.api.kompliant.conftest import ClientFor
from tests.api.kompliant.helpers import (
    EMAIL,
    call,
    error,
    new_application,
    new_business,
    new_person,
    not_found,
    ready_application,
)
from tests.support.factories import SeededAccount, make_account


def _everything(client: KompliantClient, record_id: str) -> dict[str, Any]:
    """All the victim's data as it reads it (unmasked)."""
    return {
        "record": call(
            client,
            "subjectRecord.get",
            {"subject_record_id": record_id, "verbose": True, "show_sensitive_data": True},
        ),
        "records": call(client, "subjectRecord.list", {"verbose": True, "show_sensitive_data": True}),
        "workflows": call(client, "workflow.list", {}),
    }


def test_a_foreign_account_can_neither_read_nor_change_anything(
    client: KompliantClient,
    account: SeededAccount,
    other_client: KompliantClient,
    other_account: SeededAccount,
) -> None:
    victim = ready_application(client)
    created_id = new_application(client, email="created@example.com")[0]
    before = _everything(client, victim["subject_record_id"])

    # The attacker's own objects, to attach the victim's things to.
    own_workflow, own_record = new_application(other_client, email="attacker@example.com")
    own_business = new_business(other_client, own_record)
    own_person = new_person(other_client, own_record)

    record, business = victim["subject_record_id"], victim["business_id"]
    person, owner, workflow = victim["person_id"], victim["business_owner_id"], victim["workflow_id"]
    probes: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
        (
            "subjectRecord.get",
            {"subject_record_id": record},
            not_found("SubjectRecord", record, "subject_record_id"),
        ),
        ("workflow.get", {"workflow_id": workflow}, not_found("Workflow", workflow, "workflow_id")),
        (
            "workflow.list",
            {"subject_record_id": record},
            not_found("SubjectRecord", record, "subject_record_id"),
        ),
        (
            "workflow.create",
            {
                "workflow": {
                    "type": "ACCOUNT_PROVISIONING",
                    "subject_record_id": record,
                }
            },
            not_found("SubjectRecord", record, "workflow.subject_record_id"),
        ),
        (
            "workflow.update",
            {"workflow_id": created_id, "workflow": {"details": {"referrer_value": "pwned"}}},
            not_found("Workflow", created_id, "workflow_id"),
        ),
        ("workflow.start", {"workflow_id": created_id}, not_found("Workflow", created_id, "workflow_id")),
        ("workflow.canComplete", {"workflow_id": workflow}, not_found("Workflow", workflow, "workflow_id")),
        ("workflow.complete", {"workflow_id": workflow}, not_found("Workflow", workflow, "workflow_id")),
        (
            "workflow.update",
            {
                "workflow_id": own_workflow,
                "workflow": {"details": {"pricing_model_id": account.pricing_model_id}},
            },
            not_found(
                "PricingModel",
                account.pricing_model_id,
                "workflow.details.business_application_details.pricing_model_id",
            ),
        ),
        ("business.get", {"business_id": business}, not_found("Business", business, "business_id")),
        (
            "business.update",
            {"business_id": business, "business": {"legal_name": "pwned"}},
            not_found("Business", business, "business_id"),
        ),
        (
            "business.create",
            {"subject_record_id": record, "business": {"legal_name": "pwned"}},
            not_found("SubjectRecord", record, "subject_record_id"),
        ),
        (
            "business.addOwner",
            {"business_id": business, "owner": {"person_id": own_person}},
            not_found("Business", business, "business_id"),
        ),
        (
            "business.addOwner",
            {"business_id": own_business, "owner": {"person_id": person}},
            not_found("Person", person, "owner.person_id"),
        ),
        (
            "business.getOwner",
            {"business_owner_id": owner},
            not_found("BusinessOwner", owner, "business_owner_id"),
        ),
        ("business.listOwners", {"business_id": business}, not_found("Business", business, "business_id")),
        ("person.get", {"person_id": person}, not_found("Person", person, "person_id")),
        (
            "person.list",
            {"subject_record_id": record},
            not_found("SubjectRecord", record, "subject_record_id"),
        ),
        (
            "person.create",
            {"subject_record_id": record, "person": {"first_name": "pwned"}},
            not_found("SubjectRecord", record, "subject_record_id"),
        ),
    ]
    for method, params, expected in probes:
        assert error(other_client.send(method, params)) == expected, method
        # Naming the victim's account does not help either: it is not the caller's nor a child of it.
        response = other_client.send(method, {**params, "account_id": account.account_id})
        assert error(response) == not_found("Account", account.account_id, "account_id"), method

    # The attacker's lists show only its own things.
    records = call(other_client, "subjectRecord.list", {"verbose": True})["subject_records"]
    assert [r["subject_record_id"] for r in records] == [own_record]
    assert [w["workflow_id"] for w in call(other_client, "workflow.list", {})["workflows"]] == [own_workflow]
    # A duplicate-email check does not leak across accounts either.
    new_application(other_client, email=EMAIL)

    assert _everything(client, victim["subject_record_id"]) == before


def test_foreign_ids_answer_exactly_like_missing_ones(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    """Same code, message shape, entity type and field for a foreign id as for a missing one."""
    foreign = new_application(other_client)[0]
    missing = "w_0000000000000000000000"
    foreign_error = error(client.send("workflow.get", {"workflow_id": foreign}))
    missing_error = error(client.send("workflow.get", {"workflow_id": missing}))
    assert foreign_error == not_found("Workflow", foreign, "workflow_id")
    assert {**foreign_error, "message": foreign_error["message"].replace(foreign, missing)} == missing_error


def test_a_child_cannot_read_its_parent_and_siblings_are_isolated(
    database: Database, account: SeededAccount, client: KompliantClient, client_for: ClientFor
) -> None:
    first = make_account(database, parent_id=account.account_id)
    second = make_account(database, parent_id=account.account_id)
    with database.transaction() as session:
        assert get_account(session, first.account_id).parent_id == account.account_id
    parent_record = call(client, "subjectRecord.create", {})["subject_record_id"]
    sibling_record = call(client_for(second), "subjectRecord.create", {})["subject_record_id"]
    child = client_for(first)
    for record_id in (parent_record, sibling_record):
        response = child.send("subjectRecord.get", {"subject_record_id": record_id})
        assert error(response) == not_found("SubjectRecord", record_id, "subject_record_id")
    for account_id in (account.account_id, second.account_id):
        response = child.send("subjectRecord.list", {"account_id": account_id})
        assert error(response) == not_found("Account", account_id, "account_id")
    # The parent reads a child's records only by naming the child.
    listed = call(client, "subjectRecord.list", {"account_id": second.account_id})["subject_records"]
    assert [r["subject_record_id"] for r in listed] == [sibling_record]
    assert [r["subject_record_id"] for r in call(client, "subjectRecord.list", {})["subject_records"]] == [
        parent_record
    ]
