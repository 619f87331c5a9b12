"""Resolution of source mentions to holders within one document: persons, organisations, media
and groups.

A source mention is first *read* (:func:`read`): what kind of holder it names and by what
name, with frames and prepositions stripped ("nach Angaben der Polizei" → the Polizei,
"Polizeiangaben" → the Polizei, "einer Meldung von Xinhua" → Xinhua, "Von Obama" → Obama), roles
set apart from the name ("Ministerpräsident des Landes Niedersachsen Christian Wulff" → Christian
Wulff, role Ministerpräsident), a place that qualifies an institution kept as its qualifier ("die
Polizei in Kassel"), and the organisation an anonymous person speaks for kept as its affiliation
("ein Sprecher des Innenministeriums", "ein Polizeisprecher").

Then each reading resolves against the document's holders:

* a name merges with the person of that surname (a genitive "Lahms" with "Lahm");
* a role noun ("der Richter", "der Franzose", "der 48-Jährige") resolves to the person introduced
  with that role or a compound of it ("Bezirksrichter Charles Breyer"), the latest such before it;
  a nationality or age noun, which introductions rarely repeat, to the latest person spoken of;
  with no such person, and for "ein Sprecher", to an anonymous person;
* a pronoun to the person who spoke last, if that was in the last two sentences, else the latest
  person mentioned; gender must agree when known. "wir", "man" and a plural "sie" resolve to
  nobody (``unresolved_reason = "group"``); a relative pronoun reads its antecedent, "nach eigenen
  Angaben" the subject of its clause;
* organisations and media merge by their canonical name; a bare "die Zeitung", "der Sender" refers
  to the medium named last before it;
* plural person nouns ("Augenzeugen", "die Forscher"), plural institutions ("die Behörden") and
  unnamed media ("südkoreanische Medien") are groups: GROUP entities, one per noun, which the
  claim store keeps a GROUP record of; "wir", "man" and a plural "sie" are no group anyone names.

Persons are known from every "Rolle Vorname Name" and "Name, Rolle" in the text, from names
that recur, and from named sources; their mentions anywhere in the text make them recent. A
mention that names no holder (a document without author, an abstract noun, a place) gets no
entity and a reason. Everything is one or two passes over tokens and quotes: linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from zitat_server.document import Doc, Entity, Quote, Span, SpeakerType
from zitat_server.extraction.component import ComponentInfo
from zitat_server.extraction.mentions import age_word, noun_phrases, participial_attribute, token_flags
from zitat_server.language.cues import SENTENCE_FRAMES, lookup
from zitat_server.language.function_words import DETERMINERS, GROUP_PRONOUNS, NOMINATIVE_PRONOUNS, PREPOSITIONS
from zitat_server.language.marks import NAME_CLOSERS, NAME_OPENERS
from zitat_server.language.names import (
    NAME_PARTICLES,
    NOT_NAMES,
    first_name_feminine,
    has_hyphen_particle,
    is_capitalised,
    is_first_name,
    is_name_word,
)
from zitat_server.language.roles import (
    DOCUMENT_NOUNS,
    MEDIA_NAMES,
    REPORT_NOUNS,
    is_acronym,
    is_group_noun,
    is_media,
    is_office,
    is_organisation,
    is_person_noun,
    is_plural_body,
    is_profession,
    is_regional_paper,
    is_role,
    media_kind,
    same_office,
    spokes_prefix,
)

#: Why a quote with a source has no entity (``Quote.unresolved_reason``).
GROUP = "group"  # "wir", "man", a plural "sie": many or no one in particular
DOCUMENT = "document"  # a report or study whose author the text does not give
NOT_A_HOLDER = "not a holder"  # an abstract noun, a place, a fragment
NO_ANTECEDENT = "no antecedent"  # a pronoun with no plausible holder before it

#: Plural media nouns that name a group of unnamed media, not the medium named last ("südkoreanische
#: Medien").
_GENERIC_MEDIA = frozenset({"medien", "zeitungen", "agenturen", "nachrichtenagenturen", "presseagenturen"})
_DEFINITE = frozenset({"der", "die", "das", "dem", "den", "des"})
_INDEFINITE = frozenset({"ein", "eine", "einer", "einem", "einen", "eines"})
_PLURAL_DETS = frozenset({"die", "den", "einige", "viele", "mehrere", "zwei", "drei", "vier", "beide", "alle"})
_LEADING_PREPOSITIONS = frozenset({"von", "vom", "in", "im", "laut", "bei", "beim", "seitens", "gemäß", "nach"})
_GENITIVE = frozenset({"des", "der", "eines", "einer", "von", "vom"})
_QUALIFYING = frozenset({"in", "im", "aus"})
_MASC = frozenset({"er", "ihm", "ihn"})
_FEM = frozenset({"sie", "ihr"})
_FIRST_PERSON_POSSESSIVES = frozenset(
    "mein meine meiner meinem meinen meines unser unsere unserer unserem unseren unseres".split()
)
_RELATIVES = frozenset({"der", "die", "das", "welche", "welcher", "welches"})
_ACCORDING_TO = frozenset({"laut", "zufolge", "nach", "gemäß"})
#: Finite auxiliaries a subject follows in an inverted clause ("Mittlerweile hat die Polizei …").
_FINITE_AUXILIARIES = frozenset("hat haben hatte hatten ist sind war waren wird werden wurde wurden".split())
_DET_OR_NUMERAL = DETERMINERS | frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split())
_OWN = frozenset({"eigenen", "eigener", "eigene", "eigenes"})
#: The demonstrative for the last-named ("…“, so letztere."): nominative singular forms.
_LATTER = frozenset({"letzterer", "letztere"})
_FRAME_SUFFIXES = ("angaben", "berichten", "informationen", "kreisen")
#: Sentences back a pronoun still prefers the last speaker over a nearer mention.
SPEAKER_REACH = 2


@dataclass(slots=True)
class Reading:
    """What a source mention says about its holder (see the module docstring)."""

    kind: str  # person, role, org, media, group, pronoun, latter, group-pronoun, own, relative, document, none
    name: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    feminine: bool | None = None
    definite: bool = False
    qualifier: str = ""
    affiliation: Reading | None = None
    proper: bool = False  # an institution named by its own name ("Xinhua"), not by its noun ("die Zeitung")
    first: int = 0  # the holder's own tokens, frame and prepositions stripped
    last: int = 0


_FEMALE_NOUNS = frozenset({"frau", "mutter", "tochter", "schwester", "witwe", "landeshauptfrau"})


#: Role nouns of either sex, whose form says nothing: "Vorstandsmitglied", "die/der Abgeordnete".
_EITHER_SEX_ENDS = ("mitglied", "oberhaupt", "abgeordnete", "vorsitzende", "angestellte", "beauftragte",
                    "delegierte", "bedienstete")


def _feminine(roles: list[str]) -> bool | None:
    """From the role nouns: "Sprecherin", "Frau" are female, "Sprecher" male; None without roles
    or with roles of either sex only ("Vorstandsmitglied", "Abgeordnete")."""
    if not roles or all(r.lower().removesuffix("n").endswith(_EITHER_SEX_ENDS) for r in roles):
        return None
    return any(r.lower() in _FEMALE_NOUNS or r.lower().endswith("in") and not r.lower().endswith("ein") for r in roles)


def _strip_genitive(word: str) -> str:
    """ "Innenministeriums" → "Innenministerium", "Kreuzes" → "Kreuz" (after "des", "eines")."""
    if word.endswith("es") and len(word) > 5 and not word.endswith(("ses", "ues")):
        return word[:-2]
    if word.endswith("s") and len(word) > 4 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _gender_of(noun: str) -> str:
    low = noun.lower()
    if low.endswith(("ung", "ei", "heit", "keit", "schaft", "ion", "tät", "ur", "ik", "ie", "e", "agentur")):
        return "f"
    if low.endswith(("um", "ment", "chen", "tum", "en", "amt", "werk", "blatt", "institut", "büro", "team")):
        return "n"
    return "m"


def _nominative_adjective(adj: str, noun: str) -> str:
    """The adjective of a name in its strong nominative form, capitalised: "griechischen
    Staatsfernsehen" → "Griechisches", "Auswärtige Amt" → "Auswärtiges"."""
    if is_person_noun(adj) or adj.endswith("er") and adj[:1].isupper():
        return adj  # an adjective of origin does not inflect: "Salzburger", "Grazer"
    stem = adj
    for ending in ("en", "em", "er", "es", "e"):
        if stem.endswith(ending):
            stem = stem[: -len(ending)]
            break
    ending = {"f": "e", "n": "es", "m": "er"}[_gender_of(noun)]
    word = stem + ending
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=1 << 16)
def _name_word(word: str) -> bool:
    """A word of a personal name: no role, person noun, organisation or medium."""
    return (
        is_name_word(word)
        and not is_organisation(word)
        and not is_media(word)
        and not is_person_noun(word)
        and not is_profession(word)
        and not _group_noun(word)
    )


