"""Every `/v2` route's error cases: a missing or wrong key (401), unknown ids (404), malformed ids, bodies
that are not JSON objects, NUL characters and oversized values (400), invalid fields and enum values (400
naming the field). Each answer is the vendor's Error format with a request id, never a 5xx, and writes
nothing (the account's rows and audit trail are counted before and after).

The per-route probes enumerate the application's routes (see probes.py); the tables name fields."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy import func, select

from clearway.audit.models import AuditEvent
from clearway.db import Database
from clearway.parties.models import Organization, Person
from clearway.verification.models import Execution, MatchlistEntry, ProcessResult, ServiceProfile
from tests.api.frankie.probes import (
    BODY_METHODS,
    ID_PARAMETERS,
    Call,
    Route,
    World,
    build_world,
    call_on_a,
    each_route,
    parameters,
    report,
    snapshot,
)
from tests.api.frankie.spec import assert_error

COUNTED = (AuditEvent, Person, Organization, ServiceProfile, Execution, ProcessResult, MatchlistEntry)
HUGE = "x" * 100_000


@pytest.fixture(scope="module")
def world(app: FastAPI, database: Database) -> World:
    with TestClient(app) as http:
        return build_world(http, database)


def footprint(db: Database, account_id: str) -> dict[str, int]:
    """How many rows of each kind the account has: every write adds one (at least its audit event)."""
    with db.transaction() as session:
        return {
            model.__name__: session.scalar(
                select(func.count()).select_from(model).where(model.account_id == account_id)  # type: ignore[attr-defined]
            )
            or 0
            for model in COUNTED
        }


@pytest.fixture
def nothing_written(http: TestClient, database: Database, world: World) -> Iterator[None]:
    before, seen = footprint(database, world.a.account_id), snapshot(http, world)
    yield
    assert footprint(database, world.a.account_id) == before
    assert snapshot(http, world) == seen


def _refused(response: Response, status: int, code_prefix: str, location: str | None = None) -> str | None:
    """None when `response` is the expected Error answer, else what it is."""
    if response.status_code != status:
        return f"{response.status_code}: {response.text[:600]}"
    body = assert_error(response, status, code_prefix)
    locations = [detail["issueLocation"] for detail in body["details"]]
    # a list's item is named by its index (`channels.0`)
    if location is not None and not any(at == location or at.startswith(f"{location}.") for at in locations):
        return f"issueLocation {locations}, expected {location}: {response.text[:600]}"
    return None


# --- authentication ------------------------------------------------------------------------------------

KEYS: dict[str, Callable[[World], dict[str, str]]] = {
    "no api_key": lambda w: {"X-Frankie-CustomerID": w.a.account_id},
    "blank api_key": lambda w: {"api_key": "   ", "X-Frankie-CustomerID": w.a.account_id},
    "unknown api_key": lambda w: {"api_key": "k_" + "0" * 40, "X-Frankie-CustomerID": w.a.account_id},
    "oversized api_key": lambda w: {"api_key": "k" * 5000, "X-Frankie-CustomerID": w.a.account_id},
    "no customer id": lambda w: {"api_key": w.a.api_key},
    "another customer id": lambda w: {"api_key": w.a.api_key, "X-Frankie-CustomerID": w.b.account_id},
    "oversized child id": lambda w: {**w.a.headers(), "X-Frankie-CustomerChildID": "c" * 5000},
}


@pytest.mark.parametrize("variant", list(KEYS))
@pytest.mark.usefixtures("nothing_written")
def test_a_missing_or_wrong_key_is_401_on_every_route(
    app: FastAPI, http: TestClient, world: World, variant: str
) -> None:
    headers = KEYS[variant](world)
    failures = each_route(
        app, lambda route: _refused(call_on_a(world, route).send(http, headers), 401, "AUTH-")
    )
    assert failures == {}, report(failures)


# --- ids in the path -----------------------------------------------------------------------------------


def _unknown_id_failures(http: TestClient, world: World, route: Route) -> str | None:
    """Each id parameter in turn set to one that never existed: 404 naming that parameter."""
    for name in sorted(ID_PARAMETERS & set(parameters(route[1]))):
        real = world.path_values(route[1])[name]
        response = call_on_a(world, route, {name: world.fresh[real]}).send(http, world.a.headers())
        failure = _refused(response, 404, "ENT-", name)
        if failure:
            return f"{name}: {failure}"
    return None


@pytest.mark.usefixtures("nothing_written")
def test_unknown_ids_are_404_naming_the_parameter(app: FastAPI, http: TestClient, world: World) -> None:
    failures = each_route(app, lambda route: _unknown_id_failures(http, world, route))
    assert failures == {}, report(failures)


MALFORMED = {
    "entityId": ["not-a-uuid", "00000000-0000-4000-8000-00000000000Z", "1" * 37],
    "entryId": ["not-a-uuid"],
    "workflowExecutionId": ["has space", "x" * 41, "semi;colon"],
    "serviceName": ["has space", "x" * 65, "é"],
    "workflowName": ["has space", "x" * 65],
    "matchlistName": ["has space", "x" * 101],
}


def _malformed_failures(http: TestClient, world: World, route: Route) -> str | None:
    for name in parameters(route[1]):
        if name not in MALFORMED:
            return f"no malformed values for {name}: add them to MALFORMED"
        for value in MALFORMED[name]:
            response = call_on_a(world, route, {name: value}).send(http, world.a.headers())
            failure = _refused(response, 400, "API-", name)
            if failure:
                return f"{name}={value!r}: {failure}"
    return None


@pytest.mark.usefixtures("nothing_written")
def test_malformed_path_values_are_400_naming_the_parameter(
    app: FastAPI, http: TestClient, world: World
) -> None:
    failures = each_route(app, lambda route: _malformed_failures(http, world, route))
    assert failures == {}, report(failures)


# --- bodies --------------------------------------------------------------------------------------------

NOT_OBJECTS = {
    "not JSON": (b"this is not json", "application/json"),
    "truncated JSON": (b'{"status": "PA', "application/json"),
    "an array": (b"[]", "application/json"),
    "a string": (b'"text"', "application/json"),
    "empty": (b"", "application/json"),
    "form data": (b"status=PASS", "application/x-www-form-urlencoded"),
    "JSON as text/plain": (b'{"status": "PASS"}', "text/plain"),
    "invalid UTF-8": (b'{"status": "\xff\xfe"}', "application/json"),
}


def _not_object_failures(http: TestClient, world: World, route: Route, variant: str) -> str | None:
    if route[0] not in BODY_METHODS:
        return None
    if route == ("PATCH", "/v2/individuals/{entityId}/monitor") and variant == "empty":
        return None  # its body is optional: no body is a valid call (which writes, so is not made)
    call = call_on_a(world, route)
    content, content_type = NOT_OBJECTS[variant]
    headers = {**world.a.headers(), "Content-Type": content_type}
    response = http.request(call.method, call.path, params=call.query, content=content, headers=headers)
    return _refused(response, 400, "API-")


@pytest.mark.parametrize("variant", list(NOT_OBJECTS))
@pytest.mark.usefixtures("nothing_written")
def test_bodies_that_are_not_json_objects_are_400(
    app: FastAPI, http: TestClient, world: World, variant: str
) -> None:
    failures = each_route(app, lambda route: _not_object_failures(http, world, route, variant))
    assert failures == {}, report(failures)


def _first_string(value: Any, path: tuple[str, ...] = ()) -> tuple[str, ...] | None:
    """The location of the first string leaf of a JSON document."""
    if isinstance(value, str):
        return path
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for key, item in items:
        found = _first_string(item, (*path, str(key)))
        if found is not None:
            return found
    return None


def _with(value: Any, path: tuple[str, ...], change: Callable[[str], str]) -> Any:
    if not path:
        return change(value)
    head, rest = path[0], path[1:]
    if isinstance(value, list):
        return [_with(item, rest, change) if str(index) == head else item for index, item in enumerate(value)]
    return {key: _with(item, rest, change) if key == head else item for key, item in value.items()}


def _poisoned_body_failures(
    http: TestClient, world: World, route: Route, change: Callable[[str], str]
) -> str | None:
    """The first string of the route's valid body changed by `change`: 400 naming that field."""
    call = call_on_a(world, route)
    if call.body is None:
        return None
    body = call.body or {"comment": {"text": "a comment"}}  # a body with no string: the comment has one
    location = _first_string(body)
    assert location is not None
    poisoned = Call(call.method, call.path, call.query, _with(body, location, change))
    return _refused(poisoned.send(http, world.a.headers()), 400, "", ".".join(location))


