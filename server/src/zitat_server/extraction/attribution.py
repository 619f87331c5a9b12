"""Rule-based quote attribution: direct, indirect and reported speech.

Reads a tokenised ``Doc`` and the quoted regions, and finds for each speech event its
message, cue, source mention and form. The rules are precise on direct quotes and on the
frequent indirect frames ("X sagte, er habe …", "X teilte mit, dass …", "laut X …");
the learned models cover what rules cannot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zitat_server.document import Doc, Form, Medium, Quote, Quoted, Sentence, Span, SpanIndex, Token
from zitat_server.extraction import mentions
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.mentions import Mention
from zitat_server.language import cues
from zitat_server.language.dates import WEEKDAYS
from zitat_server.language.function_words import (
    ATTACHING,
    CLAUSE_OPENERS,
    COMPLEMENTIZERS,
    COORDINATORS,
    DASS,
    DETERMINERS,
    NOMINATIVE_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
)
from zitat_server.language.marks import (
    CLAUSE_PUNCT,
    NAME_CLOSERS,
    NAME_OPENERS,
    QUOTE_CHARS,
    SENTENCE_FINAL,
    is_quote_token,
)
from zitat_server.language.mood import (
    FINITE_HAVE,
    FINITE_MODALS,
    KONJUNKTIV_I,
    KONJUNKTIV_II,
    REPORTING_KONJUNKTIV_II,
    konjunktiv_in_e,
    pronoun_konjunktiv,
)
from zitat_server.language.names import is_first_name, is_name_word
from zitat_server.language.roles import is_media, is_role

_ZU_INFIX = re.compile(
    r"^(ab|an|auf|aus|bei|ein|mit|nach|vor|zu|zurück|her|hin|fest|weg|durch|um|über|los|fort)zu\w+en$"
)
_SO = "so"
#: Demonstratives that stand for a speaker named before: "„…“, so letztere.", "…, so schrieb diese, …".
_SPEAKER_DEMONSTRATIVES = frozenset("letztere letzterer ersterer erstere dieser diese jener jene".split())
#: Marks that set off an inserted frame: "…, so Müller, …", "… – so der Vorwurf – …".
_INSERT_MARKS = frozenset({",", "–", "—"})
MIN_DIRECT_TOKENS = 4
#: Words outside a found direct quote an indirect message around it needs (else it is the quote).
MIN_WORDS_AROUND_QUOTE = 2
#: The longest "wie X mitteilte" clause read as a frame.
MAX_WIE_CLAUSE = 20
#: Articles before a quoted region make it a name: "die „Süddeutsche Zeitung“".
_ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
#: The longest quoted region taken for a name after an article.
MAX_NAME_TOKENS = 6
#: Lower-case words of a noun phrase that are no verb: prepositions and conjunctions.
_NP_WORDS = frozenset("von vom des der und oder aus in im am an bei für mit zu zum zur".split())
#: Adverbs between a verb and its speech-noun frame ("sind jedoch der Auffassung"); not "nicht".
_FRAME_ADVERBS = frozenset(
    "jedoch aber auch allerdings dagegen hingegen ebenfalls weiterhin zudem offenbar wohl".split()
)
#: Prepositions of a place or an outlet after a subject: "die Polizei in Kassel", "im indischen …".
_PLACE_PREPOSITIONS = frozenset({"in", "im", "aus"})
#: Adverbs and conjunctions in -er that open what follows a frame: "nach Angaben der Polizei aber …".
_ADVERBS_IN_ER = frozenset(
    "aber oder wieder immer weiter später hier außer sicher seither daher vorher nachher".split()
)
#: The longest dateline before its dash ("Koblenz/Seattle –"), and the dashes that close it.
MAX_DATELINE = 5
_DASHES = frozenset({"–", "—", "-"})
#: A website in lower case, a medium the mention reader does not take: "ndr.de", "orf.at".
_WEB_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:de|at|ch|com|net|org|eu)")
#: Auxiliaries before "es geheißen": "In der Erklärung hatte es geheißen: …".
_HEISSEN_AUXILIARIES = frozenset({"hatte", "hat", "habe", "hätte"})
#: Prepositions after "heißt es" before the document or body that says it.
_WHERE = frozenset({"in", "im", "auf", "bei", "beim", "vonseiten", "seitens", "aus", "von", "vom"})
#: Words that open the clause a cue verb stands in, after the sentence start.
_CLAUSE_BOUNDARIES = frozenset({",", ";", ":"})
_CLAUSE_LINKS = frozenset({"und", "oder", "aber", "doch"})
_SUBORDINATORS = frozenset({"als", "weil", "nachdem", "während", "da", "obwohl", "wenn", "zumal"})
_GENITIVE_RELATIVES = frozenset({"dessen", "deren"})
#: Finite auxiliaries after a verb-final participle: "…, der erklärt hat, …".
_AUXILIARIES_AFTER = FINITE_HAVE | frozenset({"hätte", "hätten"})  # not "wurde": "die … erklärt wurde" is passive
#: Relative pronouns that can be a clause's subject (nominative forms).
_SUBJECT_RELATIVES = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
#: Adverbs between a finite auxiliary and its subject: "will heute Außenminister Straw …" (not
#: "man", a pronoun subject, nor a preposition: "wird man ohne Übertreibung sagen dürfen").
_SKIPPED_BEFORE_SUBJECT = CLAUSE_OPENERS - DETERMINERS - PREPOSITIONS - PRONOUNS - {"es", "jeder", "jede"}
#: Finite forms of "sein", "werden", "haben" that a main clause goes on with after a comma.
_MAIN_VERBS = frozenset(
    "ist sind war waren sei seien wäre wären wird werden wurde wurden hat haben hatte hatten".split()
)
#: Pronouns that are never a subject.
_OBJECT_PRONOUNS = frozenset({"ihm", "ihn"})
#: Pronouns that can only be a person subject (not "sie", which may be an object, nor "man").
_SUBJECT_PRONOUNS = NOMINATIVE_PRONOUNS - {"sie", "man"}
#: Forms of "halten" in "es für möglich halten, dass …".
_HOLD = frozenset("hält hielt hielten halte halten hielte".split())
#: Words that join a name to the noun it belongs to: "ein Vertreter der „con energy ag“".
_GENITIVE_OF = frozenset({"der", "des", "von", "vom"})
#: Adverbs between a verb and its inverted subject, or before a sentence's subject: "erklärten
#: nur die Gefängnisse", "Auch der Minister sagte".
_FOCUS_ADVERBS = frozenset("nur auch zudem außerdem jedoch dagegen allerdings bereits ebenfalls erneut".split())
#: Adverbs (and the reflexive) between a cue verb and the subject after it: "erklärten nur die
#: Gefängnisse", "meldeten dann die Internet-Nachrichten", "kündigte heute der Präsident an",
#: "äußerte sich Vatikansprecher Navarro-Valls", "Wie schon die WHO sagte".
_BEFORE_INVERTED_SUBJECT = _FOCUS_ADVERBS | frozenset(
    "sich dann heute gestern nun jetzt schon noch zuvor später damals inzwischen zunächst nochmals abermals".split()
)
#: Words before a subject at the clause start that take no place of their own: conjunctions, focus
#: particles, subordinators ("Aber Zeitungen berichteten", "Einzig Sony gab bekannt").
_BEFORE_SUBJECT = (
    frozenset({"und", "oder", "aber", "doch", "denn", "einzig", "selbst", "sogar", "gerade"})
    | _FOCUS_ADVERBS
    | frozenset({"weil", "nachdem", "während", "obwohl", "wenn", "zumal"})  # not "als": "Als Beispiel nannte …"
)
#: Pronouns after a comma that take up the clause before as what was said: "…, das teilte X mit".
_ANAPHORS = frozenset({"das", "dies"})
#: Adverbs of time between a verb and its inverted subject: "teilte später der Direktor … mit".
_TIME_ADVERBS = frozenset("später heute gestern zudem außerdem weiter ebenfalls nun jetzt dazu".split())
#: Words that open a subordinate clause or, before a noun phrase, a prepositional phrase.
_PREPOSITION_OR_SUBORDINATOR = frozenset({"seit", "während", "bis", "statt", "anstatt", "ohne"})
#: Conjunctions before a sentence-opening wie-clause: "Denn wie die Zeitung berichtete, …".
_OPENING_LINKS = frozenset({"Denn", "Und", "Aber", "Doch"})
#: Verbs that frame a statement only in a wie-clause: "Wie eine Studie ergab, …" ("ergab eine
#: Summe" elsewhere). Not "zeigen": "wie man auf der CES zeigte", "wie sich zeigte" tell no act.
_WIE_VERBS: dict[str, list[cues.CueVerb]] = {
    form: [cues.CueVerb(lemma, Medium.WRITING)]
    for lemma, forms in (("ergeben", "ergab ergaben ergibt ergeben"),)
    for form in forms.split()
}
#: Verbs of knowing that, with "man" or no subject, state common knowledge, not a thought.
_KNOWING = frozenset({"wissen"})
#: Modals that make a cue verb generic with "man" or no subject: "kann man nicht davon sprechen".
_MODALS = frozenset("kann könne konnte können darf dürfe durfte dürfen muss müsse musste müssen lässt".split())
_WILL = frozenset("wollte wollten will wollen konnte konnten kann können".split())
_HORTATIVE = frozenset({"lasst", "lass", "lassen"})
#: Nouns whose object "nach" opens: "Nachfrage nach …", "die Suche nach …", "der Ruf nach …".
_NACH_GOVERNORS = ("nachfrage", "suche", "forderung", "forderungen", "ruf", "bedarf", "sehnsucht")
#: Words that make a following dass-clause a consequence: "dermaßen …, dass", "derart …, dass".
_CONSECUTIVE = frozenset({"dermaßen", "derart", "derartig", "derartige", "derartigen"})
#: Finite auxiliaries of the passive: "wurde laut Kurier von X ausgesperrt" has "von X" as its agent.
_PASSIVE_FINITE = frozenset({"wurde", "wurden"})
_OBLIGATION = frozenset({"muss", "müssen"})
#: "eigenen Angaben": the holder is the clause's subject.
_OWN = frozenset({"eigenen", "eigener", "eigene"})
#: Role nouns of people who work for a medium, whose genitive names it: "der Chefredakteur der Zeitung".
_MEDIA_MEMBER = re.compile(
    r"(sprecher|chef|redakteur|herausgeber|korrespondent|reporter|journalist|leiter|direktor|mitarbeiter"
    r"|kolumnist|autor|vertreter|gründer|besitzer|eigentümer|intendant|moderator)(in|innen|s|en|e|n)?$",
    re.IGNORECASE,
)
#: Words beside a cue verb (by its lemma) that give it a sense other than speech ("bestätigt sich
#: die Befürchtung": proves true).
_NOT_SPEECH_BESIDE: dict[str, frozenset[str]] = {
    "sorgen": frozenset({"dafür", "für"}),
    "bestätigen": frozenset({"sich"}),
    "nennen": frozenset({"sich"}),  # "Aufbruch nennt sich die Bewegung": naming
}
#: How many words may stand before the finite verb of an inverted clause ("Am Ende des Tages griff",
#: "Bei einer Debatte um die Praxis des Vollzugs von Abschiebungen in Niedersachsen hatte sich
#: Pieper …"); 4 -> 12 gave the 700 train articles one right colon source more, none wrong.
_MAX_FIELD_BEFORE_VERB = 12
#: Plurals that report after "nach" as a report noun does: "nach palästinensischen Medien".
_REPORTING_PLURALS = frozenset({"Medien", "Quellen", "Medienberichten"})
#: Endings of adverbs that open a sentence capitalised ("Unmissverständlich", "Erwartungsgemäß").
_ADVERB_ENDINGS = ("lich", "weise", "gemäß", "maßen", "halber")
#: Auxiliaries of the werden-passive ("ist"/"war" also make the perfect of intransitives).
_PASSIVE_AUXILIARIES = cues.PASSIVE_AUXILIARIES - {"ist", "war"}
#: Pronouns that can be the subject of an inverted clause before a colon ("Dabei griff sie … an:").
_COLON_SUBJECT_PRONOUNS = NOMINATIVE_PRONOUNS - {"man"}
#: Prepositions that mark the agent of a passive.
_AGENT_MARKS = frozenset({"von", "vom", "seitens"})
#: Verbs whose passive subject (or dative) is the accused or the addressee, never the holder: "Klien
#: wurde vorgeworfen", "als er gefragt wurde", "Die Bürger werden aufgefordert".
_OBJECT_IN_PASSIVE = frozenset(
    {"vorwerfen", "beschuldigen", "bezichtigen", "verdächtigen", "anklagen", "vorhalten", "fragen", "bitten",
     "auffordern", "aufrufen", "warnen", "ermahnen"}
)
#: Determiners that open no subject: accusative masculine or dative plural ("Ihren Widersacher
#: Jeremy Corbyn forderte sie auf", "Den Bürgern sagte er").
_NOT_NOMINATIVE = frozenset("den einen ihren seinen diesen keinen meinen unseren jeden dem einem ihm".split())
#: Indefinite pronouns for people: their speech acts are hypothetical or denied.
_NOBODY_IN_PARTICULAR = frozenset({"jemand", "niemand", "keiner", "irgendjemand", "irgendwer"})
#: Verbs of deciding: a body's decision is a statement ("Der Sicherheitsrat beschloss, …"), one's
#: own is not ("Ich habe beschlossen, mich … zu stürzen").
_DECIDING = frozenset({"beschließen"})
_FIRST_PERSON = frozenset({"ich", "wir"})
#: Cue verbs that are no speech with "sich" in their clause ("sich versichern": insure).
_NOT_SPEECH_REFLEXIVE = frozenset({"versichern"})
#: Cue verbs that are thought only with "sich" ("sorgt sich, dass …"), else cause or care.
_REFLEXIVE_ONLY = frozenset({"sorgen"})
#: Words after which a cue word is an adjective or noun, not a verb.
_NOT_BEFORE_VERBS = frozenset(
    "ein eine einer eines einem einen am im vom zum zur beim mit von in auf aus bei für über unter durch".split()
)  # not "der", "dem": relative pronouns too ("auf dem geschrieben stand")
#: Words a message needs before a so-frame that is followed by more than a short tail.
MIN_SO_MESSAGE = 4
#: Words after which a new verb continues the frame's clause, not the content: "… und fügte hinzu".
_VERB_COORDINATORS = frozenset({",", "und", "aber", "sowie"})
#: How far an according-to phrase may reach past the mention that heads it.
MAX_FRAME_EXTENSION = 12
#: Words that go on an according-to phrase: "Angaben der Polizei des Landes", "von Ärzte ohne Grenzen".
_FRAME_LINKS = frozenset(
    {"des", "der", "eines", "einer", "seines", "seiner", "ihres", "ihrer", "von", "vom", "und", "ohne"}
)
#: The longest relative clause read as reported content ("…, wonach …").
MAX_RELATIVE_CLAUSE = 60
#: How far a separable verb's particle may stand from the verb ("teilte die Polizei … mit").
MAX_PARTICLE_DISTANCE = 40
#: Words after which a particle still closes its clause: "gab … bekannt und trat zurück".
_COORDINATORS = frozenset({"und", "oder", "sowie", "aber", "sondern"})


@dataclass(slots=True)
class _Frame:
    cue: list[int]  # token indices
    medium: Medium
    source: Mention | None


#: Finite verbs that put a clause in reported speech: Konjunktiv I and the Konjunktiv II forms
#: that stand in for it.
_REPORTING_MOOD = KONJUNKTIV_I | REPORTING_KONJUNKTIV_II
_FRAMED_MOOD = KONJUNKTIV_I | KONJUNKTIV_II


def konjunktiv_clause(tokens: list[Token], first: int, last: int, framed: bool = False) -> bool:
    """Does the clause ``tokens[first:last]`` have a Konjunktiv-I finite verb near its start?

    A capitalised word inside the clause is a noun ("die Spiele"), not the verb form it spells.
    ``framed``: the clause follows a cue ("sagte, Y könnte …"), so every Konjunktiv II counts,
    the singular modals too, which without a frame are as often the reporter's own voice.
    """
    mood = _FRAMED_MOOD if framed else _REPORTING_MOOD
    window = tokens[first : min(last, first + 12)]
    for k, t in enumerate(window):
        verb = k == 0 or not t.text[:1].isupper()
        if verb and t.text.lower() in mood or k > 0 and pronoun_konjunktiv(window[k - 1].text, t.text):
            return True
        if framed and 0 < k < len(window) - 1 and _noun_konjunktiv(window[k - 1].text, t.text, window[k + 1].text):
            return True
    return False


def _noun_konjunktiv(previous: str, word: str, following: str) -> bool:
    """ "die Partei stagniere in …": a verb in -e after a noun subject, not an adjective before one."""
    return previous[:1].isupper() and len(word) > 4 and konjunktiv_in_e(word) and not following[:1].isupper()


class RuleAttributor:
    """Component: the quotes the rules find (origin ``rules``); stateless, safe to share."""

    info = ComponentInfo("attribution", "rules-0.7", "rules", "Cue lexicon; direct, indirect, reported frames")

    def __call__(self, doc: Doc) -> None:
        doc.quotes = sorted([*doc.quotes, *self._find(doc)], key=lambda q: q.start)

    def _find(self, doc: Doc) -> list[Quote]:
        if not doc.tokens:
            return []
        ctx = _Context(doc)
        found: list[Quote] = []
        prev: tuple[Quote, int] | None = None  # last direct quote and its last sentence
        for q in doc.quoted_regions():
            if q.depth > 0:
                continue
            quote, last_sent = self._direct(ctx, q, prev)
            if quote is not None:
                found.append(quote)
                prev = (quote, last_sent)
        ctx.covered = SpanIndex(q.message[0] for q in found)  # indirect speech is sought outside them
        last_indirect = -2  # the sentence of the last indirect quote
        for n, sent in enumerate(doc.sentences):
            quote = None
            if n > 0 and last_indirect < n - 1:
                quote = self._anaphoric(ctx, doc.sentences[n - 1], sent)
            quote = quote or self._indirect(ctx, sent)
            if quote is not None:
                found.append(quote)
                last_indirect = n
                nested = self._nested_according_to(ctx, quote)
                if nested is not None:
                    found.append(nested)
        for quote in found:
            quote.addressee = _medium_addressee(ctx.doc, quote)  # the others: extraction.addressees
        found.sort(key=lambda x: x.start)
        return found

    def _nested_according_to(self, ctx: _Context, quote: Quote) -> Quote | None:
        """An according-to frame inside a verb frame's content: "X sagte, nach neuesten
        Erkenntnissen habe ein Unbekannter …" reports two acts, the task marks the inner one as
        nested. Only at the start of a one-span message, where the frame opens the content."""
        tokens = ctx.doc.tokens
        if len(quote.message) != 1 or not quote.cue or quote.form is not Form.INDIRECT:
            return None
        span = ctx.doc.token_range(quote.message[0].start, quote.message[0].end)
        first, last = span.start, span.stop
        if last - first < 5:
            return None
        low = tokens[first].text.lower()
        if not (low in cues.PREPOSITIONS or low == "nach" and _nach_noun(tokens, first, last)) or first in ctx.used:
            return None
        return self._according_to(ctx, first, first, last)

    # -- direct quotes -------------------------------------------------------------------

    def _direct(self, ctx: _Context, q: Quoted, prev: tuple[Quote, int] | None) -> tuple[Quote | None, int]:
        doc, tokens = ctx.doc, ctx.doc.tokens
        inner = ctx.doc.token_range(q.start, q.end)
        if not inner:
            return None, -1
        open_tok, close_tok = inner[0] - 1, inner[-1] + 1
        first_sent, last_sent = ctx.doc.sentence_of(inner[0]), ctx.doc.sentence_of(inner[-1])
        sent, sent_last = doc.sentences[first_sent], doc.sentences[last_sent]
        if prev is not None and _coordinated(tokens, open_tok, prev[0]):
            # als „aggressiv“ und „herausfordernd“: the second quote shares the first one's frame
            p = prev[0]
            message = Span(q.outer.start, q.outer.end)
            return Quote([message], Form.DIRECT, p.medium, list(p.cue), p.source, confidence=p.confidence), last_sent
        if names_a_thing(tokens, open_tok, sent.first, len(inner)) or scare_adjective(tokens, open_tok, len(inner)):
            return None, -1  # die „Kampagne für ein Freies Tibet“, die Studie „Linke Gewalt in Berlin“
        frame = self._frame_after(ctx, close_tok, sent_last.last)
        if frame is None and not _labelled(tokens, sent.first, open_tok):
            frame = self._frame_before(ctx, sent.first, open_tok, close_tok, sent_last.last)
        if frame is None:
            frame = self._colon_frame(ctx, sent.first, open_tok, first_sent)
        if frame is None and tokens[inner[0]].text in DASS:
            frame = _speech_noun_frame_before(tokens, sent.first, open_tok)  # "kam zu dem Ergebnis, „dass …“"
        long_enough = len(inner) >= MIN_DIRECT_TOKENS
        confidence = 0.9
        if frame is None and long_enough and prev is not None and first_sent - prev[1] <= 1:
            # A further quoted sentence right after a framed quote continues it.
            p = prev[0]
            if p.source is not None:
                message = Span(q.outer.start, q.outer.end)
                cont = Quote([message], Form.DIRECT, p.medium, list(p.cue), p.source, confidence=0.7)
                return cont, last_sent
        if frame is None or (not long_enough and not frame.cue):
            return None, -1
        if not long_enough and (frame.source is None or name_like(tokens, inner)):
            return None, -1
        ctx.direct_cues.update(frame.cue)
        message = Span(q.outer.start, q.outer.end)
        if frame.source is None:
            confidence = 0.6
        return (
            Quote(
                message=[message],
                form=Form.DIRECT,
                medium=frame.medium,
                cue=_spans(tokens, frame.cue),
                source=mention_span(tokens, frame.source),
                confidence=confidence,
            ),
            last_sent,
        )

    def _frame_after(self, ctx: _Context, i: int, end: int) -> _Frame | None:
        """„…“, schrieb Umjerow. / „…“, so Müller. / „…“, sagte er den Reportern."""
        tokens = ctx.doc.tokens
        j = i + 1
        if j < end and tokens[j].text == ",":
            j += 1
        if j >= end or j in ctx.used or j in ctx.direct_cues:
            return None
        w = tokens[j].text
        if w.lower() == _SO:
            src = mentions.phrase_after(tokens, j + 1, end) or _demonstrative_speaker(tokens, j + 1, end)
            return _Frame([j], Medium.SPEECH, src) if src is not None else None
        entries = cues.lookup(w)
        if not entries and not ctx.in_parens[j] and tokens[j - 1].text == ",":
            return _auxiliary_frame_after(tokens, j, end)  # "„…“, hatte Müller gesagt.", "„…“, wird X zitiert."
        if not entries or not _verb_position(tokens, j, i) or ctx.in_parens[j]:
            return None
        if foreign_particle(tokens, j, end):
            return None
        cue = [j]
        entry = pick_entry(entries, tokens, j, end, cue)
        if entry.particle and len(cue) == 1:
            return None
        if heisst_es(tokens, j, entry, cue):
            return _Frame(cue, entry.medium, heisst_es_holder(tokens, j, j, end))  # "„…“, heißt es in dem Brief."
        after = j + 2 if j + 2 < end and tokens[j + 1].text == "sich" else j + 1  # "„…?“ fragen sich Experten"
        return _Frame(cue, entry.medium, mentions.phrase_after(tokens, after, end))

    def _frame_before(
        self, ctx: _Context, start: int, open_tok: int, close_tok: int = -1, end: int = -1
    ) -> _Frame | None:
        """Umjerow sagte: „…“ / Ihm zufolge wurde „…“ / Laut Müller „…“ / Sie sicherte ihm ihre
        „volle Unterstützung“ zu (the particle after the quote, when ``close_tok`` is given)."""
        tokens = ctx.doc.tokens
        for j in range(open_tok - 1, start - 1, -1):
            if ctx.in_quote(j) or j in ctx.used or j in ctx.direct_cues:
                continue
            low = tokens[j].text.lower()
            according_to = low in cues.PREPOSITIONS or low == "nach" and _nach_noun(tokens, j, open_tok)
            if low in cues.POSTPOSITIONS or according_to:
                cue = [j]
                before = low in cues.POSTPOSITIONS
                if before:
                    phrase = mentions.phrase_before(tokens, j, start)
                else:
                    phrase = mentions.phrase_after(tokens, j + 1, open_tok)
                if phrase is not None:
                    phrase = _speech_noun_holder(tokens, phrase, cue, start, phrase.first if before else j)
                return _Frame(cue, Medium.SPEECH_WRITING, phrase)
            entries = cues.lookup(tokens[j].text)
            if entries and not _verb_position(tokens, j, start) or ctx.in_parens[j]:
                continue  # "einem bekannten Rechtsextremisten", "(Wikinews berichtete)"
            if entries and _particle_of_earlier_verb(tokens, start, j):
                continue  # "gab … bekannt:": the particle of "gab", not the participle of "bekennen"
            if entries and other_sense(tokens, j, open_tok):
                continue  # "sorgte ein Gesetzesentwurf für Aufsehen: …"
            if entries:
                cue = [j]
                entry = pick_entry(entries, tokens, j, open_tok, cue)
                if entry.particle and len(cue) == 1:
                    after = _particle_after(tokens, entries, close_tok, end)
                    if after is None:
                        continue
                    entry = after[0]
                    cue.append(after[1])
                if heisst_es(tokens, j, entry, cue):
                    return _Frame(cue, entry.medium, heisst_es_holder(tokens, start, j, open_tok))
                src = mentions.subject_before(tokens, j, start)
                if src is None or not nominative(tokens, src):
                    src = source_for(tokens, start, j, open_tok)  # "Den Namen … gab das ZDF bekannt: „…“"
                return _Frame(cue, entry.medium, src)
        return None

    def _colon_frame(self, ctx: _Context, start: int, open_tok: int, sent_index: int) -> _Frame | None:
        """Koppelin wörtlich: „…“ / Die Firma empfindet das als falsch: „…“ (colon in this or the last sentence)."""
        tokens = ctx.doc.tokens
        colon = open_tok - 1
        if colon >= start and tokens[colon].text == ":":
            clause_start = start
        elif open_tok == start and sent_index > 0 and tokens[start - 1].text == ":":
            colon = start - 1
            clause_start = ctx.doc.sentences[sent_index - 1].first
        else:
            return None
        dash = _label_dash(tokens, clause_start, colon)
        if dash is not None:
            # a headline's speaker label after its dash: "Parlament stimmt für Referendum – Tsipras: „…“",
            # "… – Als Nachfolger gehandelter Zidane: „…“" (the clause before the dash is another one)
            clause_start = dash + 1
            label = _speaker_label(tokens, dash, colon)
            if label is not None:
                return _Frame([], Medium.SPEECH, label)
        frame = self._frame_before(ctx, clause_start, colon)
        if frame is not None:
            return frame
        so_frame = _so_before_colon(tokens, clause_start, colon)
        if so_frame is not None:
            return _Frame([], Medium.SPEECH, so_frame)  # "…, so Elshorst weiter: „…“" (its "so" cues the clause before)
        src = colon_speaker(tokens, clause_start, colon)
        return _Frame([], Medium.SPEECH, src) if src is not None else None

    # -- indirect speech ------------------------------------------------------------------

    def _indirect(self, ctx: _Context, sent: Sentence) -> Quote | None:
        tokens = ctx.doc.tokens
        first, last = after_dateline(tokens, sent.first, sent.last), sent.last
        while last > first and tokens[last - 1].text in SENTENCE_FINAL:
            last -= 1
        if last <= first:
            return None
        for j in range(first, last):
            if j in ctx.used or ctx.in_quote(j):
                continue
            low = tokens[j].text.lower()
            if low == "wie":
                wie = self._wie_frame(ctx, j, first, last)
                if wie is not None:
                    return wie
            if j == first and low in cues.SENTENCE_FRAMES and last - first > 3:
                # "Demnach" is its own source, an anaphor of the report before (as the task marks it)
                anaphor = mentions.Mention(j, j + 1, "pronoun", [], [])
                return self._quote(ctx, first + 1, last, [j], anaphor, Medium.SPEECH_WRITING, 0.6)
            relative = low == "nach" and j + 1 < last and tokens[j + 1].text in cues.NACH_RELATIVES
            if low in cues.RELATIVE_FRAMES or relative:
                quote = self._relative_frame(ctx, j, first, last)
                if quote is not None:
                    return quote
                continue
            if low in cues.POSTPOSITIONS or low in cues.PREPOSITIONS or low == "nach":
                quote = self._according_to(ctx, j, first, last)
                if quote is not None:
                    return quote
                continue
            if low == _SO and j > first and tokens[j - 1].text in _INSERT_MARKS:
                quote = self._so_frame(ctx, j, first, last)
                if quote is not None:
                    return quote
                continue
            if j > first and low in cues.SPEECH_NOUNS and tokens[j].text[:1].isupper():
                quote = self._noun_frame(ctx, j, first, last)
                if quote is not None:
                    return quote
                continue
            if low in _HOLD:
                quote = self._opinion_frame(ctx, j, first, last)
                if quote is not None:
                    return quote  # else "hält daran fest, …" is read as a verb of saying below
            if j > first and tokens[j].text[:1].isupper():
                continue  # "die Frage, ob …", "Berichte über …": a noun, not the verb it spells
            entries = cues.lookup(tokens[j].text)
            if not entries or other_sense(tokens, j, last) or foreign_particle(tokens, j, last):
                continue
            cue = [j]
            entry = pick_entry(entries, tokens, j, last, cue)
            if entry.particle and len(cue) == 1:
                continue
            quote = self._clause_after(ctx, first, last, j, cue, entry) or self._clause_before(
                ctx, first, last, j, cue, entry
            )
            if quote is not None:
                return quote
        return None

    def _anaphoric(self, ctx: _Context, before: Sentence, sent: Sentence) -> Quote | None:
        """Der Plan sei gescheitert. Dies bestätigte ein Sprecher. — the message is the sentence before.

        The pronoun that takes it up is frame; the task annotates the sentence before and the
        pronoun as the message (train split: 24 of 29 such frames take one sentence, 4 two), which
        ``benchmarks.accuracy`` writes.
        """
        tokens = ctx.doc.tokens
        first, last = sent.first, sent.last
        if last - first < 3 or tokens[first].text not in cues.ANAPHORIC_OPENERS:
            return None
        if ctx.in_quote(before.first) or ctx.overlaps_covered(before.start, before.end):
            return None
        j = first + 1
        entries = [e for e in cues.lookup(tokens[j].text) if e.finite]
        if not entries or ctx.in_quote(j):
            return None
        cue = [j]
        entry = pick_entry(entries, tokens, j, last, cue)
        if entry.particle and len(cue) == 1:
            return None
        if any(tokens[k].text in {",", ":"} for k in range(j + 1, min(last, j + 4))):
            return None  # "Dazu erklärte X, dass …": a clause of its own follows
        source = _mention_near(tokens, j + 1, last, entry.source_after)
        if source is None:
            return None
        ctx.used.update(cue)
        return Quote(
            # "Das" is frame (the task's message adds it); a dateline ("Wien –") is no content
            message=[Span(tokens[after_dateline(tokens, before.first, before.last)].start, before.end)],
            form=Form.INDIRECT,
            medium=entry.medium,
            cue=_spans(tokens, cue),
            source=mention_span(tokens, source),
            confidence=0.7,
        )

    def _quote(
        self,
        ctx: _Context,
        m_first: int,
        m_last: int,
        cue: list[int],
        source: Mention | None,
        medium: Medium,
        confidence: float,
        form: Form = Form.INDIRECT,
    ) -> Quote | None:
        """An indirect quote with message ``tokens[m_first:m_last]``; marks its cue as used."""
        return self._parts_quote(ctx, [(m_first, m_last)], cue, source, medium, confidence, form)

    @staticmethod
    def _parts_quote(
        ctx: _Context,
        parts: list[tuple[int, int]],
        cue: list[int],
        source: Mention | None,
        medium: Medium,
        confidence: float,
        form: Form = Form.INDIRECT,
    ) -> Quote | None:
        """A quote whose message is the token ranges ``parts`` (on both sides of its frame, say),
        unless they would cut a quotation; marks its cue as used."""
        tokens = ctx.doc.tokens
        if not ctx.holds_quotes_whole(parts[0][0], parts[-1][1]):
            return None
        ctx.used.update(cue)
        agent = source is not None and (
            source.first > 0 and tokens[source.first - 1].text.lower() in _AGENT_MARKS
            or any(tokens[i].text == ":" for i in range(source.last, min(cue)))  # "X hat Anklage erhoben: Ihm …"
        )
        if source is not None and not agent and _object_in_passive(tokens, cue):
            source = None  # "Klien wurde vorgeworfen, …": the accused, not who accuses ("von der Anklage": who does)
        return Quote(
            message=[Span(tokens[a].start, tokens[b - 1].end) for a, b in parts],
            form=form,
            medium=medium,
            cue=_spans(tokens, cue),
            source=mention_span(tokens, source),
            confidence=confidence,
        )

    def _clause_after(
        self, ctx: _Context, first: int, last: int, j: int, cue: list[int], entry: cues.CueVerb
    ) -> Quote | None:
        """X sagte (am Montag), er habe … / X teilte mit, dass … / X kündigte an, zurückzutreten."""
        tokens = ctx.doc.tokens
        k = ctx.next_break[max(cue) + 1]
        if k >= last or tokens[k].text not in {",", ":"} and tokens[k].text.lower() not in DASS:
            return None
        if any(tokens[v - 1].text in _COORDINATORS and cues.lookup(tokens[v].text) for v in range(max(cue) + 1, k)):
            return None  # "sprach sich dagegen aus und sagte, …": the clause is the later verb's
        after = max(cue) + 1
        if after + 1 < k and tokens[after].text in COORDINATORS and tokens[after + 1].text not in DASS:
            return None  # "…, der das Verbrechen als Zweck ansieht und auf … verzichtet, …": another verb's
        if any(tokens[v].text.lower() in _CONSECUTIVE for v in range(max(cue) + 1, k)):
            return None  # "erzählen dermaßen unterschiedliche Versionen, dass …": a consequence, not content
        m_start = k + 1 if tokens[k].text in {",", ":"} else k
        if m_start >= last or ctx.in_quote(m_start) and tokens[m_start].text not in QUOTE_CHARS:
            return None
        opener = tokens[m_start].text.lower()
        if relative_clause(tokens, m_start, last):
            return None
        content = (
            opener in COMPLEMENTIZERS
            or konjunktiv_clause(tokens, m_start, last, framed=True)
            or _infinitive_clause(tokens, m_start, last)
        )
        if not content and not _statement_clause(tokens, entry, k, m_start, last):
            return None
        if heisst_es(tokens, j, entry, cue):
            source = heisst_es_holder(tokens, first, j, k)  # "In der Mitteilung heißt es, dass …"
        else:
            source = source_for(tokens, first, j, k)
        pronoun_before_comma = source is not None and source.last == k and source.kind == "pronoun"
        if not content and max(cue) != k - 1 and not pronoun_before_comma:
            # Only when the verb (or its particle) stands right before the comma, or a pronoun
            # subject: after "sagte Müller," a clause opening with "der" is about Müller.
            return None
        if source is None and not entry.finite:
            return None
        if _generic_act(tokens, first, j, k, entry, source):
            return None
        end = _message_end(tokens, m_start, last)
        head = min(cue) - 1  # "Die Regierung habe versagt, sagte Müller, sie müsse gehen": both parts
        if (
            source is not None
            and source.first > j
            and head > first + 1
            and tokens[head].text == ","
            and konjunktiv_clause(tokens, first, head)
        ):
            parts = [(first, head), (m_start, end)]
            return self._parts_quote(ctx, parts, cue, source, entry.medium, 0.75)
        return self._quote(ctx, m_start, end, cue, source, entry.medium, 0.75 if source else 0.5)

    def _clause_before(
        self, ctx: _Context, first: int, last: int, j: int, cue: list[int], entry: cues.CueVerb
    ) -> Quote | None:
        """Er habe …, sagte X. / Es sah so aus, als ob …, sagte X weiter. / …, heißt es."""
        tokens = ctx.doc.tokens
        if not entry.finite:
            perfect = self._perfect_frame_after(ctx, first, j, cue, entry)
            if perfect is not None:
                return perfect
        comma = j - 1
        if comma > first + 1 and tokens[comma].text.lower() in _ANAPHORS and tokens[comma - 1].text == ",":
            comma -= 1  # "…, das teilte das Institut mit": the pronoun takes up the clause before
        if comma <= first or tokens[comma].text != ",":
            return None
        after = j + 1  # the subject stands before a separated particle: "…, teilte das Amt mit"
        if heisst_es(tokens, j, entry, cue):
            return self._quote(ctx, first, comma, cue, heisst_es_holder(tokens, first, j, last), entry.medium, 0.6)
        source = mentions.phrase_after(tokens, after, last)
        if source is None and after + 1 < last and tokens[after].text in _TIME_ADVERBS:
            after += 1  # "…, teilte später der Direktor der Behörde mit"
            source = mentions.phrase_after(tokens, after, last)
        if source is None or _adverbial_clause(tokens, first):
            return None  # "Wenn …, droht ihm …", "Nachdem …, forderten beide …": an adverbial clause
        if not nominative(tokens, source):
            return None  # "Hubert Primus, der …, wies den Vorwurf zurück": the object, no inverted subject
        subject = mentions.phrase_after(tokens, first, comma)
        if subject is not None and subject.last >= comma:
            return None  # "Die Fraktionschefin, Petra Pau, forderte …": a noun phrase, no clause
        if _colon_quotation(tokens, first, comma):
            return None  # "X äußerte sich besorgt: „Wir befürchten das Schlimmste“, sagte er": a direct quote
        konj = konjunktiv_clause(tokens, first, comma) or tokens[first].text.lower() in COMPLEMENTIZERS
        if not konj and not _ends_clause(tokens, source.last, last):
            return None
        if not konj and not _may_hold_a_verb(tokens, first, comma):
            return None  # "Die Politikerin von Bündnis 90 / Die Grünen, Anja Hajduk, kritisierte …"
        tail = _interrupted_tail(tokens, source.last, last) if konj else None
        if tail is not None:
            # "Wähler hätten zudem, schreibt Politico, eine Schwäche für …": the frame interrupts
            return self._parts_quote(ctx, [(first, comma), tail], cue, source, entry.medium, 0.7)
        return self._quote(ctx, first, comma, cue, source, entry.medium, 0.7)

    def _perfect_frame_after(
        self, ctx: _Context, first: int, j: int, cue: list[int], entry: cues.CueVerb
    ) -> Quote | None:
        """Die Strafe sei zu milde, hatte der Staatsanwalt gesagt. — a frame in the perfect after its
        content: the auxiliary opens it after a comma, the participle closes the sentence."""
        tokens = ctx.doc.tokens
        aux = next((k for k in range(j - 1, first + 1, -1) if tokens[k].text.lower() in FINITE_HAVE), None)
        if aux is None or tokens[aux - 1].text != "," or not _ends_clause(tokens, j, ctx.doc.sentences[
            ctx.doc.sentence_of(j)
        ].last):
            return None
        source = mentions.phrase_after(tokens, aux + 1, j)
        end = j - 1 if tokens[j - 1].text == "," else j
        if source is None or source.last != end:
            return None  # "…, hatte die Oberstaatsanwältin von Grosseto, Maria Navarro, gesagt"
        if not konjunktiv_clause(tokens, first, aux - 1):
            return None
        return self._quote(ctx, first, aux - 1, [aux, *cue], source, entry.medium, 0.7)

    def _wie_frame(self, ctx: _Context, w: int, first: int, last: int) -> Quote | None:
        """Wie die Agentur AFP berichtet, habe sich … / …, wie ein Sprecher mitteilte. / …, wie es hieß, …

        A clause "wie X <verb>" (verb-final) frames the rest of the sentence: the part after it when
        it opens the sentence, the parts around it when it follows a comma. The cue is "wie" with
        the verb (and its particle or passive auxiliary), as the task marks it.
        """
        tokens = ctx.doc.tokens
        opening = w == first + 1 and tokens[first].text in _OPENING_LINKS  # "Denn wie die Zeitung berichtete, …"
        if w != first and tokens[w - 1].text != "," and not opening:
            return None
        stop = min(last, w + 1 + MAX_WIE_CLAUSE)
        for end in range(w + 3, stop + 1):  # the clause ends before a comma (past appositions) or the end
            if end < last and tokens[end].text not in CLAUSE_PUNCT:
                continue
            found = self._wie_verb(ctx, w, end)
            if found is not None:
                cue, entries = found
                break
        else:
            return None
        subject_end = min(cue[1:])
        if any(tokens[i].text.lower() in _NOBODY_IN_PARTICULAR for i in range(w + 1, subject_end)):
            return None  # "wie jemand anderer dazu sagt": a hypothetical speaker, no act
        source = mentions.phrase_after(tokens, _after_adverbs(tokens, w + 1, subject_end), subject_end)
        if source is None and tokens[w + 1].text in NAME_OPENERS and tokens[subject_end - 1].text in NAME_CLOSERS:
            source = mentions.Mention(w + 1, subject_end, "name", [], [])  # "Wie „heise online“ berichtet"
        if source is None and subject_end == w + 2 and _WEB_DOMAIN.fullmatch(tokens[w + 1].text):
            source = mentions.Mention(w + 1, w + 2, "name", [tokens[w + 1].text], [])  # "Wie t-online.de berichtet"
        entry = entries[0]
        heisst = entry.lemma == "heißen" and tokens[w + 1].text == "es" and w + 3 < subject_end
        if source is None and heisst and tokens[w + 2].text.lower() in _WHERE:
            # "wie es auf einer Pressekonferenz in Oslo hieß": the document or event after "es";
            # not a language ("wie es auf Elsässisch heißt") nor whoever asked ("auf Anfrage des …")
            source = mentions.phrase_after(tokens, w + 3, subject_end)
            contracted = tokens[w + 2].text.lower() in {"im", "beim", "vom"}
            if source is not None and not contracted and tokens[source.first].text.lower() not in DETERMINERS:
                source = None
            if source is not None and any(
                tokens[k].text.lower().endswith("anfrage") for k in range(source.first, source.last)
            ):
                source = None
        if source is None and entry.source_after and tokens[w + 1].text.lower() == entry.source_after:
            source = mentions.phrase_after(tokens, w + 2, subject_end)  # "wie aus der Polizeistatistik hervorgeht"
        if w == first or opening:
            return self._quote(ctx, end + 1, last, cue, source, entry.medium, 0.7)
        before = _strip_punct(tokens, first, w)
        after = _strip_punct(tokens, end, last)
        parts = [p for p in (before, after) if p[1] > p[0]]
        if not parts or before[1] - before[0] < 2:
            return None
        return self._parts_quote(ctx, parts, cue, source, entry.medium, 0.7)

    def _wie_verb(self, ctx: _Context, w: int, end: int) -> tuple[list[int], list[cues.CueVerb]] | None:
        """The cue of a wie-clause ending before ``end``: its last word is the verb (or its auxiliary)."""
        tokens = ctx.doc.tokens
        verb = end - 1
        cue = [w]
        if tokens[verb].text.lower() in cues.PASSIVE_AUXILIARIES and verb - 1 > w:
            cue.append(verb)  # "wie … zitiert wird"
            verb -= 1
        known = cues.lookup(tokens[verb].text) or _WIE_VERBS.get(tokens[verb].text.lower(), [])
        entries = [e for e in known if not e.particle]
        joined = [e for e in cues.lookup(tokens[verb].text) if e.particle == tokens[verb - 1].text.lower()]
        if joined:
            cue.append(verb - 1)  # "wie … bekannt gab"
            entries = joined
        entries = [e for e in entries if e.lemma not in cues.NAMING_VERBS]  # "wie er genannt wird"
        if not entries or ctx.in_quote(verb):
            return None
        cue.append(verb)
        return cue, entries

    def _according_to(self, ctx: _Context, j: int, first: int, last: int) -> Quote | None:
        """Ihm zufolge … / Laut der Ministerin … / Nach Angaben der Polizei … / Nach einer Studie …"""
        tokens = ctx.doc.tokens
        if _question(tokens, last):
            return None  # "Welche Vorschläge sind Ihrer Meinung nach verfassungswidrig?": asked, not reported
        low = tokens[j].text.lower()
        if low in cues.POSTPOSITIONS:
            source = mentions.phrase_before(tokens, j, first)
            if source is None:
                return None
            frame = (source.first, j + 1)
        elif low == "nach" and j > first and tokens[j - 1].text.lower() in cues.NACH_POSTPOSITION_NOUNS:
            # "Seiner Meinung nach", "Dem Vernehmen nach": the report noun and its determiner
            k = j - 1
            if k > first and (tokens[k - 1].text.lower() in DETERMINERS or tokens[k - 1].text.islower()):
                k -= 1
            source = mentions.classify(tokens, k, j)
            if source is None:
                return None
            frame = (k, j + 1)
        else:  # laut X, gemäß X, nach (DET) (ADJ)* NOUN (von|des|der …)
            if low == "nach" and not _nach_noun(tokens, j, last):
                return None
            if low == "gemäß" and _names_a_rule(tokens, j + 1, last):
                return None  # "gemäß Thorndikes Gesetz", "gemäß der damaligen Regelung"
            source = mentions.phrase_after(tokens, j + 1, last)
            relative = _relative_after_according(tokens, j, first, last)
            if relative:
                # ", laut dem Kevin … misshandelt worden war": "dem" is the relative pronoun (the
                # report before the comma), not an article before a name
                source = mentions.Mention(j + 1, j + 2, "pronoun", [], [])
            if source is None and low == "laut" and j + 1 < last:
                # "laut bildblog.de", "laut ai-Bericht", "Laut „Der Spiegel“"
                end = _frame_end(tokens, j + 1, last)
                if end == j + 1 and _bare_source(tokens[j + 1].text):
                    end += 1
                source = mentions.classify(tokens, j + 1, end) if end > j + 1 else None
            if source is None:
                return None
            agent = _passive_agent(tokens, first, j, source)
            if relative:
                frame = (j, source.last)
            elif agent is not None:
                # "sie wurde laut Kurier von Straches Pinnwand ausgesperrt": "von …" is the agent
                source = mentions.classify(tokens, source.first, agent) or source
                frame = (j, source.last)
            else:
                end = _frame_end(tokens, source.last, last)
                if end > source.last:
                    source = mentions.classify(tokens, j + 1, end) or source
                frame = (j, end)
        cue = [j]
        source = _speech_noun_holder(tokens, source, cue, first, frame[0])
        if frame[0] == first and frame[1] + 1 < last and _own(tokens, source):
            # "Eigenen Angaben zufolge hat der Oligarch … investiert": the subject after the verb
            subject = mentions.phrase_after(tokens, frame[1] + 1, last)
            if subject is not None and tokens[subject.first].text.lower() in DETERMINERS | PRONOUNS:
                cue.extend(k for k in range(source.first, source.last) if k not in cue)
                source = subject
        # The message is the clause around the frame phrase: both sides when the phrase sits
        # inside it ("Die Feuerwehr hat nach eigenen Angaben … abgesucht", "X, laut Y, habe …"),
        # only the side after it when a comma closes the clause before ("…, laut Y starben …").
        after = frame[1]
        if after + 1 < last and tokens[after].text == "," and relative_clause(tokens, after + 1, last):
            after = ctx.next_break[after + 1]  # "Nach Angaben eines Experten, der … befragt wurde, würde …"
        sides = [_strip_punct(tokens, after, last)]
        comma_before = frame[0] > first and tokens[frame[0] - 1].text in CLAUSE_PUNCT
        comma_after = frame[1] < last and tokens[frame[1]].text in CLAUSE_PUNCT
        if not comma_before or comma_after:
            sides.insert(0, _strip_punct(tokens, first, frame[0]))
        sides = [(a, b) for a, b in sides if b > a]
        if sum(b - a for a, b in sides) < 3:
            return None
        return self._parts_quote(ctx, sides, cue, source, Medium.SPEECH_WRITING, 0.6)

    def _so_frame(self, ctx: _Context, j: int, first: int, last: int) -> Quote | None:
        """…, so Müller. / Der Präsident sei, so Gamkrelidse, schuld daran, … / … auf – so der Vorwurf – , …

        After the message, or inserted into it between commas or dashes: then the message is the
        parts on both sides.
        """
        tokens = ctx.doc.tokens
        cue = [j]
        source = mentions.phrase_after(tokens, j + 1, last)
        verb = j + 2 < last and any(e.finite and not e.particle for e in cues.lookup(tokens[j + 1].text))
        if source is None and verb:
            cue.append(j + 1)  # "…, so bestätigt das Gericht.", "…, so urteilte Romney."
            source = mentions.phrase_after(tokens, j + 2, last)
            heisst = [e for e in cues.lookup(tokens[j + 1].text) if e.lemma == "heißen"]
            if source is None and heisst and heisst_es(tokens, j + 1, heisst[0], cue):
                source = heisst_es_holder(tokens, j + 1, j + 1, last)  # "…, so heißt es in einer Erklärung"

        if source is None:
            source = _demonstrative_speaker(tokens, max(cue) + 1, last)  # "…, so schrieb diese in …"
        if source is None:
            return None
        # "…, so das Ergebnis einer Studie mit dem Titel … , in der …": what follows the source
        # belongs to the frame as long as the frame closes the sentence
        closing = tokens[j - 1].text == "," and j - first >= MIN_SO_MESSAGE
        if (_ends_clause(tokens, source.last, last) or closing) and not _so_inserted(tokens, source.last, last):
            return self._quote(ctx, first, j - 1, cue, source, Medium.SPEECH, 0.7)
        k = source.last
        place = None
        if k < last and tokens[k].text in _SO_PLACES and tokens[k - 1].text.lower() not in cues.SPEECH_NOUNS:
            place = mentions.phrase_after(tokens, k + 1, last)  # not "so die überwiegende Meinung bei den Roten"
        if place is not None and place.last < last and tokens[place.last].text in _INSERT_MARKS:
            k = place.last  # "so schrieb diese in einer Stellungnahme, …"
        while k < last and k - source.last < 3 and tokens[k].text.isalpha() and tokens[k].text.islower():
            k += 1  # "so Obama weiter", "so der Minister gestern"
        if k >= last or tokens[k].text not in _INSERT_MARKS:
            return None
        after = k + 1
        while after < last and tokens[after].text in _INSERT_MARKS:
            after += 1  # "– so der Vorwurf – ,"
        before = _strip_punct(tokens, first, j)
        rest = _strip_punct(tokens, after, last)
        if before[1] - before[0] < 2 or rest[1] - rest[0] < 2:
            return None
        return self._parts_quote(ctx, [before, rest], cue, source, Medium.SPEECH, 0.7)

    def _opinion_frame(self, ctx: _Context, j: int, first: int, last: int) -> Quote | None:
        """Analysten halten es für möglich, dass … / Da die Begleiter es für sinnvoll hielten, … zu …

        "es für <adjective> halten" is an opinion about the clause after the comma; the task's cue
        is the whole phrase ("hält es für möglich").
        """
        tokens = ctx.doc.tokens
        fuer = j + 2
        while fuer < min(last, j + 4) and tokens[fuer].text != "für" and tokens[fuer].text in CLAUSE_OPENERS:
            fuer += 1  # "hält es jedoch für möglich"
        if fuer + 2 < last and tokens[j + 1].text == "es" and tokens[fuer].text == "für":
            k = fuer + 1
            while k < last and k < fuer + 3 and tokens[k].text.islower() and tokens[k].text.isalpha():
                k += 1  # "für möglich", "für immer unwahrscheinlicher"
            cue, comma, subject_end = [j, j + 1, *range(fuer, k)], k, j
        elif j - 3 >= first and tokens[j - 3].text == "es" and tokens[j - 2].text == "für":
            cue, comma, subject_end = list(range(j - 3, j + 1)), j + 1, j - 3
        else:
            return None
        if comma >= last or len(cue) < 4 or tokens[comma].text != "," or any(i in ctx.used for i in cue):
            return None
        m_start = comma + 1
        opener = tokens[m_start].text.lower() if m_start < last else ""
        if opener not in DASS and not _infinitive_clause(tokens, m_start, last):
            return None
        if tokens[first].text.lower() in _SUBORDINATORS:
            source = mentions.phrase_after(tokens, first + 1, subject_end)  # "Da die Begleiter es für … hielten"
        else:
            source = source_for(tokens, first, subject_end, comma)
        if source is None:
            return None
        end = _message_end(tokens, m_start, last)
        if opener not in DASS:
            end = next((i for i in range(m_start, end) if tokens[i].text == ","), end)  # "…, zu evakuieren, erteilten"
        return self._quote(ctx, m_start, end, cue, source, Medium.THOUGHT, 0.6)

    def _noun_frame(self, ctx: _Context, j: int, first: int, last: int) -> Quote | None:
        """Gysi vertrat die These, die Partei stagniere … / die Forderung der Gewerkschaft, … zu senken.

        A speech noun followed (after a genitive at most) by a comma and a content clause: dass/ob,
        Konjunktiv or a zu-infinitive. The cue is the noun with its determiner and the verb before
        them ("hegt den Verdacht"); the source is the genitive after the noun, else the subject
        at the start of the clause.
        """
        tokens = ctx.doc.tokens
        genitive = None
        k = j + 1
        if k < last and tokens[k].text.lower() in ATTACHING:
            start = k if tokens[k].text.lower() in DETERMINERS else k + 1  # "der Gewerkschaft", "von Siemens"
            genitive = mentions.phrase_after(tokens, start, last)
            if genitive is None:
                return None
            k = genitive.last
        if k < last and tokens[k].text.lower() in {"darüber", "daran", "dafür", "davon"}:
            k += 1
        verb_final = k
        while k < last and k - verb_final < 2 and tokens[k].text.isalpha() and tokens[k].text.islower():
            k += 1  # "die These vertreten, …", "die Hoffnung geäußert hatte, …"
        if k + 1 >= last or tokens[k].text != ",":
            return None
        m_start = k + 1
        if ctx.in_quote(m_start) and tokens[m_start].text not in QUOTE_CHARS or relative_clause(tokens, m_start, last):
            return None
        if not (
            tokens[m_start].text.lower() in COMPLEMENTIZERS - {"wie"}
            or konjunktiv_clause(tokens, m_start, last, framed=True)
            or _infinitive_clause(tokens, m_start, last)
        ):
            return None
        cue = [j]
        frame_verb = None
        d = j - 1
        while d > first and _is_modifier(tokens[d].text):
            d -= 1
        inverted = None
        if tokens[d].text.lower() in DETERMINERS:
            cue.append(d)
            verb = d - 1
            skip = verb
            while skip - 1 > first and d - skip <= 2 and tokens[skip].text in _FRAME_ADVERBS:
                skip -= 1  # "37 Prozent sind jedoch der gegenteiligen Auffassung": the verb before the adverb
            if tokens[skip].text.lower() not in PRONOUNS | {"sich"}:
                verb = skip  # not "hat sich aber die Überzeugung durchgesetzt"
            if verb - 1 >= first and tokens[verb].text in NOMINATIVE_PRONOUNS:
                # "Seit 2013 vertritt er die These, …": the pronoun after the verb is its subject
                inverted = mentions.classify(tokens, verb, verb + 1)
                verb -= 1
            if verb >= first and tokens[verb].text.islower() and tokens[verb].text.isalpha():
                cue.append(verb)
                frame_verb = verb
        source = genitive or inverted
        if source is None:
            agent = _participle_agent(tokens, first, j)
            if agent is not None:
                source = agent[0]  # "Die von Arnold … geäußerte Hoffnung, …"
                cue.append(agent[1])
        if any(tokens[i].text.lower() in _NOBODY_IN_PARTICULAR for i in range(max(first, min(cue) - 4), min(cue))):
            return None  # "Wenn jemand in dringendem Verdacht stehe, …": nobody's in particular
        if source is None:
            source = _frame_passive_agent(tokens, first, min(cue), m_start)
        if source is None:
            subject = mentions.phrase_after(tokens, first, min(cue))
            # "Seinerzeit hatte Österreich mit der Begründung abgelehnt, …": an adverb opening the clause
            # (the sentence, or the part after a semicolon), the subject after the auxiliary
            clause = next((k + 1 for k in range(min(cue) - 1, first, -1) if tokens[k].text == ";"), first)
            lone = subject is None or subject.last - subject.first == 1 or clause > first
            adverb = clause + 1
            if lone and adverb < min(cue) and tokens[adverb].text in FINITE_HAVE and tokens[clause].text.isalpha():
                inverted = mentions.phrase_after(tokens, adverb + 1, min(cue))
                if inverted is not None and inverted.last == min(cue) and inverted.kind in ("name", "role"):
                    subject = inverted
            gap = [tokens[k].text for k in range(subject.last, min(cue))] if subject is not None else []
            verb_between = (  # "Die Kommission kam zu dem Schluss": only the verb (and adverbs) before the frame
                1 <= len(gap) <= 3
                and tokens[min(cue)].text.lower() in PREPOSITIONS
                and all(w.isalpha() and w.islower() for w in gap)
                and not any(w in DETERMINERS | PREPOSITIONS | _NP_WORDS for w in gap[1:])
            )
            if subject is not None and (subject.kind != "noun" or subject.last == min(cue) or verb_between):
                source = subject  # "Gysi hatte … vertreten", "Die Staatsanwaltschaft hegt den Verdacht"
            elif subject is not None and tokens[min(cue)].text.lower() == "mit":
                # "Die BVG begegnet der Kritik mit dem Argument, …": the subject opening the clause,
                # its verb right after it (not in a passive: "Die Einsicht sei ihr mit dem Hinweis
                # verweigert worden, …")
                verb = tokens[subject.last].text
                passive = any(tokens[k].text.lower() in _WERDEN_PASSIVE for k in range(subject.last, m_start))
                if verb.isalpha() and verb.islower() and verb not in _NP_WORDS | DETERMINERS and not passive:
                    source = subject
            elif min(cue) - 1 > first and tokens[min(cue) - 1].text in NOMINATIVE_PRONOUNS and tokens[
                min(cue)
            ].text.lower() in PREPOSITIONS:
                source = mentions.classify(tokens, min(cue) - 1, min(cue))  # "sei er zu dem Schluss gekommen"
            if source is None and frame_verb is not None and frame_verb == min(cue):
                # "Zwar sind 62 Prozent … zufrieden, 37 Prozent sind der gegenteiligen Auffassung, …":
                # the subject opening the clause after a comma, right before the frame's verb
                comma = next((k for k in range(min(cue) - 1, first, -1) if tokens[k].text == ","), None)
                clause = mentions.phrase_after(tokens, comma + 1, min(cue)) if comma is not None else None
                if clause is not None and clause.last == min(cue) and clause.kind != "pronoun":
                    source = clause
        end = last
        if min(cue) == first:
            # the noun opens the sentence as its subject: the clause ends where the main verb comes
            # ("Die Behauptung, dass …, ist unmöglich, sagte …")
            end = next((i for i in range(m_start + 2, last - 1) if tokens[i].text == "," and tokens[
                i + 1
            ].text in _MAIN_VERBS), last)
        return self._quote(ctx, m_start, end, cue, source, Medium.SPEECH, 0.5)

    def _relative_frame(self, ctx: _Context, j: int, first: int, last: int) -> Quote | None:
        """Ein Bericht, wonach der Minister festgenommen worden sein soll, … / Studien, nach denen …

        The message is the relative clause, up to the next clause punctuation; the source is
        what "wonach" refers back to, or the relative pronoun after "nach" (as the task marks it).
        """
        tokens = ctx.doc.tokens
        if j <= first or tokens[j - 1].text != ",":
            return None
        if tokens[j].text.lower() == "nach":
            source = mentions.Mention(j + 1, j + 2, "pronoun", [], [])
            m_first = j + 2
        else:
            source = mentions.phrase_before(tokens, j - 1, first)
            m_first = j + 1
        m_last = m_first
        while m_last < last and m_last - m_first < MAX_RELATIVE_CLAUSE and tokens[m_last].text not in CLAUSE_PUNCT:
            m_last += 1
        if m_last - m_first < 3:
            return None
        return self._quote(ctx, m_first, m_last, [j], source, Medium.SPEECH_WRITING, 0.6)


class _Context:
    """Per-document lookups shared by the rules: token → quoted region, used cues."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.quote_of = [-1] * len(doc.tokens)
        self.region_tokens: dict[int, tuple[int, int]] = {}  # region -> first and last token
        for n, q in enumerate(doc.quoted_regions()):
            if q.depth == 0:
                outer = q.outer
                span = doc.token_range(outer.start, outer.end)
                for i in span:
                    self.quote_of[i] = n
                if span:
                    self.region_tokens[n] = (span[0], span[-1])
        # Words outside quotation marks in tokens[:i], for O(1) counts over any range.
        self.words_outside = [0]
        for i, t in enumerate(doc.tokens):
            self.words_outside.append(self.words_outside[-1] + (self.quote_of[i] < 0 and t.text[:1].isalnum()))
        # next_break[i]: the first token at or after i that is clause punctuation or "dass".
        self.next_break = [len(doc.tokens)] * (len(doc.tokens) + 1)
        for i in range(len(doc.tokens) - 1, -1, -1):
            t = doc.tokens[i].text
            self.next_break[i] = i if t in CLAUSE_PUNCT or t.lower() in DASS else self.next_break[i + 1]
        # in_parens[i]: token i stands inside parentheses ("(Wikinews berichtete)").
        self.in_parens = [False] * len(doc.tokens)
        depth = 0
        for i, t in enumerate(doc.tokens):
            if t.text == ")" and depth:
                depth -= 1
            self.in_parens[i] = depth > 0
            if t.text == "(":
                depth = min(depth + 1, 3)
        self.used: set[int] = set()  # cue tokens of indirect quotes
        self.direct_cues: set[int] = set()  # cue tokens of direct quotes
        self.covered = SpanIndex(())

    def in_quote(self, i: int) -> bool:
        return self.quote_of[i] >= 0

    def overlaps_covered(self, start: int, end: int) -> bool:
        return self.covered.overlaps(start, end)

    def holds_quotes_whole(self, first: int, last: int) -> bool:
        """May ``tokens[first:last]`` be a message? Quoted regions in it lie wholly inside, and
        words outside them remain: "Er werde „einen besseren Deal“ aushandeln" (an indirect quote
        with a partial direct one nested), not „Wir kommen“ alone (that is the direct quote).
        """
        if last <= first:
            return False
        for i in (first, last - 1):
            n = self.quote_of[i]
            if n >= 0 and not (first <= self.region_tokens[n][0] and self.region_tokens[n][1] < last):
                return False
        if not self.quoted_in(first, last):
            return True
        return self.words_outside[last] - self.words_outside[first] >= MIN_WORDS_AROUND_QUOTE

    def quoted_in(self, first: int, last: int) -> bool:
        tokens = self.doc.tokens
        return self.overlaps_covered(tokens[first].start, tokens[last - 1].end)


