"""Which glued runs of one name may meet a token of another name, and which tokens they may cover.

The aligner compares runs of 2-4 adjacent tokens glued together ("abdul" + "rahman"), and longer phrases
with a symbol ("democratic peoples republic of korea", `LOC:kp`), with single tokens of the other name.
A run without a symbol only meets a token with its initial and a length within `GLUE_LENGTH_GAP` of its
own; a run with a symbol may meet any token. Each prepared name keeps its runs' shapes and its tokens'
shapes as small ints (`PreparedName.run_shapes`, `token_shapes`, made by `run_shape` and `token_shape`),
so that this test is integer comparisons: the aligner asks it of both sides of every pair of names it
may bound, and tries only the runs it names in its glued pass.

This is the plain form; `glue.pyx` is its typed twin, compiled at install (see `compiled`), with the same
results.
"""

from __future__ import annotations

RUN_FIELDS = 6  # per run: start, end, has a symbol (0/1), initial, lowest and highest length it meets
TOKEN_FIELDS = 2  # per token: initial, length
LONGEST = 15  # lengths from 15 up count as 15 (as in `normalize.signature`)


def token_shape(latin: str) -> tuple[int, int]:
    return ord(latin[0]) & 63, min(len(latin), LONGEST)


def run_shape(start: int, end: int, glued: str, has_symbol: bool, gap: int) -> tuple[int, ...]:
    """A run's fields: the lengths it meets are those within `gap` of its own, capped as token lengths are."""
    if has_symbol:
        return start, end, 1, 0, 0, 0
    lowest, highest = len(glued) - gap, len(glued) + gap
    return start, end, 0, ord(glued[0]) & 63, min(lowest, LONGEST), min(highest, LONGEST)


def glue_cover(runs: tuple[int, ...], tokens: tuple[int, ...]) -> tuple[list[tuple[int, int]], int, int]:
    """The runs that may meet a token, in order, each with the tokens it may meet (bit j: token j of the
    other name; every one for a run with a symbol); the tokens inside those runs (bit i: token i of the
    runs' name); and the tokens of the other name any of them may meet."""
    meeting: list[tuple[int, int]] = []
    inside = met = 0
    token_count = len(tokens) // TOKEN_FIELDS
    for number in range(len(runs) // RUN_FIELDS):
        base = number * RUN_FIELDS
        start, end, has_symbol, initial, lowest, highest = (
            runs[base],
            runs[base + 1],
            runs[base + 2],
            runs[base + 3],
            runs[base + 4],
            runs[base + 5],
        )
        if has_symbol:
            reached = (1 << token_count) - 1
        else:
            reached = 0
            for j in range(token_count):
                if tokens[2 * j] == initial and lowest <= tokens[2 * j + 1] <= highest:
                    reached |= 1 << j
            if not reached:
                continue
        meeting.append((number, reached))
        inside |= ((1 << (end - start + 1)) - 1) << start
        met |= reached
    return meeting, inside, met
