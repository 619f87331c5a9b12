"""Quoted phrases inside a sentence: partial direct quotes the frame rules do not reach.

German news quotes words inside its own sentences: "bezeichnete den Gipfel als das „größte
Ereignis“", "Er werde „einen besseren Deal“ aushandeln" (a direct quote nested in indirect
speech). The same marks also enclose names and titles (die „Süddeutsche Zeitung“, unter dem
Motto „…“), so a quoted region alone is no evidence. A logistic regression trained on the
news data (``training.train_partial``) decides from the region's shape and context whether
it is somebody's words; accepted regions become ``DIRECT`` quotes. One nested in a found
quote takes that quote's cue and source and points to it as its parent; others take the
nearest cue verb of their sentence and the mention next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from zitat_server.document import Doc, Form, Medium, Quote, Quoted, Sentence, Span, Token
from zitat_server.extraction import mentions
from zitat_server.extraction.attribution import (
    MIN_DIRECT_TOKENS,
    konjunktiv_clause,
    mention_span,
    name_like,
    names_a_thing,
    scare_adjective,
)
from zitat_server.extraction.component import ComponentInfo
from zitat_server.language import cues
from zitat_server.language.function_words import CLAUSE_OPENERS, NOMINATIVE_PRONOUNS
from zitat_server.language.marks import CLAUSE_PUNCT, QUOTE_CHARS, SENTENCE_FINAL
from zitat_server.language.mood import FINITE_HAVE
from zitat_server.language.roles import is_group_noun, is_organisation
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.linear import Features, LinearModel

_FIRST_PERSON = frozenset("ich mir mich mein meine meinen meiner wir uns unser unsere unseren unserer".split())
MODEL_FILE = MODELS_DIR / "partial" / "partial.json"
#: Accept a region when the model gives it at least this probability of being a quote. Swept on
#: the dev split with the 0.3 rules: 0.4 / 0.45 / 0.5 / 0.55 give DIRECT F1 88.7 / 88.7 / 88.0 /
#: 87.3 and full joint 71.1 / 71.1 / 71.0 / 70.9 (all 700 articles: 0.45 is 0.1 above 0.5).
THRESHOLD = 0.45
#: A container message must be this many characters longer than the region it holds.
_CONTAINER_SLACK = 10


@dataclass(slots=True)
class Candidate:
    """A top-level quoted region not yet covered by a direct quote, with its context."""

    region: Quoted
    inner: range  # token indices inside the marks
    sentence: int
    container: Quote | None  # the found quote whose message holds the region


def candidates(doc: Doc, found: list[Quote]) -> list[Candidate]:
    """Top-level quoted regions that no found quote already reports as such."""
    out = []
    for region in doc.quoted_regions():
        if region.depth > 0:
            continue
        outer = region.outer
        inner = doc.token_range(region.start, region.end)
        if not inner:
            continue
        container = None
        clash = False
        for q in found:
            for m in q.message:
                if not m.overlaps(outer):
                    continue
                holds = m.start <= outer.start and outer.end <= m.end
                if holds and q.form is not Form.DIRECT and m.end - m.start > outer.end - outer.start + _CONTAINER_SLACK:
                    container = q
                else:
                    clash = True
        if not clash:
            out.append(Candidate(region, inner, doc.sentence_of(inner[0]), container))
    return out


def features(doc: Doc, c: Candidate) -> Features:
    """What tells quoted words from quoted names: length, case, punctuation, context words."""
    tokens = doc.tokens
    sent = doc.sentences[c.sentence]
    words = [tokens[i].text for i in c.inner]
    alpha = [w for w in words if w[:1].isalpha()]
    n = len(words)
    out: Features = {"bias": 1.0, f"len={min(n, 4) if n < 5 else 5 + min(n // 8, 3)}": 1.0}
    before = c.inner[0] - 2  # the word before the opening mark
    after = c.inner[-1] + 2
    out[f"prev={tokens[before].text.lower() if before >= sent.first else '<s>'}"] = 1.0
    out[f"prev2={tokens[before - 1].text.lower() if before - 1 >= sent.first else '<s>'}"] = 1.0
    out[f"next={tokens[after].text.lower() if after < sent.last else '</s>'}"] = 1.0
    if alpha:
        caps = sum(w[0].isupper() for w in alpha) / len(alpha)
        out["all_caps"] = float(caps == 1.0)
        out["caps_share"] = caps
        out["first_cap"] = float(alpha[0][0].isupper())
    out["end_punct"] = float(any(w in SENTENCE_FINAL for w in words))
    out["comma"] = float("," in words)
    out["first_person"] = float(any(w.lower() in _FIRST_PERSON for w in words))
    out["whole_sentence"] = float(c.inner[0] - 1 <= sent.first and c.inner[-1] + 2 >= sent.last - 1)
    out["balanced"] = float(c.region.balanced)
    out["multi_sentence"] = float(c.inner[-1] >= sent.last)
    outside = [i for i in range(sent.first, sent.last) if i < c.inner[0] - 1 or i > c.inner[-1] + 1]
    out["sentence_cue"] = float(any(cues.lookup(tokens[i].text) for i in outside))
    near = [i for i in outside if c.inner[0] - 5 <= i <= c.inner[-1] + 5]
    out["near_cue"] = float(any(cues.lookup(tokens[i].text) for i in near))
    comma_after = after < sent.last and tokens[after].text == ","
    colon_before = before >= sent.first and tokens[before].text == ":"
    out["cue_after"] = float(_is_frame_word(tokens, after + comma_after, sent))
    out["cue_before"] = float(_is_frame_word(tokens, before - colon_before, sent))
    out["konjunktiv"] = float(konjunktiv_clause(tokens, sent.first, sent.last))
    if c.container is not None:
        out["nested"] = 1.0
        out[f"container={c.container.form.value}"] = 1.0
    return out


class PartialQuoteFinder:
    """Component: adds the partial direct quotes the classifier accepts; stateless, safe to share."""

    def __init__(self, model: LinearModel | None = None, threshold: float = THRESHOLD) -> None:
        self.model = model or LinearModel.load(MODEL_FILE)
        self.threshold = threshold
        self.info = ComponentInfo.of_model("partial_quotes")

    @classmethod
    def load(cls, path: Path) -> PartialQuoteFinder:
        return cls(LinearModel.load(path))

    def __call__(self, doc: Doc) -> None:
        doc.quotes = self.annotate(doc, doc.quotes)

    def probability(self, doc: Doc, c: Candidate) -> float:
        label, p = self.model.predict(features(doc, c))
        return p if label == "quote" else 1.0 - p

    def annotate(self, doc: Doc, found: list[Quote]) -> list[Quote]:
        """``found`` plus the accepted regions, in text order, nested ones with ``parent`` set."""
        added: list[tuple[Quote, Quote | None]] = []
        for c in candidates(doc, found):
            if len(c.inner) < MIN_DIRECT_TOKENS and name_like(doc.tokens, c.inner):
                continue  # „YouTube“: a short name, as the rules decide for their frames too
            if _speaker_named(doc, c):
                continue
            open_tok = c.inner[0] - 1
            if names_a_thing(doc.tokens, open_tok, doc.sentences[c.sentence].first, len(c.inner)):
                continue  # die Studie „…“, ein Vertreter der „con energy ag“: a name, as for the rules
            if scare_adjective(doc.tokens, open_tok, len(c.inner)):
                continue
            p = self.probability(doc, c)
            if p >= self.threshold:
                added.append((self._quote(doc, c, p), c.container))
        if not added:
            return found
        quotes = sorted([*found, *(q for q, _ in added)], key=lambda q: q.start)
        index = {id(q): k for k, q in enumerate(quotes)}
        for q, container in added:
            if container is not None:
                q.parent = index[id(container)]
        return quotes

    def _quote(self, doc: Doc, c: Candidate, p: float) -> Quote:
        outer = c.region.outer
        message = [Span(outer.start, outer.end)]
        if c.container is not None:
            k = c.container
            return Quote(message, Form.DIRECT, k.medium, list(k.cue), k.source, confidence=p, origin="model")
        cue, medium, source = _nearest_frame(doc, c)
        return Quote(message, Form.DIRECT, medium, cue, source, confidence=p, origin="model")


#: Sentence openers before a quoted name that is the subject of the cue after it.
_SUBJECT_OPENERS = frozenset({"Die", "Der", "Das", "Wie"})


def _speaker_named(doc: Doc, c: Candidate) -> bool:
    """The quoted words open the sentence as the subject of the cue right after them: a name
    ("Die „Kampagne für ein Freies Tibet“ berichtete", "Wie „heise online“ berichtet"), not words
    somebody said."""
    first, last = c.inner[0] - 1, c.inner[-1] + 1  # the marks
    opener = first - 1
    sent = doc.sentences[c.sentence]
    if opener != sent.first or last + 1 >= sent.last:
        return False
    return doc.tokens[opener].text in _SUBJECT_OPENERS and bool(cues.VERBS.get(doc.tokens[last + 1].text))


def _is_frame_word(tokens: list[Token], i: int, sent: Sentence) -> bool:
    """A cue verb (or the "so" of „…“, so X) at token ``i`` of ``sent``."""
    return sent.first <= i < sent.last and (tokens[i].text.lower() == "so" or bool(cues.lookup(tokens[i].text)))


def _nearest_frame(doc: Doc, c: Candidate) -> tuple[list[Span], Medium, Span | None]:
    """The cue verb of the sentence closest to the region and the mention beside it."""
    tokens = doc.tokens
    sent = doc.sentences[c.sentence]
    best: int | None = None
    for i in range(sent.first, sent.last):
        if c.inner[0] - 1 <= i <= c.inner[-1] + 1 or not cues.lookup(tokens[i].text):
            continue
        if best is None or _distance(i, c) < _distance(best, c):
            best = i
    if best is None:
        holder = _fuer_holder(tokens, c, sent) or _opening_subject(tokens, c, sent)
        return [], Medium.SPEECH, mention_span(tokens, holder)
    mention = mentions.subject_before(tokens, best, sent.first) or _perfect_subject(tokens, best, c, sent)
    if mention is None:
        mention = mentions.phrase_after(tokens, best + 1, sent.last)
    source = mention_span(tokens, mention)
    medium = cues.lookup(tokens[best].text)[0].medium
    return [Span(tokens[best].start, tokens[best].end)], medium, source


def _fuer_holder(tokens: list[Token], c: Candidate, sent: Sentence) -> mentions.Mention | None:
    """The person or body whose view the quoted words give, without a cue verb: "Für den
    Gesundheitsminister Jose Gomes Temporao ist die Situation „alarmierend“", "Was für die
    Ministerin eine „flexiblere Handhabe“ ist" (the task marks the phrase after "für")."""
    open_tok = c.inner[0] - 1
    k = next((k for k in range(open_tok - 1, sent.first - 1, -1) if tokens[k].text.lower() == "für"), None)
    if k is None or any(tokens[i].text in QUOTE_CHARS for i in range(k + 1, open_tok)):
        return None
    holder = mentions.phrase_after(tokens, k + 1, open_tok)
    if holder is None:
        return None
    head = tokens[holder.last - 1].text
    if holder.kind in ("name", "role") or is_organisation(head) or is_group_noun(head):
        return holder
    return None


