"""Identifier generation: vendor prefixes followed by 22 random base62 characters."""

from __future__ import annotations

import secrets
import string

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
RANDOM_PART_LENGTH = 22  # 22 base62 chars ≈ 131 bits of randomness


def random_base62(length: int = RANDOM_PART_LENGTH) -> str:
    return "".join(secrets.choice(BASE62) for _ in range(length))


def new_id(prefix: str) -> str:
    """`new_id("w")` -> ``w_`` + 22 base62 characters."""
    return f"{prefix}_{random_base62()}"


def is_valid_id(value: str, prefix: str) -> bool:
    head, sep, tail = value.partition("_")
    return (
        sep == "_" and head == prefix and len(tail) == RANDOM_PART_LENGTH and all(ch in BASE62 for ch in tail)
    )
