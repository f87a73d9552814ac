"""Identifier generation: vendor prefixes followed by 22 random base62 characters."""

from __future__ import annotations

import secrets
import string

BASE62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
RANDOM_PART_LENGTH = 22  # 22 base62 chars ≈ 131 bits of randomness


def random_base62(length: int = RANDOM_PART_LENGTH) -> str:
    """`length` base62 characters from one read of the OS random source. (A `secrets.choice` per
    character costs a system call each, and this runs on every request for its trace id.) The digits of
    a number drawn from 8 bits per character are uniform to within 62^n / 2^(8n), negligibly biased."""
    number = int.from_bytes(secrets.token_bytes(length), "big")
    characters = []
    for _ in range(length):
        number, digit = divmod(number, 62)
        characters.append(BASE62[digit])
    return "".join(characters)


def new_id(prefix: str) -> str:
    """`new_id("w")` -> ``w_`` + 22 base62 characters."""
    return f"{prefix}_{random_base62()}"


def is_valid_id(value: str, prefix: str) -> bool:
    head, sep, tail = value.partition("_")
    return (
        sep == "_" and head == prefix and len(tail) == RANDOM_PART_LENGTH and all(ch in BASE62 for ch in tail)
    )
