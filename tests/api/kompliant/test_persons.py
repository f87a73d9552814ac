"""`person.create | get | list`."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from clearway.client import KompliantClient
from clearway.ids import is_valid_id
from tests.api.kompliant.helpers import call, error, new_person, not_found, scrub

FULL_PERSON = {
    "email": "Ada.Lovelace@EXAMPLE.org",
    "first_name": "Ada",
    "middle_name": "King",
    "last_name": "Lovelace",
    "date_of_birth": "1985-12-10",
    "tax_id": "123456789",
    "citizenship": "gb",
    "phone_number": "+1 (415) 555-0199",
    "addresses": [
        {
            "address_type": "HOME",
            "line1": "1 Main St",
            "city": "Springfield",
            "state": "il",
            "postal_code": "62701",
        },
        {
            "address_type": "MAILING",
            "line1": "PO Box 7",
            "line2": "Suite 2",
            "city": "Toronto",
            "state": "ON",
            "postal_code": "M5V 2T6",
            "country": "ca",
        },
    ],
}


def _record(client: KompliantClient) -> str:
    record_id: str = call(client, "subjectRecord.create", {})["subject_record_id"]
    return record_id


def test_create_and_get(client: KompliantClient) -> None:
    record_id = _record(client)
    created = call(client, "person.create", {"subject_record_id": record_id, "person": FULL_PERSON})
    assert sorted(created) == ["person_id"]
    person_id = created["person_id"]
    assert is_valid_id(person_id, "p") is True
    expected = {
        "person_id": person_id,
        "subject_record_id": record_id,
        "email": "Ada.Lovelace@example.org",
        "first_name": "Ada",
        "middle_name": "King",
        "last_name": "Lovelace",
        "date_of_birth": "1985-12-10",
        "tax_id": "*****6789",
        "citizenship": "GB",
        "phone_number": "4155550199",
        "addresses": [
            {
                "address_type": "HOME",
                "line1": "1 Main St",
                "line2": None,
                "city": "Springfield",
                "state": "IL",
                "postal_code": "62701",
                "country": "US",
            },
            {
                "address_type": "MAILING",
                "line1": "PO Box 7",
                "line2": "Suite 2",
                "city": "Toronto",
                "state": "ON",
                "postal_code": "M5V 2T6",
                "country": "CA",
            },
        ],
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }
    assert scrub(call(client, "person.get", {"person_id": person_id})) == expected
    sensitive = call(client, "person.get", {"person_id": person_id, "show_sensitive_data": True})
    assert scrub(sensitive) == {**expected, "tax_id": "123456789"}


def test_create_flat_and_minimal(client: KompliantClient) -> None:
    record_id = _record(client)
    flat = call(client, "person.create", {"subject_record_id": record_id, "first_name": "Flat"})["person_id"]
    empty = call(client, "person.create", {"subject_record_id": record_id})["person_id"]
    assert scrub(call(client, "person.get", {"person_id": flat}))["first_name"] == "Flat"
    assert scrub(call(client, "person.get", {"person_id": empty})) == {
        "person_id": empty,
        "subject_record_id": record_id,
        "email": None,
        "first_name": None,
        "middle_name": None,
        "last_name": None,
        "date_of_birth": None,
        "tax_id": None,
        "citizenship": None,
        "phone_number": None,
        "addresses": [],
        "created_at": "<ts>",
        "updated_at": "<ts>",
    }


def test_list(client: KompliantClient) -> None:
    record_id = _record(client)
    other_record = _record(client)
    first = new_person(client, record_id, tax_id="111111111")
    second = new_person(client, record_id, first_name="Bob")
    new_person(client, other_record)
    listed = call(client, "person.list", {"subject_record_id": record_id})["persons"]
    assert [p["person_id"] for p in listed] == [first, second]
    assert listed[0] == call(client, "person.get", {"person_id": first})
    assert listed[0]["tax_id"] == "*****1111"
    sensitive = call(client, "person.list", {"subject_record_id": record_id, "show_sensitive_data": True})
    assert sensitive["persons"][0]["tax_id"] == "111111111"
    assert call(client, "person.list", {"subject_record_id": _record(client)}) == {"persons": []}


def _future(days: int) -> str:
    # Two days or more: a test computed just before midnight and checked by the server just after must
    # still see the date in the future.
    return (date.today() + timedelta(days=days)).isoformat()


def _years_back(years: int) -> str:
    today = date.today()
    try:
        return today.replace(year=today.year - years).isoformat()
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28).isoformat()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"tax_id": "1234567890"}, "person.tax_id", "Value error, must be exactly 9 digits"),
        ({"tax_id": "12345678\n"}, "person.tax_id", "Value error, must be exactly 9 digits"),
        (
            {"citizenship": "XX"},
            "person.citizenship",
            "Value error, must be an ISO 3166-1 alpha-2 country code",
        ),
        (
            {"citizenship": "USA"},
            "person.citizenship",
            "Value error, must be an ISO 3166-1 alpha-2 country code",
        ),
        (
            {"phone_number": "123"},
            "person.phone_number",
            "Value error, must be a 10-digit North American phone number",
        ),
        ({"date_of_birth": _future(2)}, "person.date_of_birth", "Value error, must not be in the future"),
        (
            {"date_of_birth": _years_back(131)},
            "person.date_of_birth",
            "Value error, must be at most 130 years ago",
        ),
        (
            {"date_of_birth": "10/12/1985"},
            "person.date_of_birth",
            "Value error, must be a date in the form YYYY-MM-DD",
        ),
        ({"date_of_birth": "1985-02-30"}, "person.date_of_birth", None),
        (
            {"addresses": [{"line1": "1 Main", "city": "X", "postal_code": "12345", "state": "Cal"}]},
            "person.addresses[0].state",
            "Value error, must be a 2-letter state code",
        ),
        (
            {"addresses": [{"line1": "1 Main", "city": "X", "postal_code": "12345", "country": "ZZ"}]},
            "person.addresses[0].country",
            "Value error, must be an ISO 3166-1 alpha-2 country code",
        ),
        (
            {"addresses": [{"line1": "1 Main", "city": "X"}]},
            "person.addresses[0].postal_code",
            "Field required",
        ),
        (
            {
                "addresses": [
                    {"line1": "1 Main", "city": "X", "postal_code": "12345"},
                    {"line1": "2 Main", "city": "X", "postal_code": "12345", "address_type": "HOME"},
                ]
            },
            "person.addresses",
            "Value error, at most one address per address_type",
        ),
    ],
)
def test_create_field_rules(
    client: KompliantClient, fields: dict[str, Any], field: str, message: str | None
) -> None:
    record_id = _record(client)
    found = error(client.send("person.create", {"subject_record_id": record_id, "person": fields}))
    assert found["code"] == "BAD_REQUEST"
    assert found["message"] == f"Invalid or missing parameters: {field}."
    assert [d["field"] for d in found["details"]] == [field]
    if message is not None:
        assert found["details"][0]["message"] == message
    assert call(client, "person.list", {"subject_record_id": record_id}) == {"persons": []}


def test_date_of_birth_bounds_accepted(client: KompliantClient) -> None:
    record_id = _record(client)
    for value in (date.today().isoformat(), _years_back(130)):
        person_id = new_person(client, record_id, date_of_birth=value)
        assert call(client, "person.get", {"person_id": person_id})["date_of_birth"] == value


def test_invalid_email(client: KompliantClient) -> None:
    found = error(
        client.send("person.create", {"subject_record_id": _record(client), "person": {"email": "a@b"}})
    )
    assert [d["field"] for d in found["details"]] == ["person.email"]
    assert found["details"][0]["message"].startswith("Value error, not a valid email address: ")


def test_unknown_or_foreign_ids(client: KompliantClient, other_client: KompliantClient) -> None:
    foreign_record = _record(other_client)
    foreign_person = new_person(other_client, foreign_record)
    for record_id in ("sr_missing0000000000000000", foreign_record):
        expected = not_found("SubjectRecord", record_id, "subject_record_id")
        assert error(client.send("person.create", {"subject_record_id": record_id, "person": {}})) == expected
        assert error(client.send("person.list", {"subject_record_id": record_id})) == expected
    for person_id in ("p_missing0000000000000000", foreign_person):
        assert error(client.send("person.get", {"person_id": person_id})) == not_found(
            "Person", person_id, "person_id"
        )
    assert [
        p["person_id"]
        for p in call(other_client, "person.list", {"subject_record_id": foreign_record})["persons"]
    ] == [foreign_person]
