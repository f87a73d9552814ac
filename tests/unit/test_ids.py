"""Identifier generation: vendor prefix + 22 random base62 characters."""

from __future__ import annotations

import re

import pytest

from clearway import ids

ID_SHAPE = re.compile(r"^(?P<prefix>[a-z]+)_(?P<random>[0-9A-Za-z]{22})$")


@pytest.mark.parametrize("prefix", ["w", "sr", "b", "p", "bo", "trc"])
def test_new_id_is_prefix_and_22_base62_characters(prefix: str) -> None:
    value = ids.new_id(prefix)
    match = ID_SHAPE.match(value)
    assert match is not None
    assert match["prefix"] == prefix
    assert len(value) == len(prefix) + 1 + 22
    assert ids.is_valid_id(value, prefix) is True


def test_new_ids_are_unique_over_many() -> None:
    generated = {ids.new_id("w") for _ in range(10_000)}
    assert len(generated) == 10_000


def test_random_part_uses_the_whole_base62_alphabet() -> None:
    seen = set("".join(ids.new_id("w")[2:] for _ in range(2_000)))
    assert seen == set(ids.BASE62)
    assert len(ids.BASE62) == 62


def test_random_base62_length() -> None:
    assert len(ids.random_base62(12)) == 12
    assert set(ids.random_base62(500)) <= set(ids.BASE62)


@pytest.mark.parametrize(
    ("value", "prefix", "valid"),
    [
        ("w_0123456789abcdefABCDEF", "w", True),
        ("w_0123456789abcdefABCDEF", "sr", False),  # wrong prefix
        ("sr_0123456789abcdefABCDEF", "sr", True),
        ("w_0123456789abcdefABCDE", "w", False),  # 21 characters
        ("w_0123456789abcdefABCDEFG", "w", False),  # 23 characters
        ("w_0123456789abcdefABCDE-", "w", False),  # not base62
        ("w_0123456789abcdefABCDE_", "w", False),
        ("w0123456789abcdefABCDEFG", "w", False),  # no separator
        ("", "w", False),
        ("W_0123456789abcdefABCDEF", "w", False),  # prefixes are case-sensitive
    ],
)
def test_is_valid_id(value: str, prefix: str, valid: bool) -> None:
    assert ids.is_valid_id(value, prefix) is valid
