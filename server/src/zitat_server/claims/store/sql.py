"""The store over SQL, shared by the SQLite and PostgreSQL backends.

The statements are written once, with ``?`` placeholders; a backend subclass supplies the
connection, the writer lock, the placeholder style and the full-text condition. Keeping one
implementation is what makes "the same behaviour on both" true by construction rather than by
two copies kept in step.
"""

from __future__ import annotations

import json
import threading
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from zitat_server.claims.store import migrations
from zitat_server.claims.store.base import (
    Claim,
    ClaimCluster,
    ClaimLink,
    ClaimQuery,
    Counts,
    LinkCandidate,
    Page,
    RoleSpan,
    SpeakerCandidate,
    SpeakerRecord,
    Store,
    StoredDocument,
    Transaction,
    check_page_size,
    decode_token,
    encode_token,
    from_db_time,
    query_digest,
    to_db_time,
)

_CLAIM_COLUMNS = (
    "c.id, c.document_id, c.idx, c.text, c.message, c.form, c.medium, c.cue, c.source_start, c.source_end, "
    "c.source_text, c.speaker_id, c.role, c.confidence, c.origin, c.pipeline_version, c.cluster_id, "
    "COALESCE(s.name, ''), d.outlet, d.url, d.title, d.published_at, d.seq"
)
_CLAIM_FROM = "claims c JOIN documents d ON d.id = c.document_id LEFT JOIN speakers s ON s.id = c.speaker_id"
_DOCUMENT_COLUMNS = (
    "id, text, outlet, url, title, published_at, text_hash, pipeline_version, seq, "
    "(SELECT COUNT(*) FROM claims WHERE claims.document_id = documents.id)"
)
# First appearance first: dated before undated, then by date, then by ingestion order.
_CHRONOLOGICAL = "d.published_at = '', d.published_at, d.seq, c.idx"


def _marks(n: int) -> str:
    """Placeholders for an IN list; ``NULL`` for an empty one (``IN ()`` is not valid everywhere)."""
    return ",".join("?" * n) or "NULL"


def _claim(row: Sequence[Any]) -> Claim:
    return Claim(
        id=row[0],
        document_id=row[1],
        index=row[2],
        text=row[3],
        message=[tuple(p) for p in json.loads(row[4])],
        form=row[5],
        medium=row[6],
        cue=[tuple(p) for p in json.loads(row[7])],
        source=None if row[8] is None else (row[8], row[9]),
        source_text=row[10],
        speaker_id=row[11],
        role=row[12],
        confidence=row[13],
        origin=row[14],
        pipeline_version=row[15],
        cluster_id=row[16],
        speaker_name=row[17],
        outlet=row[18],
        url=row[19],
        title=row[20],
        published_at=from_db_time(row[21]),
        seq=row[22],
    )  # type: ignore[arg-type]


def _document(row: Sequence[Any]) -> StoredDocument:
    return StoredDocument(
        id=row[0],
        text=row[1],
        outlet=row[2],
        url=row[3],
        title=row[4],
        published_at=from_db_time(row[5]),
        text_hash=row[6],
        pipeline_version=row[7],
        seq=row[8],
        claims=row[9],
    )


