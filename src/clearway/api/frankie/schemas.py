"""Wire schemas of the verification dialect, named as the vendor names them (`Workflow-Result` ->
`WorkflowResult`). Fields are snake_case in Python and camelCase on the wire. Request models refuse NUL
characters (PostgreSQL text cannot hold them) and name the offending field; documents the vendor allows
to grow (individuals, step results) keep unknown fields."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from clearway.api.frankie.errors import NulCharacters
from clearway.api.nul import find_nul
from clearway.verification.statuses import ExecutionState, LifecyclePhase, RiskLevel, Status

EntityTypeName = Literal["INDIVIDUAL", "ORGANIZATION", "UNKNOWN"]
ProfileState = Literal[
    "INIT", "AUTO", "ACTIVE", "ARCHIVED", "BLOCKLISTED", "INACTIVE", "DELETED", "DUPLICATE"
]
SortField = Literal["createdAt", "updatedAt"]
SettableProfileState = Literal["ARCHIVED", "INACTIVE"]
GenderName = Literal["MALE", "FEMALE", "NON_BINARY", "OTHER", "UNSPECIFIED"]
AmlManualStatus = Literal[
    "TRUE_POSITIVE",
    "FALSE_POSITIVE",
    "TRUE_POSITIVE_ACCEPT",
    "TRUE_POSITIVE_REJECT",
    "UNKNOWN",
    "UNKNOWN_ACCEPT",
    "UNKNOWN_REJECT",
]
MatchlistManualStatus = Literal["FALSE_POSITIVE", "TRUE_POSITIVE_REJECT"]
DuplicateManualStatus = Literal["FALSE_POSITIVE", "TRUE_POSITIVE_ACCEPT", "TRUE_POSITIVE_REJECT"]
NAME_LENGTH = 200  # the width of the party name columns
TEXT_LENGTH = 4000


def _in_utc(value: datetime) -> datetime:
    """A filter's timestamp as the database compares it: in UTC (one without an offset is read as UTC);
    one that UTC cannot hold (year 1 with a positive offset) is bad input, not an overflow in SQL."""
    try:
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    except OverflowError:
        raise ValueError("out of range once converted to UTC") from None


Timestamp = Annotated[datetime, AfterValidator(_in_utc)]


class Wire(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)


class Document(Wire):
    """A vendor document that may carry fields we do not model: they are kept as sent."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")


class RequestBody(Wire):
    @model_validator(mode="before")
    @classmethod
    def _no_nul(cls, data: Any) -> Any:
        found = find_nul(data)
        if found is not None:
            raise NulCharacters(".".join(str(part) for part in found) or "body")
        return data


# --- shared pieces -----------------------------------------------------------------------------------


class Comment(Document):
    """`Comment`: free text; the vendor's examples also send `entityId` and `entityType`."""

    comment_id: str | None = None
    text: str | None = Field(default=None, max_length=TEXT_LENGTH)
    entity_id: str | None = Field(default=None, max_length=64)
    entity_type: str | None = Field(default=None, max_length=40)


class ListOperationMeta(Wire):
    page: int
    total: int
    limit: int
    count: int
    sort: Literal["asc", "desc"] = "desc"
    sort_fields: list[SortField] = Field(default_factory=lambda: list[SortField](["createdAt"]))


class ErrorIssue(Wire):
    issue: str
    issue_location: str
    issue_type: str | None = None


class Error(Wire):
    error_code: str
    error_msg: str
    details: list[ErrorIssue] = Field(default_factory=list)
    request_id: str


# --- individuals -------------------------------------------------------------------------------------


class IndividualName(Document):
    name_id: str | None = None
    given_name: str | None = Field(default=None, max_length=NAME_LENGTH)
    middle_name: str | None = Field(default=None, max_length=NAME_LENGTH)
    family_name: str = Field(max_length=NAME_LENGTH)
    display_name: str | None = None


class DateOfBirth(Document):
    date_of_birth_id: str | None = None
    year: str | None = Field(default=None, max_length=4)
    month: str | None = Field(default=None, max_length=2)
    day: str | None = Field(default=None, max_length=2)
    unstructured: str | None = Field(default=None, max_length=40)
    normalized: str | None = None


class Gender(Document):
    gender_id: str | None = None
    gender: GenderName | None = None


class Address(Document):
    address_id: str | None = None
    country: str = Field(min_length=2, max_length=3)


class Email(Document):
    email_address_id: str | None = None
    email: str | None = Field(default=None, max_length=320)
    type: Literal["OTHER", "WORK", "PERSONAL", "BUSINESS"] | None = None
    is_preferred: bool | None = None


class PhoneNumber(Document):
    phone_number_id: str | None = None
    number: str | None = Field(default=None, max_length=40)
    country: str | None = None
    type: Literal["OTHER", "WORK", "HOME", "MOBILE", "BUSINESS", "FAX"] | None = None
    is_preferred: bool | None = None


