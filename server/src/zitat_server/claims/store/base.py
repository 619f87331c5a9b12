"""The claim store's interface and the records it keeps.

Two layers, so that the decisions (which speaker, which cluster) live in the domain modules
(``speakers``, ``linking``, ``ingest``) and every backend only persists: :class:`Store` is
what readers use (one statement each, safe from many threads), :class:`Transaction` is the
set of primitives a writer uses inside one serialised transaction per document, so that a
crash leaves each document wholly stored or absent.
"""

from __future__ import annotations

import base64
import hashlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Generic, TypeVar

T = TypeVar("T")

#: Page size when a request leaves it at 0, and the largest one accepted.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


class InvalidPageToken(ValueError):
    """A page token that was not issued for this query (or was tampered with)."""


class StoreFull(RuntimeError):
    """The store cannot write: its disk (or the database's space) is full. The backends raise
    this instead of their own error text, so callers can answer "retry later" without leaking it."""


# --- time ---------------------------------------------------------------------------------------
# Dates are stored as fixed-width UTC text ("2005-08-05T00:00:00Z", "" when unknown) in both
# backends: the text sorts chronologically, so ordering, ranges and page tokens work the same way
# in SQLite (which has no date type) and PostgreSQL.


def to_db_time(when: datetime | date | None) -> str:
    if when is None:
        return ""
    if not isinstance(when, datetime):
        when = datetime(when.year, when.month, when.day, tzinfo=timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    w = when.astimezone(timezone.utc)
    # Explicit widths: strftime's %Y does not pad years before 1000, which would break the ordering.
    return f"{w.year:04d}-{w.month:02d}-{w.day:02d}T{w.hour:02d}:{w.minute:02d}:{w.second:02d}Z"


def from_db_time(text: str) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


# --- records ------------------------------------------------------------------------------------


@dataclass(slots=True)
class StoredDocument:
    """A document as ingested: its metadata, the hash of its text and who extracted it."""

    id: str
    text: str
    outlet: str = ""
    url: str = ""
    title: str = ""
    published_at: datetime | None = None
    text_hash: str = ""
    pipeline_version: str = ""
    registry_version: str = ""  # of the claims-side logic (speakers, holders) that stored the claims
    seq: int = 0  # ingestion order, assigned by the store
    claims: int = 0  # filled on reading


@dataclass(slots=True)
class Claim:
    """One stored quote: what was said, by whom, where, and the cluster it belongs to."""

    document_id: str
    index: int  # position among the document's quotes
    text: str  # the message pieces joined by a space
    message: list[tuple[int, int]]
    form: str  # document.Form value
    medium: str  # document.Medium value
    cue: list[tuple[int, int]] = field(default_factory=list)
    source: tuple[int, int] | None = None
    source_text: str = ""
    speaker_id: int | None = None
    role: str = ""  # role key of a role-only source ("verteidigungsminister"), for later resolution
    #: An unnamed source ("ein Sprecher des Ministeriums", "ein Augenzeuge"): ``speaker_id`` is the
    #: organisation it speaks for, or None; ``source_role`` says who it is.
    anonymous: bool = False
    source_role: str = ""  # the role as written of an anonymous source ("Sprecher")
    unresolved_reason: str = ""  # why a claim with a source has no speaker ("pronoun", "not a holder")
    confidence: float = 1.0
    origin: str = ""
    pipeline_version: str = ""
    id: int = 0
    cluster_id: int = 0
    # Filled on reading, from the document and the speaker:
    speaker_name: str = ""
    speaker_type: str = ""
    speaker_qualifier: str = ""
    outlet: str = ""
    url: str = ""
    title: str = ""
    published_at: datetime | None = None
    seq: int = 0


@dataclass(frozen=True, slots=True)
class RoleSpan:
    """A role a speaker was seen with, and the first and last article dates that said so."""

    role: str
    first_seen: datetime | None
    last_seen: datetime | None
    documents: int


@dataclass(slots=True)
class SpeakerRecord:
    """A person, organisation, medium or group across documents."""

    id: int
    name: str
    type: str = "person"  # document.SpeakerType value
    qualifier: str = ""  # the place of a local institution ("Kassel"); part of its identity
    aliases: list[str] = field(default_factory=list)
    roles: list[RoleSpan] = field(default_factory=list)
    claim_count: int = 0
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    timeline: list[Claim] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SpeakerCandidate:
    """What the speaker resolver needs to know about an existing speaker."""

    id: int
    name: str
    aliases: frozenset[str]  # normalised alias keys
    roles: frozenset[str]  # role keys
    type: str = "person"
    qualifier: str = ""


@dataclass(frozen=True, slots=True)
class ClaimLink:
    a: int
    b: int
    kind: str  # linking.NEAR_DUPLICATE or linking.DIRECT_INDIRECT
    score: float


@dataclass(frozen=True, slots=True)
class LinkCandidate:
    """An existing claim that may be linked to a new one."""

    id: int
    document_id: str
    text: str
    form: str
    speaker_id: int | None
    cluster_id: int


@dataclass(slots=True)
class ClaimCluster:
    """Claims that render the same statement; ``first`` is its first appearance."""

    id: int
    claims: list[Claim]
    links: list[ClaimLink]

    @property
    def first(self) -> Claim:
        return self.claims[0]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_token: str = ""


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters of a claim search; empty fields do not filter."""

    speaker_ids: tuple[int, ...] = ()
    text: str = ""  # full-text query
    outlet: str = ""
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive
    document_id: str = ""
    speaker_type: str = ""  # only claims whose speaker has this type


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int
    claims: int
    speakers: int  # with claims
    clusters: int
    linked_claims: int  # claims in clusters of two or more
    attributed_claims: int = 0  # claims with a speaker
    speakers_by_type: dict[str, int] = field(default_factory=dict)  # speakers with claims, by type


# --- page tokens --------------------------------------------------------------------------------
# Keyset pagination: the token carries the sort key of the last item returned plus a digest of
# the filters, so a token cannot silently be replayed against a different query.


def query_digest(*parts: object) -> str:
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:12]


def encode_token(digest: str, key: Sequence[object]) -> str:
    raw = json.dumps({"q": digest, "k": list(key)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


#: What a key's values may be (bool is no int here), and the 64-bit range the databases hold.
_INT64 = (-(1 << 63), (1 << 63) - 1)


def _valid_key(key: object, types: Sequence[type]) -> bool:
    if not isinstance(key, list) or len(key) != len(types):
        return False
    for value, kind in zip(key, types, strict=True):
        if type(value) is not kind:
            return False
        if kind is int and not _INT64[0] <= value <= _INT64[1]:
            return False
    return True


def decode_token(token: str, digest: str, types: Sequence[type]) -> list[object] | None:
    """The key of a page token, checked against the query's digest and the key's shape
    (``types``, e.g. ``(int, int)``): an edited token is refused, never passed to SQL."""
    if not token:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        key = data["k"]
        ok = data["q"] == digest
    except (ValueError, KeyError, TypeError) as exc:
        raise InvalidPageToken("malformed page token") from exc
    if not ok:
        raise InvalidPageToken("page token belongs to a different query")
    if not _valid_key(key, types):
        raise InvalidPageToken("malformed page token")
    return key


def check_page_size(page_size: int) -> int:
    if page_size < 0:
        raise ValueError("page_size must not be negative")
    return min(page_size or DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)


# --- interfaces ---------------------------------------------------------------------------------


class Transaction(ABC):
    """Write primitives inside one serialised transaction (see module docstring)."""

    # documents
    @abstractmethod
    def get_document(self, document_id: str) -> StoredDocument | None: ...

    @abstractmethod
    def put_document(self, doc: StoredDocument) -> None:
        """Insert the document or update its row (keeping its ingestion order)."""

    @abstractmethod
    def delete_document(self, document_id: str) -> bool:
        """Delete the document with its claims and speaker observations."""

    @abstractmethod
    def delete_claims(self, document_id: str) -> set[int]:
        """Delete the document's claims; return the clusters they were in."""

    @abstractmethod
    def add_claim(self, claim: Claim) -> int:
        """Insert the claim as its own cluster; return its id."""

    # speakers
    @abstractmethod
    def pinned_speaker(self, alias_key: str, document_id: str) -> int | None:
        """A manual decision for this alias: document-specific first, then global."""

    @abstractmethod
    def speakers_by_surname(self, surname_key: str) -> list[SpeakerCandidate]: ...

    @abstractmethod
    def speakers_by_alias(self, alias_key: str) -> list[SpeakerCandidate]: ...

    @abstractmethod
    def role_holders(self, role_key: str) -> list[tuple[int, str]]:
        """(speaker id, db time) for every sighting of a speaker with this role."""

    @abstractmethod
    def create_speaker(self, name: str, speaker_type: str = "person", qualifier: str = "") -> int: ...

    @abstractmethod
    def get_speaker_kind(self, speaker_id: int) -> tuple[str, str] | None:
        """(type, qualifier) of a live speaker."""

    @abstractmethod
    def get_speaker_name(self, speaker_id: int) -> str | None:
        """The display name of a live (not merged-away) speaker."""

    @abstractmethod
    def rename_speaker(self, speaker_id: int, name: str) -> None: ...

    @abstractmethod
    def clear_observations(self, document_id: str) -> None:
        """Forget the aliases and roles this document showed (before re-recording them)."""

    @abstractmethod
    def add_alias(self, speaker_id: int, document_id: str, alias: str, alias_key: str, surname_key: str) -> None: ...

    @abstractmethod
    def add_role(self, speaker_id: int, document_id: str, role: str, role_key: str, seen_at: str) -> None: ...

    @abstractmethod
    def unresolved_role_claims(self, role_key: str) -> list[tuple[int, str]]:
        """(claim id, db time) of claims whose role-only source is not yet resolved."""

    @abstractmethod
    def set_claim_speaker(self, claim_ids: Sequence[int], speaker_id: int) -> None: ...

    @abstractmethod
    def merge_speakers(self, target: int, sources: Sequence[int]) -> None:
        """Move everything of ``sources`` to ``target`` and pin their aliases to it."""

    @abstractmethod
    def move_observations(
        self, source: int, target: int, alias_keys: Sequence[str], document_ids: Sequence[str]
    ) -> int:
        """Move the claims, aliases and roles of ``source`` matching an alias key or a document
        to ``target``, pinning them there; return the number of claims moved."""

    @abstractmethod
    def prune_speakers(self) -> int:
        """Delete speakers nothing refers to any more; return how many."""

    # linking
    @abstractmethod
    def add_bands(self, claim_id: int, band_keys: Sequence[int]) -> None: ...

    @abstractmethod
    def band_candidates(self, band_keys: Sequence[int], exclude: int) -> list[LinkCandidate]: ...

    @abstractmethod
    def speaker_candidates(self, speaker_id: int, exclude: int) -> list[LinkCandidate]: ...

    @abstractmethod
    def add_link(self, link: ClaimLink) -> None: ...

    @abstractmethod
    def cluster_graph(self, cluster_ids: Sequence[int]) -> tuple[list[int], list[ClaimLink]]:
        """The member claim ids of these clusters and the links among them."""

    @abstractmethod
    def set_cluster(self, claim_ids: Sequence[int], cluster_id: int) -> None: ...


class Store(ABC):
    """A durable claim store; thread-safe (one connection per thread)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Transaction]:
        """A write transaction, serialised against every other writer (also in other processes)."""

    @abstractmethod
    def get_document(self, document_id: str) -> StoredDocument | None: ...

    @abstractmethod
    def list_speakers(
        self, page_size: int = 0, page_token: str = "", name: str = "", speaker_type: str = ""
    ) -> Page[SpeakerRecord]:
        """Speakers with claims, most claims first; ``name`` filters by alias substring,
        ``speaker_type`` by type."""

    @abstractmethod
    def get_speaker(self, speaker_id: int, timeline_limit: int = 100) -> SpeakerRecord | None:
        """The speaker (following merges), with its most recent claims in chronological order."""

    @abstractmethod
    def find_speakers(self, alias_key: str) -> list[int]:
        """Live speakers with this exact alias key."""

    @abstractmethod
    def surname_candidates(self, surname_key: str) -> list[SpeakerCandidate]:
        """Live speakers with an alias whose surname has this phonetic key."""

    @abstractmethod
    def search_claims(self, query: ClaimQuery, page_size: int = 0, page_token: str = "") -> Page[Claim]:
        """Matching claims, newest first (then latest ingested)."""

    @abstractmethod
    def get_cluster(self, claim_id: int) -> ClaimCluster | None:
        """The cluster of this claim, first appearance first."""

    @abstractmethod
    def counts(self) -> Counts: ...

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def describe(self) -> str:
        """Where the store lives, for logs (never a password)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def iter_claims(self, query: ClaimQuery, page_size: int = MAX_PAGE_SIZE) -> Iterator[Claim]:
        """Every matching claim, page by page."""
        token = ""
        while True:
            page = self.search_claims(query, page_size, token)
            yield from page.items
            if not page.next_token:
                return
            token = page.next_token
