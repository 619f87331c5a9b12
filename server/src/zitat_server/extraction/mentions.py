"""Noun phrases that can be speaker mentions: names, role nouns, pronouns.

No tagger is needed for the phrases sources take in news ("der ukrainische
Verteidigungsminister", "Verteidigungsminister Rustem Umjerow", "Ihm", "die Polizei"):
determiners, inflected adjectives and capitalised words, read left or right from a cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from zitat_server.document import Token
from zitat_server.language import cues, participles
from zitat_server.language.dates import WEEKDAYS
from zitat_server.language.function_words import (
    ATTACHING,
    DASS,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    PRONOUNS_FEM,
    PRONOUNS_MASC,
)
from zitat_server.language.marks import NAME_CLOSERS, NAME_OPENERS
from zitat_server.language.names import (
    NAME_PARTICLES,
    NOT_NAMES,
    has_hyphen_particle,
    is_capitalised,
    is_first_name,
    is_name_word,
)
from zitat_server.language.participles import ADJECTIVE_ENDINGS, is_adjective
from zitat_server.language.roles import LOWERCASE_MEDIA, is_media, is_organisation, is_role


@dataclass(frozen=True, slots=True)
class Mention:
    """A candidate source mention: token range ``[first, last)`` and what it names."""

    first: int
    last: int
    kind: str  # "name", "role", "pronoun", "noun"
    name: list[str]  # name tokens ("Rustem", "Umjerow")
    roles: list[str]  # role tokens ("Verteidigungsminister")
    feminine: bool | None = None


def classify(tokens: list[Token], first: int, last: int) -> Mention | None:
    """Read the phrase ``tokens[first:last]`` as a mention, or None if it is none."""
    words = [t.text for t in tokens[first:last]]
    if not words or len(words) == 1 and words[0].lower() in _BARE_ARTICLES:
        return None  # "Das hatte sich zugespitzt": an article alone names nobody
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        low = words[0].lower()
        fem = True if low in PRONOUNS_FEM else (False if low in PRONOUNS_MASC else None)
        return Mention(first, last, "pronoun", [], [], fem)
    roles = [w for w in words if is_capitalised(w) and is_role(w)]
    name: list[str] = []
    # Names: the capitalised run after the last role word, or a run with no determiner before it.
    after_role = max((i for i, w in enumerate(words) if w in roles), default=-1)
    start = after_role + 1
    if after_role < 0 and (words[0].lower() in DETERMINERS or words[0].islower()):
        start = len(words)  # "die Polizei", "eigenen Angaben": a common noun, not a name
    for w in words[start:]:
        if is_name_word(w) or name and w.lower() in NAME_PARTICLES:
            name.append(w)
        elif name or w == ",":
            if w == ",":
                continue
            break
    while name and name[-1].lower() in NAME_PARTICLES:
        name.pop()
    feminine = None
    for r in roles:
        low = r.lower()
        if low.endswith("in") or low == "frau":
            feminine = True
        elif low == "herr" or not low.endswith("innen"):
            feminine = False if feminine is None else feminine
    kind = "name" if name else ("role" if roles else "noun")
    return Mention(first, last, kind, name, roles, feminine)


#: Articles that never stand alone for a person ("der", "die" do, as relative or demonstrative pronouns).
_BARE_ARTICLES = frozenset("das den dem des ein eine einen einem einer eines".split())
_APOSTROPHES = frozenset({"’", "'"})
#: Definite articles that open an apposition ("…, der Berliner Künstler Julian Oliver,").
_ARTICLES = frozenset({"der", "die", "das"})
#: Articles that, capitalised inside a sentence, open a title: "die Zeitung Die Welt".
_NAME_ARTICLES = frozenset({"Die", "Der", "Das"})
#: Pronouns that take a partitive genitive: "einer der Betreiber".
_PARTITIVE = frozenset({"einer", "eine", "eines"})
#: Quantifiers that stand for people when no noun follows: "Manche sagen, …".
_QUANTIFIER_PRONOUNS = frozenset("manche einige viele mehrere beide andere".split())
#: Units of time head no mention: "Wenige Stunden später erklärte …", "vor einem Monat".
_TIME_NOUNS = frozenset(
    """Sekunde Sekunden Minute Minuten Stunde Stunden Tag Tage Tagen Woche Wochen Monat Monate Monaten
    Jahr Jahre Jahren Jahres Jahrzehnt Jahrzehnte Jahrzehnts Jahrhundert Jahrhunderts Wochenende Wochenendes
    Monats Tages""".split()
)


@lru_cache(maxsize=1 << 16)
def _head_word(word: str) -> bool:
    """A word that can head a noun phrase; not a time word ("teilte der Konzern Mittwochabend mit")."""
    if word.startswith(WEEKDAYS) or word in _TIME_NOUNS:
        return False
    return (
        (is_capitalised(word) and word not in NOT_NAMES)
        or has_hyphen_particle(word)
        or _age_noun(word)
        or word in LOWERCASE_MEDIA
    )


def _premodifiers(tokens: list[Token], j: int, end: int) -> int:
    """Skip a determiner and inflected adjectives: "der ukrainische", "eine Sprecherin"."""
    if j < end and tokens[j].text.lower() in DETERMINERS:
        j = participial_attribute(tokens, j + 1, end)
    while j < end and (is_adjective(tokens[j].text) or _adverb_before_adjective(tokens, j, end)):
        j += 1
    return j


def participial_attribute(tokens: list[Token], j: int, end: int) -> int:
    """:func:`participles.attribute_end` over tokens: where a participle's own phrase after the
    determiner ends ("die [in New York City] geborene Lopez")."""
    return participles.attribute_end(_Texts(tokens), j, end, _head_word)


class _Texts:
    """The token texts as a sequence of strings, without copying them."""

    __slots__ = ("_tokens",)

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens

    def __getitem__(self, i: int) -> str:
        return self._tokens[i].text

    def __len__(self) -> int:
        return len(self._tokens)


def _adverb_before_adjective(tokens: list[Token], j: int, end: int) -> bool:
    """ "staatlich kontrollierten", "politisch motivierten": an adverb in -lich, -isch, -ig that
    modifies the adjective after it."""
    word = tokens[j].text
    return (
        j + 1 < end
        and word.islower()
        and word.isalpha()
        and word.endswith(("lich", "isch", "ig"))
        and is_adjective(tokens[j + 1].text)
    )


def _heads(tokens: list[Token], j: int, end: int) -> int:
    """A run of capitalised words, with "Such- und Rettungsagentur" and „quoted“ names."""
    start = j
    while j < end:
        w = tokens[j].text
        if w.endswith("-") and j + 2 < end and tokens[j + 1].text == "und" and _head_word(tokens[j + 2].text):
            j += 3
        elif w in _APOSTROPHES and j > start and j + 1 < end and _joined(tokens, j - 1, j + 2) and _head_word(
            tokens[j + 1].text
        ):
            j += 2  # "Mark O’Keefe", "D'Alema": one word the tokenizer split
        elif _head_word(w):
            j += 1
        elif w in NAME_OPENERS and j + 2 < end and (
            _head_word(tokens[j + 1].text) or tokens[j + 1].text in _NAME_ARTICLES and _head_word(tokens[j + 2].text)
        ):  # „Express“, „Die Zeit“
            k = j + 1
            while k < end and k - j < 6 and tokens[k].text not in NAME_CLOSERS:
                k += 1
            if k >= end:
                break
            j = k + 1
        elif (
            j > start
            and w.lower() in NAME_PARTICLES
            and j + 1 < end
            and _head_word(tokens[j + 1].text)
            and is_name_word(tokens[j - 1].text)  # "Karl-Theodor zu Guttenberg", not "Generalsekretär zu Beginn"
            and not cues.is_speech_frame_noun(tokens[j - 1].text)  # "Aussagen zu Unrecht": no name
        ):
            j += 1
        else:
            break
    return j


#: Indefinite articles before a role noun in an apposition: "Singer, ein Klimaexperte vom WWF".
INDEFINITE = frozenset({"ein", "eine"})


def _fuer_takes_field(word: str) -> bool:
    """An organisation or office whose name goes on with "für": "die Organisation für Migration",
    "der EU-Kommissar für Energie Günther Oettinger", "Bundesminister für Arbeit"."""
    return is_organisation(word) or is_role(word)


def _joined(tokens: list[Token], i: int, k: int) -> bool:
    """Do tokens ``i`` to ``k`` (exclusive) touch, with no space between them?"""
    return all(tokens[n].end == tokens[n + 1].start for n in range(i, k - 1))


def _indefinite_role(tokens: list[Token], i: int, end: int) -> bool:
    """ "ein Klimaexperte", "eine langjährige Sprecherin": an indefinite article, adjectives, a role."""
    if tokens[i].text not in INDEFINITE:
        return False
    k = i + 1
    while k < end and is_adjective(tokens[k].text):
        k += 1
    return k < end and is_role(tokens[k].text)


def _noun_phrase(tokens: list[Token], i: int, end: int, depth: int = 0) -> int:
    """End of the noun phrase starting at ``i`` (``i`` itself when there is none)."""
    modified = _premodifiers(tokens, i, end)
    j = _heads(tokens, modified, end)
    if j == modified:  # no head
        if modified > i + 1 and age_word(tokens[j - 1].text) and tokens[i].text.lower() in DETERMINERS:
            return j  # "der 81-jährige" in lower case stands for a person as "der 81-Jährige" does
        if modified == i + 1 and modified < end and tokens[i].text.lower() in _ARTICLES:
            return i  # "Die taz hat …": an article before a word that is no head ("Der sagte" stays)
    last = tokens[j - 1].text
    if j == i or not (is_capitalised(last) or _age_noun(last) or last in LOWERCASE_MEDIA) and last not in NAME_CLOSERS:
        return i
    while depth < 2 and j < end:
        w = tokens[j].text
        low = w.lower()
        if low in ATTACHING:
            k = _noun_phrase(tokens, j + 1, end, depth + 1)
            if k == j + 1:
                break
            j = k
        elif low == "für" and j + 1 < end and _fuer_takes_field(tokens[j - 1].text) and _head_word(tokens[j + 1].text):
            # the name of an organisation goes on: "die Internationale Organisation für Migration
            # (IOM)", "der Syrischen Beobachtungsstelle für Menschenrechte"
            j = _heads(tokens, j + 1, end)
            while j + 1 < end and tokens[j].text in {"und", ","} and _head_word(tokens[j + 1].text):
                j = _heads(tokens, j + 1, end)  # "das Landesamt für Gesundheit und Lebensmittelsicherheit"
        elif w in _NAME_ARTICLES and j + 1 < end and is_media(tokens[j - 1].text) and _head_word(tokens[j + 1].text):
            j = _heads(tokens, j + 1, end)  # a title's own article: "die Zeitung Die Welt"
        elif w == "(":
            k = j + 1
            while k < end and k - j <= 5 and tokens[k].text != ")":
                k += 1
            if k >= end or tokens[k].text != ")":
                break
            j = k + 1
        elif w == "," and j + 1 < end and (
            _head_word(tokens[j + 1].text) or _indefinite_role(tokens, j + 1, end) or tokens[j + 1].text in _ARTICLES
        ):
            # apposition: "…, Klaus Stöhr" (a name), "Claudia Pfeiffer, Geschäftsführerin des KAV",
            # "Stephen Singer, ein Klimaexperte vom WWF", "einer der Hacker, der Berliner Künstler
            # Julian Oliver," (after an article only with a full name: "der …, der X kennt" is a clause)
            k = _noun_phrase(tokens, j + 1, end, depth + 1)
            words = [t.text for t in tokens[j + 1 : k]]
            names = sum(1 for w2 in words if is_name_word(w2))
            if words and words[0] in _ARTICLES:
                role = False
            else:
                role = is_role(words[0]) if words and words[0].lower() not in INDEFINITE else len(words) > 1
            if k > j + 1 and (names >= 2 or role) and (k >= end or tokens[k].text in {",", "."}):
                j = k
            else:
                break
        else:
            break
    return j


def phrase_after(tokens: list[Token], i: int, end: int) -> Mention | None:
    """The mention starting at token ``i`` (reading right, not past ``end``)."""
    if i >= end:
        return None
    if tokens[i].text.lower() in PRONOUNS:
        return classify(tokens, i, i + 1)
    if _share(tokens, i, end):
        # "37 Prozent sind der Auffassung", "47 Prozent der Befragten": a share of people
        j = i + 2
        if j + 1 < end and tokens[j].text in {"der", "aller"}:
            k = _noun_phrase(tokens, j + 1, end)
            j = k if k > j + 1 else j
        return Mention(i, j, "noun", [], [])
    j = _noun_phrase(tokens, i, end)
    if j == i and tokens[i].text.lower() in _PARTITIVE and i + 1 < end and tokens[i + 1].text in {"der", "des"}:
        j = _noun_phrase(tokens, i + 1, end)  # "einer der Betreiber", "eine der Initiatorinnen"
        if j == i + 1:
            j = i
    if j == i and _quantifier_alone(tokens, i, end):
        return Mention(i, i + 1, "noun", [], [])  # "Manche sagen, …", "Viele meinen, …": the quantifier stands alone
    return classify(tokens, i, j) if j > i else None


def _share(tokens: list[Token], i: int, end: int) -> bool:
    """ "37 Prozent", "12,5 Prozent": a number of per cent."""
    return i + 1 < end and tokens[i + 1].text == "Prozent" and tokens[i].text.replace(",", "").isdigit()


def _quantifier_alone(tokens: list[Token], i: int, end: int) -> bool:
    """ "Manche sagen", "sagen viele": a quantifier standing for people (not "so viele wie nie")."""
    if tokens[i].text.lower() not in _QUANTIFIER_PRONOUNS or i + 1 >= end:
        return False
    following = tokens[i + 1].text
    return not following[:1].isupper() and following not in {"wie", "als"} and (i == 0 or tokens[i - 1].text != "so")


def phrase_before(tokens: list[Token], j: int, start: int) -> Mention | None:
    """The mention ending just before token ``j``: the longest phrase that reads forward to ``j``."""
    if j <= start:
        return None
    if tokens[j - 1].text.lower() in PRONOUNS:
        return classify(tokens, j - 1, j)
    if _quantifier_alone(tokens, j - 1, j + 1):
        return Mention(j - 1, j, "noun", [], [])  # "Manche sagen"
    for i in range(max(start, j - 25), j):
        w = tokens[i].text
        if (w.lower() in DETERMINERS or is_adjective(w) or _head_word(w)) and _noun_phrase(tokens, i, j) == j:
            if i > start and tokens[i - 1].text.lower() in DETERMINERS | {"des", "der"}:
                continue
            return classify(tokens, i, j)
    return None


def subject_before(tokens: list[Token], j: int, start: int) -> Mention | None:
    """:func:`phrase_before`, unless a preposition governs it: "Passend zu den Gefahren des Eises
    warnte die Moderatorin", "auf der Landebahn teilte dessen Stellvertreter mit"."""
    phrase = phrase_before(tokens, j, start)
    if phrase is not None and phrase.first > start and tokens[phrase.first - 1].text.lower() in PREPOSITIONS:
        return None
    return phrase


