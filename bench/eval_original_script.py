"""How often the UN list's own names in their original script meet the same entry's Latin names.

    .venv/bin/python bench/eval_original_script.py [--list PATH] [--show 40]

The UN consolidated list gives many entries a name in its original script (Arabic, Cyrillic, Han) beside
the Latin names. Each such name is a labelled positive written by the list's editors, not by us: it is
compared (`compare_names`, the entry's schema) with each Latin name of its entry, and counts as found when
the best score reaches the default threshold. Many are not spellings of a Latin name at all (another
alias, an organisation's name in translation), so the share found is a floor, not a recall.

Then each original-script name is screened (the index's candidates, then scoring) against an index of the
list with every original-script name taken out: how often its own entry is among the hits is the
screening-level recall of a query written in another script than the list's names.

For the other side, each original-script name is then screened against an index of the whole list, and
the hits on other entries are counted: most are relatives named after one another ("Barzan Ibrahim Hasan
al-Tikriti" and his sons), which no name comparison tells apart.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path

from clearway.screening.compare import DEFAULT_THRESHOLD, Party, compare_names
from clearway.screening.entry import ListEntry
from clearway.screening.index import ScreeningIndex
from clearway.screening.lists.load import load_entries
from clearway.screening.normalize import warm_up

ROOT = Path(__file__).resolve().parents[1]
UN_LIST = ROOT / ".." / "shared" / "data" / "lists" / "un" / "UN_consolidated.xml"

# The script of a name by the Unicode name of its first letter outside ASCII.
_SCRIPTS = {"ARABIC": "Arabic", "CYRILLIC": "Cyrillic", "CJK": "Han", "HANGUL": "Hangul"}


def script_of(text: str) -> str | None:
    for character in text:
        if character.isascii() or not character.isalpha():
            continue
        name = unicodedata.name(character, "")
        return next((script for prefix, script in _SCRIPTS.items() if name.startswith(prefix)), None)
    return None


def original_script_pairs(entries: list[ListEntry]) -> list[tuple[ListEntry, str, list[str]]]:
    """(entry, a name of it in another script, its Latin names) for every such name."""
    pairs = []
    for entry in entries:
        latin = [name.full for name in entry.names if name.full.isascii()]
        for name in entry.names:
            if latin and script_of(name.full) is not None:
                pairs.append((entry, name.full, latin))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, default=UN_LIST)
    parser.add_argument("--show", type=int, default=0, help="print the N names found least well")
    args = parser.parse_args()
    warm_up()
    entries = list(load_entries(args.list))
    pairs = original_script_pairs(entries)
    written: Counter[str] = Counter()
    found: Counter[str] = Counter()
    missed: list[tuple[float, str, str]] = []
    for entry, name, latin in pairs:
        script = script_of(name) or "?"
        best = max(compare_names(text, name, entry.schema.value).score for text in latin)
        written[script] += 1
        found[script] += best >= DEFAULT_THRESHOLD
        if best < DEFAULT_THRESHOLD:
            missed.append((best, latin[0], name))
    print(
        f"names in their original script met by a Latin name of their entry (score >= {DEFAULT_THRESHOLD}):"
    )
    for script, count in written.most_common():
        print(f"  {script:<9} {found[script]:>4} of {count:<4} {found[script] / count:.3f}")
    latin_only = ScreeningIndex(
        [replace(e, names=tuple(n for n in e.names if script_of(n.full) is None)) for e in entries]
    )
    own = sum(_finds_own_entry(latin_only, entry, name) for entry, name, _latin in pairs)
    print(f"screened against the list's Latin names only: own entry among the hits {own} of {len(pairs)}")
    index = ScreeningIndex(entries)
    others = sum(
        hit.entry.entry.entry_id != entry.entry_id
        for entry, name, _latin in pairs
        for hit in index.search(Party(name, entry.schema.value), DEFAULT_THRESHOLD)
    )
    print(f"screened against the whole list: {others} hits on other entries for {len(pairs)} names")
    for score, latin_name, name in sorted(missed)[: args.show]:
        print(f"  {score:.3f}  {latin_name!r} ~ {name!r}")


def _finds_own_entry(index: ScreeningIndex, entry: ListEntry, name: str) -> bool:
    hits = index.search(Party(name, entry.schema.value), DEFAULT_THRESHOLD)
    return entry.entry_id in {hit.entry.entry.entry_id for hit in hits}


if __name__ == "__main__":
    main()