_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}$")


def name_like(tokens: list[Token], inner: range) -> bool:
    """A short quoted name, title or web address: „Hoy Bolivia“, „E! Online“, „montagsdemo.net“."""
    words = [tokens[i].text for i in inner if tokens[i].text[:1].isalpha()]
    if len(words) == 1 and _DOMAIN.match(words[0]):
        return True
    return bool(words) and all(w[0].isupper() for w in words)


def _coordinated(tokens: list[Token], open_tok: int, prev: Quote) -> bool:
    """Is the quote opening at ``open_tok`` joined to ``prev`` by "und", "oder" or a comma?"""
    return (
        open_tok >= 2
        and tokens[open_tok - 1].text in {"und", "oder", ","}
        and tokens[open_tok - 2].end == prev.message[-1].end
    )


def _mention_near(tokens: list[Token], i: int, end: int, after: str = "") -> Mention | None:
    """The first mention in the few tokens after ``i`` (past "gestern", "am Montag" …).

    With ``after`` ("aus" for "geht aus X hervor"), the mention that follows that word.
    """
    for k in range(i, min(end, i + 6)):
        if after and tokens[k].text.lower() != after:
            continue
        start = k + 1 if after else k
        word = tokens[start].text if start < end else ""
        if not (word[:1].isupper() or word.lower() in DETERMINERS or word.lower() in PRONOUNS):
            continue
        m = mentions.phrase_after(tokens, start, end)
        if m is not None:
            return m
    return None


