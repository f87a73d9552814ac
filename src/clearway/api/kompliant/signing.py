"""KSig1-HMAC-SHA256, pure: the string to sign, the signature, the content hash.

Signature = base64(HMAC-SHA256(key = base64-decoded secret bytes, msg = string-to-sign)).
Minimal mode signs the API key alone. Otherwise `X-API-Signed-Elements` lists the signed elements,
`;`-separated, in signing order; their values are joined with "\\n" (no trailing newline). `API-Key` is
always signed: when the list does not name it, it comes first. Content-MD5 is base64(MD5(raw body)) as in
RFC 1864. (The vendor does not publish the separator nor the digest encoding; these are our documented
choices, see docs/authentication.md.)
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping, Sequence

SCHEME = "KSig1-HMAC-SHA256"
API_KEY = "API-Key"
HTTP_VERB = "HTTP-Verb"
URL_PATH = "URL-Path"
TIMESTAMP = "Timestamp"
API_VERSION = "API-Version"
NONCE = "Nonce"
CONTENT_MD5 = "Content-MD5"
ELEMENTS = (API_KEY, HTTP_VERB, URL_PATH, TIMESTAMP, API_VERSION, NONCE, CONTENT_MD5)

# The request header that carries each element's value (HTTP-Verb and URL-Path come from the request line).
ELEMENT_HEADERS = {
    API_KEY: "X-API-Key",
    TIMESTAMP: "X-API-Timestamp",
    API_VERSION: "X-API-Version",
    NONCE: "X-API-Nonce",
    CONTENT_MD5: "X-API-Content-Hash",
}


class SignedElementsError(ValueError):
    """`X-API-Signed-Elements` names an unknown element or names one twice."""


def parse_signed_elements(header: str | None) -> list[str]:
    """The signing order. No header means minimal mode: the API key alone."""
    if header is None or not header.strip():
        return [API_KEY]
    names = [name.strip() for name in header.split(";")]
    for name in names:
        if name not in ELEMENTS:
            raise SignedElementsError(f"unknown signed element '{name}' (known: {', '.join(ELEMENTS)})")
    if len(set(names)) != len(names):
        raise SignedElementsError("a signed element is listed twice")
    return names if API_KEY in names else [API_KEY, *names]


def string_to_sign(elements: Sequence[str], values: Mapping[str, str]) -> str:
    return "\n".join(values[name].strip() for name in elements)


def sign(secret_key_text: str, message: str) -> str:
    key = base64.b64decode(secret_key_text)
    return base64.b64encode(hmac.new(key, message.encode(), hashlib.sha256).digest()).decode()


def content_md5(body: bytes) -> str:
    return base64.b64encode(hashlib.md5(body).digest()).decode()  # noqa: S324 - RFC 1864 digest, not security


def signatures_match(expected: str, presented: str) -> bool:
    return hmac.compare_digest(expected.encode(), presented.encode())


def authorization_header(signature: str) -> str:
    return f"{SCHEME} {signature}"
