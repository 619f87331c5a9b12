"""The SpkAtt-2023 task JSON format: reading files, rebuilding their text, mapping spans back.

A task file holds pre-tokenised ``Sentences[i].Tokens`` (spaCy tokenisation) and annotations
whose spans are lists of ``"sentence:token"`` ids. The service works on running text, so
:func:`detokenize` rebuilds the text an article would have had and remembers where every token
lies; :func:`tokens_for_span` maps predicted character spans back to token ids for scoring.

It lives in the client package because the CLI ingests task-format files, and therefore uses
the standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any

__all__ = ["TaskDocument", "load", "detokenize", "tokens_for_span", "dev_split", "DEV_PERCENT"]

Offsets = list[list[tuple[int, int]]]

# "10022 - Der Astronaut Neil Armstrong wird heute 75 Jahre alt (2005-08-05)"
_DATE_RE = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)\s*$")


@dataclass(slots=True)
class TaskDocument:
    """One task file. ``annotations`` stay raw dicts: news and parliament use different roles."""

    name: str
    document_name: str | None
    sentences: list[list[str]]
    annotations: list[dict[str, Any]] = field(default_factory=list)
    date: date | None = None


def _parse_date(document_name: str | None) -> date | None:
    """The publication date WikiNews puts at the end of the document name, if valid."""
    if not document_name:
        return None
    m = _DATE_RE.search(document_name)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def load(path: str | os.PathLike[str]) -> TaskDocument:
    """Read one task JSON file (news or parliament, labelled or not)."""
    p = Path(path)
    with p.open(encoding="utf-8") as f:
        raw = json.load(f)
    document_name = raw.get("DocumentName")
    return TaskDocument(
        name=p.stem,
        document_name=document_name,
        sentences=[list(s["Tokens"]) for s in raw["Sentences"]],
        annotations=list(raw.get("Annotations", [])),
        date=_parse_date(document_name),
    )


# --- detokenisation -----------------------------------------------------------------------------

# Attached to the previous token: closing punctuation and closing quotation marks.
_NO_SPACE_BEFORE = frozenset([",", ".", ";", ":", "!", "?", ")", "]", "}", "“", "”", "‘", "’", "%", "…", "...", "/"])
# The next token attaches to these: opening brackets and opening quotation marks.
_NO_SPACE_AFTER = frozenset(["„", "(", "[", "{", "‚", "/", "¿", "¡"])
# Straight quotes look the same open and closed: every odd one opens, every even one closes.
_STRAIGHT_QUOTES = frozenset(['"', "''", "'"])
_GUILLEMETS = {"»": "«", "«": "»"}


def detokenize(sentences: list[list[str]]) -> tuple[str, Offsets]:
    """Rebuild article text from tokens, as a news article would be typeset.

    Returns the text and, for every token, its ``[start, end)`` code-point offsets, so that
    ``text[start:end] == token``. Sentences are joined with one space. German quotation marks
    („…“ ‚…‘) hug their content; straight quotes open and close by parity; guillemets pair in
    whichever direction the document uses (»…« or «…»); dashes keep their spaces.
    """
    parts: list[str] = []
    offsets: Offsets = []
    pos = 0
    glue_next = True  # no space before the very first token
    straight_open: dict[str, bool] = dict.fromkeys(_STRAIGHT_QUOTES, False)
    guillemet_open: str | None = None  # the mark that closes the open guillemet pair
    low_open = 0  # German opening marks („) not yet closed
    for i, sentence in enumerate(sentences):
        if not sentence:
            raise ValueError(f"sentence {i} has no tokens")
        sentence_offsets: list[tuple[int, int]] = []
        for j, token in enumerate(sentence):
            if not token:
                raise ValueError(f"token {i}:{j} is empty")
            opens = closes = False
            if token == '"' and low_open and not straight_open[token]:
                closes, low_open = True, low_open - 1  # „…" : a straight mark closes the German one
            elif token in _STRAIGHT_QUOTES:
                closes = straight_open[token]
                opens = not closes
                straight_open[token] = opens
            elif token in _GUILLEMETS:
                if guillemet_open == token:
                    closes, guillemet_open = True, None
                else:
                    opens, guillemet_open = True, _GUILLEMETS[token]
            elif token in _NO_SPACE_AFTER:
                opens = True
                low_open += token == "„"
            elif token in ("“", "”") and low_open:
                low_open -= 1
            if token in _NO_SPACE_BEFORE:
                closes = True
            if not (glue_next or closes):
                parts.append(" ")
                pos += 1
            parts.append(token)
            sentence_offsets.append((pos, pos + len(token)))
            pos += len(token)
            glue_next = opens
        offsets.append(sentence_offsets)
    return "".join(parts), offsets


def tokens_for_span(offsets: Offsets, start: int, end: int) -> list[str]:
    """The ``"sentence:token"`` ids of the tokens overlapping ``[start, end)``.

    ``offsets`` as returned by :func:`detokenize` (ordered, no empty sentences). Two binary
    searches find the first overlapping token, so the cost is the size of the answer.
    """
    if end <= start or not offsets:
        return []
    # First sentence whose last token ends after ``start``.
    i = bisect_right(offsets, start, key=lambda s: s[-1][1])
    ids: list[str] = []
    while i < len(offsets):
        sentence = offsets[i]
        j = bisect_right(sentence, start, key=lambda t: t[1])
        while j < len(sentence):
            tok_start, _ = sentence[j]
            if tok_start >= end:
                return ids
            ids.append(f"{i}:{j}")
            j += 1
        i += 1
    return ids


# --- the fixed held-out split -------------------------------------------------------------------

DEV_PERCENT = 15
"""Share of the spkatt-news training files held out (in percent, by hash bucket)."""


def _is_dev(name: str) -> bool:
    # A stable hash of the file stem: independent of Python's randomised hash(), of the file
    # order and of which other files exist, so adding data never moves a file between splits.
    stem = PurePath(name).stem
    bucket = int.from_bytes(hashlib.sha256(stem.encode("utf-8")).digest()[:8], "big") % 100
    return bucket < DEV_PERCENT


def dev_split(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """The project's fixed held-out split of the spkatt-news training files: ``(train, dev)``.

    Both model training and the benchmarks use this split, so no benchmark number is measured
    on a file a model was trained on. ``names`` are file stems (``"10022"``) or paths (the stem
    decides); each comes back unchanged in exactly one of the two sorted lists. About
    ``DEV_PERCENT`` % land in dev.
    """
    train: list[str] = []
    dev: list[str] = []
    for name in names:
        (dev if _is_dev(name) else train).append(name)
    return sorted(train), sorted(dev)