# --- every noun phrase of a stretch: the candidates the source ranker chooses among -----------


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase ``tokens[first:last]``: its core (determiner, adjectives, heads) ends at ``core``;
    ``parts`` name what extends the core, in order ("gen", "von", "pp", "paren", "appos", "dash",
    "coord"); ``cut`` marks a core cut after its first noun ("die Organisationen | Bürger").
    A ``kind`` of "pronoun" or "relative" marks one-word phrases."""

    first: int
    last: int
    core: int
    parts: tuple[str, ...] = ()
    kind: str = "np"
    cut: bool = False
    prep: str = ""  # the preposition the phrase includes: "in" of "heißt es in einer Erklärung"


#: Longest phrase the generator builds, in tokens (the longest gold source of the news train
#: split that is not a list of people is 27 tokens).
MAX_PHRASE_TOKENS = 30
#: Extensions a phrase may take after its core.
_MAX_PARTS = 5
_ADVERB_MODIFIERS = frozenset({"nicht", "so", "sehr", "bisher", "namentlich"})
#: Prepositions whose phrase can belong to a source: "Dittrich aus dem Forscherteam", "ein Sprecher
#: des LBM in Koblenz", "die Delegationsleiterin beim Klimagipfel", "Patrick Georg von der IG Metall".
_PP_ATTACHING = frozenset({"aus", "in", "im", "bei", "beim", "für", "am", "an", "auf", "vom", "von", "zu", "zur"})
_CONTRACTED = frozenset({"vom", "im", "beim", "am", "zur"})
_RELATIVE = frozenset({"der", "die", "das", "welche", "welcher", "welches"})
#: One-word phrases besides the personal pronouns: demonstratives and "es" ("stellte es fest").
_DEMONSTRATIVE = frozenset({"diese", "dieser", "es"})
_ONE_WORD = PRONOUNS | _DEMONSTRATIVE | _RELATIVE
#: Prepositions a source phrase may include (see :func:`noun_phrases`).
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "von", "vom"})
_APPOSITION_MARKS = frozenset({",", "–", "-", "—"})


def _age_noun(word: str) -> bool:
    """ "81-Jährige", "28-Jähriger": an age noun, not the adjective in lower case."""
    return age_word(word) and not word.islower()


@lru_cache(maxsize=1 << 16)
def age_word(word: str) -> bool:
    """ "48-Jährige", "28-jähriger": an age noun (capitalised) or adjective."""
    head, _, tail = word.partition("-")
    return head.isdigit() and tail.lower().startswith("jährig")


def _adjective(word: str) -> bool:
    """An inflected adjective ("ukrainische", "saudi-arabischen", "64-jährige"), not a cue verb."""
    if age_word(word):
        return word.islower()
    return (
        word.islower()
        and word.replace("-", "").lstrip("0123456789").isalpha()  # "rheinland-pfälzische", "64-jährige"
        and word.endswith(ADJECTIVE_ENDINGS)
        and len(word) > 3
        and not cues.lookup(word)
    )


# What the phrase reader needs to know of a word, as bits (one cached lookup per token).
DET, ADJ, HEAD, AGE, AGE_LOW, NAME, PART, OPEN, CLOSE = (1 << k for k in range(9))
ONE, REL, DEM, ROLE, CUE, CAP, HYPH, SRCPREP, GEN = (1 << k for k in range(9, 18))
PP, VON, APPOS, COMMA, COORD, LPAREN, RPAREN, ADVMOD, DASH_END = (1 << k for k in range(18, 27))
UND, DASS_, ADJ_ER, FIRST = (1 << k for k in range(27, 31))


@lru_cache(maxsize=1 << 16)
def word_flags(word: str) -> int:
    """The bits above for ``word``."""
    low = word.lower()
    bits = [
        (DET, low in DETERMINERS),
        (ADJ, _adjective(word)),
        (HEAD, _head_word(word)),
        (AGE, age_word(word)),
        (AGE_LOW, age_word(word) and word.islower()),
        (NAME, is_name_word(word)),
        (PART, low in NAME_PARTICLES),
        (OPEN, word in NAME_OPENERS),
        (CLOSE, word in NAME_CLOSERS),
        (ONE, low in _ONE_WORD),
        (REL, low in _RELATIVE),
        (DEM, low in _DEMONSTRATIVE),
        (ROLE, is_role(word)),
        (CUE, bool(cues.lookup(word))),
        (CAP, is_capitalised(word)),
        (HYPH, has_hyphen_particle(word)),
        (SRCPREP, low in _SOURCE_PREPOSITIONS),
        (GEN, low in ATTACHING and low not in ("von", "vom")),
        (PP, low in _PP_ATTACHING),
        (VON, low in ("von", "vom")),
        (APPOS, word in _APPOSITION_MARKS),
        (COMMA, word == ","),
        (COORD, low in ("und", "sowie")),
        (LPAREN, word == "("),
        (RPAREN, word == ")"),
        (ADVMOD, low in _ADVERB_MODIFIERS),
        (DASH_END, word.endswith("-")),
        (UND, word == "und"),
        (DASS_, low in DASS),
        (ADJ_ER, _adjective(word) and low.endswith("er")),
        (FIRST, is_first_name(word)),
    ]
    return sum(bit for bit, on in bits if on)


def token_flags(tokens: list[Token]) -> list[int]:
    """:func:`word_flags` of every token: computed once per document by who reads many stretches."""
    return [word_flags(t.text) for t in tokens]


def _core(f: list[int], i: int, end: int) -> int:
    """End of the core noun phrase at ``i`` (``i`` when there is none): "der ukrainische
    Verteidigungsminister Rustem Umjerow", "die „Süddeutsche Zeitung“", "der 48-Jährige"."""
    j = i + 1 if i < end and f[i] & DET else i
    while j < end and f[j] & (ADJ | ADVMOD):
        j += 1  # "ein nicht genannter Vertreter"
    if j > i and not f[i] & DET and j < end and f[j] & FIRST:
        return i  # "starben Ursula Castrup": a verb before a name, not an adjective
    k = _core_heads(f, j, end)
    if k == j and j > i + 1 and f[j - 1] & AGE:
        return j  # "der 81-jährige", written in lower case
    if k == j:
        return i
    if not f[k - 1] & (CAP | CLOSE | AGE | HYPH):
        return i
    return k


