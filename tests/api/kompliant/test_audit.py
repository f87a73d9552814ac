"""Every mutation writes its audit event (actor credential, trace id, method, entity, before/after) in
the same transaction; reads and failed calls write none; the account's chain verifies."""

from __future__ import annotations

import time
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from clearway.audit.service import ChainVerification, verify_chain
from clearway.client import KompliantClient
from clearway.db import Database
from clearway.parties.models import Organization
from tests.api.kompliant.helpers import ADULT_DOB, EMAIL, audit_events, error, ok
from tests.support.factories import SeededAccount, make_account


class Recorder:
    """Calls methods and returns, per call, the audit events it added."""

    def __init__(self, client: KompliantClient, database: Database, account: SeededAccount) -> None:
        self.client, self.database, self.account = client, database, account
        self.seen = 0

    def new_events(self) -> list[dict[str, Any]]:
        events = audit_events(self.database, self.account.account_id)
        fresh = events[self.seen :]
        self.seen = len(events)
        return [
            {
                "action": e.action,
                "entity_type": e.entity_type,
                "entity_id": e.entity_id,
                "actor_credential_id": e.actor_credential_id,
                "request_id": e.request_id,
                "before": e.before,
                "after": e.after,
            }
            for e in fresh
        ]

    def call(self, method: str, params: dict[str, Any]) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
        response = self.client.send(method, params)
        return ok(response), response.headers["X-Trace-Id"], self.new_events()

    def event(
        self, method: str, trace: str, entity: str, entity_id: str, before: Any, after: Any
    ) -> dict[str, Any]:
        return {
            "action": method,
            "entity_type": entity,
            "entity_id": entity_id,
            "actor_credential_id": self.account.credentials.credential_id,
            "request_id": trace,
            "before": before,
            "after": after,
        }


