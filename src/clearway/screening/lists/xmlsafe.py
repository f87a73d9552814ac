"""Streaming XML that refuses document type declarations.

Entity-expansion attacks ("billion laughs", external entities) need a DOCTYPE with entity declarations, and
a DOCTYPE may only appear before the root element. So we run expat over the prolog first and refuse any
DOCTYPE, then stream the file with `ElementTree.iterparse` (which itself never fetches external entities)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from xml.parsers import expat

from clearway.screening.lists.errors import ListFormatError

_CHUNK = 64 * 1024


class _PrologDone(Exception):
    """Raised by the start-element handler: the root element began, so no DOCTYPE can follow."""

    def __init__(self, root: str) -> None:
        super().__init__(root)
        self.root = root


def refuse_doctype(path: Path) -> str:
    """The root element's tag, after checking that no DOCTYPE precedes it."""
    parser = expat.ParserCreate()

    def on_doctype(name: str, *_args: object) -> None:
        raise ListFormatError(
            path,
            f"line {parser.CurrentLineNumber}",
            None,
            f"DOCTYPE {name!r} refused (document type declarations are not allowed)",
        )

    def on_root(name: str, _attributes: object) -> None:
        raise _PrologDone(name)

    parser.StartDoctypeDeclHandler = on_doctype
    parser.StartElementHandler = on_root
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _PrologDone as done:
        return done.root
    except expat.ExpatError as exc:
        raise ListFormatError(path, f"line {exc.lineno}", None, f"malformed XML: {exc}") from exc
    except OSError as exc:
        raise ListFormatError(path, None, None, f"cannot read the file: {exc.strerror or exc}") from exc
    raise ListFormatError(path, None, None, "no root element: the file is empty or not XML")


def iter_elements(path: Path, tags: set[str]) -> Iterator[ET.Element]:
    """Each complete element whose tag is in `tags`, in document order; yielded elements are cleared after
    use so memory stays flat on large files."""
    refuse_doctype(path)
    try:
        # Safe: refuse_doctype() ran first, and without a DTD there are no entities to expand.
        for _event, element in ET.iterparse(path, events=("end",)):  # noqa: S314
            if element.tag in tags:
                yield element
                element.clear()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise ListFormatError(path, f"line {line}" if line else None, None, f"malformed XML: {exc}") from exc


def root_tag(path: Path) -> str | None:
    """The root element's tag (format detection), None when the file is not safe, well-formed XML."""
    try:
        return refuse_doctype(path)
    except ListFormatError:
        return None
