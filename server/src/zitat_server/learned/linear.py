"""A softmax over sparse features, stored as plain JSON weights.

Trained with scikit-learn (``training``), read here without it: inference needs neither
sklearn nor pickle. Used by the form and medium classifiers and the partial-quote classifier.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

Features = dict[str, float]


@dataclass(slots=True)
class LinearModel:
    """Softmax over ``classes`` with sparse feature weights."""

    classes: list[str]
    weights: dict[str, list[float]]
    bias: list[float]

    def predict(self, features: Features) -> tuple[str, float]:
        """Best class and its probability."""
        scores = list(self.bias)
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None:
                scores = [s + value * wi for s, wi in zip(scores, w, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        best = max(range(len(exp)), key=exp.__getitem__)
        return self.classes[best], exp[best] / sum(exp)

    def save(self, path: Path) -> None:
        data = {"classes": self.classes, "weights": self.weights, "bias": self.bias}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["classes"], data["weights"], data["bias"])