def test_every_mutation_is_audited(
    client: KompliantClient, database: Database, account: SeededAccount
) -> None:
    r = Recorder(client, database, account)

    data, trace, events = r.call("subjectRecord.create", {})
    record_id = data["subject_record_id"]
    assert events == [
        r.event("subjectRecord.create", trace, "SubjectRecord", record_id, None, {"type": "BUSINESS"})
    ]

    application = {
        "type": "BUSINESS_APPLICATION",
        "state": "CREATED",
        "subject_record_id": record_id,
        "details": {"business_application_details": {"applying_user": {"email": EMAIL}}},
    }
    data, trace, events = r.call("workflow.create", {"workflow": application})
    workflow_id = data["workflow_id"]
    created = {
        "type": "BUSINESS_APPLICATION",
        "state": "CREATED",
        "subject_record_id": record_id,
        "details": {"applying_user": {"email": EMAIL}},
    }
    assert events == [r.event("workflow.create", trace, "Workflow", workflow_id, None, created)]

    change = {"referrer_value": "UAYACG123", "applying_user": {"first_name": "Joe"}}
    _, trace, events = r.call(
        "workflow.update", {"workflow_id": workflow_id, "workflow": {"details": change}}
    )
    updated = {
        **created,
        "details": {"applying_user": {"email": EMAIL, "first_name": "Joe"}, "referrer_value": "UAYACG123"},
    }
    assert events == [r.event("workflow.update", trace, "Workflow", workflow_id, created, updated)]

    business = {"legal_name": "Acme", "tax_id": "123456789", "industry_category_codes": ["5411"]}
    data, trace, events = r.call("business.create", {"subject_record_id": record_id, "business": business})
    business_id = data["business_id"]
    business_after = {
        "legal_name": "Acme",
        "operating_name": None,
        "registration_type": None,
        "tax_id": "*****6789",  # masked in the audit trail too
        "phone_number": None,
        "email": None,
        "industry_category_codes": ["5411"],
        "additional_fields": [],
    }
    assert events == [r.event("business.create", trace, "Business", business_id, None, business_after)]

    _, trace, events = r.call(
        "business.update", {"business_id": business_id, "business": {"operating_name": "A"}}
    )
    assert events == [
        r.event(
            "business.update",
            trace,
            "Business",
            business_id,
            business_after,
            {**business_after, "operating_name": "A"},
        )
    ]

    person = {"first_name": "Ada", "date_of_birth": ADULT_DOB, "tax_id": "111223333"}
    data, trace, events = r.call("person.create", {"subject_record_id": record_id, "person": person})
    person_id = data["person_id"]
    assert events == [
        r.event(
            "person.create",
            trace,
            "Person",
            person_id,
            None,
            {
                "first_name": "Ada",
                "middle_name": None,
                "last_name": None,
                "email": None,
                "date_of_birth": ADULT_DOB,
                "tax_id": "*****3333",
                "citizenship": None,
                "phone_number": None,
                "addresses": [],
            },
        )
    ]

    owner = {"person_id": person_id, "ownership_type": "CONTROL_PRONG", "ownership_percentage": 51}
    data, trace, events = r.call("business.addOwner", {"business_id": business_id, "owner": owner})
    assert events == [
        r.event(
            "business.addOwner",
            trace,
            "BusinessOwner",
            data["business_owner_id"],
            None,
            {
                "business_id": business_id,
                "ownership_type": "CONTROL_PRONG",
                "ownership_percentage": 51,
                "ownership_year_month": None,
                "business_person_position": None,
                "person_id": person_id,
            },
        )
    ]

    _, trace, events = r.call("workflow.start", {"workflow_id": workflow_id})
    started = {**updated, "state": "STARTED"}
    assert events[0] == r.event("workflow.start", trace, "Workflow", workflow_id, updated, started)
    # Starting a business application queues KYB verification of its business, audited in the same call.
    assert [(e["action"], e["request_id"]) for e in events[1:]] == [
        ("SERVICE_PROFILE_CREATE", trace),
        ("WORKFLOW_SUBMIT", trace),
    ]
    kyb_execution_id = events[2]["entity_id"]
    with database.transaction() as session:
        business = session.get(Organization, business_id)
        assert business is not None
        kyb_entity_id = business.entity_id

    data, trace, events = r.call("workflow.complete", {"workflow_id": workflow_id})
    underwriting_id = data["business_underwriting_workflow_id"]
    # Completing changes two workflows: the application ends and the underwriting workflow is created.
    assert events == [
        r.event("workflow.complete", trace, "Workflow", workflow_id, started, {**started, "state": "ENDED"}),
        r.event(
            "workflow.complete",
            trace,
            "Workflow",
            underwriting_id,
            None,
            {
                "type": "BUSINESS_UNDERWRITING",
                "state": "STARTED",
                "subject_record_id": record_id,
                "details": {
                    "application_workflow_id": workflow_id,
                    "decision": "PENDING",  # the queued KYB run has not completed: no worker ran
                    "verification": {
                        "workflow_execution_id": kyb_execution_id,
                        "workflow_name": "KYB_AML",
                        "entity_id": kyb_entity_id,
                        "state": "IN_PROGRESS",
                        "result": "IN_PROGRESS",
                        "status": "IN_PROGRESS",
                        "risk_level": None,
                    },
                },
            },
        ),
    ]

    with database.transaction() as session:
        assert verify_chain(session, account.account_id) == ChainVerification(account.account_id, 12, True)
    assert [e.sequence for e in audit_events(database, account.account_id)] == list(range(1, 13))


