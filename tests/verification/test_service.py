"""The service on a real database: sample lists, atomicity, resolved hits, EXTERNAL over HTTP, the
background queue."""

from __future__ import annotations

import hashlib
import hmac
import json
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import select

from clearway.db import Database
from clearway.errors import InvalidInput, NotFound
from clearway.screening.lists.service import import_list
from clearway.screening.service import ScreeningService
from clearway.verification import service as verification
from clearway.verification.catalog import import_definition
from clearway.verification.definitions import parse_text
from clearway.verification.models import Execution, ProcessResult, VerificationJob
from clearway.verification.queue import ExecutionQueue
from clearway.verification.worker import WorkerPool
from tests.support.factories import make_account
from tests.verification.helpers import (
    ACTOR,
    SAMPLES,
    add_organization,
    add_person,
    import_sample_lists,
    snapshot,
)

NASRALLAH = {
    "first_name": "Hasan",
    "last_name": "Nasrallah",
    "date_of_birth": date(1960, 8, 31),
    "citizenship": "LB",
    "email": "hn@example.org",
    "phone_number": None,
    "tax_id": None,
}


@pytest.fixture
def account_id(database: Database) -> str:
    account = make_account(database).account_id
    import_sample_lists(database, account)
    return account


@pytest.fixture
def screening(database: Database) -> ScreeningService:
    return ScreeningService(database)


def run(
    database: Database,
    account_id: str,
    entity_id: str,
    screening: ScreeningService,
    workflow: str = "KYC_AML",
    entity_type: str = "INDIVIDUAL",
) -> Execution:
    account = snapshot(database, account_id)
    with database.transaction() as session:
        return verification.execute_workflow(
            session,
            account,
            verification.Subject(entity_id, entity_type),
            "KYC",
            workflow,
            request_id="req-1",
            actor=ACTOR,
            screening=screening,
        )


def results(database: Database, account_id: str, entity_id: str) -> list[ProcessResult]:
    with database.transaction() as session:
        return verification.list_process_results(session, account_id, entity_id)


def test_clean_individual_passes(database: Database, account_id: str, screening: ScreeningService) -> None:
    entity = add_person(database, account_id)
    execution = run(database, account_id, entity, screening)
    assert (execution.state, execution.result, execution.status, execution.risk_level) == (
        "COMPLETED",
        "PASS",
        "PASS",
        "LOW",
    )
    assert len(execution.id) == 26
    assert results(database, account_id, entity) == []


def test_a_name_the_engine_cannot_read_is_not_passed(
    database: Database, account_id: str, screening: ScreeningService
) -> None:
    """Written only in Tibetan, which Clearway has no transliteration for, the name was compared with
    nothing: the AML step is INCOMPLETE with an issue saying so, and the decision is REVIEW, not PASS."""
    entity = add_person(database, account_id, first_name="བསྟན་འཛིན", last_name="རྒྱ་མཚོ")
    execution = run(database, account_id, entity, screening)
    assert (execution.state, execution.result) == ("COMPLETED", "REVIEW")
    assert "AML" in execution.steps["incomplete"]
    assert [(i["category"], i["issue"]) for i in execution.issues] == [("AML", "NAME_NOT_SCREENED")]


def test_sanctioned_individual_goes_to_review_then_stays_cleared(
    database: Database, account_id: str, screening: ScreeningService, tmp_path: Path
) -> None:
    entity = add_person(database, account_id, **NASRALLAH)
    first = run(database, account_id, entity, screening)
    assert first.result == "REVIEW"
    [hit] = results(database, account_id, entity)
    assert (hit.step_name, hit.result, hit.match_key) == ("AML", "HIT", f"ofac-{account_id}:ofac-sdn:2686")
    assert hit.details["explanation"] and hit.details["algorithmVersion"] and hit.details["listVersions"]
    with database.transaction() as session:  # an analyst resolves it (what the dialect's PATCH does)
        session.get(ProcessResult, hit.id).manual_status = "FALSE_POSITIVE"  # type: ignore[union-attr]
    second = run(database, account_id, entity, screening)
    assert second.result == "PASS"
    assert len(results(database, account_id, entity)) == 1  # not raised again

    # The entry changes in a new list version: the hit is raised again.
    changed = tmp_path / "ofac"
    shutil.copytree(SAMPLES / "ofac", changed)
    sdn = changed / "sdn.csv"
    sdn.write_text(
        sdn.read_text().replace('Secretary General of Hizballah"', 'Secretary-General of Hizballah"', 1)
    )
    with database.transaction() as session:
        report = import_list(session, changed, name=f"ofac-{account_id}"[:100], account_id=account_id)
    assert report.changed == 1
    third = run(database, account_id, entity, screening)
    assert third.result == "REVIEW"
    newest = results(database, account_id, entity)[-1]
    assert newest.details["previousResolution"]["entryChanged"] is True
    assert newest.match_digest != hit.match_digest


