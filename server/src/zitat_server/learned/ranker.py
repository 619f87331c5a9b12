"""A linear ranker: a softmax over a set of candidates, each a bag of binary features.

One weight per feature name, stored as plain JSON (trained in ``training``, read here with
the standard library only). Used to choose a quote's source among the noun phrases around
its cue (:mod:`zitat_server.extraction.sources`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: A candidate's features: the names of those that fire (a name twice counts twice).
Features = list[str]


@dataclass(slots=True)
class Ranker:
    """Scores the sum of the weights of a candidate's features; a set's probabilities are the
    softmax of its scores."""

    weights: dict[str, float]
    meta: dict[str, object] = field(default_factory=dict)

    def score(self, features: Features) -> float:
        get = self.weights.get
        return sum(get(name, 0.0) for name in features)

    def choose(self, candidates: Sequence[Features]) -> tuple[int, float]:
        """The best candidate's index and its probability within the set (-1, 0.0 when empty)."""
        if not candidates:
            return -1, 0.0
        scores = [self.score(f) for f in candidates]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        best = max(range(len(exp)), key=exp.__getitem__)
        return best, exp[best] / sum(exp)

    def save(self, path: Path) -> None:
        data = {"meta": self.meta, "weights": dict(sorted(self.weights.items()))}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Ranker:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls({k: float(v) for k, v in data["weights"].items()}, data.get("meta", {}))
