"""Matchlist management through the verification dialect (the core spec's `/v2/matchlists` and
`/v2/search/matchlists`): responses valid against the core spec, the attribute mapping, entry states,
audit events, tenant isolation, and the MATCHLIST step of a KYC_AML execution following the entries."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from clearway.audit.models import AuditEvent
from clearway.db import Database
from clearway.verification.models import MatchlistEntry, ProcessResult
from clearway.verification.steps.normal import matchlist_value
from tests.api.frankie.conftest import Tenant, child_of, json_of
from tests.api.frankie.spec import CORE, assert_error, assert_matches_spec

LISTS = "/v2/matchlists"
ENTRIES = "/v2/matchlists/{matchlistName}/entries"
ENTRY = "/v2/matchlists/{matchlistName}/entries/{entryId}"
REMOVE_ENTITY = "/v2/matchlists/{matchlistName}/entries/removeEntity"
SEARCH = "/v2/search/matchlists"
MISSING_ID = "00000000-0000-4000-8000-000000000000"


def attribute(kind: str, value: str) -> dict[str, str]:
    return {"type": kind, "value": value}


def add(
    http: TestClient,
    tenant: Tenant,
    list_name: str,
    *entries: dict[str, Any],
    action: str | None = "BLOCK",
    **extra: Any,
) -> Any:
    body: dict[str, Any] = {"entries": list(entries), **extra}
    if action is not None:
        body["action"] = action
    return http.post(f"/v2/matchlists/{list_name}/entries", json=body, headers=tenant.headers())


def add_one(http: TestClient, tenant: Tenant, list_name: str, kind: str, value: str, **entry: Any) -> str:
    response = add(http, tenant, list_name, {"attributes": [attribute(kind, value)], **entry})
    assert response.status_code == 200, response.text
    entry_id: str = response.json()["entries"][0]["entryId"]
    return entry_id


def entry_path(list_name: str, entry_id: str) -> str:
    return f"/v2/matchlists/{list_name}/entries/{entry_id}"


def set_state(http: TestClient, tenant: Tenant, list_name: str, entry_id: str, state: str) -> Any:
    body = {"entry": {"state": state}, "comment": {"text": f"now {state}"}}
    return http.patch(entry_path(list_name, entry_id), json=body, headers=tenant.headers())


# --- creating and reading -----------------------------------------------------------------------------


def test_entries_created_into_a_new_list_read_back_valid_against_the_core_spec(
    http: TestClient, tenant: Tenant, database: Database
) -> None:
    created = add(
        http,
        tenant,
        "fraud",
        {"attributes": [attribute("EMAIL_ADDRESS", " Jane.Doe@Example.COM ")], "reference": "chargebacks"},
        {"attributes": [attribute("PHONE_NUMBER", "+1 (415) 555-2671")], "reasons": ["FRAUD_RING"]},
        batchName="blocklist.csv",
        comment={"text": "from the fraud team"},
    )
    assert created.status_code == 200, created.text
    body = json_of(created)
    assert_matches_spec(body, ENTRIES, "post", 200, CORE)
    assert (body["matchlist"]["name"], body["matchlist"]["action"], body["matchlist"]["state"]) == (
        "fraud",
        "BLOCK",
        "ACTIVE",
    )
    email, phone = body["entries"]
    assert email["attributes"] == [attribute("EMAIL_ADDRESS", "Jane.Doe@Example.COM")]
    assert (email["reference"], email["state"], email["batchName"]) == (
        "chargebacks",
        "ACTIVE",
        "blocklist.csv",
    )
    assert (email["createdBy"], email["updatedBy"]) == ("alice", "alice")
    assert phone["reasons"] == ["FRAUD_RING"]
    assert len(body["requestId"]) == 26
    assert created.headers["X-Frankie-RequestID"] == body["requestId"]

    with database.transaction() as session:
        stored = session.scalars(
            select(MatchlistEntry)
            .where(MatchlistEntry.account_id == tenant.account_id)
            .order_by(MatchlistEntry.id)
        ).all()
        # Stored in the normal form the MATCHLIST step compares.
        assert [(row.attribute, row.normalized_value, row.action) for row in stored] == [
            ("EMAIL", matchlist_value("EMAIL", "Jane.Doe@Example.COM"), "BLOCK"),
            ("PHONE", matchlist_value("PHONE", "+1 (415) 555-2671"), "BLOCK"),
        ]

    lists = http.get(LISTS, headers=tenant.headers())
    assert lists.status_code == 200, lists.text
    assert_matches_spec(lists.json(), LISTS, "get", 200, CORE)
    [matchlist] = lists.json()["matchlists"]
    assert (matchlist["matchlistId"], matchlist["name"], matchlist["action"], matchlist["createdBy"]) == (
        body["matchlist"]["matchlistId"],
        "fraud",
        "BLOCK",
        "alice",
    )

    listed = http.get("/v2/matchlists/fraud/entries", headers=tenant.headers())
    assert listed.status_code == 200, listed.text
    assert_matches_spec(listed.json(), ENTRIES, "get", 200, CORE)
    assert listed.json()["entries"] == body["entries"]
    assert listed.json()["meta"] == {
        "page": 1,
        "limit": 10,
        "count": 2,
        "total": 2,
        "sort": "asc",
        "sortFields": ["createdAt"],
    }

    one = http.get(entry_path("fraud", email["entryId"]), headers=tenant.headers())
    assert one.status_code == 200, one.text
    assert_matches_spec(one.json(), ENTRY, "get", 200, CORE)
    assert one.json()["entry"] == email


def test_the_spec_attributes_map_onto_one_name_email_phone_or_identifier(
    http: TestClient, tenant: Tenant, database: Database
) -> None:
    response = add(
        http,
        tenant,
        "watch",
        {
            "attributes": [
                attribute("IND_FAMILY_NAME", "Citizen"),
                attribute("IND_GIVEN_NAME", "Jane"),
                attribute("IND_MIDDLE_NAME", "Q"),
            ]
        },
        {"attributes": [attribute("IND_DISPLAY_NAME", "Jane Citizen")]},
        {"attributes": [attribute("ORG_NAME", "Acme Holdings Ltd")]},
        {"attributes": [attribute("DOC_PRIMARY_IDENTIFIER", "123-45-6789")]},
        {"attributes": [attribute("ORG_REGISTRATION_NUMBER", "AB 123 456")]},
        action="ALLOW",
    )
    assert response.status_code == 200, response.text
    assert_matches_spec(response.json(), ENTRIES, "post", 200, CORE)
    assert [entry["attributes"] for entry in response.json()["entries"]] == [
        [attribute("IND_DISPLAY_NAME", "Jane Q Citizen")],  # name parts joined in their order
        [attribute("IND_DISPLAY_NAME", "Jane Citizen")],
        [attribute("ORG_NAME", "Acme Holdings Ltd")],
        [attribute("DOC_PRIMARY_IDENTIFIER", "123-45-6789")],
        [attribute("ORG_REGISTRATION_NUMBER", "AB 123 456")],
    ]
    with database.transaction() as session:
        stored = session.scalars(
            select(MatchlistEntry)
            .where(MatchlistEntry.account_id == tenant.account_id)
            .order_by(MatchlistEntry.id)
        ).all()
        assert [(row.attribute, row.normalized_value, row.action) for row in stored] == [
            ("NAME", "citizen jane q", "ALLOW"),
            ("NAME", "citizen jane", "ALLOW"),
            ("NAME", "acme holdings ltd", "ALLOW"),
            ("IDENTIFIER", "123456789", "ALLOW"),
            ("IDENTIFIER", "AB123456", "ALLOW"),
        ]


@pytest.mark.parametrize(
    ("entry", "location"),
    [
        ({"attributes": [attribute("ADDR_LOCALITY", "Sydney")]}, "entries.0.attributes.0.type"),
        (
            {"attributes": [attribute("IND_DISPLAY_NAME", "Jane"), attribute("ENTITY_TYPE", "INDIVIDUAL")]},
            "entries.0.attributes.1.type",
        ),
        (
            {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co"), attribute("PHONE_NUMBER", "+61400000000")]},
            "entries.0.attributes",
        ),
        (
            {"attributes": [attribute("IND_GIVEN_NAME", "Jane"), attribute("IND_GIVEN_NAME", "Joan")]},
            "entries.0.attributes",
        ),
        ({"attributes": [attribute("PHONE_NUMBER", "call me")]}, "entries.0.attributes"),
        ({"attributes": [attribute("IND_DISPLAY_NAME", "   ")]}, "entries.0.attributes"),
        (
            {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")], "entityId": MISSING_ID},
            "entries.0.entityType",
        ),
        ({"attributes": []}, "entries.0.attributes"),
        (
            {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")], "reasons": ["not a code"]},
            "entries.0.reasons.0",
        ),
    ],
)
def test_entries_that_cannot_be_matched_as_sent_are_refused_naming_the_field(
    http: TestClient, tenant: Tenant, database: Database, entry: dict[str, Any], location: str
) -> None:
    body = assert_error(add(http, tenant, "fraud", entry), 400, "")
    assert [detail["issueLocation"] for detail in body["details"]] == [location]
    with database.transaction() as session:
        assert (
            session.scalars(
                select(MatchlistEntry).where(MatchlistEntry.account_id == tenant.account_id)
            ).all()
            == []
        )


def test_a_list_is_made_by_its_first_entries_and_keeps_its_action(http: TestClient, tenant: Tenant) -> None:
    email = {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")]}
    missing = assert_error(add(http, tenant, "fraud", email, action=None), 404, "ENT-")
    assert missing["details"][0]["issueLocation"] == "matchlistName"
    assert add(http, tenant, "fraud", email).status_code == 200
    assert add(http, tenant, "fraud", email, action=None).status_code == 200  # existing list: its action
    changed = assert_error(add(http, tenant, "fraud", email, action="ALLOW"), 400, "VAL-")
    assert changed["details"][0]["issueLocation"] == "action"
    unsupported = assert_error(add(http, tenant, "other", email, action="REVIEW"), 400, "")
    assert unsupported["details"][0]["issueLocation"] == "action"
    assert_error(add(http, tenant, "bad%20name", email), 400, "API-")
    assert [item["name"] for item in http.get(LISTS, headers=tenant.headers()).json()["matchlists"]] == [
        "fraud"
    ]


def test_concurrent_first_entries_make_one_list(http: TestClient, tenant: Tenant, database: Database) -> None:
    """The list's unique name decides between concurrent creators: every request lands in one list."""
    writers = 6
    codes: list[int] = []
    start = threading.Barrier(writers)

    def create(n: int) -> None:
        start.wait()
        codes.append(
            add(http, tenant, "race", {"attributes": [attribute("EMAIL_ADDRESS", f"u{n}@b.co")]}).status_code
        )

    threads = [threading.Thread(target=create, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert codes == [200] * writers
    assert [item["name"] for item in http.get(LISTS, headers=tenant.headers()).json()["matchlists"]] == [
        "race"
    ]
    assert len(http.get("/v2/matchlists/race/entries", headers=tenant.headers()).json()["entries"]) == writers
    with database.transaction() as session:
        made = session.scalars(
            select(AuditEvent).where(
                AuditEvent.account_id == tenant.account_id, AuditEvent.entity_type == "MATCHLIST"
            )
        ).all()
        assert len(made) == 1


# --- states, removal, audit -----------------------------------------------------------------------------


def test_entry_states_change_deleted_is_final_and_every_change_is_audited(
    http: TestClient, tenant: Tenant
) -> None:
    entry_id = add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "a@b.co")
    expired = set_state(http, tenant, "fraud", entry_id, "EXPIRED")
    assert expired.status_code == 200, expired.text
    assert_matches_spec(expired.json(), ENTRY, "patch", 200, CORE)
    assert expired.json()["entry"]["state"] == "EXPIRED"
    assert http.get("/v2/matchlists/fraud/entries", headers=tenant.headers()).json()["entries"] == []

    updated = http.patch(
        entry_path("fraud", entry_id),
        json={"entry": {"state": "ACTIVE", "reference": "re-opened", "reasons": ["R1"]}},
        headers=tenant.headers(username="bob"),
    )
    assert updated.status_code == 200, updated.text
    entry = updated.json()["entry"]
    assert (entry["state"], entry["reference"], entry["reasons"], entry["updatedBy"], entry["createdBy"]) == (
        "ACTIVE",
        "re-opened",
        ["R1"],
        "bob",
        "alice",
    )
    assert set_state(http, tenant, "fraud", entry_id, "DELETED").status_code == 200
    final = assert_error(set_state(http, tenant, "fraud", entry_id, "ACTIVE"), 400, "API-")
    assert "deleted" in final["errorMsg"]
    deleted = http.get("/v2/matchlists/fraud/entries?states=DELETED,EXPIRED", headers=tenant.headers())
    assert [item["state"] for item in deleted.json()["entries"]] == ["DELETED"]
    assert (
        http.get(entry_path("fraud", entry_id), headers=tenant.headers()).json()["entry"]["state"]
        == "DELETED"
    )

    audit = http.get(f"/v2/audit?entityId={entry_id}&sort=asc", headers=tenant.headers())
    assert audit.status_code == 200, audit.text
    assert_matches_spec(audit.json(), "/v2/audit", "get", 200, CORE)
    events = audit.json()["events"]
    assert [(e["type"], e["source"], e["channel"]) for e in events] == [
        ("MATCHLIST_ENTRY", "alice", "PORTAL"),
        ("MATCHLIST_ENTRY", "alice", "PORTAL"),
        ("MATCHLIST_ENTRY", "bob", "PORTAL"),
        ("MATCHLIST_ENTRY", "alice", "PORTAL"),
    ]
    assert [e["after"]["entry"]["state"] for e in events] == ["ACTIVE", "EXPIRED", "ACTIVE", "DELETED"]
    assert [e["before"]["entry"]["state"] for e in events[1:]] == ["ACTIVE", "EXPIRED", "ACTIVE"]
    assert events[1]["userComment"]["text"] == "now EXPIRED"
    assert len({e["requestId"] for e in events}) == 4


def test_concurrent_changes_never_revive_a_deleted_entry(http: TestClient, tenant: Tenant) -> None:
    entry_id = add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "a@b.co")
    states = ["EXPIRED", "DELETED", "ACTIVE", "EXPIRED", "ACTIVE", "EXPIRED"]
    codes: list[int] = []
    start = threading.Barrier(len(states))

    def change(state: str) -> None:
        start.wait()
        codes.append(set_state(http, tenant, "fraud", entry_id, state).status_code)

    threads = [threading.Thread(target=change, args=(state,)) for state in states]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(set(codes)) in ([200], [200, 400])
    events = http.get(f"/v2/audit?entityId={entry_id}&sort=asc&limit=100", headers=tenant.headers()).json()
    chain = [(e["before"]["entry"]["state"], e["after"]["entry"]["state"]) for e in events["events"][1:]]
    assert len(chain) == codes.count(200)
    for (_, left), (came_from, _) in itertools.pairwise(chain):
        assert came_from == left  # each change starts from the state the previous one left
    assert chain[-1][1] == "DELETED"  # whatever the order, nothing comes after the deletion
    assert (
        http.get(entry_path("fraud", entry_id), headers=tenant.headers()).json()["entry"]["state"]
        == "DELETED"
    )


