"""What a source mention names, for the claim store: a holder to keep a record of, an anonymous
member of one, or nobody, and why.

The extraction resolves mentions within one article; the store keeps records across articles,
so it must not keep one for what is no holder ("eigenen Angaben", "Papier", "Dortmund") nor
under a name that is none ("Zitat von Schröder", "Landes Niedersachsen Christian Wulff",
"Lahms"). :class:`MentionReader` reads a mention the way a reader of the article would:

* a frame (speech noun, document) gives way to its holder: "Angaben der Polizei" → Polizei,
  "Polizeiangaben" → Polizei, "Einer Meldung von Xinhua" → Xinhua; alone it names nobody;
* an unnamed member is an anonymous source, attributed to the organisation it speaks for when
  the mention names it: "ein Sprecher des Innenministeriums", "ein Polizeisprecher";
* organisations and media get canonical names in the nominative ("des Auswärtigen Amtes" →
  Auswärtiges Amt, "der chinesischen Presseagentur Xinhua" → Xinhua); a local institution keeps
  its place as a qualifier ("Polizeidirektion Hannover" → Polizeidirektion, Hannover);
* a group of people or of institutions named by a plural noun is a GROUP holder under the noun in
  the nominative plural, a nationality or place as its qualifier as for an organisation
  ("Augenzeugen", "von Bewohnern" → Bewohner, "die afghanischen Behörden" → Behörden, afghanisch,
  "Zeugenaussagen" → Zeugen); "man", "wir" and anonymous sources ("Quellen", "informierter
  Kreise") name nobody;
* a person's name loses what is not part of it: prepositions, genitive heads, case endings;
  an apposition after a comma names the holder when the phrase before it does not
  ("der Vorsitzende des Linux-Verbandes, Elmar Gesse").

Whether a capitalised word is a name is decided with the article's own evidence
(:class:`Evidence`): a word seen after an article is a common noun ("die Arbeit"), after "in"
or "aus" a place, and a word also written in lower case an adverb or adjective ("Insbesondere").
German word lists live in :mod:`zitat_server.language.holders`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from zitat_server.document import Doc, Entity, Span, SpeakerType
from zitat_server.language.function_words import DETERMINERS, GROUP_PRONOUNS, PRONOUNS
from zitat_server.language.holders import (
    ADDRESSEE_WORDS,
    ANAPHORIC_DETERMINERS,
    ARTICLE_PERSON_NAMES,
    COMPANY_FORMS,
    DESCRIPTOR_HEAD,
    FRAME_COMPOUND_ENDS,
    FRAME_NOUNS,
    GENERIC_HEAD,
    GOVERNMENT_SEATS,
    GROUP_NOUNS,
    INDEFINITE,
    KNOWN_MEDIA,
    KNOWN_ORGANISATIONS,
    LEADING_NOISE,
    LOCAL_HEAD,
    MEDIA_HEAD,
    MEMBER_NOUNS,
    MORE_PRONOUNS,
    NEWSPAPER_NAME_ENDS,
    NOBODY_PLURALS,
    NOT_NAME_OPENERS,
    NOT_PEOPLE_PLURALS,
    ORGANISATION_HEAD,
    ORGANISATION_NAME_ENDS,
    PEOPLE_PLURAL_ENDINGS,
    PERSON_TITLES,
    PLACE_NOUNS,
    PLACES,
    QUANTIFIERS,
    STRONG_ENDINGS,
    gender,
)
from zitat_server.language.names import (
    NAME_PARTICLES,
    NOT_NAMES,
    first_name_feminine,
    has_hyphen_particle,
    is_first_name,
    is_name_word,
)
from zitat_server.language.participles import attribute_end
from zitat_server.language.roles import (
    PERSON_NOUNS,
    TITLES,
    is_group_noun,
    is_plural_body,
    is_regional_paper,
    is_role,
)

# Why a claim with a source has no speaker record (``Claim.unresolved_reason``).
PRONOUN = "pronoun"  # a pronoun or anaphor the article does not resolve ("er", "nach eigenen Angaben")
GROUP = "group"  # "wir", "man", a plural naming nobody ("Quellen", "jegliche Koalition"): many or no one
ANONYMOUS = "anonymous"  # an unnamed person or organisation ("ein Augenzeuge", "eine Hilfsorganisation")
ROLE = "role"  # a role or class noun whose holder is not known: "der Verteidigungsminister", "die Partei"
NOT_A_HOLDER = "not a holder"  # a speech noun, document, place or other word that names no holder

_PUNCT = "„“”\"»«‚‘’'()[]{},;:!?"
_PUNCT_STRIP = _PUNCT + "."
_QUOTE_OPEN = "„»\"‚"
_QUOTE_CLOSE = "“«\"‘"
_ARTICLE_LIKE = DETERMINERS | {"im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "dessen", "deren"}
_DEFINITE = frozenset({"der", "die", "das", "des", "dem", "den"})
_PRONOUNS = PRONOUNS | MORE_PRONOUNS
_PLACE_PREPOSITIONS = frozenset({"in", "aus"})
_ADVERB_SUFFIX = re.compile(r"(lich|isch|weise|mäßig|gemäß|end)$")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜa-z]*[A-ZÄÖÜ][A-ZÄÖÜ0-9]*$")  # FIFA, OSZE, VfGH, NASA, BBC
_COMPASS = re.compile(r"^(Nord|Süd|Ost|West|Mittel|Zentral|Nordost|Nordwest|Südost|Südwest)")
_ROMAN = re.compile(r"^[IVX]+\.?$")
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")
_SHARES = frozenset({"prozent", "%", "prozentpunkte"})
_PLACE_ACRONYMS = frozenset({"USA", "US", "UK", "BRD", "DDR", "VAE", "UdSSR", "GUS"})
_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")
_NATIONALITY = re.compile(r"^([a-zäöü]+isch|deutsch)(e|en|er|es|em)?$")
# Inflected adjectives by their suffix (verbs in -te/-en are not: "Das lehnte Abhisit ab").
_ADJECTIVE = re.compile(r"(isch|ig|lich|end|er|eu|tsch|al|ell|iv|ös|är|bar|sam|haft|los|jährig|ste|ern)"
                        r"(e|en|er|es|em)$")
_SHARP_ADJECTIVE = re.compile(r"(weiß|groß|süß|bloß)(e|en|er|es|em)$")  # "Weiße", "Große"
_FUGEN = ("ung", "heit", "keit", "schaft", "tion", "tät", "ums")
_MEMBER_OF_ORGANISATION = ("experte", "expertin", "sprecher", "chef", "mitarbeiter", "vertreter", "aktivist",
                           "mitglied", "vorsitzend", "gründer")
_PLACE_AFTER = re.compile(r"\s+(?:in|im|aus)\s+([A-ZÄÖÜ][\w\-]+)")
_NAME_AFTER = re.compile(r" ([A-ZÄÖÜ][\w\-]+)")
# A descriptor, a name in lower case and its abbreviation: "Menschenrechtsorganisation amnesty international (ai)".
_LOWER_CASE_NAME = re.compile(r"\b([A-ZÄÖÜ][\w\-]*) ((?:[a-zäöü][\w\-]* ){1,4})\(([a-zäöü]{2,6})\)")
# A first name, then a surname with a particle: "Karl-Theodor zu Guttenberg", "Ursula von der Leyen".
_PARTICLE_SURNAME = re.compile(r"\b([A-ZÄÖÜ][\w\-]+) ((?:von|van|zu|de|di|da|del|du|dos|ten|ter)(?: der| den)? "
                               r"[A-ZÄÖÜ][\w\-]+)")
# How German place names end, for place adjectives of places no list knows ("Ludwigshafen|er").
_PLACE_NAME_END = re.compile(r"(burg|furt|dorf|stadt|heim|hausen|hafen|feld|berg|bach|au|ingen|itz|ow|rode|wald"
                             r"|born|brück|stein|see|land|haven|kirchen|leben|stedt|tal|wil|münster)$")
_FRAME_BEFORE = re.compile(r"([A-ZÄÖÜ][\w\-]+) $")
# The rest of a name a mention stops short of: "| ohne Grenzen", "| für bedrohte Völker".
_NAME_REST = re.compile(r" (?:ohne|für) (?:[a-zäöü]+ )?[A-ZÄÖÜ][\w\-]+")
# A name in apposition right after a mention, then the clause goes on: "|, EADS heute mitteilte".
_APPOSITION_AFTER = re.compile(r", ((?:[A-ZÄÖÜ][\w\-]*)(?: [A-ZÄÖÜ][\w\-]*){0,3})(?= [a-zäöü])")
_DOTTED_NAME = re.compile(r"^[a-z]+\.[a-z]+$")  # "ver.di"
_NAME_WORD_AFTER = re.compile(r" (?:[A-ZÄÖÜ][\w\-]*|[a-z]+\.[a-z]+)(?=[\s,.;:])")  # "| ver.di", "| Euryza"
_WEB_ADDRESS = re.compile(r"\.(at|de|ch|com|org|net|eu|uk|info)$", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.(at|de|ch|com|org|net|eu|uk|info)$", re.IGNORECASE)  # "ndr.de", "faz.net"
# An inner capital, as in product and company names ("VroniPlag", "SuperCars"), but not in the
# surname prefixes Mc, Mac, Di, De, La, Le ("McCain", "DeLand").
_CAMEL_CASE = re.compile(r"^(?!Mc|Mac|Di|De|La|Le|Du|Van|Von|O')[A-ZÄÖÜ][a-zäöüß]+[A-ZÄÖÜ]")


#: Countries after a hyphen that make a name a company's national branch.
_BRANCH_COUNTRIES = frozenset({"Deutschland", "Österreich", "Schweiz", "Europa", "International"})


def is_capitalised(word: str) -> bool:
    """Capitalised, or a name with a lower-case particle: "el-Baradei", "al-Assad"."""
    return word[:1].isupper() or has_hyphen_particle(word)


def _is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word)) and not _ROMAN.match(word) and word not in _PLACE_ACRONYMS


@dataclass(frozen=True, slots=True)
class Holder:
    """A holder of claims as one article names it: what a speaker record is kept for."""

    type: SpeakerType
    name: str  # canonical display name: "Rustem Umjerow", "Auswärtiges Amt", "Xinhua"
    qualifier: str = ""  # the place of a local institution
    aliases: tuple[str, ...] = ()  # further names of the same holder ("WHO" for Weltgesundheitsorganisation)
    roles: tuple[str, ...] = ()  # roles as written ("Verteidigungsminister")


@dataclass(frozen=True, slots=True)
class Reading:
    """What a mention tells the store: the holder to attribute the claim to, whether the source
    is an unnamed member of it, and the reason when there is no holder."""

    holder: Holder | None = None
    anonymous: bool = False
    role: str = ""  # an anonymous source's role, or the role of a role-only mention, as written
    reason: str = ""
    roles: tuple[str, ...] = field(default=())  # role words seen (for role-only mentions)
    #: a role coref took for an unnamed person: resolved within its article only, else anonymous
    local: bool = False


# --- evidence from the article ------------------------------------------------------------------


class Evidence:
    """What the article itself says about its capitalised words (see module docstring)."""

    def __init__(self, text: str) -> None:
        self.common: set[str] = set()  # after an article more often than without one
        self.place: set[str] = set()  # after "in" / "aus"
        self.lower: set[str] = set()  # lower-case word forms
        self.capitalised: set[str] = set()
        self.free: set[str] = set()  # capitalised and not right after a name particle ("von")
        self.described: dict[str, SpeakerType] = {}  # after "Organisation", "Nachrichtenagentur", …
        #: descriptor (lower case) -> the names it introduced: "ratingagentur" -> {"Moody's"}
        self.introduced: dict[str, set[str]] = {}
        #: surname -> the first names seen right before it: "Schweinsteiger" -> {"Bastian"}
        self.first_names: dict[str, set[str]] = {}
        #: word -> the capitalised word right after it: "Musa" -> {"Okwanga"}
        self.next_word: dict[str, set[str]] = {}
        after_article: dict[str, int] = {}
        bare: dict[str, int] = {}
        member_prefixes: set[str] = set()
        # White-space tokens with their punctuation stripped: a tenth of a regex tokenizer's cost.
        # ``last`` is the previous word, "" after punctuation that ends a phrase.
        last = ""  # previous word, lower-cased
        last_word = ""  # previous word as written
        article = False  # an article (then perhaps adjectives) came just before
        comma = False  # the previous word ended in a comma
        for raw in text.split():
            w = raw.strip(_PUNCT_STRIP)
            if not w or not w[0].isalpha():
                last = last_word = ""
                article = False
                continue
            low_w = w.lower()
            if w[0].isupper() and low_w in _ARTICLE_LIKE:
                article = True  # "Die" at the start of a sentence
            elif w[0].isupper():
                self.capitalised.add(w)
                if last not in NAME_PARTICLES:
                    self.free.add(w)
                if article:
                    after_article[w] = after_article.get(w, 0) + 1
                elif last in _PLACE_PREPOSITIONS:
                    self.place.add(w)
                elif last:
                    bare[w] = bare.get(w, 0) + 1  # "soll Gerhardt sein": not after an article
                # The first word of a quoted name of several is not the name a later "der
                # Verband" refers to ("„Confederação Brasileira de Futebol“"): not introduced.
                cut = raw[:1] in _QUOTE_OPEN and raw.rstrip(",.;:")[-1:] not in _QUOTE_CLOSE
                if last_word[:1].isupper():
                    self.next_word.setdefault(last_word, set()).add(w)
                    low_w_head = w.lower()
                    if MEDIA_HEAD.search(low_w_head) and not MEDIA_HEAD.search(last):
                        self.introduced.setdefault(low_w_head, set()).add(f"{last_word} {w}")
                    if MEDIA_HEAD.search(last):
                        self.described.setdefault(w, SpeakerType.MEDIA)
                        self._introduce(last, w, cut)
                    elif DESCRIPTOR_HEAD.search(last):
                        self.described.setdefault(w, SpeakerType.ORGANIZATION)
                        self._introduce(last, w, cut)
                    elif ORGANISATION_HEAD.search(last):
                        self._introduce(last, w, cut)  # "Regierung Österreichs": no name
                    else:
                        self.first_names.setdefault(w, set()).add(last_word)
                if "-" in w:
                    # "Greenpeace-Experte", "WWF-Sprecher": what a member speaks for is an organisation
                    prefix, _, suffix = w.rpartition("-")
                    if prefix[:1].isupper() and suffix.lower().startswith(_MEMBER_OF_ORGANISATION):
                        self.described.setdefault(prefix, SpeakerType.ORGANIZATION)
                        member_prefixes.add(prefix)
                article = False
            else:
                self.lower.add(w)
                low = w
                if low in _ARTICLE_LIKE:
                    # Not after a particle ("von der Leyen") nor a comma, where "der" is a relative
                    # pronoun ("Westerwelle, der Gerhardt 2001 ablöste").
                    article = last not in NAME_PARTICLES and not comma
                elif not (article and _ADJECTIVE.search(low)):
                    # "der ukrainische Präsident": adjectives keep the article; a verb ends it
                    # ("Das lehnte Abhisit ab": "Das" was a pronoun).
                    article = False
            last, last_word = low_w, w
            comma = raw[-1] == ","
            if raw[-1] in ",;:.!?)":
                last = last_word = ""
                article = False
        # A demonstrative looks like an article too ("Das lehnte Gerhardt ab"): a name is still
        # used without one more often.
        self.common = {w for w, n in after_article.items() if n > bare.get(w, 0)}
        self.with_article: set[str] = set(after_article)  # after an article at least once
        #: an abbreviation in lower case -> the name it abbreviates, which the article writes in lower
        #: case after a descriptor: "Menschenrechtsorganisation amnesty international (ai)" -> "ai" ->
        #: "Amnesty International" (and "menschenrechtsorganisation" introduced it)
        self.abbreviated: dict[str, str] = {}
        for m in _LOWER_CASE_NAME.finditer(text):
            words = m.group(2).split()
            if "".join(w[0] for w in words) == m.group(3) and (
                DESCRIPTOR_HEAD.search(m.group(1).lower()) or MEDIA_HEAD.search(m.group(1).lower())
            ):
                name = " ".join(w[:1].upper() + w[1:] for w in words)
                self.abbreviated[m.group(3)] = name
                self.introduced.setdefault(m.group(1).lower(), set()).add(name)
        #: first name -> the surnames with a particle seen right after it: "Karl-Theodor" -> {"zu Guttenberg"}
        self.particle_surnames: dict[str, set[str]] = {}
        for m in _PARTICLE_SURNAME.finditer(text):
            self.particle_surnames.setdefault(m.group(1), set()).add(m.group(2))
        # "Werft-Sprecher" describes no organisation when the article says "die Werft" or never
        # names it on its own.
        self.described = {w: kind for w, kind in self.described.items()
                          if w not in self.common and not (w in member_prefixes and w in after_article)}

    def _introduce(self, descriptor: str, name: str, cut: bool) -> None:
        if not cut:
            self.introduced.setdefault(descriptor, set()).add(name)

    def is_common(self, word: str) -> bool:
        """A common noun (or an organisation named like one): seen after an article."""
        return word in self.common

    def is_common_form(self, word: str, *, ever: bool = False) -> bool:
        """Some inflected form of ``word`` is seen after an article ("Jugendliche": "den
        Jugendlichen") more often than without one (``ever``: at all)."""
        forms = (word, word + "n", word + "en", word + "s", word + "es", word[:-1], word[:-2])
        seen = self.with_article if ever else self.common
        return any(f in seen for f in forms if len(f) > 2)

    def is_place(self, word: str) -> bool:
        """A place: known, or seen after "in"/"aus" and shaped like a name ("in Kassel", not "in
        Sicherheit")."""
        if word in PLACES or self.bare_genitive(word) in PLACES:
            return True
        compass = _COMPASS.match(word)
        if compass and len(word) > compass.end() + 2:
            # "Norddeutschlands", "Ostafrika", "Südfrankreich": a part of a known place
            rest = word[compass.end() :].lstrip("-")
            rest = rest[:1].upper() + rest[1:]
            if rest in PLACES or (rest.endswith("s") and rest[:-1] in PLACES):
                return True
        return word in self.place and word not in self.common and is_name_word(word)

    def bare_genitive(self, word: str) -> str:
        """The word without a genitive ending when the article also uses it bare ("Lahms" → "Lahm",
        "Thailands" → "Thailand"), or it is a known place; else ""."""
        if not word.endswith("s") or len(word) < 5:
            return ""
        for bare in (word[:-1], word[:-2] if word.endswith("es") else ""):
            if len(bare) >= 3 and (bare in self.capitalised or bare in PLACES):
                return bare
        return ""


# --- words of a mention -------------------------------------------------------------------------


def words_of(text: str) -> tuple[list[str], list[str]]:
    """The words of a mention without surrounding punctuation (a comma stays a word of its own),
    a quoted name kept as one word („Reporter ohne Grenzen“), and the words in parentheses, often
    an abbreviation ("Weltgesundheitsorganisation (WHO)")."""
    words: list[str] = []
    paren: list[str] = []
    inside = quoted = False
    for raw in text.split():
        opens, closes = raw.startswith("("), raw.rstrip(",.;:").endswith(")")
        quote_opens = raw[:1] in _QUOTE_OPEN and not (len(raw) > 1 and raw.rstrip(",.;:")[-1:] in _QUOTE_CLOSE)
        comma = raw.endswith(",")
        w = raw.strip(_PUNCT)
        if w.endswith(".") and len(w) > 3 and not w.isupper() and w.lower() not in COMPANY_FORMS:
            w = w[:-1]
        target = paren if inside or opens else words
        if w and w != "-":
            if quoted and target:
                target[-1] += " " + w
            else:
                target.append(w)
        if quote_opens:
            quoted = True
        elif quoted and raw.rstrip(",.;:")[-1:] in _QUOTE_CLOSE:
            quoted = False
        if opens:
            inside = True
        if closes:
            inside = False
        if comma and not inside and not quoted:
            words.append(",")
    return words, paren


def _compound_prefix(word: str, ends: tuple[str, ...]) -> str:
    """The first part of a compound with one of ``ends``: "Polizeiangaben" → "Polizei",
    "Regierungssprecher" → "Regierung", "WWF-Sprecher" → "WWF"; "" for none."""
    low = word.lower()
    for end in ends:
        if low.endswith(end) and len(low) >= len(end) + 2:
            prefix = word[: len(word) - len(end)].rstrip("-")
            if prefix.endswith("s") and prefix[:-1].lower().endswith(_FUGEN):
                prefix = prefix[:-1]  # Fugen-s: "Regierungsangaben", "Ministeriumsvertreter"
            return prefix if len(prefix) >= 2 else ""
    return ""


#: Heads of frame compounds of opinion, beyond the compound ends extraction knows: "Expertenmeinung",
#: "Expertenansicht", "Polizeidarstellung": the first part is the holder.
_OPINION_ENDS = ("meinung", "einschätzung", "ansicht", "auffassung", "darstellung")


def _is_member(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(end) for end in MEMBER_NOUNS)


def _is_frame(word: str) -> bool:
    return word.lower() in FRAME_NOUNS or bool(_compound_prefix(word, FRAME_COMPOUND_ENDS) or _hyphen_frame(word))


def _hyphen_frame(word: str) -> str:
    """The first part of a hyphen compound whose last part is a frame or a document, which names
    its holder: "dpa-Meldung" → dpa, "ROG-Jahresbericht" → ROG, "HIS-Studie" → HIS; else ""."""
    prefix, hyphen, last = word.rpartition("-")
    if not hyphen or not prefix or not last[:1].isupper():
        return ""
    low = last.lower()
    document = any(low.endswith(stem) or low.endswith(stem + "s") for stem in _DOCUMENTS)
    return prefix if document or low in FRAME_NOUNS or _compound_prefix(last, FRAME_COMPOUND_ENDS) else ""


def _is_person_role(word: str) -> bool:
    return is_role(word) or word.lower() in TITLES or word.lower() in PERSON_TITLES


def _is_lower_adjective(word: str) -> bool:
    """ "chinesischen", "84-jährige", "ersten": lower-case premodifiers."""
    low = word.lower()
    prefix, _, suffix = word.rpartition("-")
    if (prefix[:1].isupper() or prefix.isdigit()) and suffix[:1].islower() and _ADJECTIVE.search(suffix):
        return True  # "US-amerikanische", "EU-weiten", "84-jährige"
    if prefix and suffix[:1].isupper():
        return False  # a noun whose first part is written in lower case: "dpa-Meldung"
    return (word[:1].islower() and low not in LEADING_NOISE and low not in DETERMINERS and word != ","
            and low not in NAME_PARTICLES and not has_hyphen_particle(word))


def _nominative_head(word: str) -> str:
    """An organisation or medium head in the nominative singular ("Amtes" → "Amt",
    "Ministeriums" → "Ministerium", "Fachmagazins" → "Fachmagazin")."""
    for cut in (2, 1):
        stem = word[:-cut]
        if word.endswith("es"[2 - cut :]) and len(stem) >= 3:
            low = stem.lower()
            if (ORGANISATION_HEAD.search(low) or MEDIA_HEAD.search(low)) and gender(stem) in "mn":
                return stem
    return word


def _nominative_adjective(word: str, head_gender: str) -> str:
    """A capitalised adjective of a name in the strong nominative ("Auswärtigen" + Amt →
    "Auswärtiges"). A word in -er stays: either the strong masculine already ("Deutscher
    Wetterdienst") or a place adjective, which never inflects ("Berliner Senat")."""
    if word.endswith("er"):
        return word
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + STRONG_ENDINGS[head_gender]
    return word


def _is_org_head(low: str) -> bool:
    return bool(ORGANISATION_HEAD.search(low) or MEDIA_HEAD.search(low))


def other_first_name(name: str, other: str) -> bool:
    """Two full names of one surname that share no first name: two people ("Joseph Ratzinger",
    "Georg Ratzinger")."""
    a, b = name.split(), other.split()
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1] or not (is_first_name(a[0]) and is_first_name(b[0])):
        return False
    given_a = {g for w in a[:-1] for g in w.split("-")}
    given_b = {g for w in b[:-1] for g in w.split("-")}
    return not given_a & given_b  # "Hans Dieter Pötsch" and "Dieter Pötsch" are one


