"""The response envelope: `{meta: {status, trace_id, version[, warnings]}, data}` or `{meta, errors}`."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import Response

API_VERSION = "2025-03-24"
SUPPORTED_VERSIONS = (API_VERSION,)
TRACE_HEADER = "X-Trace-Id"


def _meta(status: str, trace_id: str, warnings: list[dict[str, str]] | None) -> dict[str, Any]:
    meta: dict[str, Any] = {"status": status, "trace_id": trace_id, "version": API_VERSION}
    if warnings:
        meta["warnings"] = warnings
    return meta


def success(trace_id: str, data: dict[str, Any], warnings: list[dict[str, str]] | None = None) -> Response:
    body = {"meta": _meta("SUCCESS", trace_id, warnings), "data": data}
    return _json(200, body, trace_id)


def failure(trace_id: str, status_code: int, errors: list[dict[str, Any]]) -> Response:
    body = {"meta": _meta("ERROR", trace_id, None), "errors": errors}
    return _json(status_code, body, trace_id)


def _json(status_code: int, body: dict[str, Any], trace_id: str) -> Response:
    return Response(
        orjson.dumps(body),
        status_code=status_code,
        media_type="application/json",
        headers={TRACE_HEADER: trace_id},
    )
