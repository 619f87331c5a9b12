"""The extraction pipeline: tokenizer → quote rules (→ learned models) → speaker resolution.

Like a spaCy ``Language``: a list of components that each read and extend one ``Doc``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zitat_server import __version__
from zitat_server.attribution import RuleAttributor
from zitat_server.coref import Resolver
from zitat_server.document import Doc
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
    """Thread-compatible, not thread-safe when models are loaded: one per worker process."""

    def __init__(self) -> None:
        self.rules = RuleAttributor()
        self.resolver = Resolver()

    @property
    def version(self) -> str:
        return f"{__version__}+rules"

    def process(self, text: str) -> Doc:
        return self._annotate(tokenize(text))

    def process_sentences(self, sentences: list[list[str]]) -> Doc:
        return self._annotate(doc_from_sentences(sentences))

    def _annotate(self, doc: Doc) -> Doc:
        doc.quotes = self.rules.annotate(doc)
        self.resolver.resolve(doc)
        return doc

    def components(self) -> list[ComponentInfo]:
        return [
            ComponentInfo("tokenizer", __version__, "rules", "German tokenizer and sentence splitter"),
            ComponentInfo("quote_marks", __version__, "rules", "Quotation-mark pairing, nesting, continuation"),
            ComponentInfo("attribution", self.rules.version, "rules", "Cue lexicon; direct, indirect, reported frames"),
            ComponentInfo("coref", self.resolver.version, "rules", "Names, role nouns and pronouns to persons"),
        ]
