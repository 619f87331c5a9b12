"""The embedded SQLite backend: one file, WAL, foreign keys, FTS5 for the full-text search."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from zitat_server.claims.store.sql import SqlStore

_WORD = re.compile(r"\w+")
# Inflectional endings stripped before a prefix query, so that "Drohnen" also finds "Drohne":
# the rough equivalent of PostgreSQL's German stemmer, which FTS5 does not ship.
_ENDINGS = ("ern", "em", "en", "er", "es", "e", "s", "n")


def _stem(word: str) -> str:
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def fts_query(text: str) -> str:
    """All words of ``text`` as quoted FTS5 prefix terms, so user input is never FTS syntax."""
    return " ".join(f'"{_stem(w)}"*' for w in _WORD.findall(text)) or '""'


class SqliteStore(SqlStore):
    backend = "sqlite"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        super().__init__()

    def _connect(self) -> Any:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=60)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # durable against process crashes in WAL mode
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 60000")
        return conn

    def describe(self) -> str:
        return f"SQLite {self.path}"

    def _is_full(self, exc: Exception) -> bool:
        return isinstance(exc, sqlite3.OperationalError) and (
            getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "disk is full" in str(exc)
        )

    def _begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN IMMEDIATE")  # take the file's write lock now, not at the first write

    def _fts_condition(self, text: str) -> tuple[str, list[Any]]:
        return "c.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", [fts_query(text)]
