"""The `clearway` command: exact interface, JSON outputs, clear errors with non-zero exits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clearway.audit.models import AuditEvent
from clearway.audit.service import verify_chain
from clearway.client import Signer
from clearway.db import Database
from clearway.screening.lists.service import active_versions
from clearway.tenancy import service as tenancy
from clearway.tenancy.models import Account
from clearway.tenancy.secrets import decrypt_secret, digest
from tests.cli.conftest import invoke
from tests.support.factories import MASTER_KEY


def test_accounts_create_prints_credentials_that_authenticate(env: Path, database: Database) -> None:
    code, output = invoke("accounts", "create", "--name", "Acme", "--json")
    assert code == 0, output
    created = json.loads(output)
    assert set(created) == {"account_id", "api_key", "secret_key", "auth_token"}
    assert created["account_id"].startswith("sb_")
    assert created["api_key"].startswith("sb_")
    with database.transaction() as session:
        credential = tenancy.find_credential(session, created["api_key"])
        assert credential is not None
        assert credential.account_id == created["account_id"]
        assert credential.auth_token_hash == digest(created["auth_token"])
        assert credential.api_key_hash != created["api_key"]  # stored hashed
        assert credential.secret_key_encrypted is not None
        assert created["secret_key"].encode() not in credential.secret_key_encrypted  # encrypted at rest
        assert decrypt_secret(MASTER_KEY, credential.secret_key_encrypted) == created["secret_key"]
        account = session.get(Account, created["account_id"])
        assert account is not None
        assert account.allow_duplicate_applicant_emails is False


def test_accounts_create_with_id_live_and_duplicate_emails(env: Path, database: Database) -> None:
    code, output = invoke(
        "accounts",
        "create",
        "--name",
        "Live one",
        "--id",
        "lv_cli1234",
        "--live",
        "--allow-duplicate-emails",
        "--json",
    )
    assert code == 0, output
    assert json.loads(output)["api_key"].startswith("lv_")
    with database.transaction() as session:
        account = session.get(Account, "lv_cli1234")
        assert account is not None
        assert (account.is_live, account.allow_duplicate_applicant_emails) == (True, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("accounts", "create", "--name", "x", "--id", "bad id"), "sb_xxx or lv_xxx"),
        (("accounts", "create", "--name", "x", "--id", "lv_abc123"), "starts with sb_"),
        (("accounts", "create", "--name", "   "), "must not be empty"),
        (("keys", "create", "--account", "sb_doesnotexist"), "was not found"),
        (("keys", "create", "--account", "sb_doesnotexist", "--kind", "oauth"), "unknown --kind"),
        (("pricing-models", "create", "--account", "sb_nope", "--name", "P"), "was not found"),
        (("equipment-collections", "create", "--account", "sb_nope", "--name", "E"), "was not found"),
    ],
)
def test_bad_input_fails_clearly(env: Path, args: tuple[str, ...], message: str) -> None:
    code, output = invoke(*args)
    assert code != 0
    assert "error:" in output
    assert message in output


def test_duplicate_account_id_is_refused(env: Path) -> None:
    assert invoke("accounts", "create", "--name", "A", "--id", "sb_twice001")[0] == 0
    code, output = invoke("accounts", "create", "--name", "B", "--id", "sb_twice001")
    assert code != 0
    assert "already exists" in output


def test_keys_create_new_and_import(env: Path, database: Database) -> None:
    account_id = json.loads(invoke("accounts", "create", "--name", "K", "--json")[1])["account_id"]
    code, output = invoke("keys", "create", "--account", account_id, "--json")
    assert code == 0, output
    fresh = json.loads(output)
    imported_secret = "c2VjcmV0LWJ5dGVzLWZyb20tdGhlLXZlbmRvci0xMjM0"
    code, output = invoke(
        "keys",
        "create",
        "--account",
        account_id,
        "--api-key",
        "sb_vendorKey123",
        "--secret-key",
        imported_secret,
        "--auth-token",
        "vendor-token",
        "--json",
    )
    assert code == 0, output
    assert json.loads(output) == {
        "account_id": account_id,
        "api_key": "sb_vendorKey123",
        "secret_key": imported_secret,
        "auth_token": "vendor-token",
    }
    with database.transaction() as session:
        assert tenancy.find_credential(session, fresh["api_key"]) is not None
        assert tenancy.find_credential(session, "sb_vendorKey123") is not None
    code, output = invoke("keys", "create", "--account", account_id, "--api-key", "sb_partial")
    assert code != 0
    assert "--api-key, --secret-key and --auth-token" in output


def test_catalog_entries(env: Path) -> None:
    account_id = json.loads(invoke("accounts", "create", "--name", "C", "--json")[1])["account_id"]
    code, output = invoke("pricing-models", "create", "--account", account_id, "--name", "Gold", "--json")
    assert code == 0, output
    model = json.loads(output)
    assert model["name"] == "Gold"
    assert model["id"].startswith("pm_")
    code, output = invoke(
        "equipment-collections", "create", "--account", account_id, "--name", "POS", "--json"
    )
    assert json.loads(output)["name"] == "POS"
    code, output = invoke("pricing-models", "create", "--account", account_id, "--name", "Gold")
    assert code != 0
    assert "already exists" in output


def test_demo_is_created_once_and_prints_a_valid_signed_call(
    env: Path, fresh_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A database of its own: the demo loads sample lists, which are global and would reach other tests.
    monkeypatch.setenv("CLEARWAY_DATABASE_URL", fresh_database.url)
    database = fresh_database
    code, first = invoke("demo")
    assert code == 0, first
    code, second = invoke("demo")
    assert code == 0, second
    assert first == second  # same account, same credentials, same example
    credentials = json.loads((env / "demo-credentials.json").read_text())
    expected = Signer(
        credentials["api_key"], credentials["secret_key"], credentials["auth_token"], "minimal"
    ).headers("POST", "/workflow.update", b"")["Authorization"]
    assert expected in first
    with database.transaction() as session:
        assert verify_chain(session, "sb_demo").intact
        assert session.query(AuditEvent).filter_by(account_id="sb_demo").count() == 3
        assert active_versions(session) == {"ofac-sdn": 1, "un-consolidated": 1}


def test_serve_refuses_live_mode_with_the_default_master_key(
    env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLEARWAY_ENVIRONMENT", "live")
    monkeypatch.delenv("CLEARWAY_MASTER_KEY")
    code, output = invoke("serve", "--port", "1")
    assert code != 0
    assert "default master key" in output


def test_invalid_configuration_is_reported(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLEARWAY_MASTER_KEY", "not base64!")
    code, output = invoke("db", "upgrade")
    assert code != 0
    assert "CLEARWAY_MASTER_KEY" in output


def test_db_upgrade_and_audit_verify(env: Path) -> None:
    assert invoke("db", "upgrade") == (0, "database is up to date\n")
    account_id = json.loads(invoke("accounts", "create", "--name", "V", "--json")[1])["account_id"]
    code, output = invoke("audit", "verify", "--account", account_id)
    assert code == 0, output
    assert "intact" in output


def test_help_explains_every_command() -> None:
    for command in (
        ["--help"],
        ["serve", "--help"],
        ["accounts", "create", "--help"],
        ["keys", "create", "--help"],
        ["demo", "--help"],
        ["db", "upgrade", "--help"],
    ):
        code, output = invoke(*command)
        assert code == 0
        assert "Usage" in output