class SqlStore(Store):
    """One connection per thread; writers serialised by the backend's lock (``_begin_write``)."""

    backend = "sql"

    def __init__(self) -> None:
        self._local = threading.local()
        self._connections: list[Any] = []
        self._lock = threading.Lock()
        conn = self._conn()
        self._version = migrations.migrate(
            lambda sql: self._fetch(conn, sql, ()),
            lambda: self._begin_write(conn),
            lambda: conn.execute("COMMIT"),
            self.backend,
        )

    # --- backend hooks ----------------------------------------------------------------------

    @abstractmethod
    def _connect(self) -> Any:
        """A new autocommit DB-API connection (transactions are opened explicitly)."""

    @abstractmethod
    def _begin_write(self, conn: Any) -> None:
        """BEGIN a transaction that holds the store-wide writer lock."""

    @abstractmethod
    def _fts_condition(self, text: str) -> tuple[str, list[Any]]:
        """SQL condition on claims ``c`` (and its parameters) for a full-text query."""

    def _sql(self, sql: str) -> str:
        return sql

    # --- plumbing ---------------------------------------------------------------------------

    def _conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def _fetch(self, conn: Any, sql: str, params: Sequence[Any]) -> list[tuple]:
        cur = conn.execute(self._sql(sql), tuple(params))
        return list(cur.fetchall()) if cur.description else []

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self._fetch(self._conn(), sql, params)

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        conn = self._conn()
        self._begin_write(conn)
        try:
            yield SqlTransaction(self, conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                conn.close()
            self._connections.clear()
        self._local = threading.local()

    def schema_version(self) -> int:
        return self._version

    # --- reads ------------------------------------------------------------------------------

    def get_document(self, document_id: str) -> StoredDocument | None:
        rows = self._read(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,))
        return _document(rows[0]) if rows else None

    def _live_id(self, speaker_id: int) -> int | None:
        """Follow merges to the speaker that now holds ``speaker_id``'s claims."""
        seen = set()
        while speaker_id not in seen:
            seen.add(speaker_id)
            rows = self._read("SELECT merged_into FROM speakers WHERE id = ?", (speaker_id,))
            if not rows:
                return None
            if rows[0][0] is None:
                return speaker_id
            speaker_id = rows[0][0]
        return None

    def find_speakers(self, alias_key: str) -> list[int]:
        rows = self._read(
            "SELECT DISTINCT a.speaker_id FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE a.alias_key = ? AND s.merged_into IS NULL ORDER BY a.speaker_id",
            (alias_key,),
        )
        return [r[0] for r in rows]

    def surname_candidates(self, surname_key: str) -> list[SpeakerCandidate]:
        return SqlTransaction(self, self._conn()).speakers_by_surname(surname_key)  # one read, no lock

    def list_speakers(self, page_size: int = 0, page_token: str = "", name: str = "") -> Page[SpeakerRecord]:
        size = check_page_size(page_size)
        key = decode_token(page_token, query_digest("speakers", name))
        where, params = ["s.merged_into IS NULL"], []
        if name:
            where.append("s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias_key LIKE ?)")
            params.append(f"%{name}%")
        having, hparams = "", []
        if key is not None:
            having = "HAVING COUNT(c.id) < ? OR (COUNT(c.id) = ? AND s.id > ?)"
            hparams = [key[0], key[0], key[1]]
        rows = self._read(
            "SELECT s.id, s.name, COUNT(c.id), MIN(NULLIF(d.published_at, '')), MAX(NULLIF(d.published_at, '')) "
            f"FROM speakers s JOIN claims c ON c.speaker_id = s.id JOIN documents d ON d.id = c.document_id "
            f"WHERE {' AND '.join(where)} GROUP BY s.id, s.name {having} "
            "ORDER BY COUNT(c.id) DESC, s.id LIMIT ?",
            [*params, *hparams, size + 1],
        )
        records = [
            SpeakerRecord(
                id=r[0],
                name=r[1],
                claim_count=r[2],
                first_seen=from_db_time(r[3] or ""),
                last_seen=from_db_time(r[4] or ""),
            )
            for r in rows[:size]
        ]
        self._fill_aliases_roles(records)
        token = ""
        if len(rows) > size:
            last = records[-1]
            token = encode_token(query_digest("speakers", name), [last.claim_count, last.id])
        return Page(records, token)

    def _fill_aliases_roles(self, records: list[SpeakerRecord]) -> None:
        if not records:
            return
        by_id = {r.id: r for r in records}
        ids = list(by_id)
        for sid, alias in self._read(
            "SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN "
            f"({_marks(len(ids))}) GROUP BY speaker_id, alias ORDER BY speaker_id, COUNT(*) DESC, alias",
            ids,
        ):
            by_id[sid].aliases.append(alias)
        for sid, role, first, last, n in self._read(
            "SELECT speaker_id, MIN(role), MIN(seen_at), MAX(seen_at), COUNT(*) FROM speaker_roles "
            f"WHERE speaker_id IN ({_marks(len(ids))}) GROUP BY speaker_id, role_key "
            "ORDER BY speaker_id, MAX(seen_at) DESC, COUNT(*) DESC",
            ids,
        ):
            by_id[sid].roles.append(RoleSpan(role, from_db_time(first), from_db_time(last), n))

    def get_speaker(self, speaker_id: int, timeline_limit: int = 100) -> SpeakerRecord | None:
        live = self._live_id(speaker_id)
        if live is None:
            return None
        rows = self._read(
            "SELECT s.name, COUNT(c.id), MIN(NULLIF(d.published_at, '')), MAX(NULLIF(d.published_at, '')) "
            "FROM speakers s LEFT JOIN claims c ON c.speaker_id = s.id LEFT JOIN documents d ON d.id = c.document_id "
            "WHERE s.id = ? GROUP BY s.id, s.name",
            (live,),
        )
        name, count, first, last = rows[0]
        record = SpeakerRecord(
            live, name, claim_count=count, first_seen=from_db_time(first or ""), last_seen=from_db_time(last or "")
        )
        self._fill_aliases_roles([record])
        if timeline_limit > 0:
            recent = self._read(
                f"SELECT {_CLAIM_COLUMNS} FROM {_CLAIM_FROM} WHERE c.speaker_id = ? "
                "ORDER BY d.published_at DESC, d.seq DESC, c.idx DESC LIMIT ?",
                (live, timeline_limit),
            )
            record.timeline = [_claim(r) for r in reversed(recent)]
        return record

    def search_claims(self, query: ClaimQuery, page_size: int = 0, page_token: str = "") -> Page[Claim]:
        size = check_page_size(page_size)
        digest = query_digest("claims", query)
        key = decode_token(page_token, digest)
        where: list[str] = []
        params: list[Any] = []
        if query.speaker_ids:
            where.append(f"c.speaker_id IN ({_marks(len(query.speaker_ids))})")
            params += list(query.speaker_ids)
        if query.text:
            cond, cparams = self._fts_condition(query.text)
            where.append(cond)
            params += cparams
        if query.outlet:
            where.append("d.outlet = ?")
            params.append(query.outlet)
        if query.document_id:
            where.append("c.document_id = ?")
            params.append(query.document_id)
        if query.since is not None:
            where.append("d.published_at >= ?")
            params.append(to_db_time(query.since))
        if query.until is not None:
            where.append("d.published_at <> '' AND d.published_at < ?")
            params.append(to_db_time(query.until))
        if key is not None:
            where.append("(d.published_at, d.seq, c.idx) < (?, ?, ?)")
            params += key
        sql = f"SELECT {_CLAIM_COLUMNS} FROM {_CLAIM_FROM}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY d.published_at DESC, d.seq DESC, c.idx DESC LIMIT ?"
        rows = self._read(sql, [*params, size + 1])
        claims = [_claim(r) for r in rows[:size]]
        token = ""
        if len(rows) > size:
            last = claims[-1]
            token = encode_token(digest, [to_db_time(last.published_at), last.seq, last.index])
        return Page(claims, token)

    def get_cluster(self, claim_id: int) -> ClaimCluster | None:
        rows = self._read("SELECT cluster_id FROM claims WHERE id = ?", (claim_id,))
        if not rows:
            return None
        cluster_id = rows[0][0]
        claims = [
            _claim(r)
            for r in self._read(
                f"SELECT {_CLAIM_COLUMNS} FROM {_CLAIM_FROM} WHERE c.cluster_id = ? ORDER BY {_CHRONOLOGICAL}",
                (cluster_id,),
            )
        ]
        ids = [c.id for c in claims]
        links = [
            ClaimLink(*r)
            for r in self._read(
                f"SELECT a, b, kind, score FROM claim_links WHERE a IN ({_marks(len(ids))}) ORDER BY a, b", ids
            )
        ]
        return ClaimCluster(cluster_id, claims, links)

    def counts(self) -> Counts:
        row = self._read(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM claims), "
            "(SELECT COUNT(DISTINCT speaker_id) FROM claims), (SELECT COUNT(DISTINCT cluster_id) FROM claims), "
            "(SELECT COUNT(*) FROM claims WHERE cluster_id IN "
            " (SELECT cluster_id FROM claims GROUP BY cluster_id HAVING COUNT(*) > 1))"
        )[0]
        return Counts(*(int(v) for v in row))