def test_remove_entity_deletes_the_entries_derived_from_it(http: TestClient, tenant: Tenant) -> None:
    entity = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    linked = {"entityId": entity.upper(), "entityType": "INDIVIDUAL"}
    first = add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "a@b.co", **linked)
    second = add_one(http, tenant, "fraud", "IND_DISPLAY_NAME", "Jane Citizen", **linked)
    other = add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "other@b.co")
    by_entity = http.get(f"/v2/matchlists/fraud/entries?entityId={entity}", headers=tenant.headers())
    assert [item["entryId"] for item in by_entity.json()["entries"]] == [first, second]

    removed = http.patch(
        "/v2/matchlists/fraud/entries/removeEntity", json={"entityId": entity}, headers=tenant.headers()
    )
    assert removed.status_code == 200, removed.text
    assert_matches_spec(removed.json(), REMOVE_ENTITY, "patch", 200, CORE)
    assert (removed.json()["entityId"], removed.json()["state"]) == (entity, "DELETED")
    active = http.get("/v2/matchlists/fraud/entries", headers=tenant.headers()).json()["entries"]
    assert [item["entryId"] for item in active] == [other]
    again = http.patch(
        "/v2/matchlists/fraud/entries/removeEntity", json={"entityId": entity}, headers=tenant.headers()
    )
    assert_error(again, 404, "ENT-")