def _core_heads(f: list[int], j: int, end: int) -> int:
    """Like :func:`_heads`, but a particle continues only a name ("Ursula von der Leyen"), never a
    role or a common noun ("des Direktors der Fluggesellschaft" is two phrases)."""
    start = j
    while j < end:
        b = f[j]
        if b & DASH_END and j + 2 < end and f[j + 1] & UND and f[j + 2] & HEAD:
            j += 3
        elif b & HEAD or b & AGE and not b & AGE_LOW:
            j += 1
        elif b & OPEN and j + 2 < end and f[j + 1] & HEAD:
            k = j + 1
            while k < end and k - j < 8 and not f[k] & CLOSE:
                k += 1
            if k >= end or not f[k] & CLOSE:
                break
            j = k + 1
        elif j > start and b & PART and j + 1 < end and f[j - 1] & (FIRST | PART) and f[j + 1] & (NAME | PART):
            j += 1  # "Ursula von der Leyen", "Thomas de Maizière"; not "Programms der WHO"
        else:
            break
    while j > start and f[j - 1] & PART:
        j -= 1
    return j


def _paren(f: list[int], j: int, end: int) -> int:
    """End of "( SPD )" at ``j``, or ``j``."""
    k = j + 1
    while k < end and k - j <= 8 and not f[k] & RPAREN:
        k += 1
    return k + 1 if k < end and f[k] & RPAREN and k > j + 1 else j


