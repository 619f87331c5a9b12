"""Bearer tokens with a scope: who may call which method. No gRPC here, so that the HTTP
gateway can check a request with the same table and rules.

The token file has one ``TOKEN SCOPE`` a line (``read`` or ``write``; write implies read;
``#`` starts a comment). Every method except the health service needs a token; the methods
that change the claim store need ``write``. Tokens are kept only as SHA-256 digests and
compared in constant time against every entry, so neither the comparison's time nor a log
line tells anything about them.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
from dataclasses import dataclass
from pathlib import Path

#: Services anyone may call: load balancers and orchestrators probe health without secrets.
OPEN_SERVICES = frozenset({"grpc.health.v1.Health"})

#: Methods that change the claim store.
WRITE_METHODS = frozenset(
    f"/zitat.v1.ClaimService/{m}" for m in ("IngestDocuments", "DeleteDocument", "MergeSpeakers", "SplitSpeaker")
)


class Scope(enum.IntEnum):
    READ = 1
    WRITE = 2  # write implies read


class AuthError(Exception):
    """Refused: ``permission`` False means not authenticated (UNAUTHENTICATED), True means
    authenticated but not allowed (PERMISSION_DENIED)."""

    def __init__(self, message: str, *, permission: bool) -> None:
        super().__init__(message)
        self.permission = permission


class TokenFileError(ValueError):
    """The token file cannot be used; the message names the line, never the token."""


def required_scope(method: str) -> Scope | None:
    """The scope a gRPC method (``/package.Service/Method``) needs; None when it is open."""
    service = method.lstrip("/").split("/", 1)[0]
    if service in OPEN_SERVICES:
        return None
    return Scope.WRITE if method in WRITE_METHODS else Scope.READ


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


@dataclass(frozen=True)
class TokenTable:
    entries: tuple[tuple[bytes, Scope], ...]

    @classmethod
    def parse(cls, text: str) -> TokenTable:
        entries = []
        for number, line in enumerate(text.splitlines(), 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2 or parts[1].lower() not in ("read", "write"):
                raise TokenFileError(f"line {number}: expected 'TOKEN read' or 'TOKEN write'")
            entries.append((_digest(parts[0]), Scope[parts[1].upper()]))
        if not entries:
            raise TokenFileError("no tokens")
        return cls(tuple(entries))

    @classmethod
    def load(cls, path: str | Path) -> TokenTable:
        return cls.parse(Path(path).read_text(encoding="utf-8"))

    def scope_of(self, token: str) -> Scope | None:
        """The token's scope, None if unknown; looks at every entry whatever matches."""
        digest = _digest(token)
        found: Scope | None = None
        for known, scope in self.entries:
            if hmac.compare_digest(digest, known) and (found is None or scope > found):
                found = scope
        return found

    def authorize(self, authorization: str | None, needed: Scope | None) -> Scope | None:
        """Check an ``authorization`` header value (``Bearer TOKEN``) for a method needing
        ``needed``; return the token's scope or raise :class:`AuthError`."""
        if needed is None:
            return None
        scheme, _, token = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("missing bearer token (authorization: Bearer TOKEN)", permission=False)
        scope = self.scope_of(token.strip())
        if scope is None:
            raise AuthError("unknown token", permission=False)
        if scope < needed:
            raise AuthError(f"this token may not call methods that need {needed.name.lower()} access",
                            permission=True)
        return scope
