"""Choosing a quote's source: rank the noun phrases around its cue, or none.

The rules and the taggers each propose a source, but their readers stop early ("Mark O" of
"Mark O’Keefe, der Sprecher …"), run on ("Maas vertrat die Auffassung"), take a fragment
("Sein", "Überrascht") or the addressee ("der „Welt am Sonntag“"). Here every noun phrase of
the cue's sentence outside the message (:func:`zitat_server.extraction.mentions.noun_phrases`:
full phrases with appositions, genitives, parentheses, prepositional attributes; pronouns;
relative pronouns) is a candidate, and so is "no source". A linear ranker
(:class:`zitat_server.learned.ranker.Ranker`, trained by ``training.train_sources`` on the train
split) scores each from its shape and its position relative to the cue: subject before the
finite verb, inverted subject after it, a dative after the cue (addressee or medium), the phrase
after "laut"/"nach" or before "zufolge", its case marking, role and organisation heads, the
proposal it replaces. The best candidate wins.

Quotes without a cue keep what they have, except that a continuation, which copied the source
of the quote it continues, follows that quote's new choice; a nested quote takes its container's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zitat_server.document import Doc, Quote, Sentence, Span
from zitat_server.extraction.attribution import join_speech_noun_frames, split_speech_noun_frames
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.mentions import Phrase, noun_phrases, token_flags
from zitat_server.language import cues
from zitat_server.language.function_words import DETERMINERS, PRONOUNS
from zitat_server.language.marks import QUOTE_CHARS
from zitat_server.language.names import is_capitalised, is_name_word
from zitat_server.language.roles import is_acronym, is_group_noun, is_media, is_organisation, is_role
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.ranker import Features, Ranker

MODEL_FILE = MODELS_DIR / "sources" / "sources.json"

#: Words whose identity the features keep (the rest are reduced to a class).
_KEEP = (
    DETERMINERS
    | PRONOUNS
    | frozenset(
        """laut zufolge nach gemäß so von vom aus in im bei beim für am an auf zu zur gegenüber mit
        und oder sowie auch es sich hat hatte haben hatten ist war sind waren wird wurde werden wurden
        worden sei seien habe dass daß wie als über nicht noch bereits am , . : ; ( ) – „ “""".split()
    )
)
_AUX = frozenset("hat hatte haben hatten ist war sind waren wird wurde werden wurden worden sei habe".split())
_FRAME_WORDS = frozenset({"laut", "zufolge", "nach", "gemäß"})


@lru_cache(maxsize=1 << 16)
def _word_class(word: str) -> str:
    low = word.lower()
    if low in _KEEP:
        return low
    if cues.lookup(word):
        return "CUE"
    if word[:1].isdigit():
        return "NUM"
    if is_capitalised(word):
        return "CAP"
    if word in QUOTE_CHARS:
        return "Q"
    if not word[:1].isalpha():
        return "P"
    return "low"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


@lru_cache(maxsize=1 << 16)
def _word_heads(word: str) -> tuple[str, ...]:
    """What one word says about a holder; cached, since the regular expressions behind
    :func:`is_role` and :func:`is_organisation` cost more than everything else here."""
    out = []
    low = word.lower()
    if is_name_word(word) and not is_acronym(word):
        out.append("name")
    if is_role(word) and is_capitalised(word):
        out.append("role")
    if is_organisation(word):
        out.append("org")
    if is_media(word):
        out.append("media")
    if is_acronym(word):
        out.append("acro")
    if low in cues.NACH_NOUNS or low.endswith(("angaben", "berichten", "informationen")):
        out.append("frame")
    if is_group_noun(word):
        out.append("group")
    if low[:1].isdigit() and "jährig" in low:
        out.append("age")
    return tuple(out)


def _head_classes(words: list[str]) -> list[str]:
    """What the core's words say about the holder: role, name(s), organisation, medium, frame…"""
    found: set[str] = set()
    names = 0
    for w in words:
        heads = _word_heads(w)
        names += "name" in heads
        found.update(heads)
    found.discard("name")
    if names:
        found.add("name2" if names >= 2 else "name1")
    return sorted(found) or ["plain"]


@dataclass(slots=True)
class _Context:
    """Where a quote's cue sits: its first and last token, its sentence and what kind it is;
    ``finite`` is the finite verb of its clause (the cue, or the auxiliary of "hat … gesagt"),
    -1 if none is found; ``plural`` whether that verb is plural ("erklärten")."""

    first: int
    last: int
    sentence: Sentence
    cue_type: str
    message_before: bool
    finite: int = -1
    plural: bool = False


def _context(doc: Doc, q: Quote) -> _Context | None:
    idx = doc.token_range(q.cue[0].start, q.cue[0].end)
    if not idx:
        return None
    first = idx[0]
    last_idx = doc.token_range(q.cue[-1].start, q.cue[-1].end)
    last = last_idx[-1] if last_idx else first
    sentence = doc.sentences[doc.sentence_of(first)]
    low = doc.tokens[first].text.lower()
    cue_type = low if low in _FRAME_WORDS or low == "so" else ("verb" if cues.lookup(low) else "noun")
    message_before = bool(q.message) and q.message[0].start < doc.tokens[first].start
    finite = -1
    if cue_type == "verb":
        if any(e.finite for e in cues.lookup(low)) and not low.startswith("ge"):
            finite = first
        else:  # "hat … gesagt", "wurde … mitgeteilt": the auxiliary before the participle
            for k in range(first - 1, max(sentence.first, first - 12) - 1, -1):
                w = doc.tokens[k].text.lower()
                if w in _AUX:
                    finite = k
                    break
                if w in {",", ":", "„", "“"}:
                    break
    plural = finite >= 0 and doc.tokens[finite].text.lower().endswith(("en", "ten", "nd"))
    return _Context(first, last, sentence, cue_type, message_before, finite, plural)


def _free_stretches(doc: Doc, q: Quote, ctx: _Context) -> list[tuple[int, int]]:
    """Runs of the cue sentence's tokens outside the message and the cue."""
    s = ctx.sentence
    taken = [False] * (s.last - s.first)
    for span in (*q.message, *q.cue):
        if span.end > doc.tokens[s.first].start and span.start < doc.tokens[s.last - 1].end:
            for i in doc.token_range(max(span.start, doc.tokens[s.first].start), span.end):
                if i < s.last:
                    taken[i - s.first] = True
    out: list[tuple[int, int]] = []
    start = None
    for k, t in enumerate((*taken, True)):
        if not t and start is None:
            start = k
        elif t and start is not None:
            out.append((s.first + start, s.first + k))
            start = None
    return out


def candidates(doc: Doc, q: Quote, flags: list[int] | None = None) -> tuple[_Context | None, list[Phrase]]:
    """The quote's cue context and the phrases it may take as source.

    The phrase of an according-to frame may run into the message, which the rules let start
    where their shorter phrase ended ("nach Angaben des Flughafens | im Juni 2007 betrug …"): after
    "laut", "nach", "gemäß" the phrases that begin right after the cue may end inside the message,
    before "zufolge" those that end right before it may begin inside; :func:`trim` then takes the
    chosen phrase out of the message.
    """
    if not q.cue:
        return None, []
    ctx = _context(doc, q)
    if ctx is None:
        return None, []
    if flags is None:
        flags = token_flags(doc.tokens)
    stretches = _free_stretches(doc, q, ctx)
    phrases = [p for a, b in stretches for p in noun_phrases(doc.tokens, a, b, flags)]
    s = ctx.sentence
    if ctx.cue_type in ("laut", "nach", "gemäß") and ctx.last + 1 < s.last:
        free_end = next((b for a, b in stretches if a == ctx.last + 1), ctx.last + 1)
        phrases += [
            p
            for p in noun_phrases(doc.tokens, ctx.last + 1, s.last, flags)
            if p.first == ctx.last + 1 and p.last > free_end
        ]
    elif ctx.cue_type == "zufolge" and ctx.first > s.first:
        free_start = next((a for a, b in stretches if b == ctx.first), ctx.first)
        phrases += [
            p
            for p in noun_phrases(doc.tokens, s.first, ctx.first, flags)
            if p.last == ctx.first and p.first < free_start
        ]
    return ctx, phrases


def trim(doc: Doc, q: Quote) -> None:
    """Take the source's tokens out of the message (a frame phrase that ran into it); a message
    piece left with no word is dropped, and the message is kept whole if nothing would be left."""
    src = q.source
    if src is None or not any(m.overlaps(src) for m in q.message):
        return
    pieces: list[Span] = []
    for m in q.message:
        if not m.overlaps(src):
            pieces.append(m)
            continue
        for a, b in ((m.start, src.start), (src.end, m.end)):
            idx = [i for i in doc.token_range(a, b) if doc.tokens[i].text[:1].isalnum() or doc.tokens[i].text in "„“"]
            if idx:
                pieces.append(Span(doc.tokens[idx[0]].start, doc.tokens[idx[-1]].end))
    if pieces:
        q.message = pieces