def _newspaper(words: Sequence[str]) -> bool:
    """An English newspaper name: capitalised words, no German adjective and no first name among
    them, then a newspaper head ("Bangkok Post", "Irish Times"; not "Deutsche Post", "Sarah Post")."""
    return len(words) >= 2 and words[-1].lower() in NEWSPAPER_NAME_ENDS and not is_first_name(words[0]) and all(
        is_capitalised(w) and " " not in w and not _NATIONALITY.match(w.lower()) for w in words[:-1])


def _is_hyphen_name(word: str) -> bool:
    """ "Robert-Koch-Institut", "SITE-Institut": a compound with a name in it is a name itself."""
    parts = word.split("-")
    return len(parts) > 1 and (any(p[:1].isupper() for p in parts[1:-1]) or _is_acronym(parts[0]))


def _is_descriptor(word: str, *, before_name: bool) -> bool:
    """A head that describes rather than names: "Umweltschutzorganisation", "Nachrichtenagentur".
    Without a name after it, "Weltgesundheitsorganisation" and "Robert-Koch-Institut" are names."""
    low = word.lower()
    if MEDIA_HEAD.search(low):
        return True
    if not DESCRIPTOR_HEAD.search(low):
        return False
    return before_name or not (low.startswith("welt") or _is_hyphen_name(word))


#: Determiners of a singular noun: "dem Zeugen", "diesem Zeugen" are one witness.
_SINGULAR = frozenset({"dem", "diesem", "jenem", "des", "dieses", "jenes", "ein", "eine", "einer", "eines", "einem",
                       "einen", "dieser", "jener"})
_NEGATIVE_QUANTIFIERS = frozenset({"keine", "keiner", "keinen", "keinem", "keines", "jegliche", "jeglicher",
                                   "jeglichen", "jegliches", "jeglichem"})


def _group_word(word: str) -> bool:
    """A listed plural of people or institutions, also in the dative and as the last part of a
    compound with a hyphen: "Augenzeugen", "Teilnehmern", "US-Medien", "Twitter-Benutzer"."""
    low = word.lower().rpartition("-")[2]
    forms = (low, low[:-1]) if low.endswith("n") and not low.endswith("nn") else (low,)
    return any(f in GROUP_NOUNS or is_group_noun(f) or _compound_group(f) for f in forms) or is_plural_body(low)


def _compound_group(low: str) -> bool:
    """A compound whose last part is a listed plural of eight letters or more: "Freizeitforscher",
    "Oppositionspolitiker", "Wirtschaftsexperten"; not a short end ("Unfallopfer") nor a member
    noun, which is singular as often ("dessen Stellvertreter")."""
    return not low.endswith(MEMBER_NOUNS) and any(
        low.endswith(g) and len(low) >= len(g) + 3 for g in GROUP_NOUNS if len(g) >= 8)


def _is_plural_people(word: str, determiner: str) -> bool:
    """A group of people: "Augenzeugen", "die Kritiker", "Experten" (not "die Sprecherin", "dem
    Zeugen")."""
    low = word.lower()
    if determiner in _SINGULAR or (determiner == "der" and low.endswith(("er", "el"))):
        return False  # "dem Zeugen", "Der Vertreter der Arbeitgeber" (but "der Demonstranten")
    if _group_word(word):
        return True
    if not is_role(word) or low.endswith("in"):
        return False
    return determiner in ("die", "den", "") and low.endswith(("en", "er", "e", "innen", "ern"))


_UMLAUTS = str.maketrans("äöü", "aou")
_FEMININE_PERSON_NOUNS = frozenset({"mutter", "tochter", "schwester"})


def _people_plural(word: str, determiner: str) -> str:
    """The nominative plural of a noun of people after a plural "die" (or a dative "den"), or "":
    a person noun ("die Kanadier", "Die Männer", "die Frauen", "den Briten", "die Deutschen" →
    Deutsche) or an agent noun by its ending ("die Hacker", "Die Initiatoren", "den Brauern").
    Not a singular: "die Kanadierin", "die Mutter", "die Deutsche", "den Kanadier"."""
    prefix, hyphen, last = word.rpartition("-")
    low = last.lower()
    if len(low) < 4 or not last[:1].isupper() or low.endswith("in") or " " in last:  # not a quoted name
        return ""
    nominative = last
    if determiner == "den":
        if low.endswith(("ern", "eln")):
            nominative, low = last[:-1], low[:-1]  # dative plural: "den Brauern"
        elif not low.endswith("en"):
            return ""  # "den Kanadier": one man
    name = prefix + hyphen + nominative
    # person nouns by their singular: same form in -er ("Kanadier"), -n/-en ("Serben", "Frauen"),
    # umlaut and -er/-e ("Männer", "Söhne"), -s ("Israelis")
    if low in PERSON_NOUNS and low.endswith("er") and low not in _FEMININE_PERSON_NOUNS:
        return name
    plain = low.translate(_UMLAUTS)
    for singular in (low[:-1] if low.endswith("n") else "", low[:-2] if low.endswith("en") else "",
                     plain[:-2] if low.endswith("er") and plain != low else "",
                     plain[:-1] if low.endswith("e") and plain != low else "", low[:-1] if low.endswith("s") else ""):
        if singular in PERSON_NOUNS:
            if singular.endswith("e") and singular + "r" in PERSON_NOUNS:
                return prefix + hyphen + nominative[:-1]  # an adjective as noun: "Deutschen" → "Deutsche"
            return name
    if low in NOT_PEOPLE_PLURALS or len(low) < 6 or not low.endswith(PEOPLE_PLURAL_ENDINGS):
        return ""
    if low.endswith("er") and determiner != "die" and nominative == last:
        return ""  # "der Hacker", a bare "Bauer": one person, or a name
    return name


def _nominative_plural(word: str) -> str:
    """A group noun in the nominative plural: "Bewohnern" → "Bewohner", "Jugendlichen" →
    "Jugendliche", "US-Beamten" → "US-Beamte"; "Experten", "Behörden" stay."""
    prefix, hyphen, last = word.rpartition("-")
    low = last.lower()
    if len(low) > 4 and low.endswith("n") and not low.endswith("nn"):
        stem = low[:-1]
        if stem in GROUP_NOUNS or is_group_noun(stem) or (stem.endswith(("er", "el")) and is_role(stem)):
            return prefix + hyphen + last[:-1]
    return word


def _group_of_nobody(name: str) -> bool:
    """ "Quellen", "Sicherheitskreise", "Insider": anonymous sources, not a group anyone names."""
    low = name.lower().rpartition("-")[2]
    return low in NOBODY_PLURALS or low.endswith(("quellen", "kreise"))


def _initials_match(acronym: str, words: list[str]) -> bool:
    """ "VDR" and "Verband Deutscher Realschullehrer": an abbreviation of these words."""
    initials = "".join(w[0] for w in words if w[:1].isupper()).upper()
    return len(acronym) >= 2 and initials == acronym.upper()


def _segments(words: list[str]) -> list[list[str]]:
    """The mention's parts between commas, but for a comma in a list of fields after "für" that
    "und" closes ("Bundesministerium für Umwelt, Naturschutz und Reaktorsicherheit")."""
    out: list[list[str]] = [[]]
    for i, w in enumerate(words):
        if w == "," and not _in_fuer_list(words, i):
            out.append([])
        else:
            out[-1].append(w)
    return [seg for seg in out if seg]


