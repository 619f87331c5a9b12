"""Who can hold a claim: the nouns that frame a holder, that head an organisation or a medium, or
that name a group, and the words around them.

The claim store reads source mentions with these lists to decide what a record is kept for
("Angaben der Polizei" → the organisation "Polizei"; "ein Sprecher des Ministeriums" → an
anonymous member of the ministry; "Augenzeugen" → the group "Augenzeugen"; "Quellen" → nobody
named, no record). Lower-case entries; the
suffix patterns match compounds ("Polizeidirektion", "Nachrichtenagentur").
"""

from __future__ import annotations

import re

from zitat_server.language.cues import NACH_NOUNS

#: Nouns of speech, opinion, information and documents that frame a holder: "Angaben der Polizei",
#: "Zitat von Schröder", "einem Bericht des UNHCHR". Alone they name no holder.
FRAME_NOUNS: frozenset[str] = NACH_NOUNS | frozenset(
    """angabe ansichten meinung meinungen zitat zitate information auskünfte berichte berichts meldung
    meldungen erklärung erklärungen presseerklärung pressemitteilung pressemitteilungen mitteilungen
    vorwurf vorwürfe anschuldigung anschuldigungen berechnung bewertung bewertungen sicht erkenntnis
    erkenntnisse urteil urteils entscheidung entscheidungen studien analysen umfragen statistik statistiken
    papier papiers papiere brief briefs briefe artikel artikels interview interviews rede reden wutrede text
    texte entwurf entwurfs gesetzentwurf antrag anträge resolution verfügung dokument dokumente dokumenten
    dokuments kritik vorschlag vorschläge satz begründung mutmaßung annahme annahmen vermutung vermutungen
    beschluss stellungnahme stellungnahmen verlautbarung zahlen daten recherchen unterlagen kommentar
    kernaussage fazit schreiben protokoll gutachten bilanz ergebnis ergebnisse ergebnissen auswertung
    auffassungen worte wort äußerung äußerungen aussagen aussage version details inhalt seite ziel
    forderung forderungen warnung warnungen hinweis hinweise hinweisen leitung führung spitze website
    presseamt presseamtes presseamts pressestelle pressebüro pressebüros presseabteilung pressedienst unmut
    ärger zorn sorge sorgen besorgnis enttäuschung empörung freude zustimmung ablehnung widerspruch
    protest proteste einwand einwände befund befunde befunden untersuchungsergebnisse haltung pläne test
    tests""".split()
)
#: Frame nouns that end compounds naming their holder first: "Polizeiangaben", "Medienberichten".
FRAME_COMPOUND_ENDS: tuple[str, ...] = tuple(
    sorted(
        """angaben angabe berichten berichte bericht meldungen meldung informationen aussagen aussage
        schätzungen schätzung erklärung mitteilung kreisen kreise leitung führung spitze""".split(),
        key=len,
        reverse=True,
    )
)

#: Possessives and "eigen": a frame whose holder is an anaphor ("nach eigenen Angaben",
#: "seiner Ansicht nach", "deren Angaben").
ANAPHORIC_DETERMINERS: frozenset[str] = frozenset(
    """sein seine seiner seines seinem seinen ihr ihre ihrer ihres ihrem ihren dessen deren eigene
    eigenen eigener eigenes eigenem""".split()
)
#: Indefinite articles: "ein Sprecher", "einer Sprecherin der Staatsanwaltschaft" is nobody named.
INDEFINITE: frozenset[str] = frozenset("ein eine einer eines einem einen".split())

#: Words before a mention that are not part of it: prepositions of according-to frames and
#: conjunctions ("Von Obama", "laut der Polizei", "sowie Giesel").
LEADING_NOISE: frozenset[str] = frozenset(
    """von vom laut nach gemäß zufolge seitens bei beim mit und sowie aber auch so dann unter über
    zu zum zur durch aus wie als denn doch""".split()
)
#: A mention after these is addressed, not speaking: "Gegenüber NDR Info sagte er".
ADDRESSEE_WORDS: frozenset[str] = frozenset({"gegenüber", "an"})

