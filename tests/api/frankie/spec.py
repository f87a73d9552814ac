"""Validating our responses against the vendor's OpenAPI documents (OpenAPI 3.0: `nullable` becomes a
JSON Schema type union). When the reference files are absent only these assertions are skipped."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REFERENCE = Path(__file__).resolve().parents[3] / ".." / "shared" / "reference" / "frankieone"
KYC = REFERENCE / "kyc-v2-openapi.json"
CORE = REFERENCE / "core-v2-openapi.yml"


def _nullable(node: Any) -> Any:
    if isinstance(node, dict):
        converted = {key: _nullable(value) for key, value in node.items()}
        if converted.pop("nullable", False) and "type" in converted:
            converted["type"] = [converted["type"], "null"]
        return converted
    if isinstance(node, list):
        return [_nullable(item) for item in node]
    return node


# The vendor's file has one schema no value can satisfy: the manual-status enum is the `allOf` of
# disjoint per-step enums (AML, KYC, IDV, …). Read as the union the vendor's examples show.
SPEC_ERRATA = {"Process-Result-Manual-StatusEnum": ("allOf", "anyOf")}
# And a step result's `summary` is a `oneOf` of per-step summaries that each require only `stepName` and
# allow any other member, so every summary matches all of them and `oneOf` (exactly one) can never hold.
STEP_SUMMARY_PREFIX = "#/components/schemas/Workflow-Step-Summary-"


def _step_summary_union(node: Any) -> Any:
    """Read the step-summary `oneOf` as the union (`anyOf`) it is meant to be."""
    if isinstance(node, dict):
        converted = {key: _step_summary_union(value) for key, value in node.items()}
        options = converted.get("oneOf")
        if (
            isinstance(options, list)
            and options
            and all(str(option.get("$ref", "")).startswith(STEP_SUMMARY_PREFIX) for option in options)
        ):
            converted["anyOf"] = converted.pop("oneOf")
        return converted
    if isinstance(node, list):
        return [_step_summary_union(item) for item in node]
    return node


@cache
def _document(path: Path) -> dict[str, Any]:
    text = path.read_text()
    loaded = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    document = dict(_step_summary_union(_nullable(loaded)))
    schemas = document.get("components", {}).get("schemas", {})
    for name, (wrong, right) in SPEC_ERRATA.items():
        if name in schemas and wrong in schemas[name]:
            schemas[name][right] = schemas[name].pop(wrong)
    return document


def assert_matches_spec(body: Any, path: str, method: str, status: int | str, document: Path = KYC) -> None:
    """`body` must be valid against the response schema the vendor documents for this operation."""
    if not document.exists():
        return  # the reference is not shipped with the repository: behaviour is still asserted
    spec = _document(document)
    response = spec["paths"][path][method.lower()]["responses"][str(status)]
    schema = response["content"]["application/json"]["schema"]
    root = {"components": spec["components"], **schema}
    jsonschema.Draft202012Validator(root).validate(body)


def assert_error(response: Any, status: int, code_prefix: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["errorCode"].startswith(code_prefix), body
    assert len(body["requestId"]) == 26
    assert response.headers["X-Frankie-RequestID"] == body["requestId"]
    if KYC.exists():
        spec = _document(KYC)
        jsonschema.Draft202012Validator(
            {"components": spec["components"], "$ref": "#/components/schemas/Error"}
        ).validate(body)
    return body


requires_reference = pytest.mark.skipif(not KYC.exists(), reason="vendor reference files absent")
