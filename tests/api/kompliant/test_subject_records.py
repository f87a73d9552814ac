"""`subjectRecord.create | get | list`."""

from __future__ import annotations

from clearway.client import KompliantClient
from clearway.ids import is_valid_id
from tests.api.kompliant.helpers import (
    call,
    error,
    new_application,
    not_found,
    ready_application,
    scrub,
)
from tests.support.factories import SeededAccount


def test_create_and_get(client: KompliantClient, account: SeededAccount) -> None:
    created = call(client, "subjectRecord.create", {"type": "BUSINESS"})
    assert sorted(created) == ["subject_record_id"]
    record_id = created["subject_record_id"]
    assert is_valid_id(record_id, "sr") is True
    assert scrub(call(client, "subjectRecord.get", {"subject_record_id": record_id})) == {
        "subject_record_id": record_id,
        "account_id": account.account_id,
        "type": "BUSINESS",
        "business_id": None,
        "person_ids": [],
        "workflow_ids": [],
        "business": None,
        "persons": None,
        "workflows": None,
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }


def test_type_defaults_to_business_and_is_the_only_type(client: KompliantClient) -> None:
    record_id = call(client, "subjectRecord.create", {})["subject_record_id"]
    assert call(client, "subjectRecord.get", {"subject_record_id": record_id})["type"] == "BUSINESS"
    found = error(client.send("subjectRecord.create", {"type": "PERSON"}))
    assert found["code"] == "BAD_REQUEST"
    assert found["details"] == [{"field": "type", "message": "Input should be 'BUSINESS'"}]
    assert len(call(client, "subjectRecord.list", {})["subject_records"]) == 1


def test_get_with_ids_and_verbose(client: KompliantClient, account: SeededAccount) -> None:
    ready = ready_application(client)
    record_id = ready["subject_record_id"]
    plain = scrub(call(client, "subjectRecord.get", {"subject_record_id": record_id}))
    assert plain == {
        "subject_record_id": record_id,
        "account_id": account.account_id,
        "type": "BUSINESS",
        "business_id": ready["business_id"],
        "person_ids": [ready["person_id"]],
        "workflow_ids": [ready["workflow_id"]],
        "business": None,
        "persons": None,
        "workflows": None,
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }
    verbose = scrub(call(client, "subjectRecord.get", {"subject_record_id": record_id, "verbose": True}))
    business = scrub(call(client, "business.get", {"business_id": ready["business_id"], "verbose": True}))
    person = scrub(call(client, "person.get", {"person_id": ready["person_id"]}))
    workflow = scrub(call(client, "workflow.get", {"workflow_id": ready["workflow_id"]}))
    assert verbose == {**plain, "business": business, "persons": [person], "workflows": [workflow]}
    assert verbose["business"]["tax_id"] == "*****6789"
    assert verbose["business"]["business_owners"][0]["person"]["person_id"] == ready["person_id"]
    sensitive = call(
        client,
        "subjectRecord.get",
        {"subject_record_id": record_id, "verbose": True, "show_sensitive_data": True},
    )
    assert sensitive["business"]["tax_id"] == "123456789"


def test_list_returns_the_accounts_records_in_creation_order(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    first = call(client, "subjectRecord.create", {})["subject_record_id"]
    second = new_application(client)[1]
    call(other_client, "subjectRecord.create", {})
    listed = call(client, "subjectRecord.list", {})["subject_records"]
    assert [r["subject_record_id"] for r in listed] == [first, second]
    assert listed[1] == call(client, "subjectRecord.get", {"subject_record_id": second})
    verbose = call(client, "subjectRecord.list", {"verbose": True})["subject_records"]
    assert [len(r["workflows"]) for r in verbose] == [0, 1]


def test_get_unknown_or_foreign(client: KompliantClient, other_client: KompliantClient) -> None:
    foreign = call(other_client, "subjectRecord.create", {})["subject_record_id"]
    for record_id in ("sr_missing0000000000000000", foreign):
        response = client.send("subjectRecord.get", {"subject_record_id": record_id})
        assert error(response) == not_found("SubjectRecord", record_id, "subject_record_id")


def test_flag_options_must_be_booleans(client: KompliantClient) -> None:
    record_id = call(client, "subjectRecord.create", {})["subject_record_id"]
    found = error(client.send("subjectRecord.get", {"subject_record_id": record_id, "verbose": "yes"}))
    assert found["details"] == [{"field": "verbose", "message": "Input should be a valid boolean"}]
