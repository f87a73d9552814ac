"""The dialect's `Error` format and the one place where domain error codes become vendor errors.

Shape: `{"errorCode", "errorMsg", "details": [{"issue", "issueLocation", "issueType"?}], "requestId"}`.
Codes follow the vendor's prefixes: API (request), AUTH (credentials), VAL (field values), ENT (entities)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from clearway.errors import DomainError
from clearway.verification.ids import new_ulid

REQUEST_ID_HEADER = "X-Frankie-RequestID"


@dataclass(frozen=True)
class Issue:
    issue: str
    location: str
    issue_type: str | None = None

    def wire(self) -> dict[str, str]:
        body = {"issue": self.issue, "issueLocation": self.location}
        if self.issue_type:
            body["issueType"] = self.issue_type
        return body


@dataclass
class FrankieError(Exception):
    status: int
    code: str
    message: str
    details: list[Issue] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message)


# DomainError.code -> (HTTP status, vendor error code). Anything unlisted is a 400.
_BY_DOMAIN_CODE: dict[str, tuple[int, str]] = {
    "BAD_REQUEST": (400, "VAL-0400"),
    "ENTITY_NOT_FOUND": (404, "ENT-0404"),
    "SYSTEM_RULE_VIOLATION": (400, "API-0400"),
    "ACCOUNT_CONFIGURATION_VIOLATION": (400, "API-0400"),
    "MISSING_REQUIREMENTS": (400, "API-0400"),
    "ALREADY_EXISTS": (409, "API-0409"),
    "CONFLICT": (409, "API-0409"),
}


def from_domain(error: DomainError) -> FrankieError:
    status, code = _BY_DOMAIN_CODE.get(error.code, (400, "API-0400"))
    issues = [Issue(detail.message, detail.field) for detail in error.details]
    if not issues:
        issues = [Issue(error.message, error.entity_type or "request", error.sub_code)]
    return FrankieError(status, code, error.message, issues)


class NulCharacters(ValueError):
    """A request string holding NUL (PostgreSQL text cannot store it), raised by a request model's
    validator: it carries the field's location so that the answer names the field, not just the body."""

    def __init__(self, location: str) -> None:
        super().__init__(f"NUL (\\u0000) characters are not accepted (at {location})")
        self.location = location


def unauthorized(issue: str, code: str = "AUTH-0002", location: str = "request") -> FrankieError:
    return FrankieError(401, code, "Unauthorized", [Issue(issue, location)])


def not_found(what: str, location: str) -> FrankieError:
    return FrankieError(404, "ENT-0404", f"{what} not found", [Issue(f"{what} not found", location)])


def invalid(issue: str, location: str) -> FrankieError:
    return FrankieError(400, "VAL-0400", "Invalid request", [Issue(issue, location)])


def request_id_of(request: Request) -> str:
    """The request's id, made on first use (errors raised before any route code still get one)."""
    existing: str | None = getattr(request.state, "frankie_request_id", None)
    if existing is None:
        existing = new_ulid()
        request.state.frankie_request_id = existing
    return existing


def error_response(request: Request, error: FrankieError) -> JSONResponse:
    request_id = request_id_of(request)
    body: dict[str, Any] = {
        "errorCode": error.code,
        "errorMsg": error.message,
        "details": [issue.wire() for issue in error.details],
        "requestId": request_id,
    }
    return JSONResponse(body, status_code=error.status, headers={REQUEST_ID_HEADER: request_id})


def validation_error(errors: Sequence[Any]) -> FrankieError:
    issues = [Issue(str(item.get("msg", "invalid")), _item_location(item)) for item in errors]
    return FrankieError(400, "API-0400", "Multiple Errors: See Issues list", issues)


def _item_location(item: dict[str, Any]) -> str:
    cause = (item.get("ctx") or {}).get("error")
    if isinstance(cause, NulCharacters):  # found by a model-wide check: pydantic only knows "body"
        return cause.location
    return _location(item.get("loc", ()))


def _location(loc: Sequence[Any]) -> str:
    """`("body", "comment", "text")` -> `comment.text`; `("path", "entityId")` -> `entityId`."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "path", "query", "header"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


async def frankie_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FrankieError)
    return error_response(request, exc)


async def request_validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, validation_error(exc.errors()))


def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    """Unknown paths and wrong methods under /v2, in the vendor's format."""
    if exc.status_code == 404:
        error = FrankieError(
            404, "API-0404", "Not Found", [Issue(f"Unknown path {request.url.path}", "path")]
        )
    elif exc.status_code == 405:
        error = FrankieError(405, "API-0405", "Method Not Allowed", [Issue(str(exc.detail), "method")])
    else:
        error = FrankieError(exc.status_code, f"API-{exc.status_code:04d}", str(exc.detail))
    return error_response(request, error)
