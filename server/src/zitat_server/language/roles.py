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
    r"|lady|sängerin|sänger|künstler|schauspieler|professor|dozent|mitarbeiter|executive)(in|innen|s|en|e|n)?$",
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
    r"|gruppe|team|teams|mannschaft|heer|heeres|klub|klubs|verein|vereins|streitkräfte|hersteller|herstellers|betreiber"
    r"|betreibers|firma|kammer|komitee|komitees|ausschuss|ausschusses|kabinett|kabinetts|dienst|dienstes"
    r"|gesellschaft|holding|gmbh|bundesamt|kreml|vatikan|rathaus|caritas|zentrale|stelle|sicherheitsrat"
    r"|sicherheitsrats|fiskalrat|nationalrat|bundesrat|europarat|ministerrat|aufsichtsrat|betriebsrat|ethikrat"
    r"|verwaltungsrat|beirat|presserat|zentralrat|wissenschaftsrat|stiftungsrat|staatsanwaltschaft|generalstaatsanwaltschaft|bundesanwaltschaft|landesregierung"
    r"|bundesregierung|rechnungshof|rechnungshofs|aufsicht|netzwerk|bündnis|bündnisses|allianz|akademie"
    r"|universität|hochschule|klinik|klinikum|krankenhaus|schule|museum|museums|nachrichtendienst|geheimdienst"
    r"|zentralbank|notenbank|börse|konsortium|kirche|diözese|erzdiözese|bistum|stadtverwaltung|gemeinderat"
    r"|abteilung|nato|uno|fifa|uefa|osze|opec|unicef|unhcr|unesco)$",
    re.IGNORECASE,
)
#: Heads of media nouns and the names of news agencies and outlets that quote or report.
_MEDIA = re.compile(
    r"(zeitung|zeitungen|agentur|nachrichtenagentur|presseagentur|sender|senders|fernsehsender|rundfunk"
    r"|fernsehen|blatt|blattes|magazin|magazins|nachrichtenmagazin|wochenzeitung|tageszeitung|boulevardzeitung"
    r"|portal|nachrichtenportal|onlineportal|website|webseite|tv|radio|kanal|medien|medium|zeitschrift|zeitschriften)$",
    re.IGNORECASE,
)
MEDIA_NAMES: frozenset[str] = frozenset(
    """dpa apa afp ap reuters xinhua interfax itar-tass tass ria bbc cnn ard zdf orf srf ntv n-tv rtl
    bild spiegel focus stern welt taz faz sz zeit kurier krone presse standard profil falter heute
    times guardian telegraph independent economist bloomberg ansa efe kyodo yonhap irna sana anadolu
    pap ctk mti tanjug hina sta ukrinform unian aljazeera al-dschasira politico axios
    heise golem winfuture theverge engadget wired techcrunch buzzfeed mashable gizmodo cnet zdnet
    arstechnica""".split()
)
#: Heads of German regional newspapers' names, after a place adjective in -er: "Salzburger
#: Nachrichten", "Frankfurter Rundschau" (a medium, not a person "Nachrichten" with the role "Salzburger").
REGIONAL_PAPER_HEADS: frozenset[str] = frozenset({"nachrichten", "rundschau", "tagblatt", "volksstimme"})


def is_regional_paper(words: list[str]) -> bool:
    """ "Salzburger Nachrichten", "Kieler Nachrichten": a capitalised place adjective in -er and a
    newspaper head."""
    return (len(words) == 2 and words[1].lower() in REGIONAL_PAPER_HEADS and words[0][:1].isupper()
            and words[0].endswith("er") and len(words[0]) > 4)


#: Outlets that write their own name in lower case ("die taz", "heise online"): names all the same.
LOWERCASE_MEDIA: frozenset[str] = frozenset({"taz", "heise", "golem"})
#: What a medium is, for "der Sender", "die Zeitung", "die Agentur" to find the one named before:
#: broadcasters, agencies and (the rest of :data:`MEDIA_NAMES`) papers and magazines.
_BROADCASTERS = frozenset("ard zdf orf srf ntv n-tv rtl bbc cnn aljazeera al-dschasira".split())
_AGENCIES = frozenset(
    """dpa apa afp ap reuters xinhua interfax itar-tass tass ria ansa efe kyodo yonhap irna sana anadolu
    pap ctk mti tanjug hina sta ukrinform unian bloomberg""".split()
)
_BROADCAST_NOUN = re.compile(r"(sender|senders|rundfunk|fernsehen|tv|radio|kanal)$", re.IGNORECASE)
_PRINT_NOUN = re.compile(r"(zeitung|zeitungen|blatt|blattes|magazin|magazins)$", re.IGNORECASE)
_AGENCY_NOUN = re.compile(r"agentur$", re.IGNORECASE)


def media_kind(word: str) -> str:
    """ "broadcast", "print" or "agency" for a medium's noun or name ("Sender", "ORF", "Blatt",
    "Spiegel", "Nachrichtenagentur", "dpa"); "" for one that says no kind ("Portal", "Medien")."""
    low = word.lower()
    if low in _BROADCASTERS or _BROADCAST_NOUN.search(low):
        return "broadcast"
    if low in _AGENCIES or _AGENCY_NOUN.search(low):
        return "agency"
    if low in MEDIA_NAMES or _PRINT_NOUN.search(low):
        return "print"
    return ""


