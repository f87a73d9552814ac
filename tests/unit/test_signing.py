"""KSig1-HMAC-SHA256 signing, pure: string-to-sign, element order, content hash, known-answer vectors."""

from __future__ import annotations

import base64

import pytest

from clearway.api.kompliant import signing
from clearway.client import Signer

# The known-answer vectors below were computed outside Python, with OpenSSL 3 in a shell:
#   SECRET_HEX=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20   (33 bytes 0x00..0x20)
#   echo -n $SECRET_HEX | xxd -r -p | base64                  -> AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g
#   printf '%s' "$BODY" | openssl dgst -md5 -binary | base64  -> bWb9HJp4EujeA9MAtP0OLw==
#   printf "$STRING_TO_SIGN" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SECRET_HEX -binary | base64
SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g"
API_KEY = "sb_KnownAnswerVectorKey01"
BODY = b'{"workflow_id":"w_0123456789abcdefABCDEF","workflow":{"details":{"referrer_value":"UAYACG123"}}}'
BODY_MD5 = "bWb9HJp4EujeA9MAtP0OLw=="
# printf 'sb_KnownAnswerVectorKey01' |
#   openssl dgst -sha256 -mac HMAC -macopt hexkey:$SECRET_HEX -binary | base64
MINIMAL_SIGNATURE = "Xj5zuCnudpmNHxaym85zbjzRppeAwqXh0m/iug7mw7E="
# printf 'sb_KnownAnswerVectorKey01\nPOST\n/workflow.update\n1700000000\n2025-03-24\nn-0001\n%s' "$MD5" | ...
FULL_SIGNATURE = "4p3qJ/0J0Up+7kJ3sVmTYvfbduyyTxbF8JCfljJUQ+Y="
# printf '%s\nPOST\nsb_KnownAnswerVectorKey01' "$MD5" | ...   (elements Content-MD5;HTTP-Verb;API-Key)
REORDERED_SIGNATURE = "7hi2ynYmhUPXycMmU5L0pSL7qgCZ/hFbVslCozcoEVk="
FULL_ELEMENTS = "HTTP-Verb;URL-Path;Timestamp;API-Version;Nonce;Content-MD5"
FULL_VALUES = {
    "API-Key": API_KEY,
    "HTTP-Verb": "POST",
    "URL-Path": "/workflow.update",
    "Timestamp": "1700000000",
    "API-Version": "2025-03-24",
    "Nonce": "n-0001",
    "Content-MD5": BODY_MD5,
}


def test_the_vector_secret_is_33_bytes() -> None:
    assert base64.b64decode(SECRET) == bytes(range(33))


def test_known_answer_content_md5() -> None:
    assert signing.content_md5(BODY) == BODY_MD5


def test_content_md5_of_empty_body_is_the_rfc_1864_value() -> None:
    assert signing.content_md5(b"") == "1B2M2Y8AsgTpgAmY7PhCfg=="


def test_known_answer_minimal_mode() -> None:
    elements = signing.parse_signed_elements(None)
    assert signing.sign(SECRET, signing.string_to_sign(elements, {"API-Key": API_KEY})) == MINIMAL_SIGNATURE


def test_known_answer_full_mode() -> None:
    elements = signing.parse_signed_elements(FULL_ELEMENTS)
    assert signing.sign(SECRET, signing.string_to_sign(elements, FULL_VALUES)) == FULL_SIGNATURE


def test_known_answer_follows_the_listed_order() -> None:
    elements = signing.parse_signed_elements("Content-MD5;HTTP-Verb;API-Key")
    message = signing.string_to_sign(elements, FULL_VALUES)
    assert signing.sign(SECRET, message) == REORDERED_SIGNATURE


def test_client_signer_produces_the_known_answer_headers() -> None:
    signer = Signer(API_KEY, SECRET, "token-1")
    headers = signer.headers("post", "/workflow.update", BODY, timestamp=1700000000, nonce="n-0001")
    assert headers == {
        "X-API-Key": API_KEY,
        "X-API-Auth-Token": "token-1",
        "X-API-Version": "2025-03-24",
        "Content-Type": "application/json",
        "X-API-Signed-Elements": FULL_ELEMENTS,
        "X-API-Timestamp": "1700000000",
        "X-API-Nonce": "n-0001",
        "X-API-Content-Hash": BODY_MD5,
        "Authorization": f"KSig1-HMAC-SHA256 {FULL_SIGNATURE}",
    }


