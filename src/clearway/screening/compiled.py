"""The compiled forms of the screening hot path, used when the build made them and they match the source.

`setup.py` compiles the modules of `COMPILED_MODULES`, unchanged, with Cython, into files named after a
hash of the sources they were compiled from (`align-<hash>.cpython-311-x86_64-linux-gnu.so`). Python's own
import system never picks those up. The finder installed here loads one in place of the plain module only
while the source still has that hash: an edited source runs as written, never as a stale compiled copy.
`CLEARWAY_PURE_PYTHON=1` turns it off (to compare the two, or to profile the Python).

Imports nothing of clearway: `setup.py` reads `COMPILED_MODULES` and `module_tag` from it before the
package is installed.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Sequence
from importlib.abc import MetaPathFinder
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from importlib.util import spec_from_file_location
from pathlib import Path
from types import ModuleType

# The modules a screening query runs through, in import order (each imports only earlier ones). Each is
# compiled from its `.py`, or from a `.pyx` of the same name where there is one: a typed C form of the
# `.py` (which stays the plain-Python fallback and gives the same results).
COMPILED_MODULES = (
    "wade_giles", "translit", "glue", "normalize", "features", "letters", "align", "match", "compare",
    "blocking", "index",
)  # fmt: skip
# Modules whose compiled form reads another's C declarations (its `.pxd`, by `cimport`): it can only run
# beside that module's compiled form built from the same sources, so its hash covers those sources too,
# and an edit of the other module sends both back to plain Python together.
CIMPORTS = {
    "letters": ("normalize",),
    "align": ("normalize",),
    "compare": ("normalize", "align"),
    "index": ("normalize",),
}
PURE_PYTHON_VARIABLE = "CLEARWAY_PURE_PYTHON"
_PACKAGE = __name__.rpartition(".")[0] or "clearway.screening"
_HERE = Path(__file__).resolve().parent


def module_tag(package: Path, name: str) -> str:
    """The hash that names module `name`'s compiled form: of its sources and of those it cimports."""
    digest = hashlib.sha256()
    for module in (name, *CIMPORTS.get(name, ())):
        for source in compiled_sources(package, module):
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def compiled_source(package: Path, name: str) -> Path:
    """The source that module `name` is compiled from: its `.pyx` if it has one, else its `.py`."""
    typed = package / f"{name}.pyx"
    return typed if typed.is_file() else package / f"{name}.py"


def compiled_sources(package: Path, name: str) -> tuple[Path, ...]:
    """The files module `name` is compiled from: its source, and its `.pxd` of C declarations if any."""
    declarations = package / f"{name}.pxd"
    source = compiled_source(package, name)
    return (source, declarations) if declarations.is_file() else (source,)


def compiled_path(name: str) -> Path | None:
    """The compiled form of module `name` built from its current sources, if there is one, and if the
    modules it cimports have theirs (a build that compiled this one but failed on one of those would
    leave it reading a layout that the plain module does not have)."""
    if any(compiled_path(other) is None for other in CIMPORTS.get(name, ())):
        return None
    try:
        tag = module_tag(_HERE, name)
    except OSError:
        return None
    for suffix in EXTENSION_SUFFIXES:
        candidate = _HERE / f"{name}-{tag}{suffix}"
        if candidate.is_file():
            return candidate
    return None


class CompiledFinder(MetaPathFinder):
    """Finds `clearway.screening.<name>` in its compiled form for the names of `COMPILED_MODULES`."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        package, _, name = fullname.rpartition(".")
        if package != _PACKAGE or name not in COMPILED_MODULES:
            return None
        compiled = compiled_path(name)
        return None if compiled is None else spec_from_file_location(fullname, compiled)


def pure_python_requested() -> bool:
    return os.environ.get(PURE_PYTHON_VARIABLE, "") not in ("", "0")


def install() -> None:
    """Put the finder first on the import path (once), unless plain Python is asked for."""
    if pure_python_requested():
        return
    if not any(isinstance(finder, CompiledFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, CompiledFinder())


def running_compiled() -> tuple[str, ...]:
    """The modules of `COMPILED_MODULES` this process runs in compiled form."""
    suffixes = tuple(EXTENSION_SUFFIXES)
    return tuple(
        name
        for name in COMPILED_MODULES
        if str(getattr(sys.modules.get(f"{_PACKAGE}.{name}"), "__file__", "")).endswith(suffixes)
    )


def running_plain() -> tuple[str, ...]:
    """The modules of `COMPILED_MODULES` this process runs as plain Python (imported or not yet)."""
    compiled = running_compiled()
    return tuple(name for name in COMPILED_MODULES if name not in compiled)