def _extension(f: list[int], j: int, end: int) -> tuple[str, int] | None:
    """How the phrase ending at ``j`` may go on: (part, new end), or None."""
    b = f[j]
    nxt = f[j + 1] if j + 1 < end else 0
    if b & LPAREN:
        k = _paren(f, j, end)
        return ("paren", k) if k > j else None
    if b & (GEN | ADJ_ER):  # "des Ministeriums", "Angaben libanesischer Sicherheitskreise"
        k = _core(f, j, end)
        return ("gen", k) if k > j + 1 else None
    if b & PP and nxt:
        k = _core(f, j + 1, end)
        return ("von" if b & VON else "pp", k) if k > j + 1 else None
    if b & APPOS and nxt:
        k = _core(f, j + 1, end)
        if nxt & (REL | DASS_ | CUE) and not (nxt & DET and k > j + 2):
            return None  # a relative or content clause, not an apposition
        if nxt & ADJ and not any(f[x] & ROLE for x in range(j + 2, k)):
            return None  # "…, kanadischer General" is one; "…, starben Ursula Castrup" is none
        return ("appos" if b & COMMA else "dash", k) if k > j + 1 else None
    if b & COORD and nxt:
        k = _core(f, j + 1, end)
        return ("coord", k) if k > j + 1 else None
    return None


