"""Factories shared by the tests: accounts with credentials, signed clients over the real app."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from clearway.db import Database
from clearway.settings import Settings
from clearway.tenancy import service as tenancy
from clearway.tenancy.service import IssuedCredentials

# Not the development default: the suite creates live (lv_) accounts, and `clearway serve` rightly refuses
# live data under the default key. Every server, command and fixture of the tests uses this key.
TEST_MASTER_KEY = base64.b64encode(b"clearway-test-suite-master-key!!").decode()
MASTER_KEY = Settings(master_key=TEST_MASTER_KEY).master_key_bytes


@dataclass(frozen=True)
class SeededAccount:
    account_id: str
    credentials: IssuedCredentials
    pricing_model_id: str
    equipment_collection_id: str


def make_account(
    db: Database,
    *,
    allow_duplicate_emails: bool = False,
    require_timestamp_and_nonce: bool = False,
    max_owners: int | None = None,
    min_ownership_percentage: int | None = None,
    parent_id: str | None = None,
) -> SeededAccount:
    """A new sandbox account (a fresh tenant isolates each test) with credentials and catalog entries."""
    with db.transaction() as session:
        account = tenancy.create_account(
            session, "Test account", parent_id=parent_id, allow_duplicate_emails=allow_duplicate_emails
        )
        account.require_timestamp_and_nonce = require_timestamp_and_nonce
        if max_owners is not None:
            account.max_owners = max_owners
        if min_ownership_percentage is not None:
            account.min_ownership_percentage = min_ownership_percentage
        issued = tenancy.create_signing_credentials(session, MASTER_KEY, account)
        pricing = tenancy.create_pricing_model(session, account, "Standard")
        equipment = tenancy.create_equipment_collection(session, account, "Terminals")
        return SeededAccount(account.id, issued, pricing.id, equipment.id)
