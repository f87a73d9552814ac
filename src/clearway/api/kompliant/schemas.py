"""Wire schemas of the application dialect, named as the vendor names them.

Unknown fields are accepted and reported back in `meta.warnings` (the vendor's envelope has room for
warnings): a typo is visible to the caller without breaking clients that send extra documented fields."""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from clearway.api.kompliant.types import (
    Code,
    Country,
    DateOfBirth,
    Email,
    EntityId,
    Flag,
    LongName,
    Name,
    Percentage,
    Phone,
    State,
    TaxId,
    Timestamp,
    YearMonth,
)

WorkflowType = Literal["BUSINESS_APPLICATION", "ACCOUNT_PROVISIONING", "BUSINESS_UNDERWRITING"]
WorkflowState = Literal["CREATED", "STARTED", "ENDED"]


class WireModel(BaseModel):
    model_config = ConfigDict(extra="allow")


def nest_flat_fields(data: Any, key: str, fields: tuple[str, ...]) -> Any:
    """Accept an entity's fields either nested under `key` or flat beside the ids."""
    if isinstance(data, dict) and key not in data and any(name in data for name in fields):
        data = dict(data)
        data[key] = {name: data.pop(name) for name in fields if name in data}
    return data


# --- shared request parts ---------------------------------------------------------------------------


class AccountScoped(WireModel):
    account_id: EntityId | None = Field(
        None, description="Optional; must be the caller's account or one of its child accounts."
    )


class EntityRequest(AccountScoped):
    """A request carrying one entity's fields under `entity_key`; they may also be sent flat."""

    entity_key: ClassVar[str]
    entity_fields: ClassVar[tuple[str, ...]]

    @model_validator(mode="before")
    @classmethod
    def _flat(cls, data: Any) -> Any:
        return nest_flat_fields(data, cls.entity_key, cls.entity_fields)


class GetOptions(AccountScoped):
    show_sensitive_data: Flag = Field(False, description="Return tax ids unmasked.")
    verbose: Flag = Field(False, description="Embed sub-entities instead of listing their ids.")


# --- workflows --------------------------------------------------------------------------------------


class ApplyingUser(WireModel):
    email: Email | None = Field(None, description="Validly formatted; may need to be unique per account.")
    first_name: Name | None = None
    last_name: Name | None = None


class BusinessApplicationDetails(WireModel):
    applying_user: ApplyingUser | None = None
    pricing_model_id: EntityId | None = None
    equipment_collection_id: EntityId | None = None
    referrer_value: str | None = Field(None, max_length=100, description="At most 100 characters.")


class WorkflowDetails(BusinessApplicationDetails):
    """Either the Business Application Details themselves (as in the parameter table) or nested under
    `business_application_details` (as in the vendor's example); not both."""

    business_application_details: BusinessApplicationDetails | None = None

    @model_validator(mode="after")
    def _one_form_only(self) -> WorkflowDetails:
        flat = self.model_fields_set - {"business_application_details"}
        if self.business_application_details is not None and flat:
            raise ValueError("give the details either flat or under business_application_details, not both")
        return self

    def business_fields(self) -> BusinessApplicationDetails:
        if self.business_application_details is not None:
            return self.business_application_details
        return BusinessApplicationDetails.model_validate(
            self.model_dump(exclude_unset=True, exclude={"business_application_details"})
        )


class WorkflowCreateSpec(WireModel):
    type: WorkflowType
    state: Literal["CREATED", "STARTED"] = Field("STARTED", description="Defaults to STARTED.")
    subject_record_id: EntityId | None = Field(None, description="Created when omitted.")
    details: WorkflowDetails | None = None


class WorkflowCreateRequest(AccountScoped):
    workflow: WorkflowCreateSpec


class WorkflowUpdateSpec(WireModel):
    type: WorkflowType | None = Field(None, description="Accepted when it agrees with the workflow.")
    subject_record_id: EntityId | None = Field(None, description="Accepted when it agrees with the workflow.")
    details: WorkflowDetails | None = None


class WorkflowUpdateRequest(AccountScoped):
    workflow_id: EntityId = Field(description="The workflow to update.")
    workflow: WorkflowUpdateSpec


