"""A ceiling on /v2 request bodies, answered in the dialect's error format (413) before any of it is
parsed. Without it a client could make the server hold a body of any size in memory.

The vendor's individuals may carry documents with their scans inline (base64), hence a ceiling well above
the application dialect's 1 MiB. A declared Content-Length over the ceiling is refused without reading; a
body sent without one (chunked) is read up to the ceiling, then refused or handed on whole."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearway.api.frankie.errors import FrankieError, Issue, error_response

MAX_BODY_BYTES = 10 << 20
PREFIX = "/v2/"


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(PREFIX):
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None:
            if declared > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            await self.app(scope, receive, send)  # the server holds the client to its declared length
            return
        body = await _read_at_most(receive, self.max_bytes)
        if body is None:
            await self._refuse(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = FrankieError(
            413,
            "API-0413",
            "Payload Too Large",
            [Issue(f"the request body exceeds {self.max_bytes} bytes", "body")],
        )
        await error_response(Request(scope, receive), error)(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    text = Headers(scope=scope).get("content-length", "").strip()
    return int(text) if text.isdigit() else None


async def _read_at_most(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it grows past `limit`."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client went away: hand on what came, the app sees the disconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()  # after the body: disconnect notices
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay
