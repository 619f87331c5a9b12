"""Role nouns: offices, professions and titles that name a speaker by what they are."""

from __future__ import annotations

import re

#: Titles before a name ("Frau Merkel", "Papst Franziskus").
TITLES: frozenset[str] = frozenset("herr frau dr. prof. sir lord papst könig königin prinz".split())

# A role is recognised by its head (…minister, …sprecherin), with its inflection.
_ROLE_SUFFIX = re.compile(
    r"(minister|präsident|kanzler|sprecher|chef|leiter|direktor|vorsitzender?|bürgermeister|abgeordneter?"
    r"|senator|gouverneur|botschafter|general|trainer|experte|analyst|autor|gründer|geschäftsführer"
    r"|kommissar|sekretär|regent|premier|könig|papst|richter|anwalt|staatsanwalt|kandidat|politiker"
    r"|vertreter|beauftragter?|chefin|forscher|wissenschaftler|manager|ökonom|historiker|journalist"
    r"|kommandeur|offizier|diplomat|bischof|kardinal|vorstand|obmann|landrat|rat|mitglied|student"
    r"|arzt|ärztin|polizist|ermittler|augenzeuge|zeuge|sprecher|fraktionschef|parteichef|abteilungsleiter"
    r"|oberhaupt|führer|anführer|aktivist|kritiker|befürworter|gegner|berater|referent|spieler|kapitän"
    r"|bundestrainer|stürmer|torwart|vize|expert|profi|coach|rektor|dekan|ologe|ologin|sportler|fahrer|sieger"
    r"|lady|sängerin|sänger|künstler|schauspieler)(in|innen|s|en|e|n)?$",
    re.IGNORECASE,
)
#: Offices held by one person at a time: only these identify a person across articles by the
#: role alone ("der Verteidigungsminister"); "ein Sprecher", "der Experte" are many people.
_OFFICE = re.compile(
    r"(minister|ministerin|kanzler|kanzlerin|präsident|präsidentin|bürgermeister|bürgermeisterin"
    r"|gouverneur|gouverneurin|papst|könig|königin|generalsekretär|generalsekretärin|premier)$"
)

#: Prepositions that introduce an addressee after a cue ("sagte er gegenüber der Zeitung").
ADDRESSEE_PREPOSITIONS: frozenset[str] = frozenset({"gegenüber", "vor"})
#: Audiences addressed with "vor" ("sagte er vor Journalisten").
AUDIENCES: frozenset[str] = frozenset(
    "journalisten reportern presse medien abgeordneten delegierten anhängern studenten zuhörern publikum".split()
)


def is_role(word: str) -> bool:
    """A role noun or a title: "Verteidigungsminister", "Sprecherin", "Frau"."""
    return bool(_ROLE_SUFFIX.search(word)) or word.lower() in TITLES


def is_office(key: str) -> bool:
    """An office held by one person at a time (``key`` lower-cased): "verteidigungsminister"."""
    return bool(_OFFICE.search(key))