def phrase_span(doc: Doc, p: Phrase) -> Span:
    return Span(doc.tokens[p.first].start, doc.tokens[p.last - 1].end)


def features(doc: Doc, q: Quote, ctx: _Context, p: Phrase, starts: list[int]) -> Features:
    """The features of one candidate ``p``; ``starts`` are the first tokens of all candidates' cores."""
    tokens = doc.tokens
    s = ctx.sentence
    if p.last <= ctx.first:
        pos, dist = "B", ctx.first - p.last
    elif p.first > ctx.last:
        pos, dist = "A", p.first - ctx.last - 1
    else:
        pos, dist = "I", min(p.first - ctx.first, ctx.last - p.last)
    ct = ctx.cue_type
    db = _bucket(dist, (0, 1, 2, 4, 8))
    f: Features = [
        f"k={p.kind}",
        f"pos={pos}",
        f"pos={pos}|ct={ct}",
        f"pos={pos}|d={db}",
        f"pos={pos}|d={db}|ct={ct}",
        f"len={_bucket(p.last - p.first, (1, 2, 3, 6, 10))}",
        f"msgB={ctx.message_before}|pos={pos}",
        f"origin={q.origin}|pos={pos}",
    ]
    fw = _word_class(tokens[p.first].text)
    pw = _word_class(tokens[p.first - 1].text) if p.first > s.first else "<s>"
    nw = _word_class(tokens[p.last].text) if p.last < s.last else "</s>"
    f.append(f"fw={fw}")
    f.append(f"fw={fw}|pos={pos}")
    f.append(f"fw={fw}|ct={ct}|pos={pos}")
    f.append(f"pw={pw}")
    f.append(f"pw={pw}|pos={pos}")
    f.append(f"pw={pw}|ct={ct}")
    f.append(f"nw={nw}")
    f.append(f"nw={nw}|pos={pos}")
    f.append(f"pw={pw}|nw={nw}")
    if p.kind != "np":
        low = tokens[p.first].text.lower()
        f.append(f"pron={low}|pos={pos}")
        f.append(f"pron={low}|pw={pw}")
    if p.cut:
        f.append("cut")
    if p.prep:
        f.append(f"prep={p.prep}")
        f.append(f"prep|ct={ct}")
    if any(m.start <= tokens[p.last - 1].start < m.end for m in q.message) or any(
        m.start <= tokens[p.first].start < m.end for m in q.message
    ):
        f.append("into_message")
        f.append(f"into_message|np={len(p.parts)}")
    for part in p.parts:
        f.append(f"part={part}")
    if p.parts:
        f.append(f"last_part={p.parts[-1]}")
        f.append(f"first_part={p.parts[0]}|ct={ct}")
    core_words = [t.text for t in tokens[p.first : p.core]]
    for h in _head_classes(core_words):
        f.append(f"h={h}")
        f.append(f"h={h}|ct={ct}")
        f.append(f"h={h}|pos={pos}")
        f.append(f"h={h}|fw={fw}")
    if p.parts:
        ext_words = [t.text for t in tokens[p.core : p.last]]
        for h in _head_classes(ext_words):
            f.append(f"xh={h}")
            f.append(f"xh={h}|part={p.parts[0]}")
    if pos == "B":
        between = bisect_left(starts, ctx.first) - bisect_left(starts, p.last)
    else:
        between = bisect_left(starts, p.first) - bisect_right(starts, ctx.last)
    f.append(f"between={min(between, 3)}|pos={pos}")
    lo, hi = (p.last, ctx.first) if pos == "B" else (ctx.last + 1, p.first)
    if any(tokens[k].text == "," for k in range(lo, hi)):
        f.append(f"comma_between|pos={pos}")
    if p.first == s.first:
        f.append("sentence_start")
    if ctx.finite >= 0:
        fin = ctx.finite
        clause_start = p.first == s.first or tokens[p.first - 1].text in {",", ":", "“", "”", "„", "–"}
        if p.last == fin and clause_start:
            f.append("vorfeld")  # the whole field before the finite verb: the subject, or an adverbial
            f.append(f"vorfeld|fw={fw}")
        elif p.first == fin + 1:
            f.append("after_finite")  # inverted subject: "sagte der Minister", "hat er gesagt"
            f.append(f"after_finite|fw={fw}")
        elif p.last <= fin:
            f.append("before_finite")
        num = "pl" if ctx.plural else "sg"
        f.append(f"num={num}|fw={fw}")
        if p.kind != "np":
            f.append(f"num={num}|pron={tokens[p.first].text.lower()}")
    if q.source is not None:
        span = phrase_span(doc, p)
        if span == q.source:
            f.append("prop=same")
            f.append(f"prop=same|origin={q.origin}")
        elif span.overlaps(q.source):
            f.append("prop=overlap")
            if span.start == q.source.start:
                f.append("prop=same_start")
    return f


