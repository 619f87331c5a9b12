"""The document model that flows through the pipeline.

Like spaCy's ``Doc``: one text, tokens and sentences as code-point offsets into it, and the
annotations each component adds. Offsets are Python ``str`` indices (Unicode code points),
the unit of the public API, so nothing is converted between components.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from itertools import accumulate


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


class SpanIndex:
    """A fixed set of spans, sorted for O(log n) questions: does any overlap, or contain, a range?

    What keeps the merging of quotes linear in their number (a scan of all spans per question
    made long documents quadratic).
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in ordered]
        self._max_end = list(accumulate((s.end for s in ordered), max))  # over each prefix

    def overlaps(self, start: int, end: int) -> bool:
        """Some span ``s`` has ``s.start < end`` and ``start < s.end``."""
        i = bisect_left(self._starts, end)
        return i > 0 and self._max_end[i - 1] > start

    def contains(self, start: int, end: int) -> bool:
        """Some span ``s`` has ``s.start <= start`` and ``end <= s.end``."""
        i = bisect_right(self._starts, start)
        return i > 0 and self._max_end[i - 1] >= end


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


class SpeakerType(str, Enum):
    """What kind of holder of a speech act an entity is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    MEDIA = "media"  # outlets and agencies
    GROUP = "group"  # "Augenzeugen", "Demonstranten"


@dataclass(slots=True)
class Entity:
    """A holder of speech acts referred to in the document (document-local)."""

    id: str
    name: str = ""
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    type: SpeakerType = SpeakerType.PERSON
    qualifier: str = ""  # the place of a local institution: "Kassel" for "die Polizei in Kassel"
    anonymous: bool = False  # "ein Sprecher": a person the text does not name
    affiliation: str | None = None  # entity id of the organisation an anonymous member speaks for


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
    unresolved_reason: str = ""  # why ``entity`` is None although ``source`` is set
    confidence: float = 1.0
    origin: str = "rules"
    parent: int = -1

    @property
    def start(self) -> int:
        return self.message[0].start if self.message else 0


@dataclass(slots=True)
class Quoted:
    """A region in quotation marks: its inner pieces (without the marks) and the marks' positions.

    A multi-paragraph quotation has one piece per paragraph; ``balanced`` is False when a mark
    was left open or closed by a mismatching mark.
    """

    pieces: list[Span]
    marks: list[int] = field(default_factory=list)
    depth: int = 0
    balanced: bool = True

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end

    @property
    def outer(self) -> Span:
        """From the opening to the closing mark inclusive (as far as they exist)."""
        return Span(min(self.marks, default=self.start), max(self.end, max(self.marks, default=-1) + 1))


@dataclass(slots=True)
class Doc:
    """Text, tokens, sentences and what the pipeline found in them.

    Components read what earlier ones left (``quoted``, ``quotes``) instead of computing it again.
    """

    text: str
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    #: Quoted regions in order of their opening mark; set by the ``quote_marks`` component.
    quoted: list[Quoted] | None = None
    #: The quotes found so far, in text order once the pipeline is done.
    quotes: list[Quote] = field(default_factory=list)
    #: Document-local persons behind the quotes' sources (the ``coref`` component).
    entities: dict[str, Entity] = field(default_factory=dict)
    _sentence_firsts: list[int] | None = None

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first : sentence.last]

    def quoted_regions(self) -> list[Quoted]:
        """The quoted regions, for components that need them; an error if nothing set them."""
        if self.quoted is None:
            raise ValueError("the document's quoted regions are unset: run the quote_marks component first")
        return self.quoted

    def sentence_of(self, token: int) -> int:
        """Index of the sentence that holds token ``token``."""
        if self._sentence_firsts is None or len(self._sentence_firsts) != len(self.sentences):
            self._sentence_firsts = [s.first for s in self.sentences]
        return bisect_right(self._sentence_firsts, token) - 1

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens that begin in ``[start, end)``, by bisection (tokens are sorted)."""
        return range(bisect_left(self.tokens, start, key=_token_start), bisect_left(self.tokens, end, key=_token_start))


def _token_start(token: Token) -> int:
    return token.start