def _in_fuer_list(words: list[str], comma: int) -> bool:
    before = words[:comma]
    at = max((i for i, w in enumerate(before) if w == "für"), default=-1)
    if at < 0 or at == len(before) - 1 or not all(is_capitalised(w) or w == "," for w in before[at + 1 :]):
        return False
    for i, w in enumerate(words[comma + 1 :], comma + 1):
        if w == "und":
            return i + 1 < len(words) and is_capitalised(words[i + 1])
        if w != "," and not is_capitalised(w):
            return False
    return False


class MentionReader:
    """Reads the source mentions of one article (module docstring); cheap to build per article."""

    def __init__(self, evidence: Evidence) -> None:
        self.ev = evidence

    def read(self, text: str) -> Reading:
        words, paren = words_of(text)
        if len(words) >= 2 and _NUMBER.match(words[0]) and words[1].lower() in _SHARES:
            return Reading(anonymous=True, reason=ANONYMOUS)  # "37 Prozent (der Befragten)": unnamed people
        if len(words) == 2 and words[0].endswith("s") and is_capitalised(words[0]) and words[1].lower() in PERSON_NOUNS:
            # "Demjanjuks Sohn", "Merkels Mutter": somebody's relative, unnamed, no person of that name
            return Reading(role=words[1], reason=ROLE, roles=(words[1],))
        reading = self._read(words, paren, 0)
        if words and words[0].lower() == "über" and reading.holder is not None and (
            reading.holder.type is SpeakerType.GROUP
        ):
            return Reading(reason=NOT_A_HOLDER)  # "über vermisste Mädchen": what is spoken about
        return reading

    def read_span(self, doc: Doc, span: Span) -> Reading:
        """A source mention read in its sentence, where it may stop short of what it names: a
        local institution takes its place from the words right after it ("Nach Angaben der
        Polizei | in Kassel brach …"), a first name its surname ("Bundeskanzlerin Angela | Merkel
        sagte")."""
        reading = self.read(doc.span_text(span))
        if reading.holder is None:
            # A genitive whose frame noun stands just before the mention: "nach Angaben <der
            # Veranstalter>", "Nach Darstellungen <des Verlages>": read with it ("der" is plural).
            before = _FRAME_BEFORE.search(doc.text, 0, span.start)
            if before is not None and _is_frame(before.group(1)) and doc.span_text(span).split()[0].lower() in (
                "der", "des"
            ):
                framed = self.read(f"{before.group(1)} {doc.span_text(span)}")
                if framed.holder is not None:
                    reading = framed
        if reading.holder is None:
            # A name the mention stops short of: "Die Hilfsorganisation Ärzte| ohne Grenzen", "Die
            # Gesellschaft| für bedrohte Völker", "Die Gewerkschaft| ver.di".
            text = doc.span_text(span)
            rest = _NAME_REST.match(doc.text, span.end)
            if rest is None and _is_descriptor(text.split()[-1].strip(_PUNCT_STRIP), before_name=True):
                rest = _NAME_WORD_AFTER.match(doc.text, span.end)
            longer = self.read(text + rest.group(0)) if rest is not None else Reading()
            if longer.holder is not None and longer.holder.type is not SpeakerType.PERSON:
                reading = longer
        if reading.anonymous and reading.holder is None:
            # An unnamed member whose organisation the apposition after the mention names: "ein
            # Vertreter des Mutterkonzerns von Airbus|, EADS heute mitteilte".
            apposition = _APPOSITION_AFTER.match(doc.text, span.end)
            named = self.read(apposition.group(1)) if apposition is not None else Reading()
            if named.holder is not None and not named.anonymous and named.holder.type in (
                SpeakerType.ORGANIZATION, SpeakerType.MEDIA
            ):
                reading = replace(reading, holder=named.holder, reason="")
        holder = reading.holder
        if holder is not None and holder.type is SpeakerType.PERSON and " " not in holder.name:
            following = _NAME_AFTER.match(doc.text, span.end)
            surname = following.group(1) if following else ""
            if surname and not self._not_name_word(surname) and not self.ev.is_place(surname) and (
                holder.name in self.ev.first_names.get(surname, ())
            ):
                return replace(reading, holder=replace(holder, name=f"{holder.name} {surname}"))
            return reading
        group = holder is not None and holder.type is SpeakerType.GROUP
        if holder is None or holder.qualifier or not (group or LOCAL_HEAD.search(holder.name.lower())):
            return reading
        after = _PLACE_AFTER.match(doc.text, span.end)
        if after is None:
            return reading
        place = after.group(1)
        if (self._not_name_word(place) and not self.ev.is_place(place)) or (group and not _known_place(place)):
            return reading  # "in Sicherheit"; a group only in a known place ("der Gesundheitsbehörden | in Gaza")
        return replace(reading, holder=replace(holder, qualifier=place))

    def read_entity(self, doc: Doc, entity: Entity, depth: int = 0) -> Reading:
        """What a document entity is, from its type, mentions and name. Coref's types are trusted
        where its mentions do not contradict them; a PERSON (the default) is checked, since a
        mention taken for a name may be a frame, an organisation or no holder ("Zitat von
        Schröder", "BBC", "Ansicht"). Names come from the mentions first (they are the text);
        the entity's name serves when the mentions are pronouns only ("Er" → Ban Ki-moon)."""
        spans = [m for m in entity.mentions if doc.span_text(m).strip()]
        readings = [self.read_span(doc, m) for m in spans]
        if entity.anonymous:
            return self._anonymous(doc, entity, readings, depth)
        if entity.type is not SpeakerType.PERSON:
            return self._typed(entity, readings, [doc.span_text(m) for m in spans])
        persons = [r.holder for r in readings if r.holder is not None and r.holder.type is SpeakerType.PERSON]
        roles = tuple(dict.fromkeys(
            [*entity.roles, *(x for r in readings for x in (*r.roles, *(r.holder.roles if r.holder else ())))]
        ))
        if persons:
            names = list(dict.fromkeys(n for h in persons for n in (h.name, *h.aliases)))
            # not another person of that surname coref merged ("Georg Ratzinger" with Joseph, his brother)
            aliases = tuple(n for n in names[1:] if not other_first_name(names[0], n))
            return Reading(holder=Holder(SpeakerType.PERSON, names[0], aliases=aliases, roles=roles))
        others = [r for r in readings if r.holder is not None]
        if others:
            return others[0]
        # The name only when the mentions are pronouns and role nouns ("er", "Der Bundespräsident"),
        # which coref resolved to it: a mention with other words is the better witness.
        # So too when a mention this reader refuses (a frame it cannot open: "Angaben der
        # Oberstaatsanwältin Antje Gabriels-Gorsolke") holds coref's full name word for word after
        # a role coref found: without the role, "Angaben der Magdeburger Volksstimme" would pass.
        pronouns_only = all(r.reason in (PRONOUN, ROLE) for r in readings)
        spelled = (" " in entity.name.strip() and bool(entity.roles)
                   and any(entity.name in doc.span_text(m) for m in spans))
        named = (self.read(entity.name) if entity.name.strip() and (pronouns_only or spelled)
                 else Reading(reason=NOT_A_HOLDER))
        if spelled and not pronouns_only and named.holder is not None and named.holder.type is not SpeakerType.PERSON:
            named = Reading(reason=NOT_A_HOLDER)  # only a person's name is trusted this way
        if named.holder is not None and not named.anonymous:
            h = named.holder
            all_roles = tuple(dict.fromkeys((*roles, *h.roles)))
            return Reading(holder=Holder(h.type, h.name, h.qualifier, h.aliases, all_roles))
        if roles and any(r.reason == ROLE for r in (*readings, named)):
            return Reading(role=roles[-1], reason=ROLE, roles=roles)
        return next((r for r in (*readings, named) if r.reason), Reading(reason=NOT_A_HOLDER))

    def _anonymous(self, doc: Doc, entity: Entity, readings: list[Reading], depth: int) -> Reading:
        """An unnamed member: the organisation coref affiliates it with, or the one its mention
        names ("ein Vertreter des Mutterkonzerns von Airbus, EADS"); a mention that names an
        organisation itself is that organisation ("Der Deutsche Wetterdienst")."""
        person = next((r for r in readings if r.holder is not None and r.holder.type is SpeakerType.PERSON
                       and " " in r.holder.name and not r.anonymous), None)
        if person is not None:
            return person  # "Der Vorsitzende des Haushaltsausschusses des Parlaments Alain Lamassoure"
        # The organisation the mention itself names comes first: it is the text, while the
        # affiliated entity's name is coref's ("Auswärtige Amte" for "des Auswärtigen Amtes").
        org = next((r.holder for r in readings if r.anonymous and r.holder is not None), None)
        affiliated = doc.entities.get(entity.affiliation or "")
        coref_org = self.read_entity(doc, affiliated, depth + 1).holder if affiliated and depth < 2 else None
        if coref_org is not None and coref_org.type is SpeakerType.PERSON:
            coref_org = None
        if org is None:
            org = coref_org
        elif coref_org is not None and not org.qualifier and coref_org.qualifier and coref_org.name == org.name:
            org = replace(org, qualifier=coref_org.qualifier)  # "Ein Regierungssprecher in Berlin"
        role = entity.roles[0] if entity.roles else next((r.role for r in readings if r.role), "")
        if org is None:
            named = next((r for r in readings if r.holder is not None and not r.anonymous
                          and r.holder.type is not SpeakerType.PERSON), None)
            if named is not None:
                return named
            # A definite role noun is no unnamed member but one person the article means ("die
            # britische Königin", "Der Distrikt-Gouverneur"): a role, resolved to whom the article
            # names so, if it does (:func:`resolve_roles`).
            # Coref's doubt stands for other articles: no office memory (see Reading.local).
            definite_role = next((r for r in readings if r.reason == ROLE and r.roles), None)
            if definite_role is not None and all(r.reason in (ROLE, PRONOUN) for r in readings):
                return replace(definite_role, role=role or definite_role.role, local=True)
        return Reading(holder=org, anonymous=True, role=role, reason="" if org else ANONYMOUS)

    def _typed(self, entity: Entity, readings: list[Reading], texts: Sequence[str] = ()) -> Reading:
        """An organisation, medium or group that coref typed: its canonical name and qualifier,
        unless its name is a class noun that refers back ("Organisation", "Mutterkonzern") or its
        mentions name a person in full ("C.Y. Leung"), or it is only words of a mention this reader
        refused ("Der Pilot der deutschen Fluggesellschaft LTU", "Einen „Plan B“", "Gegenüber NDR
        Info": a member acting on his own, no holder, an addressee)."""
        kind = entity.type
        named = self.read(entity.name) if entity.name.strip() else Reading(reason=NOT_A_HOLDER)
        if named.holder is not None and named.holder.type is SpeakerType.GROUP and kind is not SpeakerType.GROUP:
            named = Reading(reason=GROUP)  # coref's cut name of one body: "Presse" of "der Deutschen Presse Agentur"
        refused = next((r for r, text in zip(readings, texts, strict=True)
                        if r.reason in (NOT_A_HOLDER, GROUP) and _names_in(text, entity.name)), None)
        if refused is not None and all(r.holder is None for r in readings):
            named = refused
        else:
            refused = None
        # The mentions first: they are the text, coref's name may be cut or inflected ("Times" of
        # "die Financial Times Deutschland", "Untersuchungsamts Aulendorf"). A mention that names
        # a person in full names the holder ("Günter Metzges vom Online-Netzwerk Campact").
        person = next((r for r in readings if r.holder is not None and r.holder.type is SpeakerType.PERSON
                       and " " in r.holder.name and not r.anonymous), None)
        member = next((r for r in readings if r.anonymous and r.holder is not None), None)
        for reading, text in (*zip(readings, texts, strict=True), (named, entity.name)):
            holder = reading.holder
            if reading is named and person is not None:
                return person
            if holder is not None and holder.type is SpeakerType.GROUP and member is not None:
                # members of an organisation the article names: "Die Richter des
                # Bundesverwaltungsgerichtes" … "die Richter", "Vertreter der jemenitischen Armee"
                return member
            if holder is not None and holder.type is not SpeakerType.PERSON and not reading.anonymous:
                if holder.type is SpeakerType.MEDIA:
                    kind = SpeakerType.MEDIA
                elif SpeakerType.GROUP in (holder.type, kind):
                    # the mention says whether it is a group ("Verschiedene Länderparlamente" that
                    # coref took for one organisation, "Ärzte ohne Grenzen" that it took for
                    # doctors), unless coref found the one body a plural stands for ("Die Beamten"
                    # of the Polizei)
                    if holder.type is SpeakerType.GROUP and reading is not named and not _names_in(text, entity.name):
                        continue
                    kind = holder.type
                elif kind is SpeakerType.MEDIA and reading is not named:
                    # coref takes quoted names for media; the mention says what the name is
                    # (Die „Kampagne für ein Freies Tibet“, „Ärzte ohne Grenzen“)
                    kind = holder.type
                if reading is not named and _specific(named.holder, holder):
                    holder = named.holder  # "Das Gericht" that coref named "Oberlandesgericht"
                return Reading(holder=Holder(kind, holder.name, entity.qualifier or holder.qualifier, holder.aliases))
        if person is not None:
            return person
        if refused is not None:
            return refused
        if member is not None and (named.holder is None or named.anonymous):
            return member  # "Ein Journalist der Deutschen Presse Agentur (dpa)" that coref named "Presse"
        if named.holder is None and named.reason in (ROLE, ANONYMOUS, GROUP, PRONOUN):
            return named
        words, _ = words_of(entity.name)
        modifiers: list[str] = []
        while words and (words[0].lower() in _ARTICLE_LIKE or _is_lower_adjective(words[0])):
            modifiers, words = [*modifiers, words[0]], words[1:]
        if kind is SpeakerType.GROUP and (not words or _is_plural_people(words[-1], "die") or _group_word(words[-1])):
            if not words:
                return Reading(reason=GROUP)
            group = self._group(words[-1], "die", [*modifiers, *words[:-1]])  # "Demonstranten"
            if group.holder is not None and entity.qualifier:
                return Reading(holder=replace(group.holder, qualifier=entity.qualifier))
            return group
        if not words or not any(is_capitalised(w) for w in words):
            return Reading(reason=NOT_A_HOLDER)
        return Reading(holder=Holder(kind, " ".join(w for w in words if w != ","), entity.qualifier))

    # --- the steps ------------------------------------------------------------------------------

    def _read(self, words: list[str], paren: list[str], depth: int) -> Reading:
        if depth > 3:
            return Reading(reason=NOT_A_HOLDER)
        segments = _segments(words)
        if len(segments) > 1:
            # "der Vorsitzende des Linux-Verbandes, Elmar Gesse"; "Bill Graham, Parteichef der Liberalen"
            first = self._read(segments[0], paren, depth)
            # a genitive after a role is whose role it is, the apposition names the holder: "des
            # Parteichefs Hanois, Pham Quang Nghi"
            genitive = first.holder is not None and first.holder.type is SpeakerType.PERSON and (
                " " not in first.holder.name and segments[0][-1] == first.holder.name + "s" and first.holder.roles)
            if first.holder is not None and not first.anonymous and not genitive:
                return first
            for segment in segments[1:]:
                later = self._read(segment, [], depth)
                if later.holder is not None and not later.anonymous:
                    own = first.holder.roles if genitive and first.holder is not None else ()
                    roles = tuple(dict.fromkeys([*first.roles, *own, *later.holder.roles]))
                    h = later.holder
                    return Reading(holder=Holder(h.type, h.name, h.qualifier, h.aliases, roles))
            return first
        if len(words) == 3 and words[0].lower() == "von" and words[1].lower() in ("der", "den", "dem"):
            holder = self._named(words, (), [])  # "Von der Leyen": the particle belongs to the name
            if holder is not None:
                return Reading(holder=holder)
        while words and words[0].lower() in LEADING_NOISE | ADDRESSEE_WORDS:
            if words[0].lower() in ADDRESSEE_WORDS:
                return Reading(reason=NOT_A_HOLDER)  # "Gegenüber NDR Info": an addressee
            words = words[1:]
        if not words:
            return Reading(reason=NOT_A_HOLDER)
        if len(words) == 1 and words[0] in self.ev.abbreviated:
            return Reading(holder=Holder(SpeakerType.ORGANIZATION, self.ev.abbreviated[words[0]]))  # "ai"
        if len(words) == 1 and _DOMAIN.match(words[0]):
            return Reading(holder=Holder(SpeakerType.MEDIA, KNOWN_MEDIA.get(words[0].lower(), words[0])))  # "ndr.de"
        words = [w[:-1] if _is_acronym(w[:-1]) and w.endswith("s") and len(w) > 3 else w for w in words]  # "ZDFs"
        low = [w.lower() for w in words]
        known = next((KNOWN_MEDIA[k] for k in (" ".join(low), " ".join(low[1:]), " ".join(low[1:])[:-1])
                      if k in KNOWN_MEDIA), "")  # "des österreichischen Standards" is not read here
        if known:
            return Reading(holder=Holder(SpeakerType.MEDIA, known))  # "taz", "Der Spiegel", "dem Tagesspiegel"
        rest = " ".join(low[1:]) if low[0] in _ARTICLE_LIKE else " ".join(low)
        seat = next((known[k] for known in (GOVERNMENT_SEATS, KNOWN_ORGANISATIONS) for k in (rest, rest[:-1], rest[:-2])
                     if k in known), "")
        if seat:
            return Reading(holder=Holder(SpeakerType.ORGANIZATION, seat))  # "des Pentagons", "die Hamas"
        if all(w in _PRONOUNS or w in _ARTICLE_LIKE or w in ANAPHORIC_DETERMINERS for w in low):
            return Reading(reason=GROUP if low[0] in GROUP_PRONOUNS else PRONOUN)
        determiner = low[0] if low[0] in _ARTICLE_LIKE or low[0] in ANAPHORIC_DETERMINERS else ""
        k = 1 if determiner else 0
        if determiner and low[0] in DETERMINERS:
            # a participle's own phrase is no part of the name: "einer [am Dienstag] veröffentlichten
            # Pressemitteilung des WFP", "die [in New York City] geborene Lopez"
            skip = attribute_end(words, 1, len(words), is_capitalised)
            if skip > 1:
                words, low = [words[0], *words[skip:]], [low[0], *low[skip:]]
        while k < len(words) and _is_lower_adjective(words[k]):
            k += 1
        if k >= len(words):
            return Reading(reason=NOT_A_HOLDER)
        known = KNOWN_MEDIA.get(" ".join(low[k:])) if k > 1 else None
        if not known and k > 1 and low[0] == "des" and low[-1].endswith("s") and _nationality(low[1:k]):
            bare = " ".join(low[k:])[:-1]  # "des österreichischen Standards": Der Standard
            known = next((KNOWN_MEDIA[n] for n in (bare, f"der {bare}", f"die {bare}", f"das {bare}")
                          if n in KNOWN_MEDIA), None)
        if known:
            return Reading(holder=Holder(SpeakerType.MEDIA, known))  # "der englische Independent"
        if _is_frame(words[k]):
            if not determiner and len(words) == 1:
                person = self._surname_known(words)
                if person is not None:
                    return Reading(holder=person)  # "schreibt Papier": Hans-Jürgen Papier, a surname
            return self._frame(words, k, low[:k], paren, depth)
        if any(w in QUANTIFIERS for w in low[: k + 1]):
            return self._quantified(words, k)  # "Verschiedene Länderparlamente", "verschiedener US-Medien"
        if determiner in INDEFINITE:
            return self._indefinite(words, k, depth)
        return self._phrase(words, k, determiner, low[:k], paren, depth)

    def _frame(self, words: list[str], k: int, premodifiers: list[str], paren: list[str], depth: int) -> Reading:
        """ "Angaben der Polizei", "Zitat von Schröder", "Meinung Russlands", "Polizeiangaben"."""
        rest = words[k + 1 :]
        if rest and rest[0].lower() == "der":
            # a genitive "der" is plural or feminine, never the masculine "der Forscher" (one man):
            # "Angaben der Forscher" are the researchers'
            return self._read(["die", *rest[1:]], paren, depth + 1)
        if rest and rest[0].lower() in ("des", "eines", "einer", "dem"):
            return self._read(rest, paren, depth + 1)
        if rest and rest[0].lower() in ("von", "vom"):
            reading = self._read(rest[1:], paren, depth + 1)
            led = reading.holder is None and not reading.anonymous
            if led and words[k].lower().endswith(_LEADING) and len(rest) > 1 and all(map(is_capitalised, rest[1:])):
                # "Die Vereinsleitung von Borussia Dortmund": a leadership leads an organisation,
                # a name the reader does not know otherwise
                return Reading(holder=Holder(SpeakerType.ORGANIZATION, " ".join(rest[1:])))
            return reading
        if rest and is_capitalised(rest[0]) and rest[0].lower() not in _ARTICLE_LIKE:
            return self._read(rest, paren, depth + 1)  # a genitive name: "Angaben Ibrahims"
        prefix = (_hyphen_frame(words[k]) or _compound_prefix(words[k], FRAME_COMPOUND_ENDS)
                  or _compound_prefix(words[k], _OPINION_ENDS))
        if prefix.lower() == "presse":
            return Reading(reason=NOT_A_HOLDER)  # "Pressemitteilung", "Presseerklärung": whose, it does not say
        if prefix:
            reading = self._read([prefix], [], depth + 1)
            if reading.holder is not None and reading.holder.type is SpeakerType.PERSON:
                return Reading(reason=NOT_A_HOLDER)  # "Pressemitteilung": no "Presse" person
            return reading
        national = _nationality(premodifiers)
        if not rest and words[k].lower() in _LEADERSHIPS and national:
            # "die nordkoreanische Führung": a country's leadership, as its government
            return Reading(holder=Holder(SpeakerType.ORGANIZATION, words[k], national))
        if any(p in ANAPHORIC_DETERMINERS for p in premodifiers):
            return Reading(reason=PRONOUN)  # "nach eigenen Angaben", "seiner Ansicht nach"
        return Reading(reason=NOT_A_HOLDER)

    def _quantified(self, words: list[str], k: int) -> Reading:
        """What a plural quantifier counts ("Verschiedene Länderparlamente", "Einige der
        einflussreichsten britischen Moslems", "vieler Experten und Fans"): a group of people or of
        institutions, read as :meth:`_group`; nobody after "keine", "jegliche", and for what is no
        group ("Andere Formen des Protestes", "Anderen Aussagen")."""
        low = [w.lower() for w in words]
        if any(w in _NEGATIVE_QUANTIFIERS for w in low[: k + 1]):
            return Reading(reason=GROUP)
        i = 0
        while i < len(words) and (low[i] in QUANTIFIERS or low[i] in _ARTICLE_LIKE or _is_lower_adjective(words[i])
                                  or (i < k and _ADJECTIVE.search(low[i]))):
            i += 1
        if i >= len(words):
            return Reading(reason=GROUP)
        head = words[i]
        low_head = head.lower()
        bodies = any(_is_org_head(low_head[: len(low_head) - cut]) for cut in (0, 1, 2))  # "Länderparlamente"
        if _group_word(head) or is_role(head) or bodies:
            return self._group(head, "die", words[:i], words[i + 1 :], counted=True)
        return Reading(reason=GROUP)

    def _group(self, head: str, determiner: str, modifiers: Sequence[str], tail: Sequence[str] = (), *,
               counted: bool = False) -> Reading:
        """A group of people or of institutions that a plural noun names: a GROUP holder under the
        noun in the nominative plural, without article or adjectives; a place or nationality is its
        qualifier as for an organisation ("die Behörden in Kassel" → Behörden, Kassel; "die
        afghanischen Behörden" → Behörden, afghanisch). No holder for anonymous sources
        ("Quellen") nor for a role noun that may as well be one person ("Bundeskanzler", "den
        Minister") unless a quantifier counts it (``counted``: "mehrere Minister")."""
        name = _nominative_plural(head)
        low = head.lower()
        # a strong adjective in -e before a bare noun is plural: "Politische Berater" (one is
        # "Politischer Berater")
        strong_plural = not determiner and bool(modifiers) and all(
            m.lower().endswith("e") and _ADJECTIVE.search(m.lower()) for m in modifiers)
        plural = counted or _group_word(head) or low.endswith(("innen", "en", "ern")) or (
            determiner == "die" and low.endswith("er")) or strong_plural
        if _group_of_nobody(name) or not plural:
            return Reading(reason=GROUP)
        national = _nationality([w.lower() for w in modifiers])
        place = self._place_of(list(tail))  # a known place only: not "Politiker in Zukunft"
        return Reading(holder=Holder(SpeakerType.GROUP, name, (place if _known_place(place) else "") or national))

    def _indefinite(self, words: list[str], k: int, depth: int) -> Reading:
        """ "ein Sprecher des Innenministeriums", "ein Polizeisprecher", "ein Augenzeuge"."""
        head = words[k]
        low = head.lower()
        if _is_member(head) or is_role(head) or low in GROUP_NOUNS or low.endswith(("zeuge", "zeugin")):
            return self._member(words, k, depth)
        if _is_org_head(low):
            return Reading(anonymous=True, reason=ANONYMOUS)  # "eine Hilfsorganisation"
        return Reading(reason=NOT_A_HOLDER)  # "Ein neuer Vorschlag", "Ein DNA-Test"

    def _member(self, words: list[str], k: int, depth: int) -> Reading:
        """An unnamed member (``words[k]``), attributed to the organisation it speaks for if named."""
        affiliation = self._affiliation(words, k, depth)
        role = _nominative_role(words[k])
        if affiliation is not None:
            return Reading(holder=affiliation, anonymous=True, role=role)
        return Reading(anonymous=True, role=role, reason=ANONYMOUS)

    def _affiliation(self, words: list[str], k: int, depth: int) -> Holder | None:
        """The organisation a member noun at ``k`` speaks for, when the mention names it."""
        rest = words[k + 1 :]
        reading: Reading | None = None
        if rest and rest[0].lower() in ("der", "des", "eines", "einer"):
            reading = self._read(rest, [], depth + 1)
        elif rest and rest[0].lower() in ("von", "vom"):
            reading = self._read(rest[1:], [], depth + 1)
        else:
            prefix = _compound_prefix(words[k], MEMBER_NOUNS)
            if prefix:
                reading = self._read([prefix], [], depth + 1)
        if reading is None or reading.holder is None or reading.anonymous:
            return None
        holder = reading.holder
        return holder if holder.type in (SpeakerType.ORGANIZATION, SpeakerType.MEDIA) else None

    def _phrase(
        self, words: list[str], k: int, determiner: str, premodifiers: list[str], paren: list[str], depth: int
    ) -> Reading:
        """A definite or bare noun phrase: an organisation, a medium, a role, a group or a name."""
        spelled = _spelled_out(words[k:], paren)
        if spelled is not None:
            return Reading(holder=spelled)
        body: list[str] = []
        tail: list[str] = []  # a complement: "der Bundesrepublik Deutschland", "in Kassel"
        for i, w in enumerate(words[k:]):
            low = w.lower()
            # Particles belong to names ("Ursula von der Leyen"); "der"/"des" otherwise open a
            # genitive ("Das Auswärtige Amt der Bundesrepublik").
            particle = low in NAME_PARTICLES and (
                low not in _DEFINITE or bool(body and body[-1].lower() in ("von", "van"))
            )
            if not is_capitalised(w) and not particle and not w[:1].isdigit():
                tail = words[k + i :]
                break
            body.append(w)
        if len(body) == 2 and body[0].endswith("s") and _is_org_head(body[1].lower()) and (
            body[0][:-1] in PLACES or body[0][:-1] in self.ev.place
        ):
            # "Kenias Regierung": a country's genitive before an institution is its qualifier
            return Reading(holder=Holder(SpeakerType.ORGANIZATION, body[1], body[0][:-1]))
        if is_regional_paper(body) and self._place_adjective(body[0]):
            return Reading(holder=Holder(SpeakerType.MEDIA, " ".join(body)))  # "der Salzburger Nachrichten"
        if len(body) == 2 and _is_member_noun(body[0]) and body[1].endswith("s") and not any(map(is_role, body)):
            # "dem Korrespondenten al-Jazeeras": an unnamed member of a medium or organisation in the genitive
            of = self._read([body[1][:-1]], [], depth + 1)
            if of.holder is not None and not of.anonymous and of.holder.type in (
                SpeakerType.ORGANIZATION, SpeakerType.MEDIA
            ):
                return Reading(holder=of.holder, anonymous=True, role=_nominative_role(body[0]))
        if len(body) == 2 and body[0].lower() in _MUNICIPALITIES and determiner in ("", *_DEFINITE):
            place = self.ev.bare_genitive(body[1]) or body[1]
            if self.ev.is_place(place) or (is_name_word(place) and not self.ev.is_common(place)
                                           and not self._person_like(place)):
                # "Die Stadt Nürnberg": the municipality, an institution, its place the qualifier
                return Reading(holder=Holder(SpeakerType.ORGANIZATION, _nominative_head(body[0]), place))
        org = self._organisation(body, tail, determiner, premodifiers, paren, depth)
        if org is not None:
            return org
        # Titles count before a name only: "Oberst Franz Polzer", but "Dieter Graf".
        roles = [i for i, w in enumerate(body)
                 if is_role(w) or w.lower() in TITLES or (w.lower() in PERSON_TITLES and i < len(body) - 1)]
        role_words = tuple(body[i] for i in roles)
        last = body[-1] if body else ""
        if last and (_is_member(last) or (roles and roles[-1] == len(body) - 1)):
            singular_member = not determiner and len(body) == 1 and self._affiliation(body, 0, depth) is not None
            if _is_plural_people(last, determiner) and not tail and not singular_member:
                # "Die Mitarbeiter", "die Kritiker", "Konservative Politiker"; not "laut Polizeisprecher"
                return self._group(last, determiner, [*premodifiers, *body[:-1]])
            named = self._name_after_organisation(tail)
            if named:
                # "dem Direktor der peruanischen Zivilluftfahrtbehörde Roberto Rodriguez"
                roles_seen = tuple(dict.fromkeys((*role_words, last)))
                return Reading(holder=Holder(SpeakerType.PERSON, named, roles=roles_seen))
            if tail:
                # "der Sprecher des Ministeriums", "des Leiters der Sektion von Ärzte ohne Grenzen":
                # an unnamed member, attributed to the organisation the mention names.
                reading = self._member([*body, *_skip_to_organisation(tail)], len(body) - 1, depth)
                if reading.holder is not None:
                    return reading
            if singular_member:
                return self._member(body, 0, depth)  # "laut Polizeisprecher"
            if _is_plural_people(last, determiner) and tail[0].lower() not in ("des", "der", "von", "vom"):
                group = self._group(last, determiner, [*premodifiers, *body[:-1]], tail)
                if group.holder is not None:
                    return group  # "Die Bewohner des Dorfes", "Experten in Kassel"
            return Reading(role=last, reason=ROLE, roles=role_words)
        bodies = next((i for i, w in enumerate(body[:-1]) if is_plural_body(w)), -1)
        if bodies >= 0 and all(w.endswith(_ADJECTIVE_ENDINGS) for w in body[:bodies]):
            # a plural introduces no one name: "fordern die Organisationen Bürger dazu auf"
            return self._group(body[bodies], determiner, [*premodifiers, *body[:bodies]])
        if _is_plural_people(last, determiner) and all(w.endswith(_ADJECTIVE_ENDINGS) for w in body[:-1]):
            if len(tail) >= 2 and tail[0] in ("ohne", "für") and is_capitalised(tail[1]) and not body[:-1]:
                # a name: "Ärzte ohne Grenzen", "Reporter ohne Grenzen"
                return Reading(holder=Holder(SpeakerType.ORGANIZATION, " ".join([*body, *tail[:2]])))
            # "Augenzeugen", "Internationale Wahlbeobachter", "Die Veranstalter der Demonstration"
            return self._group(last, determiner, [*premodifiers, *body[:-1]], tail)
        adjectives = any(not (p in _ARTICLE_LIKE or p in ANAPHORIC_DETERMINERS) for p in premodifiers)
        if adjectives and not roles and len(body) > 1:
            # "der ugandische Schriftsteller Musa": a noun, then the name; "Der 85-jährige Joseph
            # Ratzinger": a full name.
            holder = (self._named(body, (), paren) if is_first_name(body[0])
                      else self._named(body[1:], (body[0],), paren))
            if holder is not None and holder.type is SpeakerType.PERSON:
                return Reading(holder=holder)
        if determiner and not roles and len(body) >= 3 and self._first_name_like(body[1]) and not (
            _is_acronym(body[0])
            or (is_capitalised(body[0]) and body[0] in self.ev.free and not self.ev.is_common(body[0]))
        ):
            # "der Friedensnobelpreisträger Adolfo Pérez Esquivel", "des Priesters Samaan Ibrahim":
            # a noun, then a full name.
            holder = self._named(body[1:], (), paren)
            if holder is not None and holder.type is SpeakerType.PERSON and " " in holder.name:
                return Reading(holder=holder)
        if not roles and len(body) == 1 and determiner in ("die", "den") and not self._person_like(body[0]):
            people = _people_plural(body[0], determiner)
            if people:
                # "Die Kanadier", "Die Männer", "die Hacker", "Die Initiatoren der Aktionswoche"
                place = self._place_of(tail)
                qualifier = (place if _known_place(place) else "") or _nationality([w.lower() for w in premodifiers])
                return Reading(holder=Holder(SpeakerType.GROUP, people, qualifier))
        if (determiner or adjectives) and not roles:
            # No personal name takes an article or an adjective of its own: "Der Prozess", "die
            # Kanadier", "spanischen Händlern"; organisations may: "die FIFA".
            holder = self._named_after_article(body, paren) or self._adjective_name(body, determiner)
            if holder is None and determiner in _DEFINITE and not tail:
                # …unless it is a surname the article gives in full ("Oberbürgermeister Ingolf
                # Roßberg" … "die Roßberg"): the colloquial article, or a relative "die" before it,
                # or an article with an adjective of the person ("Hans Küng" … "Der 84-jährige Küng").
                holder = self._surname_known(body)
            return Reading(holder=holder) if holder else Reading(reason=NOT_A_HOLDER)
        name_words = body[roles[-1] + 1 :] if roles else body
        if roles and name_words and name_words[0].lower() in ("von", "vom"):
            # "Der Gentechnik-Experte von Greenpeace": an affiliation, no name
            return self._member([body[roles[-1]], *name_words, *tail], 0, depth)
        holder = self._named(name_words, role_words, paren)
        if holder is None:
            if role_words:
                return Reading(role=role_words[-1], reason=ROLE, roles=role_words)
            return Reading(reason=NOT_A_HOLDER)
        return Reading(holder=holder)

    def _organisation(
        self, body: list[str], tail: list[str], determiner: str, premodifiers: list[str], paren: list[str],
        depth: int,
    ) -> Reading | None:
        """An organisation or medium named by its head noun ("Das Auswärtige Amt", "die Polizei in
        Kassel", "der Presseagentur Xinhua"), or None when the phrase has no such head."""
        heads = [i for i, w in enumerate(body)
                 if _is_org_head(_nominative_head(w).lower()) or DESCRIPTOR_HEAD.search(w.lower())]
        if not heads:
            return None
        h = heads[0]
        head = _nominative_head(body[h])
        low = head.lower()
        before = body[:h]
        after: list[str] = []
        for w in body[h + 1 :]:
            if not is_capitalised(w):
                break  # "Instituts von Athen", "„Hürriyet“ von der Gruppe"
            after.append(w)
        if not after and len(body) == h + 1 and tail and _DOTTED_NAME.match(tail[0]):
            after, tail = [tail[0]], tail[1:]  # a name written in lower case: "Die Gewerkschaft ver.di"
        if after and len(after) == len(body) - h - 1:
            # a name with a preposition in it: "Hilfsorganisation Ärzte ohne Grenzen", "Brot für die Welt"
            while len(tail) >= 2 and tail[0] in ("ohne", "für", "und") and is_capitalised(tail[1]):
                after, tail = [*after, tail[0], tail[1]], tail[2:]
        if any(_is_person_role(w) or not is_capitalised(w) for w in before):
            return None  # "Sprecher Polizei…", "Robert Halver von der Baader Bank": a person phrase
        kind = SpeakerType.MEDIA if MEDIA_HEAD.search(low) else SpeakerType.ORGANIZATION
        acronyms = tuple(w for w in paren if _is_acronym(w))
        named = next((KNOWN_MEDIA[w.lower()] for w in paren if w.lower() in KNOWN_MEDIA), "")
        if named:
            return Reading(holder=Holder(SpeakerType.MEDIA, named))  # "der Deutschen Presse Agentur (dpa)"
        if after and not before and _is_descriptor(head, before_name=True):
            # "Nachrichtenagentur Reuters", "Umweltschutzorganisation WWF": the name follows, unless
            # an abbreviation says the head belongs to it ("Verband Deutscher Realschullehrer (VDR)").
            if any(_initials_match(a, [head, *after]) for a in acronyms):
                return Reading(holder=Holder(kind, " ".join([head, *after]), aliases=acronyms))
            name = " ".join(after)
            known = KNOWN_MEDIA.get(name.lower())
            if not known and len(after) == 1 and self._not_name_word(after[0]) and not (
                _is_acronym(after[0]) or _DOTTED_NAME.match(after[0])
            ):
                return Reading(reason=ANONYMOUS)  # a cut-off name: "der Hilfsorganisation Ärzte"
            return Reading(holder=Holder(SpeakerType.MEDIA if known else kind, known or name, aliases=acronyms))
        if after and head != body[h] and not before and not (
            LOCAL_HEAD.search(low) and all(self.ev.is_place(w) for w in after)  # "des Flughafens Bremen"
        ):
            return None  # a genitive before a name: "Gerichtshofes Damazo Ruiz-Jarabo Colomer"
        name_tail = self._fuer(tail)  # "Bundesagentur für Arbeit"
        if not after and low in _VON_HEADS and body[h + 1 : h + 2] == ["von"] and len(body) == h + 3:
            name_tail = body[h + 1 :]  # "Technische Universität von Nanyang"
        known = KNOWN_MEDIA.get(" ".join([*(w[:-1] if w.endswith("er") else w for w in before), head]).lower())
        if known and not after:
            return Reading(holder=Holder(SpeakerType.MEDIA, known, aliases=acronyms))  # "Süddeutscher Zeitung"
        if not after and (low in GROUP_NOUNS or is_plural_body(low)) and all(
            w.endswith(_ADJECTIVE_ENDINGS) for w in before
        ):
            # "der Sicherheitsbehörden", "die Behörden in Kassel", "Afghanischen Behörden"
            return self._group(head, determiner, [*premodifiers, *before], tail)
        place_adjectives = all(self._place_adjective(w) for w in before)  # "des Ludwigshafener Konzerns"
        if not after and not name_tail and place_adjectives and (
            _is_descriptor(head, before_name=False) or GENERIC_HEAD.match(low)
        ):
            # "Die Hilfsorganisation", "das Ministerium": refers back to a named one, or names a
            # medium in its complement ("die Online-Ausgabe des Spiegel").
            if tail and tail[0].lower() in ("des", "der"):
                reading = self._read(tail, [], depth + 1)
                if reading.holder is not None and reading.holder.type is not SpeakerType.PERSON:
                    return reading
            if low in GROUP_NOUNS:
                return self._group(head, determiner, premodifiers, tail)  # "die Behörden"
            if determiner in _DEFINITE:
                named = self._introduced(low, depth)
                if named is not None:
                    return Reading(holder=named)  # "Die Ratingagentur" after "die Ratingagentur Moody's"
            national = _nationality(premodifiers)
            if national and low in _NATIONAL_MEDIA and not before:
                return Reading(holder=Holder(SpeakerType.MEDIA, head, national))  # "das sudanesische Fernsehen"
            return Reading(reason=ROLE if determiner in _DEFINITE else ANONYMOUS)
        g = gender(head)
        qualifier = ""
        if len(before) == 1 and before[0].endswith("er") and LOCAL_HEAD.search(low):
            # "Berliner Polizei", "der Kasseler Staatsanwaltschaft": a place adjective
            stem = before[0][:-2]
            qualifier = stem if stem in self.ev.capitalised or stem in PLACES else before[0]
            before = []
        # A federal institution is no local one: "des Bundesverwaltungsgerichts in Leipzig"
        local = bool(LOCAL_HEAD.search(low)) and not before and not name_tail and not low.startswith("bundes")
        name_words = [_nominative_adjective(w, g) for w in before] + [head, *name_tail]
        if local and after and any(self._person_like(w) for w in after):
            after = []  # "(warf) die Staatsanwaltschaft Ertel (vor)": a person after it, not its place
        if local and after:
            # "Polizeidirektion Hannover", "Staatsanwaltschaft Oslo", "Regierung Guatemalas"
            qualifier = " ".join(self.ev.bare_genitive(w) or w for w in after)
        elif after:
            name_words += after  # "Friedrich-Schiller-Universität Jena"
        if local and not qualifier:
            qualifier = self._place_of(tail) or _nationality(premodifiers)
        name = " ".join(name_words).replace(" , ", ", ")
        known = KNOWN_MEDIA.get(name.lower()) or KNOWN_MEDIA.get(
            " ".join([*(w[:-1] if w.endswith("er") else w for w in before), head]).lower()
        )  # "Süddeutscher Zeitung" (dative)
        if known:
            return Reading(holder=Holder(SpeakerType.MEDIA, known, aliases=acronyms))
        return Reading(holder=Holder(kind, name, qualifier, acronyms))

    def _place_adjective(self, word: str) -> bool:
        """A capitalised adjective in -er before an organisation's head that makes no name: of a
        place ("Ludwigshafener", "Berliner", "Münchner", "Bremer") the article or the lists know or
        shaped like a place name, or an inflected one; not a name in -er ("die Hoover Institution")."""
        if not word.endswith("er") or len(word) < 5:
            return False
        if _ADJECTIVE.search(word.lower()):
            return True  # an adjective as coref capitalises it in a name: "Französischer Stromnetzbetreiber"
        stem = word[:-2]
        for place in (stem, stem + "en", word[:-3] + "en", stem + "e"):
            if place in PLACES or place in self.ev.capitalised or place in self.ev.place:
                return True
        return bool(_PLACE_NAME_END.search(stem.lower()))

    def _name_after_organisation(self, tail: list[str]) -> str:
        """A personal name that ends a role's complement right after an organisation or a field: "(Direktor)
        der peruanischen Zivilluftfahrtbehörde Roberto Rodriguez" → "Roberto Rodriguez", "(EU-Kommissar)
        für Energie Günther Oettinger" → "Günther Oettinger"."""
        run: list[str] = []
        for w in reversed(tail):
            if not is_capitalised(w) or _is_org_head(_nominative_head(w).lower()):
                break
            run.insert(0, w)
        before = tail[len(tail) - len(run) - 1] if len(tail) > len(run) else ""
        if tail[:1] == ["für"] and len(run) >= 3:
            # an office's field, then the name: "(EU-Kommissar) für Energie Günther Oettinger"
            name = next((run[i:] for i in range(1, len(run) - 1) if self._first_name_like(run[i])), [])
            return self.person_name(name) if name else ""
        if len(run) < 2 or not _is_org_head(_nominative_head(before).lower()) or not self._first_name_like(run[0]):
            return ""
        return self.person_name(run)

    def _introduced(self, head: str, depth: int) -> Holder | None:
        """The one organisation or medium the article introduced with this descriptor or a
        compound of it ("die Ratingagentur Moody's", "Süddeutscher Zeitung", "der Softwarehersteller
        Microsoft"), for a later bare "die Ratingagentur", "der Hersteller". A name that is none on
        its own is read with its own head: "die Universität Bayreuth" … "Die Universität"."""
        names = {(key, n) for key, found in self.ev.introduced.items()
                 if key == head or (key.endswith(head) and len(key) > len(head)) for n in found}
        if not names or len(names) > 3 or depth > 1:
            return None
        holders = set()
        for key, name in names:
            holder = self._read(name.split(), [], depth + 1).holder
            if (holder is None or holder.type is SpeakerType.PERSON) and key == head:
                holder = self._read([key[:1].upper() + key[1:], *name.split()], [], depth + 1).holder
            if holder is not None:
                holders.add(holder)
        if len(holders) != 1:
            return None
        holder = holders.pop()
        return holder if holder.type is not SpeakerType.PERSON else None

    def _nominative_quoted(self, name: str) -> str:
        """A quoted name whose first word is an adjective inflected after the article before a
        masculine or neuter noun, in the nominative: "Oberste Rat zur …" → "Oberster Rat zur …"."""
        words = name.split()
        if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].isupper():
            return name
        first, noun = words[0], words[1]
        g = gender(noun)
        if g not in "mn" or not first.endswith(("e", "en")) or (
            _is_org_head(first.lower()) or _is_frame(first) or is_role(first) or len(first) < 5
        ):
            return name
        low = first.lower()
        if not (low in self.ev.lower or low[:-1] in self.ev.lower or _ADJECTIVE.search(low)
                or first.endswith(("ste", "sten", "ere", "eren"))):
            return name  # not evidently an adjective
        return " ".join([_nominative_adjective(first, g), *words[1:]])

    @staticmethod
    def _fuer(tail: list[str]) -> list[str]:
        """The "für …" part of an organisation's name: "Bundesamt für Migration und Flüchtlinge",
        "Gesellschaft für bedrohte Völker" (an adjective before its first noun)."""
        k = 1
        while k < len(tail) - 1 and tail[k][:1].islower() and tail[k].endswith(_ADJECTIVE_ENDINGS):
            k += 1
        if len(tail) < 2 or tail[0] != "für" or not is_capitalised(tail[k]):
            return []
        out = tail[:k]
        for i, w in enumerate(tail[k:], k):
            if is_capitalised(w) or (w in ("und", ",") and i + 1 < len(tail) and is_capitalised(tail[i + 1])):
                out.append(w)
            else:
                break
        while out[-1] == ",":
            out.pop()
        return out

    def _place_of(self, tail: list[str]) -> str:
        """The place a complement gives: "in Kassel", "der Stadt Bremen", "des Landes Hessen"."""
        if not tail or tail[0].lower() not in ("in", "im", "aus", "der", "des"):
            return ""
        rest = [w for w in tail[1:] if is_capitalised(w)]
        rest = [w for w in rest if w.lower() not in PLACE_NOUNS] or rest
        if not rest:
            return ""
        place = rest[0]
        if tail[0].lower() in ("in", "im", "aus") or self.ev.is_place(place):
            return self.ev.bare_genitive(place) or place
        return ""

    def _named_after_article(self, body: list[str], paren: list[str]) -> Holder | None:
        """A name that takes an article: an abbreviation ("die FIFA", "der VfGH"), a name with
        one in parentheses, or a name the article describes as an organisation or medium.
        Persons never do."""
        if not body:
            return None
        if _newspaper(body) or " ".join(body).lower() in ARTICLE_PERSON_NAMES:
            # "die Bangkok Post"; "der Dalai Lama", a title that names one person
            kind = SpeakerType.MEDIA if _newspaper(body) else SpeakerType.PERSON
            return Holder(kind, " ".join(body))
        if _is_acronym(body[0]) or _is_acronym(body[0].rpartition("-")[2]):
            return Holder(SpeakerType.ORGANIZATION, " ".join(body))  # "die FIFA", "des TÜV Nord", "der Landes-SPD"
        if len(body) == 2 and _is_acronym(body[1]) and body[0].endswith("er") and (
            body[0][:-2] in PLACES or body[0][:-2] in self.ev.capitalised
        ):
            return Holder(SpeakerType.ORGANIZATION, body[1], body[0][:-2])  # "Die Berliner SPD": SPD (Berlin)
        if len(body) == 1 and " " in body[0]:
            # a quoted name: "die „Aktion Deutschland hilft“"; an adjective the article inflected
            # is named in the nominative: "der neue „Oberste Rat …“" → "Oberster Rat …"
            return Holder(SpeakerType.ORGANIZATION, self._nominative_quoted(body[0]))
        acronyms = tuple(w for w in paren if _is_acronym(w))
        if acronyms and all(is_capitalised(w) for w in body):
            return Holder(SpeakerType.ORGANIZATION, " ".join(body), aliases=acronyms)  # "des USGS (…)"
        described = self.ev.described.get(body[0])
        return Holder(described, " ".join(body)) if described is not None else None

    def _adjective_name(self, body: list[str], determiner: str) -> Holder | None:
        """A name whose first word is an adjective written with a capital, which German does in
        names only: "Das Weiße Haus" → Weißes Haus, "Der Evangelische Kirchenkreis Magdeburg",
        "Die Iranischen Revolutionsgarden" → Iranische Revolutionsgarden: an organisation. Its
        adjective in the strong nominative, the gender from the article where it tells ("der" before
        "-e" is masculine, "das" neuter, "die" feminine or plural)."""
        if len(body) < 2 or determiner not in _DEFINITE or " " in body[0] or "-" in body[0]:
            return None
        first, head = body[0], body[1]
        low = first.lower()
        if not (_ADJECTIVE.search(low) or _SHARP_ADJECTIVE.search(low)) or is_first_name(first) or (
            _is_person_role(head) or _is_frame(head) or _is_acronym(head) or not head[:1].isupper()
            or self._person_like(head)
        ):
            return None
        if determiner == "des" and len(body) == 2 and head.endswith("s") and len(head) > 4:
            head = head[:-2] if head.endswith("ses") or head.endswith("kes") else head[:-1]  # "des Weißen Hauses"
            g = gender(head) if gender(head) in "mn" else "n"
        else:
            g = {"der": "m", "das": "n", "die": "f"}.get(determiner) if first.endswith("e") else None
        name = [_nominative_adjective(first, g or gender(head)), head, *body[2:]]
        return Holder(SpeakerType.ORGANIZATION, " ".join(name))

    def _named(self, words: list[str], roles: tuple[str, ...], paren: list[str]) -> Holder | None:
        """A proper name: an organisation by its form or by the article, a medium, else a person."""
        if not words:
            return None
        name = " ".join(words)
        known = KNOWN_MEDIA.get(name.lower())
        if known:
            return Holder(SpeakerType.MEDIA, known)
        if len(words) == 1 and " " in words[0]:
            # A quoted name („Ärzte ohne Grenzen“) is no person; a title with numbers is a work.
            return None if any(ch.isdigit() for ch in name) else Holder(SpeakerType.ORGANIZATION,
                                                                        self._nominative_quoted(name))
        if len(words) == 1 and _WEB_ADDRESS.search(name):
            return Holder(SpeakerType.MEDIA, name)  # "GGG.at", "golem.de"
        if not roles:
            described = self.ev.described.get(words[0])
            if described is not None:
                return Holder(described, name)
            acronyms = tuple(w for w in paren if _is_acronym(w))
            # A party after a personal name is its tag: "Klaus Wowereit (SPD)" is a person.
            tagged_person = len(words) > 1 and self._first_name_like(words[0]) and not any(
                _initials_match(a, words) for a in acronyms)
            if acronyms and not tagged_person:
                return Holder(SpeakerType.ORGANIZATION, name, aliases=acronyms)  # "Travail (UGIT)"
            company = words[-1].lower() in COMPANY_FORMS or any(
                (_is_acronym(w) and "." not in w) or _CAMEL_CASE.search(w) for w in words
            ) or _national_branch(words[-1])  # "Airbus EADS", "Siemens AG", "VroniPlag Wiki", "EBay-Deutschland"
            if company and not any(w.lower() in NAME_PARTICLES for w in words):
                return Holder(SpeakerType.ORGANIZATION, name)  # "Airbus EADS", "Siemens AG", "BBC"
            if _newspaper(words):
                return Holder(SpeakerType.MEDIA, name)  # "laut Bangkok Post"
            if len(words) > 1 and words[-1].lower() in ORGANISATION_NAME_ENDS and not any(
                w.lower() in NAME_PARTICLES for w in words
            ):
                return Holder(SpeakerType.ORGANIZATION, name)  # "Amnesty International", "Tesla Motors"
        person = self.person_name(words)
        if not person:
            return None
        if " " not in person:
            person = self._full_name(person)
        # The name as written stays an alias when the article completed it elsewhere ("Umjerow"
        # of "Rustem Umjerow"): the store lists it, and articles naming the surname alone find it.
        written = " ".join(w for w in person.split() if w in words)
        aliases = (written,) if written and written != person else ()
        return Holder(SpeakerType.PERSON, person, aliases=aliases, roles=roles)

    def _surname_known(self, body: list[str]) -> Holder | None:
        """The person whose surname is the one word ``body``, when the article names them with one
        first name and never uses the word as a common noun or a place."""
        if len(body) != 1 or self.ev.is_common_form(body[0]) or self.ev.is_place(body[0]):
            return None
        firsts = {f for f in self.ev.first_names.get(body[0], set()) if self._first_name_like(f)}
        if len(firsts) != 1:
            return None
        holder = self._named(body, (), [])
        if holder is None or holder.type is not SpeakerType.PERSON or " " not in holder.name:
            return None
        return holder

    def _full_name(self, name: str) -> str:
        """A one-word name with what the article gives it elsewhere: its one first name
        ("Schweinsteiger" → "Bastian Schweinsteiger") or, for a first name, its surname ("Paolo"
        → "Paolo Gentiloni"); else the word."""
        firsts = {f for f in self.ev.first_names.get(name, set()) if self._first_name_like(f)}
        if len(firsts) == 1:
            return f"{next(iter(firsts))} {name}"
        if firsts:
            return name
        surnames = {s for s in self.ev.next_word.get(name, set())
                    if self._first_name_like(s, long=True) and name in self.ev.first_names.get(s, ())}
        if not surnames and is_first_name(name):
            surnames = self.ev.particle_surnames.get(name, set())  # "Karl-Theodor" → "… zu Guttenberg"
        return f"{name} {next(iter(surnames))}" if len(surnames) == 1 else name

    def _person_like(self, word: str) -> bool:
        """The article names a person so: after a role or a first name ("Oberstaatsanwalt Ertel")."""
        return not self.ev.is_place(word) and any(
            is_role(w) or self._first_name_like(w) for w in self.ev.first_names.get(word, ())
        )

    def _first_name_like(self, word: str, *, long: bool = False) -> bool:
        """A word that can be a first name (``long``: or a surname, which may be long: "Boonyaratglin")."""
        return (
            1 < len(word) < 12 or "-" in word or (long and len(word) > 1)
        ) and not (
            self._not_name_word(word) or _is_person_role(word) or self.ev.is_place(word) or _is_acronym(word)
            or word.lower() in NOT_NAME_OPENERS or _ADVERB_SUFFIX.search(word.lower())
        )

    def person_name(self, words: list[str]) -> str:
        """The personal name in capitalised words, or "" when they are none (module docstring)."""
        ev = self.ev
        words = list(words)
        for i, w in enumerate(words):
            if i and w.lower() in NAME_PARTICLES:
                # "Joe Stork von HRW", "Robert Halver von der Baader Bank": an affiliation follows;
                # "Ursula von der Leyen": one surname does; "Wahlkampfteams von Aljaksandr
                # Milinkewitsch": the name follows a common noun.
                rest = [x for x in words[i:] if x.lower() not in NAME_PARTICLES]
                if (len(rest) != 1 or _is_acronym(rest[0]) or _is_acronym(rest[0].split("-")[0]) or " " in rest[0]
                        or self._not_name_word(rest[0], particle=True) or _known_medium(rest[0])
                        or rest[0] in ev.described):  # "Hoyzer von Spiegel-Online"
                    return self.person_name(words[:i]) or (self.person_name(rest) if len(rest) > 1 else "")
            elif i and ((_is_acronym(w) and "." not in w) or w.lower() in COMPANY_FORMS or " " in w):
                words = words[:i]  # "Edmon Chung CEO von DotAsia", "Moritz Wohlrab von „Aktion …“"
                break
        # A leading particle is the preposition when the name is used without it: "Von Obama".
        while len(words) > 1 and words[0].lower() in NAME_PARTICLES and words[1] in ev.free:
            words = words[1:]
        # Drop what stands before the name: genitive heads, places, common nouns, titles.
        after_place_noun = False
        while len(words) > 1:
            w = words[0]
            if w.lower() in NAME_PARTICLES:
                break
            bare = ev.bare_genitive(w)
            if w.lower() in PLACE_NOUNS or (bare and bare.lower() in PLACE_NOUNS):
                words, after_place_noun = words[1:], True
            elif after_place_noun and len(words) > 2:
                words, after_place_noun = words[1:], False  # the place of "des Landes Niedersachsen"
            elif (bare and len(words) > 2) or self._not_name_word(w) or _is_person_role(w) or (
                bare and (ev.is_common(bare) or ev.is_place(bare))
            ) or (len(w) >= 12 and "-" not in w) or w.lower() in NOT_NAME_OPENERS:  # "Justizbeamten", "Andere"
                words = words[1:]  # "Spectors Verteidiger …", "Thailands Thaksin", "Professor Brown"
            else:
                break
        if len(words) == 1:
            w = ev.bare_genitive(words[0]) or words[0]  # "Lahms" → "Lahm"
            full = self._full_name(w)
            if full.endswith(f" {w}") and not (self._not_name_word(w, strict=False) or _is_person_role(w)
                                                or ev.is_place(w)):
                return full  # the article gives it a first name: "Clement" → "Wolfgang Clement"
            if (self._not_name_word(w) or _ADVERB_SUFFIX.search(w.lower()) or w.lower() in NOT_NAME_OPENERS
                    or ev.is_common_form(w) or ev.is_place(w) or len(w) < 2 or _is_person_role(w)):
                return ""
            if ev.is_common_form(w, ever=True) and not ev.first_names.get(w):
                return ""  # "ein Video", "meine Videos": a noun, unless a first name says otherwise
            return w
        rest = [w for w in words[1:] if w.lower() not in NAME_PARTICLES]
        if (not words or any(self._not_name_word(w, strict=False) for w in rest) or len(words[-1].rstrip(".")) < 2
                or words[-1] in PLACES):
            return ""
        return " ".join(words)

    def _not_name_word(self, word: str, *, particle: bool = False, strict: bool = True) -> bool:
        """Evidently no part of a personal name: a function, role, organisation word, a common
        noun by its form, or a word the article uses as a common noun, a place or in lower case.
        ``strict`` (a name of one word, or its first) also rejects frame and group nouns, which
        are surnames too after a first name ("Hans-Jürgen Papier")."""
        if _ROMAN.match(word) or (len(word) == 2 and word.endswith(".")):
            return False
        low = word.lower()
        common = word in self.ev.common and (particle or word in self.ev.free)
        return (
            not is_capitalised(word)
            or word.endswith("-")  # the first part of "Nürnberg- und Fürth"
            # names.is_name_word knows common-noun endings; short words ending like one are
            # surnames too ("Jung", "Chung", "Leung"), and after a first name any are ("Wolfgang
            # Clement").
            or (strict and len(word) >= 7 and not is_name_word(word))
            or word in NOT_NAMES
            or low in DETERMINERS
            or (strict and (low in FRAME_NOUNS or low in GROUP_NOUNS))
            or _is_org_head(low)
            or common
            or (word in self.ev.place and word not in self.ev.common)
            or low in self.ev.lower
        )