def _from_first_name(words: list[str], a: int, b: int) -> tuple[int, int]:
    """A run that holds a first name starts there: "Verliert Strache" stays, "Sein Gegenüber Cam
    Newton" → "Cam Newton"."""
    return next(((k, b) for k in range(a, b - 1) if is_first_name(words[k])), (a, b))


_INTRODUCING = DETERMINERS | _GENITIVE | _QUALIFYING | {"("}


def _name_run(words: list[str], last_role: int) -> tuple[int, int]:
    """Where the personal name of a phrase is: the run of name words right after its last role
    ("Ministerpräsident Mario Monti"), else the first run that no article, preposition, bracket
    or organisation noun introduces ("Kurt von Figura, Präsident der Universität Göttingen"), else
    the last two words of a long run in a genitive ("des Landes Niedersachsen Christian Wulff")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if _name_word(words[i]):
            j = i + 1
            while j < len(words) and (
                _name_word(words[j])
                or (_group_noun(words[j]) and is_name_word(words[j]))  # "Business Insider"
                or words[j].lower() in NAME_PARTICLES
                and (is_first_name(words[j - 1]) or words[j - 1].lower() in NAME_PARTICLES)
            ):
                j += 1  # particles only after a first name: "Ursula von der Leyen", not "David Wech von JPC"

            while j > i + 1 and words[j - 1].lower() in NAME_PARTICLES:
                j -= 1
            runs.append(_from_first_name(words, i, j))
            i = j
        else:
            i += 1
    for a, b in runs:
        if last_role >= 0 and a == last_role + 1:
            return a, b
    for a, b in runs:
        before = words[a - 1] if a > 0 else ""
        between = words[max(last_role, 0) : a]
        # a field after "für" is no name: "für EU-Fragen", "für Schulwesen und Kultur"
        field = before.lower() == "für" or before.lower() == "und" and "für" in between and "," not in between
        introduced = before.lower() in _INTRODUCING or field or is_organisation(before) or is_media(before)
        counted = before[:1].isdigit()  # "270 Seiten": a counted noun
        # "Seite des Abodienstes": one word with a genitive after it is a common noun
        governs = b - a == 1 and b < len(words) and words[b].lower() in ("des", "eines")
        if not (introduced or counted or governs):
            return a, b
    if runs:
        a, b = runs[-1]
        if b - a >= 3 and a > 0 and words[a - 1].lower() in _GENITIVE and is_first_name(words[b - 2]):
            return b - 2, b
        if a > 0 and words[a - 1].lower() == "für":
            # "der EU-Kommissar für Energie Günther Oettinger": the field, then the name
            named = next((k for k in range(a + 1, b) if is_first_name(words[k])), None)
            if named is not None:
                return named, b
        # "der Vizechef der Präsidialverwaltung Andej Taranow": a role, the body it is of in the
        # genitive, and a name of two words or more closing the phrase
        body = words[a - 1] if a > 0 else ""
        if (
            0 <= last_role < a - 2
            and b == len(words)
            and b - a >= 2
            and words[last_role + 1].lower() in _GENITIVE
            and (is_organisation(body) or is_media(body))
            and _one_named(words, last_role)
        ):
            return a, b
    return 0, 0


def read(doc: Doc, first: int, last: int) -> Reading:
    """What the tokens ``[first, last)`` of a source mention say about its holder. A holder given
    alone after the speech noun that names its act ("der Experten" of "nach Ansicht der
    Experten") is read as the genitive it is (:func:`_genitive_plural`)."""
    r = _read(doc, first, last)
    toks = doc.tokens
    if r.first == 0 or not _frame_noun(toks[r.first - 1].text):
        return r
    if r.kind == "role":
        return _genitive_plural(r, toks[r.first].text.lower())
    if r.kind == "person" and r.last - r.first == 1 and not r.roles and r.name[0].endswith("s"):
        stem = r.name[0][:-1]  # "nach Ansicht Rabmer-Kollers", "laut Auskunft Barcas": a genitive
        if is_name_word(stem):
            return Reading("person", name=[stem], first=r.first, last=r.last)
    return r


def _frame_noun(word: str) -> bool:
    """A noun whose genitive names its holder: "Angaben", "Ansicht", "Bericht" (not the verb
    "schreiben")."""
    return is_capitalised(word) and (word.lower() in REPORT_NOUNS or word.lower() in DOCUMENT_NOUNS)


def _genitive_plural(r: Reading, det: str) -> Reading:
    """A genitive "der" before a masculine role is plural, a group: "nach Ansicht der Forscher",
    "nach Angaben der Ermittler" (one researcher would be "des Forschers"); "der Ministerin" is
    one woman."""
    if det == "der" and r.kind == "role" and r.feminine is False and r.affiliation is None:
        return Reading("group", name=[r.roles[-1]], first=r.first, last=r.last)
    return r


def _read(doc: Doc, first: int, last: int) -> Reading:
    toks = doc.tokens
    while first < last - 1 and toks[first].text.lower() in _LEADING_PREPOSITIONS:
        first += 1
    while last > first + 1 and not toks[last - 1].text[:1].isalnum() and toks[last - 1].text not in NAME_CLOSERS:
        last -= 1
    words = [t.text for t in toks[first:last]]
    skipped = 0  # words[k] is toks[first + k + skipped] for k >= 1
    if words and words[0].lower() in DETERMINERS:
        # a participle's own phrase is no part of the holder: "die [in New York City] geborene Lopez"
        skipped = participial_attribute(toks, first + 1, last) - (first + 1)
        words = [words[0], *words[1 + skipped :]]
    lows = [w.lower() for w in words]
    if not words:
        return Reading("none", first=first, last=last)
    if len(words) == 1 or lows[0] in NOMINATIVE_PRONOUNS and not is_capitalised(words[1]):
        # a pronoun takes no modifiers: "er in einer Beschwerde" is "er"
        one = _one_word(doc, first, lows[0])
        if one is not None:
            return one
    if lows[0] in _FIRST_PERSON_POSSESSIVES:
        return Reading("none", first=first, last=last)  # "meiner Mannschaft": the speaker's own, not a holder
    # the head: the first capitalised word that is no determiner
    h = next((k for k, w in enumerate(words) if (is_capitalised(w) or age_word(w)) and lows[k] not in DETERMINERS), -1)
    if h < 0:
        return Reading("none", first=first, last=last)
    if h + 1 < len(words) and words[h].endswith("s") and (lows[h + 1] in REPORT_NOUNS or lows[h + 1] in DOCUMENT_NOUNS):
        possessor = words[h][:-1]  # "nach Andrejews Worten"
        if is_name_word(possessor):
            return Reading("person", name=[possessor], first=first, last=last)
    frame = _frame(doc, first, last, words, lows, h, skipped)
    if frame is not None:
        return frame
    opened = 1 if lows[0] in DETERMINERS else 0
    if len(words) > opened + 2 and words[opened] in NAME_OPENERS and words[-1] in NAME_CLOSERS:
        quoted = words[opened + 1 : -1]  # der „Welt am Sonntag“
        return Reading("media", name=quoted, proper=bool(opened), definite=bool(opened), first=first, last=last)
    det = lows[0] if lows[0] in DETERMINERS else ""
    cut = next((k for k in range(h + 1, len(words)) if lows[k] in _CUTTING), len(words))
    words, lows = words[:cut], lows[:cut]  # "die Zeitung | unter Berufung auf Sicherheitskreise"
    # A party or body in parentheses after a name is its tag, not the holder: "Innenminister
    # Heribert Rech (CDU)"; the institution is sought before them.
    tagged = next((k for k, w in enumerate(words) if w == "(" and k > 0), len(words))
    # a head in the genitive: "des Arztes", "des Mediziners", "des Kremls" (not "der Arbeitgeber
    # des Mannes": there the genitive is the head's)
    stem = _strip_genitive(words[h]) if det in ("des", "eines") else words[h]
    org_at = next((k for k, w in enumerate(words[:tagged]) if _institution(w) or k == h and _institution(stem)), -1)
    if org_at >= 0:
        own = _own_name(words, org_at)
        if own and _holder_of_body(words, org_at, own):
            own = []  # "der Vizechef der Präsidialverwaltung Andej Taranow": the name is the role's
        if own:  # "die Lokalzeitung Trentino", "die Zeitung „Express“", "die Gewerkschaft Verdi"
            noun = _strip_genitive(words[org_at]) if det in ("des", "eines") else words[org_at]
            media = any(is_media(w) and not is_organisation(w) for w in {words[org_at], noun})  # "des Sportblatts"
            # "die WHO": the acronym is both the noun and its own name, once
            name = own if media or own == [words[org_at]] else [noun, *own]
            kind = "media" if media else "org"
            return Reading(kind, name=name, definite=True, proper=True, first=first, last=last)
    qualifier = ""
    for k in range(max(org_at, 0) + 1, len(words) - 1):
        if lows[k] in _QUALIFYING and is_name_word(words[k + 1]):
            qualifier = words[k + 1]  # "die Polizei in Kassel"
            words, lows = words[:k], lows[:k]
            break
    # "die Salzburger Polizei": a noun of origin right before an institution is its adjective; so is
    # a region's before any noun or name ("die Wiener Austria", "den Kärntner Nockbergen")
    roles = [
        w
        for k, w in enumerate(words)
        if (_role_word(w) or k == h and _role_word(stem))
        and not (k + 1 == org_at and is_person_noun(w))
        and not (w.lower() in _REGIONAL and k + 1 < len(words) and is_capitalised(words[k + 1]))
    ]
    last_role = max((k for k, w in enumerate(words) if w in roles), default=-1)
    a, b = _name_run(words, last_role)
    name = _quoted(words[a:b])
    paper = [w for w in words if is_capitalised(w) and w.lower() not in DETERMINERS]
    if is_regional_paper(paper):  # "der Salzburger Nachrichten": a newspaper, not a "Salzburger"
        return Reading("media", name=paper, proper=True, definite=bool(det), first=first, last=last)
    if name and name[0].lower() in MEDIA_NAMES and last_role < 0:
        return Reading("media", name=name, proper=True, first=first, last=last)
    if len(name) == 1 and is_acronym(name[0]) and last_role < 0:
        return Reading("org", name=name, proper=True, first=first, last=last)  # "die OSZE"
    if (
        len(name) == 1
        and a == len(words) - 1
        and name[0].endswith("s")
        and det in ("des", "eines")
        and not roles
        and org_at < 0
        and all(lows[k] in DETERMINERS or lows[k] in _REGIONAL or not is_capitalised(words[k]) for k in range(a))
    ):
        # "des Berliner Tagesspiegels", "des griechischen Stabs": a lone noun in the genitive
        # names no person (that takes a role: "des Ministers Müller"); a body, if anything
        return _institution_reading(words, lows, a, det, qualifier, first, last)
    if name:
        return Reading("person", name=name, roles=roles, feminine=_feminine(roles), first=first, last=last)
    if roles and (org_at < 0 or last_role < org_at):
        return _role_reading(doc, first, words, lows, roles, last_role, det, skipped)
    if org_at >= 0 and is_plural_body(words[org_at]):
        return Reading("group", name=[words[org_at]], first=first, last=last)  # "die Behörden": many bodies
    if org_at >= 0:
        return _institution_reading(words, lows, org_at, det, qualifier, first, last)
    if _group_noun(words[h]):
        return Reading("group", name=[words[h]], first=first, last=last)
    return Reading("none", first=first, last=last)


def _group_noun(word: str) -> bool:
    """A plural person noun, also in the dative: "Augenzeugen", "von Bewohnern"."""
    low = word.lower()
    return is_group_noun(word) or (low.endswith("n") and not low.endswith("nn") and is_group_noun(low[:-1]))


#: Nouns of origin from a city or region that are also its adjective ("der Wiener Bürgermeister");
#: nationalities ("der Spanier Nadal") are nouns before a name.
_REGIONAL = frozenset("wiener kärntner salzburger tiroler vorarlberger berliner grazer linzer münchner".split())


#: Prepositions after which a mention says no more about its holder: "die Zeitung unter Berufung
#: auf …", "der Minister gegenüber Journalisten".
_CUTTING = frozenset({"unter", "auf", "mit", "gegenüber", "über", "nach", "vor", "wegen", "zu", "zum", "zur", "am"})


def _own_name(words: list[str], org_at: int) -> list[str]:
    """The proper name right after an institution's noun: "Trentino", "Express" (quotes dropped)."""
    if is_acronym(words[org_at]) or words[org_at].lower() in MEDIA_NAMES:
        return [words[org_at]]  # "die BBC": the noun is the name
    k = org_at + 1
    quoted = k < len(words) and words[k] in NAME_OPENERS
    if quoted:
        end = next((j for j in range(k + 1, len(words)) if words[j] in NAME_CLOSERS), -1)
        return words[k + 1 : end] if end > k + 1 else []
    titled = words[k : k + 1] in (["Die"], ["Der"], ["Das"]) and k + 1 < len(words) and is_name_word(words[k + 1])
    j = k + 1 if titled else k  # a title's own article: "die Zeitung Die Welt"
    while j < len(words) and (is_name_word(words[j]) or is_acronym(words[j]) or words[j].lower() in MEDIA_NAMES):
        j += 1
    return words[k:j]


def _holder_of_body(words: list[str], org_at: int, own: list[str]) -> bool:
    """Whether the name after an institution in the genitive is that of a role before it: "der
    Vizechef der Präsidialverwaltung Andej Taranow" (two name words closing the phrase), not the
    institution's own ("der Chef der Gewerkschaft Verdi")."""
    end = org_at + 1 + len(own)
    return (
        org_at >= 2
        and words[org_at - 1].lower() in _GENITIVE
        and _role_word(words[org_at - 2])
        and _one_named(words, org_at - 2)
        and len(own) >= 2
        and end == len(words)
        and all(_name_word(w) for w in own)
    )


def _one_named(words: list[str], role_at: int) -> bool:
    """Whether a role can be named by the name after its body: not "ein Sprecher der Gruppe Erste
    Küstendivision" (a spokesperson, an indefinite role: the name is the body's)."""
    return "sprecher" not in words[role_at].lower() and words[0].lower() not in _INDEFINITE


def _role_word(word: str) -> bool:
    """A noun that names a person by role ("Sprecher", "Richterin", "Franzose", "48-Jährige"),
    not a council that ends like one ("Sicherheitsrat")."""
    if not (is_capitalised(word) or age_word(word)):
        return False
    return (is_role(word) or is_person_noun(word) or is_profession(word)) and not is_organisation(word)


def _institution(word: str) -> bool:
    """An organisation or medium noun ("Polizei", "Sicherheitsrat", "Zeitung"), not a role."""
    return is_capitalised(word) and (is_organisation(word) or is_media(word) and not is_role(word))


def _one_word(doc: Doc, first: int, low: str) -> Reading | None:
    """Pronouns, relative pronouns and the article or "es" alone."""
    if low in GROUP_PRONOUNS:
        return Reading("group-pronoun", first=first, last=first + 1)
    if low in _MASC or low == "dieser":
        return Reading("pronoun", feminine=False, first=first, last=first + 1)
    if low in _FEM or low == "diese":
        return Reading("pronoun", feminine=True, first=first, last=first + 1)
    if low == "ich":
        return Reading("pronoun", first=first, last=first + 1)
    if low in _LATTER:  # "…“, so letztere": the person named last
        return Reading("latter", feminine={"letzterer": False, "letztere": None}.get(low), first=first, last=first + 1)
    if low in _RELATIVES and first > 0 and doc.tokens[first - 1].text == ",":
        return Reading("relative", feminine=low == "die", first=first, last=first + 1)
    if low == "es" or low in DETERMINERS:
        return Reading("none", first=first, last=first + 1)
    return None


def _frame(
    doc: Doc, first: int, last: int, words: list[str], lows: list[str], h: int, skipped: int = 0
) -> Reading | None:
    """A speech noun or a document: its holder is its genitive ("Angaben der Polizei"), the first
    part of a compound ("Polizeiangaben"), the subject of the clause ("nach eigenen Angaben"), or
    nobody named (``document``, ``none``). None for a phrase that is no frame."""
    head = lows[h]
    suffix = next((s for s in _FRAME_SUFFIXES if head.endswith(s) and len(head) > len(s) + 2), "")
    if head not in REPORT_NOUNS and head not in DOCUMENT_NOUNS and not suffix:
        return None
    k = h + 1
    while k < len(words) and lows[k] not in _GENITIVE and not is_capitalised(words[k]):
        k += 1
    if k < len(words) and lows[k] in _GENITIVE:
        sub = _genitive_plural(read(doc, first + skipped + k + (lows[k] in ("von", "vom")), last), lows[k])
        if sub.kind not in ("none", "document"):
            return sub
    if any(w in _OWN for w in lows[:h]):
        return Reading("own", first=first, last=last)
    if suffix and head not in DOCUMENT_NOUNS:
        prefix = words[h][: -len(suffix)]
        if prefix.endswith("s") and len(prefix) > 5:
            prefix = prefix[:-1]  # "Regierungs|angaben"
        prefix = prefix[:1].upper() + prefix[1:]
        if is_group_noun(prefix) or is_plural_body(prefix):  # "Augenzeugenangaben", "Behördenangaben"
            return Reading("group", name=[prefix], first=first, last=last)
        kind = "media" if is_media(prefix) else "org"
        return Reading(kind, name=[prefix], first=first, last=last)
    return Reading("document" if head in DOCUMENT_NOUNS or suffix else "none", first=first, last=last)


def _role_reading(
    doc: Doc,
    first: int,
    words: list[str],
    lows: list[str],
    roles: list[str],
    last_role: int,
    det: str,
    skipped: int = 0,
) -> Reading:
    """A role noun without a name: one person ("der Richter", "ein Sprecher des Ministeriums") or,
    in the plural, a group ("die Forscher", "Kritiker")."""
    role = words[last_role]
    last = first + skipped + len(words)
    if _plural(det, role):
        return Reading("group", name=[role], first=first, last=last)
    affiliation = None
    prefix = spokes_prefix(role)
    if prefix:
        affiliation = Reading("media" if is_media(prefix) else "org", name=[prefix])
    k = last_role + 1
    if k < len(words) and lows[k] in _GENITIVE:
        sub = read(doc, first + skipped + k + (lows[k] in ("von", "vom")), last)
        if sub.kind in ("org", "media", "person"):
            affiliation = sub
    return Reading(
        "role",
        roles=roles,
        feminine=_feminine(roles),
        definite=det not in _INDEFINITE,
        affiliation=affiliation,
        first=first,
        last=last,
    )


def _institution_reading(
    words: list[str], lows: list[str], org_at: int, det: str, qualifier: str, first: int, last: int
) -> Reading:
    """An organisation or medium named by its noun: "Der Weltbank" → Weltbank, "das griechische
    Staatsfernsehen" → Griechisches Staatsfernsehen, "des Innenministeriums" → Innenministerium."""
    noun = _strip_genitive(words[org_at]) if det in ("des", "eines") else words[org_at]
    kind = "media" if any(is_media(w) and not is_organisation(w) for w in {words[org_at], noun}) else "org"
    start = max((k + 1 for k in range(org_at) if lows[k] in DETERMINERS), default=0)
    adjectives = [
        _nominative_adjective(w, noun)
        for w, low in zip(words[start:org_at], lows[start:org_at], strict=True)
        if low not in DETERMINERS and w.replace("-", "").isalpha() and (is_capitalised(w) or low.endswith(_NATIONAL))
    ]
    return Reading(
        kind, name=[*adjectives, noun], qualifier=qualifier, definite=det in _DEFINITE, first=first, last=last
    )


#: Endings of the adjectives of origin that belong to an institution's name ("das griechische
#: Staatsfernsehen"); other adjectives ("die zuständige Behörde") do not.
_NATIONAL = ("ische", "ischen", "ischer", "isches", "ländische", "ländischen")


def _quoted(name: list[str]) -> list[str]:
    return [w for w in name if w not in NAME_OPENERS and w not in NAME_CLOSERS]


def _plural(det: str, role: str) -> bool:
    """ "die Forscher", "einige Demonstranten", "Kritiker": many persons, not one."""
    low = role.lower()
    if low.endswith("innen"):
        return True
    if det in ("der", "ein", "eine", "einer", "einem", "eines", "des", "dem") or is_person_noun(role):
        return False
    if is_group_noun(role):
        return True
    if low.endswith(("in", "e", "mann", "frau")) and not low.endswith("en"):
        return False
    if det in _PLURAL_DETS:
        return det != "die" or low.endswith(("er", "en"))
    return not det and low.endswith(("er", "en", "ern"))  # "von Politikern": a dative plural


@dataclass(slots=True)
class _Holder:
    entity: Entity
    key: str
    feminine: bool | None = None
    role_keys: set[str] = field(default_factory=set)
    speaks: bool = False
    evident: bool = False  # a person for sure (a role, a full name): may take pronouns
    medium: str = ""  # a medium's kind (:func:`media_kind`), where its name or noun says it


_GLUED = re.compile(r"([A-ZÄÖÜ][a-zäöüß]+)([A-ZÄÖÜ][a-zäöüß]{2,})")


def _unglued(word: str) -> list[str]:
    """A first name and a surname whose space the text lost: "HansNiessl" → Hans Niessl."""
    m = _GLUED.fullmatch(word)
    return [m.group(1), m.group(2)] if m and is_first_name(m.group(1)) else [word]


#: Words before a common noun or a place, hardly before a personal name.
_NOT_BEFORE_NAMES = (
    DETERMINERS
    | _QUALIFYING
    | frozenset(
        "ins zum zur vom am diese dieser diesem diesen jeder jede sein seine seinem seinen ihre ihrem ihren".split()
    )
)

#: First names that are also common nouns ("am Rand", "die grüne Mark", "die spanische Marine").
_NOUN_NAMES = frozenset("Rand Mark Bart Marine Ernst Kai Iris Venus Rosa Gloria Grace Ariel Olaf".split())


def _lone_first_name(toks: list, i: int) -> bool:
    """A first name standing alone for a person ("sagt Melanie", "der Übersetzer Abdul"): no
    capitalised word after it, before it no article, number or preposition of place ("am Rand",
    "100 Mark") and no capitalised word but a role ("Museum Ludwig", not "Bruder Eli")."""
    w = toks[i].text
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    if not is_first_name(w) or w in _NOUN_NAMES or is_capitalised(after) or after in NAME_PARTICLES:
        return False  # "Thomas Irschik", "Thomas de Maizière", "Bashar al-Assad"
    if has_hyphen_particle(after):
        return False
    before = toks[i - 1].text if i > 0 else ""
    low = before.lower()
    if low in DETERMINERS or low in _QUALIFYING or low in ("am", "zum", "vom") or before[:1].isdigit():
        return False
    if low in NAME_PARTICLES:  # "Emile de Antonio"
        return False
    return not is_capitalised(before) or _role_word(before)


def _dateline(doc: Doc) -> int:
    """The sentence that opens with a dateline ("Wien – …", "Berlin/Ankara – …") among the first
    four; 0 if none (then no sentence counts as headline)."""
    for k, sent in enumerate(doc.sentences[:4]):
        words = [t.text for t in doc.tokens[sent.first : min(sent.first + 5, sent.last)]]
        place = words[: words.index("–")] if "–" in words[1:] else []
        if k and place and all(is_capitalised(w) or w == "/" or w in NAME_PARTICLES for w in place):
            return k
    return 0


def _in_subject(word: str) -> bool:
    """A word that can stand before the name in a subject opening a sentence: an article, a
    capitalised word, an adjective ("Der stellvertretende griechische Finanzminister …")."""
    low = word.lower()
    if low in DETERMINERS or is_capitalised(word):
        return True
    # an adjective, not a verb in the past ("schickte Google", "sagte Mardas")
    return low.endswith(("e", "en", "er", "es")) and not low.endswith(("te", "ten"))


def _role_key(role: str) -> str:
    low = role.lower().removeprefix("ex-")  # "Ex-OGH-Präsidentin" holds the role she held
    for suffix in ("innen", "in", "en", "s", "n"):
        if low.endswith(suffix) and len(low) - len(suffix) > 4 and not low.endswith("ein"):
            return low[: -len(suffix)]
    return low


def _role_matches(keys: set[str], held: set[str]) -> bool:
    """ "richter" matches "bezirksrichter", "minister" matches "innenminister" (compound heads),
    "regierungschef" matches "premier" (:func:`same_office`)."""
    return any(k == h or h.endswith(k) or same_office(k, h) or _heads_same(k, h) for k in keys for h in held)


#: Heads of roles that lead a body: "der UN-Chef" is the "UN-Generalsekretär".
_LEADING = ("chef", "präsident", "vorsitzend", "generalsekretär", "leiter", "direktor", "obmann", "boss")


def _heads_same(key: str, held: str) -> bool:
    """ "un-chef" matches "un-generalsekretär", "fpö-chef" "fpö-obmann": the chef of a body named
    by the same prefix is the one who leads it."""
    prefix, _, head = key.rpartition("-")
    other, _, held_head = held.rpartition("-")
    return bool(prefix) and prefix == other and head == "chef" and held_head.endswith(_LEADING)


#: Prepositions whose object is rarely what a later pronoun takes up ("mit Jane Fonda", "gegen Nadal").
_OBLIQUE = frozenset(
    "mit gegen für bei beim zu zum zur an am auf über nach vor neben ohne um durch wegen trotz von vom".split()
)


def _oblique(toks: list, i: int) -> bool:
    """Whether the name ending at token ``i`` is the object of a preposition (first names skipped)."""
    k = i - 1
    while k >= 0 and k >= i - 3 and is_name_word(toks[k].text):
        k -= 1
    return k >= 0 and toks[k].text.lower() in _OBLIQUE


#: Words of a short prepositional tail between a role and its apposition ("für EU-Fragen").
_APPOSITION_TAIL = frozenset({"für", "der", "des", "von", "im", "in", "am"})
#: Tokens a prepositional tail between a role and its apposition may have.
_LONG_TAIL = 12


def _prepositional_tail(toks: list) -> bool:
    """A prepositional phrase and nothing else: a preposition first, then capitalised words,
    articles, inflected adjectives, prepositions and an abbreviation in parentheses."""
    if not toks or toks[0].text.lower() not in PREPOSITIONS:
        return False
    for t in toks:
        w, low = t.text, t.text.lower()
        if not (w[:1].isupper() or w in "()" or low in DETERMINERS or low in PREPOSITIONS
                or (w.islower() and low.endswith(("er", "en", "es", "em", "e")) and len(low) > 4
                    and not low.endswith(("ten", "te")))):
            return False
    return True


def _possessor(r: Reading) -> bool:
    """A person reading that is a possessor and a role: "Odessas Gouverneur" (the governor, not Odessa)."""
    return len(r.name) == 1 and r.name[0].endswith("s")


def _medium_of(words: Iterable[str]) -> str:
    """The kind of the medium a phrase names ("die Zeitung Express": print), "" if none says."""
    return next((k for w in words if (k := media_kind(w))), "")


class _Resolution:
    """One document's holders, built as its quotes are read in text order.

    ``recency`` orders the holders by their latest mention so far (an ordered dict moved to the end
    on each mention): a pronoun or role noun walks it from the latest and takes the first that
    fits, so resolution does not rescan the document.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.holders: list[_Holder] = []
        self.by_key: dict[tuple[SpeakerType, str], _Holder] = {}
        self.recency: OrderedDict[int, _Holder] = OrderedDict()
        self.mentions: list[tuple[int, _Holder]] = []  # (token, holder): surnames in the text
        self.next_mention = 0
        self.last_speaker: tuple[_Holder, int] | None = None
        # (sentence where a resolved quote ends, its holder or None, why none): what "Demnach" takes up
        self.reports: list[tuple[int, _Holder | None, str]] = []
        self.recurring: set[str] = set()
        self.organisations: list[tuple[int, list[str]]] = []  # (token, name): organisations in the text
        self.token = self.stop = 0  # where the source being resolved starts and ends
        self.body = 0  # the sentence with the dateline ("Wien – …"); those before are the headline

    def holder(self, kind: SpeakerType, key: str, name: str) -> _Holder:
        found = self.by_key.get((kind, key))
        if found is None:
            found = _Holder(Entity(id=f"e{len(self.holders) + 1}", name=name, type=kind), key)
            self.holders.append(found)
            self.by_key[(kind, key)] = found
        elif len(name.split()) > len(found.entity.name.split()):
            found.entity.name = name
        return found

    def person(self, name: list[str], roles: list[str], feminine: bool | None) -> _Holder:
        if len(name) == 1:
            name = _unglued(name[0])
        surname = name[-1]
        known = (SpeakerType.PERSON, surname) in self.by_key
        if not known and surname.endswith("s") and (SpeakerType.PERSON, surname[:-1]) in self.by_key:
            surname, name = surname[:-1], [*name[:-1], surname[:-1]]  # "Lahms" → Lahm
        p = self.holder(SpeakerType.PERSON, surname, " ".join(name))
        for r in roles:
            if r not in p.entity.roles:
                p.entity.roles.append(r)
            p.role_keys.add(_role_key(r))
        if feminine is None:
            feminine = first_name_feminine(name[0])  # "Jane Fonda" is no "er"
        elif feminine is False and len(name) > 1 and first_name_feminine(name[0]):
            # a role without "-in" says nothing against a woman's first name: "Die FDP-Europaabgeordnete
            # Silvana Koch-Mehrin" is a "sie"
            feminine = True
        if feminine is not None and p.feminine is None:
            p.feminine = feminine
        p.evident = p.evident or bool(roles) or is_first_name(name[0]) and len(name) > 1 or surname in self.recurring
        return p

    def touch(self, h: _Holder) -> None:
        self.recency[id(h)] = h
        self.recency.move_to_end(id(h))

    def advance(self, token: int) -> None:
        """Make every holder mentioned before ``token`` recent, in text order."""
        while self.next_mention < len(self.mentions) and self.mentions[self.next_mention][0] < token:
            self.touch(self.mentions[self.next_mention][1])
            self.next_mention += 1

    # -- the text before the quotes: persons and media it introduces ---------------------------

    def introduce(self) -> None:
        doc, toks = self.doc, self.doc.tokens
        flags = token_flags(toks)
        counts: dict[str, int] = {}
        for t in toks:
            if is_name_word(t.text) and t.text not in NOT_NAMES:
                counts[t.text] = counts.get(t.text, 0) + 1
        self.recurring = {w for w, n in counts.items() if n >= 2}
        media_at: list[tuple[int, _Holder]] = []
        for sent in doc.sentences:
            for p in noun_phrases(toks, sent.first, sent.last, flags):
                if p.kind != "np" or p.cut:
                    continue
                if p.parts and p.parts[-1] == "appos" and not p.prep:
                    self.apposed(p.first, p.last)  # "Der Manager der Nationalmannschaft, Vincio Luna, hat"
                if p.parts and p.parts[0] != "appos":
                    if p.parts[0] == "gen" and not p.prep:
                        # "der Vizechef der Präsidialverwaltung Andej Taranow": a role of a body, named
                        r = read(doc, p.first, p.last)
                        body = toks[p.last - len(r.name) - 1].text if r.name else ""
                        named_last = bool(r.name) and toks[p.last - 1].text == r.name[-1]
                        # after a body ("der Präsidialverwaltung Andej Taranow"), a comma ("der WADA,
                        # Olivier Niggli") or a second role ("des Senats und Lega-Politiker Roberto Calderoli")
                        of_body = body == "," or is_organisation(body) or is_media(body) or _role_word(body)
                        if r.kind == "person" and r.roles and len(r.name) >= 2 and named_last and of_body:
                            self.person(r.name, r.roles, r.feminine)
                    continue
                r = read(doc, p.first, p.last)
                if r.kind == "org":
                    self.organisations.append((p.first, r.name))
                if p.prep:
                    continue
                if r.kind == "person" and (r.roles or is_first_name(r.name[0]) and len(r.name) >= 2) and (
                    not self.someone_of(r)
                ):
                    self.person(r.name, r.roles, r.feminine)
                elif r.kind == "media" and r.proper and (p.last - p.first > 1 or r.name[0].lower() in MEDIA_NAMES):
                    name = r.name
                    if p.last + 1 < len(toks) and [t.text for t in toks[p.last : p.last + 2]] == ["am", "Sonntag"]:
                        name = [*name, "am", "Sonntag"]  # the Sunday paper: "der Welt am Sonntag"
                    h = self.holder(SpeakerType.MEDIA, r.name[-1].lower(), " ".join(name))
                    h.evident = True  # a medium named in the text: "die Zeitung Express", "der ORF"
                    h.medium = h.medium or _medium_of(t.text for t in toks[p.first : p.last])
                    media_at.append((p.first, h))
            first = toks[sent.first].text
            turn = sent.last - sent.first > 2 and toks[sent.first + 1].text == ":"
            if turn and is_name_word(first) and not is_acronym(first):
                self.person([first], [], None).speaks = True  # an interview turn: "Gerlach: …"
        self.recurring_names(toks, {s.first for s in doc.sentences})
        self.body = _dateline(doc)
        # a first name that is part of a full name elsewhere is that person's ("Julian Draxler … Julian")
        in_full = {toks[i].text for i in range(len(toks) - 1) if _name_word(toks[i + 1].text)}
        for i, t in enumerate(toks):
            if t.text not in in_full and _lone_first_name(toks, i):
                # "sagt Melanie, die aus Berlin angereist ist": a person for sure
                self.person([t.text], [], None).evident = True
        seen: set[int] = set()  # ids of the holders mentioned so far
        for i, t in enumerate(toks):
            w = t.text
            h = self.by_key.get((SpeakerType.PERSON, w))
            if h is None and w.endswith("s"):
                h = self.by_key.get((SpeakerType.PERSON, w[:-1]))
            if h is not None and not (id(h) in seen and _oblique(toks, i)):
                self.mentions.append((i, h))
                seen.add(id(h))
        self.mentions.extend(media_at)
        self.mentions.sort(key=lambda m: m[0])

    def apposed(self, first: int, last: int) -> None:
        """A role phrase with a full name in apposition after its comma ("Der Manager der
        Fußballnationalmannschaft aus Ecuador, Vincio Luna"): that person, with the role."""
        toks = self.doc.tokens
        comma = max((k for k in range(first, last) if toks[k].text == ","), default=-1)
        if comma <= first or toks[first].text.lower() not in _DEFINITE:
            return
        head = read(self.doc, first, comma)
        name = read(self.doc, comma + 1, last)
        if head.kind == "role" and head.definite and name.kind == "person" and not name.roles and (
            len(name.name) == 2 and all(map(_name_word, name.name))
        ):
            self.person(name.name, head.roles, head.feminine)

    def recurring_names(self, toks: list, starts: set[int]) -> None:
        """Persons whose first name no list knows, by how the text repeats their name: a pair of
        name words twice inside sentences, its second word alone elsewhere ("Haskell Wexler" …
        "Wexler, 1922 in Chicago geboren"), or, short, its first ("Ai Weiwei" … "Ais Studio"). Not
        words an article, number or place preposition mostly precedes ("Dynamo Kiew", "in Kiew"), nor
        an inflected first word ("Altes Geld", "Jahren Haft")."""
        words = [t.text for t in toks]
        named = [_name_word(w) for w in words]
        seen: dict[str, int] = {}
        after_article: dict[str, int] = {}
        for i, w in enumerate(words):
            seen[w] = seen.get(w, 0) + 1
            if i and (words[i - 1].lower() in _NOT_BEFORE_NAMES or words[i - 1][:1].isdigit()):
                after_article[w] = after_article.get(w, 0) + 1
        # mostly after an article, a number or "in": a noun or a place ("die Duras" once is a name)
        ruled_out = {w for w, n in after_article.items() if 2 * n >= seen[w]}
        pairs: dict[tuple[str, str], int] = {}
        alone: dict[str, int] = {}
        i = 0
        while i < len(words):
            j = i
            while j < len(words) and named[j]:
                j += 1
            if j - i == 2 and i not in starts:
                pairs[(words[i], words[i + 1])] = pairs.get((words[i], words[i + 1]), 0) + 1
            elif j - i == 1:
                w = words[i].removesuffix("s")
                alone[w] = alone.get(w, 0) + 1
            i = max(j, i + 1)
        for (first, last), n in pairs.items():
            if n < 2 or is_first_name(first) or first in ruled_out or last in ruled_out:
                continue
            if first.endswith(("en", "es", "er", "em")) or len(last) < 3:
                continue
            if alone.get(last, 0) >= 1:
                self.person([first, last], [], None)
            elif len(first) <= 3 and alone.get(first, 0) >= 2:  # the family name first: "Ai Weiwei"
                self.holder(SpeakerType.PERSON, first, f"{first} {last}").evident = True

    # -- resolving the quotes ---------------------------------------------------------------

    def resolve(self, q: Quote) -> None:
        doc = self.doc
        idx = doc.token_range(q.source.start, q.source.end)
        if not idx:
            q.unresolved_reason = NOT_A_HOLDER
            return
        self.advance(idx.start)
        self.token, self.stop = idx.start, idx.stop
        r = read(doc, idx.start, idx.stop)
        at = doc.sentence_of(idx.start)
        if len(idx) == 1 and doc.tokens[idx.start].text.lower() in SENTENCE_FRAMES:
            h, reason = self.reported_before(at)
        else:
            h, reason = self.holder_of(r, q, at, idx.start)
        end = max([m.end for m in q.message] + [c.end for c in q.cue])
        self.reports.append((doc.sentence_of(max(doc.token_range(0, end).stop - 1, 0)), h, reason))
        if h is None:
            q.unresolved_reason = reason
            return
        q.entity = h.entity.id
        if q.source not in h.entity.mentions:
            h.entity.mentions.append(q.source)
        self.touch(h)
        if h.entity.type is SpeakerType.PERSON:
            h.speaks = True
            # "sagt Butterfill": the subject of a speech verb is a person ("laut Belgrad" need not be)
            h.evident = h.evident or any(doc.span_text(c).lower() not in _ACCORDING_TO for c in q.cue)
            self.last_speaker = (h, at)

    def reported_before(self, at: int) -> tuple[_Holder | None, str]:
        """The holder "Demnach" takes up: that of the report the sentence before ends with ("Die
        Wahlkommission gab ein Ergebnis bekannt. Demnach hat …"), as the task marks "Demnach" itself
        as the source. A report further back, or none, leaves it without an antecedent."""
        for sentence, h, reason in reversed(self.reports):
            if sentence < at - 1:
                break
            if sentence < at:
                return h, reason or (NO_ANTECEDENT if h is None else "")
        h = self.reporter_in(at - 1) if at > 0 else None
        return (h, "") if h is not None else (None, NO_ANTECEDENT)

    def reporter_in(self, at: int) -> _Holder | None:
        """The subject of a sentence with a verb of saying, if it names a holder: who made the report
        no quote was found for ("Mittlerweile hat die Kriminalabteilung nähere Einzelheiten bekannt
        gegeben. Demnach …"). The subject is taken where German puts it: first in the sentence, or
        right after the finite verb."""
        doc, toks = self.doc, self.doc.tokens
        sent = doc.sentences[at]
        if not any(t.text.islower() and lookup(t.text) for t in toks[sent.first : sent.last]):
            return None
        for p in noun_phrases(toks, sent.first, sent.last):
            if p.kind != "np" or p.cut or p.prep or p.parts:
                continue
            j = p.first  # over the article and numeral the phrase may leave out: "haben die zwölf| Geschworenen"
            while j > sent.first and (toks[j - 1].text.lower() in _DET_OR_NUMERAL or toks[j - 1].text.isdigit()):
                j -= 1
            before = toks[j - 1].text if j > sent.first else ""
            if before and not (before in _FINITE_AUXILIARIES or before.islower() and lookup(before)):
                continue
            r = read(doc, p.first, p.last)
            if r.kind in ("org", "media"):
                h = self.institution(r)
            elif r.kind == "person" and (r.roles or len(r.name) >= 2):
                h = self.person(r.name, r.roles, r.feminine)
            elif r.kind == "group":
                h = self.holder(SpeakerType.GROUP, r.name[0].lower(), r.name[0])
            else:
                continue  # "Mittlerweile", "Die Kriminalabteilung" (no holder coref knows)
            h.entity.mentions.append(Span(toks[p.first].start, toks[p.last - 1].end))
            return h
        return None

    def holder_of(self, r: Reading, q: Quote, at: int, token: int) -> tuple[_Holder | None, str]:
        kind = r.kind
        if kind == "group-pronoun":
            return None, GROUP
        if kind == "pronoun":
            verbs = [self.doc.span_text(c).lower() for c in q.cue]
            after = self.doc.tokens[r.last].text if r.last < len(self.doc.tokens) else ""
            if self.doc.sentences[at].first == r.first and after.islower():
                verbs = [after]  # the finite verb after "Sie" opening a sentence: "Sie könne … fordern"
            if r.feminine and any(v.endswith(("en", "ern", "eln")) or v == "sind" for v in verbs):
                return None, GROUP  # "erklärten sie", "Sie fordern", "Sie sind … der Ansicht"
            h = self.subject(r.feminine, at, token) or self.antecedent(r.feminine, at)
            return (h, "") if h is not None else (None, NO_ANTECEDENT)
        if kind == "latter":
            h = next((h for h in reversed(self.recency.values()) if self._fits(h, r.feminine)), None)
            return (h, "") if h is not None else (None, NO_ANTECEDENT)
        if kind == "relative":
            return self.relative(q, at, token)
        if kind == "own":
            return self.own(q, at, token)
        if kind == "role" or kind == "person" and r.roles and _possessor(r):
            named = self.appositive(at, max(r.last, self.stop) if r.first >= self.token else r.last)
            if named is not None:
                return named, ""  # "sagte der Staatssekretär für EU-Fragen, Gergely Pröhle"
        if self.someone_of(r):
            return self.role(Reading("role", roles=r.roles, feminine=_feminine(r.roles)), at), ""
        if kind == "person":
            if self._stray(r, q, at):
                return None, NOT_A_HOLDER
            return self.person(r.name, r.roles, r.feminine), ""
        if kind == "role":
            return self.role(r, at), ""
        if kind == "media" and not r.proper and r.name and r.name[-1].lower() in _GENERIC_MEDIA:
            # "südkoreanische Medien", "Zeitungen": unnamed media, a group, not the medium named last
            return self.holder(SpeakerType.GROUP, r.name[-1].lower(), r.name[-1]), ""
        if kind in ("org", "media"):
            return self.institution(r), ""
        if kind == "group":
            return self.holder(SpeakerType.GROUP, r.name[0].lower(), r.name[0]), ""
        return None, DOCUMENT if kind == "document" else NOT_A_HOLDER

    def someone_of(self, r: Reading) -> bool:
        """An unnamed person of a person the text names: "ein Sprecher Koch-Mehrins" is not she."""
        return (r.kind == "person" and bool(r.roles) and not r.definite and _possessor(r)
                and (SpeakerType.PERSON, r.name[0][:-1]) in self.by_key)

    def _stray(self, r: Reading, q: Quote, at: int) -> bool:
        """Whether a one-word "name" is a capitalised word opening a sentence that names nobody
        ("Grund ist ein Interview, in dem …", "Mittlerweile ist das bestätigt", a dateline "Wien –"):
        it occurs nowhere else in the text, is no first name, has no role and no holder yet, and
        the cue does not follow it ("Merkel sagte, …" is a person)."""
        if r.last - r.first != 1 or r.roles or self.doc.sentences[at].first != r.first:
            return False
        after = self.doc.tokens[r.last].start if r.last < len(self.doc.tokens) else -1
        if any(c.start == after for c in q.cue):
            return False
        w = r.name[0]
        known = (SpeakerType.PERSON, w) in self.by_key or (SpeakerType.PERSON, w.rstrip("s")) in self.by_key
        return not (known or is_first_name(w) or w in self.recurring or w.rstrip("s") in self.recurring)

    def _fits(self, h: _Holder, feminine: bool | None) -> bool:
        return (
            h.entity.type is SpeakerType.PERSON
            and not h.entity.anonymous
            and h.evident
            and (feminine is None or h.feminine is None or h.feminine == feminine)
        )

    def subject(self, feminine: bool | None, at: int, token: int) -> _Holder | None:
        """The person that opens the pronoun's sentence, else the sentence before if the last speaker
        spoke before that: "…, sagte Mardas. Varoufakis selbst schrieb auf Twitter: … Dem Telegraph
        sagte er" (Varoufakis). Not a possessor ("Mayers Fazit"), nor a sentence that is quoted."""
        toks = self.doc.tokens
        h = self._opening(self.doc.sentences[at].first, token, feminine)
        if h is not None and self._clause_between(h, token):
            return h  # "Morales, der …, verspricht: …, betonte er"; not "Schäuble warf er vor"
        if at == 0:
            return None
        if self.last_speaker is not None and self.last_speaker[1] >= at - 1:
            return None
        sent = self.doc.sentences[at - 1]
        opening = toks[sent.first].start
        if any(m.start <= opening < m.end for q in self.doc.quotes for m in q.message):
            return None  # "Erdoğan schüre den Konflikt, sagte Demirtaş. Er …": Demirtaş's words
        return self._opening(sent.first, sent.last, feminine)

    def _clause_between(self, h: _Holder, token: int) -> bool:
        """Whether a comma or colon lies between the last mention of ``h`` and ``token``: the
        pronoun is in another clause than the name opening the sentence (else the name, fronted
        before the verb and the pronoun, is an object)."""
        k = bisect_left(self.mentions, token, key=lambda m: m[0])
        i = next((m[0] for m in reversed(self.mentions[:k]) if m[1] is h), token)
        return any(t.text in (",", ":") for t in self.doc.tokens[i:token])

    def _opening(self, first: int, stop: int, feminine: bool | None) -> _Holder | None:
        """The person named in the subject that opens a sentence at ``first`` (before ``stop``)."""
        toks = self.doc.tokens
        k = bisect_left(self.mentions, first, key=lambda m: m[0])
        while k < len(self.mentions) and self.mentions[k][0] < min(first + 6, stop):
            i, h = self.mentions[k]
            possessor = toks[i].text != h.key  # "Mayers Fazit", "Wałęsas Personalakt"
            if not possessor and all(_in_subject(toks[j].text) for j in range(first, i)) and self._fits(h, feminine):
                return h
            k += 1
        return None

    def antecedent(self, feminine: bool | None, at: int) -> _Holder | None:
        """The last speaker if recent and compatible, else the person mentioned last."""
        if self.last_speaker is not None:
            h, when = self.last_speaker
            if at - when <= SPEAKER_REACH and self._fits(h, feminine):
                return h
            if at - when <= 1 and h.entity.anonymous and (feminine is None or h.feminine in (None, feminine)) and (
                next((r for r in reversed(self.recency.values()) if r.entity.type is SpeakerType.PERSON), None) is h
            ):
                return h  # "Ein Sprecher der US-Armee wollte nicht bestätigen, … Er sagte aber": nobody named since
        return next((h for h in reversed(self.recency.values()) if self._fits(h, feminine)), None)

    def role(self, r: Reading, at: int) -> _Holder:
        keys = {_role_key(x) for x in r.roles if is_role(x)}
        if r.definite and not keys:
            # "der Spanier": the latest person introduced as one ("der Spanier Rafael Nadal"), else a
            # recent speaker or the latest person ("der Franzose", "der 48-Jährige")
            nouns = {_role_key(x) for x in r.roles}
            h = next(
                (h for h in reversed(self.recency.values()) if self._fits(h, r.feminine) and nouns & h.role_keys),
                None,
            )
            if h is not None:
                return h
            h = self.antecedent(r.feminine, at)
            if h is not None:
                return h
            # a headline's "Landeshauptmann: …", "sagt der Regisseur": the one the text introduces so
            h = next((h for h in self.holders if self._fits(h, r.feminine) and _role_matches(nouns, h.role_keys)), None)
            if h is not None:
                return h
        if r.definite:
            if self.last_speaker is not None and not any(is_office(k) for k in keys):
                h, when = self.last_speaker
                # "…, sagt James Butterfill. … sagt der Ökonom": a role the speaker was not introduced
                # with, right after he spoke, is his (an office is someone's in particular)
                if (
                    at - when <= 1
                    and self._fits(h, r.feminine)
                    and not _role_matches(keys, h.role_keys)
                    and not any(_role_matches(keys, o.role_keys) for o in self.holders if o is not h)
                ):
                    return h
            for h in reversed(self.recency.values()):
                if self._fits(h, r.feminine) and (not keys or _role_matches(keys, h.role_keys)):
                    for x in r.roles:
                        if x not in h.entity.roles and is_role(x):
                            h.entity.roles.append(x)
                    return h  # the latest person with this role; a "der Franzose" the latest person
            if keys:  # a role whose holder the text introduces later (a headline's "Die Innenministerin")
                for h in self.holders:
                    if self._fits(h, r.feminine) and _role_matches(keys, h.role_keys):
                        return h
            if keys and self._epithet(keys):
                # "… kann man James Butterfill verstehen … sagt der Ökonom": a definite role that
                # nobody was introduced with describes the person spoken of last
                h = self.antecedent(r.feminine, at)
                if h is not None:
                    return h
        if r.definite and at < self.body and not any("sprecher" in k for k in keys):
            h = self.first_in_body(r.feminine)
            if h is not None:
                return h  # a headline's "Expertin: …" is the first person the article then names
        if r.definite and keys and all(is_office(k) for k in keys):
            h = self.named_next(at)
            if h is not None:
                return h  # "Der Bundespräsident konstatierte … . Köhler warb …": the office, then its holder
        affiliation = self.institution(r.affiliation) if r.affiliation is not None else None
        if affiliation is None and keys == {"sprecher"} and not r.definite and r.last - r.first == 2:
            affiliation = self.spoken_for(at)  # "ein Sprecher" alone, not "ein Sprecher Koch-Mehrins"
        key = "anonymous:" + "|".join(sorted(keys or {_role_key(x) for x in r.roles}))
        h = self.holder(SpeakerType.PERSON, key + "@" + (affiliation.entity.id if affiliation else ""), "")
        h.entity.anonymous = True
        h.feminine = r.feminine
        for x in r.roles:
            if x not in h.entity.roles:
                h.entity.roles.append(x)
        if affiliation is not None:
            h.entity.affiliation = affiliation.entity.id
        return h

    def spoken_for(self, at: int) -> _Holder | None:
        """The organisation a spokesperson without one speaks for: the only one named in the
        sentence before or in the spokesperson's own before it ("Positiv reagierte auch die Führung
        der Palästinensischen Autonomiebehörde. „…“, sagte ein Sprecher."), not one a person's role
        is of."""
        toks = self.doc.tokens
        start = self.doc.sentences[at - 1].first if at > 0 else self.doc.sentences[at].first
        # not the body of a person named by role ("von dem Vizepräsidenten der EU-Behörde, Andrus Ansip")
        names = {tuple(name) for token, name in self.organisations
                 if start <= token < self.token and not (token > 0 and _role_word(toks[token - 1].text))}
        if len(names) != 1:
            return None
        name = list(next(iter(names)))
        return self.institution(Reading("org", name=name, proper=len(name) > 1))

    def named_next(self, at: int) -> _Holder | None:
        """The person whose surname, a name the article repeats, opens the next sentence and is
        followed by its verb: news names an office first and its holder right after ("Der
        Bundespräsident konstatierte … . Köhler warb …"). Not a person known with another office."""
        if at + 1 >= len(self.doc.sentences):
            return None
        toks = self.doc.tokens
        first = self.doc.sentences[at + 1].first
        if first + 1 >= len(toks):
            return None
        w, after = toks[first].text, toks[first + 1].text
        if w not in self.recurring or not is_name_word(w) or w in NOT_NAMES or is_first_name(w) or not after.islower():
            return None
        known = self.by_key.get((SpeakerType.PERSON, w))
        if known is not None and any(is_office(k) for k in known.role_keys):
            return None
        return self.person([w], [], None)

    def first_in_body(self, feminine: bool | None) -> _Holder | None:
        """The first person mentioned after the dateline that fits."""
        start = self.doc.sentences[self.body].first
        return next(
            (
                h
                for i, h in self.mentions
                if i >= start and self._fits(h, feminine) and len(h.entity.name.split()) <= 3  # a name, no title
            ),
            None,
        )

    def _epithet(self, keys: set[str]) -> bool:
        """Whether a definite role noun can describe a person named before ("der Ökonom", "die
        Studentin"): not an office (one person's in particular), not a spokesperson (rarely named),
        and no unnamed holder of that role spoke before ("ein Experte … der Experte")."""
        if any(is_office(k) or "sprecher" in k for k in keys):
            return False
        return not any(
            h.entity.anonymous and _role_matches(keys, {_role_key(x) for x in h.entity.roles}) for h in self.holders
        )

    def institution(self, r: Reading) -> _Holder:
        if r.kind == "person":  # the affiliation of "ein Sprecher von Siemens-Chef Kaeser"
            return self.person(r.name, r.roles, r.feminine)
        kind = SpeakerType.MEDIA if r.kind == "media" else SpeakerType.ORGANIZATION
        if kind is SpeakerType.MEDIA and not r.proper:
            wanted = media_kind(r.name[-1])
            named = next(
                (
                    h
                    for h in reversed(self.recency.values())
                    if h.entity.type is SpeakerType.MEDIA and (not wanted or not h.medium or h.medium == wanted)
                ),
                None,
            )
            if named is not None:
                return named  # "die Zeitung", "der britische Sender": the medium of its kind named last
        name = r.name
        if kind is SpeakerType.ORGANIZATION and not r.proper and len(name) == 1:
            name = self.compound_of(name[0])
        h = self.holder(kind, name[-1].lower(), " ".join(name))
        if kind is SpeakerType.MEDIA and not h.medium:
            h.medium = _medium_of(r.name)
        if r.qualifier and not h.entity.qualifier:
            h.entity.qualifier = r.qualifier
        return h

    def appositive(self, at: int, end: int) -> _Holder | None:
        """The person a role is named by in an apposition after it, in the same sentence: ", Gergely
        Pröhle" after "der Staatssekretär für EU-Fragen" (a short prepositional tail allowed), ", der
        frühere Präsident Anton Huber" after "Odessas Gouverneur". A full name or a role with a name."""
        toks = self.doc.tokens
        sent = self.doc.sentences[at]
        comma = next((k for k in range(end, min(end + 4, sent.last)) if toks[k].text == ","), -1)
        if comma < 0 or any(not (t.text[:1].isupper() or t.text.lower() in _APPOSITION_TAIL) for t in toks[end:comma]):
            # a longer prepositional tail: "Der Vertreter der Arbeitgeber | im Aufsichtsrat der
            # Bundesagentur für Arbeit (BA), Peter Clever", "ein Talibanführer | auf pakistanischer Seite, …"
            comma = next((k for k in range(end, min(end + _LONG_TAIL, sent.last)) if toks[k].text == ","), -1)
            if comma < 0 or not _prepositional_tail(toks[end:comma]):
                return None
        phrases = [p for p in noun_phrases(toks, comma + 1, sent.last) if p.first == comma + 1 and not p.prep]
        for p in sorted(phrases, key=lambda x: x.last - x.first):
            r = read(self.doc, p.first, p.last)
            if r.kind == "person" and (r.roles or len(r.name) >= 2 and is_first_name(r.name[0])):
                return self.person(r.name, r.roles, r.feminine)
        return None

    def compound_of(self, noun: str) -> list[str]:
        """The organisation named last before the source whose name's head is a compound of the bare
        ``noun`` ("das Wirtschaftsministerium … erklärte das Ministerium", "das Bundesheer … ein
        Heeressprecher"), else the noun."""
        low = noun.lower()
        for token, name in reversed(self.organisations):
            head = name[-1].lower()
            if token < self.token and head != low and head.endswith(low):
                return name
        return [noun]

    def relative(self, q: Quote, at: int, token: int) -> tuple[_Holder | None, str]:
        """ "Anton Wieser, der … bestätigt": the phrase before the comma; after a clause's final
        verb, the phrase before that verb ("dem Beispiel des Parlamentsmitgliedes Alexandros
        Athanassiadis folgen, der erklärt hat"), if it names a person of the pronoun's gender."""
        toks = self.doc.tokens
        sent = self.doc.sentences[at]
        comma = token - 1
        phrases = [p for p in noun_phrases(toks, max(sent.first, comma - 30), comma) if p.last == comma and not p.prep]
        extraposed = not phrases and comma - 1 > sent.first and toks[comma - 1].text.islower()
        if extraposed:
            phrases = [p for p in noun_phrases(toks, max(sent.first, comma - 31), comma - 1)
                       if p.last == comma - 1 and not p.prep]
        if not phrases:
            return None, NO_ANTECEDENT
        p = min(phrases, key=lambda x: x.first)
        r = read(self.doc, p.first, p.last)
        if r.kind in ("relative", "own", "none", "document"):
            return None, NO_ANTECEDENT
        if extraposed and (r.kind != "person" or len(r.name) < 2 or r.feminine is True
                           or toks[token].text.lower() != "der"):
            return None, NO_ANTECEDENT
        return self.holder_of(r, q, at, p.first)

    def own(self, q: Quote, at: int, token: int) -> tuple[_Holder | None, str]:
        """ "Die Feuerwehr hat nach eigenen Angaben …": the subject of the clause, the nearest
        phrase in the nominative (an article der/die/das/ein/eine, a name or a pronoun)."""
        toks = self.doc.tokens
        sent = self.doc.sentences[at]
        best = None
        for p in noun_phrases(toks, sent.first, sent.last):
            low = toks[p.first].text.lower()
            if p.prep or p.cut or p.first <= token < p.last or p.parts:
                continue
            if low not in _NOMINATIVE and not is_name_word(toks[p.first].text):
                continue
            if best is None or abs(p.first - token) < abs(best.first - token):
                best = p
        if best is None:
            return None, NO_ANTECEDENT
        r = read(self.doc, best.first, best.last)
        if r.kind in ("own", "none", "document", "relative"):
            return None, NO_ANTECEDENT
        return self.holder_of(r, q, at, best.first)


_NOMINATIVE = frozenset({"der", "die", "das", "ein", "eine", "er", "sie", "ich", "wir"})


class Resolver:
    """Component: assigns ``Quote.entity`` (or ``Quote.unresolved_reason``) and fills ``Doc.entities``."""

    info = ComponentInfo("coref", "coref-0.4", "rules", "Names, roles, pronouns, organisations, media to holders")

    def __call__(self, doc: Doc) -> None:
        res = _Resolution(doc)
        res.introduce()
        for q in sorted((q for q in doc.quotes if q.source is not None), key=lambda q: q.source.start):
            q.entity = None
            q.unresolved_reason = ""
            res.resolve(q)
        doc.entities = dict(_used(res.holders, doc.quotes))
        for e in doc.entities.values():
            e.mentions.sort(key=lambda s: s.start)


def _used(holders: list[_Holder], quotes: list[Quote]) -> Iterator[tuple[str, Entity]]:
    """The entities quotes resolve to, and the organisations those speak for."""
    used = {q.entity for q in quotes if q.entity}
    by_id = {h.entity.id: h.entity for h in holders}
    for h in holders:
        if h.entity.id in used:
            yield h.entity.id, h.entity
    for entity_id in list(used):
        e = by_id[entity_id]
        if e.affiliation and e.affiliation not in used:
            used.add(e.affiliation)
            yield e.affiliation, by_id[e.affiliation]
