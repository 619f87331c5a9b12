"""The document model that flows through the pipeline.

Like spaCy's ``Doc``: one text, tokens and sentences as code-point offsets into it, and the
annotations each component adds. Offsets are Python ``str`` indices (Unicode code points),
the unit of the public API, so nothing is converted between components.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from enum import Enum


class Form(str, Enum):
    """How a quote renders speech (SpkAtt-2023 ``Form``)."""

    DIRECT = "Direct"
    INDIRECT = "Indirect"
    FREE_INDIRECT = "FreeIndirect"
    INDIRECT_FREE_INDIRECT = "IndirectFreeIndirect"
    REPORTED = "Reported"


class Medium(str, Enum):
    """Medium of the reported event (SpkAtt-2023 ``STWR``)."""

    SPEECH = "Speech"
    WRITING = "Writing"
    THOUGHT = "Thought"
    SPEECH_WRITING = "SW"
    SPEECH_THOUGHT = "ST"
    THOUGHT_WRITING = "TW"


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open code-point range ``[start, end)`` of the document text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Token:
    """Not frozen: a frozen dataclass's constructor costs half of tokenize() (measured)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its character span and its tokens as ``tokens[first:last]``."""

    start: int
    end: int
    first: int
    last: int


@dataclass(slots=True)
class Entity:
    """A person referred to in the document (document-local)."""

    id: str
    name: str = ""
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    """One speech, writing or thought event with its roles."""

    message: list[Span]
    form: Form
    medium: Medium = Medium.SPEECH
    cue: list[Span] = field(default_factory=list)
    source: Span | None = None
    addressee: Span | None = None
    entity: str | None = None
    confidence: float = 1.0
    origin: str = "rules"
    parent: int = -1

    @property
    def start(self) -> int:
        return self.message[0].start if self.message else 0


@dataclass(slots=True)
class Doc:
    """Text, tokens, sentences and what the pipeline found in them."""

    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that begin in ``[start, end)``, by bisection (tokens are sorted)."""
        return range(bisect_left(self.tokens, start, key=_token_start), bisect_left(self.tokens, end, key=_token_start))


def _token_start(token: Token) -> int:
    return token.start
