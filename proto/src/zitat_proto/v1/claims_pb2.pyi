import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from zitat_proto.v1 import quotes_pb2 as _quotes_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class IngestStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INGEST_STATUS_UNSPECIFIED: _ClassVar[IngestStatus]
    INGEST_STATUS_CREATED: _ClassVar[IngestStatus]
    INGEST_STATUS_UPDATED: _ClassVar[IngestStatus]
    INGEST_STATUS_UNCHANGED: _ClassVar[IngestStatus]
    INGEST_STATUS_FAILED: _ClassVar[IngestStatus]

class LinkKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LINK_KIND_UNSPECIFIED: _ClassVar[LinkKind]
    LINK_KIND_NEAR_DUPLICATE: _ClassVar[LinkKind]
    LINK_KIND_DIRECT_INDIRECT: _ClassVar[LinkKind]
INGEST_STATUS_UNSPECIFIED: IngestStatus
INGEST_STATUS_CREATED: IngestStatus
INGEST_STATUS_UPDATED: IngestStatus
INGEST_STATUS_UNCHANGED: IngestStatus
INGEST_STATUS_FAILED: IngestStatus
LINK_KIND_UNSPECIFIED: LinkKind
LINK_KIND_NEAR_DUPLICATE: LinkKind
LINK_KIND_DIRECT_INDIRECT: LinkKind

class IngestDocumentsRequest(_message.Message):
    __slots__ = ("document", "request_id")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    document: _quotes_pb2.Document
    request_id: str
    def __init__(self, document: _Optional[_Union[_quotes_pb2.Document, _Mapping]] = ..., request_id: _Optional[str] = ...) -> None: ...

class IngestDocumentsResponse(_message.Message):
    __slots__ = ("document_id", "request_id", "status", "claim_count", "pipeline_version", "error")
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CLAIM_COUNT_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_VERSION_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    document_id: str
    request_id: str
    status: IngestStatus
    claim_count: int
    pipeline_version: str
    error: _quotes_pb2.DocumentError
    def __init__(self, document_id: _Optional[str] = ..., request_id: _Optional[str] = ..., status: _Optional[_Union[IngestStatus, str]] = ..., claim_count: _Optional[int] = ..., pipeline_version: _Optional[str] = ..., error: _Optional[_Union[_quotes_pb2.DocumentError, _Mapping]] = ...) -> None: ...

class DeleteDocumentRequest(_message.Message):
    __slots__ = ("document_id",)
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    document_id: str
    def __init__(self, document_id: _Optional[str] = ...) -> None: ...

class DeleteDocumentResponse(_message.Message):
    __slots__ = ("deleted_claims",)
    DELETED_CLAIMS_FIELD_NUMBER: _ClassVar[int]
    deleted_claims: int
    def __init__(self, deleted_claims: _Optional[int] = ...) -> None: ...

class SpeakerRole(_message.Message):
    __slots__ = ("role", "first_seen", "last_seen", "document_count")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    FIRST_SEEN_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    role: str
    first_seen: _timestamp_pb2.Timestamp
    last_seen: _timestamp_pb2.Timestamp
    document_count: int
    def __init__(self, role: _Optional[str] = ..., first_seen: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_seen: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., document_count: _Optional[int] = ...) -> None: ...

class SpeakerSummary(_message.Message):
    __slots__ = ("id", "name", "aliases", "roles", "claim_count", "first_seen", "last_seen", "type", "qualifier")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CLAIM_COUNT_FIELD_NUMBER: _ClassVar[int]
    FIRST_SEEN_FIELD_NUMBER: _ClassVar[int]
    LAST_SEEN_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    QUALIFIER_FIELD_NUMBER: _ClassVar[int]
    id: int
    name: str
    aliases: _containers.RepeatedScalarFieldContainer[str]
    roles: _containers.RepeatedCompositeFieldContainer[SpeakerRole]
    claim_count: int
    first_seen: _timestamp_pb2.Timestamp
    last_seen: _timestamp_pb2.Timestamp
    type: _quotes_pb2.SpeakerType
    qualifier: str
    def __init__(self, id: _Optional[int] = ..., name: _Optional[str] = ..., aliases: _Optional[_Iterable[str]] = ..., roles: _Optional[_Iterable[_Union[SpeakerRole, _Mapping]]] = ..., claim_count: _Optional[int] = ..., first_seen: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_seen: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., type: _Optional[_Union[_quotes_pb2.SpeakerType, str]] = ..., qualifier: _Optional[str] = ...) -> None: ...