#: Words before a sentence's subject that leave it the subject: "Auch der Sprecher … will „…“".
_BEFORE_OPENING_SUBJECT = frozenset({"Auch", "Selbst", "Sogar", "Und", "Doch", "Aber"})


#: Words inside a noun phrase after its head: "der Sprecher der Fraktion im Bundestag".
_ATTACHED = frozenset({"im", "in", "der", "des", "von", "vom", "am"})


_PASSIVE_PAST = frozenset({"wurde", "wurden"})
#: Pronouns after a finite verb that can only be its subject.
_INVERTED_SUBJECTS = frozenset({"er", "ich", "wir"})


def _opening_subject(tokens: list[Token], c: Candidate, sent: Sentence) -> mentions.Mention | None:
    """The person or body opening a sentence without a cue verb, its finite verb right after it,
    whose words the region gives: "Auch der innenpolitische Sprecher der SPD, Dieter Wiefelspütz,
    will „in den kommenden Wochen noch einmal sorgfältigst prüfen“", "Meteorologen rechnen jedoch
    mit „sehr ergiebigen Niederschlägen“" (the task marks the subject as the source)."""
    start = sent.first + 1 if tokens[sent.first].text in _BEFORE_OPENING_SUBJECT else sent.first
    open_tok = c.inner[0] - 1
    subject = mentions.phrase_after(tokens, start, open_tok)
    if subject is None or subject.kind == "pronoun":
        return None
    k = subject.last
    while k < open_tok and (
        tokens[k].text[:1].isupper()
        or tokens[k].text in _ATTACHED
        or tokens[k].text == "," and k + 1 < open_tok and tokens[k + 1].text[:1].isupper()
    ):
        k += 1  # what the mention reader leaves of the phrase: "… im Deutschen Bundestag, Dieter Wiefelspütz,"
    if k < open_tok and tokens[k].text == "," and k > subject.last:
        end = k
        k += 1
    else:
        end = k
    if end > subject.last:
        subject = mentions.classify(tokens, subject.first, end) or subject
    if k >= open_tok:
        return None
    verb = tokens[k].text  # after the comma that closes an apposition: "…, Dieter Wiefelspütz, will"
    if not (verb.isalpha() and verb.islower()) or verb in CLAUSE_OPENERS - FINITE_HAVE or verb in _PASSIVE_PAST:
        return None  # "Kachelmann wurden … „…“ attestiert": a dative before a passive
    if subject.last - subject.first == 1 and k + 1 < open_tok and tokens[k + 1].text in _INVERTED_SUBJECTS:
        # "Ursprünglich wollte er „ein Konzept … vorlegen“": an adverb, the pronoun after the verb the subject
        return mentions.classify(tokens, k + 1, k + 2)
    if any(tokens[i].text in CLAUSE_PUNCT or tokens[i].text in QUOTE_CHARS for i in range(k, open_tok)):
        return None  # the region in another clause, or after another quoted phrase
    head = tokens[subject.last - 1].text
    if subject.kind in ("name", "role") or is_organisation(head) or is_group_noun(head):
        return subject
    return None


