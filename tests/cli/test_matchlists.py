"""`clearway matchlists add|list|remove`: entries stored in the MATCHLIST step's normal form, audited,
confined to their account, and followed by the step of the next execution."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from clearway.audit.models import AuditEvent
from clearway.db import Database
from clearway.verification.models import MatchlistEntry
from clearway.verification.steps.normal import matchlist_value
from tests.api.frankie.conftest import INDIVIDUAL, make_tenant
from tests.cli.conftest import invoke
from tests.support.factories import make_account


def add(account: str, value: str, *options: str) -> dict[str, Any]:
    code, output = invoke("matchlists", "add", "--account", account, *options, value, "--json")
    assert code == 0, output
    added: dict[str, Any] = json.loads(output)
    return added


def listed(account: str, *options: str) -> list[dict[str, Any]]:
    code, output = invoke("matchlists", "list", "--account", account, "--json", *options)
    assert code == 0, output
    entries: list[dict[str, Any]] = json.loads(output)
    return entries


BLOCK_EMAIL = ("--list", "fraud", "--action", "block", "--attribute", "email")


def test_add_list_remove(env: Path, database: Database) -> None:
    account = make_account(database).account_id
    added = add(account, " Jane.Doe@Example.COM ", *BLOCK_EMAIL, "--reason", "chargebacks")
    assert {key: added[key] for key in ("list", "action", "attribute", "value", "normalized_value")} == {
        "list": "fraud",
        "action": "BLOCK",
        "attribute": "EMAIL",
        "value": "Jane.Doe@Example.COM",
        "normalized_value": matchlist_value("EMAIL", "Jane.Doe@Example.COM"),
    }
    assert (added["reason"], added["state"], added["created_by"]) == ("chargebacks", "ACTIVE", "cli")
    name = add(account, "Doe, JANE", "--list", "vip", "--action", "allow", "--attribute", "name")
    assert (name["action"], name["normalized_value"]) == ("ALLOW", "doe jane")

    assert [entry["entry_id"] for entry in listed(account)] == [added["entry_id"], name["entry_id"]]
    assert [entry["entry_id"] for entry in listed(account, "--list", "vip")] == [name["entry_id"]]
    code, table = invoke("matchlists", "list", "--account", account)
    assert code == 0 and added["entry_id"] in table and "Jane.Doe@Example.COM" in table

    code, output = invoke("matchlists", "remove", "--account", account, added["entry_id"])
    assert code == 0, output
    assert output.strip() == f"removed {added['entry_id']} from list fraud"
    assert [entry["entry_id"] for entry in listed(account)] == [name["entry_id"]]
    removed = [entry for entry in listed(account, "--all") if entry["entry_id"] == added["entry_id"]]
    assert [entry["state"] for entry in removed] == ["DELETED"]

    with database.transaction() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.account_id == account, AuditEvent.action == "MATCHLIST_ENTRY")
            .order_by(AuditEvent.id)
        ).all()
        # two lists made, two entries added, one removed: each change its event, from the cli
        assert [(event.entity_type, event.channel, event.actor_username) for event in events] == [
            ("MATCHLIST", "cli", "cli"),
            ("MATCHLIST_ENTRY", "cli", "cli"),
            ("MATCHLIST", "cli", "cli"),
            ("MATCHLIST_ENTRY", "cli", "cli"),
            ("MATCHLIST_ENTRY", "cli", "cli"),
        ]
        assert events[-1].after is not None and events[-1].after["entry"]["state"] == "DELETED"


def test_refusals_exit_non_zero_with_a_message(env: Path, database: Database) -> None:
    account = make_account(database).account_id
    add(account, "a@b.co", *BLOCK_EMAIL)
    cases = [
        (
            (
                "add",
                "--account",
                account,
                "--list",
                "fraud",
                "--action",
                "allow",
                "--attribute",
                "email",
                "x@b.co",
            ),
            "is a BLOCK list",
        ),
        (
            ("add", "--account", account, *BLOCK_EMAIL[:4], "--attribute", "phone", "call me"),
            "nothing left to match",
        ),
        (
            (
                "add",
                "--account",
                account,
                "--list",
                "bad/name",
                "--action",
                "block",
                "--attribute",
                "email",
                "a@b.co",
            ),
            "matchlistName",
        ),
        (("add", "--account", "sb_nobody", *BLOCK_EMAIL, "a@b.co"), "no account sb_nobody"),
        (("list", "--account", account, "--list", "nope"), "Matchlist 'nope' was not found"),
        (("remove", "--account", account, "00000000-0000-4000-8000-000000000000"), "was not found"),
    ]
    for args, message in cases:
        code, output = invoke("matchlists", *args)
        assert code == 2, (args, output)
        assert message in output, (args, output)
    code, output = invoke(
        "matchlists", "add", "--account", account, *BLOCK_EMAIL[:4], "--attribute", "dob", "x"
    )
    assert code == 2 and "dob" in output


def test_another_accounts_entry_cannot_be_removed_or_seen(env: Path, database: Database) -> None:
    owner, stranger = make_account(database).account_id, make_account(database).account_id
    entry = add(owner, "a@b.co", *BLOCK_EMAIL)
    assert listed(stranger, "--all") == []
    code, output = invoke("matchlists", "remove", "--account", stranger, entry["entry_id"])
    assert code == 2 and "was not found" in output
    with database.transaction() as session:
        row = session.scalar(select(MatchlistEntry).where(MatchlistEntry.entry_id == entry["entry_id"]))
        assert row is not None and row.state == "ACTIVE"


def test_an_entry_added_by_the_cli_blocks_the_next_execution(
    env: Path, database: Database, http: TestClient
) -> None:
    tenant = make_tenant(database)
    created = http.post("/v2/individuals", json={"individual": INDIVIDUAL}, headers=tenant.headers())
    entity_id = created.json()["individual"]["entityId"]
    path = f"/v2/individuals/{entity_id}/serviceprofiles/KYC/workflows/KYC_AML/execute"

    entry = add(
        tenant.account_id, "+61 412 345 678", "--list", "fraud", "--action", "block", "--attribute", "phone"
    )
    blocked = http.post(path, json={}, headers=tenant.headers()).json()["workflowResult"]
    assert (blocked["result"], "MATCHLIST" in blocked["steps"]["failed"]) == ("BLOCKED", True)

    assert invoke("matchlists", "remove", "--account", tenant.account_id, entry["entry_id"])[0] == 0
    cleared = http.post(path, json={}, headers=tenant.headers()).json()["workflowResult"]
    assert "MATCHLIST" not in cleared["steps"]["failed"]