class Individual(Document):
    """`Individual`: the person's document. `entityId`, `entityType`, `createdAt` and `schemaVersion`
    are read-only (ignored when sent)."""

    entity_id: str | None = None
    entity_type: EntityTypeName | None = None
    created_at: datetime | None = None
    schema_version: int | None = None
    name: IndividualName | None = None
    date_of_birth: DateOfBirth | None = None
    gender: Gender | None = None
    nationality: str | None = Field(default=None, max_length=3)
    addresses: list[Address] | None = None
    email_addresses: list[Email] | None = None
    phone_numbers: list[PhoneNumber] | None = None


class Organization(Document):
    """An organization's document (the KYB side; not in the vendor's KYC file)."""

    entity_id: str | None = None
    entity_type: EntityTypeName | None = None
    created_at: datetime | None = None
    schema_version: int | None = None
    details: dict[str, Any] | None = None


class IndividualsCreate(RequestBody):
    individual: Individual
    service_name: str | None = None
    workflow_name: str | None = None
    comment: Comment | None = None


class IndividualsUpdate(RequestBody):
    individual: Individual
    comment: Comment | None = None


class OrganizationsCreate(RequestBody):
    organization: Organization
    comment: Comment | None = None


# --- workflows, executions, service profiles ---------------------------------------------------------


class RiskFactor(Document):
    factor: str | None = None
    value: str | None = None
    score: float | None = None
    description: str | None = None
    workflow_execution_id: str | None = None


class RiskAssessment(Wire):
    service_profile_id: str
    workflow_id: str
    workflow_execution_id: str
    entity_id: str
    schema_version: int = 2
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    updated_request_id: str | None = None
    workflow_risk_score: float | None = None
    workflow_risk_level: RiskLevel | None = None
    risk_score: float | None = None
    risk_level: RiskLevel | None = None
    is_outdated: bool | None = None
    risk_factors: list[RiskFactor] = Field(default_factory=list)


class WorkflowExecutionSteps(Wire):
    order: list[str] = Field(default_factory=list)
    passed: list[str] = Field(default_factory=list)
    failed: list[str] = Field(default_factory=list)
    incomplete: list[str] = Field(default_factory=list)
    not_applicable: list[str] = Field(default_factory=list)


class WorkflowIssue(Document):
    category: str
    issue: str
    severity: str


class WorkflowExecutionStepResult(Document):
    step_result_id: str | None = None
    step_name: str | None = None
    result: str | None = None


class WorkflowExecutionSummary(Wire):
    schema_version: int = 2
    workflow_name: str
    workflow_execution_id: str
    workflow_execution_state: ExecutionState
    status: Status
    status_override_at: datetime | None = None
    status_override_request_id: str | None = None
    status_override_by: str | None = None
    risk_assessment: RiskAssessment | None = None
    is_manual: bool = False
    steps: WorkflowExecutionSteps | None = None
    started_at: datetime
    ended_at: datetime | None = None
    issues: list[WorkflowIssue] = Field(default_factory=list)
    lifecycle_phase: LifecyclePhase | None = None


class WorkflowResult(WorkflowExecutionSummary):
    """`Workflow-Result`: `result` is the engine's outcome, `status` what it is now (overridable)."""

    workflow_id: str
    request_id: str
    entity_id: str
    entity_type: EntityTypeName
    service_profile_id: str
    result: Status
    workflow_step_results: list[WorkflowExecutionStepResult] = Field(default_factory=list)
    errors: list[dict[str, Any]] | None = None
    created_at: datetime
    updated_at: datetime | None = None
    updated_by: str | None = None


class ServiceProfileSubscription(Wire):
    service_profile_id: str
    status: Literal["ENABLED", "DISABLED"]
    type: Literal["AML", "ACTIVITY"]


class ServiceProfile(Wire):
    service_profile_id: str
    latest_workflow_execution_id: str | None = None
    entity_id: str
    entity_name: str | None = None
    entity_type: str
    country: str | None = None
    schema_version: int = 2
    created_at: datetime
    updated_at: datetime | None = None
    updated_by: str | None = None
    assignee: str | None = None
    reviewer: str | None = None
    current_workflow_name: str | None = None
    workflow_summaries: list[WorkflowExecutionSummary] = Field(default_factory=list)
    service_name: str
    subscriptions: list[ServiceProfileSubscription] = Field(default_factory=list)
    state: ProfileState


class IndividualsEntityResponse(Wire):
    individual: Individual
    service_profiles: list[ServiceProfile] = Field(default_factory=list)
    request_id: str


class OrganizationsEntityResponse(Wire):
    organization: Organization
    service_profiles: list[ServiceProfile] = Field(default_factory=list)
    request_id: str


class DeleteIndividualResponse(Wire):
    request_id: str
    entity_id: str


class WorkflowLookup(Wire):
    service_name: str | None = None
    workflow_id: str
    workflow_name: str
    type: str | None = None
    lifecycle_phase: LifecyclePhase | None = None
    monitoring_types: list[str] = Field(default_factory=list)
    definition: dict[str, Any] | None = None


class WorkflowsResponse(Wire):
    request_id: str
    workflows: list[WorkflowLookup]


class ExecuteRequest(RequestBody):
    comment: Comment | None = None


class CreateAndExecuteRequest(RequestBody):
    individual: Individual
    comment: Comment | None = None


