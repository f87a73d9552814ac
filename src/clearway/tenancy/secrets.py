"""Credential material: generation, at-rest encryption of signing secrets, digests of tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from clearway.ids import random_base62

SECRET_KEY_BYTES = 33  # the vendor's secret keys are 33 random bytes, handed out as base64 text
AES_NONCE_BYTES = 12
AAD = b"clearway.credential.secret.v1"


def new_api_key(environment_prefix: str) -> str:
    """`sb_…` for sandbox credentials, `lv_…` for live ones."""
    return f"{environment_prefix}_{random_base62(32)}"


def new_secret_key() -> str:
    return base64.b64encode(secrets.token_bytes(SECRET_KEY_BYTES)).decode()


def new_auth_token() -> str:
    return random_base62(40)


def digest(value: str) -> str:
    """SHA-256 hex digest: API keys and auth tokens are random and long, so a fast digest suffices."""
    return hashlib.sha256(value.encode()).hexdigest()


def digests_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def encrypt_secret(master_key: bytes, secret_key_text: str) -> bytes:
    nonce = secrets.token_bytes(AES_NONCE_BYTES)
    return nonce + AESGCM(master_key).encrypt(nonce, secret_key_text.encode(), AAD)


class SecretDecryptionError(Exception):
    """The stored secret cannot be decrypted with this master key (wrong key or tampered row)."""


def decrypt_secret(master_key: bytes, blob: bytes) -> str:
    try:
        return AESGCM(master_key).decrypt(blob[:AES_NONCE_BYTES], blob[AES_NONCE_BYTES:], AAD).decode()
    except InvalidTag as exc:
        raise SecretDecryptionError("credential secret does not decrypt under the master key") from exc


def is_valid_secret_key_text(value: str) -> bool:
    try:
        return len(base64.b64decode(value, validate=True)) > 0
    except ValueError:
        return False
