"""Fixtures of the application-dialect API tests: a second tenant and clients of any account."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import pytest
from fastapi.testclient import TestClient

from clearway.client import KompliantClient
from clearway.db import Database
from tests.support.factories import SeededAccount, make_account

ClientFor = Callable[..., KompliantClient]


@pytest.fixture
def client_for(http: TestClient) -> ClientFor:
    def build(account: SeededAccount, mode: Literal["full", "minimal"] = "full") -> KompliantClient:
        creds = account.credentials
        return KompliantClient(
            "http://testserver", creds.api_key, creds.secret_key, creds.auth_token, mode=mode, http=http
        )

    return build


@pytest.fixture
def other_account(database: Database) -> SeededAccount:
    """A second tenant, unrelated to `account`."""
    return make_account(database)


@pytest.fixture
def other_client(client_for: ClientFor, other_account: SeededAccount) -> KompliantClient:
    return client_for(other_account)