def _national_branch(word: str) -> bool:
    """A company's branch in a country: "EBay-Deutschland", "Google-Österreich"."""
    head, _, country = word.rpartition("-")
    return bool(head) and country in _BRANCH_COUNTRIES


def _known_place(word: str) -> bool:
    return word in PLACES or (word.endswith("s") and word[:-1] in PLACES)


def _known_medium(word: str) -> str:
    """The canonical name of a medium written as one word ("Spiegel-Online"), or ""."""
    return KNOWN_MEDIA.get(word.lower(), "") or KNOWN_MEDIA.get(word.lower().replace("-", " "), "")


def _has_words(text: str, words: str) -> bool:
    """``words`` stand in ``text`` as whole words ("Plan B" in "Einen „Plan B“", not "Bahn" in
    "Bahnangaben")."""
    return bool(words.strip()) and re.search(rf"(?<!\w){re.escape(words.strip())}(?!\w)", text) is not None


def _names_in(text: str, name: str) -> bool:
    """Coref's name is words of the mention, or a compound of its last word ("Ampelkoalition" of
    "jegliche Koalition")."""
    last = text.split()[-1].strip(_PUNCT_STRIP).lower() if text.split() else ""
    return _has_words(text, name) or (len(last) > 3 and " " not in name.strip() and name.lower().endswith(last))


