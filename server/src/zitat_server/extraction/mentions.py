"""Noun phrases that can be speaker mentions: names, role nouns, pronouns.

No tagger is needed for the phrases sources take in news ("der ukrainische
Verteidigungsminister", "Verteidigungsminister Rustem Umjerow", "Ihm", "die Polizei"):
determiners, inflected adjectives and capitalised words, read left or right from a cue.
"""

from __future__ import annotations

from dataclasses import dataclass

from zitat_server.document import Token
from zitat_server.language.function_words import ATTACHING, DETERMINERS, PRONOUNS, PRONOUNS_FEM, PRONOUNS_MASC
from zitat_server.language.marks import NAME_CLOSERS, NAME_OPENERS
from zitat_server.language.names import NAME_PARTICLES, NOT_NAMES, has_hyphen_particle, is_capitalised, is_name_word
from zitat_server.language.roles import is_role

# Endings of inflected adjectives ("der ukrainische", "des früheren").
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


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


def _head_word(word: str) -> bool:
    return (is_capitalised(word) and word not in NOT_NAMES) or has_hyphen_particle(word)


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
        elif w in NAME_OPENERS and j + 2 < end and _head_word(tokens[j + 1].text):
            k = j + 1
            while k < end and k - j < 6 and tokens[k].text not in NAME_CLOSERS:
                k += 1
            if k >= end:
                break
            j = k + 1
        elif j > start and w.lower() in NAME_PARTICLES and j + 1 < end and _head_word(tokens[j + 1].text):
            j += 1
        else:
            break
    return j


def _noun_phrase(tokens: list[Token], i: int, end: int, depth: int = 0) -> int:
    """End of the noun phrase starting at ``i`` (``i`` itself when there is none)."""
    j = _heads(tokens, _premodifiers(tokens, i, end), end)
    if j == i or not is_capitalised(tokens[j - 1].text) and tokens[j - 1].text not in NAME_CLOSERS:
        return i
    while depth < 2 and j < end:
        w = tokens[j].text
        low = w.lower()
        if low in ATTACHING:
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
