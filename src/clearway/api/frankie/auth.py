"""Header authentication: `api_key` (an API-key credential, stored as a digest), `X-Frankie-CustomerID`
(must be the key's account) and `X-Frankie-CustomerChildID` (one of its child accounts). The acting
user and channel come from `X-Frankie-Username` and `X-Frankie-Channel`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from clearway.api.frankie.errors import unauthorized
from clearway.audit.service import Actor
from clearway.tenancy.models import Account, AccountSnapshot
from clearway.tenancy.service import API_KEY, find_credential

MAX_CHANNEL = 64  # the vendor truncates longer channels
MAX_USERNAME = 200  # the audit column's width
MAX_API_KEY = 200


@dataclass(frozen=True)
class Caller:
    account: AccountSnapshot
    actor: Actor

    @property
    def username(self) -> str | None:
        return self.actor.username


def authenticate(session: Session, headers: Mapping[str, str], request_id: str) -> Caller:
    api_key = headers.get("api_key", "").strip()
    if not api_key:
        raise unauthorized("No api key provided. Access denied.", code="AUTH-0401")
    credential = find_credential(session, api_key) if len(api_key) <= MAX_API_KEY else None
    if credential is None or credential.kind != API_KEY:
        raise unauthorized("Invalid Authentication provided. Access denied.")
    customer_id = headers.get("x-frankie-customerid", "").strip()
    if customer_id != credential.account_id:
        # A missing or foreign customer id: the key does not authorise it (the same answer for both).
        raise unauthorized("The api key does not belong to this CustomerID.", location="X-Frankie-CustomerID")
    account = _effective_account(session, credential.account_id, headers.get("x-frankie-customerchildid"))
    actor = Actor(
        credential.id,
        username=_clean(headers.get("x-frankie-username"), MAX_USERNAME),
        channel=_clean(headers.get("x-frankie-channel"), MAX_CHANNEL) or "api",
        request_id=request_id,
    )
    return Caller(AccountSnapshot.of(account), actor)


def _effective_account(session: Session, account_id: str, child_id: str | None) -> Account:
    child_id = (child_id or "").strip()
    if child_id:
        child = session.get(Account, child_id) if len(child_id) <= MAX_CHANNEL else None
        if child is None or child.parent_id != account_id:
            raise unauthorized(
                "Unknown CustomerChildID for this customer.", location="X-Frankie-CustomerChildID"
            )
        return child
    account = session.get(Account, account_id)
    assert account is not None  # the credential's foreign key
    return account


def _clean(value: str | None, limit: int) -> str | None:
    value = (value or "").strip()
    return value[:limit] or None