class StoredClaim(_message.Message):
    __slots__ = ("id", "document_id", "outlet", "url", "title", "published_at", "speaker_id", "speaker_name", "source", "text", "message", "form", "medium", "cue", "confidence", "pipeline_version", "cluster_id", "speaker_type", "speaker_qualifier", "anonymous", "source_role", "unresolved_reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PUBLISHED_AT_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_ID_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_NAME_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    MEDIUM_FIELD_NUMBER: _ClassVar[int]
    CUE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    PIPELINE_VERSION_FIELD_NUMBER: _ClassVar[int]
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_TYPE_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_QUALIFIER_FIELD_NUMBER: _ClassVar[int]
    ANONYMOUS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ROLE_FIELD_NUMBER: _ClassVar[int]
    UNRESOLVED_REASON_FIELD_NUMBER: _ClassVar[int]
    id: int
    document_id: str
    outlet: str
    url: str
    title: str
    published_at: _timestamp_pb2.Timestamp
    speaker_id: int
    speaker_name: str
    source: _quotes_pb2.Span
    text: str
    message: _containers.RepeatedCompositeFieldContainer[_quotes_pb2.Span]
    form: _quotes_pb2.Form
    medium: _quotes_pb2.Medium
    cue: _containers.RepeatedCompositeFieldContainer[_quotes_pb2.Span]
    confidence: float
    pipeline_version: str
    cluster_id: int
    speaker_type: _quotes_pb2.SpeakerType
    speaker_qualifier: str
    anonymous: bool
    source_role: str
    unresolved_reason: str
    def __init__(self, id: _Optional[int] = ..., document_id: _Optional[str] = ..., outlet: _Optional[str] = ..., url: _Optional[str] = ..., title: _Optional[str] = ..., published_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., speaker_id: _Optional[int] = ..., speaker_name: _Optional[str] = ..., source: _Optional[_Union[_quotes_pb2.Span, _Mapping]] = ..., text: _Optional[str] = ..., message: _Optional[_Iterable[_Union[_quotes_pb2.Span, _Mapping]]] = ..., form: _Optional[_Union[_quotes_pb2.Form, str]] = ..., medium: _Optional[_Union[_quotes_pb2.Medium, str]] = ..., cue: _Optional[_Iterable[_Union[_quotes_pb2.Span, _Mapping]]] = ..., confidence: _Optional[float] = ..., pipeline_version: _Optional[str] = ..., cluster_id: _Optional[int] = ..., speaker_type: _Optional[_Union[_quotes_pb2.SpeakerType, str]] = ..., speaker_qualifier: _Optional[str] = ..., anonymous: _Optional[bool] = ..., source_role: _Optional[str] = ..., unresolved_reason: _Optional[str] = ...) -> None: ...

class ListSpeakersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "name_contains", "type")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    NAME_CONTAINS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    name_contains: str
    type: _quotes_pb2.SpeakerType
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., name_contains: _Optional[str] = ..., type: _Optional[_Union[_quotes_pb2.SpeakerType, str]] = ...) -> None: ...

