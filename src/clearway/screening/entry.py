"""The normalised list-entry model every list loader produces and the matcher consumes.

Plain frozen dataclasses (no database, no I/O) so that loaders, the comparison core and the index share
one vocabulary. `to_dict`/`from_dict` give the stable JSON form stored with each list snapshot.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class EntrySchema(StrEnum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    VESSEL = "Vessel"
    AIRCRAFT = "Aircraft"


class AliasQuality(StrEnum):
    PRIMARY = "primary"  # the entry's own name (caption)
    STRONG = "strong"  # a good-quality alias (OFAC a.k.a., UN quality "Good"/"a.k.a.")
    WEAK = "weak"  # low-quality alias (UN "Low", OFAC "weak aka"): scored lower on its own
    FORMER = "former"  # f.k.a. / former name


@dataclass(frozen=True, slots=True)
class EntryName:
    full: str
    quality: AliasQuality = AliasQuality.STRONG
    # Optional structured parts when the source gives them (UN FIRST_NAME .. FOURTH_NAME, FtM firstName).
    given: str | None = None
    family: str | None = None


@dataclass(frozen=True, slots=True)
class EntryIdentifier:
    kind: str  # e.g. "passport", "national_id", "tax_id", "imo", "registration", "swift", "other"
    value: str
    country: str | None = None  # ISO 3166-1 alpha-2 when known


@dataclass(frozen=True, slots=True)
class EntryAddress:
    full: str
    city: str | None = None
    country: str | None = None  # ISO alpha-2 when known


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One sanctioned/PEP/watched party as published by one list."""

    entry_id: str  # stable within the list, e.g. "ofac-sdn:36", "un:QDi.001", FtM id
    list_name: str  # e.g. "ofac-sdn", "un-consolidated", "opensanctions-zala", an account list name
    schema: EntrySchema
    names: tuple[EntryName, ...]  # names[0] is the primary name (caption)
    birth_dates: tuple[str, ...] = ()  # ISO prefixes: "1965", "1965-03", "1965-03-12"
    countries: tuple[str, ...] = ()  # ISO alpha-2: nationalities / citizenship / jurisdiction
    gender: str | None = None  # "male" | "female" | None
    identifiers: tuple[EntryIdentifier, ...] = ()
    addresses: tuple[EntryAddress, ...] = ()
    programs: tuple[str, ...] = ()
    remarks: str | None = None
    source_url: str | None = None
    first_seen: str | None = None  # ISO timestamp from the source when it has one
    last_seen: str | None = None
    topics: tuple[str, ...] = field(default=())  # e.g. "sanction", "role.pep", "crime"
    birth_places: tuple[str, ...] = ()  # as written by the source, e.g. "Tehran, Iran"

    @property
    def caption(self) -> str:
        return self.names[0].full

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ListEntry:
        return cls(
            entry_id=data["entry_id"],
            list_name=data["list_name"],
            schema=EntrySchema(data["schema"]),
            names=tuple(
                EntryName(n["full"], AliasQuality(n["quality"]), n.get("given"), n.get("family"))
                for n in data["names"]
            ),
            birth_dates=tuple(data.get("birth_dates", ())),
            countries=tuple(data.get("countries", ())),
            gender=data.get("gender"),
            identifiers=tuple(
                EntryIdentifier(i["kind"], i["value"], i.get("country")) for i in data.get("identifiers", ())
            ),
            addresses=tuple(
                EntryAddress(a["full"], a.get("city"), a.get("country")) for a in data.get("addresses", ())
            ),
            programs=tuple(data.get("programs", ())),
            remarks=data.get("remarks"),
            source_url=data.get("source_url"),
            first_seen=data.get("first_seen"),
            last_seen=data.get("last_seen"),
            topics=tuple(data.get("topics", ())),
            birth_places=tuple(data.get("birth_places", ())),
        )
