"""`/openapi.json` describes every method with its real schemas; schemathesis finds no 5xx."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from clearway.api.kompliant import signing
from clearway.api.kompliant.registry import registry
from clearway.client import KompliantClient
from clearway.db import Database
from tests.api.kompliant.helpers import new_application, new_business, new_person
from tests.support.factories import make_account

METHODS = [spec.name for spec in registry.all()]
EXPECTED_METHODS = [
    "business.addOwner",
    "business.create",
    "business.get",
    "business.getOwner",
    "business.listOwners",
    "business.update",
    "meta.checkVersion",
    "person.create",
    "person.get",
    "person.list",
    "subjectRecord.create",
    "subjectRecord.get",
    "subjectRecord.list",
    "workflow.canComplete",
    "workflow.complete",
    "workflow.create",
    "workflow.get",
    "workflow.list",
    "workflow.start",
    "workflow.update",
]
OPTIONAL_HEADERS = (
    "X-API-Version",
    "X-API-Signed-Elements",
    "X-API-Timestamp",
    "X-API-Nonce",
    "X-API-Content-Hash",
)


@pytest.fixture(scope="module")
def document(app: FastAPI) -> dict[str, Any]:
    with TestClient(app) as http:
        response = http.get("/openapi.json")
    assert response.status_code == 200
    result: dict[str, Any] = response.json()
    return result


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = document["components"]["schemas"][ref.removeprefix("#/components/schemas/")]
    return resolved


def test_registry_has_every_method_of_the_issue() -> None:
    assert METHODS == EXPECTED_METHODS


def test_a_path_per_method(document: dict[str, Any]) -> None:
    method_paths = sorted(path for path in document["paths"] if "." in path)
    assert method_paths == sorted(f"/{name}" for name in METHODS)
    for name in METHODS:
        assert list(document["paths"][f"/{name}"]) == ["post"]
        assert document["paths"][f"/{name}"]["post"]["operationId"] == name


@pytest.mark.parametrize("name", METHODS)
def test_each_method_has_request_and_response_schemas(document: dict[str, Any], name: str) -> None:
    operation = document["paths"][f"/{name}"]["post"]
    spec = registry.get(name)
    assert spec is not None
    request = operation["requestBody"]["content"]["application/json"]["schema"]
    assert request == {"$ref": f"#/components/schemas/{spec.request.__name__}"}
    request_schema = _resolve(document, request)
    assert request_schema["type"] == "object"
    assert sorted(request_schema.get("properties", {})) == sorted(
        spec.request.model_json_schema().get("properties", {})
    )
    success = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert success["required"] == ["meta", "data"]
    assert success["properties"]["meta"] == {"$ref": "#/components/schemas/Meta"}
    data_schema = _resolve(document, success["properties"]["data"])
    assert sorted(data_schema.get("properties", {})) == sorted(
        spec.response.model_json_schema(mode="serialization").get("properties", {})
    )
    for status in ("400", "401"):
        error = operation["responses"][status]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/ErrorEnvelope"}
    assert operation["security"] == [{"KSig1Signature": [], "ApiKey": [], "AuthToken": []}]


def test_workflow_update_request_schema_names_the_seed_fields(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert schemas["WorkflowUpdateRequest"]["required"] == ["workflow_id", "workflow"]
    details = schemas["BusinessApplicationDetails"]["properties"]
    assert sorted(details) == [
        "applying_user",
        "equipment_collection_id",
        "pricing_model_id",
        "referrer_value",
    ]
    assert sorted(schemas["ApplyingUser"]["properties"]) == ["email", "first_name", "last_name"]
    assert sorted(schemas["WorkflowDetails"]["properties"]) == [
        "applying_user",
        "business_application_details",
        "equipment_collection_id",
        "pricing_model_id",
        "referrer_value",
    ]


def test_security_schemes(document: dict[str, Any]) -> None:
    assert sorted(document["components"]["securitySchemes"]) == ["ApiKey", "AuthToken", "KSig1Signature"]


def test_docs_render(app: FastAPI) -> None:
    with TestClient(app) as http:
        response = http.get("/docs")
    assert response.status_code == 200
    assert "/openapi.json" in response.text


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


@dataclass(frozen=True)
class FuzzAccount:
    headers: dict[str, str]
    ids: dict[str, str]
    workflow_to_start: str  # workflow.start gets its own, so that the other one stays updatable


@pytest.fixture(scope="module")
def fuzz_account(app: FastAPI, database: Database) -> FuzzAccount:
    """An account with one of everything, and its minimal-mode headers: minimal mode signs only the API
    key, so static headers authenticate every generated request."""
    seeded = make_account(database)
    creds = seeded.credentials
    signature = signing.sign(
        creds.secret_key, signing.string_to_sign(["API-Key"], {"API-Key": creds.api_key})
    )
    headers = {
        "Authorization": signing.authorization_header(signature),
        "X-API-Key": creds.api_key,
        "X-API-Auth-Token": creds.auth_token,
    }
    with TestClient(app) as http:
        client = KompliantClient(
            "http://testserver", creds.api_key, creds.secret_key, creds.auth_token, http=http
        )
        workflow_id, record_id = new_application(client)
        workflow_to_start = new_application(client, email="start@example.com")[0]
        business_id = new_business(client, record_id)
        person_id = new_person(client, record_id)
        owner = client.call(
            "business.addOwner", {"business_id": business_id, "owner": {"person_id": person_id}}
        )
    ids = {
        "account_id": seeded.account_id,
        "subject_record_id": record_id,
        "workflow_id": workflow_id,
        "business_id": business_id,
        "person_id": person_id,
        "business_owner_id": owner["business_owner_id"],
        "pricing_model_id": seeded.pricing_model_id,
        "equipment_collection_id": seeded.equipment_collection_id,
    }
    return FuzzAccount(headers, ids, workflow_to_start)


def _with_real_ids(value: Any, ids: dict[str, str]) -> Any:
    """Generated ids replaced by the fuzz account's, so that generated data goes past the lookups and
    into the handlers and the database."""
    if isinstance(value, list):
        return [_with_real_ids(item, ids) for item in value]
    if not isinstance(value, dict):
        return value
    return {key: ids[key] if key in ids else _with_real_ids(item, ids) for key, item in value.items()}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("name", METHODS)
def test_no_server_errors(
    api_schema: Any, fuzz_account: FuzzAccount, name: str, mode: GenerationMode
) -> None:
    operation = api_schema[f"/{name}"]["POST"]

    @given(case=operation.as_strategy(generation_mode=mode), real_ids=st.booleans())
    @settings(
        max_examples=25 if mode is GenerationMode.POSITIVE else 10,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any, real_ids: bool) -> None:
        headers = dict(case.headers or {})
        if mode is GenerationMode.POSITIVE:  # go past authentication, into the bodies
            for header in OPTIONAL_HEADERS:
                headers.pop(header, None)
        headers.update(fuzz_account.headers)
        case.headers = headers
        if real_ids:
            ids = fuzz_account.ids
            if name == "workflow.start":
                ids = {**ids, "workflow_id": fuzz_account.workflow_to_start}
            case.body = _with_real_ids(case.body, ids)
        response = case.call()
        case.validate_response(response, checks=[not_a_server_error])

    run()
