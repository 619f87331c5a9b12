"""Request messages from Python values, the same for both clients and both services.

Below :mod:`zitat_client.claims`, :mod:`zitat_client.client` and :mod:`zitat_client.aio`, which
all build documents (extraction and ingest take the same documents) and timestamps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp
from zitat_proto.v1 import quotes_pb2

Metadata = Sequence[tuple[str, str]]
DocumentItem = str | Mapping[str, Any]


def timestamp(value: dt.datetime | dt.date) -> Timestamp:
    """A ``google.protobuf.Timestamp``; a date is taken as midnight UTC, a naive datetime as UTC
    (protobuf's convention)."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc)
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def build_request(
    text: str = "",
    sentences: Sequence[Sequence[str]] | None = None,
    *,
    id: str = "",
    title: str = "",
    outlet: str = "",
    url: str = "",
    published_at: dt.datetime | dt.date | None = None,
    request_id: str = "",
) -> quotes_pb2.ExtractQuotesRequest:
    """One ``ExtractQuotesRequest`` from raw ``text`` or pre-tokenised ``sentences``."""
    if text and sentences:
        raise ValueError("give either text or sentences, not both")
    document = quotes_pb2.Document(
        id=id, text=text, title=title, outlet=outlet, url=url,
        sentences=[quotes_pb2.Sentence(tokens=list(tokens)) for tokens in sentences or ()],
    )
    if published_at is not None:
        document.published_at.CopyFrom(timestamp(published_at))
    return quotes_pb2.ExtractQuotesRequest(document=document, request_id=request_id)


def request_from_item(item: DocumentItem) -> quotes_pb2.ExtractQuotesRequest:
    """A text, or a mapping with the keyword arguments of :func:`build_request`."""
    if isinstance(item, str):
        return build_request(item)
    return build_request(**item)