def null_features(doc: Doc, q: Quote, ctx: _Context, n: int) -> Features:
    """The features of "no source": the cue, the form, the proposal, the verb's voice."""
    tokens = doc.tokens
    s = ctx.sentence
    after = tokens[ctx.last + 1].text.lower() if ctx.last + 1 < s.last else "</s>"
    words = {t.text.lower() for t in tokens[s.first : s.last]}
    f: Features = [
        "null",
        f"null|ct={ctx.cue_type}",
        f"null|form={q.form.value}",
        f"null|origin={q.origin}",
        f"null|prop={q.source is not None}",
        f"null|n={min(n, 4)}",
        f"null|after={_word_class(after)}",
    ]
    if words & {"wurde", "wurden", "worden", "werden"}:
        f.append("null|passive")
    return f


def candidate_features(
    doc: Doc, q: Quote, flags: list[int] | None = None
) -> tuple[list[Phrase], list[Features]] | None:
    """The candidates of a quote with a cue and the features of each, "no source" last; None
    for a quote without a cue. ``flags``: :func:`token_flags` of the document, if at hand."""
    ctx, phrases = candidates(doc, q, flags)
    if ctx is None:
        return None
    starts = sorted({p.first for p in phrases})
    feats = [features(doc, q, ctx, p, starts) for p in phrases]
    feats.append(null_features(doc, q, ctx, len(phrases)))
    return phrases, feats


RERANK_CUELESS = False
#: Sentences before a cue-less quote's first sentence whose phrases are candidates.
CUELESS_WINDOW = 1


def cueless_features(
    doc: Doc,
    q: Quote,
    previous: Span | None,
    earlier: set[str],
    cache: dict[int, list[Phrase]] | None = None,
    flags: list[int] | None = None,
) -> tuple[list[Span], list[Features]]:
    """The candidates of a quote without a cue (a continuation, free indirect or reported speech
    the taggers found) and their features, "no source" last: the phrases of its first sentence
    (inside the message too: "rechnet Dr. Dittrich mit …") and of the ``CUELESS_WINDOW``
    sentences before, and ``previous``, the source of the nearest quote before it. ``earlier``
    holds the texts of the sources chosen so far."""
    tokens = doc.tokens
    idx = doc.token_range(q.message[0].start, q.message[0].end)
    if not idx:
        return [], []
    si = doc.sentence_of(idx[0])
    spans: list[Span] = []
    feats: list[Features] = []
    seen: set[Span] = set()
    form = q.form.value
    for back in range(min(si, CUELESS_WINDOW), -1, -1):
        sent = doc.sentences[si - back]
        if cache is None or si - back not in cache:
            phrases = noun_phrases(tokens, sent.first, sent.last, flags)
            if cache is not None:
                cache[si - back] = phrases
        phrases = cache[si - back] if cache is not None else phrases
        rank_of = {first: r for r, first in enumerate(sorted({p.first for p in phrases}))}
        for p in phrases:
            span = phrase_span(doc, p)
            seen.add(span)
            spans.append(span)
            f = _shape_features(doc, p, sent, "nc")
            f.append(f"nc|back={back}")
            f.append(f"nc|back={back}|form={form}")
            inside = any(m.start <= span.start < m.end for m in q.message)
            f.append(f"nc|inside={inside}|form={form}")
            rank = rank_of[p.first]
            f.append(f"nc|rank={min(rank, 3)}|back={back}")
            before = tokens[p.first - 1].text if p.first > sent.first else ""
            after = tokens[p.last].text if p.last < sent.last else ""
            if cues.lookup(before) or cues.lookup(after) or before.lower() in _FRAME_WORDS | {"so"}:
                f.append(f"nc|by_cue|back={back}")
            _proposal_features(f, span, q, "nc")
            if span == previous:
                f.append("nc|previous")
                f.append(f"nc|previous|form={form}")
            if doc.span_text(span) in earlier:
                f.append("nc|earlier")
            feats.append(f)
    if previous is not None and previous not in seen:
        spans.append(previous)
        feats.append(["nc|previous", f"nc|previous|form={form}", "nc|previous_far"])
    null: Features = [
        "nc|null",
        f"nc|null|form={form}",
        f"nc|null|origin={q.origin}",
        f"nc|null|prop={q.source is not None}",
        f"nc|null|previous={previous is not None}",
    ]
    feats.append(null)
    return spans, feats


