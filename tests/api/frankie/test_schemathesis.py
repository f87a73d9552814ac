"""Schemathesis over every `/v2` operation of Clearway's own `/openapi.json`: generated requests, with a
seeded tenant's headers so that they pass authentication and reach the handlers (and, most of the time,
that tenant's real ids so that they reach its rows), must never answer 5xx.

The operations are read from the served document at run time, so an operation added later is fuzzed too
without touching this file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from clearway.db import Database
from tests.api.frankie.conftest import INDIVIDUAL, Tenant, make_tenant
from tests.api.frankie.probes import report
from tests.api.frankie.seeding import ORGANIZATION, RESOLVABLE_STEPS, add_hits, create, execute
from tests.api.frankie.v2_routes import v2_operations as served_v2_operations

# Headers that select another account than the seeded tenant: generated values would only ever get 401.
AUTH_HEADERS = ("api_key", "X-Frankie-CustomerID", "X-Frankie-CustomerChildID")
EXAMPLES = {GenerationMode.POSITIVE: 8, GenerationMode.NEGATIVE: 4}  # ~25 s of calls on 2 cores
# The operations the fixture below seeds rows for: each must answer 2xx at least once to valid input.
SEEDED_PREFIXES = ("/v2/individuals", "/v2/organizations", "/v2/search/serviceprofiles", "/v2/workflows")


@dataclass(frozen=True)
class FuzzTenant:
    tenant: Tenant
    path_ids: dict[str, dict[str, str]]  # per entity kind: path parameter -> a real value
    hits: dict[str, list[str]]  # step name -> process result ids of the individual

    def auth_headers(self) -> dict[str, str]:
        return {"api_key": self.tenant.api_key, "X-Frankie-CustomerID": self.tenant.account_id}


@pytest.fixture(scope="module")
def fuzz_tenant(app: FastAPI, database: Database) -> FuzzTenant:
    """A tenant with an individual and an organization, each with a completed execution."""
    tenant = make_tenant(database)
    with TestClient(app) as http:
        person = create(http, tenant, "individuals", INDIVIDUAL)
        organization = create(http, tenant, "organizations", ORGANIZATION)
        person_run = execute(http, tenant, "individuals", person, "KYC", "KYC_AML")
        organization_run = execute(http, tenant, "organizations", organization, "KYB", "KYB_AML")
    path_ids = {
        "individuals": {
            "entityId": person,
            "serviceName": "KYC",
            "workflowName": "KYC_AML",
            "workflowExecutionId": person_run,
        },
        "organizations": {
            "entityId": organization,
            "serviceName": "KYB",
            "workflowName": "KYB_AML",
            "workflowExecutionId": organization_run,
        },
    }
    return FuzzTenant(tenant, path_ids, add_hits(database, person_run))


@pytest.fixture(scope="module")
def v2_operations(app: FastAPI) -> list[Any]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    chosen = [operation for operation in operations if operation.path.startswith("/v2/")]
    # Deleting the seeded individual first would turn every later case on it into a 404: deletes last.
    return sorted(chosen, key=lambda operation: (operation.method.upper() == "DELETE", operation.label))


def test_every_v2_route_is_in_the_served_document(app: FastAPI, v2_operations: list[Any]) -> None:
    """The fuzzing below reads the document: a route missing from it would escape it."""
    documented = {(operation.method.upper(), operation.path) for operation in v2_operations}
    assert set(served_v2_operations(app)) == documented
    assert len(documented) >= 24  # the dialect's operations at the time of writing, and any since


def _kind_of(path: str) -> str:
    return "organizations" if path.startswith("/v2/organizations") else "individuals"


def _with_real_ids(case: Any, fuzz: FuzzTenant) -> None:
    """Path parameters set to the tenant's real entity/profile/workflow/execution, and resolutions naming
    its real hits, so that generated bodies and queries go past the lookups into the database."""
    real = fuzz.path_ids[_kind_of(case.operation.path)]
    parameters = dict(case.path_parameters or {})
    case.path_parameters = {name: real.get(name, value) for name, value in parameters.items()}
    step = RESOLVABLE_STEPS.get(case.operation.path.rsplit("/", 1)[-1])
    if step and isinstance(case.body, dict) and "processResults" in case.body:
        case.body = {**case.body, "processResults": fuzz.hits[step]}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=str)
def test_no_server_errors(v2_operations: list[Any], fuzz_tenant: FuzzTenant, mode: GenerationMode) -> None:
    failures: dict[str, str] = {}
    statuses: dict[str, list[int]] = defaultdict(list)
    for operation in v2_operations:
        try:
            _fuzz(operation, fuzz_tenant, mode, statuses[operation.label])
        # A check's failure (one, or a group): collected so that one run names every failing operation.
        except (AssertionError, BaseExceptionGroup) as error:
            failures[operation.label] = str(error)[:2000]
    assert failures == {}, report(failures)
    # Without these the test could pass by never reaching a handler: valid headers never answer 401,
    # and valid input to an operation on the seeded rows succeeds at least once.
    unauthorised = {label: codes for label, codes in statuses.items() if 401 in codes}
    assert unauthorised == {}
    if mode is GenerationMode.POSITIVE:
        never_succeeded = sorted(
            operation.label
            for operation in v2_operations
            if operation.path.startswith(SEEDED_PREFIXES)
            and not any(200 <= code < 300 for code in statuses[operation.label])
        )
        assert never_succeeded == []


def _fuzz(operation: Any, fuzz: FuzzTenant, mode: GenerationMode, statuses: list[int]) -> None:
    # Mostly real ids: a random id only ever meets the (cheap, well covered) 404.
    @given(case=operation.as_strategy(generation_mode=mode), real_ids=st.integers(0, 3).map(bool))
    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        derandomize=True,  # the same cases on every run: a failure reproduces, the duration is stable
        # No shrinking: it replays hundreds of calls per failing operation (minutes); the failing case
        # is reported as generated, and reproduces (derandomized).
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case: Any, real_ids: bool) -> None:
        # The generated channel and username stay: they are recorded with every change.
        headers = {key: value for key, value in (case.headers or {}).items() if key not in AUTH_HEADERS}
        case.headers = {**headers, **fuzz.auth_headers()}
        if real_ids:
            _with_real_ids(case, fuzz)
        response = case.call()
        statuses.append(response.status_code)
        case.validate_response(response, checks=[not_a_server_error])

    run()
