"""Ingesting documents into the claim store: extract, resolve speakers, link, in one transaction.

Extraction (the slow part) runs before the transaction, so writers hold the store's lock only
for the database work. Each document is written in one transaction: a crash leaves it wholly
stored or absent. Re-ingesting a document id replaces its claims; when its text (by content
hash), the pipeline version and :data:`REGISTRY_VERSION` are unchanged, extraction is skipped and
only the metadata is updated.

Each quote's source is read into a holder (:mod:`holders`): the document entity coref resolved it
to, or, without one, the mention itself. A holder with a name gets a speaker record (a group of
people or institutions too: "Augenzeugen", "die Behörden"); an anonymous member of an
organisation ("ein Sprecher des Ministeriums") is kept on the claim with its role and attributed
to the organisation; everything else ("man", "wir", "Quellen", a frame without holder) stays
without a speaker, with the reason on the claim.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol

from zitat_server.claims.holders import (
    ROLE,
    Evidence,
    MentionReader,
    Reading,
    other_first_name,
    resolve_anaphors,
    resolve_class_nouns,
    resolve_documents,
    resolve_plural_pronouns,
    resolve_roles,
    share_qualifiers,
)
from zitat_server.claims.linking import ClaimLinker
from zitat_server.claims.speakers import (
    Observation,
    PersonName,
    SpeakerResolver,
    is_office,
    match,
    match_named,
    observe,
    role_key,
)
from zitat_server.claims.store.base import Claim, SpeakerCandidate, Store, StoredDocument, Transaction, to_db_time
from zitat_server.document import Doc, Quote, SpeakerType

#: The version of what the store makes of an extraction (holders, speakers): a document stored
#: by another version is read again on its next ingest, even when text and pipeline are the same.
REGISTRY_VERSION = "registry-21"


class Extractor(Protocol):
    """What ingest needs of the pipeline."""

    @property
    def version(self) -> str: ...

    def process(self, text: str) -> Doc: ...


class IngestStatus(str, Enum):
    CREATED = "created"
    UPDATED = "updated"  # the text or the pipeline changed: claims re-extracted and replaced
    UNCHANGED = "unchanged"  # same text and pipeline: extraction skipped (metadata refreshed)


@dataclass(frozen=True, slots=True)
class IngestResult:
    document_id: str
    status: IngestStatus
    claims: int


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _claim(doc: Doc, document_id: str, index: int, quote: Quote, version: str) -> Claim:
    return Claim(
        document_id=document_id,
        index=index,
        text=" ".join(doc.span_text(s) for s in quote.message),
        message=[(s.start, s.end) for s in quote.message],
        form=quote.form.value,
        medium=quote.medium.value,
        cue=[(s.start, s.end) for s in quote.cue],
        source=(quote.source.start, quote.source.end) if quote.source else None,
        source_text=doc.span_text(quote.source) if quote.source else "",
        confidence=float(quote.confidence),
        origin=quote.origin,
        pipeline_version=version,
    )


def _metadata(doc: StoredDocument) -> tuple:
    return doc.outlet, doc.url, doc.title, doc.published_at


def _same(existing: StoredDocument | None, new: StoredDocument) -> bool:
    """The stored document has the new one's text and was extracted by the same pipeline and
    read by the same speaker registry."""
    return (existing is not None and existing.text_hash == new.text_hash
            and existing.pipeline_version == new.pipeline_version
            and existing.registry_version == new.registry_version)


class Ingestor:
    """Turns documents into stored claims; safe to share between threads."""

    def __init__(self, store: Store, pipeline: Extractor, resolver: SpeakerResolver | None = None,
                 linker: ClaimLinker | None = None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.resolver = resolver or SpeakerResolver()
        self.linker = linker or ClaimLinker()

    def ingest(self, item: StoredDocument, doc: Doc | None = None) -> IngestResult:
        """Store the document (id, text and metadata; the hash and version are filled in here).

        ``doc`` is the pipeline's result for ``item.text`` when the caller has it already (a
        batch run extracts once for its output rows and the store).
        """
        if not item.id:
            raise ValueError("document id is required")
        stored = self._stamped(item)
        existing = self.store.get_document(item.id)
        if _same(existing, stored):
            if _metadata(existing) != _metadata(stored):
                with self.store.transaction() as tx:
                    tx.put_document(stored)
            return IngestResult(item.id, IngestStatus.UNCHANGED, existing.claims)
        if doc is None:
            doc = self.pipeline.process(item.text)
        with self.store.transaction() as tx:
            # Read again under the writer lock: another server (or thread) may have stored this
            # very text while it was being extracted; then it is unchanged, not updated.
            current = tx.get_document(item.id)
            if _same(current, stored):
                if _metadata(current) != _metadata(stored):
                    tx.put_document(stored)
                return IngestResult(item.id, IngestStatus.UNCHANGED, current.claims)
            tx.put_document(stored)
            self._write_claims(tx, stored, doc)
        status = IngestStatus.UPDATED if current is not None else IngestStatus.CREATED
        return IngestResult(item.id, status, len(doc.quotes))

    def needs_extraction(self, item: StoredDocument) -> bool:
        """False when the store already holds this text extracted by this pipeline version (so a
        caller can start extractions ahead of :meth:`ingest` only where they will be used)."""
        return not _same(self.store.get_document(item.id), self._stamped(item))

    def _stamped(self, item: StoredDocument) -> StoredDocument:
        """``item`` with what decides whether it must be read again: its text's hash, the
        pipeline version and the registry version."""
        return replace(item, text_hash=content_hash(item.text), pipeline_version=self.pipeline.version,
                       registry_version=REGISTRY_VERSION)

    def _write_claims(self, tx: Transaction, stored: StoredDocument, doc: Doc) -> None:
        affected = tx.delete_claims(stored.id)
        seen_at = to_db_time(stored.published_at)
        readings = read_sources(doc)
        # Resolve before forgetting this document's old observations, so a re-ingest finds the
        # same speakers even when this document was their only source.
        resolved = _DocumentSpeakers()
        for reading in readings:
            if reading.holder is not None or (reading.reason == ROLE and reading.roles):
                resolved.resolve(self.resolver, tx, stored.id, seen_at, reading)
        tx.clear_observations(stored.id)
        claims = []
        for index, (quote, reading) in enumerate(zip(doc.quotes, readings, strict=True)):
            claim = _claim(doc, stored.id, index, quote, stored.pipeline_version)
            claim.speaker_id = resolved.speaker_of(reading)
            claim.anonymous = reading.anonymous
            claim.source_role = reading.role if reading.anonymous else ""
            if claim.speaker_id is None and quote.source is not None:
                claim.unresolved_reason = reading.reason or quote.unresolved_reason
                if not reading.anonymous:
                    roles = sorted((role_key(r) for r in reading.roles), key=lambda r: not is_office(r))
                    claim.role = next((r for r in [*roles, role_key(claim.source_text)] if r), "")
            tx.add_claim(claim)
            claims.append(claim)
        for speaker_id, obs in resolved.recorded():
            self.resolver.record(tx, speaker_id, stored.id, seen_at, obs)
        for claim in claims:
            self.linker.link(tx, claim)
        self.linker.recluster(tx, affected)
        tx.prune_speakers()

    def delete(self, document_id: str) -> bool:
        """Delete the document, its claims and what it told about speakers."""
        with self.store.transaction() as tx:
            affected = tx.delete_claims(document_id)
            deleted = tx.delete_document(document_id)
            self.linker.recluster(tx, affected)
            tx.prune_speakers()
        return deleted


def read_sources(doc: Doc) -> list[Reading]:
    """What each quote's source names (one :class:`Reading` per quote, in order): its entity's
    holder, or, when coref left the source unresolved, the mention's (with coref's reason when
    the mention names no holder either)."""
    reader = MentionReader(Evidence(doc.text))
    by_entity: dict[str, Reading] = {}
    out = []
    for quote in doc.quotes:
        entity = doc.entities.get(quote.entity) if quote.entity else None
        if entity is not None:
            if entity.id not in by_entity:
                by_entity[entity.id] = reader.read_entity(doc, entity)
            out.append(_own_full_name(reader, doc, quote, by_entity[entity.id]))
        elif quote.source is not None:
            # Coref's reason stands unless the mention names a holder after all (an organisation
            # it does not know: "die Bangkok Post", "Die Schutzgemeinschaft der Kapitalanleger").
            reading = reader.read_span(doc, quote.source)
            out.append(reading if reading.holder is not None or not quote.unresolved_reason
                       else Reading(reason=quote.unresolved_reason))
        else:
            out.append(Reading(reason=quote.unresolved_reason))
    readings = resolve_documents(doc, share_qualifiers(out), reader)
    readings = resolve_plural_pronouns(doc, resolve_anaphors(doc, readings, reader), reader)
    return resolve_roles(resolve_class_nouns(doc, readings, reader), doc, reader)


def _own_full_name(reader: MentionReader, doc: Doc, quote: Quote, reading: Reading) -> Reading:
    """The person a quote's own mention names in full when coref merged it by surname with another
    of that surname ("Georg Ratzinger" with "Joseph Ratzinger", his brother); else ``reading``."""
    holder = reading.holder
    if holder is None or holder.type is not SpeakerType.PERSON or quote.source is None or " " not in holder.name:
        return reading
    own = reader.read_span(doc, quote.source)
    mine = own.holder
    if mine is None or own.anonymous or mine.type is not SpeakerType.PERSON or " " not in mine.name:
        return reading
    if not other_first_name(holder.name, mine.name):
        return reading
    return Reading(holder=replace(mine, aliases=(), roles=()))


def _holder_key(reading: Reading) -> tuple:
    holder = reading.holder
    if holder is None:
        return ("role", reading.roles)
    return (holder.type, holder.name, holder.qualifier, holder.aliases, holder.roles)


class _DocumentSpeakers:
    """The speakers of one document's holders: each resolved once, and two holders of the
    document that are one person ("Franz Josef Jung", "Franz-Josef Jung") resolved together."""

    def __init__(self) -> None:
        self._ids: dict[tuple, int | None] = {}
        self._observations: dict[int, Observation] = {}
        self._local: list[SpeakerCandidate] = []

    def resolve(self, resolver: SpeakerResolver, tx: Transaction, document_id: str, seen_at: str,
                reading: Reading) -> None:
        key = _holder_key(reading)
        if key in self._ids:
            return
        obs = observe(reading.holder, reading.roles)
        speaker_id = self._same_as_before(obs)
        if speaker_id is None:
            speaker_id = resolver.resolve(tx, document_id, seen_at, obs)
        self._ids[key] = speaker_id
        if speaker_id is None or obs.name is None:
            return
        if speaker_id in self._observations:
            _merge_into(self._observations[speaker_id], obs)
        else:
            self._observations[speaker_id] = obs
        self._local.append(SpeakerCandidate(speaker_id, obs.name.display, frozenset(a.key for a in obs.aliases),
                                            frozenset(obs.roles), obs.type.value, obs.qualifier))

    def _same_as_before(self, obs: Observation) -> int | None:
        if obs.name is None or not self._local:
            return None
        if obs.type is SpeakerType.PERSON:
            return match(self._local, obs.name, set(obs.roles))
        return match_named(self._local, obs)

    def speaker_of(self, reading: Reading) -> int | None:
        return self._ids.get(_holder_key(reading))

    def recorded(self) -> list[tuple[int, Observation]]:
        """What to remember of each speaker this document names (role-only sightings teach nothing)."""
        return list(self._observations.items())


def _merge_into(target: Observation, other: Observation) -> None:
    known = {a.key for a in target.aliases}
    target.aliases += [a for a in other.aliases if a.key not in known]
    for key, role in other.roles.items():
        target.roles.setdefault(key, role)
    if target.name is not None and other.name is not None and _fuller(other.name, target.name):
        target.name = other.name


def _fuller(a: PersonName, b: PersonName) -> bool:
    return (len(a.first), len(a.key)) > (len(b.first), len(b.key))