def _specific(named: Holder | None, read: Holder) -> bool:
    """Coref's name is a compound of the class noun the mention reads ("Oberlandesgericht",
    "UN-Sicherheitsrat" for "das Gericht", "der Sicherheitsrat"): the more specific name."""
    if named is None or named.type is SpeakerType.PERSON or " " in read.name or " " in named.name:
        return False
    return len(named.name) > len(read.name) and named.name.lower().endswith(read.name.lower())


#: Adjectives in -isch that name no place: "die politische Opposition", "militärische Kreise".
_NOT_PLACE_ADJECTIVES = frozenset("""politisch kritisch praktisch technisch medizinisch militärisch katholisch
    evangelisch demokratisch republikanisch islamisch diplomatisch strategisch ökonomisch historisch
    elektrisch chemisch physisch psychisch typisch""".split())


def _nationality(premodifiers: Sequence[str]) -> str:
    """The place a lower-case adjective of origin before an institution or group names, as its
    qualifier: "die afghanischen Behörden" → "afghanisch"; none in "die politische Opposition"."""
    for w in premodifiers:
        if _NATIONALITY.match(w):
            stem = _place_adjective(w)
            if stem not in _NOT_PLACE_ADJECTIVES and not stem.endswith(("istisch", "logisch")):
                return stem
    return ""