@pytest.mark.usefixtures("nothing_written")
def test_nul_characters_in_bodies_are_400_naming_the_field(
    app: FastAPI, http: TestClient, world: World
) -> None:
    failures = each_route(
        app, lambda route: _poisoned_body_failures(http, world, route, lambda text: f"{text}\x00")
    )
    assert failures == {}, report(failures)


@pytest.mark.usefixtures("nothing_written")
def test_oversized_strings_in_bodies_are_400_naming_the_field(
    app: FastAPI, http: TestClient, world: World
) -> None:
    failures = each_route(app, lambda route: _poisoned_body_failures(http, world, route, lambda _: HUGE))
    assert failures == {}, report(failures)


# --- query parameters ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def string_queries(app: FastAPI) -> dict[Route, list[str]]:
    """Each route's string-valued query parameters, from the served OpenAPI document."""
    with TestClient(app) as http:
        document = http.get("/openapi.json").json()
    found: dict[Route, list[str]] = {}
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            names = [
                parameter["name"]
                for parameter in operation.get("parameters", [])
                if parameter["in"] == "query" and _takes_text(parameter.get("schema", {}))
            ]
            if path.startswith("/v2/") and names:
                found[(method.upper(), path)] = names
    return found


def _takes_text(schema: dict[str, Any]) -> bool:
    options = schema.get("anyOf", [schema])
    return any(
        option.get("type") == "string" or option.get("items", {}).get("type") == "string"
        for option in options
    )


