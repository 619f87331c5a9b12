"""The component contract: every step of extraction takes the ``Doc`` and extends it.

As in spaCy's ``Language``, the pipeline is an ordered list of components built from a config
(:mod:`zitat_server.extraction.configs`); what a component needs from earlier steps (quoted
regions, the quotes found so far) it reads from the ``Doc``, so nothing is computed twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from zitat_server.document import Doc
from zitat_server.learned.card import card_entry


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    """What ``GetModelInfo`` reports about a component."""

    name: str
    version: str
    kind: str  # "rules" or "model"
    description: str
    license: str = ""
    scores: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of_model(cls, name: str) -> ComponentInfo:
        """A trained component, described by the model card."""
        entry = card_entry(name)
        return cls(name, entry.version, "model", entry.description, entry.license, entry.scores)


class Component(Protocol):
    """One extraction step. Not required to be thread-safe (one pipeline per worker process)."""

    @property
    def info(self) -> ComponentInfo: ...

    def __call__(self, doc: Doc) -> None:
        """Extend ``doc`` in place."""
        ...
