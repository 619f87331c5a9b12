"""Reported speech: a speech act told by its verb and object, not by a content clause.

"Die Polizei sprach von einer friedlichen Demonstration.", "Die EU fordert eine bessere
Bekämpfung der Korruption.", "Merkel bezeichnete die Wahl als Ungerechtigkeit." report that
someone said something without rendering what was said (SpkAtt form ``Reported``): a main-clause
speech verb whose complement is a noun or prepositional phrase (a content clause would have made
it an indirect quote, found before this step), in the simple tenses, the perfect ("hatte
Aufklärung gefordert") or the passive ("wurde von Stolpe als unrealistisch bezeichnet").

The message is what was said: the clause without its frame ("von einer friedlichen
Demonstration"), the subject the source, the verb the cue. The task annotates the whole sentence
as the message and leaves the cue empty; ``benchmarks.accuracy`` widens the message to its
sentence when it writes the task format, and keeps the cue (on the dev split the cue costs 0.3
points of full-task joint F1, through the cue role alone).
"""

from __future__ import annotations

from zitat_server import __version__
from zitat_server.document import Doc, Form, Quote, Sentence, Span, SpanIndex, Token
from zitat_server.extraction import mentions
from zitat_server.extraction.attribution import (
    after_dateline,
    foreign_particle,
    mention_span,
    other_sense,
    pick_entry,
    relative_clause,
    source_for,
)
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.continuation import room_beside
from zitat_server.extraction.mentions import Mention
from zitat_server.language import cues
from zitat_server.language.function_words import (
    COORDINATORS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
)
from zitat_server.language.holders import FRAME_COMPOUND_ENDS, FRAME_NOUNS
from zitat_server.language.marks import CLAUSE_PUNCT, SENTENCE_FINAL
from zitat_server.language.mood import AUXILIARIES, FINITE_HAVE
from zitat_server.language.names import is_name_word
from zitat_server.language.roles import is_group_noun, is_media, is_organisation, is_person_noun

CONFIDENCE = 0.5
#: Words outside quotation marks a reported sentence needs ("nannte die Absage einen „Vertrauensbruch“").
MIN_WORDS_BESIDE_QUOTES = 4
#: The finite verb of a main clause stands early: after one constituent (V2), rarely beyond this.
MAX_VERB_POSITION = 25
#: Finite auxiliaries of the passive before a speech verb's participle (the perfect: FINITE_HAVE).
PASSIVE_AUXILIARIES = frozenset("wird wurde werden wurden".split())
#: Speech verbs whose participle mostly tells no speech act: "die Ergebnisse wurden mit der
#: vorhergehenden Studie verglichen".
NOT_COMPOUND = frozenset({"vergleichen", "ansehen"})
#: The agent of a passive: "von Stolpe als unrealistisch bezeichnet".
AGENT_MARKERS = frozenset({"von", "vom"})
#: Subjects of no reported speech act: generic "man", and the first person, which news uses
#: inside somebody's (often unmarked) words.
_NOT_REPORTERS = frozenset({"man", "ich", "wir"})
#: Words that deny the act: "gab die Behörde nicht bekannt", "nannte keine Einzelheiten".
_NEGATIONS = frozenset({"nicht", "keine", "keinen", "keinerlei", "nie", "niemals"})


def reported(doc: Doc, quotes: list[Quote]) -> list[Quote]:
    """``REPORTED`` quotes for the sentences no quote in ``quotes`` covers (a direct quote may
    nest inside), at most one per sentence."""
    covered = SpanIndex(
        [
            *(m for q in quotes if q.form is not Form.DIRECT for m in q.message),
            # "gab bekannt: „…“": the frame of the direct quote after its colon, not reported speech
            *(c for q in quotes if q.form is Form.DIRECT and _after_colon(doc.text, q.start) for c in q.cue),
        ]
    )
    quoted = SpanIndex([*(r.outer for r in doc.quoted_regions()), *(m for q in quotes for m in q.message)])
    out: list[Quote] = []
    for sent in doc.sentences:
        if covered.overlaps(sent.start, sent.end):
            continue
        quote = _sentence(doc, sent, quoted)
        if quote is not None:
            out.append(quote)
    return out


