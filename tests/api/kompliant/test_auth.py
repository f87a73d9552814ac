"""KSig1-HMAC-SHA256 authentication: every AUTH_* error (HTTP 401), minimal and full mode, freshness."""

from __future__ import annotations

import base64
import time
from typing import Literal

import pytest
from fastapi.testclient import TestClient

from clearway.api.kompliant import signing
from clearway.api.kompliant.auth import RequestToVerify, authenticate
from clearway.api.kompliant.errors import ApiError
from clearway.client import Signer
from clearway.db import Database, utcnow
from clearway.tenancy import service as tenancy
from clearway.tenancy.models import Credential
from clearway.tenancy.secrets import new_secret_key
from tests.api.kompliant.conftest import ClientFor
from tests.api.kompliant.helpers import error, json_bytes, ok, post_raw
from tests.support.factories import MASTER_KEY, SeededAccount, make_account

PATH = "/meta.checkVersion"
VERSION_DATA = {"current_version": "2025-03-24", "latest_version": "2025-03-24"}
MODES: tuple[Literal["full", "minimal"], ...] = ("full", "minimal")
MISMATCH = {"code": "AUTH_SIGNATURE_MISMATCH", "message": "The signature does not match the request."}


def _signer(
    account: SeededAccount, mode: Literal["full", "minimal"] = "full", secret: str | None = None
) -> Signer:
    creds = account.credentials
    return Signer(creds.api_key, secret or creds.secret_key, creds.auth_token, mode=mode)


def test_full_mode_works(http: TestClient, account: SeededAccount) -> None:
    assert ok(post_raw(http, _signer(account), PATH, b"{}")) == VERSION_DATA


def test_minimal_mode_works(http: TestClient, account: SeededAccount) -> None:
    signer = _signer(account, "minimal")
    headers = signer.headers("POST", PATH, b"{}")
    assert "X-API-Signed-Elements" not in headers
    assert ok(http.post(PATH, content=b"{}", headers=headers)) == VERSION_DATA
    # Minimal mode signs the API key only: the same headers work again, for any method and body.
    again = http.post("/subjectRecord.list", content=b'{"verbose": false}', headers=headers)
    assert ok(again) == {"subject_records": []}


def test_known_answer_vector_against_the_server(http: TestClient, database: Database) -> None:
    """Credentials imported with a fixed secret; the signature below was computed with OpenSSL:
    printf 'sb_KnownAnswerVectorKey01\\nPOST\\n/meta.checkVersion\\n2025-03-24\\n%s' \\
      'mZFLkyvTelC5g8XnyQrpOw==' | openssl dgst -sha256 -mac HMAC -macopt hexkey:000102…1f20 -binary | base64
    where mZFLkyvTelC5g8XnyQrpOw== = `printf '{}' | openssl dgst -md5 -binary | base64`."""
    with database.transaction() as session:
        account = tenancy.create_account(session, "Known answer")
        tenancy.create_signing_credentials(
            session,
            MASTER_KEY,
            account,
            api_key="sb_KnownAnswerVectorKey01",
            secret_key="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g",
            auth_token="known-answer-token",
        )
    headers = {
        "Authorization": "KSig1-HMAC-SHA256 5LD6H40jh3EUAaGZEMCH3NSX3gACH0/GONKZT7vH6Jo=",
        "X-API-Key": "sb_KnownAnswerVectorKey01",
        "X-API-Auth-Token": "known-answer-token",
        "X-API-Signed-Elements": "HTTP-Verb;URL-Path;API-Version;Content-MD5",
        "X-API-Version": "2025-03-24",
        "X-API-Content-Hash": "mZFLkyvTelC5g8XnyQrpOw==",
        "Content-Type": "application/json",
    }
    assert ok(http.post(PATH, content=b"{}", headers=headers)) == VERSION_DATA
    # The minimal-mode vector of tests/unit/test_signing.py, against the server.
    minimal = {
        "Authorization": "KSig1-HMAC-SHA256 Xj5zuCnudpmNHxaym85zbjzRppeAwqXh0m/iug7mw7E=",
        "X-API-Key": "sb_KnownAnswerVectorKey01",
        "X-API-Auth-Token": "known-answer-token",
    }
    assert ok(http.post(PATH, content=b"{}", headers=minimal)) == VERSION_DATA


@pytest.mark.parametrize("header", ["Authorization", "X-API-Key", "X-API-Auth-Token"])
def test_each_missing_header(http: TestClient, account: SeededAccount, header: str) -> None:
    response = post_raw(http, _signer(account), PATH, b"{}", drop_headers=(header,))
    assert error(response, 401) == {
        "code": "AUTH_MISSING_HEADER",
        "message": f"Missing required header(s): {header}.",
        "details": [{"field": header, "message": "header is required"}],
    }


