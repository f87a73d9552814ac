"""Pure ASGI middleware (cheaper than BaseHTTPMiddleware on the hot path): a trace id per request,
echoed in a response header, and one structured log event per request."""

from __future__ import annotations

import time
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearway.ids import new_id

log = structlog.get_logger("clearway.request")
TRACE_HEADER = b"x-trace-id"


class RequestLogMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        trace_id = new_id("trc")
        state: dict[str, Any] = scope.setdefault("state", {})
        state["trace_id"] = trace_id
        started = time.perf_counter()
        status = 500

        async def send_with_trace(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != TRACE_HEADER]
                message["headers"] = [*headers, (TRACE_HEADER, trace_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_trace)
        finally:
            log.info(
                "request",
                trace_id=trace_id,
                http_method=scope["method"],
                path=scope["path"],
                status=status,
                duration_ms=round((time.perf_counter() - started) * 1000, 2),
                account=state.get("account_id"),
                method=state.get("rpc_method"),
            )
