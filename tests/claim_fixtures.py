"""Hand-built extraction results and store fixtures for the claim-tracking tests.

``FakePipeline`` answers with Docs built from a short spec, so the store, speaker and linking
tests do not depend on what the rule pipeline finds; the example-article test uses the real one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pytest
from zitat_server.claims.store import open_store
from zitat_server.document import Doc, Entity, Form, Quote, Span

PG_DSN = os.environ.get("ZITAT_TEST_PG_DSN", "")

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgres",
        marks=[pytest.mark.postgres,
               pytest.mark.skipif(not PG_DSN, reason="ZITAT_TEST_PG_DSN not set (scripts/start_postgres.sh)")],
    ),
]


def fresh_store(backend: str, tmp_path):
    """An empty store of the backend (PostgreSQL: the public schema dropped and recreated)."""
    if backend == "sqlite":
        return open_store(tmp_path / "claims.sqlite3")
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return open_store(PG_DSN)


def day(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@dataclass
class Q:
    """A quote in a spec: the message and source as substrings of the text."""

    message: str
    source: str = ""
    entity: str = ""
    form: Form = Form.DIRECT


@dataclass
class E:
    """A document entity: its name, roles and mention substrings."""

    name: str = ""
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)


def _span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part))


def make_doc(text: str, quotes: list[Q], entities: dict[str, E] | None = None) -> Doc:
    doc = Doc(text)
    for eid, e in (entities or {}).items():
        doc.entities[eid] = Entity(eid, e.name, list(e.roles), [_span(text, m) for m in e.mentions])
    for q in quotes:
        doc.quotes.append(Quote([_span(text, q.message)], q.form, source=_span(text, q.source) if q.source else None,
                                entity=q.entity or None, confidence=0.9))
    return doc


class FakePipeline:
    """Returns the registered Doc for a text; counts extractions (to see skips)."""

    def __init__(self, version: str = "test-1") -> None:
        self.docs: dict[str, Doc] = {}
        self.calls = 0
        self.version = version

    def add(self, text: str, quotes: list[Q], entities: dict[str, E] | None = None) -> str:
        self.docs[text] = make_doc(text, quotes, entities)
        return text

    def process(self, text: str) -> Doc:
        self.calls += 1
        return self.docs.get(text) or Doc(text)