def _sentence(doc: Doc, sent: Sentence, quoted: SpanIndex) -> Quote | None:
    tokens = doc.tokens
    first, last = after_dateline(tokens, sent.first, sent.last), sent.last
    while last > first and tokens[last - 1].text in SENTENCE_FINAL:
        last -= 1
    if not room_beside(doc, sent, quoted, MIN_WORDS_BESIDE_QUOTES):
        return None  # a quoted sentence: the direct quotes' business
    comma = False
    for j in range(first, min(last, first + MAX_VERB_POSITION)):
        text = tokens[j].text
        if text in CLAUSE_PUNCT:
            comma = True
            continue
        if j > first and not text.islower():
            continue  # "Berichte", "Teile": nouns
        if text.lower() in FINITE_HAVE | PASSIVE_AUXILIARIES:
            quote = _compound(tokens, sent, first, j, last, comma)
            if quote is not None:
                return quote
            continue
        entries = [e for e in cues.lookup(text) if e.finite and e.lemma in cues.REPORTED_OBJECTS]
        if not entries or j + 1 >= last or tokens[j + 1].text in CLAUSE_PUNCT:
            continue  # no speech verb, or verb-final: a subordinate clause
        if j > first and tokens[j - 1].text.lower() in DETERMINERS | PREPOSITIONS:
            continue  # "der prognostizierten Länge": a participle adjective
        if j > first and tokens[j - 1].text == "," and _clause_before_comma(tokens, first, j - 1):
            continue  # "Wir wollen …, kündigte er an": a frame after its message, not reported speech
        if tokens[j + 1].text.lower() in AUXILIARIES:
            continue  # "…, die den Schlüssel verlangen könnten": an infinitive in a subordinate clause
        if foreign_particle(tokens, j, last) or other_sense(tokens, j, last):
            continue  # "verlangen … ab", "teilte … aus": another verb; "nennt sich": naming
        cue = [j]
        entry = pick_entry(entries, tokens, j, last, cue)
        if entry.particle and len(cue) == 1:
            continue
        preps = cues.REPORTED_OBJECTS[entry.lemma]
        if preps and not any(tokens[k].text.lower() in preps for k in range(j + 1, _clause_end(tokens, j, last))):
            continue  # the preposition must be the verb's own: "Wir sprechen mit …, so viele von ihnen …"
        frame = {j, *cue}
        if j > first and tokens[j - 1].text.lower() in COORDINATORS:
            # "Zielpunkt bestätigt die Maßnahme und begründet sie mit …": the first verb's clause
            # is the subject's and no part of what the second verb reports
            source = mentions.phrase_after(tokens, first, j)
            frame.update(range(first, j))
        else:
            source = source_for(tokens, first, j, last)
        if source is None or comma and source.first > j:
            continue
        if tokens[source.first].text.lower() in _NOT_REPORTERS:
            # "Rosinenbomber nannte man …": a name; "Wir sprechen über …": inside somebody's speech
            continue
        if not may_hold(tokens, source):
            continue  # "Die Arithmetik und der Kalender sprechen für Romney": no holder, no act
        if _negated(tokens, j, _clause_end(tokens, j, last)):
            continue  # "Die Identität des Kindes gab die Behörde nicht bekannt": nothing was said
        return Quote(
            _content(tokens, first, last, frame, source),
            Form.REPORTED,
            entry.medium,
            cue=[Span(tokens[i].start, tokens[i].end) for i in sorted(cue)],
            source=mention_span(tokens, source),
            confidence=CONFIDENCE,
        )
    return None


def _compound(tokens: list[Token], sent: Sentence, first: int, aux: int, last: int, comma: bool) -> Quote | None:
    """A speech verb's participle closing a main clause after its auxiliary: the perfect ("Die CDU
    hatte Aufklärung gefordert.") and the passive, whose source is the agent after "von" ("Die
    Forderungen wurden von Stolpe als unrealistisch bezeichnet.") or none ("Als Termin wurde der
    22. Oktober genannt.")."""
    if aux + 1 >= last or tokens[aux + 1].text in CLAUSE_PUNCT:
        return None  # verb-final: a subordinate clause
    if aux > first and tokens[aux - 1].text == "," and _clause_before_comma(tokens, first, aux - 1):
        return None
    participle = _clause_end(tokens, aux, last) - 1
    if participle <= aux + 1:
        return None
    passive = tokens[aux].text.lower() in PASSIVE_AUXILIARIES
    entry = next(
        (
            e
            for e in cues.lookup(tokens[participle].text)
            if not e.finite and e.lemma in cues.REPORTED_OBJECTS and e.lemma not in NOT_COMPOUND
        ),
        None,
    )
    if entry is None:
        return None
    preps = cues.REPORTED_OBJECTS[entry.lemma]
    if preps and not any(tokens[k].text.lower() in preps for k in range(first, participle)):
        return None
    if passive:
        agent = next((k for k in range(first, participle) if tokens[k].text.lower() in AGENT_MARKERS), None)
        source = None if agent is None else mentions.phrase_after(tokens, agent + 1, participle)
    else:
        source = source_for(tokens, first, aux, participle)
        if source is None or comma and source.first > aux or tokens[source.first].text.lower() in _NOT_REPORTERS:
            return None
    frame = {aux, participle} | ({agent} if passive and source is not None else set())
    end = participle + 1
    if end + 2 < last and tokens[end].text == "," and _relative_after(tokens, end + 1, last):
        end = last  # "hatte … über Hunderte Fälle berichtet, in denen Konzerne Steuern vermieden"
    return Quote(
        _content(tokens, first, end, frame, source),
        Form.REPORTED,
        entry.medium,
        cue=[Span(tokens[participle].start, tokens[participle].end)],
        source=mention_span(tokens, source),
        confidence=CONFIDENCE,
    )


