"""The dialect's errors and the one place where domain error codes become HTTP statuses."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clearway.errors import DomainError

HTTP_STATUS_BY_CODE = {
    "BAD_REQUEST": 400,
    "ENTITY_NOT_FOUND": 400,  # the vendor answers 400, not 404
    "SYSTEM_RULE_VIOLATION": 400,
    "ACCOUNT_CONFIGURATION_VIOLATION": 400,
    "MISSING_REQUIREMENTS": 400,
    "UNKNOWN_VERSION": 400,
    "UNKNOWN_METHOD": 400,
    "ALREADY_EXISTS": 400,
    "AUTH_INVALID_HEADER": 401,
    "AUTH_INVALID_API_KEY": 401,
    "AUTH_INVALID_AUTH_TOKEN": 401,
    "AUTH_SIGNATURE_MISMATCH": 401,
    "AUTH_MISSING_HEADER": 401,
    "CONFLICT": 409,
    "PAYLOAD_TOO_LARGE": 413,
    "UNSUPPORTED_MEDIA_TYPE": 415,
    "INTERNAL_ERROR": 500,
}


@dataclass
class ApiError(Exception):
    """An error raised by the dialect itself (authentication, envelope, version)."""

    code: str
    message: str
    sub_code: str | None = None
    details: list[dict[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message)


def http_status(code: str) -> int:
    return HTTP_STATUS_BY_CODE.get(code, 400)


def api_error_body(error: ApiError) -> dict[str, Any]:
    return _error_item(error.code, error.message, error.sub_code, None, error.details)


def domain_error_body(error: DomainError) -> dict[str, Any]:
    details = [{"field": issue.field, "message": issue.message} for issue in error.details]
    body = _error_item(error.code, error.message, error.sub_code, error.entity_type, details)
    missing = getattr(error, "missing", None)
    if missing:  # MISSING_REQUIREMENTS names what is missing, as canComplete does
        body["missing_requirements"] = [requirement.__dict__ for requirement in missing]
    return body


def _error_item(
    code: str, message: str, sub_code: str | None, entity_type: str | None, details: list[dict[str, str]]
) -> dict[str, Any]:
    item: dict[str, Any] = {"code": code, "message": message}
    if sub_code:
        item["sub_code"] = sub_code
    if entity_type:
        item["entity_type"] = entity_type
    if details:
        item["details"] = details
    return item
