"""The calling convention: envelope, trace ids, versions, unknown methods, bodies, media types."""

from __future__ import annotations

from fastapi.testclient import TestClient

from clearway.client import KompliantClient, Signer
from tests.api.kompliant.helpers import TRACE_ID, VERSION, error, ok, post_raw
from tests.support.factories import SeededAccount


def test_check_version_success_envelope(client: KompliantClient) -> None:
    response = client.send("meta.checkVersion", {})
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "meta": {"status": "SUCCESS", "trace_id": response.headers["X-Trace-Id"], "version": VERSION},
        "data": {"current_version": "2025-03-24", "latest_version": "2025-03-24"},
    }
    assert TRACE_ID.match(response.headers["X-Trace-Id"])


def test_trace_ids_differ_between_requests(client: KompliantClient) -> None:
    traces = [client.send("meta.checkVersion").headers["X-Trace-Id"] for _ in range(5)]
    assert len(set(traces)) == 5
    failed = client.send("workflow.get", {"workflow_id": "w_missing"})
    assert failed.json()["meta"]["trace_id"] == failed.headers["X-Trace-Id"]
    assert failed.headers["X-Trace-Id"] not in traces


def test_version_header_may_be_omitted(http: TestClient, account: SeededAccount) -> None:
    creds = account.credentials
    signer = Signer(creds.api_key, creds.secret_key, creds.auth_token, mode="minimal")
    response = post_raw(http, signer, "/meta.checkVersion", b"{}", drop_headers=("X-API-Version",))
    assert ok(response) == {"current_version": "2025-03-24", "latest_version": "2025-03-24"}


def test_unknown_version(http: TestClient, account: SeededAccount) -> None:
    creds = account.credentials
    signer = Signer(creds.api_key, creds.secret_key, creds.auth_token, version="2024-01-01")
    assert error(post_raw(http, signer, "/meta.checkVersion", b"{}")) == {
        "code": "UNKNOWN_VERSION",
        "message": "Unknown API version '2024-01-01'; supported: 2025-03-24.",
        "details": [{"field": "X-API-Version", "message": "unknown version"}],
    }


def test_unknown_version_in_minimal_mode(http: TestClient, account: SeededAccount) -> None:
    creds = account.credentials
    signer = Signer(creds.api_key, creds.secret_key, creds.auth_token, mode="minimal", version="latest")
    assert error(post_raw(http, signer, "/meta.checkVersion", b"{}"))["code"] == "UNKNOWN_VERSION"


def test_unknown_method_is_400(client: KompliantClient) -> None:
    assert error(client.send("workflow.fly", {})) == {
        "code": "BAD_REQUEST",
        "message": "Unknown method 'workflow.fly'.",
        "sub_code": "UNKNOWN_METHOD",
    }


def test_unknown_nested_path_is_400(http: TestClient) -> None:
    assert error(http.post("/workflow/update", content=b"{}")) == {
        "code": "BAD_REQUEST",
        "message": "Unknown path '/workflow/update'.",
        "sub_code": "UNKNOWN_METHOD",
    }


def test_get_on_a_method_is_400(http: TestClient, account: SeededAccount) -> None:
    creds = account.credentials
    headers = Signer(creds.api_key, creds.secret_key, creds.auth_token).headers(
        "GET", "/meta.checkVersion", b""
    )
    assert error(http.get("/meta.checkVersion", headers=headers)) == {
        "code": "BAD_REQUEST",
        "message": "Methods are called with POST, not GET.",
    }


def test_non_json_content_type_is_415(http: TestClient, client: KompliantClient) -> None:
    response = post_raw(
        http, client.signer, "/meta.checkVersion", b"{}", set_headers={"Content-Type": "text/plain"}
    )
    assert error(response, 415) == {
        "code": "UNSUPPORTED_MEDIA_TYPE",
        "message": "Send the request body as application/json.",
    }


def test_json_content_type_with_charset_is_accepted(http: TestClient, client: KompliantClient) -> None:
    response = post_raw(
        http,
        client.signer,
        "/meta.checkVersion",
        b"{}",
        set_headers={"Content-Type": "application/json; charset=utf-8"},
    )
    assert ok(response) == {"current_version": "2025-03-24", "latest_version": "2025-03-24"}