def _content(tokens: list[Token], first: int, last: int, frame: set[int], source: Mention | None) -> list[Span]:
    """What was said: the clause ``tokens[first:last]`` without its frame (the verb, its particle
    or auxiliary, the source and a passive's "von"), in one span per stretch, and without an
    adverbial before the verb ("Am Montag gab die Behörde … bekannt": "Am Montag" is no content).
    "Die Polizei sprach von einer friedlichen Demonstration." -> "von einer friedlichen Demonstration".
    """
    out_of = set(frame)
    if source is not None:
        out_of.update(range(source.first, source.last))
    parts: list[tuple[int, int]] = []
    k = first
    while k < last:
        if k in out_of or tokens[k].text in CLAUSE_PUNCT:
            k += 1
            continue
        start = k
        while k < last and k not in out_of:
            k += 1
        end = k
        while end > start and tokens[end - 1].text in CLAUSE_PUNCT:
            end -= 1
        if end > start:
            parts.append((start, end))
    if len(parts) > 1 and parts[0][0] == first and _adverbial(tokens, parts[0][0], parts[0][1]):
        parts = parts[1:]
    if not parts:
        parts = [(first, last)]
    return [Span(tokens[a].start, tokens[b - 1].end) for a, b in parts]


def _adverbial(tokens: list[Token], first: int, last: int) -> bool:
    """A stretch before the verb that is no fronted object: a preposition's phrase ("Am Ende des
    Wahlabends"), an adverb ("Gestern", "So", "Bereits im Januar")."""
    word = tokens[first].text.lower()
    return word in PREPOSITIONS or word not in DETERMINERS and not tokens[first].text[:1].isupper() or (
        last - first == 1 and word not in DETERMINERS
    ) or word in _ADVERB_OPENERS


#: Capitalised sentence openers that are adverbs, not the start of a fronted object.
_ADVERB_OPENERS = frozenset("so dabei gestern heute damals bereits zuletzt auch zudem außerdem nun jetzt".split())


def may_hold(tokens: list[Token], source: Mention) -> bool:
    """Can the mention hold a speech act: a person, a role, an organisation, a medium, a group or
    a pronoun ("die Polizei", "Merkel", "Experten"), not a thing ("Die Arithmetik", "Seinen
    Ausstieg aus der Serie", "Die Identität des Kindes")?"""
    if source.kind in ("name", "pronoun", "role"):
        return True
    words = [t.text for t in tokens[source.first : source.last]]
    return any(
        is_organisation(w) or is_media(w) or is_group_noun(w) or is_person_noun(w) or is_name_word(w) or _document(w)
        for w in words
        if w[:1].isupper()
    )


def _document(word: str) -> bool:
    """A document or a body's lead, which hold claims too: "Der ROG-Jahresbericht", "Eine aktuelle
    Schätzung", "die Vereinsführung", "Die Armeeleitung"."""
    low = word.lower()
    return low in FRAME_NOUNS or low.endswith(FRAME_COMPOUND_ENDS)


def _after_colon(text: str, start: int) -> bool:
    """Does a colon introduce the quotation starting at ``start``?"""
    return text[:start].rstrip().endswith(":")


def _negated(tokens: list[Token], j: int, end: int) -> bool:
    """Is the clause of the verb at ``j`` negated ("gab … nicht bekannt", "nannte keine Namen")?"""
    for t in tokens[j + 1 : end]:
        if t.text in COORDINATORS or t.text == "aber":
            return False  # "verwies auf … und möchte nicht …": the next verb's clause
        if t.text in _NEGATIONS:
            return True
    return False


def _relative_after(tokens: list[Token], k: int, last: int) -> bool:
    """A relative clause at ``k`` that tells more of the object: "…, die …", "…, in denen …"."""
    if tokens[k].text.lower() in PREPOSITIONS and tokens[k + 1].text.lower() in RELATIVE_PRONOUNS:
        return True
    return relative_clause(tokens, k, last)


def _clause_end(tokens: list[Token], j: int, last: int) -> int:
    """The end of the clause of the verb at ``j``: the next clause punctuation or ``last``."""
    k = j + 1
    while k < last and tokens[k].text not in CLAUSE_PUNCT:
        k += 1
    return k


def _clause_before_comma(tokens: list[Token], first: int, comma: int) -> bool:
    """Is the part before the comma a clause of its own (with a pronoun subject or a finite
    modal), the message an inverted frame after it reports? "Wir wollen …, kündigte er an"."""
    return any(t.text.lower() in AUXILIARIES or t.text.lower() in PRONOUNS for t in tokens[first:comma])


class ReportedSpeech:
    """Component: adds the reported-speech sentences no earlier step covered."""

    info = ComponentInfo("reported", __version__, "rules", "Speech verbs with a noun-phrase object: Reported")

    def __call__(self, doc: Doc) -> None:
        doc.quotes = sorted([*doc.quotes, *reported(doc, doc.quotes)], key=lambda q: q.start)