def test_confirmed_hit_fails(database: Database, account_id: str, screening: ScreeningService) -> None:
    entity = add_person(database, account_id, **NASRALLAH)
    run(database, account_id, entity, screening)
    [hit] = results(database, account_id, entity)
    with database.transaction() as session:
        session.get(ProcessResult, hit.id).manual_status = "TRUE_POSITIVE"  # type: ignore[union-attr]
    assert run(database, account_id, entity, screening).result == "FAIL"


def test_blocklist_and_duplicate(database: Database, account_id: str, screening: ScreeningService) -> None:
    first = add_person(database, account_id)
    second = add_person(database, account_id, email="JANE.CITIZEN@example.com", tax_id="111-22-3333")
    assert run(database, account_id, second, screening).result == "REVIEW"  # duplicate of `first` by email
    [dup] = results(database, account_id, second)
    assert dup.details["duplicateEntityId"] == first and dup.details["matchedOn"] == [
        "EMAIL",
        "PHONE",
        "NAME_DOB",
    ]
    with database.transaction() as session:
        verification.add_matchlist_entry(session, account_id, "fraud", "BLOCK", "PHONE", "+1 415 555 2671")
    assert run(database, account_id, first, screening).result == "BLOCKED"


def test_kyb_screens_owners(database: Database, account_id: str, screening: ScreeningService) -> None:
    owner = add_person(database, account_id, **NASRALLAH)
    organization = add_organization(database, account_id, [owner])
    execution = run(database, account_id, organization, screening, "KYB_AML", "ORGANIZATION")
    assert execution.result == "REVIEW"
    [hit] = [r for r in results(database, account_id, organization) if r.step_name == "AML"]
    assert hit.details["screenedEntityId"] == owner and hit.entity_id == organization


def test_unknown_workflow_entity_and_wrong_type(
    database: Database, account_id: str, screening: ScreeningService
) -> None:
    entity = add_person(database, account_id)
    with pytest.raises(NotFound) as missing:
        run(database, account_id, entity, screening, "NOPE")
    assert missing.value.details[0].field == "workflowName"
    with pytest.raises(NotFound) as unknown:
        run(database, account_id, "00000000-0000-0000-0000-000000000000", screening)
    assert unknown.value.details[0].field == "entityId"
    with pytest.raises(InvalidInput):
        run(database, account_id, entity, screening, "KYB_AML")
    other = make_account(database).account_id
    with pytest.raises(NotFound):
        run(database, other, entity, screening)  # another tenant's entity is missing, not forbidden


