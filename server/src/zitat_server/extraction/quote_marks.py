"""Pairing of quotation marks into quoted regions.

Works on characters, not tokens, so it does not depend on the tokenizer's choices. Marks are
classified by what flanks them (as CommonMark does for emphasis): a mark followed by text
and preceded by space or an opening bracket can open, one preceded by text and followed by
space or punctuation can close. Typographic German marks („ ‚) only open. A quote left open
at the end of a paragraph continues when the next paragraph starts with an opening mark
(the print convention for multi-paragraph quotes); otherwise it is closed at the paragraph
end and marked unbalanced.

At most :data:`MAX_DEPTH` quotations are open at once; a further opening mark is read as a plain
character. News nests two levels („… ‚…‘ …“); without the cap, a run of n opening marks left n
regions open to the end of the paragraph, and every later step paid for their n² characters.
With it, matching a closing mark looks at most at MAX_DEPTH open marks, and the quoted regions
add up to at most MAX_DEPTH times the text's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zitat_server import __version__
from zitat_server.document import Doc, Quoted, Span
from zitat_server.extraction.component import ComponentInfo
from zitat_server.language.marks import CLOSERS, ONLY_OPEN, QUOTE_MARKS

#: Quotations open at once (see the module docstring).
MAX_DEPTH = 3

_MARKS = re.compile(f"[{re.escape(QUOTE_MARKS)}]")
_OPEN_CONTEXT = frozenset("([{/–—-:")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}–—-/…")
_NO_OPEN_BEFORE = frozenset(".,;:!?)]}")


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """(can open, can close) for the mark at ``i``."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    can_open = not nxt.isspace() and (prev.isspace() or prev in _OPEN_CONTEXT or _MARKS.match(prev) is not None)
    can_close = not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT or _MARKS.match(nxt) is not None)
    if prev.isspace() and nxt.isspace():  # a free-standing mark, as in pre-tokenised text
        return True, True
    if nxt in _NO_OPEN_BEFORE:  # 'stellt ", zitiert': no quotation starts with a comma
        return False, True
    return can_open, can_close


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


@dataclass(slots=True)
class _Open:
    mark: str
    pos: int
    pieces: list[Span]
    marks: list[int]
    depth: int


def find_quotes(text: str) -> list[Quoted]:
    """All quoted regions of ``text`` in order of their opening mark."""
    found: list[Quoted] = []
    carried: list[_Open] = []  # quotes left open at the end of the previous paragraph
    for para_start, para_end in _paragraphs(text):
        stack: list[_Open] = []
        lead = text[para_start]
        if carried and lead in CLOSERS and _flanks(text, para_start)[0]:
            # Continuation: the opening mark of this paragraph resumes the carried quote.
            cont = carried.pop()
            cont.marks.append(para_start)
            cont.pos = para_start
            stack.append(cont)
            first_mark = para_start + 1
        else:
            first_mark = para_start
        for q in carried:  # carried quotes that did not continue end at their paragraph
            found.append(Quoted(q.pieces, q.marks, q.depth, balanced=False))
        carried = []
        for m in _MARKS.finditer(text, first_mark, para_end):
            i, c = m.start(), m.group()
            if c in "'’" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
                continue  # apostrophe inside a word: geht's, Hawai'i
            if c in ONLY_OPEN:
                can_open, can_close = True, False
            else:
                can_open, can_close = _flanks(text, i)
            match = None
            if can_close:
                for k in range(len(stack) - 1, -1, -1):
                    if c in CLOSERS[stack[k].mark]:
                        match = k
                        break
            if match is not None:
                for dropped in stack[match + 1 :]:
                    found.append(_close(dropped, i, balanced=False))
                top = stack[match]
                del stack[match:]
                found.append(_close(top, i, balanced=True))
            elif can_open and c in CLOSERS and len(stack) < MAX_DEPTH:
                stack.append(_Open(c, i, [], [i], len(stack)))
        for q in stack:
            q.pieces.append(Span(q.pos + 1, _rstrip(text, para_end)))
        carried = [q for q in stack if q.pieces[-1].end > q.pieces[-1].start]
    for q in carried:
        found.append(Quoted(q.pieces, q.marks, q.depth, balanced=False))
    found = [q for q in found if q.pieces and q.end > q.start]
    found.sort(key=lambda q: q.start)
    return found


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _close(q: _Open, close_at: int, *, balanced: bool) -> Quoted:
    pieces = [*q.pieces, Span(q.pos + 1, close_at)]
    return Quoted([p for p in pieces if p.end > p.start], [*q.marks, close_at], q.depth, balanced)


class QuoteMarks:
    """Component: the document's quoted regions, kept on the ``Doc`` for the steps that need them."""

    info = ComponentInfo("quote_marks", __version__, "rules", "Quotation-mark pairing, nesting, continuation")

    def __call__(self, doc: Doc) -> None:
        doc.quoted = find_quotes(doc.text)
