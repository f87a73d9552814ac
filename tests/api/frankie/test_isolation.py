"""Tenant isolation across every `/v2` route: customer B's key on customer A's ids answers exactly as on
ids that never existed (404 in the Error format for entity, execution and entry ids), no answer to B
carries anything of A's, a child account or customer id that is not the caller's is refused, and A's
data is the same afterwards.

The routes come from the application itself: a new route is probed without touching this file, unless it
takes a path parameter or a body this file does not know yet, and then the probe fails and says so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from clearway.db import Database
from tests.api.frankie.probes import (
    ID_PARAMETERS,
    Route,
    World,
    build_world,
    call_on_a,
    each_route,
    individual_of,
    parameters,
    report,
    snapshot,
)
from tests.api.frankie.spec import assert_error
from tests.api.frankie.v2_routes import v2_operations


@pytest.fixture(scope="module")
def world(app: FastAPI, database: Database) -> World:
    with TestClient(app) as http:
        return build_world(http, database)


@pytest.fixture
def a_unchanged(http: TestClient, world: World) -> Iterator[None]:
    before = snapshot(http, world)
    assert before["audit"]["meta"]["total"] >= 6  # A's creates, runs, override and list are there
    yield
    assert snapshot(http, world) == before


# --- the probes ------------------------------------------------------------------------------------------


def _normalised(response: Response, ids: dict[str, str]) -> Any:
    """An error answer with A's ids and their never-existing stand-ins made the same."""
    text = response.text
    for old, new in ids.items():
        text = text.replace(old, "<id>").replace(new, "<id>")
    body = json.loads(text)
    body.pop("requestId", None)
    return response.status_code, body


def _foreign_failure(http: TestClient, world: World, route: Route) -> str | None:
    """None when B's answer on A's ids gives nothing away, else what it gave away."""
    foreign = call_on_a(world, route)
    missing = foreign.substituted(world.fresh)
    on_a = foreign.send(http, world.b.headers())
    on_nothing = missing.send(http, world.b.headers())
    if on_a.status_code >= 500 or on_nothing.status_code >= 500:
        return f"server error: {on_a.status_code} / {on_nothing.status_code}"
    if ID_PARAMETERS & set(parameters(route[1])):
        assert_error(on_a, 404, "")  # the Error format, with a request id
    if on_a.status_code != on_nothing.status_code:
        return f"{on_a.status_code} on A's ids, {on_nothing.status_code} on missing ones: {on_a.text}"
    if on_a.status_code >= 400 and _normalised(on_a, world.fresh) != _normalised(on_nothing, world.fresh):
        return f"answers differ: {on_a.text} / {on_nothing.text}"
    sent = foreign.text()
    leaked = [value for value in world.leaks if value in on_a.text and value not in sent]
    return f"leaks {leaked}: {on_a.text[:1500]}" if leaked else None


@pytest.mark.usefixtures("a_unchanged")
def test_foreign_ids_answer_as_missing_ones_and_give_nothing_away(
    app: FastAPI, http: TestClient, world: World
) -> None:
    failures = each_route(app, lambda route: _foreign_failure(http, world, route))
    assert failures == {}, report(failures)


def _refused_failure(http: TestClient, world: World, route: Route, headers: dict[str, str]) -> str | None:
    response = call_on_a(world, route).send(http, headers)
    if response.status_code != 401:
        return f"{response.status_code}: {response.text[:500]}"
    assert_error(response, 401, "AUTH-")
    return None


def _refusals(app: FastAPI, http: TestClient, world: World, headers: dict[str, str]) -> dict[str, str]:
    return each_route(app, lambda route: _refused_failure(http, world, route, headers))


@pytest.mark.parametrize("child", ["a_child", "a_itself", "never_existed"])
@pytest.mark.usefixtures("a_unchanged")
def test_a_child_account_that_is_not_the_callers_is_refused(
    app: FastAPI, http: TestClient, world: World, child: str
) -> None:
    chosen = {"a_child": world.a_child, "a_itself": world.a.account_id, "never_existed": "sb_NeverExisted"}
    headers = world.b.headers(**{"X-Frankie-CustomerChildID": chosen[child]})
    failures = _refusals(app, http, world, headers)
    assert failures == {}, report(failures)
    refused = http.get("/v2/workflows", headers=headers).json()
    assert refused["details"][0]["issueLocation"] == "X-Frankie-CustomerChildID"


@pytest.mark.usefixtures("a_unchanged")
def test_ones_own_key_with_another_customer_id_is_refused(
    app: FastAPI, http: TestClient, world: World
) -> None:
    headers = {**world.b.headers(), "X-Frankie-CustomerID": world.a.account_id}
    failures = _refusals(app, http, world, headers)
    assert failures == {}, report(failures)


def test_ones_own_child_account_is_accepted(http: TestClient, world: World) -> None:
    """The control of the refusals above: the child header itself works."""
    headers = world.b.headers(**{"X-Frankie-CustomerChildID": world.b_child})
    created = http.post("/v2/individuals", json={"individual": individual_of("Childish")}, headers=headers)
    assert created.status_code == 201, created.text
    entity_id = created.json()["individual"]["entityId"]
    assert http.get(f"/v2/individuals/{entity_id}", headers=headers).status_code == 200
    # and the child's individual is the child's alone, not its parent's
    assert_error(http.get(f"/v2/individuals/{entity_id}", headers=world.b.headers()), 404, "ENT-")


def test_every_route_is_probed(app: FastAPI, world: World) -> None:
    """Each served route can be aimed at A's data (its parameters and body are known here)."""
    unknown = {}
    for route in v2_operations(app):
        try:
            call_on_a(world, route)
        except LookupError as error:
            unknown[" ".join(route)] = str(error)
    assert unknown == {}, report(unknown)
    assert len(v2_operations(app)) >= 24
