"""The extraction pipeline: the tokenizer makes a ``Doc``, then each component of the config
extends it, in order.

Like a spaCy ``Language``: ``make_doc`` plus a list of components built from a registry
(:data:`FACTORIES`) and a named config (:mod:`zitat_server.extraction.configs`).
"""

from __future__ import annotations

from collections.abc import Callable

from zitat_server import __version__
from zitat_server.document import Doc
from zitat_server.extraction.attribution import RuleAttributor
from zitat_server.extraction.component import Component, ComponentInfo
from zitat_server.extraction.configs import PipelineConfig, get_config
from zitat_server.extraction.continuation import Continuation
from zitat_server.extraction.coref import Resolver
from zitat_server.extraction.model_quotes import ModelQuotes
from zitat_server.extraction.nesting import Nesting
from zitat_server.extraction.partial_quotes import PartialQuoteFinder
from zitat_server.extraction.quote_marks import QuoteMarks
from zitat_server.extraction.reported import ReportedSpeech
from zitat_server.extraction.tokenizer import TOKENIZER_INFO, doc_from_sentences, tokenize

#: Component name -> factory; a config's steps name these.
FACTORIES: dict[str, Callable[..., Component]] = {
    "quote_marks": QuoteMarks,
    "attribution": RuleAttributor,
    "taggers": ModelQuotes,
    "reported": ReportedSpeech,
    "continuation": Continuation,
    "partial_quotes": PartialQuoteFinder,
    "nesting": Nesting,
    "coref": Resolver,
}


class Pipeline:
    """Not thread-safe with models loaded (flair gives no guarantee): one per worker process."""

    def __init__(self, config: PipelineConfig | str = "default") -> None:
        self.config = get_config(config) if isinstance(config, str) else config
        self.components: list[Component] = [FACTORIES[s.component](**s.options) for s in self.config.steps]

    @property
    def version(self) -> str:
        """The package version and the config: a stored claim is re-extracted when this changes."""
        return f"{__version__}+{self.config.name}"

    def process(self, text: str) -> Doc:
        return self(tokenize(text))

    def process_sentences(self, sentences: list[list[str]]) -> Doc:
        return self(doc_from_sentences(sentences))

    def __call__(self, doc: Doc) -> Doc:
        for component in self.components:
            component(doc)
        return doc

    def infos(self) -> list[ComponentInfo]:
        """What ``GetModelInfo`` reports: the tokenizer, then every component in order."""
        return [TOKENIZER_INFO, *(c.info for c in self.components)]
