"""Which texts the pipeline takes: not empty, and at most a size limit in UTF-8 bytes.

The server answers a refused text with INVALID_ARGUMENT and a batch run writes it to its
errors file; both ask :func:`text_problem`, so they refuse the same texts for the same reasons.
"""

from __future__ import annotations

#: Largest accepted document, in UTF-8 bytes (the server's ``--max-document-bytes`` default, a
#: batch run's too). A long news article is 50–100 KB (the longest of the 1,028 DER STANDARD
#: articles in data/ is 33 KB, the longest Bundestag speech 25 KB); 128 KiB takes those with
#: room to spare and halves what the worst input shape can cost compared with 256 KiB (token-
#: and cue-dense text still costs the taggers up to ~20x news per KB: benchmarks/latency.py --shapes).
DEFAULT_MAX_DOCUMENT_BYTES = 128 * 1024


def text_problem(text: str, max_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES) -> str | None:
    """Why ``text`` cannot be processed, or None when it can."""
    if not text.strip():
        return "text is empty"
    size = len(text.encode())
    if size > max_bytes:
        return f"text is {size} bytes; the limit is {max_bytes}"
    return None
