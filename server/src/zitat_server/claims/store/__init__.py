"""The claim store: documents, claims, speakers and clusters, on SQLite or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import platformdirs

from zitat_server.claims.store.base import Store


def default_path() -> Path:
    """Where the embedded store lives when none is given: the user's data directory."""
    return Path(platformdirs.user_data_dir("zitat")) / "claims.sqlite3"


def open_store(path_or_dsn: str | Path | None = None) -> Store:
    """A PostgreSQL store for a ``postgresql://`` (or ``postgres://``) DSN, else a SQLite file."""
    target = str(path_or_dsn) if path_or_dsn else str(default_path())
    if target.startswith(("postgresql://", "postgres://")):
        from zitat_server.claims.store.postgres import PostgresStore

        return PostgresStore(target)
    from zitat_server.claims.store.sqlite import SqliteStore

    return SqliteStore(target)


__all__ = ["Store", "default_path", "open_store"]
