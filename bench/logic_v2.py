"""OpenSanctions' logic-v2 matcher (nomenklatura) as a baseline scorer, when it is installed in the bench
environment. It is not a Clearway dependency; to include it in a run:

    python -m venv .bench-venv && .bench-venv/bin/pip install -e . nomenklatura
    .bench-venv/bin/python bench/eval_matching.py
"""

from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable
from typing import Any

THRESHOLD = 0.7  # the threshold OpenSanctions publishes its benchmark figures at

Scorer = Callable[[str, str, str], float]


def available() -> bool:
    return importlib.util.find_spec("nomenklatura") is not None


def scorer() -> Scorer:
    """A `(name1, name2, schema) -> score` function running logic-v2 on two entities with one name each."""
    # Imported here: optional, and only present in a bench environment that installed it.
    from followthemoney import EntityProxy  # type: ignore[import-not-found,unused-ignore]
    from nomenklatura.matching import (  # type: ignore[import-not-found,unused-ignore]
        ScoringConfig,
        get_algorithm,
    )

    algorithm: Any = get_algorithm("logic-v2")
    config = ScoringConfig.defaults()

    numbers = itertools.count()

    def entity(name: str, schema: str) -> Any:
        # A new id for every entity: logic-v2 caches what it derives from an entity under its id.
        data = {"id": f"e{next(numbers)}", "schema": schema or "LegalEntity", "properties": {"name": [name]}}
        return EntityProxy.from_dict(data)

    def score(name1: str, name2: str, schema: str) -> float:
        return float(algorithm.compare(entity(name1, schema), entity(name2, schema), config).score)

    score("Clearway Warm Up", "Clearway Warm Up", "Person")  # its name tables load on first use
    return score
