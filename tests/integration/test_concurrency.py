"""Concurrent writers through a real two-process server: database constraints and row locks decide."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import select

from clearway.applications.models import Application
from clearway.audit.models import AuditEvent
from clearway.audit.service import verify_chain
from clearway.client import KompliantClient
from clearway.db import Database
from tests.support.factories import SeededAccount, make_account

PARALLEL = 16


def _client(server_url: str, account: SeededAccount) -> KompliantClient:
    creds = account.credentials
    return KompliantClient(server_url, creds.api_key, creds.secret_key, creds.auth_token)


def _parallel(
    calls: list[tuple[str, dict[str, Any]]], server_url: str, account: SeededAccount
) -> list[httpx.Response]:
    def send(call: tuple[str, dict[str, Any]]) -> httpx.Response:
        with _client(server_url, account) as client:
            return client.send(*call)

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        return list(pool.map(send, calls))


def _application(email: str) -> dict[str, Any]:
    return {
        "workflow": {
            "type": "BUSINESS_APPLICATION",
            "state": "CREATED",
            "details": {"applying_user": {"email": email}},
        }
    }


def test_parallel_creates_with_one_email_exactly_one_wins(server_url: str, database: Database) -> None:
    account = make_account(database)
    emails = ["Same.Person@EXAMPLE.com" if i % 2 else "same.person@example.com" for i in range(PARALLEL)]
    responses = _parallel([("workflow.create", _application(email)) for email in emails], server_url, account)

    succeeded = [r for r in responses if r.status_code == 200]
    refused = [r.json()["errors"][0] for r in responses if r.status_code != 200]
    assert len(succeeded) == 1
    assert len(refused) == PARALLEL - 1
    assert {(e["code"], e.get("sub_code"), e.get("entity_type")) for e in refused} == {
        ("ACCOUNT_CONFIGURATION_VIOLATION", "DUPLICATE_EMAIL", "Workflow")
    }
    with database.transaction() as session:
        rows = session.scalars(select(Application).where(Application.account_id == account.account_id)).all()
        assert len(rows) == 1


def test_parallel_updates_to_one_email_exactly_one_wins(server_url: str, database: Database) -> None:
    account = make_account(database)
    with _client(server_url, account) as client:
        ids = [
            client.call("workflow.create", _application(f"user{i}@example.com"))["workflow_id"]
            for i in range(PARALLEL)
        ]
    calls = [
        (
            "workflow.update",
            {"workflow_id": wid, "workflow": {"details": {"applying_user": {"email": "taken@example.com"}}}},
        )
        for wid in ids
    ]
    responses = _parallel(calls, server_url, account)
    assert sorted(r.status_code for r in responses) == [200] + [400] * (PARALLEL - 1)


def test_parallel_updates_of_one_workflow_keep_a_consistent_row(server_url: str, database: Database) -> None:
    account = make_account(database)
    with _client(server_url, account) as client:
        workflow_id = client.call("workflow.create", _application("one@example.com"))["workflow_id"]
    calls = [
        (
            "workflow.update",
            {
                "workflow_id": workflow_id,
                "workflow": {
                    "details": {"referrer_value": f"ref-{i}", "applying_user": {"first_name": f"name-{i}"}}
                },
            },
        )
        for i in range(PARALLEL)
    ]
    responses = _parallel(calls, server_url, account)
    assert [r.status_code for r in responses] == [200] * PARALLEL

    with database.transaction() as session:
        row = session.scalars(select(Application).where(Application.id == workflow_id)).one()
        details = row.details
        # Each update wrote both fields together; a consistent row shows one update's pair, whole.
        assert details["referrer_value"].removeprefix("ref-") == details["applying_user"][
            "first_name"
        ].removeprefix("name-")
        assert details["applying_user"]["email"] == "one@example.com"
        assert row.version == 1 + PARALLEL
        events = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == workflow_id)).all()
        assert len(events) == 1 + PARALLEL
        assert verify_chain(session, account.account_id).intact