def _passive_agent(tokens: list[Token], first: int, j: int, source: Mention) -> int | None:
    """Where the agent of a passive starts inside an according-to phrase ("wurde laut Kurier von
    Straches Pinnwand ausgesperrt"): the "von" after the phrase's first noun, when a passive
    auxiliary stands before the phrase in its clause."""
    if not any(tokens[k].text.lower() in _PASSIVE_FINITE for k in range(first, j)):
        return None
    return next(
        (
            k
            for k in range(source.first + 1, source.last)
            if tokens[k].text.lower() in {"von", "vom"} and not cues.is_report_noun(tokens[k - 1].text)
        ),
        None,
    )  # not "nach Angaben von Interpol": the holder of the report


def _nach_noun(tokens: list[Token], j: int, last: int) -> bool:
    """Does "nach" at ``j`` open an according-to phrase: "nach (DET) (ADJ)* Angaben/Ansicht/…"?
    Not after a noun that takes "nach" as its object: "die Nachfrage nach Meinung von außen"."""
    if j > 0 and tokens[j - 1].text.lower().endswith(_NACH_GOVERNORS):
        return False
    k = j + 1
    if k + 1 < last and _genitive_name(tokens[k].text) and cues.is_report_noun(tokens[k + 1].text):
        return k + 2 >= last or tokens[k + 2].text.lower() != "über"  # "Nach Grupps Meinung", "nach Andrejews Worten"
    while k < last and k - j <= 4 and (tokens[k].text.lower() in DETERMINERS or tokens[k].text.islower()):
        if cues.is_report_noun(tokens[k].text):
            break
        k += 1
    reporting = k < last and (
        cues.is_report_noun(tokens[k].text)
        or tokens[k].text in _REPORTING_PLURALS  # without an article: "Nach den Medien kam der Sport" is time
        and not any(tokens[i].text.lower() in DETERMINERS for i in range(j + 1, k))
    )
    if not (reporting and k - j <= 4):
        return False
    # "nach Berichten über die Zerstörung": after the reports, not according to them
    return k + 1 >= last or tokens[k + 1].text.lower() != "über"


