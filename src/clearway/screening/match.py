"""The result of a comparison: a score in [0, 1] and an explanation a reviewer can read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clearway.screening.align import PartMatch
from clearway.screening.features import FeatureEffect


@dataclass(frozen=True, slots=True)
class Explanation:
    query_name: str  # the query name (or alias) that matched best
    matched_name: str  # the entry name (or alias) it matched
    name_score: float  # the name alignment alone, before other evidence
    parts: tuple[PartMatch, ...]  # how each name part matched
    unmatched_query: tuple[str, ...]
    unmatched_candidate: tuple[str, ...]
    removed: tuple[str, ...]  # honorifics and legal forms set aside before comparing
    notes: tuple[str, ...]  # e.g. "reordered", "weak alias"
    features: tuple[FeatureEffect, ...]  # evidence beyond the name, each raising or lowering the score

    def __reduce__(self) -> tuple[type[Explanation], tuple[Any, ...]]:
        # Pickled as its fields (batch workers send matches back): the default costs several times more.
        return Explanation, tuple(getattr(self, name) for name in self.__slots__)

    def to_dict(self) -> dict[str, Any]:
        return {
            "query_name": self.query_name,
            "matched_name": self.matched_name,
            "name_score": round(self.name_score, 4),
            "name_parts": [
                {"query": p.query, "candidate": p.candidate, "method": p.method, "similarity": p.similarity}
                for p in self.parts
            ],
            "unmatched_query": list(self.unmatched_query),
            "unmatched_candidate": list(self.unmatched_candidate),
            "removed": list(self.removed),
            "notes": list(self.notes),
            "features": [
                {"feature": f.feature, "effect": f.effect, "delta": round(f.delta, 4), "detail": f.detail}
                for f in self.features
            ],
        }

    def summary(self) -> str:
        """One line for a terminal: "vladimir=владимир (transliterated); putin=путин (transliterated)"."""
        parts = [f"{p.query}={p.candidate} ({p.method})" for p in self.parts]
        parts += [f"-{t}" for t in self.unmatched_query] + [f"+{t}" for t in self.unmatched_candidate]
        parts += [f"{f.feature} {f.delta:+.2f}" for f in self.features if f.delta]
        parts += list(self.notes)
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    explanation: Explanation

    def __reduce__(self) -> tuple[type[Match], tuple[float, Explanation]]:
        return Match, (self.score, self.explanation)

    @property
    def matched_name(self) -> str:
        return self.explanation.matched_name

    def is_match(self, threshold: float) -> bool:
        return self.score >= threshold
