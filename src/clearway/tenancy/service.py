"""Accounts, credentials, signing nonces, pricing models and equipment collections."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from clearway.db.base import utcnow
from clearway.errors import DomainError, InvalidInput, NotFound
from clearway.ids import new_id, random_base62
from clearway.tenancy import secrets as credential_secrets
from clearway.tenancy.models import (
    Account,
    AccountLike,
    Credential,
    EquipmentCollection,
    PricingModel,
    UsedNonce,
)

ACCOUNT_ID_PATTERN = re.compile(r"^(sb|lv)_[A-Za-z0-9]{3,60}$")
SIGNING = "signing"
API_KEY = "api-key"  # the verification dialect's `api_key` header: one secret, no signature


@dataclass(frozen=True)
class IssuedCredentials:
    """What a caller receives once; only digests and the encrypted secret are kept."""

    account_id: str
    credential_id: str
    api_key: str
    secret_key: str
    auth_token: str


def environment_prefix(account: AccountLike) -> str:
    return "lv" if account.is_live else "sb"


def create_account(
    session: Session,
    name: str,
    account_id: str | None = None,
    live: bool = False,
    parent_id: str | None = None,
    allow_duplicate_emails: bool = False,
) -> Account:
    name = name.strip()
    if not name:
        raise InvalidInput("name", "must not be empty")
    prefix = "lv" if live else "sb"
    if account_id is None:
        account_id = f"{prefix}_{random_base62(12)}"
    elif not ACCOUNT_ID_PATTERN.match(account_id):
        raise InvalidInput("id", "must look like sb_xxx or lv_xxx (letters and digits)")
    elif not account_id.startswith(prefix + "_"):
        raise InvalidInput("id", f"a {'live' if live else 'sandbox'} account id starts with {prefix}_")
    if session.get(Account, account_id) is not None:
        raise DomainError(f"account '{account_id}' already exists", "ALREADY_EXISTS")
    if parent_id is not None:
        parent = get_account(session, parent_id)
        if parent.is_live != live:
            raise InvalidInput("parent", "a child account lives in its parent's environment")
    account = Account(
        id=account_id,
        name=name,
        is_live=live,
        parent_id=parent_id,
        allow_duplicate_applicant_emails=allow_duplicate_emails,
    )
    session.add(account)
    session.flush()
    return account


def get_account(session: Session, account_id: str) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFound("Account", account_id)
    return account


def has_live_accounts(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Account).where(Account.is_live)))


def create_signing_credentials(
    session: Session,
    master_key: bytes,
    account: AccountLike,
    api_key: str | None = None,
    secret_key: str | None = None,
    auth_token: str | None = None,
) -> IssuedCredentials:
    """New KSig1 credentials, or the import of existing ones given in full (migrating from the vendor)."""
    imported = (api_key, secret_key, auth_token)
    if any(imported) and not all(imported):
        raise InvalidInput("api_key", "to import credentials give --api-key, --secret-key and --auth-token")
    prefix = environment_prefix(account)
    api_key = api_key or credential_secrets.new_api_key(prefix)
    secret_key = secret_key or credential_secrets.new_secret_key()
    auth_token = auth_token or credential_secrets.new_auth_token()
    _check_importable(session, prefix, api_key, secret_key)
    credential = Credential(
        id=new_id("cred"),
        account_id=account.id,
        kind=SIGNING,
        api_key_hash=credential_secrets.digest(api_key),
        api_key_hint=api_key[:8],
        auth_token_hash=credential_secrets.digest(auth_token),
        secret_key_encrypted=credential_secrets.encrypt_secret(master_key, secret_key),
    )
    session.add(credential)
    session.flush()
    return IssuedCredentials(account.id, credential.id, api_key, secret_key, auth_token)


def create_api_key_credential(session: Session, account: AccountLike) -> tuple[Credential, str]:
    """A new API key for the verification dialect; only its digest is kept, the key is returned once."""
    api_key = credential_secrets.new_api_key(environment_prefix(account))
    credential = Credential(
        id=new_id("cred"),
        account_id=account.id,
        kind=API_KEY,
        api_key_hash=credential_secrets.digest(api_key),
        api_key_hint=api_key[:8],
    )
    session.add(credential)
    session.flush()
    return credential, api_key


def _check_importable(session: Session, prefix: str, api_key: str, secret_key: str) -> None:
    if not api_key.startswith(prefix + "_"):
        raise InvalidInput("api_key", f"credentials of this account's environment start with {prefix}_")
    if not credential_secrets.is_valid_secret_key_text(secret_key):
        raise InvalidInput("secret_key", "must be base64 text")
    if find_credential(session, api_key) is not None:
        raise DomainError("these credentials already exist", "ALREADY_EXISTS")


def find_credential(session: Session, api_key: str) -> Credential | None:
    digest = credential_secrets.digest(api_key)
    query = select(Credential).where(Credential.api_key_hash == digest, Credential.revoked_at.is_(None))
    return session.scalars(query).one_or_none()


def record_nonce(session: Session, credential_id: str, nonce: str, expires_at: datetime) -> bool:
    """Remember a nonce until it expires; False when it was already used (a replay). The insert is a
    single statement that ignores conflicts, so two concurrent replays cannot both succeed."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(UsedNonce)
        .values(credential_id=credential_id, nonce=nonce, expires_at=expires_at)
        .on_conflict_do_nothing()
        # SQLAlchemy 2.1 reports rowcount -1 for an INSERT on psycopg unless asked to keep it: without
        # this every replay looked like a first use on PostgreSQL.
        .execution_options(preserve_rowcount=True)
    )
    result = session.execute(statement)
    if next(_nonce_writes) % PURGE_NONCES_EVERY == 0:  # keep the table to about one window of nonces
        purge_expired_nonces(session, utcnow())
    return bool(result.rowcount)  # type: ignore[attr-defined]


