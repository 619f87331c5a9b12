"""Client library for the zitat quote-attribution service."""

from zitat_client.aio import AsyncClient
from zitat_client.client import Client
from zitat_client.errors import (
    Cancelled,
    DeadlineExceeded,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    ServerError,
    Unauthenticated,
    Unavailable,
    Unimplemented,
    ZitatError,
)
from zitat_client.models import (
    Component,
    DocumentError,
    Extraction,
    ModelInfo,
    Quote,
    Span,
    Speaker,
    Timing,
)

__version__ = "0.1.0"

__all__ = [
    "AsyncClient",
    "Cancelled",
    "Client",
    "Component",
    "DeadlineExceeded",
    "DocumentError",
    "Extraction",
    "FieldViolation",
    "InvalidArgument",
    "ModelInfo",
    "NotFound",
    "PermissionDenied",
    "Quote",
    "ResourceExhausted",
    "ServerError",
    "Span",
    "Speaker",
    "Timing",
    "Unauthenticated",
    "Unavailable",
    "Unimplemented",
    "ZitatError",
    "__version__",
]
