"""Build of the optional compiled screening modules; everything else about the package is in pyproject.toml.

The screening hot path (name preparation, blocking, alignment) is plain Python. When Cython and a C
compiler are at hand, the build also compiles those modules into extension modules: unchanged, or from a
typed `.pyx` of the same name where there is one (`blocking.pyx`, `letters.pyx`, `glue.pyx`), with the C
declarations of a `.pxd` beside the `.py` where there is one (`normalize.pxd`, `align.pxd`,
`compare.pxd`, `index.pxd`). A query then takes ≈ 0.7× the time.
Each compiled file is named after a hash of the sources it was compiled from
(`align-<hash>.cpython-311-….so`), never `align.cpython-311-….so`: Python's own import system never picks
it up, and `clearway.screening.compiled` loads it only while its sources still have that hash. A source
edited after the build therefore runs as written, not as a stale compiled copy. Without Cython or a
compiler the build still succeeds and everything runs as plain Python.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "src" / "clearway" / "screening"
sys.path.insert(0, str(PACKAGE))
from compiled import COMPILED_MODULES, compiled_sources, module_tag  # noqa: E402  (the loader's own list and hash)

sys.path.pop(0)

GENERATED = ROOT / "build" / "cython"  # C files generated from copies of the sources


class BuildCompiledScreening(build_ext):
    """Compiles what it can; a missing compiler only costs speed, so it never fails the build."""

    def finalize_options(self) -> None:
        super().finalize_options()
        if self.parallel is None:
            self.parallel = os.cpu_count() or 1  # C files of 0.5-3 MB each: compile them side by side

    def get_ext_filename(self, fullname: str) -> str:
        filename = super().get_ext_filename(fullname)
        name = fullname.rsplit(".", 1)[-1]
        tag = _TAGS.get(name)
        if tag is None:
            return filename
        suffix = filename[filename.index(".", filename.rfind("/") + 1) :]
        return f"{filename[: -len(suffix)]}-{tag}{suffix}"

    def run(self) -> None:
        if not self.extensions:
            return
        if self.inplace or getattr(self, "editable_mode", False):
            _remove_stale_copies()
        try:
            super().run()
        except Exception as error:  # any build failure leaves plain Python, which works
            print(f"clearway: screening modules not compiled ({error}); they run as plain Python")


def _remove_stale_copies() -> None:
    """Compiled copies of earlier sources, left in the source tree by earlier in-place builds."""
    for name, tag in _TAGS.items():
        for built in PACKAGE.glob(f"{name}-*.so"):
            if not built.name.startswith(f"{name}-{tag}."):
                built.unlink()


def _extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError:
        print("clearway: Cython is not installed; the screening modules run as plain Python")
        return []
    sources = []
    target = GENERATED / "clearway" / "screening"
    target.mkdir(parents=True, exist_ok=True)
    for name in COMPILED_MODULES:
        # Compiled from a copy under the module's dotted path, so that the extension keeps the module's
        # real name (`clearway.screening.align`): classes pickle and print as in plain Python.
        source, *declarations = compiled_sources(PACKAGE, name)
        for path in (source, *declarations):
            shutil.copyfile(path, target / path.name)
        sources.append(str(target / source.name))
    for package in (GENERATED / "clearway", target):
        (package / "__init__.py").touch()
    try:
        return cythonize(
            sources,
            compiler_directives={
                "language_level": 3,
                "binding": False,
                # Annotations stay documentation: typed arguments would make Cython check and convert
                # them, which plain Python does not, and the two must behave the same.
                "annotation_typing": False,
            },
            quiet=True,
        )
    except Exception as error:  # as in `run`: plain Python still works
        print(f"clearway: screening modules not translated to C ({error}); they run as plain Python")
        return []


_TAGS = {name: module_tag(PACKAGE, name) for name in COMPILED_MODULES}

setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildCompiledScreening})
