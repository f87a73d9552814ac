"""Executing one call: authenticate, check the version, validate, run the handler, commit; or map the
failure to the dialect's error envelope. Runs in a worker thread, one transaction per call."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson
import structlog
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from clearway.api.kompliant import signing
from clearway.api.kompliant.auth import Caller, RequestToVerify, SigningKeyCache, authenticate
from clearway.api.kompliant.envelope import SUPPORTED_VERSIONS
from clearway.api.kompliant.errors import ApiError, api_error_body, domain_error_body, http_status
from clearway.api.kompliant.registry import CallContext, MethodSpec
from clearway.api.nul import find_nul
from clearway.audit.service import Actor
from clearway.db import Database, utcnow
from clearway.errors import DomainError, NotFound
from clearway.tenancy.models import Account, AccountLike
from clearway.tenancy.service import record_nonce
from clearway.verification.onboarding import Engine

log = structlog.get_logger("clearway.kompliant")


@dataclass(frozen=True)
class CallResult:
    status_code: int
    data: dict[str, Any] | None = None
    errors: list[dict[str, Any]] | None = None
    warnings: list[dict[str, str]] | None = None
    account_id: str | None = None
    audited: bool = False


def execute_call(
    db: Database,
    master_key: bytes,
    spec: MethodSpec,
    request: RequestToVerify,
    trace_id: str,
    keys: SigningKeyCache | None = None,
    engine: Engine | None = None,
) -> CallResult:
    now = utcnow()
    caller: Caller | None = None
    try:
        with db.transaction() as session:
            caller = authenticate(session, request, master_key, now, keys)
            _check_version(request.headers)
            payload = _validate(spec, request.body)
            context = CallContext(
                session,
                _effective_account(session, caller, payload),
                Actor(caller.credential_id, request_id=trace_id),
                spec.name,
                engine=engine,
            )
            context.warnings.extend(unknown_field_warnings(payload))
            data = spec.handler(context, payload).model_dump(mode="json")
        return CallResult(
            200, data=data, warnings=context.warnings, account_id=context.account.id, audited=context.audited
        )
    except ApiError as error:
        _keep_nonce_after_failure(db, caller, request.headers, now)
        return CallResult(http_status(error.code), errors=[api_error_body(error)], account_id=_id(caller))
    except DomainError as error:
        _keep_nonce_after_failure(db, caller, request.headers, now)
        return CallResult(http_status(error.code), errors=[domain_error_body(error)], account_id=_id(caller))


def _id(caller: Caller | None) -> str | None:
    return caller.account_id if caller else None


def _check_version(headers: Mapping[str, str]) -> None:
    version = headers.get("x-api-version")
    if version is not None and version.strip() not in SUPPORTED_VERSIONS:
        raise ApiError(
            "UNKNOWN_VERSION",
            f"Unknown API version '{version.strip()}'; supported: {', '.join(SUPPORTED_VERSIONS)}.",
            details=[{"field": "X-API-Version", "message": "unknown version"}],
        )


def _validate(spec: MethodSpec, body: bytes) -> BaseModel:
    try:
        raw = orjson.loads(body) if body.strip() else {}
    except orjson.JSONDecodeError as exc:
        raise ApiError(
            "BAD_REQUEST",
            f"The request body is not valid JSON: {exc}.",
            details=[{"field": "body", "message": "invalid JSON"}],
        ) from exc
    if not isinstance(raw, dict):
        raise ApiError(
            "BAD_REQUEST",
            "The request body must be a JSON object.",
            details=[{"field": "body", "message": "must be a JSON object"}],
        )
    # PostgreSQL text cannot hold NUL: refuse it here rather than fail in SQL. JSON can only carry it
    # escaped, so bodies without that escape skip the walk.
    with_nul = find_nul(raw) if b"\\u0000" in body else None
    if with_nul is not None:
        field = _field_path(with_nul)
        raise ApiError(
            "BAD_REQUEST",
            f"Invalid or missing parameters: {field}.",
            details=[{"field": field, "message": "must not contain NUL (\\u0000) characters"}],
        )
    try:
        return spec.request.model_validate(raw)
    except ValidationError as exc:
        details = [{"field": _field_path(issue["loc"]), "message": issue["msg"]} for issue in exc.errors()]
        fields = ", ".join(dict.fromkeys(detail["field"] for detail in details))
        raise ApiError("BAD_REQUEST", f"Invalid or missing parameters: {fields}.", details=details) from exc


def _field_path(location: tuple[int | str, ...]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part in {"function-after", "function-before", "function-plain"} or "[" in str(part):
            continue  # pydantic's names for validator layers are not fields
        else:
            path += ("." if path else "") + str(part)
    return path or "body"


def _effective_account(session: Session, caller: Caller, payload: BaseModel) -> AccountLike:
    """`account_id` may name the caller's own account or one of its child accounts."""
    requested = getattr(payload, "account_id", None)
    if requested is None or requested == caller.account.id:
        return caller.account
    account = session.get(Account, requested)
    if account is None or account.parent_id != caller.account.id:
        raise NotFound("Account", requested, "account_id")
    return account


def unknown_field_warnings(model: BaseModel, prefix: str = "") -> list[dict[str, str]]:
    warnings = [
        {
            "code": "UNKNOWN_FIELD",
            "field": f"{prefix}{name}",
            "message": f"'{prefix}{name}' is not a parameter of this method and was ignored",
        }
        for name in (model.model_extra or {})
    ]
    for name in model.model_fields_set:
        warnings.extend(_nested_warnings(getattr(model, name), f"{prefix}{name}"))
    return warnings


def _nested_warnings(value: object, path: str) -> list[dict[str, str]]:
    if isinstance(value, BaseModel):
        return unknown_field_warnings(value, path + ".")
    if isinstance(value, list):
        return [w for index, item in enumerate(value) for w in _nested_warnings(item, f"{path}[{index}]")]
    return []


def _keep_nonce_after_failure(
    db: Database, caller: Caller | None, headers: Mapping[str, str], now: datetime
) -> None:
    """A failed call rolls back its transaction, nonce included; re-record the nonce so that a signed
    request cannot be replayed even when it failed."""
    nonce = headers.get("x-api-nonce", "").strip()
    elements = headers.get("x-api-signed-elements") or ""
    if caller is None or not nonce or signing.NONCE not in elements.split(";"):
        return
    window = 2 * caller.clock_skew_seconds
    try:
        with db.transaction() as session:
            record_nonce(
                session,
                caller.credential_id,
                nonce,
                datetime.fromtimestamp(now.timestamp() + window, tz=now.tzinfo),
            )
    except Exception:
        log.warning("nonce_not_recorded_after_failure", credential=caller.credential_id)
