"""Typed, immutable results of the zitat API.

The dataclasses mirror the response messages of ``proto/zitat/v1/quotes.proto`` field for
field, so that callers never handle raw ``pb2`` objects. One generic converter
(:meth:`Model.from_pb`) walks the protobuf descriptor instead of hand-written per-class copies,
so a field added to the proto only needs a field added here (``tests/test_client.py`` checks
that the two stay in sync). Repeated fields become tuples so that results cannot be changed
by accident after they are shared between threads.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from google.protobuf.descriptor import Descriptor, EnumDescriptor, FieldDescriptor
from google.protobuf.message import Message

from zitat_client.errors import from_document_error

M = TypeVar("M", bound="Model")

#: Full proto name -> model class, filled by ``Model.__init_subclass__``.
_REGISTRY: dict[str, type[Model]] = {}


class Model:
    """Base of the result dataclasses: generic conversion from protobuf and to JSON-able dicts."""

    PROTO: ClassVar[str]

    def __init_subclass__(cls, proto: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if proto:
            cls.PROTO = proto
            _REGISTRY[proto] = cls

    @classmethod
    def from_pb(cls: type[M], msg: Message) -> M:
        """Build the model from its protobuf message (the names of the fields are the same)."""
        if msg.DESCRIPTOR.full_name != cls.PROTO:
            raise TypeError(f"{cls.__name__} is built from {cls.PROTO}, not {msg.DESCRIPTOR.full_name}")
        fields = msg.DESCRIPTOR.fields_by_name
        values = {f.name: _field_value(msg, fields[f.name]) for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able dict with the proto's (snake_case) field names; unset messages are ``None``."""
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}  # type: ignore[arg-type]


def _field_value(msg: Message, fd: FieldDescriptor) -> Any:
    value = getattr(msg, fd.name)
    if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
        value_fd = fd.message_type.fields_by_name["value"]
        return {k: _single(v, value_fd) for k, v in value.items()}
    if fd.is_repeated:
        return tuple(_single(v, fd) for v in value)
    if fd.message_type is not None and not msg.HasField(fd.name):
        return None
    return _single(value, fd)


def _single(value: Any, fd: FieldDescriptor) -> Any:
    if fd.type == FieldDescriptor.TYPE_MESSAGE:
        return _model_for(fd.message_type).from_pb(value)
    if fd.type == FieldDescriptor.TYPE_ENUM:
        return enum_name(fd.enum_type, value)
    if fd.type == FieldDescriptor.TYPE_FLOAT:
        # float32 on the wire: 0.9 arrives as 0.8999999761581421; keep the digits it really has.
        return float(f"{value:.7g}")
    return value


def _model_for(descriptor: Descriptor) -> type[Model]:
    try:
        return _REGISTRY[descriptor.full_name]
    except KeyError:
        raise TypeError(f"no model class for {descriptor.full_name}") from None


def enum_name(enum: EnumDescriptor, number: int) -> str:
    """``FORM_DIRECT`` -> ``"DIRECT"``: the value's name without the enum's prefix.

    Numbers unknown to this client (a newer server) come back as their decimal string rather
    than failing the whole response.
    """
    value = enum.values_by_number.get(number)
    if value is None:
        return str(number)
    prefix = re.sub(r"(?<!^)(?=[A-Z])", "_", enum.name).upper() + "_"
    return value.name.removeprefix(prefix)


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclasses.dataclass(frozen=True)
class Span(Model, proto="zitat.v1.Span"):
    """A piece of the document text; offsets are code points (Python ``str`` indices)."""

    start: int
    end: int
    text: str


@dataclasses.dataclass(frozen=True)
class Speaker(Model, proto="zitat.v1.Speaker"):
    """The holder a source mention resolves to; ``entity_id`` is stable within one response.

    ``type`` is ``"PERSON"``, ``"ORGANIZATION"``, ``"MEDIA"`` or ``"GROUP"``.
    """

    entity_id: str
    canonical_name: str
    roles: tuple[str, ...]
    mentions: tuple[Span, ...]
    type: str
    qualifier: str
    anonymous: bool
    affiliation_id: str


@dataclasses.dataclass(frozen=True)
class Quote(Model, proto="zitat.v1.Quote"):
    """One quotation; ``form``/``medium`` are enum names without prefix, e.g. ``"DIRECT"``.

    ``speaker`` is the entry of ``Extraction.speakers`` that ``speaker_id`` names (joined by
    the client; the wire carries the id only).
    """

    message: tuple[Span, ...]
    form: str
    medium: str
    cue: tuple[Span, ...]
    source: Span | None
    addressee: Span | None
    speaker: Speaker | None
    confidence: float
    origin: str
    parent: int
    speaker_id: str
    unresolved_reason: str


@dataclasses.dataclass(frozen=True)
class Timing(Model, proto="zitat.v1.Timing"):
    """Server-side milliseconds waiting and processing."""

    queue_ms: float
    processing_ms: float


@dataclasses.dataclass(frozen=True)
class DocumentError(Model, proto="zitat.v1.DocumentError"):
    """Why one document of a stream failed; ``code`` is a google.rpc.Code number."""

    code: int
    message: str
    field: str


@dataclasses.dataclass(frozen=True)
class Extraction(Model, proto="zitat.v1.ExtractQuotesResponse"):
    """The quotes and speakers of one document (an ``ExtractQuotesResponse``).

    ``error`` is only ever set for documents of :meth:`Client.extract_many`; call
    :meth:`raise_for_error` to turn it into the matching :class:`~zitat_client.errors.ZitatError`.
    """

    document_id: str
    request_id: str
    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    text: str
    sentences: tuple[Span, ...]
    pipeline_version: str
    timing: Timing | None
    error: DocumentError | None

    @classmethod
    def from_pb(cls, msg: Message) -> Extraction:
        """Also gives each quote its resolved :class:`Speaker` (``quote.speaker``): the server
        lists each speaker once and quotes refer to it by ``speaker_id``."""
        result = super().from_pb(msg)
        by_id = {s.entity_id: s for s in result.speakers}
        if not by_id or all(q.speaker is not None or not q.speaker_id for q in result.quotes):
            return result
        quotes = tuple(
            dataclasses.replace(q, speaker=by_id[q.speaker_id])
            if q.speaker is None and q.speaker_id in by_id else q
            for q in result.quotes
        )
        return dataclasses.replace(result, quotes=quotes)

    @property
    def ok(self) -> bool:
        """True unless the server reported an error for this document."""
        return self.error is None

    def raise_for_error(self) -> Extraction:
        """Raise the mapped :class:`ZitatError` if the document failed, else return ``self``."""
        if self.error is not None:
            raise from_document_error(self.error.code, self.error.message, self.error.field, self.document_id)
        return self


@dataclasses.dataclass(frozen=True)
class Component(Model, proto="zitat.v1.Component"):
    """One pipeline component; ``scores`` and ``license`` are only set for trained models."""

    name: str
    version: str
    kind: str
    description: str
    license: str
    scores: dict[str, float]


@dataclasses.dataclass(frozen=True)
class ModelInfo(Model, proto="zitat.v1.GetModelInfoResponse"):
    """The answering pipeline: version, components and the largest accepted document."""

    pipeline_version: str
    components: tuple[Component, ...]
    max_document_bytes: int
