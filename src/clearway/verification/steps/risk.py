"""RISK: configurable factors → a score (their sum) → a level by thresholds.

Factors: the parties' countries (a risk table), screening hits (sanctions, PEPs), the entity's age (a
young company, a very young adult), industry codes, data issues found by earlier steps, and the channel
the request came from. Open (unreviewed) hits do not count by default: a possible false positive must go
to review, not be failed outright by a risk score it may not deserve."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from clearway.verification.statuses import SEVERITY_ORDER, RiskLevel, Severity, StepResult
from clearway.verification.steps.base import (
    RiskAssessment,
    RiskFactor,
    RunState,
    Step,
    StepOutcome,
    StepSettings,
)
from clearway.verification.steps.validators import country_alpha2

# A starting table, not advice: jurisdictions under FATF "call for action" score highest, those under
# increased monitoring lower. Accounts set their own in their definitions.
DEFAULT_COUNTRY_SCORES = {
    "KP": 100.0,
    "IR": 100.0,
    "MM": 60.0,
    "SY": 60.0,
    "RU": 40.0,
    "VE": 30.0,
    "YE": 30.0,
}
DEFAULT_INDUSTRY_SCORES = {"7995": 40.0, "6051": 30.0, "4829": 30.0, "5993": 15.0, "5933": 15.0}


class Thresholds(StepSettings):
    medium: float = 20.0
    high: float = 50.0
    unacceptable: float = 90.0


class RiskSettings(StepSettings):
    country_scores: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_COUNTRY_SCORES))
    industry_scores: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_INDUSTRY_SCORES))
    sanction_hit_score: float = 100.0
    pep_hit_score: float = 40.0
    count_open_hits: bool = False
    young_individual_age: int = 21
    young_individual_score: float = 10.0
    young_organization_months: int = 12
    young_organization_score: float = 20.0
    data_issue_score: float = 5.0  # per DATA issue of at least MEDIUM severity
    channel_scores: dict[str, float] = Field(default_factory=dict)
    thresholds: Thresholds = Field(default_factory=Thresholds)


def level_for(score: float, thresholds: Thresholds) -> RiskLevel:
    if score >= thresholds.unacceptable:
        return RiskLevel.UNACCEPTABLE
    if score >= thresholds.high:
        return RiskLevel.HIGH
    if score >= thresholds.medium:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)


def risk_factors(settings: RiskSettings, run: RunState) -> list[RiskFactor]:
    facts = run.facts
    factors: list[RiskFactor] = []
    countries = {code for p in facts.parties for raw in p.countries if (code := country_alpha2(raw))}
    for code in sorted(countries):
        score = settings.country_scores.get(code, 0.0)
        if score:
            factors.append(RiskFactor("COUNTRY", code, score, "country risk table"))
    counted = [h for h in run.hits if h.state == "CONFIRMED" or settings.count_open_hits]
    if any(h.is_sanction for h in counted):
        factors.append(
            RiskFactor("SANCTION_HIT", "true", settings.sanction_hit_score, "sanctions list match")
        )
    if any(h.is_pep for h in counted):
        factors.append(RiskFactor("PEP_HIT", "true", settings.pep_hit_score, "politically exposed person"))
    party = facts.party
    if party.date_of_birth and party.date_of_birth <= facts.today:
        months = _months_between(party.date_of_birth, facts.today)
        if party.is_individual and months < settings.young_individual_age * 12:
            factors.append(RiskFactor("ENTITY_AGE", str(months // 12), settings.young_individual_score))
        elif not party.is_individual and months < settings.young_organization_months:
            factors.append(RiskFactor("ENTITY_AGE", f"{months} months", settings.young_organization_score))
    for code in sorted({c for p in facts.parties for c in p.industry_codes}):
        score = settings.industry_scores.get(code, 0.0)
        if score:
            factors.append(RiskFactor("INDUSTRY", code, score, "industry code risk"))
    data_issues = [
        i
        for i in run.issues
        if i.category == "DATA" and SEVERITY_ORDER[i.severity] >= SEVERITY_ORDER[Severity.MEDIUM]
    ]
    if data_issues:
        score = settings.data_issue_score * len(data_issues)
        factors.append(RiskFactor("DATA_ISSUES", str(len(data_issues)), score, "data checks with issues"))
    if facts.channel and settings.channel_scores.get(facts.channel):
        factors.append(RiskFactor("CHANNEL", facts.channel, settings.channel_scores[facts.channel]))
    return factors


class RiskStep(Step[RiskSettings, None]):
    type: ClassVar[str] = "RISK"
    settings_model = RiskSettings

    def evaluate(self, name: str, settings: RiskSettings, evidence: None, run: RunState) -> StepOutcome:
        factors = risk_factors(settings, run)
        score = round(sum(f.score for f in factors), 4)
        level = level_for(score, settings.thresholds)
        summary = {"riskScore": score, "riskLevel": level.value}
        return StepOutcome(
            StepResult.COMPLETE, summary, risk_factors=tuple(factors), risk=RiskAssessment(score, level)
        )