def _query_failures(http: TestClient, world: World, route: Route, names: list[str], value: str) -> str | None:
    call = call_on_a(world, route)
    for name in names:
        changed = Call(call.method, call.path, {**call.query, name: value}, call.body)
        failure = _refused(changed.send(http, world.a.headers()), 400, "", name)
        if failure:
            return f"{name}: {failure}"
    return None


@pytest.mark.parametrize("value", ["with\x00nul", "x" * 10_000], ids=["nul", "oversized"])
@pytest.mark.usefixtures("nothing_written")
def test_bad_text_in_query_parameters_is_400_naming_the_parameter(
    app: FastAPI, http: TestClient, world: World, string_queries: dict[Route, list[str]], value: str
) -> None:
    assert len(string_queries) >= 4  # audit, workflows, results, monitor at least
    failures = each_route(
        app,
        lambda route: (
            _query_failures(http, world, route, string_queries[route], value)
            if route in string_queries
            else None
        ),
    )
    assert failures == {}, report(failures)


NUL_HEADERS = [
    "api_key",
    "X-Frankie-CustomerID",
    "X-Frankie-CustomerChildID",
    "X-Frankie-Channel",
    "X-Frankie-Username",
]


@pytest.mark.parametrize("header", NUL_HEADERS)
@pytest.mark.usefixtures("nothing_written")
def test_nul_characters_in_the_dialects_headers_are_400_naming_the_header(
    app: FastAPI, http: TestClient, world: World, header: str
) -> None:
    """Recorded on every change (username, channel) or looked up (ids): PostgreSQL text cannot hold NUL."""
    headers = {**world.a.headers(), header: "with\x00nul"}
    failures = each_route(
        app, lambda route: _refused(call_on_a(world, route).send(http, headers), 400, "", header)
    )
    assert failures == {}, report(failures)