def test_no_headers_at_all(http: TestClient) -> None:
    assert error(http.post(PATH, content=b"{}"), 401) == {
        "code": "AUTH_MISSING_HEADER",
        "message": "Missing required header(s): Authorization, X-API-Key, X-API-Auth-Token.",
        "details": [
            {"field": "Authorization", "message": "header is required"},
            {"field": "X-API-Key", "message": "header is required"},
            {"field": "X-API-Auth-Token", "message": "header is required"},
        ],
    }


@pytest.mark.parametrize(
    ("element", "header"),
    [
        ("Timestamp", "X-API-Timestamp"),
        ("Nonce", "X-API-Nonce"),
        ("Content-MD5", "X-API-Content-Hash"),
        ("API-Version", "X-API-Version"),
    ],
)
def test_signed_element_without_its_header(
    http: TestClient, account: SeededAccount, element: str, header: str
) -> None:
    response = post_raw(http, _signer(account), PATH, b"{}", drop_headers=(header,))
    assert error(response, 401) == {
        "code": "AUTH_MISSING_HEADER",
        "message": f"{element} is a signed element but header {header} is missing.",
        "details": [{"field": header, "message": "header is required when signed"}],
    }


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer abc",
        "KSig1-HMAC-SHA256",
        "KSig1-HMAC-SHA256   ",
        "ksig1-hmac-sha256 abc=",
        "Basic dXNlcjpwdw==",
    ],
)
def test_bad_authorization_scheme(http: TestClient, account: SeededAccount, authorization: str) -> None:
    response = post_raw(http, _signer(account), PATH, b"{}", set_headers={"Authorization": authorization})
    assert error(response, 401) == {
        "code": "AUTH_INVALID_HEADER",
        "message": "The Authorization header must be 'KSig1-HMAC-SHA256 <base64 signature>'.",
        "details": [{"field": "Authorization", "message": "malformed"}],
    }


@pytest.mark.parametrize(
    ("elements", "problem"),
    [
        (
            "HTTP-Verb;Body",
            "unknown signed element 'Body' "
            "(known: API-Key, HTTP-Verb, URL-Path, Timestamp, API-Version, Nonce, Content-MD5)",
        ),
        ("HTTP-Verb;HTTP-Verb", "a signed element is listed twice"),
    ],
)
def test_bad_signed_elements(http: TestClient, account: SeededAccount, elements: str, problem: str) -> None:
    response = post_raw(http, _signer(account), PATH, b"{}", set_headers={"X-API-Signed-Elements": elements})
    assert error(response, 401) == {
        "code": "AUTH_INVALID_HEADER",
        "message": f"X-API-Signed-Elements: {problem}.",
        "details": [{"field": "X-API-Signed-Elements", "message": problem}],
    }


def test_unknown_api_key(http: TestClient, account: SeededAccount) -> None:
    creds = account.credentials
    signer = Signer("sb_" + "x" * 32, creds.secret_key, creds.auth_token)
    assert error(post_raw(http, signer, PATH, b"{}"), 401) == {
        "code": "AUTH_INVALID_API_KEY",
        "message": "The API key is not valid.",
    }


def test_wrong_auth_token(http: TestClient, account: SeededAccount, other_account: SeededAccount) -> None:
    creds = account.credentials
    for token in ("not-the-token", other_account.credentials.auth_token):
        signer = Signer(creds.api_key, creds.secret_key, token)
        assert error(post_raw(http, signer, PATH, b"{}"), 401) == {
            "code": "AUTH_INVALID_AUTH_TOKEN",
            "message": "The auth token is not valid for this API key.",
        }


def test_wrong_signature(http: TestClient, account: SeededAccount) -> None:
    forged = base64.b64encode(b"\x00" * 32).decode()
    for mode in MODES:
        response = post_raw(
            http,
            _signer(account, mode),
            PATH,
            b"{}",
            set_headers={"Authorization": f"KSig1-HMAC-SHA256 {forged}"},
        )
        assert error(response, 401) == MISMATCH


def test_wrong_secret(http: TestClient, account: SeededAccount, other_account: SeededAccount) -> None:
    for secret in (new_secret_key(), other_account.credentials.secret_key):
        for mode in MODES:
            assert error(post_raw(http, _signer(account, mode, secret), PATH, b"{}"), 401) == MISMATCH


