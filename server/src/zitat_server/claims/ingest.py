"""Ingesting documents into the claim store: extract, resolve speakers, link, in one transaction.

Extraction (the slow part) runs before the transaction, so writers hold the store's lock only
for the database work. Each document is written in one transaction: a crash leaves it wholly
stored or absent. Re-ingesting a document id replaces its claims; when its text (by content
hash) and the pipeline version are unchanged, extraction is skipped and only the metadata is
updated.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from enum import Enum
from typing import Protocol

from zitat_server.claims.linking import ClaimLinker
from zitat_server.claims.speakers import Observation, SpeakerResolver, is_office, observe, role_key
from zitat_server.claims.store.base import Claim, Store, StoredDocument, Transaction, to_db_time
from zitat_server.document import Doc, Quote


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


class Ingestor:
    """Turns documents into stored claims; safe to share between threads."""

    def __init__(
        self,
        store: Store,
        pipeline: Extractor,
        resolver: SpeakerResolver | None = None,
        linker: ClaimLinker | None = None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.resolver = resolver or SpeakerResolver()
        self.linker = linker or ClaimLinker()

    def ingest(self, item: StoredDocument) -> IngestResult:
        """Store the document (id, text and metadata; the hash and version are filled in here)."""
        if not item.id:
            raise ValueError("document id is required")
        digest = content_hash(item.text)
        version = self.pipeline.version
        stored = replace(item, text_hash=digest, pipeline_version=version)
        existing = self.store.get_document(item.id)
        if existing is not None and existing.text_hash == digest and existing.pipeline_version == version:
            if _metadata(existing) != _metadata(stored):
                with self.store.transaction() as tx:
                    tx.put_document(stored)
            return IngestResult(item.id, IngestStatus.UNCHANGED, existing.claims)
        doc = self.pipeline.process(item.text)
        with self.store.transaction() as tx:
            replaced = tx.get_document(item.id) is not None
            tx.put_document(stored)
            self._write_claims(tx, stored, doc)
        status = IngestStatus.UPDATED if replaced else IngestStatus.CREATED
        return IngestResult(item.id, status, len(doc.quotes))

    def _write_claims(self, tx: Transaction, stored: StoredDocument, doc: Doc) -> None:
        affected = tx.delete_claims(stored.id)
        seen_at = to_db_time(stored.published_at)
        # Resolve before forgetting this document's old observations, so a re-ingest finds the
        # same speakers even when this document was their only source.
        speakers: dict[str, tuple[int | None, Observation]] = {}
        for quote in doc.quotes:
            if quote.entity and quote.entity not in speakers and quote.entity in doc.entities:
                obs = observe(doc, doc.entities[quote.entity])
                speakers[quote.entity] = (self.resolver.resolve(tx, stored.id, seen_at, obs), obs)
        tx.clear_observations(stored.id)
        claims = []
        for index, quote in enumerate(doc.quotes):
            claim = _claim(doc, stored.id, index, quote, stored.pipeline_version)
            speaker_id, obs = speakers.get(quote.entity or "", (None, None))
            claim.speaker_id = speaker_id
            if speaker_id is None:
                roles = sorted(obs.roles, key=lambda r: not is_office(r)) if obs else [role_key(claim.source_text)]
                claim.role = next((r for r in roles if r), "")
            tx.add_claim(claim)
            claims.append(claim)
        for speaker_id, obs in speakers.values():
            if speaker_id is not None:
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
