"""Wire schemas of matchlist management, named as the core spec names them (`Matchlist-Entry` ->
`MatchlistEntry`). One extension: `action` on `Create-Matchlist-Entries-Request`, which creates the list
when it does not exist yet (the vendor's lists are configured beforehand; ours start with an entry)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from clearway.api.frankie.common import UUID_PATTERN
from clearway.api.frankie.schemas import Comment, EntityTypeName, ListOperationMeta, RequestBody, Wire

MatchlistAction = Literal["BLOCK", "ALERT", "ALLOW", "REVIEW", "NONE"]
MatchlistState = Literal["ACTIVE", "ARCHIVED"]
EntryState = Literal["ACTIVE", "EXPIRED", "DELETED"]
AttributeType = Literal[
    "ENTITY_TYPE",
    "EMAIL_ADDRESS",
    "EMAIL_DOMAIN",
    "PHONE_NUMBER",
    "ADDR_STREET_NUMBER",
    "ADDR_STREET_NAME",
    "ADDR_STREET_TYPE",
    "ADDR_NEIGHBORHOOD",
    "ADDR_LOCALITY",
    "ADDR_DISTRICT",
    "ADDR_SUBDIVISION",
    "ADDR_COUNTRY",
    "ADDR_POSTAL_CODE",
    "ADDR_UNSTRUCTURED_LONG_FORM",
    "DOC_CLASS",
    "DOC_TYPE",
    "DOC_SUBTYPE",
    "DOC_PRIMARY_IDENTIFIER",
    "DOC_SECONDARY_IDENTIFIER",
    "IND_DISPLAY_NAME",
    "IND_GIVEN_NAME",
    "IND_FAMILY_NAME",
    "IND_MIDDLE_NAME",
    "IND_DATE_OF_BIRTH",
    "IND_NATIONALITY",
    "ORG_REGISTERED_SUBDIVISION",
    "ORG_REGISTERED_COUNTRY",
    "ORG_REGISTRATION_NUMBER",
    "ORG_REGISTRATION_NUMBER_TYPE",
    "ORG_NAME",
]
ReasonCode = Annotated[str, Field(pattern=r"^[A-Z0-9_-]{1,24}$")]
REFERENCE_LENGTH = 500  # stored as the entry's reason
BATCH_NAME_LENGTH = 200
ATTRIBUTE_VALUE_LENGTH = 300
MAX_ENTRIES = 500  # per request: one transaction, one audit event per entry


class MatchlistEntryAttribute(Wire):
    """`Matchlist-Entry-Attribute`."""

    type: AttributeType
    value: str = Field(max_length=ATTRIBUTE_VALUE_LENGTH)


Attributes = list[MatchlistEntryAttribute]


class CreateMatchlistEntryRequest(RequestBody):
    """`Create-Matchlist-Entry-Request`."""

    entity_id: str | None = Field(default=None, pattern=UUID_PATTERN)
    entity_type: EntityTypeName | None = None
    reference: str | None = Field(default=None, max_length=REFERENCE_LENGTH)
    reasons: list[ReasonCode] = Field(default_factory=list, max_length=20)
    attributes: Attributes = Field(min_length=1, max_length=10)


class CreateMatchlistEntriesRequest(RequestBody):
    """`Create-Matchlist-Entries-Request`, plus `action` (see the module docstring)."""

    batch_name: str | None = Field(default=None, max_length=BATCH_NAME_LENGTH)
    entries: list[CreateMatchlistEntryRequest] = Field(min_length=1, max_length=MAX_ENTRIES)
    comment: Comment | None = None
    action: MatchlistAction | None = Field(
        default=None,
        description="Clearway extension: the action of a list to create with these entries (BLOCK or "
        "ALLOW). Must equal an existing list's action when given.",
    )


class UpdateMatchlistEntryRequest(RequestBody):
    """`Update-Matchlist-Entry-Request`."""

    reference: str | None = Field(default=None, max_length=REFERENCE_LENGTH)
    reasons: list[ReasonCode] | None = Field(default=None, max_length=20)
    state: EntryState | None = None


class UpdateMatchlistEntryBody(RequestBody):
    entry: UpdateMatchlistEntryRequest
    comment: Comment | None = None


class RemoveMatchlistEntityRequest(RequestBody):
    """`Remove-Matchlist-Entity-Request`."""

    entity_id: str = Field(pattern=UUID_PATTERN)
    entity_type: EntityTypeName | None = None
    comment: Comment | None = None


class MatchlistEntry(Wire):
    """`Matchlist-Entry`."""

    entry_id: str
    entity_id: str | None = None
    entity_type: EntityTypeName | None = None
    reference: str | None = None
    reasons: list[str] | None = None
    attributes: Attributes
    state: EntryState
    batch_name: str | None = None
    created_by: str | None = None
    created_at: datetime
    updated_by: str | None = None
    updated_at: datetime


class MatchlistEntryBaseWithAudit(Wire):
    """`Matchlist-Entry-Base-With-Audit`."""

    entry_id: str
    entity_id: str | None = None
    entity_type: EntityTypeName | None = None
    reference: str | None = None
    reasons: list[str] | None = None
    created_by: str | None = None
    created_at: datetime
    updated_by: str | None = None
    updated_at: datetime


class MatchlistBase(Wire):
    """`Matchlist-Base`."""

    matchlist_id: str
    name: str
    action: MatchlistAction


class Matchlist(MatchlistBase):
    """`Matchlist`."""

    state: MatchlistState = "ACTIVE"
    created_by: str | None = None
    created_at: datetime
    updated_by: str | None = None
    updated_at: datetime


class MatchlistEntryMatchlist(MatchlistBase):
    """`Matchlist-Entry-Matchlist`."""

    state: MatchlistState = "ACTIVE"


class MatchlistsResponse(Wire):
    request_id: str
    matchlists: list[Matchlist]


class MatchlistEntriesResponse(Wire):
    """`Matchlist-Entries-Response` (also the entries list, with `meta` for its paging)."""

    request_id: str
    matchlist: MatchlistEntryMatchlist
    entries: list[MatchlistEntry]
    meta: ListOperationMeta | None = None


class MatchlistEntryResponse(Wire):
    request_id: str
    entry: MatchlistEntry


class RemoveMatchlistEntityResponse(Wire):
    request_id: str
    entity_id: str
    matchlist_id: str
    state: EntryState


class MatchlistsSearchCriteria(RequestBody):
    """`Matchlists-Search-Criteria`."""

    type: Literal["EXACT", "FUZZY"] = "EXACT"
    attributes: Attributes = Field(min_length=1, max_length=10)


class MatchlistsSearchFilter(RequestBody):
    """`Matchlists-Search-Filter`."""

    list_scope: Literal["DEFAULT", "ALL", "CUSTOM"] = "DEFAULT"
    search_lists: list[str] | None = Field(default=None, max_length=100)


class SearchMatchlistsRequest(RequestBody):
    """`Search-Matchlists-Request`."""

    search: MatchlistsSearchCriteria
    filter: MatchlistsSearchFilter | None = None


class MatchlistsSearchMatchedAttribute(Wire):
    attribute: MatchlistEntryAttribute
    confidence: float | None = None


class MatchlistsSearchMatchedEntry(Wire):
    matchlist_id: str
    entry: MatchlistEntryBaseWithAudit
    attributes: list[MatchlistsSearchMatchedAttribute]
    confidence: float


class SearchMeta(Wire):
    total: int
    limit: int
    count: int


class SearchMatchlistsMatchesResponse(Wire):
    """`Search-Matchlists-Matches-Response`."""

    request_id: str
    matchlists: dict[str, MatchlistBase]
    entries: list[MatchlistsSearchMatchedEntry]
    meta: SearchMeta
