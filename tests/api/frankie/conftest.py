"""Fixtures of the verification-dialect tests: accounts with API keys, headers, rows the engine would
write (inserted directly so that these tests do not depend on running workflows)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from clearway.db import Database
from clearway.db.base import utcnow
from clearway.parties.models import Person
from clearway.tenancy import service as tenancy
from clearway.tenancy.models import Account
from clearway.verification.ids import new_ulid
from clearway.verification.models import Execution, ProcessResult, ServiceProfile, WorkflowDefinitionRecord


@dataclass(frozen=True)
class Tenant:
    account_id: str
    api_key: str

    def headers(self, username: str | None = "alice", **extra: str) -> dict[str, str]:
        headers = {
            "api_key": self.api_key,
            "X-Frankie-CustomerID": self.account_id,
            "X-Frankie-Channel": "portal",
        }
        if username:
            headers["X-Frankie-Username"] = username
        headers.update(extra)
        return headers


def make_tenant(db: Database, *, four_eyes: bool = False, parent_id: str | None = None) -> Tenant:
    with db.transaction() as session:
        account = tenancy.create_account(session, "Frankie test", parent_id=parent_id)
        account.four_eyes_overrides = four_eyes
        _credential, api_key = tenancy.create_api_key_credential(session, account)
        return Tenant(account.id, api_key)


@pytest.fixture
def tenant(database: Database) -> Tenant:
    return make_tenant(database)


@pytest.fixture
def other_tenant(database: Database) -> Tenant:
    return make_tenant(database)


@pytest.fixture
def four_eyes_tenant(database: Database) -> Tenant:
    return make_tenant(database, four_eyes=True)


INDIVIDUAL = {
    "name": {"givenName": "Ada", "middleName": "B", "familyName": "Lovelace"},
    "dateOfBirth": {"year": "1985", "month": "12", "day": "10"},
    "gender": {"gender": "FEMALE"},
    "nationality": "AUS",
    "addresses": [{"country": "AUS", "streetName": "George St", "locality": "Sydney", "type": "RESIDENTIAL"}],
    "emailAddresses": [{"email": "ada@example.com", "type": "PERSONAL", "isPreferred": True}],
    "phoneNumbers": [{"number": "+61412345678", "type": "MOBILE", "country": "AUS"}],
}


@pytest.fixture
def create_individual(http: TestClient) -> Callable[[Tenant], str]:
    def create(tenant: Tenant) -> str:
        response = http.post("/v2/individuals", json={"individual": INDIVIDUAL}, headers=tenant.headers())
        assert response.status_code == 201, response.text
        entity_id: str = response.json()["individual"]["entityId"]
        return entity_id

    return create


@dataclass(frozen=True)
class Seeded:
    entity_id: str
    profile_id: str
    execution_id: str
    process_result_ids: list[str]


def seed_execution(
    db: Database,
    account_id: str,
    entity_id: str,
    *,
    result: str = "FAIL",
    service: str = "KYC",
    workflow: str = "KYC_AML",
) -> Seeded:
    """What an engine run leaves behind: a service profile, a completed execution, AML hits."""
    now = utcnow()
    with db.transaction() as session:
        definition = (
            session.query(WorkflowDefinitionRecord).filter_by(scope=account_id, name=workflow).one_or_none()
        )
        if definition is None:
            definition = WorkflowDefinitionRecord(
                scope=account_id,
                account_id=account_id,
                name=workflow,
                version=1,
                entity_type="INDIVIDUAL",
                lifecycle_phase="ONBOARDING",
                document={"name": workflow, "steps": ["START", "AML", "DECISION", "FINISH"]},
            )
            session.add(definition)
            session.flush()
        profile = (
            session.query(ServiceProfile)
            .filter_by(account_id=account_id, entity_id=entity_id, service_name=service)
            .one_or_none()
        )
        if profile is None:
            profile = ServiceProfile(
                id=new_entity_uuid(),
                account_id=account_id,
                entity_id=entity_id,
                entity_type="INDIVIDUAL",
                service_name=service,
                state="ACTIVE",
                monitoring_types=[],
            )
            session.add(profile)
            session.flush()
        execution = Execution(
            id=new_ulid(),
            account_id=account_id,
            service_profile_id=profile.id,
            entity_id=entity_id,
            entity_type="INDIVIDUAL",
            workflow_name=workflow,
            definition_id=definition.id,
            lifecycle_phase="ONBOARDING",
            state="COMPLETED",
            result=result,
            status=result,
            risk_score=42.0,
            risk_level="MEDIUM",
            risk_factors=[{"factor": "country", "value": "AU", "score": 10}],
            steps={
                "order": ["START", "AML", "DECISION", "FINISH"],
                "passed": ["START", "FINISH"],
                "failed": ["AML"],
            },
            step_results=[{"stepName": "AML", "result": "HIT"}],
            issues=[{"category": "AML", "issue": "SANCTION", "severity": "BLOCK"}],
            request_id=new_ulid(),
            started_at=now,
            ended_at=now,
        )
        session.add(execution)
        session.flush()
        hits = []
        for step in ("AML", "AML", "MATCHLIST", "DUPLICATE"):
            hit = ProcessResult(
                id=new_entity_uuid(),
                account_id=account_id,
                entity_id=entity_id,
                execution_id=execution.id,
                step_name=step,
                object_type="INDIVIDUAL",
                result="HIT",
                details={"score": 0.93},
            )
            session.add(hit)
            hits.append(hit.id)
        return Seeded(entity_id, profile.id, execution.id, hits)


def new_entity_uuid() -> str:
    return str(uuid.uuid4())


def execution_row(db: Database, execution_id: str) -> Execution:
    with db.transaction() as session:
        row = session.get(Execution, execution_id)
        assert row is not None
        session.expunge(row)
        return row


def person_row(db: Database, entity_id: str) -> Person | None:
    with db.transaction() as session:
        row = session.query(Person).filter_by(entity_id=entity_id).one_or_none()
        if row is not None:
            session.expunge(row)
        return row


def child_of(db: Database, parent: Tenant) -> str:
    with db.transaction() as session:
        child = tenancy.create_account(session, "child", parent_id=parent.account_id)
        return child.id


def account_row(db: Database, account_id: str) -> Account:
    with db.transaction() as session:
        row = session.get(Account, account_id)
        assert row is not None
        session.expunge(row)
        return row


def json_of(response: Any) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    return body


def override_path(seeded: Seeded, service: str = "KYC", workflow: str = "KYC_AML") -> str:
    return (
        f"/v2/individuals/{seeded.entity_id}/serviceprofiles/{service}/workflows/{workflow}/executions/"
        f"{seeded.execution_id}"
    )
