"""`business.create | get | update | addOwner | getOwner | listOwners`."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from clearway.client import KompliantClient
from clearway.db import Database
from clearway.ids import is_valid_id
from tests.api.kompliant.conftest import ClientFor
from tests.api.kompliant.helpers import (
    call,
    error,
    new_application,
    new_business,
    new_person,
    not_found,
    ok,
    scrub,
)
from tests.support.factories import make_account

FULL_BUSINESS = {
    "legal_name": "Acme Holdings LLC",
    "operating_name": "Acme",
    "registration_type": "LLC",
    "tax_id": "123456789",
    "phone_number": "(202) 555-0143",
    "email": "office@ACME.example",
    "industry_category_codes": ["5411", "5999"],
    "additional_fields": [{"field_name": "website", "field_value": "https://acme.example"}],
}


def _record(client: KompliantClient) -> str:
    record_id: str = call(client, "subjectRecord.create", {})["subject_record_id"]
    return record_id


def _business(client: KompliantClient, business_id: str, **options: Any) -> dict[str, Any]:
    data: dict[str, Any] = scrub(call(client, "business.get", {"business_id": business_id, **options}))
    return data


def _add_owner(client: KompliantClient, business_id: str, person_id: str, **fields: Any) -> Any:
    return client.send(
        "business.addOwner", {"business_id": business_id, "owner": {"person_id": person_id, **fields}}
    )


def test_create_and_get(client: KompliantClient) -> None:
    record_id = _record(client)
    created = call(client, "business.create", {"subject_record_id": record_id, "business": FULL_BUSINESS})
    assert sorted(created) == ["business_id"]
    business_id = created["business_id"]
    assert is_valid_id(business_id, "b") is True
    expected = {
        "business_id": business_id,
        "subject_record_id": record_id,
        "legal_name": "Acme Holdings LLC",
        "operating_name": "Acme",
        "registration_type": "LLC",
        "tax_id": "*****6789",
        "phone_number": "2025550143",
        "email": "office@acme.example",
        "industry_category_codes": ["5411", "5999"],
        "additional_fields": [{"field_name": "website", "field_value": "https://acme.example"}],
        "business_owner_ids": [],
        "business_owners": None,
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }
    assert _business(client, business_id) == expected
    assert _business(client, business_id, show_sensitive_data=True) == {**expected, "tax_id": "123456789"}
    assert call(client, "subjectRecord.get", {"subject_record_id": record_id})["business_id"] == business_id


def test_create_with_flat_fields(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = call(client, "business.create", {"subject_record_id": record_id, "legal_name": "Flat LLC"})[
        "business_id"
    ]
    business = _business(client, business_id)
    assert (business["legal_name"], business["tax_id"], business["industry_category_codes"]) == (
        "Flat LLC",
        None,
        [],
    )


def test_one_business_per_subject_record(client: KompliantClient) -> None:
    record_id = _record(client)
    first = new_business(client, record_id)
    response = client.send(
        "business.create", {"subject_record_id": record_id, "business": {"legal_name": "Second"}}
    )
    assert error(response) == {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": f"subject record {record_id} already has a business",
        "sub_code": "MAX_BUSINESS_LIMIT",
        "entity_type": "Business",
    }
    assert call(client, "subjectRecord.get", {"subject_record_id": record_id})["business_id"] == first


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"tax_id": "12345678"}, "business.tax_id", "Value error, must be exactly 9 digits"),
        ({"tax_id": "12-3456789"}, "business.tax_id", "Value error, must be exactly 9 digits"),
        ({"tax_id": 123456789}, "business.tax_id", "Input should be a valid string"),
        (
            {"phone_number": "555-0143"},
            "business.phone_number",
            "Value error, must be a 10-digit North American phone number",
        ),
        (
            {"phone_number": "+44 20 7946 0958"},
            "business.phone_number",
            "Value error, must be a 10-digit North American phone number",
        ),
        ({"legal_name": ""}, "business.legal_name", "String should have at least 1 character"),
        ({"legal_name": "x" * 301}, "business.legal_name", "String should have at most 300 characters"),
    ],
)
def test_create_field_rules(
    client: KompliantClient, fields: dict[str, Any], field: str, message: str
) -> None:
    record_id = _record(client)
    response = client.send("business.create", {"subject_record_id": record_id, "business": fields})
    assert error(response) == {
        "code": "BAD_REQUEST",
        "message": f"Invalid or missing parameters: {field}.",
        "details": [{"field": field, "message": message}],
    }
    assert call(client, "subjectRecord.get", {"subject_record_id": record_id})["business_id"] is None


def test_invalid_business_email(client: KompliantClient) -> None:
    response = client.send(
        "business.create", {"subject_record_id": _record(client), "business": {"email": "x@"}}
    )
    found = error(response)
    assert [d["field"] for d in found["details"]] == ["business.email"]
    assert found["details"][0]["message"].startswith("Value error, not a valid email address: ")


def test_create_on_unknown_or_foreign_subject_record(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    for record_id in ("sr_missing0000000000000000", _record(other_client)):
        response = client.send("business.create", {"subject_record_id": record_id, "business": FULL_BUSINESS})
        assert error(response) == not_found("SubjectRecord", record_id, "subject_record_id")


def test_update_is_partial_null_unsets_and_empty_list_clears(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = call(
        client, "business.create", {"subject_record_id": record_id, "business": FULL_BUSINESS}
    )["business_id"]
    assert (
        call(
            client, "business.update", {"business_id": business_id, "business": {"operating_name": "Acme 2"}}
        )
        == {}
    )
    assert (
        call(
            client,
            "business.update",
            {"business_id": business_id, "business": {"email": None, "industry_category_codes": []}},
        )
        == {}
    )
    # Flat form, and `null` on a list field clears it too.
    assert call(client, "business.update", {"business_id": business_id, "additional_fields": None}) == {}
    assert _business(client, business_id, show_sensitive_data=True) == {
        "business_id": business_id,
        "subject_record_id": record_id,
        "legal_name": "Acme Holdings LLC",
        "operating_name": "Acme 2",
        "registration_type": "LLC",
        "tax_id": "123456789",
        "phone_number": "2025550143",
        "email": None,
        "industry_category_codes": [],
        "additional_fields": [],
        "business_owner_ids": [],
        "business_owners": None,
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }
    call(client, "business.update", {"business_id": business_id, "business": {"tax_id": "987654321"}})
    assert _business(client, business_id)["tax_id"] == "*****4321"


def test_update_field_rules_write_nothing(client: KompliantClient) -> None:
    business_id = new_business(client, _record(client))
    response = client.send(
        "business.update", {"business_id": business_id, "business": {"legal_name": "New", "tax_id": "1"}}
    )
    assert error(response)["details"] == [
        {"field": "business.tax_id", "message": "Value error, must be exactly 9 digits"}
    ]
    assert _business(client, business_id, show_sensitive_data=True)["legal_name"] == "Acme Holdings LLC"


def test_get_update_unknown_or_foreign_business(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    foreign = new_business(other_client, _record(other_client), legal_name="Theirs")
    for business_id in ("b_missing0000000000000000", foreign):
        expected = not_found("Business", business_id, "business_id")
        assert error(client.send("business.get", {"business_id": business_id})) == expected
        assert error(client.send("business.listOwners", {"business_id": business_id})) == expected
        response = client.send(
            "business.update", {"business_id": business_id, "business": {"legal_name": "Mine"}}
        )
        assert error(response) == expected
    assert _business(other_client, foreign)["legal_name"] == "Theirs"


def test_owners(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = new_business(client, record_id)
    ada = new_person(client, record_id, tax_id="111223333")
    bob = new_person(client, record_id, first_name="Bob")
    added = call(
        client,
        "business.addOwner",
        {
            "business_id": business_id,
            "owner": {
                "person_id": ada,
                "ownership_type": "CONTROL_PRONG",
                "ownership_percentage": 60,
                "ownership_year_month": "2019-04",
                "business_person_position": "PRESIDENT",
            },
        },
    )
    assert sorted(added) == ["business_owner_id"]
    ada_owner = added["business_owner_id"]
    assert is_valid_id(ada_owner, "bo") is True
    # Flat form of the owner fields.
    bob_owner = call(
        client,
        "business.addOwner",
        {
            "business_id": business_id,
            "person_id": bob,
            "ownership_type": "BENEFICIAL_OWNER",
            "ownership_percentage": 40,
        },
    )["business_owner_id"]
    expected_ada = {
        "business_owner_id": ada_owner,
        "business_id": business_id,
        "person_id": ada,
        "ownership_type": "CONTROL_PRONG",
        "ownership_percentage": 60,
        "ownership_year_month": "2019-04",
        "business_person_position": "PRESIDENT",
        "person": None,
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }
    assert scrub(call(client, "business.getOwner", {"business_owner_id": ada_owner})) == expected_ada
    ada_person = scrub(call(client, "person.get", {"person_id": ada}))
    assert ada_person["tax_id"] == "*****3333"
    verbose = scrub(call(client, "business.getOwner", {"business_owner_id": ada_owner, "verbose": True}))
    assert verbose == {**expected_ada, "person": ada_person}
    sensitive = call(
        client,
        "business.getOwner",
        {"business_owner_id": ada_owner, "verbose": True, "show_sensitive_data": True},
    )
    assert sensitive["person"]["tax_id"] == "111223333"
    listed = scrub(call(client, "business.listOwners", {"business_id": business_id}))
    assert [owner["business_owner_id"] for owner in listed["business_owners"]] == [ada_owner, bob_owner]
    assert listed["business_owners"][0] == expected_ada
    assert listed["business_owners"][1]["person"] is None
    verbose_list = call(client, "business.listOwners", {"business_id": business_id, "verbose": True})
    assert [owner["person"]["person_id"] for owner in verbose_list["business_owners"]] == [ada, bob]
    business = _business(client, business_id)
    assert business["business_owner_ids"] == [ada_owner, bob_owner]
    assert business["business_owners"] is None
    verbose_business = _business(client, business_id, verbose=True)
    assert verbose_business["business_owners"] == scrub(verbose_list["business_owners"])
    assert verbose_business["business_owners"][0]["person"]["tax_id"] == "*****3333"


def test_owner_field_rules(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = new_business(client, record_id)
    person_id = new_person(client, record_id)
    cases: list[tuple[dict[str, Any], str, str]] = [
        (
            {"ownership_percentage": 101},
            "owner.ownership_percentage",
            "Value error, must be between 0 and 100",
        ),
        (
            {"ownership_percentage": -1},
            "owner.ownership_percentage",
            "Value error, must be between 0 and 100",
        ),
        ({"ownership_percentage": 50.5}, "owner.ownership_percentage", "Input should be a valid integer"),
        ({"ownership_percentage": "50"}, "owner.ownership_percentage", "Input should be a valid integer"),
        ({"ownership_year_month": "2019-13"}, "owner.ownership_year_month", "Value error, must be YYYY-MM"),
        (
            {"ownership_year_month": "9999-01"},
            "owner.ownership_year_month",
            "Value error, must not be in the future",
        ),
    ]
    for fields, field, message in cases:
        assert error(_add_owner(client, business_id, person_id, **fields)) == {
            "code": "BAD_REQUEST",
            "message": f"Invalid or missing parameters: {field}.",
            "details": [{"field": field, "message": message}],
        }
    missing = error(client.send("business.addOwner", {"business_id": business_id, "owner": {}}))
    assert missing["details"] == [{"field": "owner.person_id", "message": "Field required"}]
    assert call(client, "business.listOwners", {"business_id": business_id}) == {"business_owners": []}


def test_owner_must_be_a_person_of_the_subject_record_and_only_once(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = new_business(client, record_id)
    person_id = new_person(client, record_id)
    stranger = new_person(client, _record(client))
    assert error(_add_owner(client, business_id, stranger)) == {
        "code": "BAD_REQUEST",
        "message": "Invalid value for 'owner.person_id': the person belongs to another subject record",
        "details": [{"field": "owner.person_id", "message": "the person belongs to another subject record"}],
    }
    ok(_add_owner(client, business_id, person_id))
    assert error(_add_owner(client, business_id, person_id)) == {
        "code": "BAD_REQUEST",
        "message": "Invalid value for 'owner.person_id': the person is already an owner of this business",
        "details": [
            {"field": "owner.person_id", "message": "the person is already an owner of this business"}
        ],
    }


def test_owners_cannot_hold_more_than_100_percent(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = new_business(client, record_id)
    ok(_add_owner(client, business_id, new_person(client, record_id), ownership_percentage=70))
    response = _add_owner(client, business_id, new_person(client, record_id), ownership_percentage=31)
    assert error(response) == {
        "code": "BAD_REQUEST",
        "message": "Invalid value for 'owner.ownership_percentage': "
        "owners would hold 101% in total (over 100%)",
        "details": [
            {"field": "owner.ownership_percentage", "message": "owners would hold 101% in total (over 100%)"}
        ],
    }
    ok(_add_owner(client, business_id, new_person(client, record_id), ownership_percentage=30))


def test_unknown_or_foreign_person_or_business_for_an_owner(
    client: KompliantClient, other_client: KompliantClient
) -> None:
    record_id = _record(client)
    business_id = new_business(client, record_id)
    person_id = new_person(client, record_id)
    other_record = _record(other_client)
    foreign_person = new_person(other_client, other_record)
    foreign_business = new_business(other_client, other_record)
    for candidate in ("p_missing0000000000000000", foreign_person):
        assert error(_add_owner(client, business_id, candidate)) == not_found(
            "Person", candidate, "owner.person_id"
        )
    for candidate in ("b_missing0000000000000000", foreign_business):
        assert error(_add_owner(client, candidate, person_id)) == not_found(
            "Business", candidate, "business_id"
        )
    foreign_owner = call(
        other_client,
        "business.addOwner",
        {"business_id": foreign_business, "owner": {"person_id": foreign_person}},
    )["business_owner_id"]
    for owner_id in ("bo_missing0000000000000000", foreign_owner):
        response = client.send("business.getOwner", {"business_owner_id": owner_id})
        assert error(response) == not_found("BusinessOwner", owner_id, "business_owner_id")
    assert call(client, "business.listOwners", {"business_id": business_id}) == {"business_owners": []}


def test_max_owner_limit(database: Database, client_for: ClientFor) -> None:
    client = client_for(make_account(database, max_owners=2))
    record_id = _record(client)
    business_id = new_business(client, record_id)
    for _ in range(2):
        ok(_add_owner(client, business_id, new_person(client, record_id)))
    assert error(_add_owner(client, business_id, new_person(client, record_id))) == {
        "code": "ACCOUNT_CONFIGURATION_VIOLATION",
        "message": "the account allows at most 2 owners per business",
        "sub_code": "MAX_OWNER_LIMIT",
        "entity_type": "BusinessOwner",
        "details": [{"field": "owner", "message": "the account allows at most 2 owners per business"}],
    }
    assert len(call(client, "business.listOwners", {"business_id": business_id})["business_owners"]) == 2


def test_minimum_ownership_percentage(database: Database, client_for: ClientFor) -> None:
    client = client_for(make_account(database, min_ownership_percentage=25))
    record_id = _record(client)
    business_id = new_business(client, record_id)
    message = "the account requires an ownership percentage of at least 25"
    assert error(_add_owner(client, business_id, new_person(client, record_id), ownership_percentage=24)) == {
        "code": "ACCOUNT_CONFIGURATION_VIOLATION",
        "message": message,
        "sub_code": "MINIMUM_OWNERSHIP_PERCENTAGE",
        "entity_type": "BusinessOwner",
        "details": [{"field": "owner.ownership_percentage", "message": message}],
    }
    assert call(client, "business.listOwners", {"business_id": business_id}) == {"business_owners": []}
    ok(_add_owner(client, business_id, new_person(client, record_id), ownership_percentage=25))


def _years_ago(years: int, days: int = 0) -> str:
    today = date.today()
    try:
        birthday = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - years, day=28)
    return date.fromordinal(birthday.toordinal() + days).isoformat()


def test_control_prong_owner_must_be_18(client: KompliantClient) -> None:
    record_id = _record(client)
    business_id = new_business(client, record_id)
    violation = {
        "code": "SYSTEM_RULE_VIOLATION",
        "message": "a CONTROL_PRONG owner must be at least 18 years old "
        "(the person's date_of_birth must show it)",
        "sub_code": "CONTROL_PRONG_AGE_REQUIREMENT",
        "entity_type": "BusinessOwner",
    }
    minor = new_person(client, record_id, date_of_birth=_years_ago(18, days=1))
    unknown_age = new_person(client, record_id, date_of_birth=None)
    for person_id in (minor, unknown_age):
        assert error(_add_owner(client, business_id, person_id, ownership_type="CONTROL_PRONG")) == violation
    # Not a control prong: no age rule.
    ok(_add_owner(client, business_id, minor, ownership_type="BENEFICIAL_OWNER"))
    adult = new_person(client, record_id, date_of_birth=_years_ago(18))
    ok(_add_owner(client, business_id, adult, ownership_type="CONTROL_PRONG"))


def test_business_of_a_workflow_subject_record(client: KompliantClient) -> None:
    record_id = new_application(client)[1]
    business_id = new_business(client, record_id)
    record = call(client, "subjectRecord.get", {"subject_record_id": record_id})
    assert record["business_id"] == business_id
