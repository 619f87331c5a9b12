"""Which texts the pipeline takes: not empty, and at most a size limit in UTF-8 bytes.

The server answers a refused text with INVALID_ARGUMENT and a batch run writes it to its
errors file; both ask :func:`text_problem`, so they refuse the same texts for the same reasons.
"""

from __future__ import annotations

#: Largest accepted document, in UTF-8 bytes (the server's ``--max-document-bytes`` default).
DEFAULT_MAX_DOCUMENT_BYTES = 1_000_000


def text_problem(text: str, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> str | None:
    """Why ``text`` cannot be processed, or None when it can."""
    if not text.strip():
        return "text is empty"
    size = len(text.encode())
    if size > max_bytes:
        return f"text is {size} bytes; the limit is {max_bytes}"
    return None
