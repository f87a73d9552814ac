"""Authenticating a request signed with KSig1-HMAC-SHA256, against the credentials in the database."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from clearway.api.kompliant import signing
from clearway.api.kompliant.errors import ApiError
from clearway.tenancy.models import Account, AccountSnapshot, Credential
from clearway.tenancy.secrets import SecretDecryptionError, decrypt_secret, digest, digests_equal
from clearway.tenancy.service import SIGNING, find_credential, record_nonce

MAX_NONCE_LENGTH = 128
MAX_TIMESTAMP_DIGITS = 12  # unix seconds until the year 33658


@dataclass(frozen=True)
class RequestToVerify:
    method: str
    path: str
    headers: Mapping[str, str]  # lower-case names
    body: bytes


@dataclass(frozen=True)
class Caller:
    account: AccountSnapshot
    credential_id: str
    # Plain copies: the ORM row expires when a failed call rolls back, these stay readable.
    account_id: str
    clock_skew_seconds: int


@dataclass(frozen=True)
class SigningKey:
    credential_id: str
    account_id: str
    auth_token_hash: str
    secret_key: str
    account: AccountSnapshot


class SigningKeyCache:
    """Signing credentials by API-key digest, decrypted, for a few seconds: saves a query and an AES
    decryption per request. A revoked credential stops working within `ttl_seconds`. Misses are not
    cached, so unknown keys cannot fill it."""

    MAX_ENTRIES = 10_000

    def __init__(self, ttl_seconds: float = 10.0) -> None:
        self.ttl_seconds = ttl_seconds
        self._entries: dict[str, tuple[float, SigningKey]] = {}

    def lookup(self, session: Session, api_key: str, master_key: bytes) -> SigningKey | None:
        key_digest, now = digest(api_key), time.monotonic()
        cached = self._entries.get(key_digest)
        if cached is not None and cached[0] > now:
            return cached[1]
        credential = find_credential(session, api_key)
        if credential is None or credential.kind != SIGNING:
            return None
        account = session.get(Account, credential.account_id)
        assert account is not None  # foreign key
        key = SigningKey(
            credential.id,
            credential.account_id,
            credential.auth_token_hash or "",
            _decrypt(credential, master_key),
            AccountSnapshot.of(account),
        )
        if len(self._entries) >= self.MAX_ENTRIES:
            self._entries.clear()
        self._entries[key_digest] = (now + self.ttl_seconds, key)
        return key


def _decrypt(credential: Credential, master_key: bytes) -> str:
    try:
        return decrypt_secret(master_key, credential.secret_key_encrypted or b"")
    except SecretDecryptionError as exc:
        # The server's master key is not the one the secret was stored under: a deployment error, but
        # to the caller it is indistinguishable from a bad signature.
        raise ApiError("AUTH_SIGNATURE_MISMATCH", "The signature does not match.") from exc


def authenticate(
    session: Session,
    request: RequestToVerify,
    master_key: bytes,
    now: datetime,
    keys: SigningKeyCache | None = None,
) -> Caller:
    authorization, api_key, auth_token = _required_headers(request.headers)
    presented = _parse_authorization(authorization)
    elements = _signed_elements(request.headers)
    key = (keys or SigningKeyCache(ttl_seconds=0)).lookup(session, api_key, master_key)
    if key is None:
        raise ApiError("AUTH_INVALID_API_KEY", "The API key is not valid.")
    if not digests_equal(digest(auth_token), key.auth_token_hash):
        raise ApiError("AUTH_INVALID_AUTH_TOKEN", "The auth token is not valid for this API key.")
    _verify_signature(key.secret_key, elements, request, api_key, presented)
    account = key.account
    _enforce_freshness(session, account, key.credential_id, elements, request.headers, now)
    return Caller(account, key.credential_id, account.id, account.max_clock_skew_seconds)


def _required_headers(headers: Mapping[str, str]) -> tuple[str, str, str]:
    names = ("Authorization", "X-API-Key", "X-API-Auth-Token")
    missing = [name for name in names if not headers.get(name.lower(), "").strip()]
    if missing:
        raise ApiError(
            "AUTH_MISSING_HEADER",
            f"Missing required header(s): {', '.join(missing)}.",
            details=[{"field": name, "message": "header is required"} for name in missing],
        )
    return headers["authorization"], headers["x-api-key"].strip(), headers["x-api-auth-token"].strip()


def _parse_authorization(value: str) -> str:
    scheme, _, signature = value.strip().partition(" ")
    if scheme != signing.SCHEME or not signature.strip():
        raise ApiError(
            "AUTH_INVALID_HEADER",
            f"The Authorization header must be '{signing.SCHEME} <base64 signature>'.",
            details=[{"field": "Authorization", "message": "malformed"}],
        )
    return signature.strip()


def _signed_elements(headers: Mapping[str, str]) -> list[str]:
    try:
        return signing.parse_signed_elements(headers.get("x-api-signed-elements"))
    except signing.SignedElementsError as exc:
        raise ApiError(
            "AUTH_INVALID_HEADER",
            f"X-API-Signed-Elements: {exc}.",
            details=[{"field": "X-API-Signed-Elements", "message": str(exc)}],
        ) from exc


def _element_values(elements: list[str], request: RequestToVerify, api_key: str) -> dict[str, str]:
    values = {
        signing.API_KEY: api_key,
        signing.HTTP_VERB: request.method.upper(),
        signing.URL_PATH: request.path,
    }
    for name in elements:
        if name in values:
            continue
        header = signing.ELEMENT_HEADERS[name]
        value = request.headers.get(header.lower(), "").strip()
        if not value:
            raise ApiError(
                "AUTH_MISSING_HEADER",
                f"{name} is a signed element but header {header} is missing.",
                details=[{"field": header, "message": "header is required when signed"}],
            )
        values[name] = value
    return values


def _verify_signature(
    secret: str, elements: list[str], request: RequestToVerify, api_key: str, presented: str
) -> None:
    message = signing.string_to_sign(elements, _element_values(elements, request, api_key))
    if not signing.signatures_match(signing.sign(secret, message), presented):
        raise ApiError("AUTH_SIGNATURE_MISMATCH", "The signature does not match the request.")
    content_hash = request.headers.get("x-api-content-hash")
    if content_hash is not None and not signing.signatures_match(
        signing.content_md5(request.body), content_hash.strip()
    ):
        raise ApiError(
            "AUTH_SIGNATURE_MISMATCH",
            "X-API-Content-Hash does not match the request body.",
            details=[{"field": "X-API-Content-Hash", "message": "does not match the body"}],
        )


def _enforce_freshness(
    session: Session,
    account: AccountSnapshot,
    credential_id: str,
    elements: list[str],
    headers: Mapping[str, str],
    now: datetime,
) -> None:
    """Beyond the vendor: a signed timestamp must be within the account's window and a signed nonce must
    not have been used within it; an account can require both."""
    has_timestamp, has_nonce = signing.TIMESTAMP in elements, signing.NONCE in elements
    if account.require_timestamp_and_nonce and not (has_timestamp and has_nonce):
        raise ApiError(
            "AUTH_INVALID_HEADER",
            "This account requires Timestamp and Nonce to be signed.",
            sub_code="TIMESTAMP_AND_NONCE_REQUIRED",
            details=[{"field": "X-API-Signed-Elements", "message": "must include Timestamp;Nonce"}],
        )
    window = timedelta(seconds=account.max_clock_skew_seconds)
    if has_timestamp:
        _check_timestamp(headers["x-api-timestamp"].strip(), now, window)
    if has_nonce:
        nonce = headers["x-api-nonce"].strip()
        if len(nonce) > MAX_NONCE_LENGTH:
            raise ApiError(
                "AUTH_INVALID_HEADER",
                f"X-API-Nonce is longer than {MAX_NONCE_LENGTH} characters.",
                details=[{"field": "X-API-Nonce", "message": "too long"}],
            )
        # Kept twice the window: a timestamp may lie up to one window in the future.
        if not record_nonce(session, credential_id, nonce, now + 2 * window):
            raise ApiError(
                "AUTH_INVALID_HEADER",
                "X-API-Nonce has already been used (replayed request).",
                sub_code="NONCE_REUSED",
                details=[{"field": "X-API-Nonce", "message": "reused"}],
            )


def _check_timestamp(value: str, now: datetime, window: timedelta) -> None:
    # ASCII digits only (str.isdigit also accepts e.g. "²", which int() refuses) and a bounded length
    # (a huge integer overflows the float arithmetic below): both would otherwise end in a 500.
    if not (value.isascii() and value.isdigit()) or len(value) > MAX_TIMESTAMP_DIGITS:
        raise ApiError(
            "AUTH_INVALID_HEADER",
            "X-API-Timestamp must be unix seconds.",
            details=[{"field": "X-API-Timestamp", "message": "must be unix seconds"}],
        )
    skew = abs(now.timestamp() - int(value))
    if skew > window.total_seconds():
        raise ApiError(
            "AUTH_INVALID_HEADER",
            f"X-API-Timestamp is {int(skew)} s away from the server clock "
            f"(allowed: {int(window.total_seconds())} s).",
            sub_code="TIMESTAMP_OUT_OF_WINDOW",
            details=[{"field": "X-API-Timestamp", "message": "outside the allowed clock skew"}],
        )