def _shape_features(doc: Doc, p: Phrase, sent: Sentence, prefix: str) -> Features:
    """What a phrase is, whatever its cue: kind, first and neighbouring words, heads, extensions."""
    tokens = doc.tokens
    fw = _word_class(tokens[p.first].text)
    pw = _word_class(tokens[p.first - 1].text) if p.first > sent.first else "<s>"
    nw = _word_class(tokens[p.last].text) if p.last < sent.last else "</s>"
    f: Features = [
        f"{prefix}|k={p.kind}",
        f"{prefix}|fw={fw}",
        f"{prefix}|pw={pw}",
        f"{prefix}|nw={nw}",
        f"{prefix}|len={_bucket(p.last - p.first, (1, 2, 3, 6, 10))}",
    ]
    if p.kind != "np":
        f.append(f"{prefix}|pron={tokens[p.first].text.lower()}")
    if p.cut:
        f.append(f"{prefix}|cut")
    for part in p.parts:
        f.append(f"{prefix}|part={part}")
    for h in _head_classes([t.text for t in tokens[p.first : p.core]]):
        f.append(f"{prefix}|h={h}")
        f.append(f"{prefix}|h={h}|fw={fw}")
    return f


def _proposal_features(f: Features, span: Span, q: Quote, prefix: str) -> None:
    if q.source is None:
        return
    if span == q.source:
        f.append(f"{prefix}|prop=same")
        f.append(f"{prefix}|prop=same|origin={q.origin}")
    elif span.overlaps(q.source):
        f.append(f"{prefix}|prop=overlap")


class SourceChooser:
    """Component: re-chooses the source of every quote with a cue (see the module docstring)."""

    def __init__(self, model: Ranker | None = None, path: Path = MODEL_FILE) -> None:
        self.model = model or Ranker.load(path)
        self.info = ComponentInfo.of_model("sources")

    def choose_cued(self, doc: Doc, flags: list[int] | None = None) -> dict[Span, Span | None]:
        """The first pass: the quotes with a cue, each on its own; returns old span -> new span."""
        changed: dict[Span, Span | None] = {}
        if flags is None:
            flags = token_flags(doc.tokens)
        for q in doc.quotes:
            if q.parent < 0 and q.cue:
                found = candidate_features(doc, q, flags)
                if found is not None:
                    phrases, feats = found
                    best, _ = self.model.choose(feats)
                    new = phrase_span(doc, phrases[best]) if best < len(phrases) else None
                    if q.source is not None and new != q.source:
                        changed[q.source] = new
                    q.source = new
                    trim(doc, q)
        return changed

    def __call__(self, doc: Doc) -> None:
        if not doc.quotes:
            return
        join_speech_noun_frames(doc)  # the ranker was trained on the task's frame phrases
        try:
            self._choose(doc)
        finally:
            split_speech_noun_frames(doc)

    def _choose(self, doc: Doc) -> None:
        flags = token_flags(doc.tokens)
        changed = self.choose_cued(doc, flags)
        previous: Span | None = None
        earlier: set[str] = set()
        phrases: dict[int, list[Phrase]] = {}  # by sentence: read once however many quotes look
        for q in doc.quotes:  # in text order: a continuation sees the choice before it
            if q.parent >= 0 and q.parent < len(doc.quotes):
                q.source = doc.quotes[q.parent].source
            elif not q.cue and q.source in changed:
                q.source = changed[q.source]  # a continuation of a quote whose source changed
            elif not q.cue and q.message and (RERANK_CUELESS or q.source is None):
                spans, feats = cueless_features(doc, q, previous, earlier, phrases, flags)
                if feats:
                    best, _ = self.model.choose(feats)
                    q.source = spans[best] if best < len(spans) else None
            if q.source is not None:
                previous = q.source
                earlier.add(doc.span_text(q.source))
