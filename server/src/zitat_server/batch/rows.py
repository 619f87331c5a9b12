"""A processed document as output rows: one row per quote, flat enough for SQL over Parquet.

The values are those of ``ExtractQuotes`` for the same text (both come from
:func:`zitat_server.extraction.results.document_result`): form and medium by their API names,
offsets in code points, a quote with several message or cue spans gets lists. The input's
metadata (outlet, publication time, URL) rides along, so a query needs no join.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from zitat_server.batch.inputs import InputDocument
from zitat_server.extraction.results import DocumentResult, TextSpan

_INT_LIST = pa.list_(pa.int32())
_STR_LIST = pa.list_(pa.string())

#: The output's columns, in order.
SCHEMA = pa.schema(
    [
        ("document_id", pa.string()),
        ("quote_index", pa.int32()),  # the quote's position in the document; ``parent`` refers to it
        ("form", pa.string()),  # DIRECT, INDIRECT, FREE_INDIRECT, INDIRECT_FREE_INDIRECT, REPORTED
        ("medium", pa.string()),  # SPEECH, WRITING, THOUGHT, SPEECH_WRITING, SPEECH_THOUGHT, THOUGHT_WRITING
        ("message_text", _STR_LIST),
        ("message_start", _INT_LIST),
        ("message_end", _INT_LIST),
        ("cue_text", _STR_LIST),
        ("cue_start", _INT_LIST),
        ("cue_end", _INT_LIST),
        ("source_text", pa.string()),  # the source mention; null when none was found
        ("source_start", pa.int32()),
        ("source_end", pa.int32()),
        ("addressee_text", pa.string()),
        ("addressee_start", pa.int32()),
        ("addressee_end", pa.int32()),
        ("speaker_id", pa.string()),  # document-local entity id; null when no speaker was resolved
        ("speaker_name", pa.string()),
        ("speaker_roles", _STR_LIST),
        ("speaker_type", pa.string()),  # PERSON, ORGANIZATION, MEDIA, GROUP
        ("unresolved_reason", pa.string()),
        ("confidence", pa.float32()),
        ("origin", pa.string()),
        ("parent", pa.int32()),
        ("pipeline_version", pa.string()),
        ("outlet", pa.string()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("url", pa.string()),
    ]
)

#: The errors file's columns: a document that was not processed, and why.
ERROR_FIELDS = ("document_id", "input", "reason")


def _spans(name: str, spans: tuple[TextSpan, ...]) -> dict[str, list]:
    return {
        f"{name}_text": [s.text for s in spans],
        f"{name}_start": [s.start for s in spans],
        f"{name}_end": [s.end for s in spans],
    }


def _span(name: str, span: TextSpan | None) -> dict[str, Any]:
    if span is None:
        return {f"{name}_text": None, f"{name}_start": None, f"{name}_end": None}
    return {f"{name}_text": span.text, f"{name}_start": span.start, f"{name}_end": span.end}


def quote_rows(result: DocumentResult, document: InputDocument, pipeline_version: str) -> list[dict[str, Any]]:
    """One row per quote of ``result``, in the document's order."""
    rows = []
    for index, q in enumerate(result.quotes):
        speaker = result.speaker(q)
        rows.append(
            {
                "document_id": document.id,
                "quote_index": index,
                "form": q.form,
                "medium": q.medium,
                **_spans("message", q.message),
                **_spans("cue", q.cue),
                **_span("source", q.source),
                **_span("addressee", q.addressee),
                "speaker_id": speaker.entity_id if speaker else None,
                "speaker_name": (speaker.canonical_name or None) if speaker else None,  # null: unnamed
                "speaker_roles": list(speaker.roles) if speaker else [],
                "speaker_type": speaker.type if speaker else None,
                "unresolved_reason": q.unresolved_reason,
                "confidence": q.confidence,
                "origin": q.origin,
                "parent": q.parent,
                "pipeline_version": pipeline_version,
                "outlet": document.outlet,
                "published_at": document.published_at,
                "url": document.url,
            }
        )
    return rows


def to_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMA)


def to_json(row: dict[str, Any]) -> dict[str, Any]:
    """A row as JSON-able values (times in ISO 8601)."""
    when = row.get("published_at")
    return {**row, "published_at": when.isoformat() if when is not None else None}