def _place_adjective(word: str) -> str:
    """ "russischen" → "russisch": the adjective's stem stands for the country."""
    for ending in _ADJECTIVE_ENDINGS:
        if word.endswith(ending) and word[: -len(ending)].endswith(("isch", "deutsch")):
            return word[: -len(ending)]
    return word


def share_qualifiers(readings: list[Reading]) -> list[Reading]:
    """Within one article, a local institution named once with its place and once without is one:
    "die Polizei in Kassel" … "Die Polizei" both become Polizei (Kassel)."""
    places: dict[tuple[SpeakerType, str], set[str]] = {}
    for r in readings:
        if r.holder is not None and r.holder.qualifier:
            places.setdefault((r.holder.type, r.holder.name), set()).add(r.holder.qualifier)
    out = []
    for r in readings:
        h = r.holder
        known = places.get((h.type, h.name), set()) if h is not None and not h.qualifier else set()
        out.append(replace(r, holder=replace(h, qualifier=next(iter(known)))) if len(known) == 1 else r)
    return out


#: Documents a definite mention refers back to ("der Bericht", "dieser Studie"): stems, lower case.
_DOCUMENTS = ("studie", "bericht", "urteil", "resolution", "analyse", "untersuchung", "papier", "brief", "entwurf",
              "beschluss", "presseerklärung", "pressemitteilung", "gutachten", "umfrage", "statistik")
