"""Addressees: to whom a speech act is directed (``Quote.addressee``).

The task marks an addressee on about one event in twelve, and most of them are of two shapes:

* the object of a verb that addresses somebody: "Kritiker werfen Obama vor, …", "Er forderte die
  SPD auf, …", "Thaksin beschuldigte General Prem, …", "bat Premierminister Key, …", and in the
  passive its subject, "Klien wurde vorgeworfen, …", "Die Männer werden beschuldigt, …", or the
  phrase after the verb's preposition, "appellierte an die Regierung", "fordert von der Regierung";
* the audience of a verb of saying: "sagte er gegenüber Deutschlandradio", "sagte Merkel vor der
  Presse", "sagte er zur Nachrichtenagentur dpa", "in einem Interview mit der Financial Times",
  "An die Gewerkschaften gewandt sagte Köhler", and a medium in the dative, "sagte SPIEGEL ONLINE".

Attribution cuts a dative medium out of a source it took with it ("sagte der Ministerpräsident
der „Welt am Sonntag“") and sets that; this component, run after every quote is found, gives
the rest to any cued quote without one. Only phrases outside the quote's source and cue (and
message, unless the act is reported, whose message is its whole clause), not governed by a
preposition, are objects; nothing is the addressee of an act whose verb addresses nobody.
On the dev split the addressee F1 rose from 19.8 to 54.2 (P 93.3, R 38.2) with this component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Set

from zitat_server import __version__
from zitat_server.document import Doc, Form, Quote, Span, Token
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.mentions import Mention, phrase_after
from zitat_server.language import cues
from zitat_server.language.function_words import COORDINATORS, DETERMINERS, PREPOSITIONS
from zitat_server.language.holders import PLACES
from zitat_server.language.marks import NAME_CLOSERS, NAME_OPENERS
from zitat_server.language.mood import FINITE_HAVE
from zitat_server.language.roles import (
    ADDRESSEE_PREPOSITIONS,
    AUDIENCES,
    is_group_noun,
    is_media,
    is_organisation,
    is_person_noun,
    is_plural_body,
    is_role,
)

#: Verbs whose object is the addressee ("warf der Regierung vor", "forderte die SPD auf"), from the
#: news train split: of the events with these cues, 30 of 31 (vorwerfen), 17 of 17 (auffordern),
#: 6 of 7 (beschuldigen), 5 of 6 (bitten), 3 of 4 (empfehlen) have one.
OBJECT_VERBS = frozenset(
    """vorwerfen auffordern aufrufen beschuldigen bezichtigen bitten ersuchen empfehlen raten fragen vorschlagen
    ermahnen drängen anweisen warnen""".split()
)
#: Verbs whose addressee follows a preposition: "appellierte an die Regierung", "fordert von der
#: Staatsregierung einen Plan".
_PREPOSITION_VERBS = {"appellieren": "an", "fordern": "von", "verlangen": "von"}
_OBJECT_PRONOUNS = frozenset("ihm ihn ihr ihnen uns euch mir mich dir dich".split())
#: Endings of nouns of people and the public a demand addresses: "Bürger", "Öffentlichkeit".
_PEOPLE_ENDINGS = ("bürger", "bürgern", "öffentlichkeit", "bevölkerung", "gemeinschaft", "welt", "reisenden")
_AUDIENCE_PREPOSITIONS = ADDRESSEE_PREPOSITIONS | {"zu", "zur", "zum", "mit", "an"}
_TURNED = frozenset({"gewandt", "gewendet", "gerichtet"})
#: Nouns of a conversation whose "mit" names the other side: "in einem Interview mit der Zeitung".
_CONVERSATIONS = frozenset({"interview", "gespräch", "telefonat", "telefoninterview", "fernsehinterview"})
_MORE_PREPOSITIONS = frozenset({"laut", "gemäß", "seitens"})
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?"})
_AUXILIARIES = frozenset("wird werden wurde wurden ist sind war waren worden sei seien".split())
_FINITE_AUXILIARIES = FINITE_HAVE | {"habe"}  # "er habe ihm … vorgeworfen"
#: What follows a fronted object: its clause's finite verb ("Ihm wird …", "Klien wurde …").
_AFTER_FRONTED = _AUXILIARIES | _FINITE_AUXILIARIES
#: Words that head no addressee: times ("heute", "Montag") and the like.
_NOT_ADDRESSEES = frozenset(
    """heute gestern morgen montag dienstag mittwoch donnerstag freitag samstag sonntag jahr jahres
    woche monat tag abend nachmittag vormittag""".split()
)


def addressing_lemma(doc: Doc, quote: Quote, after: frozenset[str] = frozenset()) -> str:
    """The lemma of the quote's cue when it addresses somebody, else "". A separable verb counts
    with its particle in the cue or among the words ``after`` it in its clause ("forderte … auf"
    is auffordern, "forderte" alone fordern)."""
    words = [doc.span_text(c).lower() for c in quote.cue]
    parts = {w for text in words for w in text.split()} | after
    entries = [e for text in words for word in text.split() for e in cues.lookup(word)
               if (e.lemma in OBJECT_VERBS or e.lemma in _PREPOSITION_VERBS)
               and (not e.particle or e.particle in parts)]
    # a particle present decides: "forderte … auf" is auffordern before fordern
    return next((e.lemma for e in entries if e.particle), next((e.lemma for e in entries), ""))


class Addressees:
    """Component: sets ``Quote.addressee`` where attribution left none."""

    info = ComponentInfo("addressees", __version__, "rules", "Addressees: objects of addressing verbs, audiences")

    def __call__(self, doc: Doc) -> None:
        for quote in doc.quotes:
            if quote.addressee is None and quote.cue:
                quote.addressee = addressee_of(doc, quote)


def addressee_of(doc: Doc, quote: Quote) -> Span | None:
    """The addressee of one cued quote, or None: the object of an addressing cue, else the audience
    of a verb of saying, in the clause of the cue."""
    tokens = doc.tokens
    cue_tokens = {k for c in quote.cue for k in doc.token_range(c.start, c.end)}
    if not cue_tokens:
        return None
    first_cue = min(cue_tokens)
    sent = doc.sentences[doc.sentence_of(first_cue)]
    taken = set(cue_tokens)
    # a reported act's message is its whole clause, addressee included ("So riet die FDP-Politikerin
    # Elke Hoff dem Verteidigungsminister zu mehr Zurückhaltung"), as the task marks it
    message = [] if quote.form is Form.REPORTED else quote.message
    for span in (*message, *([quote.source] if quote.source is not None else [])):
        taken.update(doc.token_range(span.start, span.end))
    # the clause: from the message before the cue (if any) to the message after it
    start = max((k + 1 for m in message for k in doc.token_range(m.start, m.end) if k < first_cue),
                default=sent.first)
    end = min((k for m in message for k in doc.token_range(m.start, m.end) if k > first_cue),
              default=sent.last)
    quoted = {k for region in doc.quoted or () for piece in region.pieces
              for k in doc.token_range(piece.start, piece.end) if sent.first <= k < sent.last}
    # a separable verb's particle closes its clause: "forderte die SPD … auf, …", "… auf."
    after = frozenset(tokens[k].text.lower() for k in range(first_cue + 1, end)
                      if k + 1 >= end or tokens[k + 1].text in _CLAUSE_ENDS)
    lemma = addressing_lemma(doc, quote, after)
    if lemma in _PREPOSITION_VERBS:
        return _after_preposition(tokens, taken, first_cue, end, _PREPOSITION_VERBS[lemma])
    if lemma:
        # a participle at the clause's end: the object follows the finite auxiliary ("hat
        # Deutschland heute Versagen … vorgeworfen")
        finite = next((k for k in range(start, first_cue) if k not in taken
                       and tokens[k].text.lower() in _FINITE_AUXILIARIES), -1)
        common = _CommonNouns(doc.text)
        words = taken | quoted  # nobody quoted is addressed: "einen „konsequenten Mückenschutz“"
        found = _object(tokens, words, start, finite, first_cue, common) if finite >= 0 else None
        return found or _object(tokens, words, start, first_cue, end, common)
    said = {k for m in quote.message for k in doc.token_range(m.start, m.end)}
    return _audience(tokens, taken, said, quoted, start, first_cue, end)


_DETERMINER_ALTERNATION = "|".join(sorted(DETERMINERS))


class _CommonNouns:
    """Whether the article writes a word after an article somewhere ("den Völkermord"), as it
    writes nouns and not names; looked up on demand, once per word."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        if word not in self.seen:
            pattern = rf"\b(?:{_DETERMINER_ALTERNATION})\s+{re.escape(word)}(?![\w-])"
            self.seen[word] = re.search(pattern, self.text) is not None
        return self.seen[word]