def _genitive_name(word: str) -> bool:
    """A name in the genitive before its noun: "Grupps", "Andrejews" (not "Elektroautos")."""
    return len(word) > 3 and word.endswith("s") and is_name_word(word)


def _names_a_rule(tokens: list[Token], k: int, last: int) -> bool:
    """Does a rule, law or plan follow ("gemäß dem Gesetz", "gemäß § 132a"), rather than a source?"""
    for i in range(k, min(last, k + 5)):
        word = tokens[i].text
        if word == "§" or word.lower() in cues.RULE_NOUNS or word.lower().endswith(cues.RULE_NOUN_SUFFIXES):
            return True
        if word[:1].isupper() and i > k:
            return False
    return False


#: Prepositions of the place or medium of an inserted "so" frame: "so schrieb diese in einer Stellungnahme".
_SO_PLACES = frozenset({"in", "im", "auf", "bei", "beim", "gegenüber"})


#: Finite auxiliaries that open a frame after a direct quote, its verb closing the clause.
_FRAME_AUXILIARIES = FINITE_HAVE | frozenset({"hätte", "hätten", "wird", "wurde", "werden", "wurden"})
#: Verbs of knowing or letting say after a modal or "lassen": "wollen X wissen", "ließ X verlauten".
_WANT_TO_KNOW = frozenset({"will", "wollen", "wollte", "wollten"})
_LET = frozenset({"ließ", "ließen", "lässt", "lassen"})
_LET_SAY = frozenset({"verlauten", "mitteilen", "ausrichten", "wissen"})
#: The longest clause between the auxiliary and its verb: "hatte der Minister am Montag in Berlin gesagt".
MAX_AUXILIARY_FRAME = 15


