"""Individuals CRUD, auth and errors in the vendor's format."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from fastapi.testclient import TestClient

from clearway.db import Database
from tests.api.frankie.conftest import INDIVIDUAL, Tenant, child_of, person_row
from tests.api.frankie.spec import assert_error, assert_matches_spec


def test_create_stores_the_document_and_syncs_core_columns(
    http: TestClient, database: Database, tenant: Tenant
) -> None:
    response = http.post("/v2/individuals", json={"individual": INDIVIDUAL}, headers=tenant.headers())
    assert response.status_code == 201
    body = response.json()
    assert_matches_spec(body, "/v2/individuals", "post", 201)
    individual = body["individual"]
    assert individual["entityType"] == "INDIVIDUAL"
    assert individual["schemaVersion"] == 2
    assert individual["name"]["familyName"] == "Lovelace"
    assert individual["name"]["nameId"]
    assert len(body["requestId"]) == 26
    assert response.headers["X-Frankie-RequestID"] == body["requestId"]
    person = person_row(database, individual["entityId"])
    assert person is not None
    assert (person.first_name, person.middle_name, person.last_name) == ("Ada", "B", "Lovelace")
    assert person.date_of_birth is not None and person.date_of_birth.isoformat() == "1985-12-10"
    assert (person.email, person.phone_number, person.citizenship, person.gender) == (
        "ada@example.com",
        "+61412345678",
        "AU",
        "FEMALE",
    )
    assert person.account_id == tenant.account_id
    assert person.profile["addresses"][0]["locality"] == "Sydney"


def test_get_patch_delete(
    http: TestClient, database: Database, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    entity_id = create_individual(tenant)
    path = f"/v2/individuals/{entity_id}"
    got = http.get(path, headers=tenant.headers())
    assert got.status_code == 200
    assert_matches_spec(got.json(), "/v2/individuals/{entityId}", "get", 200)
    patched = http.patch(
        path,
        json={"individual": {"name": {"givenName": "Augusta", "familyName": "King"}}},
        headers=tenant.headers(),
    )
    assert patched.status_code == 200
    assert_matches_spec(patched.json(), "/v2/individuals/{entityId}", "patch", 200)
    assert patched.json()["individual"]["name"]["familyName"] == "King"
    assert patched.json()["individual"]["emailAddresses"][0]["email"] == "ada@example.com"  # kept
    person = person_row(database, entity_id)
    assert person is not None and (person.first_name, person.last_name) == ("Augusta", "King")
    deleted = http.delete(path, headers=tenant.headers())
    assert deleted.status_code == 200
    assert_matches_spec(deleted.json(), "/v2/individuals/{entityId}", "delete", 200)
    assert deleted.json()["entityId"] == entity_id
    assert person_row(database, entity_id) is None
    assert_error(http.get(path, headers=tenant.headers()), 404, "ENT-")


def test_validation_errors_name_the_field(http: TestClient, tenant: Tenant) -> None:
    response = http.post(
        "/v2/individuals", json={"individual": {"name": {"givenName": "x"}}}, headers=tenant.headers()
    )
    body = assert_error(response, 400, "API-")
    assert [detail["issueLocation"] for detail in body["details"]] == ["individual.name.familyName"]
    bad_date = {
        "individual": {
            "name": {"familyName": "X"},
            "dateOfBirth": {"year": "1990", "month": "02", "day": "31"},
        }
    }
    body = assert_error(http.post("/v2/individuals", json=bad_date, headers=tenant.headers()), 400, "VAL-")
    assert body["details"][0]["issueLocation"] == "individual.dateOfBirth"
    body = assert_error(http.get("/v2/individuals/not-a-uuid", headers=tenant.headers()), 400, "API-")
    assert body["details"][0]["issueLocation"] == "entityId"
    nul = {"individual": {"name": {"familyName": "a\u0000b"}}}
    assert_error(http.post("/v2/individuals", json=nul, headers=tenant.headers()), 400, "API-")


def test_authentication_errors(http: TestClient, tenant: Tenant, other_tenant: Tenant) -> None:
    path = f"/v2/individuals/{uuid.uuid4()}"
    body = assert_error(http.get(path), 401, "AUTH-0401")
    assert body["details"][0]["issueLocation"] == "request"
    assert_error(http.get(path, headers={**tenant.headers(), "api_key": "sb_nope"}), 401, "AUTH-")
    assert_error(
        http.get(path, headers={**tenant.headers(), "X-Frankie-CustomerID": other_tenant.account_id}),
        401,
        "AUTH-",
    )
    missing_customer = {
        key: value for key, value in tenant.headers().items() if key != "X-Frankie-CustomerID"
    }
    assert_error(http.get(path, headers=missing_customer), 401, "AUTH-")


def test_unknown_v2_path_answers_in_the_vendor_format(http: TestClient, tenant: Tenant) -> None:
    assert_error(http.get("/v2/nothing/here", headers=tenant.headers()), 404, "API-")


def test_child_account_is_selected_by_header(
    http: TestClient,
    database: Database,
    tenant: Tenant,
    other_tenant: Tenant,
    create_individual: Callable[[Tenant], str],
) -> None:
    child = child_of(database, tenant)
    created = http.post(
        "/v2/individuals",
        json={"individual": INDIVIDUAL},
        headers=tenant.headers(**{"X-Frankie-CustomerChildID": child}),
    )
    assert created.status_code == 201
    entity_id = created.json()["individual"]["entityId"]
    person = person_row(database, entity_id)
    assert person is not None and person.account_id == child
    # the parent's own scope does not see the child's individual, and a stranger cannot select the child
    assert_error(http.get(f"/v2/individuals/{entity_id}", headers=tenant.headers()), 404, "ENT-")
    stranger = other_tenant.headers(**{"X-Frankie-CustomerChildID": child})
    assert_error(http.get(f"/v2/individuals/{entity_id}", headers=stranger), 401, "AUTH-")


def test_organizations_create_and_get(http: TestClient, tenant: Tenant, other_tenant: Tenant) -> None:
    document = {"organization": {"details": {"name": {"name": "Acme Pty Ltd"}, "jurisdiction": "AUS"}}}
    created = http.post("/v2/organizations", json=document, headers=tenant.headers())
    assert created.status_code == 201
    entity_id = created.json()["organization"]["entityId"]
    got = http.get(f"/v2/organizations/{entity_id}", headers=tenant.headers())
    assert got.status_code == 200
    assert got.json()["organization"]["details"]["name"]["name"] == "Acme Pty Ltd"
    assert_error(http.get(f"/v2/organizations/{entity_id}", headers=other_tenant.headers()), 404, "ENT-")