class WorkflowIdRequest(AccountScoped):
    workflow_id: EntityId


class WorkflowListRequest(AccountScoped):
    subject_record_id: EntityId | None = Field(None, description="Only this subject record's workflows.")


class WorkflowCreated(BaseModel):
    workflow_id: str
    subject_record_id: str


class Workflow(BaseModel):
    workflow_id: str
    account_id: str
    type: WorkflowType
    subject_record_id: str
    state: WorkflowState
    details: dict[str, Any]
    started_at: Timestamp | None
    ended_at: Timestamp | None
    created_at: Timestamp
    updated_at: Timestamp
    verification: dict[str, Any] | None = Field(
        None,
        description="BUSINESS_APPLICATION: the latest KYB verification run of its business "
        "(workflow_execution_id, workflow_name, entity_id, state, result, status, risk_level).",
    )


class WorkflowList(BaseModel):
    workflows: list[Workflow]


class MissingRequirement(BaseModel):
    code: str
    entity_type: str
    entity_id: str
    message: str
    related_methods: list[str]
    fields: list[str]


class CanComplete(BaseModel):
    can_complete: bool
    missing_requirements: list[MissingRequirement]


class WorkflowCompleted(BaseModel):
    business_underwriting_workflow_id: str


class Empty(BaseModel):
    pass


# --- subject records --------------------------------------------------------------------------------


class SubjectRecordCreateRequest(AccountScoped):
    type: Literal["BUSINESS"] = "BUSINESS"


class SubjectRecordIdRequest(GetOptions):
    subject_record_id: EntityId


class SubjectRecordCreated(BaseModel):
    subject_record_id: str


# --- businesses -------------------------------------------------------------------------------------


class AdditionalField(WireModel):
    field_name: str = Field(min_length=1, max_length=100)
    field_value: str | None = Field(None, max_length=1000)


class BusinessFields(WireModel):
    legal_name: LongName | None = None
    operating_name: LongName | None = None
    registration_type: Code | None = None
    tax_id: TaxId | None = Field(None, description="Exactly 9 digits.")
    phone_number: Phone | None = Field(None, description="10-digit North American number.")
    email: Email | None = None
    industry_category_codes: list[Code] | None = None
    additional_fields: list[AdditionalField] | None = None


BUSINESS_FIELD_NAMES = tuple(BusinessFields.model_fields)


class BusinessCreateRequest(EntityRequest):
    entity_key: ClassVar[str] = "business"
    entity_fields: ClassVar[tuple[str, ...]] = BUSINESS_FIELD_NAMES

    subject_record_id: EntityId
    business: BusinessFields = Field(default_factory=BusinessFields)


class BusinessUpdateRequest(EntityRequest):
    entity_key: ClassVar[str] = "business"
    entity_fields: ClassVar[tuple[str, ...]] = BUSINESS_FIELD_NAMES

    business_id: EntityId
    business: BusinessFields


class BusinessIdRequest(GetOptions):
    business_id: EntityId


class BusinessCreated(BaseModel):
    business_id: str


class OwnerFields(WireModel):
    person_id: EntityId
    ownership_type: Code | None = Field(None, description="e.g. CONTROL_PRONG, BENEFICIAL_OWNER.")
    ownership_percentage: Percentage | None = Field(None, description="Integer 0-100.")
    ownership_year_month: YearMonth | None = Field(None, description="YYYY-MM.")
    business_person_position: Code | None = Field(None, description="e.g. PRESIDENT.")


OWNER_FIELD_NAMES = tuple(OwnerFields.model_fields)


class BusinessAddOwnerRequest(EntityRequest):
    entity_key: ClassVar[str] = "owner"
    entity_fields: ClassVar[tuple[str, ...]] = OWNER_FIELD_NAMES

    business_id: EntityId
    owner: OwnerFields


class BusinessOwnerIdRequest(GetOptions):
    business_owner_id: EntityId


class BusinessOwnerCreated(BaseModel):
    business_owner_id: str


# --- persons ----------------------------------------------------------------------------------------


