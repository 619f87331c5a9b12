"""Role nouns: offices, professions and titles that name a speaker by what they are."""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=1 << 16)
def is_role(word: str) -> bool:
    """A role noun or a title: "Verteidigungsminister", "Sprecherin", "Frau"."""
    return bool(_ROLE_SUFFIX.search(word)) or word.lower() in TITLES


def is_office(key: str) -> bool:
    """An office held by one person at a time (``key`` lower-cased): "verteidigungsminister"."""
    return bool(_OFFICE.search(key))


# --- holders that are not one named person: organisations, media, groups ---------------------

#: Heads of organisation nouns ("die Polizei", "das Auswärtige Amt", "der UN-Sicherheitsrat"),
#: with their genitive endings. Collected from the heads of the news train split's sources.
_ORGANISATION = re.compile(
    r"(polizei|polizeidirektion|ministerium|ministeriums|regierung|behörde|behörden|partei|verband|verbandes"
    r"|verbands|gericht|gerichts|gerichtes|gerichtshof|gerichtshofs|institut|instituts|institutes|unternehmen"
    r"|unternehmens|konzern|konzerns|bank|amt|amts|amtes|büro|büros|kommission|gewerkschaft|organisation"
    r"|anwaltschaft|armee|militär|militärs|küstenwache|feuerwehr|opposition|botschaft|verwaltung|koalition"
    r"|fraktion|vereinigung|initiative|versicherung|stiftung|senat|senats|parlament|parlaments|union|liga"
    r"|gruppe|team|teams|mannschaft|klub|klubs|verein|vereins|streitkräfte|hersteller|herstellers|betreiber"
    r"|betreibers|firma|kammer|komitee|komitees|ausschuss|ausschusses|kabinett|kabinetts|dienst|dienstes"
    r"|gesellschaft|holding|gmbh|bundesamt|kreml|vatikan|rathaus|caritas|zentrale|sicherheitsrat"
    r"|sicherheitsrats|staatsanwaltschaft|generalstaatsanwaltschaft|bundesanwaltschaft|landesregierung"
    r"|bundesregierung|rechnungshof|rechnungshofs|aufsicht|netzwerk|bündnis|bündnisses|allianz|akademie"
    r"|universität|hochschule|klinik|klinikum|krankenhaus|schule|museum|museums|nachrichtendienst|geheimdienst"
    r"|zentralbank|notenbank|börse|konsortium|kirche|diözese|erzdiözese|bistum|stadtverwaltung|gemeinderat"
    r"|nato|uno|fifa|uefa|osze|opec|unicef|unhcr|unesco)$",
    re.IGNORECASE,
)
#: Heads of media nouns and the names of news agencies and outlets that quote or report.
_MEDIA = re.compile(
    r"(zeitung|zeitungen|agentur|nachrichtenagentur|presseagentur|sender|senders|fernsehsender|rundfunk"
    r"|fernsehen|blatt|blattes|magazin|magazins|nachrichtenmagazin|wochenzeitung|tageszeitung|boulevardzeitung"
    r"|portal|nachrichtenportal|onlineportal|website|webseite|tv|radio|kanal|medien|medium)$",
    re.IGNORECASE,
)
MEDIA_NAMES: frozenset[str] = frozenset(
    """dpa apa afp ap reuters xinhua interfax itar-tass tass ria bbc cnn ard zdf orf srf ntv n-tv rtl
    bild spiegel focus stern welt taz faz sz zeit kurier krone presse standard profil falter heute
    times guardian telegraph independent economist bloomberg ansa efe kyodo yonhap irna sana anadolu
    pap ctk mti tanjug hina sta ukrinform unian aljazeera al-dschasira politico axios""".split()
)
#: Plural person nouns that name a group rather than one holder: "Augenzeugen", "Demonstranten".
GROUP_NOUNS: frozenset[str] = frozenset(
    """augenzeugen zeugen demonstranten experten expertinnen fachleute kritiker kritikerinnen anwohner
    beobachter analysten ökonomen wissenschaftler wissenschafter forscher ärzte ermittler helfer bewohner
    einwohner aktivisten aktivistinnen anhänger gegner befürworter politiker diplomaten beamte insider
    mitarbeiter teilnehmer organisatoren veranstalter opfer angehörige eltern bürger menschen leute
    passagiere soldaten rebellen islamisten fans nutzer user umweltschützer tierschützer menschenrechtler
    oppositionelle regierungskreise sicherheitskreise diplomatenkreise kreise quellen stimmen""".split()
)


#: Whole words that name a public body when they hold speech ("die Stadt teilte mit").
_ORGANISATION_WORDS = frozenset({"stadt", "gemeinde", "land", "bund", "staat", "eu", "un", "uno", "who"})


def is_organisation(word: str) -> bool:
    """An organisation noun or acronym: "Polizei", "Außenministerium", "Sicherheitsrat", "OSZE"."""
    low = word.lower()
    return bool(_ORGANISATION.search(word)) or low in _ORGANISATION_WORDS or is_acronym(word) and not is_media(word)


def is_media(word: str) -> bool:
    """A medium that reports: "Zeitung", "Nachrichtenagentur", "Xinhua", "dpa"."""
    return bool(_MEDIA.search(word)) or word.lower() in MEDIA_NAMES


def is_acronym(word: str) -> bool:
    """ "OSZE", "FIFA", "UN-Sicherheitsrat" is none; at least two capitals and no lower-case run."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_group_noun(word: str) -> bool:
    return word.lower() in GROUP_NOUNS
