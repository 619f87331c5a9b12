"""The extraction pipeline: the tokenizer makes a ``Doc``, then each component of the config
extends it, in order.

Like a spaCy ``Language``: ``make_doc`` plus a list of components built from a registry
(:data:`FACTORIES`) and a named config (:mod:`zitat_server.extraction.configs`).
"""

from __future__ import annotations

from collections.abc import Callable

from zitat_server import __version__
from zitat_server.document import Doc
from zitat_server.extraction.addressees import Addressees
from zitat_server.extraction.attribution import RuleAttributor
from zitat_server.extraction.component import Component, ComponentInfo
from zitat_server.extraction.configs import PipelineConfig, get_config
from zitat_server.extraction.continuation import Continuation
from zitat_server.extraction.coref import Resolver
from zitat_server.extraction.nesting import Nesting
from zitat_server.extraction.partial_quotes import PartialQuoteFinder
from zitat_server.extraction.quote_marks import QuoteMarks
from zitat_server.extraction.reported import ReportedSpeech
from zitat_server.extraction.sources import SourceChooser
from zitat_server.extraction.tokenizer import TOKENIZER_INFO, doc_from_sentences, tokenize

#: Called with the next step's name between steps; raising stops the pipeline.
Check = Callable[[str], None]

def _taggers(**options: object) -> Component:
    """The flair taggers' component, imported when a config uses it: torch stays out of the
    memory of a pipeline without taggers (the default)."""
    from zitat_server.extraction.model_quotes import ModelQuotes

    return ModelQuotes(**options)  # type: ignore[arg-type]


#: Component name -> factory; a config's steps name these.
FACTORIES: dict[str, Callable[..., Component]] = {
    "quote_marks": QuoteMarks,
    "attribution": RuleAttributor,
    "taggers": _taggers,
    "reported": ReportedSpeech,
    "continuation": Continuation,
    "partial_quotes": PartialQuoteFinder,
    "nesting": Nesting,
    "addressees": Addressees,
    "sources": SourceChooser,
    "coref": Resolver,
}


def version_of(config: PipelineConfig) -> str:
    """The package version and the config: a stored claim is re-extracted when this changes.

    Known without building the pipeline (a batch run's driver records it and loads no model).
    """
    return f"{__version__}+{config.name}"


class Pipeline:
    """Not thread-safe with models loaded (flair gives no guarantee): one per worker process."""

    def __init__(self, config: PipelineConfig | str = "default") -> None:
        self.config = get_config(config) if isinstance(config, str) else config
        self.components: list[Component] = [FACTORIES[s.component](**s.options) for s in self.config.steps]

    @property
    def version(self) -> str:
        return version_of(self.config)

    def process(self, text: str, check: Check | None = None) -> Doc:
        if check is not None:
            check("tokenizer")
        return self(tokenize(text), check)

    def process_sentences(self, sentences: list[list[str]], check: Check | None = None) -> Doc:
        return self(doc_from_sentences(sentences), check)

    def __call__(self, doc: Doc, check: Check | None = None) -> Doc:
        """Run every component; ``check(name)`` before each one may raise to stop the work
        (the server stops a request whose deadline passed or that was cancelled)."""
        for component in self.components:
            if check is not None:
                check(component.info.name)
            component(doc)
        return doc

    def infos(self) -> list[ComponentInfo]:
        """What ``GetModelInfo`` reports: the tokenizer, then every component in order."""
        return [TOKENIZER_INFO, *(c.info for c in self.components)]