# --- fields: required, types, enums, rules -----------------------------------------------------------

# (route, body, query, the issueLocation that must be named)
INDIVIDUAL_ROUTE = ("POST", "/v2/individuals")
OVERRIDE_ROUTE = (
    "PATCH",
    "/v2/individuals/{entityId}/serviceprofiles/{serviceName}/workflows/{workflowName}/executions/"
    "{workflowExecutionId}",
)
ORGANIZATION_OVERRIDE_ROUTE = (OVERRIDE_ROUTE[0], OVERRIDE_ROUTE[1].replace("individuals", "organizations"))
PROFILE_ROUTE = ("PATCH", "/v2/individuals/{entityId}/serviceprofiles/{serviceName}")
RISK_ROUTE = ("PATCH", "/v2/individuals/{entityId}/serviceprofiles/{serviceName}/risk")
EXECUTIONS_ROUTE = (
    "GET",
    "/v2/individuals/{entityId}/serviceprofiles/{serviceName}/workflows/{workflowName}/executions",
)
NAME = {"familyName": "Lovelace"}
FIELD_CASES: dict[str, tuple[Route, dict[str, Any] | None, dict[str, Any], str]] = {
    "individual missing": (INDIVIDUAL_ROUTE, {}, {}, "individual"),
    "individual not an object": (INDIVIDUAL_ROUTE, {"individual": "Ada"}, {}, "individual"),
    "family name missing": (INDIVIDUAL_ROUTE, {"individual": {"name": {}}}, {}, "individual.name.familyName"),
    "family name not text": (
        INDIVIDUAL_ROUTE,
        {"individual": {"name": {"familyName": 42}}},
        {},
        "individual.name.familyName",
    ),
    "family name too long": (
        INDIVIDUAL_ROUTE,
        {"individual": {"name": {"familyName": "x" * 201}}},
        {},
        "individual.name.familyName",
    ),
    "address without country": (
        INDIVIDUAL_ROUTE,
        {"individual": {"name": NAME, "addresses": [{"streetName": "George St"}]}},
        {},
        "individual.addresses.0.country",
    ),
    "gender not in the enum": (
        INDIVIDUAL_ROUTE,
        {"individual": {"name": NAME, "gender": {"gender": "ROBOT"}}},
        {},
        "individual.gender.gender",
    ),
    "impossible date of birth": (
        INDIVIDUAL_ROUTE,
        {"individual": {"name": NAME, "dateOfBirth": {"year": "1985", "month": "02", "day": "30"}}},
        {},
        "individual.dateOfBirth",
    ),
    "email type not in the enum": (
        INDIVIDUAL_ROUTE,
        {"individual": {"name": NAME, "emailAddresses": [{"email": "a@b.co", "type": "SECRET"}]}},
        {},
        "individual.emailAddresses.0.type",
    ),
    "status missing": (OVERRIDE_ROUTE, {"comment": {"text": "why"}}, {}, "status"),
    "status not one of the 14": (OVERRIDE_ROUTE, {"status": "MAYBE"}, {}, "status"),
    "status in lower case": (OVERRIDE_ROUTE, {"status": "pass"}, {}, "status"),
    "status not text": (OVERRIDE_ROUTE, {"status": ["PASS"]}, {}, "status"),
    "comment not an object": (OVERRIDE_ROUTE, {"status": "PASS", "comment": "why"}, {}, "comment"),
    "comment text too long": (
        OVERRIDE_ROUTE,
        {"status": "PASS", "comment": {"text": "x" * 4001}},
        {},
        "comment.text",
    ),
    "organization status not one of the 14": (ORGANIZATION_OVERRIDE_ROUTE, {"status": "MAYBE"}, {}, "status"),
    "organization missing": (("POST", "/v2/organizations"), {}, {}, "organization"),
    "organization name not text": (
        ("POST", "/v2/organizations"),
        {"organization": {"details": {"name": {"name": 42}}}},
        {},
        "organization.details.name.name",
    ),
    "organization name too long": (
        ("POST", "/v2/organizations"),
        {"organization": {"details": {"name": {"name": "x" * 301}}}},
        {},
        "organization.details.name.name",
    ),
    "organization jurisdiction not text": (
        ("POST", "/v2/organizations"),
        {"organization": {"details": {"jurisdiction": 42}}},
        {},
        "organization.details.jurisdiction",
    ),
    "organization country not text": (
        ("POST", "/v2/organizations"),
        {"organization": {"details": {"country": ["AU"]}}},
        {},
        "organization.details.country",
    ),
    "organization details not an object": (
        ("POST", "/v2/organizations"),
        {"organization": {"details": "Acme"}},
        {},
        "organization.details",
    ),
    "risk level not in the enum": (RISK_ROUTE, {"riskLevel": "EXTREME"}, {}, "riskLevel"),
    "risk level missing": (RISK_ROUTE, {}, {}, "riskLevel"),
    "profile state not settable": (
        PROFILE_ROUTE,
        {"serviceProfile": {"state": "ACTIVE"}},
        {},
        "serviceProfile.state",
    ),
    "profile missing": (PROFILE_ROUTE, {}, {}, "serviceProfile"),
    "manual status not in the enum": (
        ("PATCH", "/v2/individuals/{entityId}/results/aml"),
        {"processResults": ["00000000-0000-4000-8000-000000000000"], "manualStatus": "MAYBE"},
        {},
        "manualStatus",
    ),
    "an AML-only manual status on a matchlist hit": (
        ("PATCH", "/v2/individuals/{entityId}/results/matchlist"),
        {"processResults": ["00000000-0000-4000-8000-000000000000"], "manualStatus": "UNKNOWN"},
        {},
        "manualStatus",
    ),
    "no process results": (
        ("PATCH", "/v2/individuals/{entityId}/results/duplicate"),
        {"processResults": [], "manualStatus": "FALSE_POSITIVE"},
        {},
        "processResults",
    ),
    "process results not a list": (
        ("PATCH", "/v2/individuals/{entityId}/results/aml"),
        {"processResults": "all", "manualStatus": "FALSE_POSITIVE"},
        {},
        "processResults",
    ),
    "monitoring flag missing": (("PATCH", "/v2/individuals/{entityId}/monitor"), {}, {}, "enabled"),
    "monitoring flag not a boolean": (
        ("PATCH", "/v2/individuals/{entityId}/monitor"),
        {},
        {"enabled": "maybe"},
        "enabled",
    ),
    "unknown monitoring type": (
        ("PATCH", "/v2/individuals/{entityId}/monitor"),
        {},
        {"enabled": "true", "monitoringTypes": "AML,TELEPATHY"},
        "monitoringTypes",
    ),
    "search state not in the enum": (
        ("POST", "/v2/search/serviceprofiles"),
        {"filters": {"states": ["SLEEPING"]}},
        {},
        "filters.states.0",
    ),
    "search entity ids not a list": (
        ("POST", "/v2/search/serviceprofiles"),
        {"filters": {"entityIds": "all"}},
        {},
        "filters.entityIds",
    ),
    "page zero": (("GET", "/v2/audit"), None, {"page": "0"}, "page"),
    "limit over 500": (("GET", "/v2/audit"), None, {"limit": "501"}, "limit"),
    "audit channel not in the enum": (("GET", "/v2/audit"), None, {"channels": "FAX"}, "channels.0"),
    "audit sort not in the enum": (("GET", "/v2/audit"), None, {"sort": "up"}, "sort"),
    "audit timestamp not a date": (
        ("GET", "/v2/audit"),
        None,
        {"afterTimestamp": "yesterday"},
        "afterTimestamp",
    ),
    "audit timestamp beyond what UTC holds": (
        ("GET", "/v2/audit"),
        None,
        {"afterTimestamp": "0001-01-01T00:00:00+05:00"},
        "afterTimestamp",
    ),
    "execution start beyond what UTC holds": (
        EXECUTIONS_ROUTE,
        None,
        {"startedAtBefore": "9999-12-31T23:59:59-14:00"},
        "startedAtBefore",
    ),
    "search creation beyond what UTC holds": (
        ("POST", "/v2/search/serviceprofiles"),
        {"filters": {"createdAtAfter": "0001-01-01T00:00:00+05:00"}},
        {},
        "filters.createdAtAfter",
    ),
    "workflows include not in the enum": (
        ("GET", "/v2/workflows"),
        None,
        {"include": "everything"},
        "include",
    ),
    "execution result filter not one of the 14": (
        EXECUTIONS_ROUTE,
        None,
        {"workflowResults": "MAYBE"},
        "workflowResults.0",
    ),
    "execution state filter not in the enum": (
        EXECUTIONS_ROUTE,
        None,
        {"workflowExecutionStates": "SLEEPING"},
        "workflowExecutionStates.0",
    ),
}