def test_signature_covers_each_signed_element(http: TestClient, account: SeededAccount) -> None:
    """Changing the value of any signed element after signing breaks the signature."""
    signer = _signer(account)
    now = int(time.time())
    for header, value in [
        ("X-API-Timestamp", str(now - 1)),
        ("X-API-Nonce", "another-nonce"),
        ("X-API-Signed-Elements", "URL-Path;HTTP-Verb;Timestamp;API-Version;Nonce;Content-MD5"),
    ]:
        response = post_raw(http, signer, PATH, b"{}", set_headers={header: value}, timestamp=now)
        assert error(response, 401) == MISMATCH
    # URL-Path: signed for one method, sent to another.
    headers = signer.headers("POST", "/workflow.list", b"{}")
    assert error(http.post(PATH, content=b"{}", headers=headers), 401) == MISMATCH


def test_tampered_body_with_content_md5_signed(http: TestClient, account: SeededAccount) -> None:
    signed = json_bytes({"workflow_id": "w_original"})
    tampered = json_bytes({"workflow_id": "w_tampered"})
    response = post_raw(http, _signer(account), "/workflow.get", tampered, sign_body=signed)
    assert error(response, 401) == {
        "code": "AUTH_SIGNATURE_MISMATCH",
        "message": "X-API-Content-Hash does not match the request body.",
        "details": [{"field": "X-API-Content-Hash", "message": "does not match the body"}],
    }


def test_tampered_body_with_recomputed_hash_header(http: TestClient, account: SeededAccount) -> None:
    signed = json_bytes({"workflow_id": "w_original"})
    tampered = json_bytes({"workflow_id": "w_tampered"})
    recomputed = signing.content_md5(tampered)
    response = post_raw(
        http,
        _signer(account),
        "/workflow.get",
        tampered,
        sign_body=signed,
        set_headers={"X-API-Content-Hash": recomputed},
    )
    assert error(response, 401) == MISMATCH


def test_timestamp_outside_the_window(http: TestClient, account: SeededAccount) -> None:
    now = int(time.time())
    for timestamp in (now - 3600, now + 3600):
        response = post_raw(http, _signer(account), PATH, b"{}", timestamp=timestamp)
        found = error(response, 401)
        assert found["code"] == "AUTH_INVALID_HEADER"
        assert found["sub_code"] == "TIMESTAMP_OUT_OF_WINDOW"
        assert found["details"] == [{"field": "X-API-Timestamp", "message": "outside the allowed clock skew"}]
        assert found["message"].endswith("s away from the server clock (allowed: 300 s).")


def test_timestamp_inside_the_window(http: TestClient, account: SeededAccount) -> None:
    now = int(time.time())
    assert ok(post_raw(http, _signer(account), PATH, b"{}", timestamp=now - 120)) == VERSION_DATA
    assert ok(post_raw(http, _signer(account), PATH, b"{}", timestamp=now + 120)) == VERSION_DATA


def _signed_timestamp_headers(account: SeededAccount, timestamp: str) -> dict[str, str]:
    """Headers signing API-Key and Timestamp with `timestamp` as the signed value, whatever it is."""
    creds = account.credentials
    message = signing.string_to_sign(
        ["API-Key", "Timestamp"], {"API-Key": creds.api_key, "Timestamp": timestamp}
    )
    return {
        "Authorization": signing.authorization_header(signing.sign(creds.secret_key, message)),
        "X-API-Key": creds.api_key,
        "X-API-Auth-Token": creds.auth_token,
        "X-API-Signed-Elements": "Timestamp",
        "X-API-Timestamp": timestamp,
    }


NOT_UNIX_SECONDS = {
    "code": "AUTH_INVALID_HEADER",
    "message": "X-API-Timestamp must be unix seconds.",
    "details": [{"field": "X-API-Timestamp", "message": "must be unix seconds"}],
}


@pytest.mark.parametrize("timestamp", ["soon", "-5", "1.7e9", "1" * 400, "1700000000000"])
def test_timestamp_must_be_unix_seconds(http: TestClient, account: SeededAccount, timestamp: str) -> None:
    """A signed timestamp that is not unix seconds is a 401, never a 500 (a 400-digit one used to be)."""
    headers = _signed_timestamp_headers(account, timestamp)
    assert error(http.post(PATH, content=b"{}", headers=headers), 401) == NOT_UNIX_SECONDS


def test_timestamp_with_a_non_ascii_digit(database: Database, account: SeededAccount) -> None:
    """ "²" passes str.isdigit() but not int(); it used to end in a 500. (The test client cannot send a
    raw latin-1 byte, so this calls the authentication step directly, with the headers the server
    would decode from such a request.)"""
    headers = {name.lower(): value for name, value in _signed_timestamp_headers(account, "²").items()}
    with database.transaction() as session, pytest.raises(ApiError) as raised:
        authenticate(session, RequestToVerify("POST", PATH, headers, b"{}"), MASTER_KEY, utcnow())
    assert (raised.value.code, raised.value.message) == ("AUTH_INVALID_HEADER", NOT_UNIX_SECONDS["message"])


