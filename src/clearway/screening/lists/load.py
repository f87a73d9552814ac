"""One entry point over the loaders: entries of a list file (or OFAC folder) whatever its format."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from clearway.screening.entry import ListEntry
from clearway.screening.lists import custom_csv, ftm, ofac, un
from clearway.screening.lists.detect import ListFormat, detect_format
from clearway.screening.lists.errors import ListFormatError

# Small lists of each format shipped with the package (for tests, demos and first runs).
SAMPLES_DIR = Path(__file__).resolve().parents[1] / "samples"


def default_list_name(path: Path, fmt: ListFormat) -> str:
    """ofac-sdn, un-consolidated, opensanctions[-<dataset>] (from "<dataset>.entities.ftm.json"), or the
    CSV file's stem."""
    if fmt is ListFormat.OFAC_CSV:
        return ofac.DEFAULT_LIST_NAME
    if fmt is ListFormat.UN_XML:
        return un.DEFAULT_LIST_NAME
    if fmt is ListFormat.FTM:
        dataset = path.name.removesuffix(ftm.FULL_EXPORT_FILE).strip(".") if path.is_file() else ""
        return f"{ftm.DEFAULT_LIST_NAME}-{dataset}" if dataset else ftm.DEFAULT_LIST_NAME
    return custom_csv.default_list_name(path)


def load_entries(
    path: str | Path, fmt: ListFormat | str | None = None, list_name: str | None = None
) -> Iterator[ListEntry]:
    """Entries of a full list (not an FtM delta: see `service.import_list`). The format is detected when
    not given; the list name defaults per format (`default_list_name`)."""
    source = Path(path)
    chosen = ListFormat(fmt) if fmt else detect_format(source)
    name = list_name or default_list_name(source, chosen)
    if source.is_dir() and chosen in (ListFormat.UN_XML, ListFormat.CSV):
        raise ListFormatError(source, None, None, f"is a folder: a {chosen.value} list is one file")
    if chosen is ListFormat.OFAC_CSV:
        return ofac.load_ofac(source, name)
    if chosen is ListFormat.UN_XML:
        return un.load_un(source, name)
    if chosen is ListFormat.CSV:
        return custom_csv.load_custom_csv(source, name)
    if ftm.is_delta_source(source):
        raise ListFormatError(source, None, None, "this is an FtM delta: import it on top of a list instead")
    return ftm.load_ftm(source, name)
