"""A participle's own phrase inside a noun phrase: "die [in New York City] geborene Lopez", "dem
[zuerst von Geekwire öffentlich] gemachten Brief", "in dem [den Delegierten] vorliegenden Text".

Both readers of mentions need it: extraction over tokens, the registry over words, so it reads
words through a sequence of strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from zitat_server.language import cues
from zitat_server.language.function_words import DASS, DETERMINERS, PREPOSITIONS
from zitat_server.language.marks import NAME_CLOSERS, NAME_OPENERS
from zitat_server.language.mood import AUXILIARIES

#: Endings of inflected adjectives ("der ukrainische", "des früheren").
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
#: Longest stretch a participle's own phrase may take before it ("der in New York City geborene").
MAX_ATTRIBUTE_WORDS = 6


def is_adjective(word: str) -> bool:
    """An inflected adjective: "ukrainische", "gemeinsamen" (lower case, with an ending)."""
    return (
        word.islower()
        and word.replace("-", "").lstrip("0123456789").isalpha()  # "rheinland-pfälzische", "64-jährige"
        and word.endswith(ADJECTIVE_ENDINGS)
        and len(word) > 3
        and word not in AUXILIARIES
        and word not in PREPOSITIONS  # "gegen", "zwischen": no adjectives for all their ending
    )


def attribute_end(words: Sequence[str], j: int, end: int, is_head: Callable[[str], bool]) -> int:
    """Where the participle of a phrase opening at ``j`` (right after the determiner) stands, so
    that the phrase reads on from it: a stretch opened by a preposition, an adverb or another
    article, without punctuation, that ends in an inflected adjective before a noun (``is_head``).
    ``j`` itself when there is none."""
    if j >= end or not (words[j] in PREPOSITIONS or words[j] in DETERMINERS or _bare_adverb(words[j])):
        return j
    for k in range(j + 1, min(end - 1, j + MAX_ATTRIBUTE_WORDS + 1)):
        word = words[k]
        inside = words[k - 1].lower() in DETERMINERS or words[k - 1] in PREPOSITIONS  # "zur kalifornischen …"
        if is_adjective(word) and word not in DETERMINERS and not inside and is_head(words[k + 1]):
            return k
        if not (word.isalnum() or word in NAME_OPENERS or word in NAME_CLOSERS) or word in DASS:
            return j
    return j


def _bare_adverb(word: str) -> bool:
    """A lower-case word with no inflection ending that is no cue: "zuerst", "bereits", "heute"."""
    return word.isalpha() and word.islower() and not word.endswith(ADJECTIVE_ENDINGS) and not cues.lookup(word)
