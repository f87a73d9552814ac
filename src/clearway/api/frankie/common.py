"""Route plumbing shared by the dialect's routers: path parameter rules, documented headers, and the
response helper that puts the request id in the body and a header."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Path
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse

from clearway.api.frankie import schemas
from clearway.api.frankie.errors import REQUEST_ID_HEADER, invalid, request_id_of

UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
NAME_PATTERN = r"^[A-Za-z0-9_.\-]{1,64}$"
EXECUTION_ID_PATTERN = r"^[0-9A-Za-z_\-]{1,40}$"

EntityId = Annotated[str, Path(alias="entityId", pattern=UUID_PATTERN, description="The entity's UUID.")]
ServiceName = Annotated[
    str, Path(alias="serviceName", pattern=NAME_PATTERN, description="The service profile's name, e.g. KYC.")
]
WorkflowName = Annotated[
    str, Path(alias="workflowName", pattern=NAME_PATTERN, description="The workflow's name, e.g. KYC_AML.")
]
ExecutionId = Annotated[
    str,
    Path(alias="workflowExecutionId", pattern=EXECUTION_ID_PATTERN, description="The workflowExecutionId."),
]

ERRORS: dict[int | str, dict[str, object]] = {
    code: {"model": schemas.Error, "description": text}
    for code, text in ((400, "Bad Request"), (401, "Unauthorized"), (404, "Not Found"), (409, "Conflict"))
}


def documented_headers(
    request: Request,
    api_key: Annotated[
        str | None, Header(alias="api_key", convert_underscores=False, description="Your API key.")
    ] = None,
    customer_id: Annotated[
        str | None, Header(alias="X-Frankie-CustomerID", description="Your account.")
    ] = None,
    child_id: Annotated[
        str | None, Header(alias="X-Frankie-CustomerChildID", description="One of your child accounts.")
    ] = None,
    channel: Annotated[
        str | None, Header(alias="X-Frankie-Channel", description="api, portal, smartui, … (64 chars kept).")
    ] = None,
    username: Annotated[
        str | None, Header(alias="X-Frankie-Username", description="The acting user, recorded on changes.")
    ] = None,
) -> None:
    """Declares the dialect's headers so that /openapi.json documents them; `auth.authenticate` reads
    them (a missing key must answer 401, not a validation error). Refuses NUL characters in every query
    parameter and in the dialect's headers, naming them: filters and recorded headers reach SQL, and
    PostgreSQL text cannot hold NUL."""
    for name, value in request.query_params.multi_items():
        if "\x00" in name or "\x00" in value:
            raise invalid("NUL (\\u0000) characters are not accepted", name.replace("\x00", ""))
    headers = {
        "api_key": api_key,
        "X-Frankie-CustomerID": customer_id,
        "X-Frankie-CustomerChildID": child_id,
        "X-Frankie-Channel": channel,
        "X-Frankie-Username": username,
    }
    for name, header in headers.items():
        if header is not None and "\x00" in header:
            raise invalid("NUL (\\u0000) characters are not accepted", name)


def respond(request: Request, model: BaseModel, status_code: int = 200) -> JSONResponse:
    request_id = request_id_of(request)
    body = model.model_dump(mode="json", by_alias=True, exclude_none=True)
    return JSONResponse(body, status_code=status_code, headers={REQUEST_ID_HEADER: request_id})
