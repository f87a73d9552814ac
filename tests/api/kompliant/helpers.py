"""Helpers of the application-dialect API tests: envelope checks, raw signed requests, builders."""

from __future__ import annotations

import re
from typing import Any

import httpx
import orjson
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearway.audit.models import AuditEvent
from clearway.client import KompliantClient, Signer
from clearway.db import Database

VERSION = "2025-03-24"
TRACE_ID = re.compile(r"^trc_[0-9A-Za-z]{22}$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
ADULT_DOB = "1980-05-17"
EMAIL = "joe.fette@example.com"


def ok(response: httpx.Response, warnings: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """The `data` of a SUCCESS envelope, after checking the envelope exactly."""
    body = response.json()
    assert response.status_code == 200, body
    trace_id = response.headers["X-Trace-Id"]
    assert TRACE_ID.match(trace_id)
    meta: dict[str, Any] = {"status": "SUCCESS", "trace_id": trace_id, "version": VERSION}
    if warnings is not None:
        meta["warnings"] = warnings
    assert body["meta"] == meta
    assert sorted(body) == ["data", "meta"]
    data: dict[str, Any] = body["data"]
    return data


def errors(response: httpx.Response, status: int) -> list[dict[str, Any]]:
    """The `errors` of an ERROR envelope, after checking the envelope exactly."""
    body = response.json()
    assert response.status_code == status, body
    trace_id = response.headers["X-Trace-Id"]
    assert TRACE_ID.match(trace_id)
    assert body["meta"] == {"status": "ERROR", "trace_id": trace_id, "version": VERSION}
    assert sorted(body) == ["errors", "meta"]
    result: list[dict[str, Any]] = body["errors"]
    return result


def error(response: httpx.Response, status: int = 400) -> dict[str, Any]:
    """The single error of an ERROR envelope."""
    found = errors(response, status)
    assert len(found) == 1, found
    return found[0]


def call(client: KompliantClient, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    return ok(client.send(method, params))


def not_found(entity_type: str, entity_id: str, field: str) -> dict[str, Any]:
    """The exact ENTITY_NOT_FOUND error, the same for a missing and for a foreign id."""
    return {
        "code": "ENTITY_NOT_FOUND",
        "message": f"{entity_type} '{entity_id}' was not found",
        "entity_type": entity_type,
        "details": [{"field": field, "message": f"{entity_type} not found"}],
    }


def post_raw(
    http: TestClient,
    signer: Signer,
    path: str,
    body: bytes,
    *,
    set_headers: dict[str, str] | None = None,
    drop_headers: tuple[str, ...] = (),
    sign_body: bytes | None = None,
    timestamp: int | None = None,
    nonce: str | None = None,
) -> httpx.Response:
    """POST `body` with the signer's headers (computed over `sign_body` when given), then altered."""
    headers = signer.headers("POST", path, body if sign_body is None else sign_body, timestamp, nonce)
    headers.update(set_headers or {})
    for name in drop_headers:
        headers.pop(name)
    response: httpx.Response = http.post(path, content=body, headers=headers)
    return response


def json_bytes(value: Any) -> bytes:
    return orjson.dumps(value)


def new_application(
    client: KompliantClient,
    email: str | None = EMAIL,
    state: str = "CREATED",
    subject_record_id: str | None = None,
    **details: Any,
) -> tuple[str, str]:
    """A BUSINESS_APPLICATION workflow: (workflow_id, subject_record_id)."""
    user = {"email": email} if email is not None else {"first_name": "Joe"}
    workflow: dict[str, Any] = {
        "type": "BUSINESS_APPLICATION",
        "state": state,
        "details": {"business_application_details": {"applying_user": user, **details}},
    }
    if subject_record_id is not None:
        workflow["subject_record_id"] = subject_record_id
    created = call(client, "workflow.create", {"workflow": workflow})
    return created["workflow_id"], created["subject_record_id"]


def new_person(client: KompliantClient, subject_record_id: str, **fields: Any) -> str:
    person = {"first_name": "Ada", "last_name": "Owner", "date_of_birth": ADULT_DOB, **fields}
    data = call(client, "person.create", {"subject_record_id": subject_record_id, "person": person})
    person_id: str = data["person_id"]
    return person_id


def new_business(client: KompliantClient, subject_record_id: str, **fields: Any) -> str:
    business = {"legal_name": "Acme Holdings LLC", "tax_id": "123456789", **fields}
    data = call(client, "business.create", {"subject_record_id": subject_record_id, "business": business})
    business_id: str = data["business_id"]
    return business_id


def ready_application(client: KompliantClient, email: str = "ready@example.com") -> dict[str, str]:
    """A STARTED business application that meets every completion requirement."""
    workflow_id, record_id = new_application(client, email=email, state="STARTED")
    business_id = new_business(client, record_id)
    person_id = new_person(client, record_id)
    owner = call(
        client,
        "business.addOwner",
        {
            "business_id": business_id,
            "owner": {"person_id": person_id, "ownership_type": "CONTROL_PRONG", "ownership_percentage": 60},
        },
    )
    return {
        "workflow_id": workflow_id,
        "subject_record_id": record_id,
        "business_id": business_id,
        "person_id": person_id,
        "business_owner_id": owner["business_owner_id"],
    }


def audit_events(database: Database, account_id: str) -> list[AuditEvent]:
    with database.transaction() as session:
        query = select(AuditEvent).where(AuditEvent.account_id == account_id).order_by(AuditEvent.id)
        return list(session.scalars(query))


def without_timestamps(data: dict[str, Any], *names: str) -> dict[str, Any]:
    """`data` without its timestamp fields, after checking that each is an ISO-8601 UTC millisecond
    timestamp (or null when listed with a `?` suffix and absent)."""
    result = dict(data)
    for name in names:
        key = name.rstrip("?")
        value = result.pop(key)
        if name.endswith("?") and value is None:
            continue
        assert isinstance(value, str)
        assert TIMESTAMP.match(value), value
    return result


TIMESTAMP_FIELDS = frozenset({"created_at", "updated_at", "started_at", "ended_at"})


def scrub(value: Any) -> Any:
    """`value` with every non-null timestamp field replaced by "<ts>", after checking its format."""
    if isinstance(value, list):
        return [scrub(item) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if key in TIMESTAMP_FIELDS and item is not None:
            assert isinstance(item, str)
            assert TIMESTAMP.match(item), item
            result[key] = "<ts>"
        else:
            result[key] = scrub(item)
    return result
