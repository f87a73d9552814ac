"""A small client of the application dialect that signs every request with KSig1-HMAC-SHA256.

    with KompliantClient("http://127.0.0.1:8000", api_key, secret_key, auth_token) as client:
        data = client.call("workflow.update", {"workflow_id": "w_…", "workflow": {...}})

Full mode (default) signs HTTP-Verb, URL-Path, Timestamp, API-Version, Nonce and Content-MD5 after the
API key; minimal mode signs the API key alone.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Any, Literal, Self

import httpx
import orjson

from clearway.api.kompliant import signing
from clearway.api.kompliant.envelope import API_VERSION

FULL_MODE_ELEMENTS = (
    signing.HTTP_VERB,
    signing.URL_PATH,
    signing.TIMESTAMP,
    signing.API_VERSION,
    signing.NONCE,
    signing.CONTENT_MD5,
)


class KompliantError(Exception):
    """An ERROR envelope: `errors` as the server sent them."""

    def __init__(self, status_code: int, errors: list[dict[str, Any]], trace_id: str | None) -> None:
        first = errors[0] if errors else {}
        super().__init__(f"{status_code} {first.get('code')}: {first.get('message')} (trace {trace_id})")
        self.status_code, self.errors, self.trace_id = status_code, errors, trace_id

    @property
    def code(self) -> str | None:
        return self.errors[0].get("code") if self.errors else None


class Signer:
    """Computes the KSig1 headers of one request."""

    def __init__(
        self,
        api_key: str,
        secret_key: str,
        auth_token: str,
        mode: Literal["full", "minimal"] = "full",
        elements: Sequence[str] = FULL_MODE_ELEMENTS,
        version: str = API_VERSION,
    ) -> None:
        self.api_key, self.secret_key, self.auth_token = api_key, secret_key, auth_token
        self.elements = list(elements) if mode == "full" else []
        self.version = version

    def headers(
        self, verb: str, path: str, body: bytes, timestamp: int | None = None, nonce: str | None = None
    ) -> dict[str, str]:
        headers = {
            "X-API-Key": self.api_key,
            "X-API-Auth-Token": self.auth_token,
            "X-API-Version": self.version,
            "Content-Type": "application/json",
        }
        values = {
            signing.API_KEY: self.api_key,
            signing.HTTP_VERB: verb.upper(),
            signing.URL_PATH: path,
            signing.API_VERSION: self.version,
        }
        if self.elements:
            values[signing.TIMESTAMP] = str(timestamp if timestamp is not None else int(time.time()))
            values[signing.NONCE] = nonce or secrets.token_urlsafe(16)
            values[signing.CONTENT_MD5] = signing.content_md5(body)
            headers["X-API-Signed-Elements"] = ";".join(self.elements)
            for name in self.elements:
                if name in signing.ELEMENT_HEADERS:
                    headers[signing.ELEMENT_HEADERS[name]] = values[name]
        order = signing.parse_signed_elements(headers.get("X-API-Signed-Elements"))
        signature = signing.sign(self.secret_key, signing.string_to_sign(order, values))
        headers["Authorization"] = signing.authorization_header(signature)
        return headers


class KompliantClient:
    def __init__(
        self,
        base_url: str,
        api_key: str,
        secret_key: str,
        auth_token: str,
        mode: Literal["full", "minimal"] = "full",
        timeout: float = 10.0,
        http: httpx.Client | None = None,
    ) -> None:
        self.signer = Signer(api_key, secret_key, auth_token, mode)
        self._http = http or httpx.Client(base_url=base_url, timeout=timeout)

    def send(self, method: str, params: dict[str, Any] | None = None) -> httpx.Response:
        """POST `/<method>` signed; the raw response, whatever its status."""
        body = orjson.dumps(params or {})
        path = f"/{method}"
        return self._http.post(path, content=body, headers=self.signer.headers("POST", path, body))

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """The `data` of a SUCCESS envelope; raises KompliantError on an ERROR envelope."""
        response = self.send(method, params)
        document = response.json()
        if response.status_code != 200:
            meta = document.get("meta", {})
            raise KompliantError(response.status_code, document.get("errors", []), meta.get("trace_id"))
        data: dict[str, Any] = document["data"]
        return data

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
