"""Named pipeline configs: which components run, in which order, with which options.

``default`` is what the server runs; ``rules-only`` is ``zitat-server --rules-only``;
``models-only`` scores the trained taggers alone. Benchmarks and trainers pick a config by
name and may drop components for ablations (:meth:`PipelineConfig.without`), so no pipeline
is ever wired by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Step:
    """One component of a config: its registered name and the options its factory takes."""

    component: str
    options: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    name: str
    description: str
    steps: tuple[Step, ...]

    @property
    def components(self) -> list[str]:
        return [s.component for s in self.steps]

    def without(self, *components: str) -> PipelineConfig:
        """The same pipeline minus ``components`` (an ablation), named after what it drops."""
        unknown = set(components) - set(self.components)
        if unknown:
            raise ValueError(f"{self.name} has no component {', '.join(sorted(unknown))}")
        if not components:
            return self
        steps = tuple(s for s in self.steps if s.component not in components)
        return replace(self, name=f"{self.name}-without-{'-'.join(components)}", steps=steps)


def _steps(*names: str) -> tuple[Step, ...]:
    return tuple(Step(n) for n in names)


CONFIGS: dict[str, PipelineConfig] = {
    c.name: c
    for c in (
        PipelineConfig(
            "default",
            "rules, continuations, the partial-quote classifier, nesting, coreference (no taggers: on the dev "
            "split they add nothing over the rules, 71.2 vs 70.3 full joint F1 without and with, and on unseen "
            "news 4 of 51 sampled tagger quotes were right)",
            _steps(
                "quote_marks", "attribution", "reported", "continuation", "partial_quotes", "nesting", "addressees",
                "coref",
            ),
        ),
        PipelineConfig(
            "with-taggers",
            "the default and the trained flair taggers for what the rules miss: more recall, less precision, "
            "about 3x the time and 600 MB of memory",
            _steps(
                "quote_marks",
                "attribution",
                "reported",
                "taggers",
                "continuation",
                "partial_quotes",
                "nesting",
                "addressees",
                "coref",
            ),
        ),
        PipelineConfig(
            "rules-only",
            "rules alone, without the partial-quote classifier",
            _steps("quote_marks", "attribution", "reported", "continuation", "nesting", "addressees", "coref"),
        ),
        PipelineConfig(
            "rules-ranked",
            "rules-only with the learned source ranker choosing every cued quote's source (out of the default: "
            "+0.1 full joint F1 on the dev split, which does not pay for re-judging its sources)",
            _steps(
                "quote_marks", "attribution", "reported", "continuation", "nesting", "sources", "addressees", "coref"
            ),
        ),
        PipelineConfig(
            "models-only",
            "the trained taggers alone, every quote they find (for evaluating the models)",
            (
                Step("quote_marks"),
                Step("taggers", MappingProxyType({"require_separation": False})),
                Step("nesting"),
                Step("coref"),
            ),
        ),
    )
}


def get_config(name: str) -> PipelineConfig:
    try:
        return CONFIGS[name]
    except KeyError:
        raise KeyError(f"unknown pipeline config {name!r}; known: {', '.join(CONFIGS)}") from None