def test_reused_nonce_is_rejected(http: TestClient, account: SeededAccount) -> None:
    signer = _signer(account)
    headers = signer.headers("POST", PATH, b"{}", nonce="nonce-once")
    assert ok(http.post(PATH, content=b"{}", headers=headers)) == VERSION_DATA
    assert error(http.post(PATH, content=b"{}", headers=headers), 401) == {
        "code": "AUTH_INVALID_HEADER",
        "message": "X-API-Nonce has already been used (replayed request).",
        "sub_code": "NONCE_REUSED",
        "details": [{"field": "X-API-Nonce", "message": "reused"}],
    }
    # Also with a fresh timestamp and another method: the nonce itself is spent.
    again = signer.headers("POST", "/subjectRecord.list", b"{}", nonce="nonce-once")
    assert (
        error(http.post("/subjectRecord.list", content=b"{}", headers=again), 401)["sub_code"]
        == "NONCE_REUSED"
    )


def test_nonces_are_per_credential(
    http: TestClient, account: SeededAccount, other_account: SeededAccount
) -> None:
    for seeded in (account, other_account):
        assert ok(post_raw(http, _signer(seeded), PATH, b"{}", nonce="shared-nonce")) == VERSION_DATA


def test_nonce_of_a_failed_call_cannot_be_replayed(http: TestClient, account: SeededAccount) -> None:
    body = json_bytes({"workflow_id": "w_doesnotexist"})
    headers = _signer(account).headers("POST", "/workflow.get", body, nonce="nonce-of-a-failure")
    assert error(http.post("/workflow.get", content=body, headers=headers))["code"] == "ENTITY_NOT_FOUND"
    replay = http.post("/workflow.get", content=body, headers=headers)
    assert error(replay, 401)["sub_code"] == "NONCE_REUSED"


def test_nonce_of_a_call_failing_validation_cannot_be_replayed(
    http: TestClient, account: SeededAccount
) -> None:
    body = json_bytes({"workflow": {}})
    headers = _signer(account).headers("POST", "/workflow.update", body, nonce="nonce-of-a-bad-request")
    assert error(http.post("/workflow.update", content=body, headers=headers))["code"] == "BAD_REQUEST"
    assert (
        error(http.post("/workflow.update", content=body, headers=headers), 401)["sub_code"] == "NONCE_REUSED"
    )


def test_nonce_longer_than_128_characters(http: TestClient, account: SeededAccount) -> None:
    response = post_raw(http, _signer(account), PATH, b"{}", nonce="n" * 129)
    assert error(response, 401) == {
        "code": "AUTH_INVALID_HEADER",
        "message": "X-API-Nonce is longer than 128 characters.",
        "details": [{"field": "X-API-Nonce", "message": "too long"}],
    }
    assert ok(post_raw(http, _signer(account), PATH, b"{}", nonce="n" * 128)) == VERSION_DATA


def test_account_requiring_timestamp_and_nonce(
    http: TestClient, database: Database, client_for: ClientFor
) -> None:
    strict = make_account(database, require_timestamp_and_nonce=True)
    required = {
        "code": "AUTH_INVALID_HEADER",
        "message": "This account requires Timestamp and Nonce to be signed.",
        "sub_code": "TIMESTAMP_AND_NONCE_REQUIRED",
        "details": [{"field": "X-API-Signed-Elements", "message": "must include Timestamp;Nonce"}],
    }
    assert error(client_for(strict, "minimal").send("meta.checkVersion"), 401) == required
    creds = strict.credentials
    timestamp_only = Signer(
        creds.api_key, creds.secret_key, creds.auth_token, elements=["HTTP-Verb", "Timestamp"]
    )
    assert error(post_raw(http, timestamp_only, PATH, b"{}"), 401) == required
    nonce_only = Signer(creds.api_key, creds.secret_key, creds.auth_token, elements=["Nonce"])
    assert error(post_raw(http, nonce_only, PATH, b"{}"), 401) == required
    assert ok(client_for(strict).send("meta.checkVersion")) == VERSION_DATA


def test_revoked_credentials_are_unknown(
    http: TestClient, database: Database, account: SeededAccount
) -> None:
    with database.transaction() as session:
        credential = session.get(Credential, account.credentials.credential_id)
        assert credential is not None
        credential.revoked_at = utcnow()
    assert error(post_raw(http, _signer(account), PATH, b"{}"), 401) == {
        "code": "AUTH_INVALID_API_KEY",
        "message": "The API key is not valid.",
    }