def _auxiliary_frame_after(tokens: list[Token], j: int, end: int) -> _Frame | None:
    """ "„…“, hatte Müller am Montag gesagt.", "„…“, wird Mike Downey zitiert.", "„…“, ließ ein
    Sprecher verlauten.", "„…?“, wollen die Demonstranten wissen.": the auxiliary after the quote
    and the verb closing the clause are the cue; the subject between them is the source."""
    aux = tokens[j].text.lower()
    if aux not in _FRAME_AUXILIARIES | _WANT_TO_KNOW | _LET:
        return None
    v = j + 1
    while v < end and v - j <= MAX_AUXILIARY_FRAME and tokens[v].text not in SENTENCE_FINAL | {";", ":"}:
        if tokens[v].text in QUOTE_CHARS:
            return None
        if tokens[v].text == "," and _auxiliary_verb(tokens, aux, v - 1):
            break
        v += 1
    if not (v == end or tokens[v].text in SENTENCE_FINAL or tokens[v].text == ","):
        return None
    v -= 1
    if v - j < 2:
        return None
    medium = _auxiliary_verb(tokens, aux, v)
    if medium is None:
        return None
    # the subject with its apposition: "wird Mike Downey, Technical Product Manager für Flash, zitiert"
    end_source = v - 1 if tokens[v - 1].text == "," else v
    source = mentions.phrase_after(tokens, j + 1, end_source)
    if source is None or not nominative(tokens, source):
        return None
    if source.kind != "name" and source.last < v and tokens[source.last].text in _PLACE_PREPOSITIONS:
        place = mentions.phrase_after(tokens, source.last + 1, v)
        if place is not None and place.kind != "pronoun":
            # "ein IWF-Sprecher aus Washington", "die Demonstranten in der iranischen Hauptstadt"
            source = mentions.classify(tokens, source.first, place.last) or source
    return _Frame([j, v], medium, source)


def _auxiliary_verb(tokens: list[Token], aux: str, v: int) -> Medium | None:
    """The medium of the verb at ``v`` closing a frame the auxiliary ``aux`` opens, or None."""
    verb = tokens[v].text
    if aux in _WANT_TO_KNOW:
        medium = Medium.SPEECH if verb == "wissen" else None
    elif aux in _LET:
        medium = Medium.SPEECH if verb in _LET_SAY - {"wissen"} or verb == "wissen" and aux != "lassen" else None
    else:
        participles = [e for e in cues.lookup(verb) if not e.finite and not e.particle]
        medium = participles[0].medium if participles and verb.islower() else None
    return medium


def _speech_noun_frame_before(tokens: list[Token], first: int, open_tok: int) -> _Frame | None:
    """ "Das Gericht kam damit zu dem Ergebnis, „dass …“": a direct quote of a content clause after
    a speech noun in a prepositional frame; the verb, preposition, article and noun are the cue
    (as the task marks "kam zu dem Ergebnis"), the subject opening the clause is the source."""
    j = open_tok - 2
    if j - 2 <= first or tokens[open_tok - 1].text != "," or not tokens[j].text[:1].isupper():
        return None
    if tokens[j].text.lower() not in cues.SPEECH_NOUNS or tokens[j - 1].text.lower() not in DETERMINERS:
        return None
    prep = j - 2
    if tokens[prep].text.lower() not in PREPOSITIONS:
        return None
    subject = mentions.phrase_after(tokens, first, prep)
    gap = [tokens[k].text for k in range(subject.last, prep)] if subject is not None else []
    if not (1 <= len(gap) <= 3 and all(w.isalpha() and w.islower() for w in gap)):
        return None
    if any(w in DETERMINERS | PREPOSITIONS | _NP_WORDS for w in gap) or not nominative(tokens, subject):
        return None
    return _Frame([subject.last, prep, j - 1, j], Medium.SPEECH, subject)


def _participle_agent(tokens: list[Token], first: int, j: int) -> tuple[Mention, int] | None:
    """The agent of a participle of saying before a speech noun, and the participle: "Die von
    Arnold direkt nach dem Freispruch geäußerte Hoffnung, …", "die vom Minister geäußerte
    Forderung, …" (the "von" right after the noun phrase's article)."""
    p = j - 1
    word = tokens[p].text if p > first else ""
    if not (word.isalpha() and word.islower()):
        return None
    stems = [word[: -len(e)] for e in ("e", "en", "er", "es") if word.endswith(e)]
    if not any(not c.finite for stem in stems for c in cues.lookup(stem)):
        return None
    von = next((k for k in range(p - 1, first, -1) if tokens[k].text.lower() in {"von", "vom"}), None)
    if von is None or tokens[von - 1].text.lower() not in DETERMINERS:
        return None
    if any(tokens[k].text in CLAUSE_PUNCT for k in range(von, p)):
        return None
    holder = mentions.phrase_after(tokens, von + 1, p)
    if holder is None or holder.kind == "pronoun" and tokens[von].text.lower() == "von":
        return None
    return holder, p


def _demonstrative_speaker(tokens: list[Token], i: int, end: int) -> Mention | None:
    """ "„…“, so letztere.", "…, so schrieb diese in einer Stellungnahme, …": a demonstrative
    standing alone for the speaker (the task marks it as the source), not an article."""
    if i >= end or tokens[i].text.lower() not in _SPEAKER_DEMONSTRATIVES:
        return None
    following = tokens[i + 1].text if i + 1 < end else "."
    if following[:1].isalpha() and not following.islower() or following in QUOTE_CHARS:
        return None  # "so diese Zeitung": a determiner before its noun
    if following.isalpha() and following.lower() in _NP_WORDS - {"in", "im", "am", "an", "bei", "aus"}:
        return None
    return mentions.Mention(i, i + 1, "pronoun", [], [])


def _so_inserted(tokens: list[Token], i: int, last: int) -> bool:
    """Does the message go on after the so-frame ("…, so Obama weiter, würde …")?"""
    k = i
    while k < last and k - i < 3 and tokens[k].text.isalpha() and tokens[k].text.islower():
        k += 1
    return k < last - 1 and tokens[k].text in _INSERT_MARKS and not relative_clause(tokens, k + 1, last)


def _message_end(tokens: list[Token], first: int, last: int) -> int:
    """Where reported content after its frame ends: before the frame's subject goes on with a verb
    of its own ("sagte, sie müssten … aufgeben und bemühte das Bild …", "erklärt, er sei
    unschuldig, erkannte das Gericht nicht an …"), else at the end of the sentence."""
    for k in range(first + 2, last - 1):
        if tokens[k].text not in _VERB_COORDINATORS:
            continue
        word = tokens[k + 1].text
        low = word.lower()
        if tokens[k].text == "," and low == _SO and k + 2 < last and tokens[k + 2].text[:1].isupper():
            return k  # "…, dass ich Dirigent werden wollte, so Dudamel, der …": an outer frame
        if not (word.isalpha() and word.islower()) or low in _FRAMED_MOOD or low in cues.CLAUSE_OPENERS_NOT_SAID:
            continue
        adjective = k + 2 < last and tokens[k + 2].text[:1].isupper()  # "innovative, zukunftsgerichtete Produkte"
        if any(e.finite for e in cues.lookup(word)) or len(low) > 4 and low.endswith(("te", "ten")) and not adjective:
            return k
    return last


def _bare_source(word: str) -> bool:
    """A source word the mention reader does not take: "bildblog.de", "ai-Bericht", "tagesschau.de"."""
    return len(word) > 2 and word[:1].isalnum() and word.lower() not in DETERMINERS and not word.isdigit()


def _frame_end(tokens: list[Token], k: int, last: int) -> int:
    """Where an according-to phrase ends, past what the mention reader leaves: a further genitive
    ("Angaben der Behörden seines Landes"), a coordinated or quoted name („Der Spiegel“), a
    parenthesis ("amnesty international (ai)"), "ohne Grenzen". Read at most ``MAX_FRAME_EXTENSION`` far.
    """
    stop = min(last, k + MAX_FRAME_EXTENSION)
    while k < stop:
        t = tokens[k].text
        low = t.lower()
        nxt = tokens[k + 1].text if k + 1 < last else ""
        if t == "(" or t in NAME_OPENERS:
            closer = ")" if t == "(" else NAME_CLOSERS
            e = k + 1
            while e < stop and tokens[e].text not in closer:
                e += 1
            if e >= stop:
                break
            k = e + 1
        elif t == "," and _role_apposition(tokens, k, stop):
            k = _role_apposition(tokens, k, stop)
        elif _goes_on_frame(t, low, nxt, tokens[k - 1].text):
            k += 1
        else:
            break
    return k


def _role_apposition(tokens: list[Token], comma: int, stop: int) -> int:
    """The end (the closing comma) of a role apposition after a name in a frame: "Nach Meinung von
    Mike Brown, Professor am California Institute of Technology, könnte …"; 0 when there is none."""
    k = comma + 1
    if k >= stop or not tokens[comma - 1].text[:1].isupper():
        return 0
    if tokens[k].text.lower() in {"ein", "eine", "einem", "einer"}:
        k += 1
    while k < stop and _is_modifier(tokens[k].text):
        k += 1
    if k >= stop or not is_role(tokens[k].text):
        return 0
    for e in range(k + 1, stop):
        if tokens[e].text == ",":
            return e
        if tokens[e].text in SENTENCE_FINAL or not tokens[e].text[:1].isupper() and cues.lookup(tokens[e].text):
            return 0
    return 0


def _goes_on_frame(word: str, low: str, following: str, previous: str) -> bool:
    """A noun, a linking word before a noun phrase, an adjective or number inside a noun phrase.

    After a noun, a lower-case word or a number opens what follows the frame: the verb
    ("Nach Angaben von Augenzeugen wurde Kozulin …", "laut faz.net appellierte …") or the
    next noun phrase ("nach Behördenangaben 62 Personen", "nach Medienberichten weitere …").
    """
    inside = previous.lower() in _FRAME_LINKS or previous.lower() in DETERMINERS or _is_modifier(previous)
    # a genitive plural without article: "Angaben libanesischer Sicherheitskreise", "Meinung vieler Experten"
    inside = inside or low.endswith("er") and low not in _ADVERBS_IN_ER and following[:1].isupper()
    if word[:1].isupper():
        return low not in CLAUSE_OPENERS
    if word[:1].isdigit():
        return inside
    before_noun = following[:1].isupper() or _is_modifier(following)
    if low in _FRAME_LINKS:
        return before_noun or following.lower() in DETERMINERS
    return _is_modifier(word) and before_noun and inside


def _verb_position(tokens: list[Token], j: int, start: int) -> bool:
    """Can the cue word at ``j`` be a verb here? Not capitalised inside the sentence ("die
    Frage"), not after an indefinite article or a preposition ("einem bekannten Rechtsextremisten")."""
    word = tokens[j].text
    if j > start and word[:1].isupper():
        return False
    return j == start or tokens[j - 1].text.lower() not in _NOT_BEFORE_VERBS


def names_a_thing(tokens: list[Token], open_tok: int, start: int, inner: int) -> bool:
    """Does the quoted region name something rather than quote someone: the subject of the cue
    after it ("Die „Kampagne für ein Freies Tibet“ berichtete"), or the title of the noun before
    it ("die Studie „Linke Gewalt in Berlin“")?"""
    if open_tok <= start:
        return False
    before = tokens[open_tok - 1].text.lower()
    if before in cues.TITLE_NOUNS:
        return True
    if inner > MAX_NAME_TOKENS or mentions.is_adjective(tokens[open_tok + 1].text):
        return False  # an adjective opens quoted words: "der „schockierenden Szenen“", "Eine „ernste Spur“"
    if before in _GENITIVE_OF and open_tok - 2 >= start and tokens[open_tok - 2].text[:1].isupper():
        return True  # the name in the genitive of a noun: "ein Vertreter der „con energy ag“ bezeichnet …"
    if before not in _ARTICLES:
        return False
    # the subject before its verb: "Die „Kampagne für ein Freies Tibet“ berichtete"
    after = open_tok + inner + 2  # the token after the closing mark
    return open_tok - 1 == start and after < len(tokens) and bool(cues.lookup(tokens[after].text))