def test_client_signer_minimal_mode_headers() -> None:
    headers = Signer(API_KEY, SECRET, "token-1", mode="minimal").headers("POST", "/meta.checkVersion", b"{}")
    assert headers == {
        "X-API-Key": API_KEY,
        "X-API-Auth-Token": "token-1",
        "X-API-Version": "2025-03-24",
        "Content-Type": "application/json",
        "Authorization": f"KSig1-HMAC-SHA256 {MINIMAL_SIGNATURE}",
    }


def test_minimal_mode_string_to_sign_is_the_api_key_without_newline() -> None:
    elements = signing.parse_signed_elements(None)
    assert elements == ["API-Key"]
    assert signing.string_to_sign(elements, {"API-Key": API_KEY}) == API_KEY


@pytest.mark.parametrize("header", [None, "", "   "])
def test_absent_or_blank_signed_elements_mean_minimal_mode(header: str | None) -> None:
    assert signing.parse_signed_elements(header) == ["API-Key"]


def test_full_mode_string_to_sign_joins_with_newlines_in_listed_order() -> None:
    elements = signing.parse_signed_elements(FULL_ELEMENTS)
    assert signing.string_to_sign(elements, FULL_VALUES) == (
        f"{API_KEY}\nPOST\n/workflow.update\n1700000000\n2025-03-24\nn-0001\n{BODY_MD5}"
    )


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("HTTP-Verb", ["API-Key", "HTTP-Verb"]),
        ("Nonce;Timestamp", ["API-Key", "Nonce", "Timestamp"]),
        ("URL-Path;API-Key;HTTP-Verb", ["URL-Path", "API-Key", "HTTP-Verb"]),
        ("API-Key", ["API-Key"]),
        (" HTTP-Verb ; URL-Path ", ["API-Key", "HTTP-Verb", "URL-Path"]),
    ],
)
def test_element_order_and_api_key_prepended_when_not_listed(header: str, expected: list[str]) -> None:
    assert signing.parse_signed_elements(header) == expected


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("HTTP-Verb;Body", "unknown signed element 'Body'"),
        ("http-verb", "unknown signed element 'http-verb'"),  # element names are case-sensitive
        ("HTTP-Verb;", "unknown signed element ''"),
        ("HTTP-Verb;HTTP-Verb", "a signed element is listed twice"),
        ("API-Key;Nonce;API-Key", "a signed element is listed twice"),
    ],
)
def test_unknown_or_duplicate_elements_are_rejected(header: str, message: str) -> None:
    with pytest.raises(signing.SignedElementsError) as raised:
        signing.parse_signed_elements(header)
    assert str(raised.value).startswith(message)


def test_element_values_are_stripped_before_signing() -> None:
    message = signing.string_to_sign(["API-Key", "Nonce"], {"API-Key": f" {API_KEY} ", "Nonce": "n-1\n"})
    assert message == f"{API_KEY}\nn-1"


def test_signature_key_is_the_decoded_secret_not_its_text() -> None:
    # Signing with the base64 text as the key would be a different (wrong) HMAC.
    text_keyed = Signer(API_KEY, base64.b64encode(SECRET.encode()).decode(), "t", mode="minimal")
    assert text_keyed.headers("POST", "/x", b"")["Authorization"] != f"KSig1-HMAC-SHA256 {MINIMAL_SIGNATURE}"


@pytest.mark.parametrize(
    ("expected", "presented", "match"),
    [("abc=", "abc=", True), ("abc=", "abd=", False), ("abc=", "abc", False), ("abc=", "", False)],
)
def test_signatures_match(expected: str, presented: str, match: bool) -> None:
    assert signing.signatures_match(expected, presented) is match


def test_authorization_header_scheme() -> None:
    assert signing.authorization_header("c2ln") == "KSig1-HMAC-SHA256 c2ln"
