"""Quotes from the trained taggers, merged with those the rules found.

The rules are more precise; the models reach what rules miss (Konjunktiv-I sentences without
a frame, reported speech). A model quote is kept when its message overlaps no quote found
before it, with ``require_separation`` when its message stands apart from its cue, and with
``gated`` when the gate (:mod:`zitat_server.learned.gate`) believes it right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from zitat_server.document import Doc, Quote, SpanIndex
from zitat_server.extraction.component import ComponentInfo
from zitat_server.learned.linear import Features
from zitat_server.learned.taggers import LearnedAttributor


def combine(rules: Sequence[Quote], model: Sequence[Quote]) -> list[Quote]:
    """Every rules quote, plus the model quotes whose message overlaps none of them.

    The rules are more precise, the models reach what rules miss (Konjunktiv-I sentences
    without a frame, reported speech). On the dev split this beats both "rules for direct
    quotes, models for the rest" and either alone (full-task joint F1 57.6 vs 51.7, 54.2, 47.0).
    """
    index = SpanIndex(m for q in rules for m in q.message)
    kept = list(rules)
    for q in model:
        if not any(index.overlaps(m.start, m.end) for m in q.message):
            kept.append(q)
    return sorted(kept, key=lambda q: q.start)


_BOUNDARY = re.compile(r"[,:;„“\"»«–]|\b(dass|daß|ob)\b")


def separated_from_cue(text: str, quote: Quote) -> bool:
    """Reported content stands apart from its verb: "sagte, er habe …", „…“, so X.

    Without a comma, colon, quotation mark or dass/ob between cue and message, a verb and
    what follows are one clause — an object, not speech: "erklärte der Ukraine den Krieg".
    """
    if not quote.cue or not quote.message:
        return True
    cue_start, cue_end = quote.cue[0].start, quote.cue[-1].end
    msg_start, msg_end = quote.message[0].start, quote.message[-1].end
    if msg_start >= cue_end:
        between = text[cue_end : msg_start + 5]
    elif msg_end <= cue_start:
        between = text[msg_end - 1 : cue_start]
    else:
        return True  # the cue inside the message: a reporting phrase like "so X" or "laut X"
    return _BOUNDARY.search(between) is not None


class ModelQuotes:
    """Component: runs the cue and role taggers, the form/medium classifiers and the gate
    (``learned``).

    flair and torch load when the component is built, not when the package is imported.
    ``model_dir`` loads other models than the shipped ones (training the gate on folds).
    """

    def __init__(self, *, require_separation: bool = True, gated: bool = True, model_dir: Path | None = None) -> None:
        self.require_separation = require_separation
        self.gated = gated
        self.models = LearnedAttributor.load(model_dir)
        self.info = ComponentInfo.of_model("taggers")

    def candidates(self, doc: Doc) -> list[tuple[Quote, Features]]:
        """The model quotes that would join ``doc.quotes`` without the gate, with its features."""
        known = [m for q in doc.quotes for m in q.message]
        cues = [c for q in doc.quotes for c in q.cue]
        found = self.models.candidates(doc, known, cues)
        if self.require_separation:
            found = [(q, x) for q, x in found if separated_from_cue(doc.text, q)]
        index = SpanIndex(known)
        return [(q, x) for q, x in found if not any(index.overlaps(m.start, m.end) for m in q.message)]

    def __call__(self, doc: Doc) -> None:
        gate = self.models.gate if self.gated else None
        found = [q for q, _ in self.candidates(doc) if gate is None or q.confidence >= gate.threshold]
        doc.quotes = combine(doc.quotes, found)