def scare_adjective(tokens: list[Token], open_tok: int, inner: int) -> bool:
    """One quoted adjective before its noun is the writer's distance, not somebody's words: "der
    „drastischen“ Mehrwertsteuererhöhung", "ein „rot-grünes“ Lager" (9 of 10 in the news train
    split are no direct quote)."""
    after = open_tok + 3  # the word after the closing mark
    return (
        inner == 1
        and after < len(tokens)
        and mentions.is_adjective(tokens[open_tok + 1].text.replace("-", ""))
        and tokens[after].text[:1].isupper()
    )


def relative_clause(tokens: list[Token], i: int, last: int) -> bool:
    """Does a relative clause open at ``i``: "…, der sagte, …", "…, die von … kamen"?

    A relative pronoun is followed by a verb, adverb or preposition; an article by its noun
    or adjective ("…, der Präsident sei …").
    """
    if tokens[i].text.lower() not in RELATIVE_PRONOUNS or i + 1 >= last:
        return False
    following = tokens[i + 1].text
    adjective = _is_modifier(following) and following.lower() not in PREPOSITIONS  # "…, die unter anderem …"
    return not (following[:1].isupper() or following[:1].isdigit() or adjective)


def _may_hold_a_verb(tokens: list[Token], first: int, last: int) -> bool:
    """Has ``tokens[first:last]`` a lower-case word that is no article, preposition or
    conjunction, as a clause's verb is? A noun phrase with its apposition has none."""
    return any(
        t.text.isalpha() and t.text.islower() and t.text not in DETERMINERS and t.text not in _NP_WORDS
        for t in tokens[first:last]
    )


def _is_modifier(word: str) -> bool:
    """An inflected adjective between a determiner and its noun: "der gegenteiligen Auffassung"."""
    low = word.lower()
    return (
        len(word) > 3
        and word.islower()
        and word.isalpha()
        and low.endswith(("e", "en", "er", "es", "em"))
        and low not in DETERMINERS
        and low not in _FRAMED_MOOD
    )


def _statement_clause(tokens: list[Token], entry: cues.CueVerb, comma: int, m_start: int, last: int) -> bool:
    """ "teilte mit, Tony Blair steht bereit", "hatte berichtet, 200 Mitarbeiter sollen gehen":
    after a verb of saying and a comma, a main clause in the indicative is what was said (its
    opener a name, a noun, a number or a pronoun, not a subordinator; not an apposition).
    """
    if entry.lemma not in cues.STATEMENT_VERBS or tokens[comma].text != ",":
        return False
    word = tokens[m_start].text
    low = word.lower()
    if low in cues.CLAUSE_OPENERS_NOT_SAID:
        return False
    if low in PRONOUNS or low == "es":
        return True
    if not (word[:1].isupper() or word[:1].isdigit()):
        return False
    # "sagte Bon Jovi, Gründer der Rockband: …": a noun phrase closed by punctuation is an apposition
    np = mentions.phrase_after(tokens, m_start, last)
    return np is None or np.last >= last or tokens[np.last].text not in CLAUSE_PUNCT


def _strip_punct(tokens: list[Token], first: int, last: int) -> tuple[int, int]:
    """``(first, last)`` without clause punctuation at either end."""
    while first < last and tokens[first].text in CLAUSE_PUNCT:
        first += 1
    while last > first and tokens[last - 1].text in CLAUSE_PUNCT:
        last -= 1
    return first, last


def _speech_noun_holder(
    tokens: list[Token], phrase: Mention, cue: list[int], first: int, frame_start: int
) -> Mention | None:
    """The holder inside an according-to phrase that opens with a speech noun: "nach Angaben der
    Polizei" -> "der Polizei", "Angaben von Aktivisten zufolge" -> "Aktivisten". The noun, with its
    article and adjectives, joins the cue ("nach Angaben"): it names the act, not who acted. "nach
    eigenen Angaben" has no holder in the phrase: the subject opening the clause is the holder
    ("Die Feuerwehr hat nach eigenen Angaben …"); without a holder ("nach ersten Angaben") the
    phrase stays the source, as the task marks it. A document ("laut einer Studie der
    Universität", "dem Bericht zufolge") holds its claim and stays the source."""
    head = range(phrase.first, min(phrase.last, phrase.first + 3))
    noun = next((n for n in head if cues.is_speech_frame_noun(tokens[n].text)), None)
    if noun is None:
        return phrase
    before = [tokens[k].text for k in range(phrase.first, noun)]
    if any(not _is_modifier(w) and w.lower() not in DETERMINERS for w in before):
        return phrase
    rest = noun + 1
    if rest < phrase.last and tokens[rest].text.lower() in {"von", "vom"}:
        rest += 1
    first_word = tokens[rest].text if rest < phrase.last else ""
    genitive = rest < phrase.last and (
        first_word.lower() in DETERMINERS or first_word[:1].isupper() or _is_modifier(first_word) or rest > noun + 1
    )  # "der Polizei", "Rabmer-Kollers", "libanesischer Kreise", "von Aktivisten"; not "zu Unrecht"
    holder = mentions.classify(tokens, rest, phrase.last) if genitive else None
    own = any(tokens[k].text.lower() in _OWN for k in range(phrase.first, noun))
    if holder is None and own and frame_start > first:
        holder = mentions.phrase_after(tokens, first, frame_start)
    if holder is None:
        return phrase  # "nach ersten Angaben", "israelischen Angaben": no holder named, the phrase stays
    cue.extend(range(phrase.first, noun + 1))
    return holder


def _own(tokens: list[Token], phrase: Mention) -> bool:
    """ "eigenen Angaben", "Eigener Darstellung": a speech noun whose holder is the clause's subject."""
    return any(tokens[k].text.lower() in _OWN for k in range(phrase.first, phrase.last)) and any(
        cues.is_speech_frame_noun(tokens[k].text) for k in range(phrase.first, phrase.last)
    )


def join_speech_noun_frames(doc: Doc) -> dict[Span, Span]:
    """Undo :func:`_speech_noun_holder` on ``doc.quotes`` for a component trained on the task's
    spans (the source ranker): cue "nach Angaben", source "der Polizei" -> cue "nach", source
    "Angaben der Polizei"; continuations that took the holder take the phrase. Returns the
    phrase each joined source became."""
    tokens = doc.tokens
    joined: dict[Span, Span] = {}
    for q in doc.quotes:
        words = [tokens[i] for c in q.cue for i in doc.token_range(c.start, c.end)]
        frame = any(t.text.lower() in cues.ACCORDING_TO_WORDS for t in words)
        if len(words) < 2 or not frame or not any(cues.is_speech_frame_noun(t.text) for t in words):
            continue  # not "dachte darüber nach", whose particle spells "nach"
        noun = [t for t in words if t.text.lower() not in cues.ACCORDING_TO_WORDS]
        start, end = noun[0].start, noun[-1].end
        if q.source is not None and 0 <= q.source.start - end <= len(" von "):
            joined[q.source] = Span(start, q.source.end)
            end = q.source.end
        q.cue = [Span(t.start, t.end) for t in words if t.text.lower() in cues.ACCORDING_TO_WORDS]
        q.source = Span(start, end)
    for q in doc.quotes:
        if not q.cue and q.source in joined:
            q.source = joined[q.source]
    return joined


def split_speech_noun_frames(doc: Doc) -> None:
    """Split again what :func:`join_speech_noun_frames` joined, after the ranker chose."""
    tokens = doc.tokens
    holders: dict[Span, Span | None] = {}
    for q in doc.quotes:
        if len(q.cue) != 1 or q.source is None:
            continue
        (j,) = doc.token_range(q.cue[0].start, q.cue[0].end) or (None,)
        if j is None or tokens[j].text.lower() not in cues.ACCORDING_TO_WORDS:
            continue
        span = doc.token_range(q.source.start, q.source.end)
        phrase = mentions.classify(tokens, span.start, span.stop) if span else None
        if phrase is None:
            continue
        cue = [j]
        sent = doc.sentences[doc.sentence_of(j)]
        holder = _speech_noun_holder(tokens, phrase, cue, sent.first, min(j, phrase.first))
        if len(cue) > 1:
            holders[q.source] = mention_span(tokens, holder)
            q.cue, q.source = _spans(tokens, cue), holders[q.source]
    for q in doc.quotes:
        if not q.cue and q.source in holders:
            q.source = holders[q.source]


def _medium_addressee(doc: Doc, quote: Quote) -> Span | None:
    """ "sagte der bayerische Ministerpräsident der „Welt am Sonntag“", "bestätigte die Polizei der
    Zeitung Dagens Nyheter": after the cue, "der" and a medium after the subject is the dative
    addressee, not a genitive of the source. Cuts it from the source; returns it."""
    if quote.source is None or not quote.cue or quote.source.start < quote.cue[-1].end:
        return None
    tokens = doc.tokens
    if not all(cues.lookup(doc.span_text(c)) for c in quote.cue):
        return None  # "laut einem Artikel der Nachrichtenagentur Reuters": a frame phrase, no verb
    span = doc.token_range(quote.source.start, quote.source.end)
    for k in range(span.start + 1, span.stop - 1):
        if tokens[k].text != "der" or not tokens[k - 1].text[:1].isupper():
            continue
        if _MEDIA_MEMBER.search(tokens[k - 1].text):
            continue  # "der Chefredakteur der Zeitung", "ein Sprecher der Agentur": a genitive
        head = k + 1
        while head < span.stop and _is_modifier(tokens[head].text):
            head += 1
        if head < span.stop and (tokens[head].text in NAME_OPENERS or is_media(tokens[head].text)):
            quote.source = Span(tokens[span.start].start, tokens[k - 1].end)
            return Span(tokens[k].start, tokens[span.stop - 1].end)
    return None


def other_sense(tokens: list[Token], j: int, last: int) -> bool:
    """A cue verb in a sense that is no speech or thought: "sorgte dafür, dass …" (saw to it),
    "sorgte für Aufsehen" (caused), as against "sorgte sich, dass …" (worried)."""
    near = {tokens[k].text.lower() for k in (j - 1, j + 1) if 0 <= k < last}  # "sorgte dafür", "dafür sorgte"
    entries = cues.lookup(tokens[j].text)
    lemmas = {e.lemma for e in entries}
    if "heißen" in lemmas and j > 0 and tokens[j - 1].text.lower() in {"das", "dies"} and (
        j + 1 < last and tokens[j + 1].text == ","
    ):
        return True  # "…, das heißt, dass …": that is, no speech
    if lemmas & _NOT_SPEECH_REFLEXIVE and any(tokens[k].text == "sich" for k in _clause_span(tokens, j, 7, 2, last)):
        return True  # "die sich auf Reisen versichern": insure, no assurance
    if any(e.lemma in _REFLEXIVE_ONLY for e in entries):
        # "sorgte ein Entwurf für Aufsehen": worry is "sich sorgen", the reflexive near the verb
        after = next((k for k in range(j + 1, min(last, j + 4)) if tokens[k].text in CLAUSE_PUNCT), min(last, j + 4))
        return not any(tokens[k].text == "sich" for k in range(max(0, j - 2), after))
    return any(near & _NOT_SPEECH_BESIDE.get(e.lemma, frozenset()) for e in entries)


def _generic_act(
    tokens: list[Token], first: int, j: int, k: int, entry: cues.CueVerb, source: Mention | None
) -> bool:
    """A modal or generic use of a cue verb, no act anyone performed: "weiß man, dass …", "kann
    man nicht davon sprechen, dass …", "was bezweifelt werden darf"."""
    if any(tokens[i].text.lower() in _NOBODY_IN_PARTICULAR for i in range(max(first, j - 3), min(k, j + 3))):
        return True  # "Niemand sagte, dass …", "wenn jemand behauptet, …": nobody's act
    generic = source is None or tokens[source.first].text.lower() == "man"
    if generic and entry.lemma in _KNOWING:
        return True
    if entry.lemma in _DECIDING and source is not None and tokens[source.first].text.lower() in _FIRST_PERSON:
        return True  # "hatten wir beschlossen, uns … zu belassen": a decision of one's own, no statement
    clause = range(max(first, j - 6), min(k, j + 4))
    if generic and any(tokens[i].text.lower() in _MODALS for i in clause):
        return True
    if j - 1 > first and tokens[j - 1].text == "nicht" and any(tokens[i].text.lower() in _WILL for i in clause):
        return True  # "wollte nicht bestätigen, dass …": a refusal, nothing was confirmed
    if j - 1 > first and tokens[j - 1].text == "nicht" and not entry.finite:
        return True  # "wurde noch nicht gefragt, ob …", "hat nicht gesagt, dass …": the act did not happen
    if not entry.finite and any(tokens[i].text.lower() == "weder" for i in range(first, j)):
        return True  # "Von einer Partei wurde mir weder Geld zugesagt, noch …": negated too
    before = [t.text.lower() for t in tokens[first:j]]
    if any(w in _HORTATIVE and n + 1 < len(before) and before[n + 1] == "uns" for n, w in enumerate(before)):
        return True  # "Lasst uns ehrlich sein und sagen, dass …": an exhortation, no act
    if any(w in _OBLIGATION for w in before) and tokens[j].text.lower().endswith("en"):
        return True  # "Die Flüchtlinge müssen erklären, dass …": an obligation, no act
    opener = next((i for i in range(j - 1, first - 1, -1) if tokens[i].text in CLAUSE_PUNCT), None)
    return opener is not None and opener + 1 < j and tokens[opener + 1].text.lower() == "was"


def _adverbial_clause(tokens: list[Token], first: int) -> bool:
    """Does a subordinate clause open the sentence ("Wenn …", "Seit er …"), not a preposition
    ("Seit dem 19. Juni ist …", "Während der Feier …")?"""
    low = tokens[first].text.lower()
    if low not in cues.CLAUSE_OPENERS_NOT_SAID - COMPLEMENTIZERS:
        return False
    following = tokens[first + 1].text if first + 1 < len(tokens) else ""
    preposition = low in _PREPOSITION_OR_SUBORDINATOR and (
        following.lower() in DETERMINERS or following[:1].isdigit() or following[:1].isupper()
    )
    return not preposition


def _ends_clause(tokens: list[Token], i: int, last: int) -> bool:
    """Only a short adverbial tail (weiter, am Montag, gegenüber der Presse) follows ``i``, or the
    comma closing an apposition and the verb's particle ("…, Bagus Puruhito, mit")."""
    if last - i == 2 and tokens[i].text == ",":
        return True
    return last - i <= 5 and not any(tokens[k].text == "," for k in range(i, last))


def _infinitive_clause(tokens: list[Token], first: int, last: int) -> bool:
    """An infinitive with zu closes the clause: "…, die Rechte schützen zu wollen"."""
    end = last
    while end > first and (tokens[end - 1].text in CLAUSE_PUNCT or tokens[end - 1].text in QUOTE_CHARS):
        end -= 1
    if end - first < 2:
        return False
    for k in range(first, end):
        if tokens[k].text == ",":
            end = k
            break
    words = [t.text.lower() for t in tokens[max(first, end - 3) : end]]
    if not words:
        return False
    return "zu" in words[:-1] or bool(_ZU_INFIX.match(words[-1]))


def colon_speaker(tokens: list[Token], first: int, colon: int) -> Mention | None:
    """Who speaks the quote after a colon whose clause has no cue: its subject at the start ("Die
    Firma empfindet das als falsch: „…“") or, in an inverted clause, right after its verb ("Dabei
    griff sie … an: „…“", "Hier sparte der Bundespräsident nicht mit Kritik: „…“")."""
    src = mentions.phrase_after(tokens, first, colon)
    if src is not None:
        if src.kind == "noun" and (
            tokens[src.first].text.lower() not in DETERMINERS or konjunktiv_clause(tokens, first, colon)
        ):
            return None  # "Die Pflichten der Union seien … festgelegt: „…“": reported content, no speaker
        return src
    for verb in range(first + 1, min(colon - 1, first + _MAX_FIELD_BEFORE_VERB + 1)):
        word = tokens[verb].text
        if not (word.isalpha() and word.islower()) or word in DETERMINERS or word in PREPOSITIONS:
            continue
        subject = mentions.phrase_after(tokens, _after_adverbs(tokens, verb + 1, colon), colon)
        if subject is None or subject.kind == "noun" or subject.kind == "pronoun" and (
            tokens[subject.first].text not in _COLON_SUBJECT_PRONOUNS
        ):
            return None
        return subject
    return None