_DEMONSTRATIVES = frozenset({"dies", "diese", "dieser", "dieses", "diesem", "diesen", "jene", "jener", "jenes",
                             "jenem", "jenen", "besagte", "besagten", "vorliegende", "vorliegenden", "genannte",
                             "genannten"})


def _document_stem(mention: str) -> str:
    """The document a definite or bare mention names ("der Bericht", "dieser Studie", "Urteil"), or
    "" (an indefinite one is a new document: "einer norwegischen Studie")."""
    words, _ = words_of(mention)
    while words and words[0].lower() in LEADING_NOISE:
        words = words[1:]
    if words and (words[0].lower() in _DEFINITE or words[0].lower() in _DEMONSTRATIVES):
        words = words[1:]
    if len(words) != 1:
        return ""
    low = words[0].lower()
    return next((stem for stem in _DOCUMENTS if low.startswith(stem) and len(low) - len(stem) <= 2), "")


def resolve_documents(doc: Doc, readings: list[Reading], reader: MentionReader) -> list[Reading]:
    """Within one article, a document mention without a holder ("der Bericht", "dieser Studie") is
    the document last named before it, when the article gave that one a holder: "eine Studie des
    Bundesbildungsministeriums", "der Verfassungsschutzbericht". A document introduced without
    one ("in einem gestern veröffentlichten Bericht") stops the search."""
    out = []
    found: dict[str, list[tuple[int, int, Holder | None]]] = {}
    for quote, r in zip(doc.quotes, readings, strict=True):
        stem = _document_stem(doc.span_text(quote.source)) if r.holder is None and quote.source is not None else ""
        if not stem:
            out.append(r)
            continue
        if stem not in found:
            found[stem] = _documents(doc.text, stem, reader)
        holder = None
        for start, end, named in reversed(found[stem]):
            if start == quote.source.start and named is not None:
                holder = named  # a mention cut short: "Berichten| des Sozialministeriums"
                break
            if end > quote.source.start:
                continue  # the mention itself, or later
            if named is not None:
                holder = named
                break
            if start < 0:
                break  # "einem Bericht": a new document without a holder
        out.append(Reading(holder=holder) if holder is not None else r)
    return out


def _documents(text: str, stem: str, reader: MentionReader) -> list[tuple[int, int, Holder | None]]:
    """The article's mentions of documents of this kind, in order: (start, end, holder), holder
    from "Studie des X", "X-Bericht" or None; start is negated (-start - 1) for an indefinite
    one without a holder, a new document."""
    out: list[tuple[int, int, Holder | None]] = []
    tokens = list(re.finditer(r"\S+", text))
    for i, m in enumerate(tokens):
        token = m.group()
        word = token.strip(_PUNCT_STRIP)
        low = word.lower()
        at = low.find(stem)
        if at < 0 or len(low) - at - len(stem) > 2 or not word[:1].isupper():
            continue
        reading: Reading | None = None
        if at > 0:
            # a compound: "Verfassungsschutzberichts", "UN-Resolution"; its first part names an
            # organisation or a medium, never a person ("Abschlussbericht", "Weltklimabericht")
            prefix = word[:at].rstrip("-")
            if prefix.endswith("s") and prefix[:-1].lower().endswith(_FUGEN):
                prefix = prefix[:-1]
            reading = reader.read(prefix)
            if reading.holder is not None and reading.holder.type is SpeakerType.PERSON:
                reading = None
        else:
            phrase = [token]
            for nxt in tokens[i + 1 : i + 9]:
                phrase.append(nxt.group())
                if nxt.group()[-1:] in ",;:.!?“«\"":
                    break
            if len(phrase) >= 3 and phrase[1].lower() in ("des", "der", "von", "vom"):
                reading = reader.read(" ".join(phrase).rstrip(",;:.!?"))
        holder = reading.holder if reading is not None and not reading.anonymous else None
        if holder is not None:
            out.append((m.start(), m.end(), replace(holder, roles=(), aliases=())))
            continue
        before = [t.group().lower() for t in tokens[max(0, i - 3) : i]]
        new = any(b in INDEFINITE for b in before) and not any(b in _DEMONSTRATIVES for b in before)
        out.append((-m.start() - 1 if new else m.start(), m.end(), None))
    return out


_POSSESSIVES = frozenset({"sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres",
                          "ihrem", "ihren", "dessen", "deren"})
_ACCORDING = frozenset({"nach", "laut", "gemäß", "zufolge"})


def resolve_anaphors(doc: Doc, readings: list[Reading], reader: MentionReader) -> list[Reading]:
    """Within one article, a frame with a reflexive or possessive holder that coref left open
    ("nach eigenen Angaben", "seiner Meinung nach", "dessen Angaben") is whom the article means:
    for "eigen" the subject of its clause when a name ("Die Feuerwehr hat nach eigenen Angaben",
    "Georg Ratzinger war nach eigenem Bekunden"), else the holder of the quote just before it in
    the same or the previous sentence ("… sagte John Key. Seiner Ansicht nach …")."""
    out = list(readings)
    for i, (quote, r) in enumerate(zip(doc.quotes, readings, strict=True)):
        if r.holder is not None or r.anonymous or quote.source is None:
            continue
        if i and doc.quotes[i - 1].source == quote.source and out[i - 1].holder is not None:
            out[i] = out[i - 1]  # the second part of a message with the same source
            continue
        words, _ = words_of(doc.span_text(quote.source))
        while words and words[0].lower() in LEADING_NOISE:
            words = words[1:]
        if len(words) != 2 or not _is_frame(words[1]):
            continue
        first = words[0].lower()
        if first.startswith("eigen"):
            subject = _subject_of(doc, quote.source, reader)
            if subject is not None:
                if subject.holder is not None and not subject.anonymous:
                    out[i] = Reading(holder=subject.holder)
                continue  # a subject that names nobody ("Helfer konnten nach eigenen Angaben")
        elif first not in _POSSESSIVES:
            continue
        previous = _previous_holder(doc, i, readings)
        if previous is None and first in _POSSESSIVES and not _formal_address(doc, quote.source, words[0]):
            previous = _possessor(doc, quote.source, reader, first)
        if previous is not None:
            out[i] = Reading(holder=previous)
    return out


_MASCULINE_POSSESSIVES = frozenset({"sein", "seine", "seiner", "seines", "seinem", "seinen", "dessen"})
_WORD = re.compile(r"[\w'’.\-]+|[^\w\s]")


def _formal_address(doc: Doc, source: Span, possessive: str) -> bool:
    """ "Ihrer Meinung nach" inside a sentence: the polite "you", the one addressed, not "her"."""
    if not possessive.startswith("Ihr"):
        return False
    at = doc.text.find(possessive, source.start)
    start, _ = _sentence_span(doc, source.start)
    return not all(w.lower() in LEADING_NOISE for w in doc.text[start:at].split())


def _possessor(doc: Doc, source: Span, reader: MentionReader, possessive: str) -> Holder | None:
    """The person a possessive frame's pronoun refers to ("Seiner Meinung nach", "nach ihrer
    Auffassung"): the nearest person named before it in its own or the previous sentence whose
    gender fits ("seiner" a man or unknown, "ihrer" a woman by first name or role), unless an
    unnamed person stands closer ("Im Bericht wird ein Augenzeuge zitiert. Seiner Darstellung
    zufolge": nobody named)."""
    start, _ = _sentence_span(doc, source.start)
    region_start, _ = _sentence_span(doc, max(start - 1, 0))
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(doc.text, region_start, source.start)]
    feminine = possessive not in _MASCULINE_POSSESSIVES and possessive != "deren"
    # runs of capitalised words (with name particles inside), nearest first
    words = [word for _, word in tokens]
    runs = _runs(
        len(words), lambda k, current: is_capitalised(words[k]) or bool(current and words[k].lower() in NAME_PARTICLES)
    )
    for run in reversed(runs):
        while run and tokens[run[-1]][1].lower() in NAME_PARTICLES:
            run = run[:-1]
        if not run:
            continue
        before = [w for _, w in tokens[max(run[0] - 2, 0) : run[0]]]
        opener = next((j for j, w in enumerate(before) if w.lower() in INDEFINITE), -1)
        if opener >= 0 and all(_is_lower_adjective(w) for w in before[opener + 1 :]):
            unnamed = reader.read(" ".join([*before[opener:], tokens[run[0]][1]]))
            if unnamed.anonymous or unnamed.reason == ANONYMOUS:
                return None  # "ein Augenzeuge", "ein örtlicher Mitarbeiter": an unnamed person is meant
            continue
        reading = reader.read(" ".join(tokens[k][1] for k in run))
        h = reading.holder
        if reading.anonymous:
            return None
        if h is None or h.type is not SpeakerType.PERSON or " " not in h.name:
            continue
        words = [tokens[k][1] for k in run]
        roles = [w for w in words if is_role(w)] + ([before[-1]] if before and is_role(before[-1]) else [])
        female = first_name_feminine(h.name.split()[0])
        if female is None and roles:
            female = roles[-1].lower().endswith("in")
        if female is None and feminine:
            continue  # "ihrer" needs evidence of a woman
        if female is not None and female != feminine:
            continue
        return replace(h, roles=(), aliases=())
    return None


def _sentence_span(doc: Doc, at: int) -> tuple[int, int]:
    for sentence in doc.sentences:
        if sentence.start <= at < sentence.end:
            return sentence.start, sentence.end
    return 0, len(doc.text)


def _subject_of(doc: Doc, source: Span, reader: MentionReader) -> Reading | None:
    """What the subject of the source's clause names, when the clause opens with it: "<subject>
    <verb> [nach] <source>", or "[Nach] <source> <verb> <subject> …"; None when it does not."""
    start, end = _sentence_span(doc, source.start)
    before = doc.text[start : source.start].split()
    if before and before[-1].lower() in _ACCORDING:
        before = before[:-1]
    if before:
        # "Die Feuerwehr hat", "Der ältere Bruder des Papstes, Georg Ratzinger, war": the subject,
        # then one or two lower-case verbs.
        verbs = 0
        while before and before[-1][:1].islower() and verbs < 2:
            before, verbs = before[:-1], verbs + 1
        if not verbs or not before:
            return None
        return reader.read(" ".join(before))
    after = doc.text[source.end : end].split()
    if len(after) < 2 or not after[0][:1].islower() or after[0].lower() in _ACCORDING:
        return None  # "Nach eigenen Angaben hat das Unternehmen …": the verb, then the subject
    subject: list[str] = []
    for w in after[1:]:
        if subject and not (w[:1].isupper() or w.lower() in NAME_PARTICLES):
            break
        subject.append(w)
        if w[-1:] in ",;:.!?":
            break
    return reader.read(" ".join(subject)) if subject else None


def _previous_holder(doc: Doc, i: int, readings: list[Reading]) -> Holder | None:
    """The holder of the quote just before quote ``i`` when its source lies in the same or the
    previous sentence."""
    if i == 0:
        return None
    previous, reading = doc.quotes[i - 1], readings[i - 1]
    if previous.source is None or reading.holder is None or reading.anonymous:
        return None
    start, _ = _sentence_span(doc, doc.quotes[i].source.start)
    previous_start, _ = _sentence_span(doc, max(start - 1, 0))
    return reading.holder if previous.source.start >= previous_start else None


def resolve_plural_pronouns(doc: Doc, readings: list[Reading], reader: MentionReader) -> list[Reading]:
    """Within one article, a plural "sie" that coref left to nobody (``GROUP``) is the group that
    opens its sentence or, when no noun phrase does, the sentence before it: "Die Studenten forderten
    damals … Sie forderten Presse-, Meinungs- und Versammlungsfreiheit" → Studenten. Only a group
    the reader names ("Die beiden Länder" names none)."""
    out = list(readings)
    for i, (quote, r) in enumerate(zip(doc.quotes, readings, strict=True)):
        if r.holder is not None or r.reason != GROUP or quote.source is None:
            continue
        if doc.span_text(quote.source).strip().lower() != "sie" or not doc.sentences:
            continue  # without sentences, no subject to look for
        start, _ = _sentence_span(doc, quote.source.start)
        # the sentence's own subject; when it opens otherwise ("In der Notiz teilten sie mit") or
        # with the pronoun, the previous sentence's
        opening = _opening_phrase(doc.text, start, quote.source.start, reader.ev)
        previous = _sentence_before(doc, start)
        if not opening:
            opening = _opening_phrase(doc.text, previous, start, reader.ev) if previous >= 0 else ""
        reading = reader.read(opening) if opening else Reading()
        if reading.holder is not None and reading.holder.type is SpeakerType.GROUP and not reading.anonymous:
            out[i] = Reading(holder=reading.holder)
        elif previous >= 0 and reading.holder is None and (
            not opening or " " not in opening or opening.split()[0].lower() in _THEIR
        ):  # "Danach", "Ihre Bedenken": no subject of their own
            group = _group_named_before(doc, previous, start, reader)
            if group is not None:
                out[i] = Reading(holder=group)
    return out


_THEIR = frozenset({"ihre", "ihr", "ihren", "ihrer", "ihrem", "ihres"})
_GROUP_PHRASE = re.compile(r"\b(?:die|der|den)\s+(?:[a-zäöüß][\w-]*\s+){0,3}[A-ZÄÖÜ][\w-]*")
_TAKEN_UP = re.compile(r"^(?:\S+\s+){0,3}(?:sie|Sie|Ihre|ihre|Ihr)\b")


def _sentence_before(doc: Doc, start: int) -> int:
    """The start of the sentence before the one starting at ``start``, or -1."""
    return max((x.start for x in doc.sentences if x.end <= start), default=-1)


def _group_named_before(doc: Doc, previous: int, start: int, reader: MentionReader) -> Holder | None:
    """The one group the sentence before a plural "sie" names when no subject opens either
    sentence, or, when that sentence only takes up a group by "sie" or "Ihre" near its start, the
    one group the sentence before it names: "drangen … die Brandstifter in die Moschee ein. Danach
    fingen sie an, … . Sie schrieben …" → Brandstifter; "Ablehnung signalisierten die so genannten
    Gelbhemden … . Ihre Bedenken richten sich … . Sie bezeichneten …" → Gelbhemden. A group in the
    nominative or accusative ("die") before one in the genitive ("der Moslems"); None when the
    sentence names several."""
    for _ in range(2):
        # a plural subject or object takes "die"; a genitive ("der Moslems") counts when none does
        found: dict[bool, dict[str, Holder]] = {True: {}, False: {}}
        for m in _GROUP_PHRASE.finditer(doc.text, previous, start):
            r = reader.read(m.group())
            if r.holder is not None and r.holder.type is SpeakerType.GROUP and not r.anonymous:
                found[m.group().startswith("die")][r.holder.name] = r.holder
        groups = found[True] or found[False]
        if groups:
            return next(iter(groups.values())) if len(groups) == 1 else None
        if not _TAKEN_UP.match(doc.text[previous:start]):
            return None
        start, previous = previous, _sentence_before(doc, previous)
        if previous < 0:
            return None
    return None


_OPENING_PREPOSITIONS = frozenset({"in", "im", "am", "an", "auf", "seit", "vor", "während", "wegen", "trotz", "ab"})


