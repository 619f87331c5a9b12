"""Form (direct, indirect, ...) and medium (speech, writing, ...) of a found event.

A multinomial logistic regression over a handful of cues that decide the form in German
(quotation marks, Konjunktiv, a cue at all, "zufolge"/"laut", "dass"/"ob") and the cue word
itself (which decides the medium: "schrieb" vs. "sagte").
"""

from __future__ import annotations

from collections.abc import Sequence

from zitat_server.learned.examples import TokenId
from zitat_server.learned.linear import Features


def event_features(
    sentences: Sequence[Sequence[str]],
    feats: Sequence[Sequence[dict[str, str]]],
    cue: Sequence[TokenId],
    message: Sequence[TokenId],
) -> Features:
    """Sparse features of one event (``feats`` from :func:`~zitat_server.learned.examples.sentence_features`)."""
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