def test_body_over_one_mebibyte_is_413(http: TestClient, client: KompliantClient) -> None:
    body = b'{"pad": "' + b"x" * (1 << 20) + b'"}'
    assert error(post_raw(http, client.signer, "/meta.checkVersion", body), 413) == {
        "code": "PAYLOAD_TOO_LARGE",
        "message": "The request body exceeds 1048576 bytes.",
    }


def test_invalid_json_is_bad_request(http: TestClient, client: KompliantClient) -> None:
    found = error(post_raw(http, client.signer, "/workflow.get", b'{"workflow_id": "w_1",'))
    assert found["code"] == "BAD_REQUEST"
    assert found["message"].startswith("The request body is not valid JSON: ")
    assert found["details"] == [{"field": "body", "message": "invalid JSON"}]
    assert sorted(found) == ["code", "details", "message"]


def test_body_must_be_an_object(http: TestClient, client: KompliantClient) -> None:
    for body in (b"[]", b'"workflow"', b"42", b"null", b'[{"workflow_id": "w_1"}]'):
        assert error(post_raw(http, client.signer, "/workflow.get", body)) == {
            "code": "BAD_REQUEST",
            "message": "The request body must be a JSON object.",
            "details": [{"field": "body", "message": "must be a JSON object"}],
        }


def test_empty_body_is_an_empty_object(http: TestClient, client: KompliantClient) -> None:
    response = post_raw(http, client.signer, "/meta.checkVersion", b"")
    assert ok(response) == {"current_version": "2025-03-24", "latest_version": "2025-03-24"}
    missing = error(post_raw(http, client.signer, "/workflow.get", b""))
    assert missing == {
        "code": "BAD_REQUEST",
        "message": "Invalid or missing parameters: workflow_id.",
        "details": [{"field": "workflow_id", "message": "Field required"}],
    }


def test_unknown_fields_are_reported_as_warnings(client: KompliantClient) -> None:
    response = client.send("meta.checkVersion", {"verbose": True, "colour": "blue"})
    assert ok(
        response,
        warnings=[
            {
                "code": "UNKNOWN_FIELD",
                "field": "verbose",
                "message": "'verbose' is not a parameter of this method and was ignored",
            },
            {
                "code": "UNKNOWN_FIELD",
                "field": "colour",
                "message": "'colour' is not a parameter of this method and was ignored",
            },
        ],
    ) == {"current_version": "2025-03-24", "latest_version": "2025-03-24"}


def test_nul_characters_are_refused_naming_the_field(client: KompliantClient) -> None:
    """PostgreSQL text cannot store NUL: every string is checked before it reaches the database (on
    PostgreSQL these used to be 500s)."""
    record_id = client.call("subjectRecord.create", {})["subject_record_id"]
    cases = [
        ("workflow.get", {"workflow_id": "w_\x00"}, "workflow_id"),
        ("subjectRecord.get", {"subject_record_id": record_id, "account_id": "sb_\x00"}, "account_id"),
        (
            "business.create",
            {"subject_record_id": record_id, "business": {"legal_name": "Acme\x00"}},
            "business.legal_name",
        ),
        (
            "person.create",
            {
                "subject_record_id": record_id,
                "addresses": [{"line1": "1\x00", "city": "X", "postal_code": "12345"}],
            },
            "addresses[0].line1",
        ),
        (
            "workflow.create",
            {"workflow": {"type": "ACCOUNT_PROVISIONING", "details": {"x\x00": 1}}},
            "workflow.details.x\x00",
        ),
    ]
    for method, params, field in cases:
        assert error(client.send(method, params)) == {
            "code": "BAD_REQUEST",
            "message": f"Invalid or missing parameters: {field}.",
            "details": [{"field": field, "message": "must not contain NUL (\\u0000) characters"}],
        }
    assert client.call("person.list", {"subject_record_id": record_id}) == {"persons": []}
    assert client.call("workflow.list", {}) == {"workflows": []}
