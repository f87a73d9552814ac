"""AML: screening hits of the party (and, for an organization, of its owners and officers).

The collector screens with the screening engine and looks up how earlier hits on the same entity and list
entry were resolved. Here, a hit resolved earlier is not raised again while the list entry's content
digest is the one the analyst saw: a FALSE_POSITIVE stays settled, a TRUE_POSITIVE stays a confirmed hit
for the decision. When the entry changed (new list version with different content) the hit is raised
again as new evidence, because the analyst's judgement was about other data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from clearway.verification.statuses import (
    CLEARING_RESOLUTIONS,
    CONFIRMING_RESOLUTIONS,
    Severity,
    StepResult,
)
from clearway.verification.steps.base import (
    Finding,
    HitSignal,
    Issue,
    RunState,
    Step,
    StepOutcome,
    StepSettings,
)


class AmlSettings(StepSettings):
    threshold: float | None = None  # the screening engine's default when None
    lists: tuple[str, ...] | None = None  # every active list when None
    include_related: bool = True
    max_hits_per_party: int = 10
    hit_severity: Severity = Severity.HIGH


@dataclass(frozen=True, slots=True)
class ScreeningHit:
    match_key: str  # "<list>:<entry id>"
    digest: str  # the list entry's content digest
    score: float
    topics: tuple[str, ...]
    details: dict[str, Any]  # the hit with its explanation, list versions, algorithm version


@dataclass(frozen=True, slots=True)
class ScreenedParty:
    entity_id: str
    entity_type: str
    role: str | None
    hits: tuple[ScreeningHit, ...]
    # No word of the party's name was in a script the screening engine reads: it was not compared with
    # the lists at all, which must not pass for a clear result.
    unreadable: bool = False


@dataclass(frozen=True, slots=True)
class PriorResolution:
    process_result_id: str
    manual_status: str
    digest: str | None


@dataclass(frozen=True, slots=True)
class AmlEvidence:
    screened: tuple[ScreenedParty, ...]
    # (screened entity id, match key) → the latest resolution of that hit
    resolutions: Mapping[tuple[str, str], PriorResolution] = field(default_factory=dict)


class AmlStep(Step[AmlSettings, AmlEvidence]):
    type: ClassVar[str] = "AML"
    settings_model = AmlSettings

    def evaluate(self, name: str, settings: AmlSettings, evidence: AmlEvidence, run: RunState) -> StepOutcome:
        findings: list[Finding] = []
        issues: list[Issue] = []
        signals: list[HitSignal] = []
        settled: list[dict[str, Any]] = []
        for party in evidence.screened:
            for hit in party.hits[: settings.max_hits_per_party]:
                prior = evidence.resolutions.get((party.entity_id, hit.match_key))
                if prior is not None and prior.digest == hit.digest:
                    if prior.manual_status in CLEARING_RESOLUTIONS:
                        settled.append(_settled(party, hit, prior, "CLEARED"))
                        continue
                    if prior.manual_status in CONFIRMING_RESOLUTIONS:
                        settled.append(_settled(party, hit, prior, "CONFIRMED"))
                        signals.append(HitSignal("CONFIRMED", party.entity_id, hit.match_key, hit.topics))
                        issues.append(
                            Issue(
                                "AML",
                                "CONFIRMED_HIT",
                                settings.hit_severity,
                                name,
                                party.entity_id,
                                hit.match_key,
                            )
                        )
                        continue
                details = dict(hit.details)
                details["screenedEntityId"] = party.entity_id
                details["role"] = party.role
                if prior is not None:
                    details["previousResolution"] = {
                        "processResultId": prior.process_result_id,
                        "manualStatus": prior.manual_status,
                        "entryChanged": prior.digest != hit.digest,
                    }
                findings.append(
                    Finding(party.entity_type, "HIT", party.entity_id, hit.match_key, hit.digest, details)
                )
                signals.append(HitSignal("OPEN", party.entity_id, hit.match_key, hit.topics))
                kind = "PEP_HIT" if any(t.startswith("role.pep") for t in hit.topics) else "SANCTION_HIT"
                issues.append(Issue("AML", kind, settings.hit_severity, name, party.entity_id, hit.match_key))
        unreadable = [party for party in evidence.screened if party.unreadable]
        for party in unreadable:
            issues.append(
                Issue("AML", "NAME_NOT_SCREENED", settings.hit_severity, name, party.entity_id, _UNREADABLE)
            )
        if findings or any(signal.state == "CONFIRMED" for signal in signals):
            result = StepResult.HIT
        elif unreadable:
            result = StepResult.INCOMPLETE  # a party was not screened: neither clear nor a hit
        elif settled:
            result = StepResult.CLEARED
        else:
            result = StepResult.CLEAR
        summary = {
            "screened": [_screened_summary(p) for p in evidence.screened],
            "openHits": len(findings),
            "settledHits": settled,
        }
        return StepOutcome(result, summary, tuple(findings), tuple(issues), hits=tuple(signals))


_UNREADABLE = "no word of the name is in a script the screening engine reads: not screened"


def _screened_summary(party: ScreenedParty) -> dict[str, Any]:
    summary: dict[str, Any] = {"entityId": party.entity_id, "role": party.role, "hits": len(party.hits)}
    if party.unreadable:
        summary["unreadable"] = True
    return summary


def _settled(party: ScreenedParty, hit: ScreeningHit, prior: PriorResolution, state: str) -> dict[str, Any]:
    return {
        "entityId": party.entity_id,
        "matchKey": hit.match_key,
        "processResultId": prior.process_result_id,
        "manualStatus": prior.manual_status,
        "state": state,
    }