def _opening_phrase(text: str, start: int, end: int, ev: Evidence) -> str:
    """The noun phrase that opens a sentence, up to its verb or a comma: "Die Studenten| forderten",
    "Wissenschafter der Aga Khan University| machen", "Einige der einflussreichsten britischen
    Moslems| im …": determiners and adjectives before the first noun, then capitalised words and
    genitives; "" when the sentence opens otherwise: with a word the article also writes in lower
    case ("In der Notiz", "Danach"), or no noun."""
    words: list[str] = []
    noun = False
    for raw in text[start:end].split():
        w = raw.strip(_PUNCT_STRIP)
        low = w.lower()
        if not w:
            break
        if is_capitalised(w) and low not in _ARTICLE_LIKE and low not in QUANTIFIERS:
            if not words and (low in LEADING_NOISE or low in _OPENING_PREPOSITIONS or low in ev.lower
                              or low in _PRONOUNS):
                return ""  # "In der Notiz", "Danach", "Wir, sagten sie, …"
            noun = True
        elif low in _ARTICLE_LIKE or low in QUANTIFIERS:
            if noun and low not in ("der", "des"):
                break  # "Die Studenten | die …": a relative clause
        elif not noun and (_ADJECTIVE.search(low) or low.endswith(("sten", "ten", "en", "e"))):
            pass  # "der einflussreichsten britischen"
        else:
            break
        words.append(w)
        if raw[-1:] in ",;:.!?":
            break
    return " ".join(words) if noun else ""


#: Class nouns of organisations that refer back to the one the article just named ("Die Hamas
#: übernahm … Die Organisation erklärte", "beim VfB Stuttgart. Dies gab die Vereinsführung
#: bekannt"), and their leading bodies, which speak for it.
_CLASS_NOUNS = frozenset("""organisation hilfsorganisation menschenrechtsorganisation umweltorganisation
    unternehmen firma konzern verband verein partei gewerkschaft verlag gremium""".split())
#: The heads of the names a class noun takes up where they are not the noun itself: a "Gremium" is
#: a council, committee or commission ("vom Wächterrat … Das zwölfköpfige Gremium").
_CLASS_HEADS = {"gremium": ("gremium", "rat", "ausschuss", "komitee", "kommission")}
_LEADING_BODY = re.compile(r"^(verein|partei|konzern|unternehmen|verband|verbands|gewerkschaft)s?"
                           r"(führung|leitung|spitze|vorstand)$")
_RUN_JOINERS = frozenset({"ohne", "für", "und"})


def _class_noun(mention: str) -> str:
    """The class noun of a definite mention that is nothing else ("Die Organisation", "des
    Verlages", "die Vereinsführung" → "verein"), or ""."""
    words, paren = words_of(mention)
    if len(words) == 3 and words[1].islower() and not _NATIONALITY.match(words[1]):
        words = [words[0], words[2]]  # "Das zwölfköpfige Gremium"; not "die britische Organisation"
    if len(words) != 2 or paren or words[0].lower() not in _DEFINITE:
        return ""
    low = words[1].lower()
    body = _LEADING_BODY.match(low)
    if body:
        return body.group(1).removesuffix("s") if body.group(1) == "verbands" else body.group(1)
    for noun in (low, low[:-1], low[:-2]):  # "des Verlages", "des Verbands"
        if noun in _CLASS_NOUNS:
            return noun
    return ""


def resolve_class_nouns(doc: Doc, readings: list[Reading], reader: MentionReader) -> list[Reading]:
    """Within one article, a definite class noun of organisations that names none ("Die
    Organisation", "das Unternehmen", "die Vereinsführung") is the organisation named last before
    it in its own or the previous sentence: a name the reader takes for an organisation, whose own
    head, if it has one, is that class ("der Firma Euryza", not "eines Logistikzentrums"). A name
    read as a person is passed over (a class noun of organisations never refers to one)."""
    out = list(readings)
    for i, (quote, r) in enumerate(zip(doc.quotes, readings, strict=True)):
        if r.holder is not None or quote.source is None:
            continue
        mention = doc.span_text(quote.source)
        member = _member_of_class(mention) if r.anonymous or r.reason == ANONYMOUS else ""
        noun = member or _class_noun(mention)
        if not noun:
            continue
        found = _organisation_before(doc, quote.source, reader, noun)
        if found is not None:
            # "eine Sprecherin des Ludwigshafener Konzerns": an unnamed member speaks for it
            out[i] = replace(r, holder=found, anonymous=True, reason="") if member else Reading(holder=found)
    return out


def _member_of_class(mention: str) -> str:
    """The class noun an unnamed member speaks for: "ein Sprecher des Unternehmens", "eine
    Sprecherin des Ludwigshafener Konzerns" (a place adjective dropped) → "unternehmen", "konzern";
    "" for any other mention."""
    words, paren = words_of(mention)
    if len(words) == 5 and words[3].endswith("er") and is_capitalised(words[3]):
        words = words[:3] + words[4:]  # "des Ludwigshafener Konzerns"
    if paren or len(words) != 4 or words[0].lower() not in INDEFINITE or not _is_member_noun(words[1]):
        return ""
    return _class_noun(" ".join(words[2:]))


def _runs(
    n: int, member: Callable[[int, list[int]], bool], closes: Callable[[int], bool] = lambda _k: False
) -> list[list[int]]:
    """The maximal runs of indices ``0 … n-1`` that ``member`` admits (given the run so far), a run
    also ending after an index that ``closes`` it."""
    runs: list[list[int]] = []
    current: list[int] = []
    for k in range(n):
        if member(k, current):
            current.append(k)
            if closes(k):
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _organisation_before(doc: Doc, source: Span, reader: MentionReader, noun: str) -> Holder | None:
    start, _ = _sentence_span(doc, source.start)
    # the previous sentences end before ``start``, perhaps with white space between them: the two
    # before it, the nearest name first; for "die Organisation", which any organisation is, the third
    # before too when those name none
    before = sorted((s.start for s in doc.sentences if s.end <= start), reverse=True)
    near_start = before[min(1, len(before) - 1)] if before else start
    region_start = before[min(2, len(before) - 1)] if before and noun.endswith("organisation") else near_start
    matches = list(_WORD.finditer(doc.text, region_start, source.start))
    tokens = [m.group() for m in matches]

    def member(k: int, current: list[int]) -> bool:
        word = tokens[k]
        joiner = word.lower() in _RUN_JOINERS and current and k + 1 < len(tokens) and is_capitalised(tokens[k + 1])
        return (is_capitalised(word) and word.lower() not in _ARTICLE_LIKE) or bool(joiner)

    def closes(k: int) -> bool:  # "beim VfB Stuttgart. Dies gab …": the run ends with its sentence
        return tokens[k].endswith(".") and not _is_acronym(tokens[k].rstrip("."))

    named_near = False
    for indices in reversed(_runs(len(tokens), member, closes)):
        if named_near and matches[indices[0]].start() < near_start:
            return None  # "Wie die FIFA beschloss, … . Der Umsatz des Logistikzentrums sank. Das Unternehmen …"
        run = [tokens[k].rstrip(".") for k in indices]
        while run and run[0].lower() in LEADING_NOISE:
            run = run[1:]
        if not run:
            continue
        reading = reader.read(" ".join(run))
        h = reading.holder
        if h is not None and h.type is SpeakerType.PERSON and _bare_body(h, run, reader):
            h = Holder(SpeakerType.ORGANIZATION, h.name)  # "Die Hamas übernahm … Die Organisation erklärte"
        if h is None or reading.anonymous or h.type is not SpeakerType.ORGANIZATION:
            continue
        named_near = named_near or matches[indices[0]].start() >= near_start
        heads = [w.lower() for w in h.name.split() if _is_org_head(w.lower()) or DESCRIPTOR_HEAD.search(w.lower())]
        if heads and not any(w.endswith(_CLASS_HEADS.get(noun, (noun,))) for w in heads):
            continue  # "eines Logistikzentrums" is no "Unternehmen"
        return replace(h, roles=(), aliases=())
    return None


def _bare_body(person: Holder, run: list[str], reader: MentionReader) -> bool:
    """Whether a one-word "person" before a class noun of organisations is the organisation's bare
    name: the article writes it after an article ("Die Hamas", "der Deutschen Welthungerhilfe"),
    which no personal name takes, and it is no first name."""
    name = person.name
    return (" " not in name and run[-1] == name and name in reader.ev.with_article
            and not is_first_name(name) and not any(is_first_name(w) for w in reader.ev.first_names.get(name, ())))


def resolve_roles(readings: list[Reading], doc: Doc | None = None, reader: MentionReader | None = None
                  ) -> list[Reading]:
    """Within one article, a role-only mention ("Der Minister") is the one person the article
    names with that role elsewhere ("Justizminister Gabriel Entcha-Ebia"), as a source or, given
    the article, anywhere in its text ("die britische Königin Elisabeth II.")."""
    people = [r.holder for r in readings if r.holder is not None and r.holder.type is SpeakerType.PERSON]
    if doc is not None and reader is not None and any(r.holder is None and r.reason == ROLE for r in readings):
        people += _people_with_roles(doc.text, reader)
    out = []
    for r in readings:
        if r.holder is None and r.reason == ROLE and r.roles:
            keys = {role.lower() for role in r.roles}
            fits = {h.name: h for h in people if any(_same_role(k, role.lower()) for k in keys for role in h.roles)}
            if len(fits) == 1:
                out.append(Reading(holder=next(iter(fits.values()))))
                continue
        if r.local:
            r = Reading(anonymous=True, role=r.role, reason=ANONYMOUS)  # as coref had it
        out.append(r)
    return out


def _people_with_roles(text: str, reader: MentionReader) -> list[Holder]:
    """The persons the article names right after a role noun ("Königin Elisabeth II.",
    "Justizminister Gabriel Entcha-Ebia"), or after the role and a comma ("der Vorsitzende,
    Elmar Gesse,"), with that role."""
    out: list[Holder] = []
    tokens = [t.group() for t in re.finditer(r"\S+", text)]
    for i, token in enumerate(tokens):
        word = token.strip(_PUNCT_STRIP)
        if not word[:1].isupper() or not is_role(word) or word.lower() in _FORMS_OF_ADDRESS or token[-1:] in ".;:!?":
            continue
        # a definite description with a name ("die britische Königin Elisabeth II."), not a bare
        # title, which the article also gives to others than the one it means ("Papst Gregor XII.
        # trat 1415 ab" in an article on Benedikt XVI.)
        k = i - 1
        while k >= 0 and _is_lower_adjective(tokens[k]) and tokens[k].lower() not in _ARTICLE_LIKE:
            k -= 1
        if k < 0 or tokens[k].lower() not in _DEFINITE | {"beim", "vom", "zum", "zur", "im"}:
            continue
        holder = _person_at(tokens, i + 1, reader)
        if holder is None and token[-1:] not in _PUNCT and i + 1 < len(tokens) and (
            tokens[i + 1].lower() in _COMPLEMENT_OPENERS
        ):
            # a complement between role and name: "die US-Delegationsleiterin beim Klimagipfel,
            # Sharon Hayes", "der EU-Kommissar für Erweiterung … Štefan Füle": a name that opens
            # that reads as a full name, within the sentence
            for j in range(i + 2, min(i + 9, len(tokens))):
                if tokens[j - 1][-1:] in ".;:!?":
                    break
                if tokens[j - 1][-1:] != "," and is_capitalised(tokens[j - 1].strip(_PUNCT)):
                    continue  # inside a run of capitalised words
                holder = _person_at(tokens, j, reader)
                if holder is not None:
                    break
        if holder is not None:
            out.append(replace(holder, aliases=(), roles=(word,)))
    return out


_FORMS_OF_ADDRESS = frozenset({"herr", "frau", "dr.", "prof.", "sir", "lord"})
_COMPLEMENT_OPENERS = frozenset({"beim", "bei", "für", "im", "in", "der", "des", "von", "vom"})


def _person_at(tokens: list[str], start: int, reader: MentionReader) -> Holder | None:
    """The person whose full name is the run of capitalised words at ``start``, or None."""
    run: list[str] = []
    for w in tokens[start : start + 4]:
        bare = w.strip(_PUNCT)
        if not (is_capitalised(bare) or bare.lower() in NAME_PARTICLES or _ROMAN.match(bare)):
            break
        if len(run) >= 2 and reader._not_name_word(bare):
            break  # "Angela Merkel | Beobachter entsandt"
        run.append(bare)
        if w[-1:] in _PUNCT and not (w.endswith(".") and _ROMAN.match(bare)):
            break
    while len(run) > 2 and not reader._first_name_like(run[0]):
        run = run[1:]  # the end of a complement: "für … Nachbarschaftspolitik Štefan Füle"
    # a first word the article puts after an article is no first name ("die Vereinigten Staaten")
    if len(run) < 2 or any(_is_person_role(w) for w in run) or run[0] in reader.ev.with_article or (
        not reader._first_name_like(run[0])
    ):
        return None
    reading = reader.read(" ".join(run))
    h = reading.holder
    if h is not None and not reading.anonymous and h.type is SpeakerType.PERSON and " " in h.name:
        return h
    return None


def _same_role(a: str, b: str) -> bool:
    """ "minister" and "justizminister", "ex-ministerpräsidentin" and "ministerpräsidentin"."""
    a, b = a.removeprefix("ex-"), b.removeprefix("ex-")
    return a == b or (len(min(a, b, key=len)) >= 5 and (a.endswith(b) or b.endswith(a)))


def _skip_to_organisation(tail: list[str]) -> list[str]:
    """From "der griechischen Sektion von Ärzte ohne Grenzen" or "des Influenza-Programms der WHO"
    the part that names the organisation: what follows a unit of it, else the whole complement."""
    for i, w in enumerate(tail):
        low = w.lower()
        if low in _UNITS or low.rstrip("s").endswith(("programm", "abteilung", "referat")):
            rest = tail[i + 1 :]
            if rest and rest[0].lower() in ("von", "vom", "der", "des"):
                return rest
    return tail


#: Broadcasting a country's adjective names: "das sudanesische Fernsehen" is Fernsehen (sudanesisch).
_NATIONAL_MEDIA = frozenset({"fernsehen", "staatsfernsehen", "rundfunk", "staatsrundfunk", "hörfunk"})

#: A country's leadership, named with its nationality: "die nordkoreanische Führung".
_LEADERSHIPS = frozenset({"führung", "staatsführung", "staatsspitze"})
#: Ends of the nouns of an organisation's leading body: "Vereinsleitung", "Konzernführung", "Parteispitze".
_LEADING = ("leitung", "führung", "spitze")


def _is_member_noun(word: str) -> bool:
    """A member noun, also weak in the dative or accusative: "Sprecher", "Korrespondenten"."""
    return _is_member(word) or (word.endswith("en") and _is_member(word[:-2]))


#: A municipality named with its place speaks as an institution: "Die Stadt Nürnberg", "der Gemeinde Aying".
_MUNICIPALITIES = frozenset({"stadt", "gemeinde", "marktgemeinde"})

#: Heads whose "von …" belongs to the name: "Technische Universität von Nanyang".
_VON_HEADS = frozenset({"universität", "hochschule", "university"})

_UNITS = frozenset({"sektion", "abteilung", "filiale", "niederlassung", "zweigstelle", "landesverband",
                    "ortsverband", "kreisverband", "delegation", "mission", "vertretung", "büro"})


def _nominative_role(word: str) -> str:
    """ "Sprechers" → "Sprecher", "Leiters" → "Leiter": the role as a record shows it."""
    if word.endswith("s") and (is_role(word[:-1]) or _is_member(word[:-1])):
        return word[:-1]
    return word


def _spelled_out(words: list[str], paren: list[str]) -> Holder | None:
    """An organisation whose abbreviation in parentheses spells its first words: "Schutzgemeinschaft
    der Kapitalanleger (SdK)", "Verband Deutscher Realschullehrer (VDR)"."""
    for acronym in (w for w in paren if _is_acronym(w) and len(w) >= 3):
        for n in range(2, min(len(words), len(acronym) + 2) + 1):
            if "".join(w[0] for w in words[:n]).lower() == acronym.lower() and is_capitalised(words[n - 1]):
                kind = SpeakerType.MEDIA if MEDIA_HEAD.search(_nominative_head(words[0]).lower()) else (
                    SpeakerType.ORGANIZATION)
                return Holder(kind, " ".join([_nominative_head(words[0]), *words[1:n]]), aliases=(acronym,))
    return None