def _span(tokens: list[Token], m: Mention) -> Span:
    return Span(tokens[m.first].start, tokens[m.last - 1].end)


def _free(taken: set[int], m: Mention) -> bool:
    return not any(k in taken for k in range(m.first, m.last))


def _object(tokens: list[Token], taken: set[int], start: int, verb: int, end: int,
            common: Callable[[str], bool]) -> Span | None:
    """The first phrase after the finite verb that is neither source nor governed by a
    preposition ("warf die Staatsanwaltschaft | Ertel | vor"), else the one fronted before the verb
    ("Klien wurde vorgeworfen", "Ihren Widersacher Jeremy Corbyn forderte May auf")."""
    m = next((m for m in _phrases(tokens, taken, verb + 1, end) if _addressable(tokens, m, common)), None)
    if m is not None:
        return _span(tokens, m)
    # fronted: the phrase that opens the clause, right before its finite verb ("Ihm wird unter
    # anderem vorgeworfen", "Klien wurde vorgeworfen", "Ihren Widersacher … forderte May auf")
    opening = next((k for k in range(start, verb) if k not in taken), verb)
    m = phrase_after(tokens, opening, verb) if opening == start or tokens[opening - 1].text in _CLAUSE_ENDS else None
    finite = m is not None and (m.last == verb or tokens[m.last].text.lower() in _AFTER_FRONTED)
    if finite and _free(taken, m) and tokens[m.first].text.lower() not in _NOT_ADDRESSEES:
        return _span(tokens, m)
    return None