PURGE_NONCES_EVERY = 1000
_nonce_writes = itertools.count(1)


def purge_expired_nonces(session: Session, now: datetime) -> int:
    result = session.execute(delete(UsedNonce).where(UsedNonce.expires_at < now))
    return int(result.rowcount)  # type: ignore[attr-defined]


def create_pricing_model(session: Session, account: AccountLike, name: str) -> PricingModel:
    model = PricingModel(
        id=new_id("pm"), account_id=account.id, name=_catalog_name(session, PricingModel, account, name)
    )
    session.add(model)
    session.flush()
    return model


def create_equipment_collection(session: Session, account: AccountLike, name: str) -> EquipmentCollection:
    collection = EquipmentCollection(
        id=new_id("ec"),
        account_id=account.id,
        name=_catalog_name(session, EquipmentCollection, account, name),
    )
    session.add(collection)
    session.flush()
    return collection


def _catalog_name(
    session: Session, model: type[PricingModel] | type[EquipmentCollection], account: AccountLike, name: str
) -> str:
    name = name.strip()
    if not name:
        raise InvalidInput("name", "must not be empty")
    exists = session.scalar(select(model.id).where(model.account_id == account.id, model.name == name))
    if exists:
        raise DomainError(f"'{name}' already exists in account {account.id}", "ALREADY_EXISTS")
    return name


def get_pricing_model(session: Session, account_id: str, model_id: str, field: str) -> PricingModel:
    model = session.get(PricingModel, model_id)
    if model is None or model.account_id != account_id:
        raise NotFound("PricingModel", model_id, field)
    return model


def get_equipment_collection(
    session: Session, account_id: str, collection_id: str, field: str
) -> EquipmentCollection:
    collection = session.get(EquipmentCollection, collection_id)
    if collection is None or collection.account_id != account_id:
        raise NotFound("EquipmentCollection", collection_id, field)
    return collection