class _Endpoint(BaseHTTPRequestHandler):
    answers: ClassVar[list[tuple[int, dict[str, Any]]]] = []
    seen: ClassVar[list[tuple[bytes, str | None]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).seen.append((body, self.headers.get("X-Clearway-Signature")))
        status, answer = type(self).answers.pop(0) if type(self).answers else (200, {"result": "PASS"})
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, type[_Endpoint]]]:
    handler = type("Handler", (_Endpoint,), {"answers": [], "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/check", handler
    server.shutdown()
    server.server_close()


def external_definition(database: Database, account_id: str, url: str, name: str = "EXT") -> None:
    text = f"""
name: {name}
entityType: INDIVIDUAL
steps:
  - type: START
  - type: KYC
  - type: EXTERNAL
    name: VENDOR
    settings: {{url: "{url}", secret: s3cret, retries: 2, backoffSeconds: 0.01, timeoutSeconds: 2}}
  - type: DECISION
    settings:
      rules: [{{when: {{stepResult: {{step: VENDOR, result: FAIL}}}}, status: FAIL}}]
  - type: FINISH
"""
    with database.transaction() as session:
        import_definition(session, account_id, parse_text(text), ACTOR)


def test_external_signed_call_with_retries(
    database: Database, account_id: str, screening: ScreeningService, endpoint: tuple[str, type[_Endpoint]]
) -> None:
    url, handler = endpoint
    external_definition(database, account_id, url)
    handler.answers += [(503, {}), (200, {"result": "FAIL", "reason": "velocity"})]
    entity = add_person(database, account_id)
    execution = run(database, account_id, entity, screening, "EXT")
    assert (execution.state, execution.result) == ("COMPLETED", "FAIL")
    body, signature = handler.seen[-1]
    assert len(handler.seen) == 2
    assert signature == "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert json.loads(body)["entityId"] == entity
    [finding] = results(database, account_id, entity)
    assert (finding.step_name, finding.result, finding.details["attempts"]) == ("VENDOR", "FAIL", 2)


def test_failing_step_is_atomic(
    database: Database, account_id: str, screening: ScreeningService, endpoint: tuple[str, type[_Endpoint]]
) -> None:
    url, handler = endpoint
    external_definition(database, account_id, url)
    handler.answers += [(500, {})] * 3
    entity = add_person(database, account_id, email="bad@@x")  # KYC would write a finding: it must not
    execution = run(database, account_id, entity, screening, "EXT")
    assert (execution.state, execution.error["stepName"]) == ("ERROR", "VENDOR")  # type: ignore[index]
    assert "3 attempts" in execution.error["message"]  # type: ignore[index]
    assert execution.step_results == [] and results(database, account_id, entity) == []


def test_background_run_completes(database: Database, account_id: str, screening: ScreeningService) -> None:
    entities = [
        add_person(
            database,
            account_id,
            email=f"p{i}@example.com",
            tax_id=None,
            phone_number=None,
            first_name=f"P{i}",
        )
        for i in range(3)
    ]
    pool = WorkerPool(database, screening, concurrency=2, poll_interval=0.05)
    queue: ExecutionQueue = pool.queue()
    account = snapshot(database, account_id)
    ids = []
    for entity in entities:
        with database.transaction() as session:
            execution = verification.submit_workflow(
                session,
                account,
                verification.Subject(entity, "INDIVIDUAL"),
                "KYC",
                "KYC_AML",
                request_id="req-bg",
                actor=ACTOR,
                screening=screening,
                queue=queue,
            )
            assert execution.state == "IN_PROGRESS"
            ids.append(execution.id)
    pool.run_until_empty()
    with database.transaction() as session:
        done = [verification.get_execution(session, account_id, i) for i in ids]
        jobs = session.scalars(select(VerificationJob).where(VerificationJob.execution_id.in_(ids))).all()
        listed, total = verification.list_executions(session, account_id, entities[0], "KYC")
    assert [(e.state, e.result, e.attempts) for e in done] == [("COMPLETED", "PASS", 1)] * 3
    assert sorted(j.state for j in jobs) == ["DONE"] * 3
    assert total == 1 and listed[0].id == ids[0]


def test_list_executions_newest_first_and_filters(
    database: Database, account_id: str, screening: ScreeningService
) -> None:
    entity = add_person(database, account_id, **NASRALLAH)
    first = run(database, account_id, entity, screening)
    second = run(database, account_id, entity, screening)
    stranger = make_account(database).account_id
    with database.transaction() as session:
        rows, total = verification.list_executions(session, account_id, entity, "KYC")
        reviewed, _ = verification.list_executions(session, account_id, entity, "KYC", results=["PASS"])
        page2, _ = verification.list_executions(session, account_id, entity, "KYC", page=2, limit=1)
        with pytest.raises(NotFound):
            verification.get_execution(session, stranger, first.id)
    assert [r.id for r in rows] == [second.id, first.id] and total == 2
    assert reviewed == [] and [r.id for r in page2] == [first.id]