class Address(WireModel):
    address_type: Code = Field("HOME", description="One address per type (e.g. HOME, MAILING).")
    line1: LongName
    line2: LongName | None = None
    city: Name
    state: State | None = Field(None, description="2-letter code.")
    postal_code: str = Field(min_length=3, max_length=12)
    country: Country = "US"


class PersonFields(WireModel):
    email: Email | None = None
    first_name: Name | None = None
    middle_name: Name | None = None
    last_name: Name | None = None
    date_of_birth: DateOfBirth | None = Field(
        None, description="YYYY-MM-DD, not in the future, at most 130 years ago."
    )
    tax_id: TaxId | None = Field(None, description="9-digit SSN or ITIN.")
    citizenship: Country | None = Field(None, description="ISO 3166-1 alpha-2.")
    phone_number: Phone | None = None
    addresses: list[Address] | None = None

    @field_validator("addresses")
    @classmethod
    def _one_per_type(cls, addresses: list[Address] | None) -> list[Address] | None:
        types = [address.address_type for address in addresses or []]
        if len(types) != len(set(types)):
            raise ValueError("at most one address per address_type")
        return addresses


PERSON_FIELD_NAMES = tuple(PersonFields.model_fields)


class PersonCreateRequest(EntityRequest):
    entity_key: ClassVar[str] = "person"
    entity_fields: ClassVar[tuple[str, ...]] = PERSON_FIELD_NAMES

    subject_record_id: EntityId
    person: PersonFields = Field(default_factory=PersonFields)


class PersonIdRequest(GetOptions):
    person_id: EntityId


class PersonListRequest(GetOptions):
    subject_record_id: EntityId


class PersonCreated(BaseModel):
    person_id: str


class AddressOut(BaseModel):
    address_type: str
    line1: str
    line2: str | None = None
    city: str
    state: str | None = None
    postal_code: str
    country: str


class PersonOut(BaseModel):
    person_id: str
    subject_record_id: str | None
    email: str | None
    first_name: str | None
    middle_name: str | None
    last_name: str | None
    date_of_birth: str | None
    tax_id: str | None = Field(description="Masked unless show_sensitive_data is true.")
    citizenship: str | None
    phone_number: str | None
    addresses: list[AddressOut]
    created_at: Timestamp
    updated_at: Timestamp


class PersonList(BaseModel):
    persons: list[PersonOut]


class BusinessOwnerOut(BaseModel):
    business_owner_id: str
    business_id: str
    person_id: str
    ownership_type: str | None
    ownership_percentage: int | None
    ownership_year_month: str | None
    business_person_position: str | None
    person: PersonOut | None = Field(None, description="With verbose: true.")
    created_at: Timestamp
    updated_at: Timestamp


class BusinessOwnerList(BaseModel):
    business_owners: list[BusinessOwnerOut]


class BusinessOut(BaseModel):
    business_id: str
    subject_record_id: str | None
    legal_name: str | None
    operating_name: str | None
    registration_type: str | None
    tax_id: str | None = Field(description="Masked unless show_sensitive_data is true.")
    phone_number: str | None
    email: str | None
    industry_category_codes: list[str]
    additional_fields: list[dict[str, Any]]
    business_owner_ids: list[str]
    business_owners: list[BusinessOwnerOut] | None = Field(None, description="With verbose: true.")
    created_at: Timestamp
    updated_at: Timestamp


class SubjectRecordOut(BaseModel):
    subject_record_id: str
    account_id: str
    type: str
    business_id: str | None
    person_ids: list[str]
    workflow_ids: list[str]
    business: BusinessOut | None = Field(None, description="With verbose: true.")
    persons: list[PersonOut] | None = Field(None, description="With verbose: true.")
    workflows: list[Workflow] | None = Field(None, description="With verbose: true.")
    created_at: Timestamp
    updated_at: Timestamp


class SubjectRecordList(BaseModel):
    subject_records: list[SubjectRecordOut]


class SubjectRecordListRequest(GetOptions):
    pass


# --- meta -------------------------------------------------------------------------------------------


class CheckVersionRequest(WireModel):
    pass


class VersionInfo(BaseModel):
    current_version: str
    latest_version: str
