"""Rule-based quote attribution: direct, indirect and reported speech.

Reads a tokenised ``Doc`` and the quoted regions, and finds for each speech event its
message, cue, source mention and form. The rules are precise on direct quotes and on the
frequent indirect frames ("X sagte, er habe …", "X teilte mit, dass …", "laut X …");
the learned models cover what rules cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zitat_server import cues, mentions
from zitat_server.document import Doc, Form, Medium, Quote, Sentence, Span, Token
from zitat_server.mentions import Mention
from zitat_server.quotes import Quoted, find_quotes

_CLAUSE_PUNCT = frozenset({",", ";", ":", "(", ")", "–", "—"})
_END_PUNCT = frozenset({".", "!", "?", "…"})
_QUOTE_CHARS = frozenset("„“”»«\"‚‘’‹›'")
# Finite verbs in Konjunktiv I (and the Konjunktiv II forms that replace it in the plural).
_KONJ1 = frozenset(
    [
        "sei",
        "seien",
        "seiest",
        "habe",
        "hätten",
        "werde",
        "würden",
        "könne",
        "müsse",
        "solle",
        "wolle",
        "dürfe",
        "möge",
        "gebe",
        "liege",
        "stehe",
        "gehe",
        "komme",
        "bleibe",
        "wisse",
        "brauche",
        "lasse",
        "sehe",
        "halte",
        "plane",
        "arbeite",
        "bestehe",
        "handle",
        "handele",
        "fehle",
        "wäre",
        "wären",
        "hätte",
        "würde",
        "könnten",
        "müssten",
        "sollten",
        "wollten",
        "dürften",
    ]
)
_SUBJECT_PRONOUNS = frozenset({"er", "sie", "es", "man"})
_SO = "so"
_MIN_DIRECT_TOKENS = 4


@dataclass(slots=True)
class _Frame:
    cue: list[int]  # token indices
    medium: Medium
    source: Mention | None


def _is_quote_token(t: Token) -> bool:
    return len(t.text) == 1 and t.text in _QUOTE_CHARS


def _konjunktiv_clause(tokens: list[Token], first: int, last: int) -> bool:
    """Does the clause ``tokens[first:last]`` have a Konjunktiv-I finite verb near its start?"""
    words = [t.text.lower() for t in tokens[first : min(last, first + 12)]]
    for k, w in enumerate(words):
        if w in _KONJ1:
            return True
        if (
            k > 0
            and words[k - 1] in _SUBJECT_PRONOUNS
            and w.endswith("e")
            and w.isalpha()
            and len(w) > 3
            and tokens[first + k].text.islower()
        ):
            return True
    return False


class RuleAttributor:
    """Finds quotes with rules; stateless, safe to share."""

    version = "rules-0.1"

    def annotate(self, doc: Doc) -> list[Quote]:
        quoted = find_quotes(doc.text)
        found: list[Quote] = []
        used: set[int] = set()  # cue token indices already attributed
        covered: list[Span] = []
        token_starts = [t.start for t in doc.tokens]
        for q in quoted:
            if q.depth > 0:
                continue
            quote = self._direct(doc, q, quoted, used, token_starts)
            if quote is not None:
                found.append(quote)
                covered.append(Span(q.outer.start, q.outer.end))
        for sent in doc.sentences:
            found.extend(self._indirect(doc, sent, used, covered))
        found.sort(key=lambda x: x.start)
        return _merge_interrupted(doc, found)

    # -- direct quotes -------------------------------------------------------------------

    def _direct(
        self, doc: Doc, q: Quoted, quoted: list[Quoted], used: set[int], token_starts: list[int]
    ) -> Quote | None:
        tokens = doc.tokens
        inner = [i for i, t in enumerate(tokens) if q.start <= t.start and t.end <= q.end]
        if not inner:
            return None
        open_tok, close_tok = inner[0] - 1, inner[-1] + 1
        sent = _sentence_of(doc, inner[0])
        sent_last = _sentence_of(doc, inner[-1])
        outside = [
            i
            for i in range(sent.first, sent_last.last)
            if not any(o.depth == 0 and o.outer.start <= tokens[i].start < o.outer.end for o in quoted)
        ]
        frame = self._frame_after(tokens, close_tok, sent_last.last, used)
        if frame is None:
            frame = self._frame_before(tokens, sent.first, open_tok, used, outside)
        if frame is None and open_tok > 0:
            prev = _sentence_of(doc, max(0, sent.first - 1))
            if sent.first > 0 and tokens[sent.first - 1].text == ":":
                frame = self._frame_before(tokens, prev.first, sent.first - 1, used, range(prev.first, prev.last))
        long_enough = len(inner) >= _MIN_DIRECT_TOKENS
        if frame is None:
            return None
        if not long_enough and not frame.cue:
            return None
        for i in frame.cue:
            used.add(i)
        message = Span(q.outer.start, q.outer.end)
        form = Form.DIRECT
        return Quote(
            message=[message],
            form=form,
            medium=frame.medium,
            cue=_spans(tokens, frame.cue),
            source=_mention_span(tokens, frame.source),
            confidence=0.9 if frame.source else 0.6,
        )

    def _frame_after(self, tokens: list[Token], i: int, end: int, used: set[int]) -> _Frame | None:
        """„…“, schrieb Umjerow. / „…“, so Müller. / „…“, sagte er den Reportern."""
        j = i + 1
        if j < end and tokens[j].text == ",":
            j += 1
        if j >= end:
            return None
        w = tokens[j].text
        if w.lower() == _SO:
            src = mentions.phrase_after(tokens, j + 1, end)
            if src is not None:
                return _Frame([j], Medium.SPEECH, src)
            return None
        entries = cues.lookup(w)
        if entries and j not in used and w.lower() not in cues.PARTICLE_ONLY:
            src = mentions.phrase_after(tokens, j + 1, end)
            cue = [j]
            entry = _pick_entry(entries, tokens, j, end, cue)
            return _Frame(cue, entry.medium, src)
        # „…“, erklärte Müller → also subject-first: „…“, Müller sagte … (rare); a particle verb
        if entries and w.lower() in cues.PARTICLE_ONLY:
            cue = [j]
            entry = _pick_entry(entries, tokens, j, end, cue)
            if len(cue) > 1:
                return _Frame(cue, entry.medium, mentions.phrase_after(tokens, j + 1, end))
        return None

    def _frame_before(self, tokens: list[Token], start: int, open_tok: int, used: set[int], outside) -> _Frame | None:
        """Umjerow sagte: „…“ / Ihm zufolge wurde „…“ / Laut Müller „…“."""
        outside = [i for i in outside if start <= i < open_tok]
        for j in reversed(outside):
            w = tokens[j].text
            low = w.lower()
            if low in cues.POSTPOSITIONS:
                src = mentions.phrase_before(tokens, j, start)
                return _Frame([j], Medium.SPEECH_WRITING, src)
            if low in cues.PREPOSITIONS:
                return _Frame([j], Medium.SPEECH_WRITING, mentions.phrase_after(tokens, j + 1, open_tok))
            entries = cues.lookup(w)
            if entries and j not in used:
                cue = [j]
                entry = _pick_entry(entries, tokens, j, open_tok, cue)
                if entry.particle and len(cue) == 1:
                    continue
                src = mentions.phrase_before(tokens, j, start) or mentions.phrase_after(tokens, j + 1, open_tok)
                return _Frame(cue, entry.medium, src)
        return None

    # -- indirect and reported speech -----------------------------------------------------

    def _indirect(self, doc: Doc, sent: Sentence, used: set[int], covered: list[Span]) -> list[Quote]:
        tokens = doc.tokens
        out: list[Quote] = []
        first, last = sent.first, sent.last
        while last > first and tokens[last - 1].text in _END_PUNCT | _QUOTE_CHARS:
            last -= 1
        if any(
            s.start <= tokens[first].start < s.end or tokens[first].start <= s.start < tokens[last - 1].end
            for s in covered
        ):
            return out
        for j in range(first, last):
            if j in used:
                continue
            w = tokens[j].text
            low = w.lower()
            if (
                low in cues.POSTPOSITIONS
                or low in cues.PREPOSITIONS
                or (low == "nach" and j + 1 < last and tokens[j + 1].text.lower() in cues.NACH_NOUNS)
            ):
                quote = self._reported(doc, sent, j, first, last)
                if quote is not None:
                    used.update(range(j, j + 2))
                    out.append(quote)
                    break
                continue
            entries = cues.lookup(w)
            if not entries:
                continue
            cue = [j]
            entry = _pick_entry(entries, tokens, j, last, cue)
            if entry.particle and len(cue) == 1:
                continue
            quote = self._clause_after(tokens, first, last, j, cue, entry) or self._clause_before(
                tokens, first, last, j, cue, entry
            )
            if quote is not None:
                used.update(cue)
                out.append(quote)
                break
        return out

    def _clause_after(
        self, tokens: list[Token], first: int, last: int, j: int, cue: list[int], entry: cues.CueVerb
    ) -> Quote | None:
        """X sagte (am Montag), er habe … / X teilte mit, dass … ."""
        k = max(cue) + 1
        while k < last and tokens[k].text not in _CLAUSE_PUNCT:
            if tokens[k].text.lower() in cues.COMPLEMENTIZERS and tokens[k].text.lower() in {"dass", "daß"}:
                break
            k += 1
        if k >= last:
            return None
        m_start = k + 1 if tokens[k].text in _CLAUSE_PUNCT else k
        if tokens[k].text not in {",", ":"} and tokens[k].text.lower() not in {"dass", "daß"}:
            return None
        if m_start >= last:
            return None
        is_dass = tokens[m_start].text.lower() in cues.COMPLEMENTIZERS
        if not is_dass and not _konjunktiv_clause(tokens, m_start, last):
            return None
        source = _source_for(tokens, first, j, k)
        if source is None:
            return None
        return Quote(
            message=[Span(tokens[m_start].start, tokens[last - 1].end)],
            form=Form.INDIRECT,
            medium=entry.medium,
            cue=_spans(tokens, cue),
            source=_mention_span(tokens, source),
            confidence=0.75,
        )

    def _clause_before(
        self, tokens: list[Token], first: int, last: int, j: int, cue: list[int], entry: cues.CueVerb
    ) -> Quote | None:
        """Er habe …, sagte X. — the message comes first, the cue right after a comma."""
        if j - 1 <= first or tokens[j - 1].text != ",":
            return None
        if not _konjunktiv_clause(tokens, first, j - 1) and tokens[first].text.lower() not in cues.COMPLEMENTIZERS:
            return None
        source = mentions.phrase_after(tokens, max(cue) + 1, last)
        if source is None:
            return None
        return Quote(
            message=[Span(tokens[first].start, tokens[j - 2].end)],
            form=Form.INDIRECT,
            medium=entry.medium,
            cue=_spans(tokens, cue),
            source=_mention_span(tokens, source),
            confidence=0.7,
        )

    def _reported(self, doc: Doc, sent: Sentence, j: int, first: int, last: int) -> Quote | None:
        """Ihm zufolge … / Laut der Ministerin … / Nach Angaben der Polizei … ."""
        tokens = doc.tokens
        low = tokens[j].text.lower()
        if low in cues.POSTPOSITIONS:
            source = mentions.phrase_before(tokens, j, first)
            cue = [j]
        elif low in cues.PREPOSITIONS:
            source = mentions.phrase_after(tokens, j + 1, last)
            cue = [j]
        else:  # nach Angaben (von|des) X
            k = j + 2
            if k < last and tokens[k].text.lower() == "von":
                k += 1
            source = mentions.phrase_after(tokens, k, last)
            cue = [j, j + 1]
        if source is None:
            return None
        sent_last = sent.last
        konj = _konjunktiv_clause(tokens, first, last)
        return Quote(
            message=[Span(tokens[first].start, tokens[sent_last - 1].end)],
            form=Form.INDIRECT if konj else Form.REPORTED,
            medium=Medium.SPEECH_WRITING,
            cue=_spans(tokens, cue),
            source=_mention_span(tokens, source),
            confidence=0.55,
        )


def _source_for(tokens: list[Token], first: int, j: int, end: int) -> Mention | None:
    """Subject before the cue (X sagte), else after it (Am Montag sagte X / sagte X)."""
    before = mentions.phrase_before(tokens, j, first)
    if before is not None and before.first == first:
        return before
    after = mentions.phrase_after(tokens, j + 1, end)
    if after is not None:
        return after
    # participle frames: "X hat am Montag gesagt, …" — subject at the clause start
    return mentions.phrase_after(tokens, first, j)


def _pick_entry(entries: list[cues.CueVerb], tokens: list[Token], j: int, end: int, cue: list[int]):
    """Choose the reading of a verb form; add its particle to ``cue`` if found in the clause."""
    for entry in entries:
        if not entry.particle:
            continue
        for k in range(j + 1, end):
            t = tokens[k].text
            if t in _CLAUSE_PUNCT or _is_quote_token(tokens[k]):
                break
            if t.lower() == entry.particle:
                cue.append(k)
                return entry
    plain = [e for e in entries if not e.particle]
    return plain[0] if plain else entries[0]


def _sentence_of(doc: Doc, token_index: int) -> Sentence:
    for s in doc.sentences:
        if s.first <= token_index < s.last:
            return s
    return doc.sentences[-1]


def _spans(tokens: list[Token], indices: list[int]) -> list[Span]:
    return [Span(tokens[i].start, tokens[i].end) for i in sorted(indices)]


def _mention_span(tokens: list[Token], m: Mention | None) -> Span | None:
    if m is None:
        return None
    return Span(tokens[m.first].start, tokens[m.last - 1].end)


def _merge_interrupted(doc: Doc, found: list[Quote]) -> list[Quote]:
    """„A“, sagte er, „B“ — a quote with no frame of its own right after a framed one joins it."""
    return found


_WS = re.compile(r"\s+")
