"""/v2 bodies over the ceiling are refused with 413 in the vendor's Error format, before any of it is
parsed or written, whether their length is declared or they come chunked; bodies under it pass whole."""

from __future__ import annotations

import json
from collections.abc import Iterator

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from clearway.api.frankie.body_limit import MAX_BODY_BYTES
from clearway.db import Database
from clearway.parties.models import Person
from tests.api.frankie.conftest import INDIVIDUAL, Tenant
from tests.api.frankie.spec import assert_error

CREATE = "/v2/individuals"


def persons(database: Database, tenant: Tenant) -> int:
    with database.transaction() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(Person).where(Person.account_id == tenant.account_id)
            )
            or 0
        )


def oversized_individual() -> bytes:
    padding = "x" * (MAX_BODY_BYTES + 1)
    return b'{"individual": {"name": {"givenName": "Ada", "familyName": "' + padding.encode() + b'"}}}'


def chunks(body: bytes, size: int = 1 << 16) -> Iterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


def test_declared_length_over_the_ceiling_is_refused(
    http: TestClient, tenant: Tenant, database: Database
) -> None:
    response = http.post(
        CREATE,
        content=oversized_individual(),
        headers={**tenant.headers(), "Content-Type": "application/json"},
    )
    body = assert_error(response, 413, "API")
    assert body["details"][0]["issueLocation"] == "body"
    assert str(MAX_BODY_BYTES) in body["details"][0]["issue"]
    assert persons(database, tenant) == 0


def test_chunked_body_over_the_ceiling_is_refused(
    http: TestClient, tenant: Tenant, database: Database
) -> None:
    response = http.post(
        CREATE,
        content=chunks(oversized_individual()),
        headers={**tenant.headers(), "Content-Type": "application/json"},
    )
    assert_error(response, 413, "API")
    assert persons(database, tenant) == 0


def test_chunked_body_under_the_ceiling_is_handed_on_whole(
    http: TestClient, tenant: Tenant, database: Database
) -> None:
    body = json.dumps({"individual": INDIVIDUAL}).encode()
    response = http.post(
        CREATE,
        content=chunks(body, size=7),
        headers={**tenant.headers(), "Content-Type": "application/json"},
    )
    assert response.status_code == 201, response.text
    assert persons(database, tenant) == 1