def _so_before_colon(tokens: list[Token], first: int, colon: int) -> Mention | None:
    """The speaker of "…, so Elshorst weiter:" right before a colon: the phrase after "so" that
    reaches the colon, but for adverbs ("weiter", "abschließend")."""
    end = colon
    while end - 1 > first and tokens[end - 1].text.isalpha() and tokens[end - 1].text.islower():
        end -= 1
    for k in range(end - 2, max(first, end - 12) - 1, -1):
        if tokens[k].text.lower() == _SO and k > first and tokens[k - 1].text == ",":
            src = mentions.phrase_after(tokens, k + 1, end)
            return src if src is not None and src.last == end else None
    return None


def heisst_es(tokens: list[Token], j: int, entry: cues.CueVerb, cue: list[int]) -> bool:
    """Is the cue at ``j`` impersonal "heißt es"? Then "es" joins the cue, as the task marks it."""
    if entry.lemma != "heißen":
        return False
    if j + 1 < len(tokens) and tokens[j + 1].text.lower() == "es":
        if j + 1 not in cue:
            cue.append(j + 1)
        return True
    if j >= 2 and tokens[j - 1].text == "es" and tokens[j - 2].text in _HEISSEN_AUXILIARIES:
        if j - 1 not in cue:
            cue.append(j - 1)  # "In einer Erklärung hatte es geheißen: …"
        return True
    return False


def heisst_es_holder(tokens: list[Token], first: int, j: int, end: int) -> Mention | None:
    """The document or body "heißt es" names: after it ("…, heißt es in einer Mitteilung des WWF",
    "hieß es weiter vonseiten der Polizei") or before it at the clause start ("In der
    Pressemitteilung des WWF heißt es, …"); a bare "heißt es" names none."""
    where = j + 2 if j + 1 < len(tokens) and tokens[j + 1].text.lower() == "es" else j + 1
    while where < min(end, j + 4) and tokens[where].text.islower() and tokens[where].text not in _WHERE:
        where += 1  # "hieß es weiter in …", "heißt es zudem auf …"
    while where < end and tokens[where].text.lower() in _WHERE:
        holder = mentions.phrase_after(tokens, where + 1, end)
        if holder is None or not tokens[holder.last - 1].text.lower().endswith("anfrage"):
            return holder
        where = holder.last  # "hieß es auf APA-Anfrage seitens der Landwirtschaftskammer"
    if j > first + 1 and tokens[first].text.lower() in _WHERE:
        holder = mentions.phrase_after(tokens, first + 1, j)
        # "In einer Erklärung der EU-Außenminister vom Dienstagabend hatte es geheißen"
        auxiliary = (
            holder is not None
            and tokens[j - 1].text == "es"
            and holder.last <= j - 2
            and all(_time_word(tokens[k].text) for k in range(holder.last, j - 2))
        )
        if holder is not None and (holder.last == j or auxiliary or _relative_clause_up_to(tokens, holder.last, j)):
            return holder  # "In der Vorabversion des Berichts, der … gestellt wurde, heißt es"
    return None


def _time_word(word: str) -> bool:
    """A word of a time phrase after a document: "vom Dienstagabend", "am Montag"."""
    return word.lower() in {"vom", "am", "von"} or word.startswith(WEEKDAYS)


def _relative_clause_up_to(tokens: list[Token], k: int, j: int) -> bool:
    """Is ``tokens[k:j]`` a relative clause between commas: ", die vom Sicherheitsrat angenommen wurde,"?"""
    return (
        j - k > 3
        and tokens[k].text == ","
        and tokens[k + 1].text.lower() in _SUBJECT_RELATIVES | {"dem", "den", "denen", "deren", "dessen"}
        and tokens[j - 1].text == ","
        and not any(tokens[i].text in CLAUSE_PUNCT | SENTENCE_FINAL | QUOTE_CHARS for i in range(k + 1, j - 1))
    )


#: Heads of documents that hold what a passive cue reports: "In einem Bericht der Salzburger
#: Nachrichten wurde vermutet, …", "In einer Presseerklärung, die …, wurde verkündet, …".
_DOCUMENT_HEADS = (
    "bericht",
    "erklärung",
    "mitteilung",
    "schreiben",
    "brief",
    "studie",
    "stellungnahme",
    "resolution",
    "meldung",
    "artikel",
    "kommentar",
    "interview",
)


def _document_holder(tokens: list[Token], first: int, j: int) -> Mention | None:
    """The document at the clause start of a passive cue: "In einem Bericht der Salzburger
    Nachrichten wurde vermutet, …" (the task marks the phrase after "In" as the source); after an
    adverb and the auxiliary: "So wird in einer Pressemitteilung der Organisation gefordert, …"."""
    inverted = (
        j - first > 4
        and tokens[first].text.lower() in CLAUSE_OPENERS
        and tokens[first + 1].text.lower() in _PASSIVE_AUXILIARIES
        and tokens[first + 2].text.lower() in {"in", "im"}
    )
    if inverted:
        first += 2
    if j - first < 3 or tokens[first].text.lower() not in {"in", "im"}:
        return None
    holder = mentions.phrase_after(tokens, first + 1, j)
    if holder is None:
        return None
    head = next((tokens[k].text for k in range(holder.first, holder.last) if tokens[k].text[:1].isupper()), "")
    if not head.lower().endswith(_DOCUMENT_HEADS):
        return None
    if inverted:
        return holder if holder.last == j else None
    aux = holder.last
    if aux + 1 < j and tokens[aux].text.lower() == "an":
        addressee = mentions.phrase_after(tokens, aux + 1, j)  # "In einem Schreiben seiner Anwälte an die
        aux = addressee.last if addressee is not None else aux  # Universitätsleitung wurden diese … hingewiesen"
    if aux < j and tokens[aux].text == ",":
        aux = next((k for k in range(aux + 1, j) if tokens[k].text == ","), j) + 1
        if not _relative_clause_up_to(tokens, holder.last, aux):
            return None
    if aux >= j or tokens[aux].text.lower() not in _PASSIVE_AUXILIARIES:
        return None
    return holder


def after_dateline(tokens: list[Token], first: int, last: int) -> int:
    """Where the clause starts after a dateline: "Wien – Der Kanzler sagte …", "Koblenz/Seattle –
    Die Gewerkschaft hat …" (capitalised place names before a dash open a news article)."""
    for k in range(first, min(last, first + MAX_DATELINE)):
        text = tokens[k].text
        if text in _DASHES:
            return k + 1 if k > first else first
        if not (text[:1].isupper() or text == "/"):
            return first
    return first


def source_for(tokens: list[Token], first: int, j: int, end: int) -> Mention | None:
    """Subject before the cue (X sagte), else after it (Am Montag sagte X / sagte X).

    A pronoun in the nominative right after the cue is the subject of an inverted clause
    ("Gleichzeitig sagte er"): the word before the verb is then an adverbial, whatever its case.
    One in the dative or accusative is an object ("Medien werfen ihm Verrat vor").
    """
    if j + 1 < end and tokens[j + 1].text.lower() in NOMINATIVE_PRONOUNS:
        return mentions.phrase_after(tokens, j + 1, end)
    agent = _passive_agent_of(tokens, first, j)
    if agent is not None:
        return agent  # "Die Miliz wurde von Kenias Regierung beschuldigt, …": the agent, not the subject
    if j - 1 > first and tokens[j - 1].text == ",":
        opener = first + 1 if tokens[first].text.lower() in _FOCUS_ADVERBS else first  # "Auch die …, X, sagte"
        subject = mentions.phrase_after(tokens, opener, j)
        if subject is not None and subject.last == j - 1 and "," in (t.text for t in tokens[opener : j - 1]):
            return subject  # "Lars Schauer, Manager von Energie Cottbus, bezeichnete …": name and apposition
    before = mentions.phrase_before(tokens, j, first)
    if before is not None and _in_parentheses(tokens, first, before.first):
        before = None  # "Timmermans (Vizepräsident, Grundrechte) … halten fest": a word of a parenthesis
    if before is not None and (not nominative(tokens, before) or _sentence_adverb(tokens, before, first)):
        before = None  # "Ihren Widersacher Jeremy Corbyn forderte sie auf": an object; "Unmissverständlich sagt …"
    if before is not None and before.first == first:
        return before
    if before is not None and before.first == first + 1 and tokens[first].text.lower() in _BEFORE_SUBJECT:
        # "Aber Zeitungen berichteten", "Auch Feinstein argumentierte", "Einzig Sony gab bekannt",
        # "Während Premierminister Juncker ankündigte": a word before the subject it leaves alone
        return before
    boundary = _last_boundary(tokens, first, j)
    if boundary is not None and boundary + 1 < j:
        # the subject of the clause the verb is in: "…, und der ORF bezweifelt, dass …", "als das
        # Institut GfK seinen Auftraggebern mitteilte, dass …"
        start = boundary + 1
        subordinate = tokens[start].text.lower() in _SUBORDINATORS
        if subordinate or tokens[start].text.lower() in _CLAUSE_LINKS:
            start += 1  # ", und der ORF bezweifelt", ", als das Institut mitteilte"
        elif start + 2 < j and _relative_after_preposition(tokens, start):
            # ", in dem das Bundesverwaltungsgericht festgestellt hatte"; ", in dessen Folge das …"
            start += 2
            if tokens[start - 1].text.lower() in _GENITIVE_RELATIVES:
                owned = mentions.phrase_after(tokens, start, j)
                start = owned.last if owned is not None else start
            subordinate = True
        if not subordinate and _relative_subject(tokens, start, j, end):
            return mentions.Mention(start, start + 1, "pronoun", [], [])  # "Anton Wieser, der … bestätigt, dass"
        subject = mentions.phrase_after(tokens, start, j)
        if subject is not None and tokens[subject.first].text.lower() in _OBJECT_PRONOUNS:
            subject = None  # "…: Ihm wird vorgeworfen, …": a dative, not the speaker
        # after a subordinator the first noun phrase is the subject; elsewhere a common noun
        # must reach the verb ("…, Russland seinen Nachbarn …" may be an object)
        if subject is not None and (subordinate or subject.kind != "noun" or subject.last == j):
            return subject
        inverted = next(
            (k for k in range(start + 1, j) if tokens[k].text in NOMINATIVE_PRONOUNS and tokens[k - 1].text.islower()),
            None,
        )
        if inverted is not None:
            return mentions.classify(tokens, inverted, inverted + 1)  # "…: Bei … kann man nicht davon sprechen"
    if boundary is None:
        subject = _opening_clause_subject(tokens, first, j, end, before)
        if subject is not None:
            return subject
    subject = _subject_with_place(tokens, first, j)
    if subject is not None:
        return subject
    after = mentions.phrase_after(tokens, _after_adverbs(tokens, j + 1, end), end)
    if after is not None and not nominative(tokens, after):
        after = None  # "wies den Vorwurf zurück": the object
    if after is not None:
        return after
    if j > first and tokens[j - 1].text in _COORDINATORS:
        # "Auch Lawrow sprach sich dagegen aus und sagte, …": the subject of the first verb
        opener = first + 1 if tokens[first].text.lower() in _FOCUS_ADVERBS else first
        subject = mentions.phrase_after(tokens, opener, j)
        if subject is None:
            subject = _inverted_first_clause_subject(tokens, first, j)  # "…, biss der Randalierer X und rief:"
        if subject is None:
            # an inverted first clause: "Als Beispiel führte er … an und führte aus, …"
            pronoun = next(
                (
                    k
                    for k in range(first + 2, j)
                    if tokens[k].text in _SUBJECT_PRONOUNS
                    and tokens[k - 1].text.islower()
                    and tokens[k - 1].text not in CLAUSE_OPENERS  # "Nachdem er …": a subordinate clause
                ),
                None,
            )
            subject = None if pronoun is None else mentions.phrase_after(tokens, pronoun, j)
        if subject is not None:
            return subject
    # participle frames: "X hat am Montag gesagt, …" — subject at the clause start (after a focus
    # particle: "Selbst die Wochenzeitschrift hatte kritisiert"), or right after the auxiliary:
    # "Gestern hat eine Sprecherin des Gerichts mitgeteilt, dass …"
    opener = first + 1 if first + 2 < j and tokens[first].text.lower() in _BEFORE_SUBJECT else first
    subject = mentions.phrase_after(tokens, opener, j)
    if subject is None:
        aux = next((k for k in range(first + 1, j) if tokens[k].text.lower() in FINITE_HAVE | FINITE_MODALS), None)
        if aux is not None:
            k = aux + 1
            while k < j and tokens[k].text in _SKIPPED_BEFORE_SUBJECT:
                k += 1  # "will heute Außenminister Straw … bekannt geben"
            subject = mentions.phrase_after(tokens, k, j)
    if subject is None:
        subject = _document_holder(tokens, first, j)  # "In einem Bericht der X wurde vermutet, …"
    return subject


#: Finite verbs before a cue that make its clause a main clause ("Als Grund wurde genannt").
_FINITE_BEFORE_CUE = (
    cues.PASSIVE_AUXILIARIES
    | FINITE_HAVE
    | FINITE_MODALS
    | frozenset("habe hätte hätten sei seien bin sind wäre wären".split())
)

#: Auxiliaries whose participle or infinitive closes the clause: "Diese hätten … erwartet".
_AUXILIARIES_OF_A_PARTICIPLE = _FRAME_AUXILIARIES | FINITE_MODALS | frozenset({"habe"})


def _opening_clause_subject(
    tokens: list[Token], first: int, j: int, end: int, before: Mention | None
) -> Mention | None:
    """The subject of a verb-final clause the verb closes, no clause boundary before it: "Als
    Hongkongs Regierungschef C.Y. Leung am Sonntag sagte, dass …" (after the subordinator), "Dies
    war nicht die erste Auseinandersetzung und die Hongkonger befürchten, dass …" (after "und")."""
    if j + 1 < end and tokens[j + 1].text not in {",", ":"}:
        return None  # "Während der Pressekonferenz sagte der Minister": the verb in second place
    if tokens[first].text.lower() in _SUBORDINATORS - {"da"}:
        subject = mentions.phrase_after(tokens, first + 1, j)
        if subject is None or not nominative(tokens, subject):
            return None
        if subject.kind != "name" and tokens[subject.first].text.lower() not in DETERMINERS:
            return None  # "Als Grund für die Verhaftung wurde genannt", "Als Klubobmann habe ich": no subject
        if any(tokens[k].text.lower() in _FINITE_BEFORE_CUE for k in range(subject.last, j)):
            return None  # a verb in second place: a main clause, not the subordinate one
        return subject
    if before is not None and before.first > first and tokens[before.first - 1].text in {"und", "aber", "doch"}:
        if any(tokens[k].text.lower() in _AUXILIARIES_OF_A_PARTICIPLE for k in range(first, before.first)):
            return None  # "Diese hätten Reue und ein Schuldeingeständnis erwartet": a coordinated object
        return before if nominative(tokens, before) and before.kind != "pronoun" else None
    return None


def _inverted_first_clause_subject(tokens: list[Token], first: int, j: int) -> Mention | None:
    """ "Als ein Fluggast zu Hilfe eilte, biss der Randalierer den Fluggast und rief: …": the
    subject after the first verb of the clause the coordinated cue shares."""
    boundary = _last_boundary(tokens, first, j)
    start = boundary + 1 if boundary is not None else first
    if start < j and tokens[start].text.lower() in PREPOSITIONS:
        start = _after_opening_phrase(tokens, start, j)  # "Unter dem Motto „…“ zogen die Demonstranten … und"
    verb = tokens[start].text if start < j else ""
    if not (verb.isalpha() and verb.islower()) or verb in CLAUSE_OPENERS or verb in _CLAUSE_LINKS:
        return None
    subject = mentions.phrase_after(tokens, start + 1, j)
    if subject is None or not nominative(tokens, subject) or subject.kind == "pronoun" and (
        tokens[subject.first].text not in NOMINATIVE_PRONOUNS
    ):
        return None
    return subject