def test_entries_filter_sort_and_page(http: TestClient, tenant: Tenant) -> None:
    ids = [add_one(http, tenant, "fraud", "EMAIL_ADDRESS", f"user{n}@b.co") for n in range(5)]
    batch = add(
        http, tenant, "fraud", {"attributes": [attribute("EMAIL_ADDRESS", "z@b.co")]}, batchName="import.csv"
    ).json()["entries"][0]["entryId"]
    referenced = add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "r@b.co", reference="CERT-1")

    def listed(query: str) -> list[str]:
        response = http.get(f"/v2/matchlists/fraud/entries?{query}", headers=tenant.headers())
        assert response.status_code == 200, response.text
        return [item["entryId"] for item in response.json()["entries"]]

    everything = [*ids, batch, referenced]
    assert listed("limit=100") == everything
    assert listed("limit=100&sort=desc") == everything[::-1]
    assert listed("limit=3&page=2") == everything[3:6]
    assert listed("page=9") == []
    assert listed("batchName=import.csv") == [batch]
    assert listed("reference=CERT-1") == [referenced]
    assert listed(f"entryId={ids[2]}") == [ids[2]]
    assert set_state(http, tenant, "fraud", ids[0], "EXPIRED").status_code == 200
    assert listed("states=ACTIVE,EXPIRED&sortFields=state,createdAt&limit=100") == [*everything[1:], ids[0]]
    body = assert_error(
        http.get("/v2/matchlists/fraud/entries?states=GONE", headers=tenant.headers()), 400, ""
    )
    assert body["details"][0]["issueLocation"] == "states"
    wrong = http.get("/v2/matchlists/fraud/entries?sortFields=name", headers=tenant.headers())
    assert assert_error(wrong, 400, "")["details"][0]["issueLocation"] == "sortFields"