class ListSpeakersResponse(_message.Message):
    __slots__ = ("speakers", "next_page_token")
    SPEAKERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    speakers: _containers.RepeatedCompositeFieldContainer[SpeakerSummary]
    next_page_token: str
    def __init__(self, speakers: _Optional[_Iterable[_Union[SpeakerSummary, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetSpeakerRequest(_message.Message):
    __slots__ = ("speaker_id", "timeline_limit")
    SPEAKER_ID_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    speaker_id: int
    timeline_limit: int
    def __init__(self, speaker_id: _Optional[int] = ..., timeline_limit: _Optional[int] = ...) -> None: ...

class GetSpeakerResponse(_message.Message):
    __slots__ = ("speaker", "timeline")
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    TIMELINE_FIELD_NUMBER: _ClassVar[int]
    speaker: SpeakerSummary
    timeline: _containers.RepeatedCompositeFieldContainer[StoredClaim]
    def __init__(self, speaker: _Optional[_Union[SpeakerSummary, _Mapping]] = ..., timeline: _Optional[_Iterable[_Union[StoredClaim, _Mapping]]] = ...) -> None: ...

class SearchClaimsRequest(_message.Message):
    __slots__ = ("speaker_id", "speaker_name", "query", "outlet", "since", "until", "page_size", "page_token", "document_id", "speaker_type")
    SPEAKER_ID_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_NAME_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    OUTLET_FIELD_NUMBER: _ClassVar[int]
    SINCE_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SPEAKER_TYPE_FIELD_NUMBER: _ClassVar[int]
    speaker_id: int
    speaker_name: str
    query: str
    outlet: str
    since: _timestamp_pb2.Timestamp
    until: _timestamp_pb2.Timestamp
    page_size: int
    page_token: str
    document_id: str
    speaker_type: _quotes_pb2.SpeakerType
    def __init__(self, speaker_id: _Optional[int] = ..., speaker_name: _Optional[str] = ..., query: _Optional[str] = ..., outlet: _Optional[str] = ..., since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., until: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., document_id: _Optional[str] = ..., speaker_type: _Optional[_Union[_quotes_pb2.SpeakerType, str]] = ...) -> None: ...

class SearchClaimsResponse(_message.Message):
    __slots__ = ("claims", "next_page_token")
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    claims: _containers.RepeatedCompositeFieldContainer[StoredClaim]
    next_page_token: str
    def __init__(self, claims: _Optional[_Iterable[_Union[StoredClaim, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetClaimClusterRequest(_message.Message):
    __slots__ = ("claim_id",)
    CLAIM_ID_FIELD_NUMBER: _ClassVar[int]
    claim_id: int
    def __init__(self, claim_id: _Optional[int] = ...) -> None: ...

class ClaimLink(_message.Message):
    __slots__ = ("claim_id_a", "claim_id_b", "kind", "score")
    CLAIM_ID_A_FIELD_NUMBER: _ClassVar[int]
    CLAIM_ID_B_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    claim_id_a: int
    claim_id_b: int
    kind: LinkKind
    score: float
    def __init__(self, claim_id_a: _Optional[int] = ..., claim_id_b: _Optional[int] = ..., kind: _Optional[_Union[LinkKind, str]] = ..., score: _Optional[float] = ...) -> None: ...

class GetClaimClusterResponse(_message.Message):
    __slots__ = ("cluster_id", "first_appearance", "claims", "links")
    CLUSTER_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_APPEARANCE_FIELD_NUMBER: _ClassVar[int]
    CLAIMS_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    cluster_id: int
    first_appearance: StoredClaim
    claims: _containers.RepeatedCompositeFieldContainer[StoredClaim]
    links: _containers.RepeatedCompositeFieldContainer[ClaimLink]
    def __init__(self, cluster_id: _Optional[int] = ..., first_appearance: _Optional[_Union[StoredClaim, _Mapping]] = ..., claims: _Optional[_Iterable[_Union[StoredClaim, _Mapping]]] = ..., links: _Optional[_Iterable[_Union[ClaimLink, _Mapping]]] = ...) -> None: ...

class MergeSpeakersRequest(_message.Message):
    __slots__ = ("target_speaker_id", "source_speaker_ids", "name")
    TARGET_SPEAKER_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SPEAKER_IDS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    target_speaker_id: int
    source_speaker_ids: _containers.RepeatedScalarFieldContainer[int]
    name: str
    def __init__(self, target_speaker_id: _Optional[int] = ..., source_speaker_ids: _Optional[_Iterable[int]] = ..., name: _Optional[str] = ...) -> None: ...

class MergeSpeakersResponse(_message.Message):
    __slots__ = ("speaker",)
    SPEAKER_FIELD_NUMBER: _ClassVar[int]
    speaker: SpeakerSummary
    def __init__(self, speaker: _Optional[_Union[SpeakerSummary, _Mapping]] = ...) -> None: ...

class SplitSpeakerRequest(_message.Message):
    __slots__ = ("speaker_id", "aliases", "document_ids", "name")
    SPEAKER_ID_FIELD_NUMBER: _ClassVar[int]
    ALIASES_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    speaker_id: int
    aliases: _containers.RepeatedScalarFieldContainer[str]
    document_ids: _containers.RepeatedScalarFieldContainer[str]
    name: str
    def __init__(self, speaker_id: _Optional[int] = ..., aliases: _Optional[_Iterable[str]] = ..., document_ids: _Optional[_Iterable[str]] = ..., name: _Optional[str] = ...) -> None: ...

class SplitSpeakerResponse(_message.Message):
    __slots__ = ("original", "created", "moved_claims")
    ORIGINAL_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MOVED_CLAIMS_FIELD_NUMBER: _ClassVar[int]
    original: SpeakerSummary
    created: SpeakerSummary
    moved_claims: int
    def __init__(self, original: _Optional[_Union[SpeakerSummary, _Mapping]] = ..., created: _Optional[_Union[SpeakerSummary, _Mapping]] = ..., moved_claims: _Optional[int] = ...) -> None: ...