#: Heads of organisations (suffixes, so compounds count): "Polizeidirektion", "Außenministerium".
ORGANISATION_HEAD = re.compile(
    r"(polizei|polizeidirektion|polizeipräsidium|ministerium|ministeriums|amt|amtes|amts|regierung"
    r"|behörde|gericht|gerichts|gerichtes|gerichtshof|gerichtshofes|institut|instituts|organisation|partei"
    r"|verband|verbandes|verbands|kommission|komitee|komitees|gewerkschaft|anwaltschaft|feuerwehr"
    r"|universität|hochschule|verwaltung|armee|militär|militärs|streitkräfte|marine|luftwaffe|botschaft"
    r"|konzern|konzerns|unternehmen|unternehmens|firma|gesellschaft|bank|stiftung|verein|vereins|club|klub"
    r"|liga|union|präsidium|direktion|dienst|dienstes|zentrale|kommando|junta|parlament"
    r"|parlaments|senat|senats|kabinett|fraktion|koalition|vereinigung|initiative|gremium|gremiums"
    r"|kongress|ausschuss|ausschusses|tribunal|hersteller|herstellers|fluggesellschaft|agentur"
    r"|akademie|kammer|büro|büros|sekretariat|küstenwache|nationen|exekutive|kreml|vatikan|rechnungshof"
    r"|versicherung|holding|airline|bund|centre|center|verfassungsschutz|corporation|company|agency"
    r"|institute|university|council|committee|association|foundation|organization|ministry|department"
    r"|commission|authority|bureau|office|sicherheitsrat|bundesrat|nationalrat|europarat|betriebsrat"
    r"|aufsichtsrat|übergangsrat|ältestenrat|wächterrat|ethikrat|sachverständigenrat|verwaltungsrat|gruppe"
    r"|flughafen|flughafens|institution|kreuz|kreuzes|behörden|hilfswerk|hilfswerks|bischofskonferenz|flugsicherung"
    r"|^bahn|medienhaus|verlagshaus|verlagsgruppe|abteilung)$"
)
#: Heads that name a class, not an institution: bare ("das Ministerium", "die Partei", "Das
#: zwölfköpfige Gremium") they refer back to one named before, so they make no record of their
#: own; "Polizei", "Gericht", "Regierung", "Feuerwehr" are institutions a text names so.
GENERIC_HEAD = re.compile(
    r"^(ministerium|amt|behörde|unternehmen|institut|partei|organisation|firma|konzern|verband|verein|agentur"
    r"|büro|kommission|gremium|komitee|ausschuss|gesellschaft|bank|stiftung|gruppe|initiative|universität"
    r"|hochschule|zentrale|kommando|vereinigung|akademie|kammer|union|bund|dienst|hersteller|club|klub|liga"
    r"|fraktion|koalition|senat|parlament|präsidium|direktion|sekretariat|botschaft|verwaltung|flughafen"
    r"|nachrichten|behörden|institution|zeitung|sender|magazin)$"
)
#: Last words of English newspaper names: after capitalised words that are no German adjective
#: ("die Bangkok Post", "der Irish Times"; not "die Deutsche Post"), the name of a medium.
NEWSPAPER_NAME_ENDS: frozenset[str] = frozenset(
    {"post", "times", "herald", "tribune", "journal", "gazette", "telegraph", "chronicle", "globe", "observer",
     "inquirer", "examiner"}
)
#: Last words of English names of organisations and companies, which no personal name ends in:
#: "Amnesty International", "Human Rights Watch", "Tesla Motors", "Singapore Airlines".
ORGANISATION_NAME_ENDS: frozenset[str] = frozenset(
    """international motors group holdings airlines airways systems industries technologies watch
    entertainment communications networks pictures studios electronics petroleum pharmaceuticals""".split()
)
#: Seats of government that news name for the office in them, as "der Kreml" (a head above):
#: lower-case name → the organisation's name.
GOVERNMENT_SEATS: dict[str, str] = {
    "downing street": "Downing Street",
    "pentagon": "Pentagon",
    "élysée": "Élysée",
    "élysée-palast": "Élysée",
    "elysée-palast": "Élysée",
    "elysee-palast": "Élysée",
    "quai d'orsay": "Quai d'Orsay",
}
#: Organisations that news name without a head noun, which their one word does not show as an
#: organisation ("die Hamas", "Sony", "Interpol"): lower-case name → the organisation's name.
KNOWN_ORGANISATIONS: dict[str, str] = {
    name.lower(): name
    for name in """Hamas Hisbollah Fatah Taliban al-Qaida Greenpeace Attac Foodwatch Interpol Europol Frontex
    Gazprom Google Apple Microsoft Facebook Twitter Amazon Siemens Sony Nokia Intel Samsung Ikea Boeing Airbus
    Volkswagen Daimler Wikileaks""".split()
}
#: Personal names that take an article: titles used as the name of one person ("der Dalai Lama").
ARTICLE_PERSON_NAMES: frozenset[str] = frozenset({"dalai lama", "panchen lama", "aga khan"})
#: Words that make an organisation of the name they end: "Siemens AG", "Whatsapp Inc.".
COMPANY_FORMS: frozenset[str] = frozenset({"ag", "gmbh", "inc", "inc.", "se", "ltd", "ltd.", "corp", "corp.", "co."})
#: Heads of news media (suffixes): "Nachrichtenagentur", "Fernsehsender", "Tageszeitung".
MEDIA_HEAD = re.compile(
    r"(nachrichtenagentur|presseagentur|zeitung|zeitschrift|magazin|magazins|magazines|sender|senders"
    r"|rundfunk|rundfunks|fernsehen|fernsehens|blatt|blattes|nachrichtensite|nachrichtenportal"
    r"|online-ausgabe|nachrichtendienst|tageszeitung|wochenzeitung|nachrichten|nachrichtenseite|nachrichtenwebsite"
    r"|newsportal|onlineportal|online-portal|internetportal)$"
)
#: Institutions that exist in many places: a place after them qualifies them ("Polizei Kassel",
#: "die Staatsanwaltschaft in Oslo", "die Regierung Guatemalas") rather than naming them.
LOCAL_HEAD = re.compile(
    r"(polizei|polizeidirektion|polizeipräsidium|staatsanwaltschaft|feuerwehr|verwaltung|gericht"
    r"|regierung|behörde|ministerium|armee|militär|streitkräfte|botschaft|parlament|rettungsdienst"
    r"|landratsamt|küstenwache|junta|kabinett|senat|flughafen|kreuz|marine|luftwaffe)$"
)
#: Descriptive heads before an organisation's name: "die Umweltschutzorganisation WWF", "der
#: Konzern Daimler", "die Fluggesellschaft KLM". The name after them is the record's name.
DESCRIPTOR_HEAD = re.compile(
    r"(organisation|firma|konzern|unternehmen|gesellschaft|verband|partei|gewerkschaft|initiative"
    r"|vereinigung|hersteller|betreiber|betreiberfirma|bank|stiftung|verein|club|klub|gruppe|agentur"
    r"|institut|dienstleister|anbieter|versicherer|airline|autobauer|händler|bewegung|miliz|netzwerk"
    r"|versorger|fluggesellschaft|provider|verlag|kette|ratingagentur|hilfswerk|medienhaus|verlagshaus|verlagsgruppe)$"
)

