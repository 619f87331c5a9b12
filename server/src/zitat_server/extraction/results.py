"""The pipeline's answer for one document in the API's terms.

The gRPC servicer and the batch rows both translate from here, so that they cannot drift
apart: form, medium and speaker type take their API names (``DIRECT``, ``SPEECH_WRITING``,
``PERSON``: the enum members' names, which the ``zitat.v1`` enums carry behind their prefix),
spans carry their text, and a quote names its speaker only when coreference resolved one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from zitat_server.document import Doc, Entity, Quote, Span


def api_name(value: Enum) -> str:
    """``Form.DIRECT`` -> ``"DIRECT"``, ``Medium.SPEECH_WRITING`` -> ``"SPEECH_WRITING"``."""
    return value.name


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A span with its text; offsets are code points of the document text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SpeakerResult:
    entity_id: str
    canonical_name: str
    roles: tuple[str, ...]
    mentions: tuple[TextSpan, ...]
    type: str
    qualifier: str
    anonymous: bool
    affiliation_id: str


@dataclass(frozen=True, slots=True)
class QuoteResult:
    message: tuple[TextSpan, ...]
    form: str
    medium: str
    cue: tuple[TextSpan, ...]
    source: TextSpan | None
    addressee: TextSpan | None
    speaker_id: str  # "" when no speaker was resolved
    confidence: float
    origin: str
    parent: int
    unresolved_reason: str


@dataclass(frozen=True, slots=True)
class DocumentResult:
    quotes: tuple[QuoteResult, ...]
    #: Entity id -> speaker, in the document's order.
    speakers: dict[str, SpeakerResult]

    def speaker(self, quote: QuoteResult) -> SpeakerResult | None:
        return self.speakers.get(quote.speaker_id) if quote.speaker_id else None


def _span(doc: Doc, s: Span) -> TextSpan:
    return TextSpan(s.start, s.end, doc.text[s.start : s.end])


def _spans(doc: Doc, spans: list[Span]) -> tuple[TextSpan, ...]:
    return tuple(_span(doc, s) for s in spans)


def _speaker(doc: Doc, e: Entity) -> SpeakerResult:
    return SpeakerResult(
        entity_id=e.id,
        canonical_name=e.name,
        roles=tuple(e.roles),
        mentions=_spans(doc, e.mentions),
        type=api_name(e.type),
        qualifier=e.qualifier,
        anonymous=e.anonymous,
        affiliation_id=e.affiliation or "",
    )


def _quote(doc: Doc, q: Quote) -> QuoteResult:
    return QuoteResult(
        message=_spans(doc, q.message),
        form=api_name(q.form),
        medium=api_name(q.medium),
        cue=_spans(doc, q.cue),
        source=_span(doc, q.source) if q.source is not None else None,
        addressee=_span(doc, q.addressee) if q.addressee is not None else None,
        speaker_id=q.entity if q.entity and q.entity in doc.entities else "",
        confidence=q.confidence,
        origin=q.origin,
        parent=q.parent,
        unresolved_reason=q.unresolved_reason,
    )


def document_result(doc: Doc) -> DocumentResult:
    """The quotes (in the Doc's order) and every entity of a processed document."""
    return DocumentResult(
        quotes=tuple(_quote(doc, q) for q in doc.quotes),
        speakers={e.id: _speaker(doc, e) for e in doc.entities.values()},
    )
