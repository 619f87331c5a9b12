"""The extraction pipeline: tokenizer → quote rules (→ learned models) → continuations
(→ partial quotes) → speaker resolution.

Like a spaCy ``Language``: a list of components that each read and extend one ``Doc``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from zitat_server import __version__
from zitat_server.attribution import RuleAttributor
from zitat_server.continuation import continuations
from zitat_server.coref import Resolver
from zitat_server.document import Doc
from zitat_server.learned import MODELS_DIR, LearnedAttributor, combine, separated_from_cue
from zitat_server.partial_quotes import PartialQuoteFinder
from zitat_server.tokenize import doc_from_sentences, tokenize


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    name: str
    version: str
    kind: str  # "rules" or "model"
    description: str
    license: str = ""
    scores: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Not thread-safe with models loaded (flair gives no guarantee): one per worker process.

    ``models=False`` runs the rules alone: faster start, no torch in memory, lower recall.
    """

    def __init__(self, *, models: bool = True) -> None:
        self.rules = RuleAttributor()
        self.resolver = Resolver()
        self.learned = None
        self.partial = None
        if models:
            self.learned = LearnedAttributor.load()
            self.partial = PartialQuoteFinder.load(MODELS_DIR / "partial" / "partial.json")

    @property
    def version(self) -> str:
        return f"{__version__}+{'rules+models' if self.learned else 'rules'}"

    def process(self, text: str) -> Doc:
        return self._annotate(tokenize(text))

    def process_sentences(self, sentences: list[list[str]]) -> Doc:
        return self._annotate(doc_from_sentences(sentences))

    def _annotate(self, doc: Doc) -> Doc:
        doc.quotes = self.rules.annotate(doc)
        if self.learned is not None:
            known = [m for q in doc.quotes for m in q.message]
            found = [q for q in self.learned.annotate(doc, known) if separated_from_cue(doc.text, q)]
            doc.quotes = combine(doc.quotes, found)
        doc.quotes = sorted([*doc.quotes, *continuations(doc, doc.quotes)], key=lambda q: q.start)
        if self.partial is not None:
            doc.quotes = self.partial.annotate(doc, doc.quotes)
        self.resolver.resolve(doc)
        return doc

    def components(self) -> list[ComponentInfo]:
        return [
            ComponentInfo("tokenizer", __version__, "rules", "German tokenizer and sentence splitter"),
            ComponentInfo("quote_marks", __version__, "rules", "Quotation-mark pairing, nesting, continuation"),
            ComponentInfo("attribution", self.rules.version, "rules", "Cue lexicon; direct, indirect, reported frames"),
            ComponentInfo("continuation", __version__, "rules", "Konjunktiv sentences continue a quote's source"),
            ComponentInfo("coref", self.resolver.version, "rules", "Names, role nouns and pronouns to persons"),
            *(self._model_components() if self.learned else []),
        ]

    def _model_components(self) -> list[ComponentInfo]:
        card = json.loads((MODELS_DIR / "scores.json").read_text(encoding="utf-8"))
        return [
            ComponentInfo(
                name,
                card["version"],
                "model",
                entry["description"],
                license=card["license"],
                scores={k: float(v) for k, v in entry["scores"].items()},
            )
            for name, entry in card["components"].items()
        ]
