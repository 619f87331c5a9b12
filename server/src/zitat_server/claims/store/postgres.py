"""The PostgreSQL backend (psycopg 3), for several server replicas sharing one store.

Writers take one transaction-scoped advisory lock, so that speaker resolution and claim linking
see a consistent store across replicas, as SQLite's file lock gives the embedded backend.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from zitat_server.claims.store.sql import SqlStore

_WRITER_LOCK = 0x7A17A7  # arbitrary, fixed: "zitat"


class PostgresStore(SqlStore):
    backend = "postgres"

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        super().__init__()

    def _connect(self) -> Any:
        return psycopg.connect(self.dsn, autocommit=True)

    def describe(self) -> str:
        info = conninfo_to_dict(self.dsn)
        return f"PostgreSQL {info.get('host', 'localhost')}:{info.get('port', 5432)}/{info.get('dbname', '')}"

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s")

    def _is_full(self, exc: Exception) -> bool:
        # SQLSTATE class 53, insufficient resources: disk_full (53100), out_of_memory, ...
        return isinstance(exc, psycopg.Error) and (exc.sqlstate or "").startswith("53")

    def _begin_write(self, conn: Any) -> None:
        conn.execute("BEGIN")
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITER_LOCK,))

    def _fts_condition(self, text: str) -> tuple[str, list[Any]]:
        return "c.search @@ plainto_tsquery('german', ?)", [text]
