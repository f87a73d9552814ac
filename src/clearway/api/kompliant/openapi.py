"""OpenAPI description of the dialect: one path per method, the real request and response schemas
wrapped in the envelope, KSig1 headers as security schemes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from clearway.api.kompliant import methods  # noqa: F401 - importing registers the methods
from clearway.api.kompliant.envelope import API_VERSION
from clearway.api.kompliant.registry import MethodSpec, registry

REF = "#/components/schemas/{model}"
SECURITY_SCHEMES = {
    "KSig1Signature": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "`KSig1-HMAC-SHA256 <base64 signature>`; see docs/authentication.md.",
    },
    "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "AuthToken": {"type": "apiKey", "in": "header", "name": "X-API-Auth-Token"},
}
OPTIONAL_HEADERS = [
    ("X-API-Version", f"`{API_VERSION}` (the only version; default when omitted)."),
    ("X-API-Signed-Elements", "`;`-separated signed elements, in signing order; omitted = minimal mode."),
    ("X-API-Timestamp", "Unix seconds; required when Timestamp is signed."),
    ("X-API-Nonce", "Unique per request; required when Nonce is signed."),
    ("X-API-Content-Hash", "base64(MD5(body)); required when Content-MD5 is signed."),
]


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorItem(BaseModel):
    code: str
    message: str
    sub_code: str | None = None
    entity_type: str | None = None
    details: list[ErrorDetail] | None = None


class Meta(BaseModel):
    status: Literal["SUCCESS", "ERROR"]
    trace_id: str
    version: str
    warnings: list[dict[str, str]] | None = None


class ErrorEnvelope(BaseModel):
    meta: Meta
    errors: list[ErrorItem]


def kompliant_openapi() -> tuple[dict[str, Any], dict[str, Any]]:
    """(paths, component schemas) of every method."""
    specs = registry.all()
    inputs: list[tuple[type[BaseModel], JsonSchemaMode]] = [(s.request, "validation") for s in specs]
    outputs: list[tuple[type[BaseModel], JsonSchemaMode]] = [(s.response, "serialization") for s in specs]
    extra: list[tuple[type[BaseModel], JsonSchemaMode]] = [
        (ErrorEnvelope, "serialization"),
        (Meta, "serialization"),
    ]
    refs, definitions = models_json_schema([*inputs, *outputs, *extra], ref_template=REF)
    schemas: dict[str, Any] = definitions.get("$defs", {})
    paths = {f"/{spec.name}": {"post": _operation(spec, refs)} for spec in specs}
    return paths, schemas


def _operation(spec: MethodSpec, refs: dict[Any, Any]) -> dict[str, Any]:
    data_ref = refs[(spec.response, "serialization")]
    success = {
        "type": "object",
        "required": ["meta", "data"],
        "properties": {"meta": {"$ref": REF.format(model="Meta")}, "data": data_ref},
    }
    error = {"$ref": REF.format(model="ErrorEnvelope")}
    return {
        "operationId": spec.name,
        "summary": spec.summary,
        "tags": [spec.name.split(".")[0]],
        "parameters": [
            {
                "name": name,
                "in": "header",
                "required": False,
                "description": description,
                "schema": {"type": "string"},
            }
            for name, description in OPTIONAL_HEADERS
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": refs[(spec.request, "validation")]}},
        },
        "responses": {
            "200": {"description": "SUCCESS envelope", "content": {"application/json": {"schema": success}}},
            "400": {
                "description": "Invalid request or rule violation",
                "content": {"application/json": {"schema": error}},
            },
            "401": {
                "description": "Authentication failed",
                "content": {"application/json": {"schema": error}},
            },
        },
        "security": [{"KSig1Signature": [], "ApiKey": [], "AuthToken": []}],
    }
