"""Nesting: which quote's message lies inside another's (``Quote.parent``).

News nests speech: a partial direct quote inside an indirect one ("Er werde „einen besseren
Deal“ aushandeln, sagte Johnson"), an according-to frame inside a reported clause ("sagte, nach
neuesten Erkenntnissen habe …"). The task marks the inner event ``IsNested`` and its container
``HasNested``; the simplified task drops nested events. Components add quotes in any order and
re-sort the list, which would leave a parent index set early pointing at the wrong quote, so
the parents are set once, here, after every quote is found.
"""

from __future__ import annotations

from zitat_server import __version__
from zitat_server.document import Doc, Form, Quote
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.standalone import standalone_sources


def _extent(q: Quote) -> tuple[int, int]:
    return q.message[0].start, q.message[-1].end


def _inside(inner: Quote, outer: Quote) -> bool:
    """Every span of ``inner``'s message lies in one span of ``outer``'s message."""
    return all(any(o.start <= m.start and m.end <= o.end for o in outer.message) for m in inner.message)


def set_parents(quotes: list[Quote]) -> None:
    """``parent`` of each quote: the index of the innermost quote whose message holds its own.

    ``quotes`` in text order. One sweep with a stack of open containers (sorted by start, longest
    first), so the cost is O(n log n) in the number of quotes, whatever the nesting.
    """
    order = sorted(
        (k for k, q in enumerate(quotes) if q.message),
        key=lambda k: (_extent(quotes[k])[0], -_extent(quotes[k])[1], k),
    )
    stack: list[int] = []
    for k in order:
        q = quotes[k]
        start, end = _extent(q)
        while stack and _extent(quotes[stack[-1]])[1] < end:
            stack.pop()
        q.parent = -1
        if stack:
            top = quotes[stack[-1]]
            if _extent(top) != (start, end) and _inside(q, top):
                q.parent = stack[-1]
        stack.append(k)


class Nesting:
    """Component: sets ``parent`` on every quote from the messages, then the sources a quote takes
    from its container or, standing alone, from the sentence before (:mod:`.standalone`); run
    after the last quote is added."""

    info = ComponentInfo("nesting", __version__, "rules", "Quotes inside other quotes' messages: parent links")

    def __call__(self, doc: Doc) -> None:
        doc.quotes.sort(key=lambda q: q.start)
        set_parents(doc.quotes)
        inherit_sources(doc.quotes)
        standalone_sources(doc)


def inherit_sources(quotes: list[Quote]) -> None:
    """A direct quote inside another's message with no source of its own is the container's
    speaker's wording ("Wie Möllring erklärte, sieht die Regierung darin „kein Hindernis“"): it
    takes the container's source. Parents come first in text order, so chains resolve in one pass."""
    for q in quotes:
        if q.source is None and q.form is Form.DIRECT and 0 <= q.parent < len(quotes):
            q.source = quotes[q.parent].source