def _after_opening_phrase(tokens: list[Token], start: int, j: int) -> int:
    """Where a prepositional phrase opening a clause ends: at the first lower-case word after it
    that is no article or preposition, a quoted title skipped ("Unter dem Motto „Freiheit statt
    Angst“ zogen …"); ``start`` itself when none is found within a few words."""
    k = start + 1
    quoted = False
    while k < j and k - start <= 12:
        text = tokens[k].text
        if text in QUOTE_CHARS:
            quoted = not quoted
        elif (
            not quoted
            and text.isalpha()
            and text.islower()
            and text not in DETERMINERS | PREPOSITIONS | _NP_WORDS
            and (tokens[k - 1].text[:1].isupper() or tokens[k - 1].text in QUOTE_CHARS)  # not "der ersten Runde"
        ):
            subject_next = k + 1 < j and (tokens[k + 1].text.lower() in DETERMINERS or tokens[k + 1].text[:1].isupper())
            return k if subject_next else start  # the verb, its subject after it ("zogen die Demonstranten")
        k += 1
    return start


#: Passive cues whose subject is the holder ("wird Watzke … zitiert") or whose "von X" is the
#: addressee ("Von den Mandatsträgern wurde Aufklärung verlangt").
_SUBJECT_PASSIVES = frozenset({"zitieren", "verlangen"})
#: Auxiliaries of the werden-passive whose agent "von X" holds the act.
_WERDEN_PASSIVE = frozenset({"wird", "wurde", "wurden", "werden", "worden"})


def _passive_agent_of(tokens: list[Token], first: int, j: int) -> Mention | None:
    """The agent of a werden-passive cue: "Die Miliz wurde von Kenias Regierung beschuldigt, …",
    "Von deutscher Seite wurde gefordert, dass …", "Zudem wurde die Bundesregierung vom LSVD
    aufgefordert, …" (the task marks the phrase after "von" as the source)."""
    entries = [e for e in cues.lookup(tokens[j].text) if not e.finite]
    if not entries or any(e.lemma in _SUBJECT_PASSIVES for e in entries):
        return None
    boundary = _last_boundary(tokens, first, j)
    start = boundary + 1 if boundary is not None else first
    aux = next((k for k in range(start, j) if tokens[k].text.lower() in _WERDEN_PASSIVE), None)
    if aux is None:
        return None
    marks = [k for k in range(start, j) if tokens[k].text.lower() in _AGENT_MARKS]
    if len(marks) != 1:
        return None
    von = marks[0]
    if von > start and tokens[von - 1].text[:1].isupper() and not (
        von - 3 == aux and tokens[von - 2].text.lower() in DETERMINERS
    ):
        # "Die Rede von Obama wurde kritisiert", "auf der Internetseite von Borussia Dortmund":
        # an attribute of a noun (but "wurde die Bundesregierung vom LSVD aufgefordert")
        return None
    agent = mentions.phrase_after(tokens, von + 1, j)
    if agent is None or agent.kind == "pronoun" or cues.is_report_noun(tokens[agent.last - 1].text):
        return None
    if agent.last != j and tokens[agent.last].text.lower() not in _WERDEN_PASSIVE and agent.last != aux:
        rest = [t.text for t in tokens[agent.last : j]]
        if not all(w.isalpha() and w.islower() for w in rest):
            return None  # something else between the agent and the verb
    return agent


def _frame_passive_agent(tokens: list[Token], first: int, frame: int, m_start: int) -> Mention | None:
    """The agent right before a speech-noun frame in a werden-passive: "Es wurde von Demjanjuks
    Sohn die Mutmaßung geäußert, …", "Daraus wurde von Beobachtern der Schluss gezogen, …", "war
    ein Besuch von der Junta mit dem Hinweis abgelehnt worden, …" (the task marks the phrase after
    "von")."""
    if not any(tokens[k].text.lower() in _WERDEN_PASSIVE for k in range(first, m_start)):
        return None
    marks = [k for k in range(first, frame) if tokens[k].text.lower() in _AGENT_MARKS]
    if len(marks) != 1:
        return None
    agent = mentions.phrase_after(tokens, marks[0] + 1, frame)
    if agent is None or agent.last != frame or agent.kind == "pronoun":
        return None
    return None if cues.is_report_noun(tokens[agent.last - 1].text) else agent


def _relative_after_according(tokens: list[Token], j: int, first: int, last: int) -> bool:
    """ "…, laut dem Kevin misshandelt worden war", "…, laut der Straches Kommentare …": after a
    comma, "denen" or an article before a first name or a name in the genitive (which take no
    article) is a relative pronoun."""
    if j <= first or tokens[j - 1].text != "," or j + 2 >= last:
        return False
    pronoun, following = tokens[j + 1].text, tokens[j + 2].text
    if pronoun == "denen":
        return True
    if pronoun not in {"dem", "der"}:
        return False
    genitive_name = following.endswith("s") and is_name_word(following[:-1]) and tokens[j + 3].text.islower()
    return is_first_name(following) or genitive_name


def nominative(tokens: list[Token], mention: Mention) -> bool:
    """Can the mention be a subject? Not after an accusative or dative article ("den Vorwurf",
    "Ihren Widersacher", "dem Minister")."""
    return tokens[mention.first].text.lower() not in _NOT_NOMINATIVE


def _sentence_adverb(tokens: list[Token], mention: Mention, first: int) -> bool:
    """A lone capitalised adverb opening the sentence before the verb: "Unmissverständlich sagt das
    Gericht", "Erwartungsgemäß stellte Apple vor"."""
    word = tokens[mention.first].text.lower()
    return mention.first == first and mention.last == first + 1 and word.endswith(_ADVERB_ENDINGS)


def _object_in_passive(tokens: list[Token], cue: list[int]) -> bool:
    """A passive of accusing or asking ("wurde vorgeworfen", "werden beschuldigt", "gefragt wurde"):
    its subject or dative is the accused or the addressee, never the holder."""
    participles = [
        k for k in cue if any(e.lemma in _OBJECT_IN_PASSIVE and not e.finite for e in cues.lookup(tokens[k].text))
    ]
    if not participles:
        return False
    # the auxiliary in the participle's own clause: "Klien wurde vorgeworfen", "…, als er gefragt wurde"
    clause = _clause_span(tokens, participles[0], 4, 3, len(tokens))
    return any(tokens[i].text.lower() in _PASSIVE_AUXILIARIES for i in clause)


def _clause_span(tokens: list[Token], k: int, back: int, ahead: int, last: int) -> range:
    """The tokens around ``k`` in its own clause: at most ``back`` before it and up to ``ahead``
    after it (exclusive, not past ``last``), stopping at clause punctuation on either side."""
    lo, hi = max(0, k - back), min(last, k + ahead)
    start = next((i + 1 for i in range(k - 1, lo - 1, -1) if tokens[i].text in CLAUSE_PUNCT), lo)
    end = next((i for i in range(k + 1, hi) if tokens[i].text in CLAUSE_PUNCT), hi)
    return range(start, end)


def _after_adverbs(tokens: list[Token], k: int, end: int) -> int:
    """Past at most two adverbs (or "sich") where an inverted subject may follow."""
    for _ in range(2):
        if k + 1 < end and tokens[k].text in _BEFORE_INVERTED_SUBJECT:
            k += 1
    return k


def _relative_subject(tokens: list[Token], start: int, j: int, end: int) -> bool:
    """Is the relative pronoun at ``start`` the subject of the verb-final ``j`` ("Anton Wieser, der
    dem STANDARD bestätigt, dass …", "ein Prediger, der alle aufforderte, …")? Not when the clause
    has a subject of its own: a pronoun, or an article and noun right after ("die die Polizei
    vorstellte" is the Polizei's)."""
    if tokens[start].text not in _SUBJECT_RELATIVES:
        return False
    if start + 1 < j and not relative_clause(tokens, start, j):
        return False  # ", der ukrainische Präsident sagte": an article (right before the cue: ", der sagte")
    after = j + 2 if j + 1 < end and tokens[j + 1].text.lower() in _AUXILIARIES_AFTER else j + 1  # "erklärt hat"
    if after < end and tokens[after].text not in _CLAUSE_BOUNDARIES:
        return False  # the verb does not close the clause: no relative clause around it
    if tokens[start + 1].text.lower() in DETERMINERS - {"dem", "den", "einem", "einen"}:
        return False
    return not any(tokens[k].text in NOMINATIVE_PRONOUNS for k in range(start + 1, j))


def _relative_after_preposition(tokens: list[Token], k: int) -> bool:
    """A relative clause opened by a preposition ("in dem", "bei der"): its subject comes next."""
    return tokens[k].text.lower() in PREPOSITIONS and tokens[k + 1].text.lower() in RELATIVE_PRONOUNS


def _last_boundary(tokens: list[Token], first: int, j: int) -> int | None:
    """The last clause boundary before ``j`` outside parentheses ("Timmermans (Vizepräsident,
    Grundrechte) hält fest": that comma is none), in one pass."""
    depth, found = 0, None
    for k in range(first, j):
        text = tokens[k].text
        depth += (text == "(") - (text == ")")
        if k > first and depth <= 0 and text in _CLAUSE_BOUNDARIES:
            found = k
    return found


def _in_parentheses(tokens: list[Token], first: int, k: int) -> bool:
    """Is token ``k`` inside a parenthesis opened after ``first``?"""
    depth = 0
    for t in tokens[first:k]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _subject_with_place(tokens: list[Token], first: int, j: int) -> Mention | None:
    """The subject at the clause start with the place or outlet after it, up to the verb at ``j``:
    "Das tibetische Exilparlament im indischen Dharamshala erklärte", "ein Sprecher des LBM in
    Koblenz teilte mit" (the task's source span holds both)."""
    subject = mentions.phrase_after(tokens, first, j)
    if subject is None or subject.last >= j - 1 or tokens[subject.last].text.lower() not in _PLACE_PREPOSITIONS:
        return None
    place = mentions.phrase_after(tokens, subject.last + 1, j)
    if place is None or place.last != j:
        return None
    return mentions.classify(tokens, first, j)


def pick_entry(entries: list[cues.CueVerb], tokens: list[Token], j: int, end: int, cue: list[int]):
    """Choose the reading of a verb form; add its particle to ``cue`` if it closes the clause.

    A separated particle stands at the end of its clause ("teilte … mit.", "gab … bekannt und"):
    a preposition of the same spelling inside the clause ("ging aus der Version … hervor",
    "teilte mit dem Messer … aus") is no particle. The clause is read at most
    ``MAX_PARTICLE_DISTANCE`` tokens far, so that a long run of cue words costs linear time.
    """
    if any(e.particle for e in entries):
        stop = min(end, j + 1 + MAX_PARTICLE_DISTANCE)
        k = j + 1
        while k < stop and not _closes_clause(tokens[k].text):
            k += 1
        if k < stop or stop == end:  # the clause ends at k (not cut off by the bound)
            for p in range(k - 1, j, -1):
                if p < k - 1 and tokens[p + 1].text.lower() not in _COORDINATORS:
                    continue
                low = tokens[p].text.lower()
                entry = next((e for e in entries if e.particle == low), None)
                if entry is not None:
                    cue.append(p)
                    return entry
    plain = [e for e in entries if not e.particle]
    return plain[0] if plain else entries[0]


def _particle_after(
    tokens: list[Token], entries: list[cues.CueVerb], close_tok: int, end: int
) -> tuple[cues.CueVerb, int] | None:
    """The separated particle of a cue verb right after a quotation inside its clause, closing the
    clause: "sicherte ihm ihre „volle Unterstützung“ zu.", "wies dies als „Unverschämtheit“ zurück"."""
    p = close_tok + 1
    if close_tok < 0 or p >= end or p + 1 < end and not _closes_clause(tokens[p + 1].text):
        return None
    entry = next((e for e in entries if e.particle and e.particle == tokens[p].text.lower()), None)
    return None if entry is None else (entry, p)


def _interrupted_tail(tokens: list[Token], after_source: int, last: int) -> tuple[int, int] | None:
    """The rest of a message an inserted frame interrupts: "…, schreibt Politico, eine Schwäche für
    …" (not an apposition of the source: "…, sagte Müller, Sprecher der Firma.")."""
    k = after_source
    while k < min(last, after_source + 3) and tokens[k].text.islower() and tokens[k].text.isalpha():
        k += 1  # "sagte X noch am Montag," is no frame word, but "weiter", "noch" are
    if k >= last or tokens[k].text != ",":
        return None
    start, end = _strip_punct(tokens, k + 1, last)
    opener = tokens[start].text.lower()
    if end - start < 2 or opener in RELATIVE_PRONOUNS | COMPLEMENTIZERS | PREPOSITIONS:
        return None  # "…, betonte die Chefin, am Sonntag in einer Aussendung": the frame's adverbial
    if opener in CLAUSE_OPENERS and opener not in DETERMINERS | PRONOUNS:
        return None
    np = mentions.phrase_after(tokens, start, end)
    if np is not None and np.kind in ("role", "name"):
        return None  # "…, sagte Charles Bouchard, kanadischer General und Kommandeur des Einsatzes"
    if any(cues.lookup(t.text) or is_quote_token(t.text) for t in tokens[start:end]):
        return None  # a frame or a quotation of its own
    return start, end


def _label_dash(tokens: list[Token], start: int, colon: int) -> int | None:
    """The dash before a speaker label "– Tsipras:" between ``start`` and the colon, if any."""
    return next((k for k in range(colon - 1, start, -1) if tokens[k].text in _DASHES), None)


def _labelled(tokens: list[Token], start: int, open_tok: int) -> bool:
    """Does a headline's speaker label ("… – Zidane: „…“") stand right before the quotation?"""
    colon = open_tok - 1
    if colon <= start or tokens[colon].text != ":":
        return False
    dash = _label_dash(tokens, start, colon)
    return dash is not None and _speaker_label(tokens, dash, colon) is not None


def _speaker_label(tokens: list[Token], dash: int, colon: int) -> Mention | None:
    """The name closing a headline's label between its dash and colon: "Tsipras", "Als Nachfolger
    gehandelter Zidane" (the name alone)."""
    k = colon
    while k - 1 > dash and is_name_word(tokens[k - 1].text):
        k -= 1
    return mentions.classify(tokens, k, colon) if k < colon else None


def foreign_particle(tokens: list[Token], j: int, end: int) -> bool:
    """Does the clause of the verb at ``j`` close with a particle none of its readings takes, so that
    it is another verb: "Entsprechende Bewerbe verlangen von einem ab" (abverlangen), "teilte …
    aus" (austeilen)?"""
    stop = min(end, j + 1 + MAX_PARTICLE_DISTANCE)
    k = j + 1
    while k < stop and not _closes_clause(tokens[k].text) and tokens[k].text not in _COORDINATORS:
        k += 1
    if k >= stop and stop != end or k - 1 <= j or k < end and is_quote_token(tokens[k].text):
        return False
    word = tokens[k - 1].text
    # every reading of the verb, not only the caller's: "forderte … auf" is auffordern
    return word in cues.SEPARABLE_PARTICLES and not any(e.particle == word for e in cues.lookup(tokens[j].text))


def _question(tokens: list[Token], last: int) -> bool:
    """Does the sentence ending before ``last`` (its final punctuation or the token before) ask?"""
    return any(tokens[k].text == "?" for k in range(max(0, last - 2), min(last + 1, len(tokens))))


def _colon_quotation(tokens: list[Token], first: int, comma: int) -> bool:
    """Does the stretch before ``comma`` end with a quotation opened right after a colon?"""
    if comma - 1 <= first or not is_quote_token(tokens[comma - 1].text):
        return False
    return any(tokens[k].text == ":" and is_quote_token(tokens[k + 1].text) for k in range(first, comma - 2))


def _particle_of_earlier_verb(tokens: list[Token], start: int, j: int) -> bool:
    """Is the word at ``j`` the separated particle of a cue verb earlier in its clause?"""
    word = tokens[j].text
    for k in range(j - 1, max(start, j - MAX_PARTICLE_DISTANCE) - 1, -1):
        if _closes_clause(tokens[k].text):
            return False
        if any(e.particle == word for e in cues.lookup(tokens[k].text)):
            return True
    return False


def _closes_clause(text: str) -> bool:
    return text in CLAUSE_PUNCT or text in SENTENCE_FINAL or is_quote_token(text)


def _spans(tokens: list[Token], indices: list[int]) -> list[Span]:
    return [Span(tokens[i].start, tokens[i].end) for i in sorted(indices)]


def mention_span(tokens: list[Token], m: Mention | None) -> Span | None:
    if m is None:
        return None
    return Span(tokens[m.first].start, tokens[m.last - 1].end)
