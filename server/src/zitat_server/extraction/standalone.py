"""Direct quotes that stand alone: whose are they?

News quotes a speaker in one sentence and goes on in the next with his words in quotation marks
and no frame ("Nach Ansicht von Wulff ist … . „Es ist nur eine gutachterliche Stellungnahme.“"),
or names him and then quotes him ("Sadiq Khan verurteilte die Haltung der Regierung. „…“"). The
task marks the speaker named before as the source. Run once every quote is found and nested
(:class:`~zitat_server.extraction.nesting.Nesting` calls it), as it reads the quotes around.
"""

from __future__ import annotations

from zitat_server.document import Doc, Form, Quote, Sentence, Span
from zitat_server.extraction import mentions
from zitat_server.language import cues
from zitat_server.language.function_words import PRONOUNS
from zitat_server.language.marks import QUOTE_MARKS


def _opens_sentence(doc: Doc, q: Quote, sent: Sentence) -> bool:
    """Does ``q``'s message start the sentence, right after its opening mark ("„Mein Bruder …")?"""
    return not doc.text[sent.start : q.message[0].start].strip(QUOTE_MARKS + " ")


def standalone_sources(doc: Doc) -> None:
    """A direct quote that makes up a sentence of its own, with no cue and no source ("„Mein
    Bruder wünscht sich im Alter mehr Ruhe.“"), goes on with the speaker of the sentence right
    before it: the source of a quote ending there ("Nach Ansicht von Wulff ist … . „Es ist nur
    eine gutachterliche Stellungnahme.“"). So does a quoted phrase in a sentence that opens with
    no phrase that could speak it and reads no colon ("Das Gericht sieht … . Daraus wird ein
    „grundrechtlich erhebliches Schutzbedürfnis“ abgeleitet."), but only from such a quote. After
    a sentence with no quote, a whole-sentence quote goes on with the last speaker before when
    that sentence names him again ("…, will Oettinger die Naturwissenschaften straffen. „…“"),
    else with the sentence's subject if it tells of speech."""
    for q in doc.quotes:
        if q.source is not None or q.cue or q.form is not Form.DIRECT or not q.message:
            continue
        first = doc.token_range(q.message[0].start, q.message[0].end)
        k = doc.sentence_of(first[0]) if first else -1
        if k <= 0:
            continue
        whole = _opens_sentence(doc, q, doc.sentences[k])
        if not whole and (
            doc.text[: q.message[0].start].rstrip(QUOTE_MARKS + " ").endswith(":")
            or mentions.phrase_after(doc.tokens, doc.sentences[k].first, doc.sentences[k].last) is not None
        ):
            continue
        prev = doc.sentences[k - 1]
        before = [
            p
            for p in doc.quotes
            if p is not q and p.message and p.source is not None and prev.start <= p.message[-1].end <= prev.end
        ]
        if before and _framed_before(doc, before[-1]):
            q.source = before[-1].source
            continue
        if before and _pronoun_source(doc, before[-1]):
            named = _named_before(doc, doc.sentences[max(0, k - 1 - PRONOUN_REACH)].start, prev.start)
            if named is not None:
                q.source = named
                continue
        if not whole:
            continue
        if not before:
            named = _named_before(doc, doc.sentences[max(0, k - 1 - PRONOUN_REACH)].start, prev.start)
            if named is not None and _named_in(doc, named, prev):
                q.source = named
                continue
        subject = _speaking_subject(doc, prev, before)
        if subject is not None:
            q.source = subject


def _speaking_subject(doc: Doc, sent: Sentence, quotes: list[Quote]) -> Span | None:
    """The subject at the start of ``sent`` if it names somebody (a name, a role, a noun with a
    definite article: "Der ältere Bruder des Papstes, Georg Ratzinger") and ``sent`` tells of
    speech: a verb of saying, a colon at its end or the cue of one of its ``quotes`` ("nach
    eigenem Bekunden")."""
    subject = mentions.phrase_after(doc.tokens, sent.first, sent.last)
    if subject is None:
        return None
    named = subject.kind in ("name", "role") or (
        subject.kind == "noun" and doc.tokens[subject.first].text in _DEFINITE_ARTICLES
    )
    cued = any(sent.start <= c.start and c.end <= sent.end for p in quotes for c in p.cue)
    if not named or not (cued or _says(doc, sent)):
        return None
    return Span(doc.tokens[subject.first].start, doc.tokens[subject.last - 1].end)


_DEFINITE_ARTICLES = frozenset({"Der", "Die", "Das"})


def _framed_before(doc: Doc, p: Quote) -> bool:
    """Is ``p``'s source named before its message and no pronoun? ("Nach Ansicht von Wulff ist …"),
    not its object or a phrase inside it ("Khan verurteilte die Haltung der Regierung")."""
    assert p.source is not None
    return p.source.end <= p.message[0].start and doc.text[p.source.start : p.source.end].lower() not in PRONOUNS


def _says(doc: Doc, sent: Sentence) -> bool:
    """Does ``sent`` tell of speech: a verb of saying or judging ("verurteilte", "forderte … auf")
    or a colon at its end? ("Spielberg war … zurückgetreten." does not: the quote after it is
    somebody else's, about him.)"""
    words = doc.tokens[sent.first : sent.last]
    return bool(words) and words[-1].text == ":" or any(t.text.islower() and t.text in cues.VERBS for t in words)


#: Sentences before the one with a pronoun source in which its named speaker may be found.
PRONOUN_REACH = 3


def _pronoun_source(doc: Doc, p: Quote) -> bool:
    """Is ``p``'s source a bare pronoun ("sei er zu dem Schluss gekommen")?"""
    assert p.source is not None
    return doc.text[p.source.start : p.source.end].lower() in PRONOUNS


def _named_before(doc: Doc, start: int, end: int) -> Span | None:
    """The source of the last quote ending in ``[start, end)`` whose source is named before its
    message and no pronoun: whom a pronoun source right after stands for ("Der Bundespräsident
    begründete … . … sei er zu dem Schluss gekommen, … . „Ich bin davon überzeugt …“")."""
    named = [
        p
        for p in doc.quotes
        if p.message and p.source is not None and start <= p.message[-1].end < end and not _pronoun_source(doc, p)
    ]
    return named[-1].source if named and _framed_before(doc, named[-1]) else None


def _named_in(doc: Doc, source: Span, sent: Sentence) -> bool:
    """Does ``sent`` name the person of ``source`` again, by its last name word ("Ministerpräsident
    Günther Oettinger (CDU) …" / "Um die Zeit dafür zu gewinnen, will Oettinger …")?"""
    words = [t.text for t in doc.tokens if source.start <= t.start and t.end <= source.end and t.text[:1].isupper()]
    last = next((w for w in reversed(words) if not w.isupper()), None)
    return last is not None and any(t.text == last for t in doc.tokens[sent.first : sent.last])