#: Plural person nouns that name a group rather than one holder: "Augenzeugen", "Demonstranten".
GROUP_NOUNS: frozenset[str] = frozenset(
    """augenzeugen zeugen geschworene geschworenen demonstranten experten expertinnen fachleute kritiker
    kritikerinnen anwohner
    beobachter analysten ökonomen wissenschaftler wissenschafter forscher ärzte ermittler helfer bewohner
    einwohner aktivisten aktivistinnen anhänger gegner befürworter politiker diplomaten beamte insider
    mitarbeiter teilnehmer organisatoren veranstalter opfer angehörige eltern bürger menschen leute
    passagiere soldaten rebellen islamisten fans nutzer user umweltschützer tierschützer menschenrechtler
    oppositionelle regierungskreise sicherheitskreise diplomatenkreise kreise quellen stimmen""".split()
)


#: Whole words that name a public body when they hold speech ("die Stadt teilte mit").
_ORGANISATION_WORDS = frozenset({"stadt", "gemeinde", "land", "bund", "staat", "eu", "un", "uno", "who"})


@lru_cache(maxsize=1 << 16)
def is_organisation(word: str) -> bool:
    """An organisation noun or acronym: "Polizei", "Außenministerium", "Sicherheitsrat", "OSZE"."""
    low = word.lower()
    return bool(_ORGANISATION.search(word)) or low in _ORGANISATION_WORDS or is_acronym(word) and not is_media(word)


@lru_cache(maxsize=1 << 16)
def is_media(word: str) -> bool:
    """A medium that reports: "Zeitung", "Nachrichtenagentur", "Xinhua", "dpa"."""
    return bool(_MEDIA.search(word)) or word.lower() in MEDIA_NAMES