# One line per outlet: its canonical name, then the other ways news write it.
_MEDIA_NAMES = """Reuters
dpa|Deutsche Presse-Agentur|Deutsche Presseagentur|Deutsche Presse Agentur
AFP|Agence France-Presse
AP|Associated Press
Xinhua
TASS|ITAR-TASS
Interfax
RIA Novosti|Novosti
Russland Aktuell
BBC|British Broadcasting Corporation
BBC News
CNN
ARD
ZDF
NDR|NDR Info|NDRInfo
WDR
SWR|Südwestrundfunk
MDR|Mitteldeutscher Rundfunk
BR|Bayerischer Rundfunk|Bayrischer Rundfunk
RTL
N24
n-tv
ORF
SRF
APA
Al Jazeera|Al-Jazeera|Al-Dschasira|Al Dschasira
Volksstimme|Magdeburger Volksstimme
al-Arabiya|Al Arabiya
Der Spiegel|Spiegel|Nachrichtenmagazin Der Spiegel
Spiegel Online|SPIEGEL ONLINE
taz|die tageszeitung
FAZ|Frankfurter Allgemeine Zeitung|Frankfurter Allgemeine
Focus
Bild|Bild-Zeitung
Die Welt
Welt Online|Welt-Online
Süddeutsche Zeitung|SZ
Tagesspiegel|Der Tagesspiegel
Haaretz
Le Figaro|Figaro
Le Monde
New York Times|The New York Times
The Guardian|Guardian
Washington Post|The Washington Post
Tagesschau|tagesschau.de
Tagesthemen
Netzeitung|Netzzeitung
WAZ
Sport-Bild|Sport Bild
Kicker
heise|heise online
Golem|golem.de
Computerwoche
ISNA
IRNA
Wikinews
Deutsche Welle
Radio Vatikan
Radio Bremen
China Daily
Ukrinform
Kyodo
Yonhap
Bloomberg
Financial Times Deutschland|FTD
Financial Times
The Independent|Independent
Stuttgarter Nachrichten
Wall Street Journal
Sky News
Fox News
ABC
CBS
NBC
Euronews
Der Standard
Die Zeit
Handelsblatt
NZZ|Neue Zürcher Zeitung
Automobilwoche
Ärzte Zeitung|Ärztezeitung"""
#: News outlets and agencies known by name: lower-cased name or variant -> canonical name.
KNOWN_MEDIA: dict[str, str] = {
    variant.strip().lower(): names.split("|")[0].strip()
    for names in _MEDIA_NAMES.splitlines()
    for variant in names.split("|")
}
#: Groups: plural nouns of people or of institutions ("Augenzeugen", "Experten", "Behörden"),
#: which the store keeps a GROUP record of; role nouns in the plural count too (see ``roles``).
#: Those in :data:`NOBODY_PLURALS` name nobody at all and get none.
GROUP_NOUNS: frozenset[str] = frozenset(
    """demonstranten anwohner einwohner bewohner passanten helfer rettungskräfte sicherheitskräfte
    einsatzkräfte polizisten soldaten anhänger teilnehmer organisatoren veranstalter beobachter medien
    behörden quellen kreise insider menschen leute bürger wähler fans opfer angehörige eltern schüler
    presse jugendliche jugendlichen flüchtlinge flüchtlingen feuerwehrmänner mädchen tote toten verletzte
    astronomen rentner rentnern teilnehmern händler händlern beobachtern gesundheitsbehörden
    sicherheitsbehörden rettungsdienste reportern gruppen
    kinder nutzer kunden mieter fluglotsen meteorologen moslems muslime christen rebellen aufständische
    entführer täter ermittler augenzeugen zeugen experten kritiker ärzte forscher wissenschaftler analysten
    journalisten reporter politiker diplomaten beamte vertreter mitarbeiter seiten gegner befürworter
    aktivisten umweltschützer datenschützer rechtsextremisten oppositionsparteien regierungsparteien
    hilfsorganisationen gewerkschaften vertraute medienvertreter wahlbeobachter passagiere fluggäste insassen
    opposition neider benutzer beschäftigte juristen menschenmenge geschworene geschworenen""".split()
)
#: Plural endings of agent and person nouns ("Hacker", "Initiatoren", "Juristen", "Demonstranten",
#: "Akteure"): after "die" such a noun names a group of people. ``NOT_PEOPLE_PLURALS`` holds the
#: nouns with these endings that name no people: feminine nouns in -er ("die Mauer"), things in
#: -oren, -isten, -anten ("Faktoren", "Listen", "Varianten"). Movements named by their shirts are
#: people too ("die Rothemden", "die Gelbhemden").
PEOPLE_PLURAL_ENDINGS: tuple[str, ...] = ("isten", "anten", "oren", "eure", "euren", "er", "hemden")
NOT_PEOPLE_PLURALS: frozenset[str] = frozenset(
    """mauer feier steuer leiter nummer kammer dauer ader feder butter mutter tochter schwester folter oper
    faser trauer lauer elster leber wimper zither kiefer natter otter ziffer kiefer scheuer klammer
    faktoren sektoren motoren reaktoren traktoren indikatoren vektoren tumoren rotoren generatoren
    prozessoren sensoren detektoren monitoren akkumulatoren katalysatoren ventilatoren
    listen kisten fristen pisten zysten
    varianten konstanten diamanten kanten quadranten elefanten brillanten""".split()
)
#: Plurals that name no group, only that someone said it: anonymous sources ("Quellen", "Andere
#: Quellen", "informierter Kreise", "Insider"), and "die Presse" as the first part of a frame
#: ("Pressemitteilung"). No record, as for "man".
NOBODY_PLURALS: frozenset[str] = frozenset(
    """quellen kreise stimmen insider seiten informanten regierungskreise sicherheitskreise
    diplomatenkreise""".split()
)
#: Nouns of the member who speaks for an organisation, and as compound ends ("Polizeisprecher",
#: "Behördenvertreter"): the part before names the organisation.
MEMBER_NOUNS: tuple[str, ...] = tuple(
    sorted(
        """sprecher sprecherin sprechers vertreter vertreterin mitarbeiter mitarbeiterin mitarbeiters
        angestellter angestellte beamter beamtin insider korrespondent korrespondentin quelle streife""".split(),
        key=len,
        reverse=True,
    )
)
#: Capitalised words that open a sentence and are no names, beyond ``names.NOT_NAMES``: sentence
#: adverbs, indefinite pronouns, modal verbs ("Insbesondere", "Niemand", "Sollte").
NOT_NAME_OPENERS: frozenset[str] = frozenset(
    """insbesondere bezüglich sinngemäß neu darüber hierzu hierbei ferner ebenso erneut bislang weiterhin
    offen offiziell erwartungsgemäß unmissverständlich andererseits einerseits darin darauf daraufhin dies
    diese dieser dieses sollte sollten könnte könnten müsse müssten niemand jemand keiner einzig einig
    einschlägig empört erstmals lediglich vorher nachher ausdrücklich deutlich klar ähnlich gleich genauso
    stattdessen jedenfalls immerhin allein außerdem überdies zusätzlich ebenfalls anschließend später
    verglichen gemessen gesehen erste ersten zweite dritte letzte letzten andere anderen weitere weiteren
    offiziellen vorläufige jegliche sämtliche indem nachdem obwohl obgleich während weil falls sobald
    solange sofern woche wochen monat monate jahr jahre tag tage""".split()
)
#: Plural quantifiers and "jegliche", "keine": a mention they open is a group of whatever it names
#: or none ("Verschiedene Länderparlamente", "verschiedener US-Medien", "jegliche Koalition"), not a
#: holder of its own.
QUANTIFIERS: frozenset[str] = frozenset(
    """verschiedene verschiedener verschiedenen mehrere mehrerer mehreren einige einiger einigen zahlreiche
    zahlreicher zahlreichen viele vieler vielen manche mancher manchen etliche etlicher etlichen alle aller
    allen beide beider beiden weitere weiterer weiteren andere anderer anderen jegliche jeglicher jeglichen
    jegliches jeglichem keine keiner keinen keinem keines""".split()
)
#: Pronouns beyond ``function_words.PRONOUNS`` that a source span can be: never a holder's name.
MORE_PRONOUNS: frozenset[str] = frozenset(
    "ihnen ihm ihn es uns euch mir mich dir dich sich du jene jener jenes derjenige diejenige dieselbe"
    " letztere letzterer".split()
)
#: Titles and ranks before a name that ``roles`` does not know ("Professor Brown", "Oberst Polzer").
PERSON_TITLES: frozenset[str] = frozenset(
    """professor professorin prof doktor pfarrer pastor pfarrerin hauptmann oberst oberstleutnant major
    leutnant feldwebel scheich imam rabbiner mullah ayatollah großayatollah sultan emir prinzessin fürst
    graf gräfin baron sir dame diktator commander captain colonel sergeant lieutenant sheriff chief
    verteidiger verteidigerin schriftsteller schriftstellerin herausforderer herausforderin musiker musikerin
    komponist komponistin unternehmer unternehmerin milliardär kommentator moderatorin moderator astronaut
    pilot pilotin regisseur regisseurin rennfahrer fußballer torhüter""".split()
)
#: Countries, regions and cities that speak only by metonymy ("Russland erklärte"): places, no
#: holder of a record. Names as written in German news; genitives are read off ("Russlands").
PLACES: frozenset[str] = frozenset(
    """Afghanistan Ägypten Albanien Algerien Andorra Angola Argentinien Armenien Aserbaidschan Äthiopien
    Australien Bahrain Bangladesch Belgien Belarus Benin Bhutan Bolivien Bosnien Botswana Brasilien Bulgarien
    Burundi Chile China Dänemark Deutschland Dschibuti Ecuador Elfenbeinküste Eritrea Estland Finnland
    Frankreich Gabun Gambia Georgien Ghana Griechenland Großbritannien Guatemala Guinea Haiti Honduras Indien
    Indonesien Irak Iran Irland Island Israel Italien Jamaika Japan Jemen Jordanien Kambodscha Kamerun Kanada
    Kasachstan Katar Kenia Kirgisistan Kolumbien Kongo Korea Nordkorea Südkorea Kosovo Kroatien Kuba Kuwait
    Laos Lettland Libanon Liberia Libyen Liechtenstein Litauen Luxemburg Madagaskar Malawi Malaysia Mali
    Malta Marokko Mauretanien Mexiko Moldau Monaco Mongolei Montenegro Mosambik Myanmar Birma Namibia Nepal
    Neuseeland Nicaragua Niederlande Holland Niger Nigeria Norwegen Oman Österreich Pakistan Palästina Panama
    Paraguay Peru Philippinen Polen Portugal Ruanda Rumänien Russland Sambia Saudi-Arabien Schweden Schweiz
    Senegal Serbien Simbabwe Singapur Slowakei Slowenien Somalia Spanien Sudan Südsudan Südafrika
    Syrien Tadschikistan Taiwan Tansania Thailand Tibet Togo Tschad Tschechien Tunesien Türkei Turkmenistan
    Uganda Ukraine Ungarn Uruguay Usbekistan Venezuela Vietnam Weißrussland Zypern Europa Afrika Asien
    Amerika Lateinamerika Nahost Tschetschenien Kurdistan Darfur Gaza Westjordanland Krim Kaschmir
    Baden-Württemberg Bayern Berlin Brandenburg Bremen Hamburg Hessen Mecklenburg-Vorpommern Niedersachsen
    Nordrhein-Westfalen Rheinland-Pfalz Saarland Sachsen Sachsen-Anhalt Schleswig-Holstein Thüringen
    Kärnten Tirol Vorarlberg Steiermark Burgenland Salzburg Wien Graz Linz Innsbruck München Köln Frankfurt
    Stuttgart Düsseldorf Dortmund Essen Leipzig Dresden Hannover Nürnberg Kassel Bonn Paris London Rom
    Madrid Moskau Washington Peking Tokio Brüssel Genf Zürich Bern Kiew Kabul Bagdad Teheran Jerusalem
    Kairo Istanbul Ankara Warschau Prag Budapest Athen Lissabon Oslo Stockholm Kopenhagen Helsinki
    Amsterdam Straßburg Orleans Chicago Kalifornien Texas Florida Sydney Peking Shanghai
    Hongkong Mumbai Delhi Bangkok Manila Jakarta Islamabad Kandahar Damaskus Beirut Tripolis Bengasi
    Mogadischu Nairobi Johannesburg Kapstadt Lomé Mombasa Queensland Kalkutta Havanna Caracas Bogotá Lima
    Brasília Santiago Mexiko-Stadt Toronto Vancouver Montreal Ottawa Belgrad Sarajevo Zagreb Sofia Bukarest
    Minsk Vilnius Riga Tallinn Tiflis Baku Eriwan Gaza-Stadt Ramallah Bethlehem Haifa Riad Dubai Doha Sanaa
    Maskat""".split()
)
#: Nouns after which a genitive or apposition is a place: "des Landes Niedersachsen".
PLACE_NOUNS: frozenset[str] = frozenset(
    """land landes bundesland bundeslandes staat staates freistaat freistaates region provinz stadt
    bezirk bezirks kanton kantons bundesstaat bundesstaates emirat emirats königreich königreichs
    republik gemeinde kreis kreises""".split()
)

