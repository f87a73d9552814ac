"""The comparison core: `compare(query, candidate) -> Match`. Pure: no database, no I/O.

A query is a `Party` (a name, its aliases, and whatever else is known about it); a candidate is a
`ListEntry`, or the `PreparedEntry` the index keeps for it. Every name of the query is aligned with every
name of the entry (`align.align`); the best pair gives the name score and `matched_name`. Evidence beyond
the name (`features`) then raises or lowers it, and the explanation records every step.

`DEFAULT_THRESHOLD` was chosen on the labelled evaluation set (tests/screening/matching/data): it is the
score at or above which two records are reported as a match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter

from clearway.screening import vocabulary
from clearway.screening.align import Alignment, align, align_above, lineage_links
from clearway.screening.entry import AliasQuality, EntrySchema, ListEntry
from clearway.screening.features import (
    FeatureEffect,
    birth_date_effect,
    country_effect,
    gender_effect,
    identifier_effect,
    legal_form_effect,
    max_raise,
    schema_effect,
)
from clearway.screening.match import Explanation, Match
from clearway.screening.normalize import (
    NameKind,
    PreparedName,
    Script,
    TokenRole,
    kind_for_schema,
    may_read_as_organisation,
    may_read_as_person,
    prepare_name,
    written_as_company,
)
from clearway.screening.readings import PINYIN, Reading, person_readings
from clearway.screening.translit import is_han_character
from clearway.screening.wade_giles import PINYIN_SYLLABLES, pinyin_pair, pinyin_spelling
from clearway.screening.written_names import written_names

ALGORITHM_VERSION = "clearway-match/1.19"
DEFAULT_THRESHOLD = 0.80
WEAK_ALIAS_FACTOR = 0.95  # low-quality aliases ("Abu Muhammad") identify less than real names
_ROUNDING = 1e-4  # scores are rounded to 4 places: a bound must not cut what rounding would lift
_BEAT_MARGIN = 1e-9  # below the score a name must beat, so that float error never cuts a better name
_INITIAL = TokenRole.INITIAL
_PERSON_OR_UNKNOWN = (NameKind.PERSON, NameKind.GENERIC)
_GENERIC = NameKind.GENERIC  # read once: an enum member lookup goes through the metaclass

_KIND_BY_SCHEMA = {
    EntrySchema.PERSON: NameKind.PERSON,
    EntrySchema.ORGANIZATION: NameKind.ORGANIZATION,
    EntrySchema.VESSEL: NameKind.OBJECT,
    EntrySchema.AIRCRAFT: NameKind.OBJECT,
}


@dataclass(frozen=True, slots=True)
class Party:
    """What a client screens: a person, an organisation, or something whose kind is unknown."""

    name: str
    schema: str = "LegalEntity"  # Person, Organization/Company, Vessel, Aircraft, LegalEntity (unknown)
    aliases: tuple[str, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO prefixes: "1965", "1965-03-12"
    countries: tuple[str, ...] = ()  # ISO alpha-2
    identifiers: tuple[str, ...] = ()  # passport, tax, registration numbers: any format
    gender: str | None = None

    @property
    def kind(self) -> NameKind:
        return kind_for_schema(self.schema)


@dataclass(slots=True)
class PreparedParty:
    """A query with its names prepared once; names are re-prepared per kind when the kind is unknown."""

    party: Party
    _names: dict[NameKind, tuple[PreparedName, ...]] = field(default_factory=dict)
    # The party's kind, read once: scoring asks for it per candidate name, and deriving it from the
    # schema string each time cost more than some of the comparisons.
    kind: NameKind = field(init=False)
    # Names screened in another reading of one of the party's (`readings`): the spelling → its reading.
    respelled: dict[str, Reading] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.kind = self.party.kind

    def names_for(self, candidate_kind: NameKind) -> tuple[PreparedName, ...]:
        # An unknown-kind query against a person entry is read as a person name (titles stripped, common
        # given names down-weighted), against a company as a company name (legal forms set aside).
        kind = candidate_kind if self.kind == _GENERIC else self.kind
        names = self._names.get(kind)
        if names is None:
            nicknames = kind == NameKind.PERSON
            raw = [
                form for text in (self.party.name, *self.party.aliases) for form in _forms(text, nicknames)
            ]
            if kind == NameKind.PERSON:
                raw += self._other_readings(raw)
            names = tuple(n for n in (prepare_name(text, kind) for text in raw) if not n.is_empty)
            self._names[kind] = names
        return names

    @property
    def unreadable(self) -> bool:
        """No name of the party has a word to compare: written only in a script Clearway cannot read
        (Tibetan, traditional Mongolian, …) or only of punctuation. Screening it finds nothing because it
        compares nothing, which a caller must be able to tell from "no match"."""
        if any(self._names.values()):
            return False  # a reading screening already prepared has words: no other reading is prepared
        kinds = (NameKind.PERSON, NameKind.ORGANIZATION) if self.kind == _GENERIC else (self.kind,)
        return all(not self.names_for(kind) for kind in kinds)

    def _other_readings(self, texts: list[str]) -> list[str]:
        """A person's name written in a system the lists do not use for it ("Teng Hsiao-p'ing" in
        Wade-Giles, "金正恩" in hanja) is also screened in the spellings they do use (`readings`);
        `respelled` says which name each came from and how it was read."""
        spellings = []
        for text in texts:
            for reading in person_readings(text):
                if reading.spelling not in texts and reading.spelling not in self.respelled:
                    self.respelled[reading.spelling] = reading
                    spellings.append(reading.spelling)
        return spellings


def _forms(text: str, nicknames: bool) -> tuple[str, ...]:
    """A name as written, then the name and the other names written inside it (`written_names`): each
    is compared as an alias. As written it stays one of them, so that a split never loses a match (the
    words in quotes may be part of the name after all)."""
    written = written_names(text, nicknames)
    if not written.aliases:
        return (text,)  # most names
    return tuple(dict.fromkeys((text, written.name, *written.aliases)))


@dataclass(frozen=True, slots=True)
class PreparedEntry:
    """A list entry with its names prepared: what the index holds."""

    entry: ListEntry
    kind: NameKind
    names: tuple[PreparedName, ...]
    weak: tuple[bool, ...]  # per name: a low-quality alias
    identifiers: tuple[str, ...]


def prepare_entry(entry: ListEntry) -> PreparedEntry:
    kind = _KIND_BY_SCHEMA[entry.schema]
    names: list[PreparedName] = []
    weak: list[bool] = []
    seen: set[str] = set()
    for entry_name in entry.names:
        # A list's name may carry another inside it, as the UN list writes "Abubakar (original script:
        # Абубакар)": each is a name of the entry (`written_names`).
        for text in _forms(entry_name.full, nicknames=kind == NameKind.PERSON):
            prepared = prepare_name(text, kind)
            # Aliases that differ only in case, punctuation or order ("AL-ZAWAHIRI, Ayman") compare alike.
            if prepared.is_empty or prepared.bag_key in seen:
                continue
            seen.add(prepared.bag_key)
            names.append(prepared)
            weak.append(entry_name.quality == AliasQuality.WEAK)
    identifiers = tuple(i.value for i in entry.identifiers)
    return PreparedEntry(entry, kind, tuple(names), tuple(weak), identifiers)


def prepare_party(party: Party) -> PreparedParty:
    return PreparedParty(party)


def compare(query: Party | PreparedParty, candidate: ListEntry | PreparedEntry) -> Match:
    """Score how likely `candidate` is the party described by `query`, with an explanation."""
    prepared_query = query if isinstance(query, PreparedParty) else prepare_party(query)
    prepared_entry = candidate if isinstance(candidate, PreparedEntry) else prepare_entry(candidate)
    return compare_prepared(prepared_query, prepared_entry, range(len(prepared_entry.names)))


def compare_prepared(query: PreparedParty, entry: PreparedEntry, name_indexes: Iterable[int]) -> Match:
    """`compare` on prepared forms, over the entry names at `name_indexes` (the index passes the names
    its blocking retrieved, so that an entry with thirty aliases does not cost thirty alignments)."""
    match = compare_prepared_above(query, entry, name_indexes, -1.0)
    assert match is not None  # every score is above -1
    return match


def compare_prepared_above(
    query: PreparedParty, entry: PreparedEntry, name_indexes: Iterable[int], min_score: float
) -> Match | None:
    """`compare_prepared`, but None (and no explanation built) when the score is below `min_score`."""
    # Names that cannot reach this score even with every feature raising it are not worth scoring.
    party = query.party
    raise_limit = max_raise(party.birth_dates, party.countries, party.identifiers)
    floor = min_score - _ROUNDING - raise_limit
    best = _best_names(query, entry, name_indexes, floor)
    if best is None:
        return _no_name_match(query.party.name, entry.entry.caption) if min_score <= 0.0 else None
    alignment, query_name, entry_name, weak = best
    name_score = alignment.score * (WEAK_ALIAS_FACTOR if weak else 1.0)
    if name_score + raise_limit < min_score - _ROUNDING:
        return None  # no evidence beyond the name could lift it to `min_score`: skip weighing it
    effects = _feature_effects(query, entry, query_name, entry_name, name_score)
    score = round(min(1.0, max(0.0, name_score + sum(e.delta for e in effects))), 4)
    if score < min_score:
        return None
    reading = query.respelled.get(query_name.original)
    notes = (reading.note,) if reading is not None else ()
    return Match(score, _explain(alignment, query_name, entry_name, name_score, weak, effects, notes))


def compare_names(name1: str, name2: str, schema: str | None = None) -> Match:
    """Compare two bare names of the same (possibly unknown) schema: the evaluation interface. A name
    with another written inside it ("ADRIAN DARYA 1 (ex-GRACE 1)", `written_names`) is compared as each
    of them, and the best comparison counts."""
    kind = kind_for_schema(schema)
    forms1, forms2 = _written_forms(name1, kind), _written_forms(name2, kind)
    if len(forms1) == 1 and len(forms2) == 1:
        return _compare_bare_names(name1, name2, kind)  # most pairs
    matches = (_compare_bare_names(form1, form2, kind) for form1 in forms1 for form2 in forms2)
    return max(matches, key=_MATCH_SCORE)


def _written_forms(text: str, kind: NameKind) -> tuple[str, ...]:
    return _forms(text, nicknames=kind in _PERSON_OR_UNKNOWN)


_MATCH_SCORE = attrgetter("score")  # the first of equal scores wins: the names as written come first


def _compare_bare_names(name1: str, name2: str, kind: NameKind) -> Match:
    left, right = prepare_name(name1, kind), prepare_name(name2, kind)
    if kind == _GENERIC:
        # Read as unknown, every word weighs as much as a person's name. A company's legal form or generic
        # word in either ("Lebanese Canadian Bank SAL") makes both organisations' names, whose generic words
        # weigh little and may be left out of initials ("CETC"). (Screened against the lists, a query of
        # unknown kind is read each way against each kind of entry anyway.)
        if _a_person_by_its_title_or_initials(left, right):
            kind = NameKind.PERSON
        elif _an_organisation_by_its_words(left, right):
            kind = NameKind.ORGANIZATION
        elif _a_person_by_a_patronymic(left, right):
            kind = NameKind.PERSON
        if kind != _GENERIC:
            left, right = prepare_name(name1, kind), prepare_name(name2, kind)
    if left.is_empty or right.is_empty:
        return _no_name_match(name1, name2)
    alignment = align(left, right)
    notes: tuple[str, ...] = ()
    if kind in _PERSON_OR_UNKNOWN and alignment.score < 1.0:
        alignment, notes = _best_with_readings(alignment, name1, name2, kind)
        left, right = alignment.query, alignment.candidate
    effects = [e for e in (legal_form_effect(left.legal_forms, right.legal_forms),) if e]
    score = min(1.0, max(0.0, alignment.score + sum(e.delta for e in effects)))
    explanation = _explain(alignment, left, right, alignment.score, False, effects, notes)
    return Match(round(score, 4), explanation)


def _best_with_readings(
    alignment: Alignment, name1: str, name2: str, kind: NameKind
) -> tuple[Alignment, tuple[str, ...]]:
    """`alignment` of the two names as written, or a better one with either name in another reading
    (`readings`), and the notes that say so. A name in Wade-Giles is compared in pinyin only, never as
    written against the other respelled: the two systems' spellings of different syllables are a letter
    or two apart ("Pao Yu-liang" is not "Bao Youxiang"). A name in Han characters is compared as written
    and in each of its Korean and Japanese readings, but never in a reading against the other's reading:
    characters read alike are not one character (李伟 / 李威 are both 이위 in Korean)."""
    spellings1, spellings2 = _spellings(name1), _spellings(name2)
    if all(reading is None for _text, reading in (*spellings1, *spellings2)):
        return alignment, ()  # neither name has another reading: most pairs
    if _pinyin_of(alignment.query, alignment.candidate) or _pinyin_of(alignment.candidate, alignment.query):
        return alignment, ()
    best = alignment
    notes: tuple[str, ...] = ()
    for text1, reading1 in spellings1:
        for text2, reading2 in spellings2:
            if reading1 is None and reading2 is None:
                continue  # as written: `alignment`
            if _both_read_from_characters(reading1, reading2):
                continue  # two names in Han characters: compared as written, character by character
            left, right = prepare_name(text1, kind), prepare_name(text2, kind)
            if left.is_empty or right.is_empty:
                continue
            found = align(left, right)
            if found.score > best.score:
                best = found
                notes = tuple(reading.note for reading in (reading1, reading2) if reading is not None)
    return best, notes


def _pinyin_of(latin: PreparedName, han: PreparedName) -> bool:
    """Whether `latin` is written in pinyin as the Mandarin reading of the name `han` writes in Han
    characters: every word a pinyin syllable or two, and one of them that character's own reading ("Wang
    Feng" for 王芳, wang fang). Its writer read the characters in Mandarin, so their Cantonese, Korean or
    Japanese readings are not compared ("wong fong" would meet "Wang Feng" through rigour's name groups).
    A name in another romanisation is not pinyin throughout ("Li Ka-shing", "Kim Jong Un") or shares no
    syllable with the Mandarin reading ("Chan Tai Man" for 陳大文, chen da wen)."""
    if not latin.tokens or not han.tokens or any(not is_han_character(token.text) for token in han.tokens):
        return False
    if any(token.script != Script.LATIN or not _in_pinyin(token.latin) for token in latin.tokens):
        return False
    readings = {token.latin for token in han.tokens}
    return any(token.latin in readings for token in latin.tokens)


def _in_pinyin(word: str) -> bool:
    return word in PINYIN_SYLLABLES or pinyin_pair(word) is not None


def _both_read_from_characters(first: Reading | None, second: Reading | None) -> bool:
    return first is not None and second is not None and PINYIN not in (first.system, second.system)


def _spellings(name: str) -> list[tuple[str, Reading | None]]:
    """The spellings `_best_with_readings` compares a name in, each with its reading (None: as written)."""
    readings = person_readings(name)
    if any(reading.system == PINYIN for reading in readings):
        return [(reading.spelling, reading) for reading in readings]
    return [(name, None), *((reading.spelling, reading) for reading in readings)]


def _a_person_by_its_title_or_initials(*names: PreparedName) -> bool:
    """Two names of unknown kind, neither with a legal form, one of which a person's reading finds a title
    in ("Mr. Viktor Bout") or initials ("E. V. Prigozhin"): they are compared as people's names. Read
    otherwise, the title counts as a word of the name and the initials are lost. (Screened against the
    lists, a query of unknown kind is read as a person against each person entry anyway.)"""
    if any(name.legal_forms and not _legal_form_only_in_opening_initials(name) for name in names):
        return False
    for name in names:
        if not may_read_as_person(name):
            continue  # most names: no second reading
        person = prepare_name(name.original, NameKind.PERSON)
        if len(person.tokens) < len(name.tokens) or any(t.role == _INITIAL for t in person.tokens):
            return True
    return False


# Two or three dotted letters opening a name, before a word ("E. V. Prigozhin").
_OPENING_INITIALS = re.compile(r"\s*((?:[^\W\d_]\.\s*){2,3})(?=[^\W\d_]{2})")
# Legal forms that do open a name, dotted or not: Indonesia's PT, CV and UD ("P.T. Bank Mandiri").
_LEGAL_FORMS_OPENING_NAMES = frozenset({"pt", "cv", "ud"})


def _legal_form_only_in_opening_initials(name: PreparedName) -> bool:
    """Whether the legal form rigour finds in a name is only its opening initials: "E. V. Prigozhin" is
    read with the German e.V. (a registered association), which ends a name and never opens it. So read,
    a person's initials made the name a company's."""
    opening = _OPENING_INITIALS.match(name.original)
    if opening is None:
        return False
    letters = "".join(letter for letter in opening.group(1).lower() if letter.isalpha())
    if letters in _LEGAL_FORMS_OPENING_NAMES:
        return False
    rest = prepare_name(name.original[opening.end() :], name.kind)
    return not rest.legal_forms and not _an_organisation_by_its_words(rest)


# East Slavic patronymics (Viktorovich, Fedorovych, Ivanovna, and Belarusian Ryhoravich): only people have
# them. Turkic and Scandinavian ones are left out: "-oglu" and "-sson" also name companies (Ericsson,
# Yildirimoglu Holding).
_PATRONYMIC_ENDINGS = (*vocabulary.EAST_SLAVIC_PATRONYMIC_SUFFIXES, "avich")


def _a_person_by_a_patronymic(*names: PreparedName) -> bool:
    """Two names of unknown kind, without a legal form or a company word (asked after those), one of which
    has an East Slavic patronymic after its first word ("Віктор Федорович Янукович") or an Arabic or Malay
    one, a lineage particle between two words ("Mohd Najib bin Abdul Razak", "Khalid bin Mahfouz"): they
    are compared as people's names. Read otherwise, the patronymic, which one list writes and another
    leaves out, costs as much as any word of the name."""
    return any(
        len(token.latin) >= 7 and token.latin.endswith(_PATRONYMIC_ENDINGS)
        for name in names
        for token in name.tokens[1:]
    ) or any(lineage_links(name) for name in names)


def _an_organisation_by_its_words(*names: PreparedName) -> bool:
    """Whether an organisation's reading of either name finds a legal form, a generic company word or a
    word only companies are named with ("Company", "公司": `written_as_company`) in it (most names are
    ruled out without that second reading, by `may_read_as_organisation`)."""
    for name in names:
        if may_read_as_organisation(name):
            organisation = prepare_name(name.original, NameKind.ORGANIZATION)
            if organisation.legal_forms or any(token.generic for token in organisation.tokens):
                return True
            if written_as_company(organisation):
                return True
    return False


def _best_names(
    query: PreparedParty, entry: PreparedEntry, name_indexes: Iterable[int], floor: float
) -> tuple[Alignment, PreparedName, PreparedName, bool] | None:
    """The best-scoring pair of names, skipping those sure to score below `floor` (a weak alias only scores
    lower, so the floor holds for it too): if every pair scores below, which pair is best does not matter."""
    best: tuple[Alignment, PreparedName, PreparedName, bool] | None = None
    best_score = -1.0
    indexes = tuple(name_indexes)
    names, weak_names, respelled = entry.names, entry.weak, query.respelled
    for query_name in query.names_for(entry.kind):
        reading = respelled.get(query_name.original) if respelled else None
        from_wade_giles = reading is not None and reading.system == PINYIN
        for index in indexes:
            entry_name, weak = names[index], weak_names[index]
            if from_wade_giles and pinyin_spelling(entry_name.original) is not None:
                continue  # a Wade-Giles name meets the query as written (see `_best_with_readings`)
            # Only a name scoring above the best so far can replace it: the aligner's bound may rule out
            # the others too (an entry's aliases are often spellings of one another: "Abd al-Rahman ...").
            # The margin keeps a name whose weighted score might exceed the best by a rounding error.
            beat = best_score / WEAK_ALIAS_FACTOR if weak else best_score
            alignment = align_above(query_name, entry_name, beat - _BEAT_MARGIN if beat > floor else floor)
            if alignment is None:
                continue
            score = alignment.score * (WEAK_ALIAS_FACTOR if weak else 1.0)
            if score > best_score:
                best, best_score = (alignment, query_name, entry_name, weak), score
                if score >= 1.0:
                    return best
    return best


def _feature_effects(
    query: PreparedParty,
    entry: PreparedEntry,
    query_name: PreparedName,
    entry_name: PreparedName,
    name_score: float,
) -> list[FeatureEffect]:
    party, listed = query.party, entry.entry
    candidates = (
        schema_effect(query.kind, entry.kind),
        birth_date_effect(party.birth_dates, listed.birth_dates),
        country_effect(party.countries, listed.countries),
        identifier_effect(party.identifiers, entry.identifiers, name_score),
        gender_effect(party.gender, listed.gender),
        legal_form_effect(query_name.legal_forms, entry_name.legal_forms),
    )
    return [effect for effect in candidates if effect is not None]


def _explain(
    alignment: Alignment,
    query_name: PreparedName,
    entry_name: PreparedName,
    name_score: float,
    weak: bool,
    effects: list[FeatureEffect],
    extra_notes: tuple[str, ...] = (),
) -> Explanation:
    notes = [*extra_notes, "reordered"] if alignment.reordered else [*extra_notes]
    notes += (
        (["parent and child swapped"] if alignment.lineage_swapped else [])
        + (["one name is the other's father's"] if alignment.parent_named else [])
        + (["weak alias"] if weak else [])
    )
    removed = (*query_name.removed, *entry_name.removed, *query_name.legal_forms, *entry_name.legal_forms)
    return Explanation(
        query_name=query_name.original,
        matched_name=entry_name.original,
        name_score=round(name_score, 4),
        parts=alignment.parts,
        unmatched_query=alignment.unmatched_query,
        unmatched_candidate=alignment.unmatched_candidate,
        removed=tuple(dict.fromkeys(removed)),
        notes=tuple(notes),
        features=tuple(effects),
    )


def _no_name_match(query_name: str, candidate_name: str) -> Match:
    explanation = Explanation(query_name, candidate_name, 0.0, (), (), (), (), ("no comparable name",), ())
    return Match(0.0, explanation)