def test_reads_write_no_audit_events(
    client: KompliantClient, database: Database, account: SeededAccount
) -> None:
    r = Recorder(client, database, account)
    record_id = r.call("subjectRecord.create", {})[0]["subject_record_id"]
    r.call(
        "workflow.create",
        {
            "workflow": {
                "type": "BUSINESS_APPLICATION",
                "subject_record_id": record_id,
                "details": {"applying_user": {"email": EMAIL}},
            }
        },
    )
    workflow_id = r.call("workflow.list", {})[0]["workflows"][0]["workflow_id"]
    for method, params in [
        ("meta.checkVersion", {}),
        ("subjectRecord.get", {"subject_record_id": record_id, "verbose": True}),
        ("subjectRecord.list", {}),
        ("workflow.get", {"workflow_id": workflow_id}),
        ("workflow.list", {"subject_record_id": record_id}),
        ("workflow.canComplete", {"workflow_id": workflow_id}),
        ("person.list", {"subject_record_id": record_id}),
    ]:
        assert r.call(method, params)[2] == []


def test_failed_calls_write_no_audit_events(
    client: KompliantClient, database: Database, account: SeededAccount
) -> None:
    r = Recorder(client, database, account)
    record_id = r.call("subjectRecord.create", {})[0]["subject_record_id"]
    other = {"type": "BUSINESS_APPLICATION", "details": {"applying_user": {"email": "taken@example.com"}}}
    r.call("workflow.create", {"workflow": other})
    mine = {
        "type": "BUSINESS_APPLICATION",
        "state": "CREATED",
        "subject_record_id": record_id,
        "details": {"applying_user": {"email": EMAIL}},
    }
    workflow_id = r.call("workflow.create", {"workflow": mine})[0]["workflow_id"]
    failures = [
        (
            "workflow.update",
            {
                "workflow_id": workflow_id,
                "workflow": {
                    "details": {"referrer_value": "x", "applying_user": {"email": "TAKEN@example.com"}}
                },
            },
        ),
        (
            "workflow.update",
            {
                "workflow_id": workflow_id,
                "workflow": {"details": {"referrer_value": "x", "pricing_model_id": "pm_nope"}},
            },
        ),
        ("workflow.create", {"workflow": {**other, "subject_record_id": record_id}}),
        ("workflow.complete", {"workflow_id": workflow_id}),
        ("business.create", {"subject_record_id": "sr_nope", "business": {}}),
        ("person.create", {"subject_record_id": record_id, "person": {"tax_id": "1"}}),
    ]
    for method, params in failures:
        assert error(client.send(method, params))["code"] in {
            "ACCOUNT_CONFIGURATION_VIOLATION",
            "ENTITY_NOT_FOUND",
            "SYSTEM_RULE_VIOLATION",
            "MISSING_REQUIREMENTS",
            "BAD_REQUEST",
        }
        assert r.new_events() == []
    with database.transaction() as session:
        assert verify_chain(session, account.account_id) == ChainVerification(account.account_id, 3, True)


def test_audit_events_of_a_child_account_go_to_its_chain(
    client: KompliantClient, database: Database, account: SeededAccount
) -> None:
    child = make_account(database, parent_id=account.account_id)
    data = ok(client.send("subjectRecord.create", {"account_id": child.account_id}))
    assert audit_events(database, account.account_id) == []
    events = audit_events(database, child.account_id)
    assert [(e.entity_id, e.actor_credential_id) for e in events] == [
        (data["subject_record_id"], account.credentials.credential_id)
    ]


def test_the_server_seals_events_after_a_restart_of_its_lifespan(
    app: FastAPI, database: Database, account: SeededAccount
) -> None:
    """The app's lifespan may run more than once (here: two test clients in a row); the sealer thread
    must come back each time and chain events shortly after their commit, without waiting for shutdown.
    (Bounded wait for the background thread, not a timing assertion.)"""
    with TestClient(app):
        pass
    creds = account.credentials
    with TestClient(app) as http:
        client = KompliantClient(
            "http://testserver", creds.api_key, creds.secret_key, creds.auth_token, http=http
        )
        ok(client.send("subjectRecord.create", {}))
        deadline = time.monotonic() + 10
        while audit_events(database, account.account_id)[0].sequence is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert [e.sequence for e in audit_events(database, account.account_id)] == [1]
