"""Route probes shared by the isolation and error tests: customer A with one of everything (the `World`),
and for every `/v2` route a valid request aimed at A's data (path values, body, query), so that a probe
that changes one thing (the key, an id, the body) is refused for that thing alone.

A route this module cannot aim at A's data (a new path parameter, a body route without a body here)
raises `LookupError` naming what to add, so that a new route cannot slip through the probes."""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from clearway.db import Database
from clearway.verification.ids import new_ulid
from tests.api.frankie.conftest import Tenant, child_of, make_tenant
from tests.api.frankie.seeding import add_hits, create, execute
from tests.api.frankie.v2_routes import v2_operations

Route = tuple[str, str]  # (METHOD, path template)
# Path parameters that are global ids: a foreign or unknown one answers 404.
ID_PARAMETERS = frozenset({"entityId", "workflowExecutionId", "entryId"})
BODY_METHODS = frozenset({"POST", "PATCH", "PUT"})


@dataclass(frozen=True)
class World:
    """Customer A with one of everything, customer B, and a child account of each."""

    a: Tenant
    b: Tenant
    a_child: str
    b_child: str
    a_child_person: str
    person: str
    organization: str
    person_run: str
    organization_run: str
    hits: dict[str, list[str]]
    matchlist: str
    entry: str
    marker: str  # A's individual's family name: in nothing of B's unless leaked
    leaks: tuple[str, ...]  # A's values that no answer to B may contain (unless B sent them)
    fresh: dict[str, str]  # each of A's ids and names -> a well-formed one that never existed

    def path_values(self, path: str) -> dict[str, str]:
        organization = path.startswith("/v2/organizations")
        return {
            "entityId": self.organization if organization else self.person,
            "serviceName": "KYB" if organization else "KYC",
            "workflowName": "KYB_AML" if organization else "KYC_AML",
            "workflowExecutionId": self.organization_run if organization else self.person_run,
            "matchlistName": self.matchlist,
            "entryId": self.entry,
        }


def individual_of(family_name: str) -> dict[str, Any]:
    return {
        "name": {"givenName": "Isolde", "familyName": family_name},
        "dateOfBirth": {"year": "1979", "month": "03", "day": "14"},
        "nationality": "AUS",
        "emailAddresses": [{"email": f"{family_name.lower()}@example.com", "type": "PERSONAL"}],
        "phoneNumbers": [{"number": "+61400111222", "type": "MOBILE"}],
    }


def _seed_a(http: TestClient, database: Database, a: Tenant, marker: str) -> dict[str, Any]:
    person = create(http, a, "individuals", individual_of(marker))
    organization = create(
        http, a, "organizations", {"details": {"name": {"name": f"{marker} Pty Ltd"}, "jurisdiction": "AUS"}}
    )
    person_run = execute(http, a, "individuals", person, "KYC", "KYC_AML")
    organization_run = execute(http, a, "organizations", organization, "KYB", "KYB_AML")
    overridden = http.patch(
        f"/v2/individuals/{person}/serviceprofiles/KYC/workflows/KYC_AML/executions/{person_run}",
        json={"status": "REVIEW", "comment": {"text": "A's own review"}},
        headers=a.headers(),
    )
    assert overridden.status_code == 200, overridden.text
    matchlist = f"A_BLOCKS_{marker}"
    listed = http.post(
        f"/v2/matchlists/{matchlist}/entries",
        json={"action": "BLOCK", "entries": [{"attributes": [{"type": "IND_FAMILY_NAME", "value": marker}]}]},
        headers=a.headers(),
    )
    assert listed.status_code == 200, listed.text
    return {
        "person": person,
        "organization": organization,
        "person_run": person_run,
        "organization_run": organization_run,
        "hits": add_hits(database, person_run),
        "matchlist": matchlist,
        "matchlist_id": listed.json()["matchlist"]["matchlistId"],
        "entry": listed.json()["entries"][0]["entryId"],
    }