def _continues(f: list[int], k: int, first: int) -> bool:
    """Does the token after ``k`` continue a noun phrase that token ``k`` is part of? After a
    determiner, an adjective or a particle inside a name always; after a capitalised word only a
    further capitalised word ("Ministerpräsident Markus Söder"; "Ministerpräsident der Welt" starts
    anew), and not after the first word of a sentence, which may be an adverb ("Einzig Sony")."""
    b, word = f[k], f[k + 1]
    if b & (DET | OPEN):
        return True
    if b & ADJ:  # only inside a phrase: "der neue …", not "dürfte ersten Annahmen"
        j = k
        while j > first and j > k - 5 and f[j - 1] & ADJ:
            j -= 1
        return j > first and bool(f[j - 1] & DET)
    if b & PART and k > first and f[k - 1] & (NAME | PART):  # "von der Leyen", "de Maizière"
        return True
    if b & HEAD:
        return not word & (DET | ADJ) and not (k == first and not b & ROLE)
    return False


def noun_phrases(tokens: list[Token], first: int, last: int, flags: list[int] | None = None) -> list[Phrase]:
    """Every noun phrase in ``tokens[first:last]`` that could name a speaker, with its extensions.

    A phrase starts where a noun phrase can start and the word before does not continue one
    (:func:`_continues`), so "Italiens Ministerpräsident Mario Monti" yields one start, "Angaben der
    Polizei" two ("Angaben …", "der Polizei"). Each start yields its core, the core cut after its
    first noun when more capitalised words follow, and every extension of the core (genitive,
    von-phrase, a prepositional phrase, a parenthesis, an apposition, a coordination), up to
    ``_MAX_PARTS``; pronouns, demonstratives and relative pronouns are phrases of one word. A
    phrase after "in", "im", "von" or "vom" comes also with its preposition: sources of "heißt es in
    der Erklärung", "hieß es vom Abgeordneten" include it.

    ``flags`` are :func:`token_flags` of the document, for callers that read many stretches. The
    cost is linear in the stretch: each start reads at most ``MAX_PHRASE_TOKENS`` tokens.
    """
    if flags is None:
        flags = [0] * first + [word_flags(t.text) for t in tokens[first:last]]
    f = flags
    out: list[Phrase] = []
    for i in range(first, last):
        b = f[i]
        end = min(last, i + MAX_PHRASE_TOKENS)
        if b & ONE and _core(f, i, end) <= i + 1:
            if not b & REL or b & DEM:
                out.append(Phrase(i, i + 1, i + 1, (), "pronoun"))
                continue
            if i > first and f[i - 1] & COMMA:
                out.append(Phrase(i, i + 1, i + 1, (), "relative"))
                continue
        if not b & (DET | ADJ | HEAD | AGE | OPEN) or i > first and _continues(f, i - 1, first):
            continue
        j = _core(f, i, end)
        if j == i:
            continue
        made = [Phrase(i, j, j)]
        heads = [k for k in range(i, j) if f[k] & HEAD]
        if len(heads) >= 2:
            made.append(Phrase(i, heads[0] + 1, heads[0] + 1, cut=True))  # "die Organisationen | Bürger"
        core, parts = j, ()
        while len(parts) < _MAX_PARTS and j < end:
            ext = _extension(f, j, end)
            if ext is None:
                break
            parts = (*parts, ext[0])
            j = ext[1]
            made.append(Phrase(i, j, core, parts))
        out.extend(made)
        if i > first and f[i - 1] & SRCPREP:
            prep = tokens[i - 1].text.lower()
            out.extend(Phrase(i - 1, p.last, p.core, p.parts, p.kind, p.cut, prep) for p in made)
    return out