class ExecuteResponse(Wire):
    workflow_result: WorkflowResult
    service_profile: ServiceProfile
    individual: Individual | None = None
    organization: Organization | None = None
    request_id: str


class ExecuteAccepted(Wire):
    request_id: str
    workflow_execution_id: str
    entity_id: str | None = None


class ExecutionsResponse(Wire):
    request_id: str
    workflow_results: list[WorkflowResult]
    meta: ListOperationMeta


class ExecutionResponse(Wire):
    request_id: str
    workflow_result: WorkflowResult
    individual: Individual | None = None


class OverrideRequest(RequestBody):
    """The seed: `{"status", "comment": {"text", …}}`."""

    status: Status
    comment: Comment | None = None


class OverrideResponse(Wire):
    request_id: str
    workflow_result: WorkflowResult


class ServiceProfilePatch(Document):
    assignee: str | None = Field(default=None, max_length=200)
    reviewer: str | None = Field(default=None, max_length=200)
    current_workflow_name: str | None = Field(default=None, max_length=100)
    state: SettableProfileState | None = None


class UpdateProfileRequest(RequestBody):
    service_profile: ServiceProfilePatch
    comment: Comment | None = None


class ServiceProfileResponse(Wire):
    request_id: str
    service_profile: ServiceProfile


# --- results, risk, monitoring, search, audit ---------------------------------------------------------


class ProcessResultObject(Wire):
    process_result_id: str
    schema_version: int = 2
    entity_id: str
    request_id: str | None = None
    step_name: str
    step_type: str | None = None
    object_type: str | None = None
    created_at: datetime
    updated_at: datetime | None = None
    result: str
    class_: str = Field(alias="class")
    supplementary_data: dict[str, Any] | None = None
    system_status: str
    manual_status: str | None = None
    state: Literal["IN_PROGRESS", "COMPLETED", "TIMEOUT", "ERROR"] = "COMPLETED"
    updated_by: str | None = None


class ResultsResponse(Wire):
    meta: ListOperationMeta
    request_id: str
    process_results: list[ProcessResultObject]


class ResolveAmlRequest(RequestBody):
    process_results: list[Annotated[str, Field(max_length=64)]] = Field(min_length=1, max_length=500)
    manual_status: AmlManualStatus
    comment: Comment | None = None


class ResolveMatchlistRequest(ResolveAmlRequest):
    manual_status: MatchlistManualStatus


class ResolveDuplicateRequest(ResolveAmlRequest):
    manual_status: DuplicateManualStatus


class ResolveResponse(Wire):
    request_id: str
    process_results: list[ProcessResultObject]


class RiskRequest(RequestBody):
    risk_level: RiskLevel
    comment: Comment | None = None


class RiskResponse(Wire):
    request_id: str
    risk_assessment: RiskAssessment


class MonitorRequest(RequestBody):
    comment: Comment | None = None


class MonitoringSubscription(Wire):
    service_profile_id: str
    status: Literal["ENABLED", "DISABLED"]


class MonitoringTypeState(Wire):
    subscriptions: list[MonitoringSubscription]
    status: Literal["ENABLED", "DISABLED"]


class MonitoringResponse(Wire):
    request_id: str
    monitoring: dict[str, MonitoringTypeState]


class SearchFilters(Document):
    entity_ids: list[str] | None = Field(default=None, max_length=500)
    entity_types: list[Literal["INDIVIDUAL", "ORGANIZATION"]] | None = None
    states: list[ProfileState] | None = None
    workflow_names: list[str] | None = Field(default=None, max_length=100)
    workflow_statuses: list[Status] | None = None
    risk_levels: list[RiskLevel] | None = None
    created_at_before: Timestamp | None = None
    created_at_after: Timestamp | None = None


class SearchTerm(Document):
    value: str = Field(max_length=NAME_LENGTH)


class SearchCriteria(Document):
    type: str | None = None
    terms: list[SearchTerm] = Field(default_factory=list, max_length=20)


class SearchRequest(RequestBody):
    search: SearchCriteria | None = None
    filters: SearchFilters | None = None


class SearchMatch(Wire):
    service_profile: ServiceProfile


class SearchResponse(Wire):
    """`matches` is a list of `Search-Matches`, themselves lists: one inner list per entity."""

    meta: ListOperationMeta
    request_id: str
    matches: list[list[SearchMatch]]


class Audit(Wire):
    """The core spec's `Audit` event; `before` and `after` carry the recorded change itself."""

    event_id: str
    schema_version: int = 2
    request_id: str
    level: int = 1
    type: str
    timestamp: datetime
    source: str
    description: str
    description_details: str | None = None
    entity_id: str | None = None
    entity_type: EntityTypeName | None = None
    channel: Literal["API", "PORTAL", "ONESDK", "SYSTEM"]
    event_status: Literal["SUCCESS", "ERROR", "INFO"] = "SUCCESS"
    service_profile_id: str | None = None
    status: Status | None = None
    workflow_execution_id: str | None = None
    workflow_name: str | None = None
    user_comment: Comment | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class AuditResponse(Wire):
    request_id: str
    meta: ListOperationMeta
    events: list[Audit]
