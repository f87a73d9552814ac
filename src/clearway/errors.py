"""Domain errors: stable codes that each wire dialect maps to its own format in one place."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldIssue:
    field: str
    message: str


@dataclass
class DomainError(Exception):
    """Base of every error the domain raises; never an HTTP error."""

    message: str
    code: str = "BAD_REQUEST"
    sub_code: str | None = None
    entity_type: str | None = None
    details: list[FieldIssue] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.message)


class InvalidInput(DomainError):
    """A value is malformed or breaks a field rule."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(
            f"Invalid value for '{field_name}': {message}",
            "BAD_REQUEST",
            details=[FieldIssue(field_name, message)],
        )


class NotFound(DomainError):
    """The entity does not exist, or belongs to another tenant (indistinguishable on purpose)."""

    def __init__(self, entity_type: str, entity_id: str, field_name: str | None = None) -> None:
        details = [FieldIssue(field_name, f"{entity_type} not found")] if field_name else []
        super().__init__(
            f"{entity_type} '{entity_id}' was not found",
            "ENTITY_NOT_FOUND",
            entity_type=entity_type,
            details=details,
        )


class RuleViolation(DomainError):
    """A system rule (state machine, type restriction) forbids the operation."""

    def __init__(self, sub_code: str, message: str, entity_type: str | None = None) -> None:
        super().__init__(message, "SYSTEM_RULE_VIOLATION", sub_code=sub_code, entity_type=entity_type)


class ConfigurationViolation(DomainError):
    """The account's configuration forbids the operation."""

    def __init__(
        self, sub_code: str, message: str, entity_type: str | None = None, field_name: str | None = None
    ) -> None:
        details = [FieldIssue(field_name, message)] if field_name else []
        super().__init__(
            message,
            "ACCOUNT_CONFIGURATION_VIOLATION",
            sub_code=sub_code,
            entity_type=entity_type,
            details=details,
        )


class MissingRequirements(DomainError):
    """Something the operation needs is not there yet (e.g. completing an application)."""

    def __init__(self, message: str, entity_type: str | None = None) -> None:
        super().__init__(message, "MISSING_REQUIREMENTS", entity_type=entity_type)


class Conflict(DomainError):
    """A concurrent writer changed the row first (optimistic version check)."""

    def __init__(self, entity_type: str, message: str) -> None:
        super().__init__(message, "CONFLICT", entity_type=entity_type)