def build_world(http: TestClient, database: Database) -> World:
    a, b = make_tenant(database), make_tenant(database)
    a_child, b_child = child_of(database, a), child_of(database, b)
    marker = "Zq" + secrets.token_hex(4).translate(str.maketrans("0123456789", "ghijklmnop"))
    seeded = _seed_a(http, database, a, marker)
    in_child = http.post(
        "/v2/individuals",
        json={"individual": individual_of(marker)},
        headers=a.headers(**{"X-Frankie-CustomerChildID": a_child}),
    )
    assert in_child.status_code == 201, in_child.text
    profile_ids = [
        http.get(f"/v2/{kind}/{seeded[key]}/serviceprofiles/{service}", headers=a.headers()).json()[
            "serviceProfile"
        ]["serviceProfileId"]
        for kind, key, service in (("individuals", "person", "KYC"), ("organizations", "organization", "KYB"))
    ]
    hit_ids = [hit for ids in seeded["hits"].values() for hit in ids]
    ids = [seeded[key] for key in ("person", "organization", "person_run", "organization_run", "entry")]
    fresh = {value: str(uuid.uuid4()) for value in ids if len(value) == 36}
    fresh.update({seeded["person_run"]: new_ulid(), seeded["organization_run"]: new_ulid()})
    fresh.update({hit: str(uuid.uuid4()) for hit in hit_ids})
    fresh[seeded["matchlist"]] = f"NEVER_{marker}"
    leaks = (*ids, *hit_ids, seeded["matchlist_id"], *profile_ids, in_child.json()["individual"]["entityId"])
    return World(
        a=a,
        b=b,
        a_child=a_child,
        b_child=b_child,
        a_child_person=in_child.json()["individual"]["entityId"],
        person=seeded["person"],
        organization=seeded["organization"],
        person_run=seeded["person_run"],
        organization_run=seeded["organization_run"],
        hits=seeded["hits"],
        matchlist=seeded["matchlist"],
        entry=seeded["entry"],
        marker=marker,
        leaks=(*leaks, marker),
        fresh=fresh,
    )


# --- valid requests aimed at A's data --------------------------------------------------------------------

Maker = Callable[[World], dict[str, Any]]


def _resolution(step: str) -> Maker:
    return lambda w: {"processResults": w.hits[step], "manualStatus": "FALSE_POSITIVE"}


BODIES: dict[Route, Maker] = {
    ("POST", "/v2/individuals"): lambda w: {"individual": individual_of(w.marker)},
    ("PATCH", "/v2/individuals/{entityId}"): lambda w: {"individual": {"name": {"familyName": "Taken"}}},
    ("POST", "/v2/organizations"): lambda w: {"organization": {"details": {"name": {"name": w.marker}}}},
    ("PATCH", "/v2/individuals/{entityId}/results/aml"): _resolution("AML"),
    ("PATCH", "/v2/individuals/{entityId}/results/matchlist"): _resolution("MATCHLIST"),
    ("PATCH", "/v2/individuals/{entityId}/results/duplicate"): _resolution("DUPLICATE"),
    ("PATCH", "/v2/individuals/{entityId}/monitor"): lambda w: {"comment": {"text": "watch"}},
    ("POST", "/v2/search/serviceprofiles"): lambda w: {
        "search": {"terms": [{"value": w.marker}]},
        "filters": {"entityIds": [w.person, w.organization]},
    },
    ("POST", "/v2/matchlists/{matchlistName}/entries"): lambda w: {
        "action": "BLOCK",
        "entries": [{"attributes": [{"type": "IND_FAMILY_NAME", "value": "Bsown"}]}],
    },
    ("PATCH", "/v2/matchlists/{matchlistName}/entries/removeEntity"): lambda w: {"entityId": w.person},
    ("PATCH", "/v2/matchlists/{matchlistName}/entries/{entryId}"): lambda w: {"entry": {"state": "EXPIRED"}},
    ("POST", "/v2/search/matchlists"): lambda w: {
        "search": {"attributes": [{"type": "IND_FAMILY_NAME", "value": w.marker}]}
    },
}
# Onboarding a person with A's very details: A's duplicates and block lists must not answer.
BODIES[("POST", "/v2/individuals/new/serviceprofiles/{serviceName}/workflows/{workflowName}/execute")] = (
    lambda w: {"individual": individual_of(w.marker)}
)
for _kind in ("individuals", "organizations"):
    _base = f"/v2/{_kind}/{{entityId}}/serviceprofiles/{{serviceName}}"
    BODIES.update(
        {
            ("PATCH", _base): lambda w: {"serviceProfile": {"state": "ARCHIVED"}},
            ("PATCH", f"{_base}/risk"): lambda w: {"riskLevel": "HIGH"},
            ("PATCH", f"{_base}/workflows/{{workflowName}}/executions/{{workflowExecutionId}}"): lambda w: {
                "status": "PASS",
                "comment": {"text": "not yours"},
            },
            ("POST", f"{_base}/workflows/{{workflowName}}/execute"): lambda w: {},
        }
    )

