"""Noun phrases that can be speaker mentions: names, role nouns, pronouns.

No tagger is needed for the phrases sources take in news ("der ukrainische
Verteidigungsminister", "Verteidigungsminister Rustem Umjerow", "Ihm", "die Polizei"):
determiners, inflected adjectives and capitalised words, read left or right from a cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zitat_server.document import Token

DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "eines",
        "einem",
        "einen",
        "dieser",
        "diese",
        "dieses",
        "diesem",
        "diesen",
        "sein",
        "seine",
        "seiner",
        "seines",
        "seinem",
        "seinen",
        "ihr",
        "ihre",
        "ihrer",
        "ihres",
        "ihrem",
        "ihren",
        "kein",
        "keine",
        "unser",
        "unsere",
        "mehrere",
        "viele",
        "einige",
        "zwei",
        "drei",
        "vier",
        "beide",
        "alle",
    ]
)
PRONOUNS_MASC = frozenset({"er", "ihm", "ihn"})
PRONOUNS_FEM = frozenset({"sie", "ihr"})
PRONOUNS = PRONOUNS_MASC | PRONOUNS_FEM | frozenset({"ich", "wir", "man"})
# Titles and role nouns. A role is recognised by its head (…minister, …sprecherin).
TITLES = frozenset({"herr", "frau", "dr.", "prof.", "sir", "lord", "papst", "könig", "königin", "prinz"})
_ROLE_SUFFIX = re.compile(
    r"(minister|präsident|kanzler|sprecher|chef|leiter|direktor|vorsitzender?|bürgermeister|abgeordneter?"
    r"|senator|gouverneur|botschafter|general|trainer|experte|analyst|autor|gründer|geschäftsführer"
    r"|kommissar|sekretär|regent|premier|könig|papst|richter|anwalt|staatsanwalt|kandidat|politiker"
    r"|vertreter|beauftragter?|chefin|forscher|wissenschaftler|manager|ökonom|historiker|journalist"
    r"|kommandeur|offizier|diplomat|bischof|kardinal|vorstand|obmann|landrat|rat|mitglied|student"
    r"|arzt|ärztin|polizist|ermittler|augenzeuge|zeuge|sprecher|fraktionschef|parteichef|abteilungsleiter"
    r"|oberhaupt|führer|anführer|aktivist|kritiker|befürworter|gegner|berater|referent|spieler|kapitän"
    r"|bundestrainer|stürmer|torwart|vize|expert|profi|coach|rektor|dekan|ologe|ologin|sportler|fahrer|sieger|lady|sängerin|sänger|künstler|schauspieler)(in|innen|s|en|e|n)?$",
    re.IGNORECASE,
)
_NAME_PARTICLES = frozenset({"von", "van", "de", "der", "zu", "bin", "al", "da", "di", "del", "la", "le"})
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
_STOP_CAPS = frozenset(
    [
        "Am",
        "Im",
        "In",
        "Auf",
        "Nach",
        "Vor",
        "Bei",
        "Mit",
        "Seit",
        "Wie",
        "Laut",
        "Zufolge",
        "Dabei",
        "Doch",
        "Denn",
        "Auch",
        "Aber",
        "Und",
        "Oder",
        "Dann",
        "So",
        "Da",
        "Es",
        "Ich",
        "Wir",
        "Sie",
        "Er",
        "Man",
        "Heute",
        "Gestern",
        "Morgen",
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
        "Das",
        "Der",
        "Die",
        "Den",
        "Dem",
        "Des",
    ]
) | frozenset(
    # Sentence-initial function words: "Von Zeugen wurde …", "Nachdem X bekannt wurde …".
    w.capitalize()
    for w in """von vom wegen statt anstatt für gegen trotz ab unter über zu zum zur beim aus durch ohne um
    während innerhalb außerhalb angesichts aufgrund neben hinter zwischen bis seitens nachdem weil wenn als
    obwohl ob dass damit sodass falls sobald bevor seitdem sowie sondern jedoch zwar außerdem deshalb dennoch
    demnach zudem daher danach darum dazu bereits inzwischen zuvor jetzt nun hier dort alles alle jeder jede
    viele einige manche mehrere beide nicht noch schon erst immer bisher damals später gleichzeitig allerdings
    trotzdem ebenfalls vielmehr insgesamt schließlich offenbar wohl sogar nur kaum etwa rund fast mehr weiter
    zunächst kürzlich derzeit was wer welche welcher kein keine ein eine einer nie niemals vielleicht sonst
    natürlich leider hoffentlich wahrscheinlich möglicherweise tatsächlich eben gerade ganz sehr früher einst
    bald oft manchmal meist meistens zuletzt anfangs""".split()
)


# Capitalised words with these endings are common nouns or institutions, never personal names.
_NOUN_SUFFIX = re.compile(
    r"(ung|ungen|heit|keit|schaft|tion|ionen|tät|täten|ismus|ment|nis|nisse|tum|chen|lein|ik|agentur|ministerium"
    r"|regierung|behörde|polizei|zeitung|studie|bericht|berichte|angaben|organisation|partei|verband|gericht"
    r"|gerichtshof|institut|unternehmen|konzern|bank|amt|büro|rat|kommission|gewerkschaft|quelle|quellen)$",
    re.IGNORECASE,
)
# Arabic and other name particles written with a hyphen: "al-Assad", "el-Sisi".
_HYPHEN_PARTICLE = re.compile(r"^(al|el|ad|as|ash|at|ibn|bin|abu|ul)-[A-ZÄÖÜ]")


def is_name_word(word: str) -> bool:
    """Could ``word`` be part of a personal name?"""
    if _HYPHEN_PARTICLE.match(word):
        return True
    return is_capitalised(word) and word not in _STOP_CAPS and not is_role(word) and not _NOUN_SUFFIX.search(word)


def is_role(word: str) -> bool:
    return bool(_ROLE_SUFFIX.search(word)) or word.lower() in TITLES


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def _is_adjective(word: str) -> bool:
    return word.islower() and word.isalpha() and word.endswith(_ADJ_ENDINGS) and len(word) > 3


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
    if not words:
        return None
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
        if is_name_word(w) or name and w.lower() in _NAME_PARTICLES:
            name.append(w)
        elif name or w == ",":
            if w == ",":
                continue
            break
    while name and name[-1].lower() in _NAME_PARTICLES:
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


def _head_word(word: str) -> bool:
    return (is_capitalised(word) and word not in _STOP_CAPS) or bool(_HYPHEN_PARTICLE.match(word))


def _premodifiers(tokens: list[Token], j: int, end: int) -> int:
    """Skip a determiner and inflected adjectives: "der ukrainische", "eine Sprecherin"."""
    if j < end and tokens[j].text.lower() in DETERMINERS:
        j += 1
    while j < end and _is_adjective(tokens[j].text):
        j += 1
    return j


def _heads(tokens: list[Token], j: int, end: int) -> int:
    """A run of capitalised words, with "Such- und Rettungsagentur" and „quoted“ names."""
    start = j
    while j < end:
        w = tokens[j].text
        if w.endswith("-") and j + 2 < end and tokens[j + 1].text == "und" and _head_word(tokens[j + 2].text):
            j += 3
        elif _head_word(w):
            j += 1
        elif w in '„»"' and j + 2 < end and _head_word(tokens[j + 1].text):
            k = j + 1
            while k < end and k - j < 6 and tokens[k].text not in '“«"':
                k += 1
            if k >= end:
                break
            j = k + 1
        elif j > start and w.lower() in _NAME_PARTICLES and j + 1 < end and _head_word(tokens[j + 1].text):
            j += 1
        else:
            break
    return j


def _noun_phrase(tokens: list[Token], i: int, end: int, depth: int = 0) -> int:
    """End of the noun phrase starting at ``i`` (``i`` itself when there is none)."""
    j = _heads(tokens, _premodifiers(tokens, i, end), end)
    if j == i or not is_capitalised(tokens[j - 1].text) and tokens[j - 1].text not in '“«"':
        return i
    while depth < 2 and j < end:
        w = tokens[j].text
        low = w.lower()
        if low in {"des", "der", "eines", "einer", "von", "vom"}:
            k = _noun_phrase(tokens, j + 1, end, depth + 1)
            if k == j + 1:
                break
            j = k
        elif w == "(":
            k = j + 1
            while k < end and k - j <= 5 and tokens[k].text != ")":
                k += 1
            if k >= end or tokens[k].text != ")":
                break
            j = k + 1
        elif w == "," and j + 1 < end and _head_word(tokens[j + 1].text):
            # apposition: "…, Klaus Stöhr" (a name) or "Claudia Pfeiffer, Geschäftsführerin des KAV"
            k = _noun_phrase(tokens, j + 1, end, depth + 1)
            words = [t.text for t in tokens[j + 1 : k]]
            names = sum(1 for w2 in words if is_name_word(w2))
            if k > j + 1 and (names >= 2 or is_role(words[0])) and (k >= end or tokens[k].text in {",", "."}):
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
    j = _noun_phrase(tokens, i, end)
    return classify(tokens, i, j) if j > i else None


def phrase_before(tokens: list[Token], j: int, start: int) -> Mention | None:
    """The mention ending just before token ``j``: the longest phrase that reads forward to ``j``."""
    if j <= start:
        return None
    if tokens[j - 1].text.lower() in PRONOUNS:
        return classify(tokens, j - 1, j)
    for i in range(max(start, j - 25), j):
        w = tokens[i].text
        if (w.lower() in DETERMINERS or _is_adjective(w) or _head_word(w)) and _noun_phrase(tokens, i, j) == j:
            if i > start and tokens[i - 1].text.lower() in DETERMINERS | {"des", "der"}:
                continue
            return classify(tokens, i, j)
    return None