#: Grammatical gender of organisation heads, by suffix (longest first), for canonical names in
#: the nominative: "des Auswärtigen Amtes" → "Auswärtiges Amt", "die Vereinten Nationen" →
#: "Vereinte Nationen". "m", "f", "n" or "p" (plural).
_GENDER_SUFFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(
        [(s, "n") for s in """amt ministerium institut komitee gericht büro parlament kabinett präsidium kommando
         unternehmen zentrum programm gremium haus tribunal sekretariat konsulat militär blatt magazin fernsehen
         portal netzwerk bündnis kollegium kreuz""".split()]
        + [(s, "m") for s in """dienst rat verband bund konzern rundfunk sender verein klub club senat kongress
           ausschuss gerichtshof hof hersteller betreiber vorstand staat kreml vatikan hafen schutz""".split()]
        + [(s, "p") for s in "nationen streitkräfte behörden staaten parteien medien".split()],
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
)


def gender(noun: str) -> str:
    """The gender of an organisation head ("Amt" → "n"); feminine unless a suffix says otherwise
    (most heads are: -ung, -ei, -ion, -schaft, -behörde, -kommission, …)."""
    low = noun.casefold()
    for suffix, g in _GENDER_SUFFIXES:
        if low.endswith(suffix):
            return g
    return "f"


#: Nominative endings of an adjective without article, by gender: "Auswärtiges Amt".
STRONG_ENDINGS: dict[str, str] = {"m": "er", "f": "e", "n": "es", "p": "e"}

#: Offices too generic to identify their holder across articles by the role alone ("der
#: Präsident" of which country, club or company?); compounds do ("Bundespräsident").
GENERIC_OFFICES: frozenset[str] = frozenset(
    """minister ministerin präsident präsidentin kanzler kanzlerin bürgermeister bürgermeisterin gouverneur
    gouverneurin premier könig königin generalsekretär generalsekretärin vizepräsident vizepräsidentin""".split()
)
