"""ULID-like identifiers: 26 Crockford base32 characters, 48 bits of milliseconds then 80 random bits, so
that ids sort by creation time (to the millisecond) and never collide in practice across processes."""

from __future__ import annotations

import secrets
import time

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_ulid(now_ms: int | None = None) -> str:
    millis = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    value = (millis << 80) | secrets.randbits(80)
    chars = []
    for _ in range(26):
        chars.append(_ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))