def _perfect_subject(tokens: list[Token], best: int, c: Candidate, sent: Sentence) -> mentions.Mention | None:
    """The subject of a perfect whose participle closes the clause after the region: "Die
    Bundesregierung hatte den Bericht als „falsch“ zurückgewiesen", "Im Vorfeld haben Anhänger der
    Organisation mit der Parole „…“ gedroht" (before the auxiliary, else right after it)."""
    if best < c.inner[-1] or any(e.finite for e in cues.lookup(tokens[best].text)):
        return None
    aux = next((k for k in range(sent.first + 1, c.inner[0]) if tokens[k].text.lower() in FINITE_HAVE), None)
    if aux is None:
        return None
    subject = mentions.phrase_after(tokens, sent.first, aux)
    if subject is not None and subject.last == aux:
        return subject
    if tokens[aux - 1].text in CLAUSE_PUNCT or tokens[aux - 1].text.lower() in CLAUSE_OPENERS:
        return None  # "…, die … hatten": another clause's auxiliary
    subject = mentions.phrase_after(tokens, aux + 1, c.inner[0] - 1)
    if subject is not None and subject.kind == "pronoun" and tokens[aux + 1].text not in NOMINATIVE_PRONOUNS:
        return None  # "hatte ihn …": an object
    return subject


def _distance(i: int, c: Candidate) -> int:
    return c.inner[0] - i if i < c.inner[0] else i - c.inner[-1]