@pytest.mark.parametrize("parameter", ["batchName", "reference", "states", "sortFields"])
def test_nul_in_a_text_query_parameter_is_refused_naming_it(
    http: TestClient, tenant: Tenant, parameter: str
) -> None:
    """PostgreSQL text cannot hold NUL: it must be bad input, not a failed query."""
    add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "a@b.co")
    response = http.get(
        "/v2/matchlists/fraud/entries", params={parameter: "x\x00y"}, headers=tenant.headers()
    )
    assert assert_error(response, 400, "")["details"][0]["issueLocation"] == parameter
    lists = http.get(LISTS, params={"states": "ACTIVE\x00"}, headers=tenant.headers())
    assert assert_error(lists, 400, "")["details"][0]["issueLocation"] == "states"


# --- search -------------------------------------------------------------------------------------------


def test_search_finds_active_entries_exactly_or_by_containment(http: TestClient, tenant: Tenant) -> None:
    blocked = add_one(http, tenant, "fraud", "IND_DISPLAY_NAME", "Jane Q. Citizen")
    add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "jane@b.co")
    allowed = add(
        http, tenant, "vip", {"attributes": [attribute("IND_DISPLAY_NAME", "Citizen, Jane")]}, action="ALLOW"
    ).json()
    gone = add_one(http, tenant, "fraud", "IND_DISPLAY_NAME", "Jane Citizen")
    assert set_state(http, tenant, "fraud", gone, "DELETED").status_code == 200

    exact = http.post(
        SEARCH,
        json={"search": {"type": "EXACT", "attributes": [attribute("IND_DISPLAY_NAME", "JANE citizen")]}},
        headers=tenant.headers(),
    )
    assert exact.status_code == 200, exact.text
    body = exact.json()
    assert_matches_spec(body, SEARCH, "post", 200, CORE)
    vip_id = allowed["matchlist"]["matchlistId"]
    assert [
        (item["matchlistId"], item["entry"]["entryId"], item["confidence"]) for item in body["entries"]
    ] == [(vip_id, allowed["entries"][0]["entryId"], 1.0)]
    assert body["matchlists"] == {vip_id: {"matchlistId": vip_id, "name": "vip", "action": "ALLOW"}}
    assert body["meta"] == {"total": 1, "limit": 20, "count": 1}

    fuzzy = http.post(
        SEARCH,
        json={"search": {"type": "FUZZY", "attributes": [attribute("IND_FAMILY_NAME", "citizen")]}},
        headers=tenant.headers(),
    )
    assert fuzzy.status_code == 200, fuzzy.text
    assert_matches_spec(fuzzy.json(), SEARCH, "post", 200, CORE)
    found = [(item["entry"]["entryId"], item["confidence"]) for item in fuzzy.json()["entries"]]
    assert found == [(allowed["entries"][0]["entryId"], round(7 / 12, 4)), (blocked, round(7 / 14, 4))]

    custom = http.post(
        SEARCH + "?limit=1",
        json={
            "search": {"type": "FUZZY", "attributes": [attribute("IND_GIVEN_NAME", "jane")]},
            "filter": {"listScope": "CUSTOM", "searchLists": [vip_id]},
        },
        headers=tenant.headers(),
    )
    assert custom.status_code == 200, custom.text
    assert [item["matchlistId"] for item in custom.json()["entries"]] == [vip_id]
    assert custom.json()["meta"] == {"total": 1, "limit": 1, "count": 1}
    no_lists = http.post(
        SEARCH,
        json={
            "search": {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")]},
            "filter": {"listScope": "CUSTOM"},
        },
        headers=tenant.headers(),
    )
    assert assert_error(no_lists, 400, "")["details"][0]["issueLocation"] == "filter.searchLists"


# --- tenancy and authentication -------------------------------------------------------------------------


def test_another_accounts_lists_and_entries_answer_like_missing_ones(
    http: TestClient, tenant: Tenant, other_tenant: Tenant, database: Database
) -> None:
    created = add(http, tenant, "fraud", {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")]}).json()
    entry_id, list_id = created["entries"][0]["entryId"], created["matchlist"]["matchlistId"]
    theirs = other_tenant.headers()
    assert http.get(LISTS, headers=theirs).json()["matchlists"] == []
    assert_error(http.get("/v2/matchlists/fraud/entries", headers=theirs), 404, "ENT-")
    assert_error(http.get(entry_path("fraud", entry_id), headers=theirs), 404, "ENT-")
    assert_error(http.get(entry_path("fraud", MISSING_ID), headers=tenant.headers()), 404, "ENT-")
    assert_error(set_state(http, other_tenant, "fraud", entry_id, "DELETED"), 404, "ENT-")
    other_list = add(http, tenant, "other", {"attributes": [attribute("EMAIL_ADDRESS", "x@b.co")]})
    assert other_list.status_code == 200
    assert_error(http.get(entry_path("other", entry_id), headers=tenant.headers()), 404, "ENT-")  # wrong list
    assert_error(add(http, other_tenant, "fraud", {"attributes": []}, action=None), 400, "")
    email = {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")]}
    assert_error(add(http, other_tenant, "fraud", email, action=None), 404, "ENT-")
    search = {"search": {"attributes": [attribute("EMAIL_ADDRESS", "a@b.co")]}}
    assert http.post(SEARCH, json=search, headers=theirs).json()["entries"] == []
    foreign_scope = {**search, "filter": {"listScope": "CUSTOM", "searchLists": [list_id]}}
    assert_error(http.post(SEARCH, json=foreign_scope, headers=theirs), 404, "ENT-")
    removal = {"entityId": MISSING_ID}
    assert_error(
        http.patch(f"{ENTRIES.format(matchlistName='fraud')}/removeEntity", json=removal, headers=theirs),
        404,
        "",
    )

    # A child account (X-Frankie-CustomerChildID) has lists of its own.
    child = child_of(database, tenant)
    child_headers = tenant.headers(**{"X-Frankie-CustomerChildID": child})
    assert http.get(LISTS, headers=child_headers).json()["matchlists"] == []
    with database.transaction() as session:
        row = session.scalar(select(MatchlistEntry).where(MatchlistEntry.entry_id == entry_id))
        assert row is not None and row.state == "ACTIVE"


def test_calls_without_credentials_are_unauthorized(http: TestClient, tenant: Tenant) -> None:
    assert_error(http.get(LISTS), 401, "AUTH-0401")
    wrong = {**tenant.headers(), "api_key": "nope"}
    assert_error(http.get("/v2/matchlists/fraud/entries", headers=wrong), 401, "AUTH-0002")
    assert_error(http.get(entry_path("fraud", "not-a-uuid"), headers=tenant.headers()), 400, "API-")


# --- the MATCHLIST step follows the entries ---------------------------------------------------------------


def execute(http: TestClient, tenant: Tenant, entity_id: str) -> dict[str, Any]:
    path = f"/v2/individuals/{entity_id}/serviceprofiles/KYC/workflows/KYC_AML/execute"
    response = http.post(path, json={}, headers=tenant.headers())
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()["workflowResult"]
    return result


def matchlist_step(result: dict[str, Any]) -> str:
    [step] = [item for item in result["workflowStepResults"] if item["stepName"] == "MATCHLIST"]
    status: str = step["result"]
    return status


def test_an_entry_added_through_the_api_raises_the_hit_and_removing_it_stops_it(
    http: TestClient, tenant: Tenant, create_individual: Callable[[Tenant], str], database: Database
) -> None:
    entity_id = create_individual(tenant)  # email ada@example.com
    before = execute(http, tenant, entity_id)
    assert matchlist_step(before) == "CLEAR"

    # Written differently from the individual's email: the step compares normal forms.
    entry_id = add_one(http, tenant, "fraud", "EMAIL_ADDRESS", "  ADA@Example.com ")
    hit = execute(http, tenant, entity_id)
    assert matchlist_step(hit) == "HIT"
    assert "MATCHLIST" in hit["steps"]["failed"]
    assert hit["result"] == "BLOCKED"
    with database.transaction() as session:
        [evidence] = session.scalars(
            select(ProcessResult).where(
                ProcessResult.execution_id == hit["workflowExecutionId"],
                ProcessResult.step_name == "MATCHLIST",
            )
        ).all()
        assert (evidence.details["entryId"], evidence.details["listName"], evidence.details["action"]) == (
            entry_id,
            "fraud",
            "BLOCK",
        )

    assert set_state(http, tenant, "fraud", entry_id, "DELETED").status_code == 200
    after = execute(http, tenant, entity_id)
    assert matchlist_step(after) == "CLEAR"
    assert "MATCHLIST" not in after["steps"]["failed"]
    assert after["result"] == before["result"]


def test_an_allow_list_entry_explains_without_blocking(
    http: TestClient, tenant: Tenant, create_individual: Callable[[Tenant], str]
) -> None:
    entity_id = create_individual(tenant)
    before = execute(http, tenant, entity_id)
    response = add(
        http,
        tenant,
        "vip",
        {"attributes": [attribute("IND_DISPLAY_NAME", "Lovelace, Ada B")]},
        action="ALLOW",
    )
    assert response.status_code == 200, response.text
    allowed = execute(http, tenant, entity_id)
    assert matchlist_step(allowed) == "CLEAR"
    assert allowed["result"] == before["result"]
