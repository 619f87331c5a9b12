"""Free indirect continuation: Konjunktiv sentences after a quote go on reporting its speaker.

German news frames a statement once and goes on in Konjunktiv for several sentences ("Lammert
würdigte die Bundeswehr … . Sie sei eine Armee des Friedens …"), often with a sentence of the
reporter's own in between. Such a sentence belongs to the source of the nearest quote before
it (SpkAtt form ``IndirectFreeIndirect``), whoever found that quote: rules, models or the
partial-quote classifier. So do sentences that tell what is to happen with "sollen" ("Juventus
soll in die Serie C absteigen.", SpkAtt ``FreeIndirect``) right after a quote; on their own they
are as often the reporter's account of a plan.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from zitat_server import __version__
from zitat_server.document import Doc, Form, Medium, Quote, Sentence, Span, SpanIndex, Token
from zitat_server.extraction.attribution import konjunktiv_clause
from zitat_server.extraction.component import ComponentInfo
from zitat_server.language.mood import PERFECT_AUXILIARIES, REPORTATIVE_MODALS

#: Sentences a continuation may lie after the end of its quote. On the train split (rules
#: alone) 1 / 3 / 4 give simplified joint F1 55.4 / 55.8 / 55.8.
MAX_GAP = 3
CONFIDENCE = 0.4
#: Sentences a "sollen" continuation may lie after its quote: only right after it (1 / 2 / 3
#: give dev simplified joint 71.8 / 71.5 / 71.6; further away it is as often a plan).
PLAN_GAP = 1
#: How far into a sentence its main clause's modal may stand ("Auch die Hauptakteure … sollen").
MAX_MODAL_POSITION = 10
#: Words outside a direct quote a continuation sentence needs (else it is the quote itself).
MIN_WORDS_BESIDE_DIRECT = 3


def continuations(doc: Doc, quotes: Sequence[Quote]) -> list[Quote]:
    """New quotes for uncovered sentences that go on reporting: ``INDIRECT_FREE_INDIRECT`` for
    Konjunktiv sentences, ``FREE_INDIRECT`` for hearsay "soll … haben" sentences."""
    starts = [s.start for s in doc.sentences]
    # a quote ends where its message or its frame ends ("Der Plan sei gescheitert. Das bestätigte X.")
    ends = sorted(
        ((max([q.message[-1].end, *(c.end for c in q.cue)]), q) for q in quotes if q.source is not None and q.message),
        key=lambda x: x[0],
    )
    keys = [e for e, _ in ends]  # bisect keys of ``ends``, kept in step with it
    covered = SpanIndex(m for q in quotes if q.form is not Form.DIRECT for m in q.message)
    direct = SpanIndex(m for q in quotes if q.form is Form.DIRECT for m in q.message)
    out: list[Quote] = []
    last_added = -2  # the sentence of the last continuation
    for k, sent in enumerate(doc.sentences):
        if covered.overlaps(sent.start, sent.end) or not room_beside(doc, sent, direct):
            continue
        if konjunktiv_clause(doc.tokens, sent.first, sent.last):
            form = Form.INDIRECT_FREE_INDIRECT
        elif hearsay(doc.tokens, sent.first, sent.last) or planned(doc.tokens, sent.first, sent.last):
            form = Form.FREE_INDIRECT
        else:
            continue
        n = bisect_right(keys, sent.start)
        end, before = ends[n - 1] if n else (0, None)
        gap = k - (bisect_right(starts, end - 1) - 1)
        if form is Form.FREE_INDIRECT and gap > PLAN_GAP and not hearsay(doc.tokens, sent.first, sent.last):
            continue
        if before is None or gap > MAX_GAP:
            if form is Form.FREE_INDIRECT and hearsay(doc.tokens, sent.first, sent.last):
                # hearsay needs no quote before it; its source may stay unnamed
                prev = out[-1] if out and last_added == k - 1 else None
                if prev is not None and prev.form is form and prev.source is None:
                    prev.message = [Span(prev.message[0].start, sent.end)]
                else:
                    out.append(Quote([Span(sent.start, sent.end)], form, Medium.SPEECH_WRITING, confidence=CONFIDENCE))
                last_added = k
            continue
        if out and out[-1] is before and last_added == k - 1 and before.form is form:
            # The sentence right after a continuation extends it: the task annotates a run of
            # Konjunktiv sentences as one event (train split: 108 adjacent pairs joined, 10 split).
            before.message = [Span(before.message[0].start, sent.end)]
            ends[n - 1] = (sent.end, before)
            keys[n - 1] = sent.end
            last_added = k
            continue
        message = [Span(sent.start, sent.end)]
        quote = Quote(message, form, before.medium, source=before.source, confidence=CONFIDENCE)
        out.append(quote)
        last_added = k
        ends.insert(n, (sent.end, quote))  # the next sentence continues this one
        keys.insert(n, sent.end)
    return out


def hearsay(tokens: list[Token], first: int, last: int) -> bool:
    """ "Der Absturz soll sich kurz vor Mitternacht ereignet haben.": reportative "sollen" with a
    perfect infinitive, the reporter passing on what others say (SpkAtt ``FreeIndirect``).

    "soll … werden" and "soll … stattfinden" are plans as often as hearsay, so only the perfect counts.
    """
    end = last
    while end > first and not tokens[end - 1].text.isalpha():
        end -= 1
    if end - first < 4 or tokens[end - 1].text.lower() not in PERFECT_AUXILIARIES:
        return False
    return any(t.text.lower() in REPORTATIVE_MODALS for t in tokens[first : end - 1])


def planned(tokens: list[Token], first: int, last: int) -> bool:
    """ "Juventus soll in die Serie C absteigen.": "sollen" as the main clause's verb, what a
    source said is to happen. Without a quote before it, it is as often the reporter's own
    account of a plan, so it counts only as a continuation."""
    for k, t in enumerate(tokens[first : min(last, first + MAX_MODAL_POSITION)]):
        if t.text == ",":
            return False  # "…, obwohl die Steuern steigen sollen": a subordinate clause's modal
        if (k == 0 or t.text.islower()) and t.text.lower() in REPORTATIVE_MODALS:
            return True
    return False


def room_beside(doc: Doc, sent: Sentence, quoted: SpanIndex, words_needed: int = MIN_WORDS_BESIDE_DIRECT) -> bool:
    """No span of ``quoted`` (direct quotes, quoted regions) crosses the sentence's edges, and
    ``words_needed`` words remain outside those inside it ("Er werde „einen besseren Deal“
    aushandeln." is a sentence of its own words; a quoted sentence is not)."""
    if not quoted.overlaps(sent.start, sent.end):
        return True
    if quoted.contains(sent.start - 1, sent.start + 1) or quoted.contains(sent.end - 1, sent.end + 1):
        return False
    words = 0
    for t in doc.tokens[sent.first : sent.last]:
        if t.text[:1].isalnum() and not quoted.overlaps(t.start, t.end):
            words += 1
            if words >= words_needed:
                return True
    return False


class Continuation:
    """Component: adds the continuations of the quotes found so far."""

    info = ComponentInfo("continuation", __version__, "rules", "Konjunktiv sentences continue a quote's source")

    def __call__(self, doc: Doc) -> None:
        doc.quotes = sorted([*doc.quotes, *continuations(doc, doc.quotes)], key=lambda q: q.start)