@lru_cache(maxsize=1 << 16)
def is_acronym(word: str) -> bool:
    """ "OSZE", "FIFA", "UN-Sicherheitsrat" is none; at least two capitals and no lower-case run."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_group_noun(word: str) -> bool:
    return word.lower() in GROUP_NOUNS


#: Plural heads of institutions and media: several bodies, a group rather than one organisation
#: ("die Behörden", "Gesundheitsbehörden", "der Presseagenturen"). Coref types them GROUP, and the
#: claim store keeps a GROUP record of them.
PLURAL_BODIES: tuple[str, ...] = ("behörden", "gewerkschaften", "organisationen", "parteien", "regierungen",
                                  "institutionen", "agenturen", "zeitungen")


def is_plural_body(word: str) -> bool:
    return word.lower().endswith(PLURAL_BODIES)


#: Nouns that name a person by origin or age rather than office ("der Serbe Djokovic", "der
#: Franzose", "der 48-Jährige" is matched by its digits): they introduce and refer to a person.
PERSON_NOUNS: frozenset[str] = frozenset(
    """serbe serbin franzose französin deutsche deutscher brite britin engländer engländerin schotte
    ire irin amerikaner amerikanerin us-amerikaner us-amerikanerin kanadier kanadierin russe russin
    ukrainer ukrainerin pole polin tscheche tschechin slowake slowakin ungar ungarin rumäne rumänin
    bulgare bulgarin grieche griechin türke türkin italiener italienerin spanier spanierin portugiese
    portugiesin niederländer niederländerin holländer belgier belgierin schweizer schweizerin
    österreicher österreicherin schwede schwedin norweger norwegerin däne dänin finne finnin kroate
    kroatin slowene slowenin bosnier bosnierin albaner albanerin mazedonier israeli palästinenser
    iraner iranerin iraker irakerin syrer syrerin afghane afghanin chinese chinesin japaner japanerin
    inder inderin brasilianer brasilianerin argentinier argentinierin mexikaner mexikanerin australier
    australierin südafrikaner nigerianer ägypter ägypterin wiener wienerin steirer steirerin tiroler
    tirolerin kärntner kärntnerin salzburger salzburgerin vorarlberger bayer bayerin berliner
    titelverteidiger titelverteidigerin weltmeister weltmeisterin olympiasieger olympiasiegerin
    wissenschafter wissenschafterin landeshauptmann landeshauptfrau bürgermeister bürgermeisterin
    angeklagte angeklagter beschuldigte beschuldigter verteidiger verteidigerin kläger klägerin
    mann frau vater mutter sohn tochter bruder schwester witwe witwer ehefrau ehemann gattin gatte
    lebensgefährtin lebensgefährte onkel tante neffe nichte cousin cousine enkel enkelin""".split()
)
#: Nouns of speech whose holder is their genitive ("nach Angaben der Polizei", "nach Worten des
#: Ministers"); compounds end in them ("Polizeiangaben").
REPORT_NOUNS: frozenset[str] = frozenset(
    """angaben angabe worten wort ansicht meinung aussage aussagen auffassung einschätzung einschätzungen
    vorwurf vorwürfe kritik forderung forderungen warnung appell aufruf ankündigung kommentar
    darstellung darstellungen informationen information überzeugung erkenntnissen erkenntnis schätzungen
    schätzung berechnungen berechnung vermutung vermutungen sicht auskunft auskünften""".split()
)
#: Documents that hold a claim ("einer Studie des Instituts", "dem Bericht zufolge"); their holder is
#: their genitive or von-phrase, if the text gives one.
DOCUMENT_NOUNS: frozenset[str] = frozenset(
    """bericht berichten berichte studie studien umfrage umfragen meldung meldungen mitteilung
    pressemitteilung presseerklärung erklärung stellungnahme analyse untersuchung untersuchungen
    veröffentlichung schreiben brief papier dokument dokumente entwurf gutachten statistik statistiken
    prognose prognosen medienberichten medienberichte zeitungsberichten presseberichten agenturberichten
    recherchen anordnung beschluss urteil resolution protokoll dossier""".split()
)
#: Role heads of spokespeople, whose compound prefix names whom they speak for ("Polizeisprecher").
_SPOKES = re.compile(r"^(.+?)-?(pressesprecher|sprecher)(in|innen)?$", re.IGNORECASE)
_PRESS = re.compile(r"^(.+?)-?pressesprecher(in|innen)?$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def is_person_noun(word: str) -> bool:
    """A person named by origin, age or standing ("Franzose", "Titelverteidiger", "48-Jährige")."""
    low = word.lower()
    if low in PERSON_NOUNS:
        return True
    head, _, tail = low.partition("-")
    return head.isdigit() and tail.startswith("jährig")


def spokes_prefix(word: str) -> str:
    """The organisation in a spokesperson compound: "Polizeisprecher" → "Polizei",
    "Ministeriumssprecher" → "Ministerium", "Audi-Sprecherin" → "Audi"; "" for a plain "Sprecher"."""
    m = _PRESS.match(word) or _SPOKES.match(word)
    if m is None or len(m.group(1)) < 2 or m.group(1).lower() == "presse":
        return ""
    prefix = m.group(1)
    if prefix.endswith("s") and not prefix.endswith(("ss", "us")) and len(prefix) > 4 and "-" not in word:
        linked = prefix[:-1]  # the linking s: "Ministeriums|sprecher"
        prefix = linked[:-1] if linked.endswith("e") and len(linked) <= 5 else linked  # "Heer|es|sprecher"
    return prefix[:1].upper() + prefix[1:]


#: Professions and standings that name one person, beyond the offices of :func:`is_role`
#: ("die Psychotherapeutin", "der Botaniker", "dem Hacker", "der Sozialdemokrat", "der Übersetzer
#: Abdul", "der Youtube-Star Pewdiepie", "Star-Quarterback Peyton Manning").
_PROFESSION = re.compile(
    r"(iker|ikerin|isten|istin|eur|eurin|euse|therapeut|therapeutin|pädagoge|pädagogin|hacker|hackerin"
    r"|mediziner|medizinerin|jurist|juristin|anwältin|demokrat|demokratin|republikaner|republikanerin|student"
    r"|studentin|schüler|schülerin|lehrer|lehrerin|pfarrer|priester|unternehmer|unternehmerin|investor"
    r"|investorin|ermittlerin|beamter|beamten|beamtin|abgeordnete|vorsitzende|beauftragte|sprecherin|regisseur"
    r"|regisseurin|moderator|moderatorin|produzent|produzentin|ökonomin|funktionär|funktionärin|bischöfin"
    r"|astronom|astronomin|biologe|biologin|physiker|physikerin|chemiker|chemikerin|pilot|pilotin|professor"
    r"|professorin|dozent|dozentin|aktivistin|trainerin|spielerin|kapitänin|übersetzer|übersetzerin|dolmetscher"
    r"|dolmetscherin|-star|superstar|popstar|filmstar|jungstar|quarterback|linebacker|runningback|keeper|tormann|torhüter|torhüterin|pianist"
    r"|pianistin|fotograf|fotografin|blogger|bloggerin|youtuber|youtuberin)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)
def is_profession(word: str) -> bool:
    """A noun that names one person by what they do or stand for, beyond :func:`is_role`."""
    return len(word) > 6 and word[:1].isupper() and bool(_PROFESSION.search(word))


#: Role nouns that name the same office ("der Regierungschef" for "Premier Matteo Renzi").
ROLE_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset("premier premierminister ministerpräsident regierungschef kanzler bundeskanzler".split()),
    frozenset("präsident staatspräsident staatschef staatsoberhaupt".split()),
    frozenset("bürgermeister stadtoberhaupt stadtchef oberbürgermeister".split()),
    frozenset("trainer coach cheftrainer teamchef".split()),
    frozenset("chef vorsitzend vorsitzender parteichef parteivorsitzend".split()),
    frozenset("sprecher pressesprecher".split()),
)


def same_office(a: str, b: str) -> bool:
    """Do the role keys ``a`` and ``b`` (lower case, inflection cut) name one office?"""
    return any(a in group and b in group for group in ROLE_SYNONYMS)