QUERIES: dict[Route, Maker] = {
    ("GET", "/v2/audit"): lambda w: {"entityId": w.person, "limit": 500},
    ("GET", "/v2/workflows"): lambda w: {"include": "workflowDefinition"},
    ("PATCH", "/v2/individuals/{entityId}/monitor"): lambda w: {"enabled": "true"},
    ("GET", "/v2/matchlists/{matchlistName}/entries"): lambda w: {"limit": 500},
}


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    query: dict[str, Any]
    body: dict[str, Any] | None

    def send(self, http: TestClient, headers: dict[str, str]) -> Response:
        return http.request(self.method, self.path, params=self.query, json=self.body, headers=headers)

    def text(self) -> str:
        return json.dumps([self.path, self.query, self.body])

    def substituted(self, mapping: dict[str, str]) -> Call:
        text = self.text()
        for old, new in mapping.items():
            text = text.replace(old, new)
        path, query, body = json.loads(text)
        return Call(self.method, path, query, body)


def each_route(app: FastAPI, probe: Callable[[Route], str | None]) -> dict[str, str]:
    """`probe` run on every served route: what it reports (or raises) per route, so that one assertion
    names every failing route at once."""
    failures: dict[str, str] = {}
    for route in v2_operations(app):
        try:
            failure = probe(route)
        except (LookupError, AssertionError) as error:
            failure = f"{type(error).__name__}: {error}"
        if failure:
            failures[" ".join(route)] = failure
    return failures


def report(failures: dict[str, str]) -> str:
    """Per-route failures in full, one per line (pytest would cut a dict's repr short)."""
    return "\n" + "\n".join(f"{route}: {failure}" for route, failure in sorted(failures.items()))


def parameters(template: str) -> list[str]:
    return [part[1:-1] for part in template.split("/") if part.startswith("{")]


def call_on_a(world: World, route: Route, values: dict[str, str] | None = None) -> Call:
    """The route's valid request on A's ids (or on `values` given for some path parameters)."""
    method, template = route
    chosen = {**world.path_values(template), **(values or {})}
    path = template
    for name in parameters(template):
        if name not in chosen:
            raise LookupError(f"unknown path parameter {name}: give it A's value in World.path_values")
        path = path.replace(f"{{{name}}}", chosen[name])
    if method in BODY_METHODS and route not in BODIES:
        raise LookupError("no body aimed at A's data: add one to probes.BODIES")
    body = BODIES[route](world) if route in BODIES else None
    query = QUERIES[route](world) if route in QUERIES else {}
    return Call(method, path, query, body)


# --- A's state, before and after ---------------------------------------------------------------------


def snapshot(http: TestClient, world: World) -> dict[str, Any]:
    """What A sees of its own data (each read must succeed: an empty snapshot would compare equal)."""
    person = f"/v2/individuals/{world.person}"
    organization = f"/v2/organizations/{world.organization}"
    reads = {
        "person": (person, {}),
        "organization": (organization, {}),
        "kyc": (f"{person}/serviceprofiles/KYC", {}),
        "kyb": (f"{organization}/serviceprofiles/KYB", {}),
        "person_runs": (f"{person}/serviceprofiles/KYC/workflows/KYC_AML/executions", {}),
        "organization_runs": (f"{organization}/serviceprofiles/KYB/workflows/KYB_AML/executions", {}),
        "results": (f"{person}/results", {"limit": 500}),
        "audit": ("/v2/audit", {"limit": 500}),
        "entries": (f"/v2/matchlists/{world.matchlist}/entries", {"limit": 500}),
        "matchlists": ("/v2/matchlists", {}),
    }
    state = {name: _read(http, path, query, world.a.headers()) for name, (path, query) in reads.items()}
    child = world.a.headers(**{"X-Frankie-CustomerChildID": world.a_child})
    state["child_person"] = _read(http, f"/v2/individuals/{world.a_child_person}", {}, child)
    return state


def _read(http: TestClient, path: str, query: dict[str, Any], headers: dict[str, str]) -> Any:
    response = http.get(path, params=query, headers=headers)
    assert response.status_code == 200, (path, response.text)
    body = response.json()
    body.pop("requestId")
    return body
