"""Facts hidden in the free-text Remarks of the OFAC legacy SDN CSV.

Remarks are ";"-separated phrases such as `DOB 12 Mar 1965`, `alt. DOB circa 1960`, `POB Tehran, Iran`,
`nationality Korea, North`, `Passport A1234 (Iran) expires 01 Jan 2020`, `Gender Male`,
`Vessel Registration Identification IMO 9486910`, `a.k.a. 'BNC'`. Phrases not recognised stay in the
entry's remarks, which always keep the full original text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clearway.screening.entry import EntryIdentifier
from clearway.screening.lists.countries import country_code
from clearway.screening.lists.dates import ofac_birth_dates

# Identifier labels as OFAC writes them → our identifier kinds. Longest labels are tried first so that
# "Identification Number IMO" wins over "Identification Number" (the alternation is ordered).
_IDENTIFIER_LABELS: dict[str, str] = {
    "Vessel Registration Identification IMO": "imo",
    "Identification Number IMO": "imo",
    "Company Number IMO": "imo",
    "MMSI": "mmsi",
    "Passport": "passport",
    "Diplomatic Passport": "passport",
    "Travel Document Number": "travel_document",
    "National ID No.": "national_id",
    "Cedula No.": "national_id",
    "D.N.I.": "national_id",
    "C.U.R.P.": "national_id",
    "C.U.I.P.": "national_id",
    "SSN": "national_id",
    "Personal ID Card": "national_id",
    "Identification Number": "national_id",
    "National Foreign ID Number": "national_id",
    "Citizen's Card Number": "national_id",
    "Electoral Registry No.": "national_id",
    "Credencial electoral": "national_id",
    "I.F.E.": "national_id",
    "Numero de Identidad": "national_id",
    "Turkish Identificiation Number": "national_id",
    "Kenyan ID No.": "national_id",
    "Tazkira National ID Card": "national_id",
    "Birth Certificate Number": "national_id",
    "Residency Number": "residency",
    "Driver's License No.": "driver_license",
    "Cartilla de Servicio Militar Nacional": "military_id",
    "Tax ID No.": "tax_id",
    "NIT #": "tax_id",
    "RUC #": "tax_id",
    "R.F.C.": "tax_id",
    "RFC": "tax_id",
    "RIF #": "tax_id",
    "V.A.T. Number": "tax_id",
    "RTN": "tax_id",
    "C.U.I.T.": "tax_id",
    "C.I.F.": "tax_id",
    "US FEIN": "tax_id",
    "Italian Fiscal Code": "tax_id",
    "Numero Unico de Identificacao Tributaria (NUIT)": "tax_id",
    "Registration ID": "registration",
    "Registration Number": "registration",
    "Business Registration Document #": "registration",
    "Business Registration Number": "registration",
    "Business Number": "registration",
    "Company Number": "registration",
    "UK Company Number": "registration",
    "Commercial Registry Number": "registration",
    "Public Registration Number": "registration",
    "Certificate of Incorporation Number": "registration",
    "Trade License No.": "registration",
    "Government Gazette Number": "registration",
    "Folio Mercantil No.": "registration",
    "Matricula Mercantil No": "registration",
    "Chamber of Commerce Number": "registration",
    "Dubai Chamber of Commerce Membership No.": "registration",
    "Registered Charity No.": "registration",
    "C.R. No.": "registration",
    "Branch Unit Number": "registration",
    "Legal Entity Number": "lei",
    "D-U-N-S Number": "duns",
    "SWIFT/BIC": "swift",
    "BIK (RU)": "bik",
    "Aircraft Manufacturer's Serial Number (MSN)": "aircraft_msn",
    "Aircraft Tail Number": "aircraft_tail",
    "Aircraft Mode S Transponder Code": "aircraft_mode_s",
}
_LABEL = re.compile(
    "^("
    + "|".join(re.escape(label) for label in sorted(_IDENTIFIER_LABELS, key=len, reverse=True))
    + r")[ :]"
)

_ALT_PREFIX = re.compile(r"^alt\.\s+", re.IGNORECASE)
_ALIAS = re.compile(r"^([afn])\.k\.a\.,?\s+'(.*)'\.?$", re.IGNORECASE)
_DOB = re.compile(r"^DOB\s+(.+)$")
_POB = re.compile(r"^POB\s+(.+)$")
_NATIONALITY = re.compile(r"^(?:nationality|citizen|Nationality of Registration)\s+(.+)$", re.IGNORECASE)
_GENDER = re.compile(r"^Gender\s+(Male|Female)\b", re.IGNORECASE)
_PARENTHESISED = re.compile(r"\(([^()]*)\)")
# Where an identifier's value ends: at a "(Country)", or at "issued …" / "expires …" dates.
_VALUE_END = re.compile(r"\s*(?:\(|\bissued\b|\bexpires\b|\bexpiring\b|,)", re.IGNORECASE)


@dataclass
class RemarkFacts:
    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    gender: str | None = None
    identifiers: list[EntryIdentifier] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)  # "a.k.a." in remarks: OFAC's weak a.k.a.
    former_names: list[str] = field(default_factory=list)  # "f.k.a."
    strong_aliases: list[str] = field(default_factory=list)  # "n.k.a." (now known as)


def parse_remarks(text: str | None) -> RemarkFacts:
    facts = RemarkFacts()
    for phrase in split_phrases(text):
        _read_phrase(phrase, facts)
    return facts


def split_phrases(text: str | None) -> list[str]:
    """The ";"-separated phrases without their "alt." prefix (an alternative value is still a value)."""
    phrases = []
    for raw in (text or "").split(";"):
        phrase = _ALT_PREFIX.sub("", raw.strip())
        if phrase:
            phrases.append(phrase)
    return phrases


def _read_phrase(phrase: str, facts: RemarkFacts) -> None:
    if _read_alias(phrase, facts):
        return
    sentence = phrase[:-1] if phrase.endswith(".") else phrase
    if match := _DOB.match(sentence):
        facts.birth_dates.extend(ofac_birth_dates(match.group(1)))
    elif match := _POB.match(sentence):
        facts.birth_places.append(match.group(1).strip())
    elif match := _NATIONALITY.match(sentence):
        code = country_code(match.group(1))
        if code:
            facts.countries.append(code)
    elif match := _GENDER.match(sentence):
        facts.gender = match.group(1).lower()
    elif identifier := _identifier(sentence):
        facts.identifiers.append(identifier)


def _read_alias(phrase: str, facts: RemarkFacts) -> bool:
    match = _ALIAS.match(phrase)
    if not match:
        return False
    name = match.group(2).strip()
    if len(name) > 2 and name.startswith("'") and name.endswith("'"):  # ''FOOPIE'' in the source
        name = name[1:-1].strip()
    if name:
        target = {"a": facts.weak_aliases, "f": facts.former_names, "n": facts.strong_aliases}
        target[match.group(1).lower()].append(name)
    return True


def _identifier(sentence: str) -> EntryIdentifier | None:
    match = _LABEL.match(sentence)
    if not match:
        return None
    rest = sentence[match.end() :].strip(" :#")
    value = _VALUE_END.split(rest, maxsplit=1)[0].strip(" :#")
    return EntryIdentifier(_IDENTIFIER_LABELS[match.group(1)], value, _last_country(rest)) if value else None


def _last_country(text: str) -> str | None:
    """ "0582030 (Connecticut) (United States)" → "US": the last parenthesis that names a country."""
    for inner in reversed(_PARENTHESISED.findall(text)):
        code = country_code(inner)
        if code:
            return code
    return None
