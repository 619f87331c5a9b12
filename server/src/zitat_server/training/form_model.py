"""Form (direct, indirect, ...) and medium (speech, writing, ...) of a found event.

A multinomial logistic regression over a handful of cues that decide the form in German
(quotation marks, Konjunktiv, a cue at all, "zufolge"/"laut", "dass"/"ob") and the cue word
itself (which decides the medium: "schrieb" vs. "sagte"). Stored as plain JSON weights so that
inference needs neither sklearn nor pickle.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from zitat_server.training.convert import TokenId

Features = dict[str, float]


def event_features(
    sentences: Sequence[Sequence[str]],
    feats: Sequence[Sequence[dict[str, str]]],
    cue: Sequence[TokenId],
    message: Sequence[TokenId],
) -> Features:
    """Sparse features of one event (``feats`` from :func:`convert.sentence_features`)."""
    out: Features = {"bias": 1.0}
    if cue:
        out["has_cue"] = 1.0
        for s, t in cue:
            low = sentences[s][t].lower()
            out[f"cue={low}"] = 1.0
            out[f"cue5={low[:5]}"] = 1.0
    else:
        out["no_cue"] = 1.0
    if not message:
        return out
    quoted = sum(feats[s][t]["quote"] != "0" for s, t in message) / len(message)
    out["quoted"] = quoted
    out["all_quoted"] = float(quoted > 0.9)
    for s, t in message:
        mood = feats[s][t]["konj"]
        if mood != "-":
            out[f"mood={mood}"] = 1.0
    first = message[0]
    out[f"first={sentences[first[0]][first[1]].lower()}"] = 1.0
    out["multi_sentence"] = float(len({s for s, _ in message}) > 1)
    out[f"len={min(len(message) // 5, 6)}"] = 1.0
    if cue:
        out["cue_before"] = float(cue[0] < first)
        out["same_sentence"] = float(cue[0][0] == first[0])
    return out


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
