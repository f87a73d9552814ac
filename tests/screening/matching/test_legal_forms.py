"""Legal forms that belong to several classes keep all of them, in a fixed order: the comparison of two
names must not depend on the process (string hashing differs between processes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from clearway.screening.compare import compare_names
from clearway.screening.normalize import NameKind, prepare_name

# "S.C." (sociedad civil / en comandita) is both a general and a limited partnership.
BOTH_CLASSES = "FORPRES, S.C."


def test_a_form_of_several_classes_keeps_them_all_sorted() -> None:
    assert prepare_name(BOTH_CLASSES, NameKind.ORGANIZATION).legal_forms == ("GP", "LP")


@pytest.mark.parametrize("other", ["Forpres GP", "Forpres LP"])
def test_either_class_agrees_with_the_other_name(other: str) -> None:
    match = compare_names(BOTH_CLASSES, other, "Organization")
    assert match.score == 1.0
    assert not any(effect.feature == "legal_form" for effect in match.explanation.features)


def test_a_different_class_still_lowers_the_score() -> None:
    assert compare_names(BOTH_CLASSES, "Forpres GmbH", "Organization").score < 1.0


SCRIPT = """
import json
from clearway.screening.compare import compare_names
from clearway.screening.normalize import NameKind, prepare_name
names = ["FORPRES, S.C.", "Comercializadora Experta y Cia. S. en C.", "Alpha Co., Ltd."]
print(json.dumps([
    [list(prepare_name(n, NameKind.ORGANIZATION).legal_forms) for n in names],
    [compare_names(names[0], other, "Organization").score for other in ("Forpres GP", "Forpres LP")],
]))
"""


def test_results_do_not_depend_on_the_hash_seed() -> None:
    outputs = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, check=True, timeout=300
        )
        outputs.add(result.stdout.strip().splitlines()[-1])
    assert len(outputs) == 1, outputs
    assert json.loads(outputs.pop())[0][0] == ["GP", "LP"]
