"""The dialect's single HTTP entry point: `POST /<object>.<verb>`."""

from __future__ import annotations

import structlog
from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from clearway.api.kompliant import envelope, methods  # noqa: F401 - importing registers the methods
from clearway.api.kompliant.auth import RequestToVerify, SigningKeyCache
from clearway.api.kompliant.dispatch import CallResult, execute_call
from clearway.api.kompliant.errors import ApiError, api_error_body, http_status
from clearway.api.kompliant.registry import registry
from clearway.audit.sealer import AuditSealer
from clearway.db import Database
from clearway.verification.onboarding import Engine

log = structlog.get_logger("clearway.kompliant")
MAX_BODY_BYTES = 1 << 20
HTTP_VERBS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


def kompliant_router(
    db: Database, master_key: bytes, sealer: AuditSealer, engine: Engine | None = None
) -> APIRouter:
    router = APIRouter()
    keys = SigningKeyCache()

    @router.api_route("/{method_name}", methods=HTTP_VERBS, include_in_schema=False)
    async def call(method_name: str, request: Request) -> Response:
        trace_id: str = request.state.trace_id
        request.state.rpc_method = method_name
        try:
            spec = registry.get(method_name)
            if spec is None:
                raise ApiError("BAD_REQUEST", f"Unknown method '{method_name}'.", sub_code="UNKNOWN_METHOD")
            if request.method != "POST":
                raise ApiError("BAD_REQUEST", f"Methods are called with POST, not {request.method}.")
            body = await _read_body(request)
        except ApiError as error:
            return envelope.failure(trace_id, http_status(error.code), [api_error_body(error)])
        to_verify = RequestToVerify(request.method, request.url.path, request.headers, body)
        try:
            result = await run_in_threadpool(
                execute_call, db, master_key, spec, to_verify, trace_id, keys, engine
            )
        except Exception:
            log.exception("unhandled_error", trace_id=trace_id, method=method_name)
            internal = ApiError("INTERNAL_ERROR", "An internal error occurred; quote the trace id.")
            return envelope.failure(trace_id, 500, [api_error_body(internal)])
        request.state.account_id = result.account_id
        if result.audited and result.account_id:
            sealer.notify(result.account_id)
        return _response(trace_id, result)

    return router


async def _read_body(request: Request) -> bytes:
    content_type = request.headers.get("content-type", "")
    if content_type and "json" not in content_type.lower():
        raise ApiError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise ApiError("PAYLOAD_TOO_LARGE", f"The request body exceeds {MAX_BODY_BYTES} bytes.")
    body = await request.body()
    if len(body) > MAX_BODY_BYTES:
        raise ApiError("PAYLOAD_TOO_LARGE", f"The request body exceeds {MAX_BODY_BYTES} bytes.")
    return body


def _response(trace_id: str, result: CallResult) -> Response:
    if result.errors is not None:
        return envelope.failure(trace_id, result.status_code, result.errors)
    return envelope.success(trace_id, result.data or {}, result.warnings)
