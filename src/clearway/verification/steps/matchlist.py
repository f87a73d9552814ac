"""MATCHLIST: the account's own block and allow lists, matched on normalised names, emails, phones and
identifiers. A BLOCK match is a blocking issue; an ALLOW match only ever explains (it does not cancel a
BLOCK match on another attribute: an allow list must not become a way around a block list)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

from clearway.verification.facts import PartyFacts, SubjectFacts
from clearway.verification.statuses import Severity, StepResult
from clearway.verification.steps import normal
from clearway.verification.steps.base import Finding, Issue, RunState, Step, StepOutcome, StepSettings

Attribute = Literal["NAME", "EMAIL", "PHONE", "IDENTIFIER"]


class MatchlistSettings(StepSettings):
    attributes: tuple[Attribute, ...] = ("NAME", "EMAIL", "PHONE", "IDENTIFIER")
    include_related: bool = True  # also check an organization's owners and officers
    block_severity: Severity = Severity.BLOCK


@dataclass(frozen=True, slots=True)
class MatchlistCandidate:
    """A matchlist entry the collector found for one of the wanted keys."""

    entry_id: int
    list_name: str
    action: str  # BLOCK | ALLOW
    attribute: str
    value: str
    normalized_value: str
    reason: str | None = None
    public_id: str | None = None  # the entry's entryId in the verification dialect


def party_keys(party: PartyFacts, attributes: tuple[str, ...]) -> set[tuple[str, str]]:
    """The party's (attribute, normalised value) pairs, normalised by `normal.matchlist_value`: the same
    function that gives a stored entry its `normalized_value`, so both sides always agree."""
    raw: list[tuple[str, str]] = []
    if "NAME" in attributes:
        raw.extend(("NAME", text) for text in (party.name, *party.aliases) if text)
    if "EMAIL" in attributes and party.email:
        raw.append(("EMAIL", party.email))
    if "PHONE" in attributes and party.phone:
        raw.append(("PHONE", party.phone))
    if "IDENTIFIER" in attributes:
        raw.extend(("IDENTIFIER", ident.value) for ident in party.identifiers)
    keys = {(attribute, normal.matchlist_value(attribute, value)) for attribute, value in raw}
    return {(attribute, value) for attribute, value in keys if value}


def wanted_keys(facts: SubjectFacts, settings: MatchlistSettings) -> set[tuple[str, str]]:
    """The (attribute, normalised value) pairs the collector must look up."""
    parties = facts.parties if settings.include_related else (facts.party,)
    keys: set[tuple[str, str]] = set()
    for party in parties:
        keys |= party_keys(party, settings.attributes)
    return keys


class MatchlistStep(Step[MatchlistSettings, tuple[MatchlistCandidate, ...]]):
    type: ClassVar[str] = "MATCHLIST"
    settings_model = MatchlistSettings

    def evaluate(
        self,
        name: str,
        settings: MatchlistSettings,
        evidence: tuple[MatchlistCandidate, ...],
        run: RunState,
    ) -> StepOutcome:
        by_key: dict[tuple[str, str], list[MatchlistCandidate]] = {}
        for candidate in evidence:
            by_key.setdefault((candidate.attribute, candidate.normalized_value), []).append(candidate)
        parties = run.facts.parties if settings.include_related else (run.facts.party,)
        findings: list[Finding] = []
        issues: list[Issue] = []
        for party in parties:
            for key in sorted(party_keys(party, settings.attributes)):
                for candidate in by_key.get(key, ()):
                    findings.append(
                        Finding(
                            object_type=candidate.attribute,
                            result="MATCH",
                            entity_id=party.entity_id,
                            match_key=f"matchlist:{candidate.entry_id}",
                            details={
                                "entryId": candidate.public_id,
                                "listName": candidate.list_name,
                                "action": candidate.action,
                                "attribute": candidate.attribute,
                                "value": candidate.value,
                                "reason": candidate.reason,
                            },
                        )
                    )
                    if candidate.action == "BLOCK":
                        issues.append(
                            Issue(
                                "MATCHLIST",
                                "BLOCKLIST_MATCH",
                                settings.block_severity,
                                name,
                                party.entity_id,
                                f"{candidate.attribute} on list {candidate.list_name}",
                            )
                        )
        blocked = any(f.details["action"] == "BLOCK" for f in findings)
        result = StepResult.HIT if blocked else StepResult.CLEAR
        summary = {
            "blockMatches": sum(1 for f in findings if f.details["action"] == "BLOCK"),
            "allowMatches": sum(1 for f in findings if f.details["action"] == "ALLOW"),
        }
        return StepOutcome(result, summary, tuple(findings), tuple(issues))
