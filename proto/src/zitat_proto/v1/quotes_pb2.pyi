import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Form(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FORM_UNSPECIFIED: _ClassVar[Form]
    FORM_DIRECT: _ClassVar[Form]
    FORM_INDIRECT: _ClassVar[Form]
    FORM_FREE_INDIRECT: _ClassVar[Form]
    FORM_INDIRECT_FREE_INDIRECT: _ClassVar[Form]
    FORM_REPORTED: _ClassVar[Form]

class Medium(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MEDIUM_UNSPECIFIED: _ClassVar[Medium]
    MEDIUM_SPEECH: _ClassVar[Medium]
    MEDIUM_WRITING: _ClassVar[Medium]
    MEDIUM_THOUGHT: _ClassVar[Medium]
    MEDIUM_SPEECH_WRITING: _ClassVar[Medium]
    MEDIUM_SPEECH_THOUGHT: _ClassVar[Medium]
    MEDIUM_THOUGHT_WRITING: _ClassVar[Medium]

class SpeakerType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SPEAKER_TYPE_UNSPECIFIED: _ClassVar[SpeakerType]
    SPEAKER_TYPE_PERSON: _ClassVar[SpeakerType]
    SPEAKER_TYPE_ORGANIZATION: _ClassVar[SpeakerType]
    SPEAKER_TYPE_MEDIA: _ClassVar[SpeakerType]
    SPEAKER_TYPE_GROUP: _ClassVar[SpeakerType]
FORM_UNSPECIFIED: Form
FORM_DIRECT: Form
FORM_INDIRECT: Form
FORM_FREE_INDIRECT: Form
FORM_INDIRECT_FREE_INDIRECT: Form
FORM_REPORTED: Form
MEDIUM_UNSPECIFIED: Medium
MEDIUM_SPEECH: Medium
MEDIUM_WRITING: Medium
MEDIUM_THOUGHT: Medium
MEDIUM_SPEECH_WRITING: Medium
MEDIUM_SPEECH_THOUGHT: Medium
MEDIUM_THOUGHT_WRITING: Medium
SPEAKER_TYPE_UNSPECIFIED: SpeakerType
SPEAKER_TYPE_PERSON: SpeakerType
SPEAKER_TYPE_ORGANIZATION: SpeakerType
SPEAKER_TYPE_MEDIA: SpeakerType
SPEAKER_TYPE_GROUP: SpeakerType

class Document(_message.Message):
    __slots__ = ("id", "text", "sentences", "title", "outlet", "url", "published_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    sentences: _containers.RepeatedCompositeFieldContainer[Sentence]
    title: str
    outlet: str
    url: str
    published_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., sentences: _Optional[_Iterable[_Union[Sentence, _Mapping]]] = ..., title: _Optional[str] = ..., outlet: _Optional[str] = ..., url: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Sentence(_message.Message):
    __slots__ = ("tokens",)
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    tokens: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, tokens: _Optional[_Iterable[str]] = ...) -> None: ...

class Span(_message.Message):
    __slots__ = ("start", "end", "text")
    START_FIELD_NUMBER: _ClassVar[int]
    END_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    start: int
    end: int
    text: str
    def __init__(self, start: _Optional[int] = ..., end: _Optional[int] = ..., text: _Optional[str] = ...) -> None: ...

class Speaker(_message.Message):
    __slots__ = ("entity_id", "canonical_name", "roles", "mentions", "type", "qualifier", "anonymous", "affiliation_id")
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    CANONICAL_NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    MENTIONS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    QUALIFIER_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUS_FIELD_NUMBER: _ClassVar[int]
    AFFILIATION_ID_FIELD_NUMBER: _ClassVar[int]
    entity_id: str
    canonical_name: str
    roles: _containers.RepeatedScalarFieldContainer[str]
    mentions: _containers.RepeatedCompositeFieldContainer[Span]
    type: SpeakerType
    qualifier: str
    anonymous: bool
    affiliation_id: str
    def __init__(self, entity_id: _Optional[str] = ..., canonical_name: _Optional[str] = ..., roles: _Optional[_Iterable[str]] = ..., mentions: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., type: _Optional[_Union[SpeakerType, str]] = ..., qualifier: _Optional[str] = ..., anonymous: _Optional[bool] = ..., affiliation_id: _Optional[str] = ...) -> None: ...

class Quote(_message.Message):
    __slots__ = ("message", "form", "medium", "cue", "source", "addressee", "speaker", "confidence", "origin", "parent", "speaker_id", "unresolved_reason")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    MEDIUM_FIELD_NUMBER: _ClassVar[int]
    CUE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ADDRESSEE_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ORIGIN_FIELD_NUMBER: _ClassVar[int]
    PARENT_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_ID_FIELD_NUMBER: _ClassVar[int]
    UNRESOLVED_REASON_FIELD_NUMBER: _ClassVar[int]
    message: _containers.RepeatedCompositeFieldContainer[Span]
    form: Form
    medium: Medium
    cue: _containers.RepeatedCompositeFieldContainer[Span]
    source: Span
    addressee: Span
    speaker: Speaker
    confidence: float
    origin: str
    parent: int
    speaker_id: str
    unresolved_reason: str
    def __init__(self, message: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., form: _Optional[_Union[Form, str]] = ..., medium: _Optional[_Union[Medium, str]] = ..., cue: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., source: _Optional[_Union[Span, _Mapping]] = ..., addressee: _Optional[_Union[Span, _Mapping]] = ..., speaker: _Optional[_Union[Speaker, _Mapping]] = ..., confidence: _Optional[float] = ..., origin: _Optional[str] = ..., parent: _Optional[int] = ..., speaker_id: _Optional[str] = ..., unresolved_reason: _Optional[str] = ...) -> None: ...

class ExtractQuotesRequest(_message.Message):
    __slots__ = ("document", "request_id")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    document: Document
    request_id: str
    def __init__(self, document: _Optional[_Union[Document, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class Timing(_message.Message):
    __slots__ = ("queue_ms", "processing_ms")
    QUEUE_MS_FIELD_NUMBER: _ClassVar[int]
    PROCESSING_MS_FIELD_NUMBER: _ClassVar[int]
    queue_ms: float
    processing_ms: float
    def __init__(self, queue_ms: _Optional[float] = ..., processing_ms: _Optional[float] = ...) -> None: ...

class DocumentError(_message.Message):
    __slots__ = ("code", "message", "field")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    code: int
    message: str
    field: str
    def __init__(self, code: _Optional[int] = ..., message: _Optional[str] = ..., field: _Optional[str] = ...) -> None: ...

class ExtractQuotesResponse(_message.Message):
    __slots__ = ("document_id", "request_id", "quotes", "speakers", "text", "sentences", "pipeline_version", "timing", "error")
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    QUOTES_FIELD_NUMBER: _ClassVar[int]
    SPEAKERS_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SENTENCES_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_VERSION_FIELD_NUMBER: _ClassVar[int]
    TIMING_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    document_id: str
    request_id: str
    quotes: _containers.RepeatedCompositeFieldContainer[Quote]
    speakers: _containers.RepeatedCompositeFieldContainer[Speaker]
    text: str
    sentences: _containers.RepeatedCompositeFieldContainer[Span]
    pipeline_version: str
    timing: Timing
    error: DocumentError
    def __init__(self, document_id: _Optional[str] = ..., request_id: _Optional[str] = ..., quotes: _Optional[_Iterable[_Union[Quote, _Mapping]]] = ..., speakers: _Optional[_Iterable[_Union[Speaker, _Mapping]]] = ..., text: _Optional[str] = ..., sentences: _Optional[_Iterable[_Union[Span, _Mapping]]] = ..., pipeline_version: _Optional[str] = ..., timing: _Optional[_Union[Timing, _Mapping]] = ..., error: _Optional[_Union[DocumentError, _Mapping]] = ...) -> None: ...

class GetModelInfoRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Component(_message.Message):
    __slots__ = ("name", "version", "kind", "description", "license", "scores")
    class ScoresEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LICENSE_FIELD_NUMBER: _ClassVar[int]
    SCORES_FIELD_NUMBER: _ClassVar[int]
    name: str
    version: str
    kind: str
    description: str
    license: str
    scores: _containers.ScalarMap[str, float]
    def __init__(self, name: _Optional[str] = ..., version: _Optional[str] = ..., kind: _Optional[str] = ..., description: _Optional[str] = ..., license: _Optional[str] = ..., scores: _Optional[_Mapping[str, float]] = ...) -> None: ...

class GetModelInfoResponse(_message.Message):
    __slots__ = ("pipeline_version", "components", "max_document_bytes")
    PIPELINE_VERSION_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    MAX_DOCUMENT_BYTES_FIELD_NUMBER: _ClassVar[int]
    pipeline_version: str
    components: _containers.RepeatedCompositeFieldContainer[Component]
    max_document_bytes: int
    def __init__(self, pipeline_version: _Optional[str] = ..., components: _Optional[_Iterable[_Union[Component, _Mapping]]] = ..., max_document_bytes: _Optional[int] = ...) -> None: ...