def _inside_phrase(tokens: list[Token], j: int) -> bool:
    """Whether token ``j`` continues a phrase begun before it ("die | Neuwahlen", "vor den „ |
    Lohnverzichtstheorien“") or one a preposition governs ("aus der bolivianischen | Zeitung", "laut
    | Spiegel Online"): before it only determiners, adjectives and quotation marks, back to a
    determiner or preposition."""
    k = j - 1
    while k >= 0:
        word = tokens[k].text
        low = word.lower()
        if low in PREPOSITIONS or low in _MORE_PREPOSITIONS:
            return True
        if low in DETERMINERS:
            return True
        if word in NAME_OPENERS:  # "den „ | Lohnverzichtstheorien“", or a quoted name a phrase governs
            return k == j - 1 or _inside_phrase(tokens, k)
        if not (word.islower() and low.endswith(_ADJECTIVE_ENDINGS)):
            return False
        k -= 1
    return False


def _addressable(tokens: list[Token], m: Mention, common: Callable[[str], bool]) -> bool:
    """Whether a phrase can name whom an act addresses: a name, a role, a pronoun in the dative or
    accusative ("warf ihm vor"), or a noun of a body or of people ("die Öffentlichkeit", "alle
    Bewohner", "die Regierung"); not what is demanded or alleged ("forderte Neuwahlen", "warf ihm
    Verrat vor"), nor a time ("heute")."""
    head = tokens[m.last - 1].text
    low = head.lower()
    if m.kind == "pronoun":
        return low in _OBJECT_PRONOUNS
    if low in _NOT_ADDRESSEES:
        return False
    if m.kind == "role" or m.kind == "name" and (m.last - m.first > 1 or not common(head)):
        return True  # one word the article writes after an article is a noun: "den Völkermord"
    return (is_organisation(head) or is_media(head) or is_group_noun(head) or is_person_noun(head)
            or is_role(head) or is_plural_body(head) or low.endswith(_PEOPLE_ENDINGS) or head in PLACES)


def _after_preposition(tokens: list[Token], taken: set[int], start: int, end: int, preposition: str) -> Span | None:
    """ "appellierte an die Regierung", "fordert von der Staatsregierung": the phrase after the
    preposition, if it can be addressed ("fordert von 10 auf 20 Prozent" addresses nobody)."""
    for j in range(start, end - 1):
        if j in taken or tokens[j].text.lower() != preposition or j > 0 and tokens[j - 1].text[:1].isupper():
            continue  # "den Rücktritt von Pierers": a noun's
        m = phrase_after(tokens, j + 1, end)
        if m is not None and _free(taken, m) and _addressable(tokens, m, lambda _word: False):
            return _span(tokens, m)
    return None