@pytest.mark.parametrize("case", list(FIELD_CASES))
@pytest.mark.usefixtures("nothing_written")
def test_invalid_fields_are_400_naming_the_field(http: TestClient, world: World, case: str) -> None:
    route, body, query, location = FIELD_CASES[case]
    call = call_on_a(world, route)
    response = Call(call.method, call.path, query, body).send(http, world.a.headers())
    assert _refused(response, 400, "", location) is None


def test_timestamps_without_an_offset_are_read_as_utc(http: TestClient, world: World) -> None:
    """A filter's naive timestamp used to reach the database as is (a 500): it is UTC."""
    past, future = _totals(http, world, "2000-01-01T00:00:00"), _totals(http, world, "2999-01-01T00:00:00")
    everything = _total(http.get("/v2/audit", headers=world.a.headers()))
    assert past == {"events after": everything, "runs before": 0, "profiles before": 0}
    assert future == {"events after": 0, "runs before": 1, "profiles before": 2}


def _totals(http: TestClient, world: World, value: str) -> dict[str, int]:
    headers = world.a.headers()
    runs = call_on_a(world, EXECUTIONS_ROUTE).path
    search = {"filters": {"createdAtBefore": value}}
    return {
        "events after": _total(http.get("/v2/audit", params={"afterTimestamp": value}, headers=headers)),
        "runs before": _total(http.get(runs, params={"startedAtBefore": value}, headers=headers)),
        "profiles before": _total(http.post("/v2/search/serviceprofiles", json=search, headers=headers)),
    }


def _total(response: Response) -> int:
    assert response.status_code == 200, response.text
    total: int = response.json()["meta"]["total"]
    return total


# --- paths and methods the dialect does not have ---------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/v2/nothing-here", 404),
        ("GET", "/v2/individuals/{entityId}/nothing-here", 404),
        ("DELETE", "/v2/organizations/{entityId}", 405),
        ("PUT", "/v2/individuals/{entityId}", 405),
        ("DELETE", "/v2/audit", 405),
    ],
)
@pytest.mark.usefixtures("nothing_written")
def test_unknown_paths_and_methods_answer_in_the_error_format(
    http: TestClient, world: World, method: str, path: str, status: int
) -> None:
    response = http.request(method, path.replace("{entityId}", world.person), headers=world.a.headers())
    assert_error(response, status, f"API-{status:04d}")
