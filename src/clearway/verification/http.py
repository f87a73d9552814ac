"""The EXTERNAL step's HTTP call: a signed JSON POST with a timeout and bounded retries with exponential
backoff. Connection failures, timeouts, 429 and 5xx are retried (the endpoint may recover); other 4xx
are not (asking again will not change the answer)."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable
from typing import Any

import httpx

from clearway.verification.steps.base import StepFailure
from clearway.verification.steps.external import SIGNATURE_HEADER, ExternalAnswer


def sign(secret: str, body: bytes) -> str:
    """`sha256=<hex HMAC-SHA256 of the exact body bytes>`: the receiver recomputes it over what it read."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post_signed(
    step_name: str,
    url: str,
    payload: dict[str, Any],
    secret: str | None,
    timeout: float,
    retries: int,
    backoff: float,
    sleep: Callable[[float], None] = time.sleep,
) -> ExternalAnswer:
    body = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()
    headers = {"Content-Type": "application/json"}
    if secret:
        headers[SIGNATURE_HEADER] = sign(secret, body)
    problem = "no attempt made"
    with httpx.Client(timeout=timeout) as client:
        for attempt in range(retries + 1):
            if attempt:
                sleep(backoff * 2 ** (attempt - 1))
            try:
                response = client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}"
                continue
            if response.status_code == 429 or response.status_code >= 500:
                problem = f"HTTP {response.status_code}"
                continue
            if response.status_code >= 400:
                raise StepFailure(step_name, f"the endpoint refused the request: HTTP {response.status_code}")
            try:
                data = response.json()
            except ValueError as exc:
                raise StepFailure(step_name, "the endpoint did not answer JSON") from exc
            if not isinstance(data, dict):
                raise StepFailure(step_name, "the endpoint's answer is not a JSON object")
            return ExternalAnswer(response.status_code, data, attempt + 1)
    raise StepFailure(step_name, f"the endpoint failed after {retries + 1} attempts: {problem}")