class SqlTransaction(Transaction):
    """The write primitives on one connection inside an open transaction."""

    def __init__(self, store: SqlStore, conn: Any) -> None:
        self._store = store
        self._conn = conn

    def _q(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self._store._fetch(self._conn, sql, params)

    # documents

    def get_document(self, document_id: str) -> StoredDocument | None:
        rows = self._q(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,))
        return _document(rows[0]) if rows else None

    def put_document(self, doc: StoredDocument) -> None:
        now = to_db_time(datetime.now(timezone.utc))
        values = (
            doc.outlet,
            doc.url,
            doc.title,
            to_db_time(doc.published_at),
            doc.text_hash,
            doc.pipeline_version,
            doc.text,
            now,
        )
        updated = self._q(
            "UPDATE documents SET outlet = ?, url = ?, title = ?, published_at = ?, text_hash = ?, "
            "pipeline_version = ?, text = ?, ingested_at = ? WHERE id = ? RETURNING seq",
            (*values, doc.id),
        )
        if updated:
            doc.seq = updated[0][0]
            return
        doc.seq = self._q(
            "INSERT INTO documents (id, seq, outlet, url, title, published_at, text_hash, pipeline_version, text, "
            "ingested_at) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM documents), ?, ?, ?, ?, ?, ?, ?, ?) "
            "RETURNING seq",
            (doc.id, *values),
        )[0][0]

    def delete_document(self, document_id: str) -> bool:
        self.delete_claims(document_id)
        return bool(self._q("DELETE FROM documents WHERE id = ? RETURNING id", (document_id,)))

    def delete_claims(self, document_id: str) -> set[int]:
        rows = self._q("DELETE FROM claims WHERE document_id = ? RETURNING cluster_id", (document_id,))
        return {r[0] for r in rows}

    def add_claim(self, claim: Claim) -> int:
        source = claim.source or (None, None)
        claim_id = self._q(
            "INSERT INTO claims (document_id, idx, text, message, form, medium, cue, source_start, source_end, "
            "source_text, speaker_id, role, confidence, origin, pipeline_version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                claim.document_id,
                claim.index,
                claim.text,
                json.dumps(claim.message),
                claim.form,
                claim.medium,
                json.dumps(claim.cue),
                source[0],
                source[1],
                claim.source_text,
                claim.speaker_id,
                claim.role,
                claim.confidence,
                claim.origin,
                claim.pipeline_version,
            ),
        )[0][0]
        self._q("UPDATE claims SET cluster_id = id WHERE id = ?", (claim_id,))
        claim.id = claim.cluster_id = claim_id
        return claim_id

    # speakers

    def pinned_speaker(self, alias_key: str, document_id: str) -> int | None:
        rows = self._q(
            "SELECT speaker_id FROM speaker_pins WHERE alias_key = ? AND document_id IN (?, '') "
            "ORDER BY document_id DESC LIMIT 1",
            (alias_key, document_id),
        )
        return rows[0][0] if rows else None

    def _candidates(self, condition: str, value: str) -> list[SpeakerCandidate]:
        rows = self._q(
            "SELECT s.id, s.name, a.alias_key FROM speaker_aliases a JOIN speakers s ON s.id = a.speaker_id "
            "WHERE s.merged_into IS NULL "
            f"AND a.speaker_id IN (SELECT speaker_id FROM speaker_aliases WHERE {condition})",
            (value,),
        )
        names: dict[int, str] = {}
        aliases: dict[int, set[str]] = {}
        for sid, name, key in rows:
            names[sid] = name
            aliases.setdefault(sid, set()).add(key)
        if not names:
            return []
        roles: dict[int, set[str]] = {}
        for sid, role_key in self._q(
            f"SELECT DISTINCT speaker_id, role_key FROM speaker_roles WHERE speaker_id IN ({_marks(len(names))})",
            list(names),
        ):
            roles.setdefault(sid, set()).add(role_key)
        return [
            SpeakerCandidate(sid, names[sid], frozenset(aliases[sid]), frozenset(roles.get(sid, ())))
            for sid in sorted(names)
        ]

    def speakers_by_surname(self, surname_key: str) -> list[SpeakerCandidate]:
        return self._candidates("surname_key = ?", surname_key)

    def speakers_by_alias(self, alias_key: str) -> list[SpeakerCandidate]:
        return self._candidates("alias_key = ?", alias_key)

    def role_holders(self, role_key: str) -> list[tuple[int, str]]:
        return self._q(
            "SELECT r.speaker_id, r.seen_at FROM speaker_roles r JOIN speakers s ON s.id = r.speaker_id "
            "WHERE r.role_key = ? AND s.merged_into IS NULL",
            (role_key,),
        )

    def create_speaker(self, name: str) -> int:
        return self._q("INSERT INTO speakers (name) VALUES (?) RETURNING id", (name,))[0][0]

    def get_speaker_name(self, speaker_id: int) -> str | None:
        rows = self._q("SELECT name FROM speakers WHERE id = ? AND merged_into IS NULL", (speaker_id,))
        return rows[0][0] if rows else None

    def rename_speaker(self, speaker_id: int, name: str) -> None:
        self._q("UPDATE speakers SET name = ? WHERE id = ?", (name, speaker_id))

    def clear_observations(self, document_id: str) -> None:
        self._q("DELETE FROM speaker_aliases WHERE document_id = ?", (document_id,))
        self._q("DELETE FROM speaker_roles WHERE document_id = ?", (document_id,))

    def add_alias(self, speaker_id: int, document_id: str, alias: str, alias_key: str, surname_key: str) -> None:
        self._q(
            "INSERT INTO speaker_aliases (speaker_id, document_id, alias, alias_key, surname_key) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (speaker_id, document_id, alias, alias_key, surname_key),
        )

    def add_role(self, speaker_id: int, document_id: str, role: str, role_key: str, seen_at: str) -> None:
        self._q(
            "INSERT INTO speaker_roles (speaker_id, document_id, role, role_key, seen_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (speaker_id, document_id, role, role_key, seen_at),
        )

    def unresolved_role_claims(self, role_key: str) -> list[tuple[int, str]]:
        return self._q(
            "SELECT c.id, d.published_at FROM claims c JOIN documents d ON d.id = c.document_id "
            "WHERE c.speaker_id IS NULL AND c.role = ?",
            (role_key,),
        )

    def set_claim_speaker(self, claim_ids: Sequence[int], speaker_id: int) -> None:
        if claim_ids:
            self._q(
                f"UPDATE claims SET speaker_id = ? WHERE id IN ({_marks(len(claim_ids))})", [speaker_id, *claim_ids]
            )

    def _pin(self, select: str, params: Sequence[Any]) -> None:
        """Pin (alias_key, document_id) -> speaker for each row ``select`` yields."""
        self._q(
            f"INSERT INTO speaker_pins (alias_key, document_id, speaker_id) {select} "
            "ON CONFLICT (alias_key, document_id) DO UPDATE SET speaker_id = excluded.speaker_id",
            params,
        )

    def _move_rows(self, source: int, target: int, doc_filter: str, params: Sequence[Any]) -> int:
        """Move claims, aliases and roles of ``source`` in the documents ``doc_filter`` selects."""
        moved = self._q(
            f"UPDATE claims SET speaker_id = ? WHERE speaker_id = ? AND document_id IN ({doc_filter}) RETURNING id",
            [target, source, *params],
        )
        for table, cols in (
            ("speaker_aliases", "document_id, alias, alias_key, surname_key"),
            ("speaker_roles", "document_id, role, role_key, seen_at"),
        ):
            self._q(
                f"INSERT INTO {table} (speaker_id, {cols}) SELECT ?, {cols} FROM {table} "
                f"WHERE speaker_id = ? AND document_id IN ({doc_filter}) ON CONFLICT DO NOTHING",
                [target, source, *params],
            )
            self._q(f"DELETE FROM {table} WHERE speaker_id = ? AND document_id IN ({doc_filter})", [source, *params])
        return len(moved)

    def merge_speakers(self, target: int, sources: Sequence[int]) -> None:
        for source in sources:
            self._pin(
                "SELECT DISTINCT alias_key, '', ? FROM speaker_aliases WHERE speaker_id IN (?, ?)",
                (target, source, target),
            )
            self._move_rows(source, target, "SELECT id FROM documents", ())
            self._q("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?", (target, source))
            self._q("UPDATE speaker_pins SET speaker_id = ? WHERE speaker_id = ?", (target, source))
            self._q("UPDATE speakers SET merged_into = ? WHERE id = ? OR merged_into = ?", (target, source, source))

    def move_observations(
        self, source: int, target: int, alias_keys: Sequence[str], document_ids: Sequence[str]
    ) -> int:
        self._pin(
            f"SELECT DISTINCT alias_key, '', ? FROM speaker_aliases WHERE speaker_id = ? "
            f"AND alias_key IN ({_marks(len(alias_keys))})",
            [target, source, *alias_keys],
        )
        self._pin(
            f"SELECT DISTINCT alias_key, document_id, ? FROM speaker_aliases WHERE speaker_id = ? "
            f"AND document_id IN ({_marks(len(document_ids))})",
            [target, source, *document_ids],
        )
        docs = (
            f"SELECT document_id FROM speaker_aliases WHERE speaker_id = {int(source)} "
            f"AND alias_key IN ({_marks(len(alias_keys))}) UNION SELECT id FROM documents "
            f"WHERE id IN ({_marks(len(document_ids))})"
        )
        return self._move_rows(source, target, docs, [*alias_keys, *document_ids])

    def prune_speakers(self) -> int:
        return len(
            self._q(
                "DELETE FROM speakers WHERE merged_into IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.speaker_id = speakers.id) "
                "AND NOT EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = speakers.id) "
                "AND NOT EXISTS (SELECT 1 FROM speaker_roles r WHERE r.speaker_id = speakers.id) "
                "AND NOT EXISTS (SELECT 1 FROM speaker_pins p WHERE p.speaker_id = speakers.id) RETURNING id"
            )
        )

    # linking

    def add_bands(self, claim_id: int, band_keys: Sequence[int]) -> None:
        for key in set(band_keys):
            self._q("INSERT INTO claim_bands (band_key, claim_id) VALUES (?, ?)", (key, claim_id))

    def _link_candidates(self, condition: str, params: Sequence[Any]) -> list[LinkCandidate]:
        rows = self._q(
            f"SELECT c.id, c.document_id, c.text, c.form, c.speaker_id, c.cluster_id FROM claims c WHERE {condition}",
            params,
        )
        return [LinkCandidate(*r) for r in rows]

    def band_candidates(self, band_keys: Sequence[int], exclude: int) -> list[LinkCandidate]:
        if not band_keys:
            return []
        return self._link_candidates(
            f"c.id IN (SELECT claim_id FROM claim_bands WHERE band_key IN ({_marks(len(band_keys))})) AND c.id <> ?",
            [*band_keys, exclude],
        )

    def speaker_candidates(self, speaker_id: int, exclude: int) -> list[LinkCandidate]:
        return self._link_candidates("c.speaker_id = ? AND c.id <> ?", (speaker_id, exclude))

    def add_link(self, link: ClaimLink) -> None:
        a, b = sorted((link.a, link.b))
        self._q(
            "INSERT INTO claim_links (a, b, kind, score) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (a, b, link.kind, link.score),
        )

    def cluster_graph(self, cluster_ids: Sequence[int]) -> tuple[list[int], list[ClaimLink]]:
        if not cluster_ids:
            return [], []
        ids = [
            r[0]
            for r in self._q(
                f"SELECT id FROM claims WHERE cluster_id IN ({_marks(len(cluster_ids))}) ORDER BY id", list(cluster_ids)
            )
        ]
        if not ids:
            return [], []
        links = [
            ClaimLink(*r)
            for r in self._q(f"SELECT a, b, kind, score FROM claim_links WHERE a IN ({_marks(len(ids))})", ids)
        ]
        return ids, links

    def set_cluster(self, claim_ids: Sequence[int], cluster_id: int) -> None:
        if claim_ids:
            self._q(
                f"UPDATE claims SET cluster_id = ? WHERE id IN ({_marks(len(claim_ids))})", [cluster_id, *claim_ids]
            )