def _audience(tokens: list[Token], taken: set[int], said: Set[int], quoted: Set[int], start: int, cue: int,
              end: int) -> Span | None:
    """Whom a verb of saying addresses: "gegenüber der Zeitung", "vor Journalisten", "zur
    Nachrichtenagentur dpa", "in einem Interview mit der Financial Times", or a medium or audience
    in the dative after the verb ("sagte der „Berliner Zeitung“", "sagte Reportern"). Not a
    preposition inside a quotation, nor one right after the message ``said`` ("als „aggressiv“
    gegenüber den Sicherheitskräften"), nor a topic ("zur Lage")."""
    for j in range(start, end - 1):
        low = tokens[j].text.lower()
        if j in taken or j in quoted or low not in _AUDIENCE_PREPOSITIONS:
            continue
        if j > 0 and (j - 1 in said or tokens[j - 1].text in NAME_CLOSERS):
            continue
        if low == "mit" and not (j > 0 and tokens[j - 1].text.lower() in _CONVERSATIONS):
            continue
        if low == "an":  # "An die Gewerkschaften gewandt sagte Köhler"
            m = phrase_after(tokens, j + 1, end)
            if m is not None and m.last < end and tokens[m.last].text.lower() in _TURNED and _free(taken, m):
                return _span(tokens, m)
            continue
        m = phrase_after(tokens, j + 1, end)
        if m is None or not _free(taken, m):
            continue
        if low == "vor" and _head(tokens, m).lower() not in AUDIENCES:
            continue
        if low in ("zu", "zur", "zum", "mit") and not _medium(tokens, m):
            continue  # "zur Lage", "zu den Vorwürfen": a topic; "im Interview mit dem Anwalt": the speaker
        return _with_name(tokens, _core(tokens, m), end)
    for m in _phrases(tokens, taken, cue + 1, end, quoted=quoted, past_prepositions=False):
        dative = tokens[m.first].text.lower() in ("der", "dem", "den") or m.kind == "name"
        if dative and (_medium(tokens, m) or _head(tokens, m).lower() in AUDIENCES):
            return _span(tokens, _core(tokens, m))
    return None


def _phrases(tokens: list[Token], taken: Set[int], j: int, end: int, *, quoted: Set[int] = frozenset(),
             past_prepositions: bool = True) -> Iterator[Mention]:
    """The phrases from token ``j`` to the end of its clause that no preposition governs, that hold
    no ``taken`` token and start at no ``quoted`` one: the candidates for an object. With
    ``past_prepositions`` a prepositional phrase is skipped whole, with what it coordinates."""
    while j < end and tokens[j].text not in _CLAUSE_ENDS:  # an object stands in the verb's clause
        if past_prepositions and tokens[j].text.lower() in PREPOSITIONS:  # the whole prepositional phrase
            governed = phrase_after(tokens, j + 1, end)
            j = governed.last if governed is not None else j + 1
            while j + 1 < end and tokens[j].text.lower() in COORDINATORS:  # "mit Waffen und Uniformen"
                more = phrase_after(tokens, j + 1, end)
                if more is None:
                    break
                j = more.last
            continue
        m = None if j in taken or j in quoted or _inside_phrase(tokens, j) else phrase_after(tokens, j, end)
        if m is None:
            j += 1
            continue
        if _free(taken, m):
            yield m
        j = max(j + 1, m.last)


def _core(tokens: list[Token], m: Mention) -> Mention:
    """The phrase without an apposition or parenthesis after its core: "der Presse" of "der Presse,
    Benedikt XVI."."""
    last = next((k for k in range(m.first + 1, m.last) if tokens[k].text in (",", "(")), m.last)
    return Mention(m.first, last, m.kind, m.name, m.roles, m.feminine)


def _head(tokens: list[Token], m: Mention) -> str:
    return tokens[_core(tokens, m).last - 1].text


def _with_name(tokens: list[Token], m: Mention, end: int) -> Span:
    """The phrase with a medium's name written in lower case after it: "Nachrichtenagentur dpa"."""
    last = m.last
    while last < end and tokens[last].text.islower() and is_media(tokens[last].text):
        last += 1
    return Span(tokens[m.first].start, tokens[last - 1].end)


def _medium(tokens: list[Token], m: Mention) -> bool:
    """A medium: "der Nachrichtenagentur dpa", "SPIEGEL ONLINE", "der „Berliner Zeitung“"."""
    return any(is_media(t.text) for t in tokens[m.first : m.last])
