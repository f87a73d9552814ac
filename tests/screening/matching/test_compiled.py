"""The compiled screening modules (`clearway.screening.compiled`) give exactly what the plain Python gives.

Cython compiles the modules unchanged, but where it can prove an expression is a C integer it computes it
in C: a shift of a character code then lost the upper half of a letter set, and no test of the rules saw
it. So the same work runs in two fresh processes, one compiled and one plain, and every score, explanation
and token feature must agree.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from clearway.screening import blocking, compiled
from clearway.screening.compare import Party, compare_names
from clearway.screening.glue import glue_cover
from clearway.screening.index import ScreeningIndex
from clearway.screening.lists.load import SAMPLES_DIR, load_entries
from clearway.screening.normalize import NameKind, _collapse_doubles, letter_set, prepare_name, signature

ROOT = Path(__file__).resolve().parents[3]
EVAL_PAIRS = Path(__file__).parent / "data" / "eval_pairs.csv"
REQUIRE_COMPILED = "CLEARWAY_REQUIRE_COMPILED"  # set by .ci/run: there the build must have compiled them


def outcomes() -> dict[str, Any]:
    """Everything the two processes must agree on: token features, pair scores and explanations of the
    evaluation set, and searches over the shipped sample lists."""
    with EVAL_PAIRS.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names = sorted({name for row in rows for name in (row["name1"], row["name2"])})
    tokens = [
        [t.latin, t.folded, t.skeleton, t.phonetic, t.weight, t.letters, t.folded_letters, t.signature]
        for name in names
        for kind in NameKind
        for t in prepare_name(name, kind).tokens
    ]
    pairs = []
    for row in rows:
        match = compare_names(row["name1"], row["name2"], row["schema"])
        pairs.append([match.score, match.explanation.to_dict()])
    entries = [
        *load_entries(SAMPLES_DIR / "ofac"),
        *load_entries(SAMPLES_DIR / "un" / "sample.xml"),
        *load_entries(SAMPLES_DIR / "ftm" / "entities.ftm.json"),
    ]
    index = ScreeningIndex(entries)
    searches = [
        [[hit.entry.entry.entry_id, hit.match.score, hit.match.explanation.to_dict()] for hit in found]
        for found in (index.search(Party(name), 0.3) for name in names)
    ]
    features = [
        [letter_set(name.casefold()), signature(name.casefold()), _collapse_doubles(name.casefold())]
        for name in names
        if name
    ]
    prepared = [prepare_name(name, NameKind.GENERIC) for name in names[:150]]
    glue = [glue_cover(a.run_shapes, b.token_shapes) for a in prepared for b in prepared]
    return {
        "tokens": tokens,
        "pairs": pairs,
        "searches": searches,
        "features": features,
        "glue": glue,
        "ranked": _best_ranked(),
    }


def _best_ranked() -> list[list[int]]:
    """`blocking.best_ranked` over random found names, with many equal scores and cuts through ties."""
    rng = np.random.default_rng(11)
    name_kinds = rng.integers(0, 4, 5_000).astype(np.int8)
    name_sizes = rng.integers(1, 8, 5_000).astype(np.float64)
    table = np.array([True, False, True, False])
    found = []
    for size in (0, 3, 40, 64, 65, 900):
        ids = rng.permutation(5_000)[:size].astype(np.intp)
        scores = np.round(rng.random(size) * 3, 1)
        for limit in (1, 15, 50):
            found.append(blocking.best_ranked(ids, scores, name_kinds, table, name_sizes, 4, 0.01, limit))
    return found


_CHILD = (
    "import json\n"
    "from clearway.screening.compiled import running_compiled, running_plain\n"
    "from tests.screening.matching.test_compiled import outcomes\n"
    "found = outcomes()\n"
    "print(json.dumps({'compiled': running_compiled(), 'plain': running_plain(), 'outcomes': found}))\n"
)


def _run(pure: bool) -> subprocess.Popen[str]:
    env = {key: value for key, value in os.environ.items() if key != compiled.PURE_PYTHON_VARIABLE}
    if pure:
        env[compiled.PURE_PYTHON_VARIABLE] = "1"
    return subprocess.Popen(
        [sys.executable, "-c", _CHILD], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )


def _available() -> bool:
    return all(compiled.compiled_path(name) is not None for name in compiled.COMPILED_MODULES)


def test_the_build_compiled_every_module_where_required() -> None:
    if not os.environ.get(REQUIRE_COMPILED):
        pytest.skip(f"{REQUIRE_COMPILED} is not set: plain Python is a valid install")
    missing = [name for name in compiled.COMPILED_MODULES if compiled.compiled_path(name) is None]
    assert not missing, f"no compiled form of {missing} for their current sources: was the build run?"


def test_compiled_and_plain_python_agree() -> None:
    if not _available():
        pytest.skip("the screening modules are not compiled (no Cython or compiler at install time)")
    # Both at once: each process spends most of its time loading rigour's name tables.
    compiled_run, plain_run = _run(pure=False), _run(pure=True)
    compiled_out, _ = compiled_run.communicate(timeout=600)
    plain_out, _ = plain_run.communicate(timeout=600)
    assert compiled_run.returncode == plain_run.returncode == 0
    compiled_result, plain_result = json.loads(compiled_out), json.loads(plain_out)
    assert compiled_result["compiled"] == list(compiled.COMPILED_MODULES)
    assert compiled_result["plain"] == []  # what the server logs at start (`app._log_screening_build`)
    assert plain_result["compiled"] == []
    assert plain_result["plain"] == list(compiled.COMPILED_MODULES)
    for part, expected in plain_result["outcomes"].items():
        got = compiled_result["outcomes"][part]
        assert len(got) == len(expected) > 0, part
        differing = [number for number, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b]
        assert not differing, (
            f"{part}: {len(differing)} differ, first {got[differing[0]]} != {expected[differing[0]]}"
        )
    # The searches found something: the comparison above is not one of empty lists.
    assert sum(len(found) for found in plain_result["outcomes"]["searches"]) > 50


def test_a_compiled_copy_is_used_only_while_its_source_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "align.py"
    source.write_text("X = 1\n", encoding="utf-8")
    (tmp_path / "normalize.py").write_text("Y = 1\n", encoding="utf-8")
    monkeypatch.setattr(compiled, "_HERE", tmp_path)
    suffix = compiled.EXTENSION_SUFFIXES[0]
    (tmp_path / f"normalize-{compiled.module_tag(tmp_path, 'normalize')}{suffix}").write_bytes(b"")
    built = tmp_path / f"align-{compiled.module_tag(tmp_path, 'align')}{suffix}"
    built.write_bytes(b"")
    assert compiled.compiled_path("align") == built
    source.write_text("X = 2\n", encoding="utf-8")  # edited after the build
    assert compiled.compiled_path("align") is None
    assert compiled.compiled_path("glue") is None  # no source at all


@pytest.mark.parametrize("edited", ["normalize.py", "normalize.pxd", "align.pxd"])
def test_a_compiled_copy_goes_with_the_declarations_it_was_built_against(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edited: str
) -> None:
    # align's compiled form reads Token's fields as normalize.pxd lays them out: built against other
    # declarations, or beside a normalize that now runs as plain Python, it must not be loaded.
    for name in ("align.py", "align.pxd", "normalize.py", "normalize.pxd"):
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(compiled, "_HERE", tmp_path)
    suffix = compiled.EXTENSION_SUFFIXES[0]
    built = tmp_path / f"align-{compiled.module_tag(tmp_path, 'align')}{suffix}"
    built.write_bytes(b"")
    normalize_built = tmp_path / f"normalize-{compiled.module_tag(tmp_path, 'normalize')}{suffix}"
    normalize_built.write_bytes(b"")
    assert compiled.compiled_path("align") == built
    (tmp_path / edited).write_text("# edited\n", encoding="utf-8")
    assert compiled.compiled_path("align") is None


def test_a_compiled_copy_is_not_used_without_the_compiled_modules_it_cimports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A build that compiled align but not normalize (a compiler error in one of them) leaves an align
    # whose import would fail against the plain Token: align runs as plain Python too.
    for name in ("align.py", "normalize.py"):
        (tmp_path / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(compiled, "_HERE", tmp_path)
    suffix = compiled.EXTENSION_SUFFIXES[0]
    (tmp_path / f"align-{compiled.module_tag(tmp_path, 'align')}{suffix}").write_bytes(b"")
    assert compiled.compiled_path("align") is None
    normalize_built = tmp_path / f"normalize-{compiled.module_tag(tmp_path, 'normalize')}{suffix}"
    normalize_built.write_bytes(b"")
    assert compiled.compiled_path("normalize") == normalize_built
    assert compiled.compiled_path("align") is not None


def test_plain_python_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    finders = [f for f in sys.meta_path if not isinstance(f, compiled.CompiledFinder)]
    monkeypatch.setattr(sys, "meta_path", finders)
    monkeypatch.setenv(compiled.PURE_PYTHON_VARIABLE, "1")
    compiled.install()
    assert not any(isinstance(f, compiled.CompiledFinder) for f in sys.meta_path)
    monkeypatch.setenv(compiled.PURE_PYTHON_VARIABLE, "0")
    compiled.install()
    compiled.install()
    assert sum(isinstance(f, compiled.CompiledFinder) for f in sys.meta_path) == 1


_PICKLED_TOKENS_CHILD = (
    "import pickle, sys\n"
    "from clearway.screening.compiled import running_compiled\n"
    "from clearway.screening.normalize import NameKind, prepare_name\n"
    "if sys.argv[1] == 'dump':\n"
    "    name = prepare_name('Abd al-Rahman Mohammed 3rd', NameKind.PERSON)\n"
    "    sys.stdout.buffer.write(pickle.dumps(name.tokens))\n"
    "else:\n"
    "    tokens = pickle.loads(sys.stdin.buffer.read())\n"
    "    compiled = 'normalize' in running_compiled()\n"
    "    print(compiled, [(t.latin, t.weight, t.uid, sorted(t.symbols), t.letters) for t in tokens])\n"
)


def _pickled_tokens(pure: bool, action: str, given: bytes = b"") -> bytes:
    env = {key: value for key, value in os.environ.items() if key != compiled.PURE_PYTHON_VARIABLE}
    if pure:
        env[compiled.PURE_PYTHON_VARIABLE] = "1"
    done = subprocess.run(
        [sys.executable, "-c", _PICKLED_TOKENS_CHILD, action],
        cwd=ROOT,
        env=env,
        input=given,
        capture_output=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def test_tokens_pickled_by_either_form_load_in_the_other() -> None:
    # A saved index is a pickle: one written by a compiled build must load after a source edit sent the
    # modules back to plain Python, and the other way round (`Token` is an extension type when compiled).
    if not _available():
        pytest.skip("no compiled form of the current sources (run `make compile`)")
    from_compiled = _pickled_tokens(False, "dump")
    from_plain = _pickled_tokens(True, "dump")
    read_by_plain = _pickled_tokens(True, "load", from_compiled).decode()
    read_by_compiled = _pickled_tokens(False, "load", from_plain).decode()
    assert read_by_plain.startswith("False [") and read_by_compiled.startswith("True [")
    assert read_by_plain.split(" ", 1)[1] == read_by_compiled.split(" ", 1)[1]
    assert "'abd'" in read_by_plain and "'3rd'" in read_by_plain
