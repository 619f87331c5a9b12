"""Personal names: which capitalised words can be part of one."""

from __future__ import annotations

import re
from functools import lru_cache

from zitat_server.language.dates import MONTHS, WEEKDAYS
from zitat_server.language.function_words import CLAUSE_OPENERS, SENTENCE_ADVERBS
from zitat_server.language.roles import is_role

#: Particles inside names ("Ursula von der Leyen", "Osama bin Laden", "Carla del Ponte").
NAME_PARTICLES: frozenset[str] = frozenset("von van de der zu bin al da di del la le du dos ten ter".split())

#: Capitalised words that are never (part of) a personal name: function words and adverbs at a
#: sentence start, weekdays and months.
NOT_NAMES: frozenset[str] = frozenset(
    [w.capitalize() for w in CLAUSE_OPENERS | SENTENCE_ADVERBS] + list(WEEKDAYS) + list(MONTHS)
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


def is_capitalised(word: str) -> bool:
    return word[:1].isupper() and any(ch.isalpha() for ch in word)


def has_hyphen_particle(word: str) -> bool:
    """ "al-Assad", "el-Sisi": a name although it starts in lower case."""
    return bool(_HYPHEN_PARTICLE.match(word))


@lru_cache(maxsize=1 << 16)
def is_name_word(word: str) -> bool:
    """Could ``word`` be part of a personal name?"""
    if has_hyphen_particle(word):
        return True
    return is_capitalised(word) and word not in NOT_NAMES and not is_role(word) and not _NOUN_SUFFIX.search(word)
