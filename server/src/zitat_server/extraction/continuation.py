"""Free indirect continuation: Konjunktiv sentences after a quote go on reporting its speaker.

German news frames a statement once and goes on in Konjunktiv for several sentences ("Lammert
würdigte die Bundeswehr … . Sie sei eine Armee des Friedens …"), often with a sentence of the
reporter's own in between. Such a sentence belongs to the source of the nearest quote before
it (SpkAtt form ``IndirectFreeIndirect``), whoever found that quote: rules, models or the
partial-quote classifier.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from zitat_server import __version__
from zitat_server.document import Doc, Form, Quote, Span, SpanIndex
from zitat_server.extraction.attribution import konjunktiv_clause
from zitat_server.extraction.component import ComponentInfo

#: Sentences a continuation may lie after the end of its quote. On the train split (rules
#: alone) 1 / 3 / 4 give simplified joint F1 55.4 / 55.8 / 55.8.
MAX_GAP = 3
CONFIDENCE = 0.4


def continuations(doc: Doc, quotes: Sequence[Quote]) -> list[Quote]:
    """New ``INDIRECT_FREE_INDIRECT`` quotes for uncovered Konjunktiv sentences without a cue."""
    starts = [s.start for s in doc.sentences]
    ends = sorted(((q.message[-1].end, q) for q in quotes if q.source is not None and q.message), key=lambda x: x[0])
    keys = [e for e, _ in ends]  # bisect keys of ``ends``, kept in step with it
    covered = SpanIndex(m for q in quotes for m in q.message)
    out: list[Quote] = []
    last_added = -2  # the sentence of the last continuation
    for k, sent in enumerate(doc.sentences):
        if covered.overlaps(sent.start, sent.end):
            continue
        if not konjunktiv_clause(doc.tokens, sent.first, sent.last):
            continue
        n = bisect_right(keys, sent.start)
        if n == 0:
            continue
        end, before = ends[n - 1]
        if k - (bisect_right(starts, end - 1) - 1) > MAX_GAP:
            continue
        if out and out[-1] is before and last_added == k - 1:
            # The sentence right after a continuation extends it: the task annotates a run of
            # Konjunktiv sentences as one event (train split: 108 adjacent pairs joined, 10 split).
            before.message = [Span(before.message[0].start, sent.end)]
            ends[n - 1] = (sent.end, before)
            keys[n - 1] = sent.end
            last_added = k
            continue
        message = [Span(sent.start, sent.end)]
        quote = Quote(message, Form.INDIRECT_FREE_INDIRECT, before.medium, source=before.source, confidence=CONFIDENCE)
        out.append(quote)
        last_added = k
        ends.insert(n, (sent.end, quote))  # the next sentence continues this one
        keys.insert(n, sent.end)
    return out


class Continuation:
    """Component: adds the continuations of the quotes found so far."""

    info = ComponentInfo("continuation", __version__, "rules", "Konjunktiv sentences continue a quote's source")

    def __call__(self, doc: Doc) -> None:
        doc.quotes = sorted([*doc.quotes, *continuations(doc, doc.quotes)], key=lambda q: q.start)
