"""The lexicon of German speech, writing and thought cues.

Verb forms are generated from compact entries rather than listed by hand, so a new verb is
one line. A separable verb ("teilte … mit") is stored under its finite part with the
particle it needs; the attribution looks for that particle later in the clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from zitat_server.document import Medium

S, W, T = Medium.SPEECH, Medium.WRITING, Medium.THOUGHT
SW, ST = Medium.SPEECH_WRITING, Medium.SPEECH_THOUGHT


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    medium: Medium
    particle: str = ""  # separable particle, e.g. "mit" for "mitteilen"
    finite: bool = True  # a finite form (sagte) rather than a participle/infinitive (gesagt)
    source_after: str = ""  # the word the source follows: "geht aus dem Bericht hervor"


def _infinitive(stem: str) -> str:
    """fordern, äußern, bezweifeln (stems in -er, -el), sagen."""
    return stem + ("n" if stem.endswith(("er", "el")) and not stem.endswith("ier") else "en")


def _weak(stem: str, *, prefix_ge: bool = True) -> list[tuple[str, bool]]:
    """Forms of a weak verb: present, past, Konjunktiv I, participle, infinitive."""
    e = "e" if stem.endswith(("t", "d")) or stem.endswith(("chn", "ffn", "gn", "tm")) else ""
    finite = [stem + e + "t", stem + e + "te", stem + e + "ten", stem + "e", _infinitive(stem), stem + e + "test"]
    ge = "ge" if prefix_ge else ""
    return [(f, True) for f in finite] + [(ge + stem + e + "t", False)]


# Verbs listed with their forms: strong and irregular verbs, and weak verbs whose forms the
# generator gets wrong. (lemma, medium, finite forms, participle or "")
_STRONG: list[tuple[str, Medium, list[str], str]] = [
    ("sprechen", S, ["spricht", "sprach", "sprachen", "spreche", "sprechen"], "gesprochen"),
    ("schreiben", W, ["schreibt", "schrieb", "schrieben", "schreibe", "schreiben"], "geschrieben"),
    ("rufen", S, ["ruft", "rief", "riefen", "rufe"], "gerufen"),
    ("verkünden", SW, ["verkündet", "verkündete", "verkündeten", "verkünde"], "verkündet"),
    ("bekennen", S, ["bekennt", "bekannte", "bekannten", "bekenne"], "bekannt"),
    ("nennen", SW, ["nennt", "nannte", "nannten", "nenne"], "genannt"),
    ("denken", T, ["denkt", "dachte", "dachten", "denke"], "gedacht"),
    ("wissen", T, ["weiß", "wusste", "wussten", "wisse"], "gewusst"),
    ("verweisen", SW, ["verweist", "verwies", "verwiesen", "verweise"], "verwiesen"),
    ("beschreiben", SW, ["beschreibt", "beschrieb", "beschrieben", "beschreibe"], "beschrieben"),
    ("versprechen", SW, ["verspricht", "versprach", "versprachen", "verspreche"], "versprochen"),
    ("widersprechen", SW, ["widerspricht", "widersprach", "widersprachen", "widerspreche"], "widersprochen"),
    ("empfehlen", SW, ["empfiehlt", "empfahl", "empfahlen", "empfehle"], "empfohlen"),
    ("befinden", SW, ["befand", "befanden"], ""),
    ("schließen", T, ["schloss", "schlossen"], ""),
    ("bitten", S, ["bittet", "bat", "baten", "bitte"], "gebeten"),
    ("heißen", SW, ["heißt", "hieß"], "geheißen"),
    ("meinen", ST, ["meint", "meinte", "meinten", "meine"], "gemeint"),
    ("glauben", T, ["glaubt", "glaubte", "glaubten", "glaube"], "geglaubt"),
    ("beschließen", SW, ["beschließt", "beschloss", "beschlossen", "beschließe"], "beschlossen"),
    ("raten", S, ["rät", "riet", "rieten", "rate"], "geraten"),
    ("unterstreichen", SW, ["unterstreicht", "unterstrich", "unterstrichen"], "unterstrichen"),
    ("bestreiten", SW, ["bestreitet", "bestritt", "bestritten", "bestreite"], "bestritten"),
    ("verneinen", SW, ["verneint", "verneinte", "verneinten"], "verneint"),
    ("vergleichen", SW, ["vergleicht", "verglich", "verglichen", "vergleiche"], "verglichen"),
    ("erwägen", T, ["erwägt", "erwog", "erwogen", "erwäge"], "erwogen"),
]

_WEAK: list[tuple[str, Medium, bool]] = [
    ("sag", S, True),
    ("erklär", SW, False),
    ("beton", SW, False),
    ("bericht", SW, False),
    ("behaupt", SW, False),
    ("antwort", SW, True),
    ("äußer", SW, True),
    ("erzähl", S, False),
    ("bestätig", SW, False),
    ("forder", SW, True),
    ("warn", SW, True),
    ("kritisier", SW, False),
    ("fürcht", T, True),
    ("befürcht", T, False),
    ("hoff", T, True),
    ("vermut", T, False),
    ("sorg", T, True),
    ("klag", S, True),
    ("beklag", SW, False),
    ("erinner", SW, False),
    ("twitter", W, True),
    ("zitier", SW, False),
    ("erwider", SW, False),
    ("bekräftig", SW, False),
    ("versicher", SW, False),
    ("bezeichn", SW, False),
    ("kommentier", SW, False),
    ("mahn", SW, True),
    ("ermahn", SW, False),
    ("verlang", SW, False),
    ("dementier", SW, False),
    ("beharr", SW, False),
    ("präzisier", SW, False),
    ("wiederhol", SW, False),
    ("argumentier", SW, False),
    ("formulier", SW, False),
    ("frag", S, True),
    ("verdeutlich", SW, False),
    ("signalisier", SW, False),
    ("schätz", T, True),
    ("meld", SW, True),
    ("protestier", SW, False),
    ("schilder", SW, True),
    ("lob", SW, True),
    ("dank", SW, True),
    ("begrüß", SW, False),
    ("verurteil", SW, False),
    ("appellier", SW, False),
    ("rechtfertig", SW, False),
    ("prophezei", SW, False),
    ("prognostizier", SW, False),
    ("erwart", T, False),
    ("bezweifel", T, False),
    ("plädier", SW, False),
    ("droh", SW, True),
    ("entgegn", SW, False),
    ("begründ", SW, False),
    ("erläuter", SW, False),
    ("erwähn", SW, False),
    ("konstatier", SW, False),
    ("ergänz", SW, False),
    ("beschuldig", SW, False),
    ("skandier", S, False),
    ("beziffer", SW, False),
    ("bezichtig", SW, False),
    ("wert", ST, True),
    ("würdig", SW, True),
]


# Separable verbs: (lemma, medium, finite forms, particle).
_SEPARABLE: list[tuple[str, Medium, list[str], str]] = [
    ("mitteilen", SW, ["teilt", "teilte", "teilten", "teile"], "mit"),
    ("hinweisen", SW, ["weist", "wies", "wiesen", "weise"], "hin"),
    ("zurückweisen", SW, ["weist", "wies", "wiesen", "weise"], "zurück"),
    ("bekanntgeben", SW, ["gibt", "gab", "gaben", "gebe"], "bekannt"),
    ("hinzufügen", SW, ["fügt", "fügte", "fügten", "füge"], "hinzu"),
    ("ankündigen", SW, ["kündigt", "kündigte", "kündigten", "kündige"], "an"),
    ("einräumen", SW, ["räumt", "räumte", "räumten", "räume"], "ein"),
    ("klarstellen", SW, ["stellt", "stellte", "stellten", "stelle"], "klar"),
    ("andeuten", SW, ["deutet", "deutete", "deuteten", "deute"], "an"),
    ("anmerken", SW, ["merkt", "merkte", "merkten", "merke"], "an"),
    ("vorwerfen", SW, ["wirft", "warf", "warfen", "werfe"], "vor"),
    ("vorschlagen", SW, ["schlägt", "schlug", "schlugen", "schlage"], "vor"),
    ("zugeben", SW, ["gibt", "gab", "gaben", "gebe"], "zu"),
    ("angeben", SW, ["gibt", "gab", "gaben", "gebe"], "an"),
    ("aufrufen", SW, ["ruft", "rief", "riefen", "rufe"], "auf"),
    ("ausführen", SW, ["führt", "führte", "führten", "führe"], "aus"),
    ("festhalten", SW, ["hält", "hielt", "hielten", "halte"], "fest"),
    ("zusichern", SW, ["sichert", "sicherte", "sicherten", "sichere"], "zu"),
    ("hervorheben", SW, ["hebt", "hob", "hoben", "hebe"], "hervor"),
    ("herausstreichen", SW, ["streicht", "strich", "strichen", "streiche"], "heraus"),
    ("vorlegen", W, ["legt", "legte", "legten", "lege"], "vor"),
    ("feststellen", SW, ["stellt", "stellte", "stellten", "stelle"], "fest"),
    ("auffordern", SW, ["fordert", "forderte", "forderten", "fordere"], "auf"),
    ("ausgehen", T, ["geht", "ging", "gingen", "gehe"], "aus"),
    ("ausschließen", SW, ["schließt", "schloss", "schlossen", "schließe"], "aus"),
    ("einwenden", SW, ["wendet", "wandte", "wandten", "wende"], "ein"),
    ("zugestehen", SW, ["gesteht", "gestand", "gestanden", "gestehe"], "zu"),
    ("eingestehen", SW, ["gesteht", "gestand", "gestanden", "gestehe"], "ein"),
    ("voraussagen", SW, ["sagt", "sagte", "sagten", "sage"], "voraus"),
    ("aussagen", S, ["sagt", "sagte", "sagten", "sage"], "aus"),
    ("hervorgehen", W, ["geht", "ging", "gingen", "gehe"], "hervor"),
    ("anprangern", SW, ["prangert", "prangerte", "prangerten", "prangere"], "an"),
    ("androhen", SW, ["droht", "drohte", "drohten", "drohe"], "an"),
    ("zusagen", SW, ["sagt", "sagte", "sagten", "sage"], "zu"),
    ("ansehen", ST, ["sieht", "sah", "sahen", "sehe"], "an"),
    ("anregen", SW, ["regt", "regte", "regten", "rege"], "an"),
    ("zuschreiben", SW, ["schreibt", "schrieb", "schrieben", "schreibe"], "zu"),
    ("einschätzen", ST, ["schätzt", "schätzte", "schätzten", "schätze"], "ein"),
    ("einstufen", SW, ["stuft", "stufte", "stuften", "stufe"], "ein"),
    ("aussprechen", SW, ["spricht", "sprach", "sprachen", "spreche"], "aus"),
    ("einfordern", SW, ["fordert", "forderte", "forderten", "fordere"], "ein"),
    ("zurufen", S, ["ruft", "rief", "riefen", "rufe"], "zu"),
]


#: Participles of the strong separable verbs, which the weak pattern (particle + "ge" + stem)
#: gets wrong: "angegeben", not "angegibt".
_SEPARABLE_PARTICIPLES: dict[str, str] = {
    "hinweisen": "hingewiesen",
    "zurückweisen": "zurückgewiesen",
    "bekanntgeben": "bekanntgegeben",
    "vorwerfen": "vorgeworfen",
    "vorschlagen": "vorgeschlagen",
    "zugeben": "zugegeben",
    "angeben": "angegeben",
    "aufrufen": "aufgerufen",
    "zurufen": "zugerufen",
    "festhalten": "festgehalten",
    "hervorheben": "hervorgehoben",
    "herausstreichen": "herausgestrichen",
    "ausgehen": "ausgegangen",
    "ausschließen": "ausgeschlossen",
    "einwenden": "eingewandt",
    "zugestehen": "zugestanden",
    "eingestehen": "eingestanden",
    "hervorgehen": "hervorgegangen",
    "ansehen": "angesehen",
    "zuschreiben": "zugeschrieben",
    "aussprechen": "ausgesprochen",
}

# News reports most cue verbs as speech: on the training split "erklärte", "teilte … mit",
# "kritisierte" are Speech more often than the ambiguous SW, so SW stays only where it wins.
_KEEP_SW = frozenset({"bestätigen", "melden", "bekanntgeben", "verweisen", "zurückweisen", "vorwerfen"})
_WRITING = frozenset({"berichten", "heißen", "schreiben", "twittern", "beschreiben"})


#: Verbs whose source follows a preposition: "Das geht aus einem Bericht der Polizei hervor".
_SOURCE_AFTER = {"hervorgehen": "aus"}


def _news_medium(cue: CueVerb) -> CueVerb:
    medium = cue.medium
    if cue.lemma in _WRITING:
        medium = W
    elif cue.medium is SW and cue.lemma not in _KEEP_SW:
        medium = S
    return CueVerb(cue.lemma, medium, cue.particle, cue.finite, _SOURCE_AFTER.get(cue.lemma, ""))


def _build() -> dict[str, list[CueVerb]]:
    lex: dict[str, list[CueVerb]] = {}

    def add(form: str, cue: CueVerb) -> None:
        cue = _news_medium(cue)
        entries = lex.setdefault(form.lower(), [])
        if cue not in entries:
            entries.append(cue)

    for stem, medium, ge in _WEAK:
        lemma = _infinitive(stem)
        prefix_ge = ge and not stem.endswith("ier")
        for form, finite in _weak(stem, prefix_ge=prefix_ge):
            add(form, CueVerb(lemma, medium, finite=finite))
    for lemma, medium, forms, participle in _STRONG:
        for form in forms:
            add(form, CueVerb(lemma, medium))
        if participle:
            add(participle, CueVerb(lemma, medium, finite=False))
    for lemma, medium, forms, particle in _SEPARABLE:
        for form in [*forms, lemma[len(particle) :]]:  # the last is the plural: "werfen … vor"
            add(form, CueVerb(lemma, medium, particle=particle))
        # Subordinate-clause and participle forms are one word: "mitteilte", "mitgeteilt".
        stem = forms[1]
        add(particle + stem, CueVerb(lemma, medium, finite=True))
        add(particle + forms[0], CueVerb(lemma, medium, finite=True))
        participle = _SEPARABLE_PARTICIPLES.get(lemma, particle + "ge" + forms[0])
        add(participle, CueVerb(lemma, medium, finite=False))
    return lex


VERBS: dict[str, list[CueVerb]] = _build()

# Reported-speech markers (SpkAtt Form "Reported"): "ihm zufolge", "laut der Ministerin".
POSTPOSITIONS: frozenset[str] = frozenset({"zufolge"})
PREPOSITIONS: frozenset[str] = frozenset({"laut", "gemäß"})
#: Every word that opens or closes an according-to frame: the task's cue of "nach Angaben der Polizei".
ACCORDING_TO_WORDS: frozenset[str] = POSTPOSITIONS | PREPOSITIONS | {"nach"}
# "nach Angaben der Polizei", "nach Ansicht des Ministers", "nach Worten von …"
NACH_NOUNS: frozenset[str] = frozenset(
    """angaben ansicht meinung worten aussage aussagen einschätzung auffassung darstellung informationen
    berichten schätzungen überzeugung studie berechnungen zeugenaussagen umfrage bericht
    erkenntnissen ermittlungen polizeiangaben behördenangaben medienberichten schätzung prognose prognosen
    darstellungen einschätzungen untersuchung analyse auskunft mitteilung stellungnahme erfahrungen
    erkenntnisstand planungen ankündigung vernehmen bekunden vorhersage nachricht nachrichten
    expertenmeinung quellenlage""".split()
)
#: Heads of compounds that are report nouns too: "Bahnangaben", "Expertenmeinung", "Zeitungsberichten".
NACH_NOUN_SUFFIXES: tuple[str, ...] = (
    "angaben",
    "aussagen",
    "meinung",
    "berichten",
    "informationen",
    "schätzungen",
    "einschätzung",
    "erkenntnissen",
)
#: Report nouns before a postpositional "nach": "Seiner Meinung nach", "Dem Vernehmen nach".
NACH_POSTPOSITION_NOUNS: frozenset[str] = frozenset(
    "meinung ansicht auffassung vernehmen einschätzung angaben aussage aussagen überzeugung".split()
)
#: Adverbs that open a sentence reporting what a source said before: "Demnach erwartet Russland, …".
SENTENCE_FRAMES: frozenset[str] = frozenset({"demnach"})
#: Relative adverbs and pronouns after "nach" that open reported content: "ein Bericht, wonach …",
#: "Studien, nach denen …".
RELATIVE_FRAMES: frozenset[str] = frozenset({"wonach"})
NACH_RELATIVES: frozenset[str] = frozenset({"denen", "welchem", "welcher", "welchen"})


#: Report nouns that name a speech act, not a document: in "nach Angaben der Polizei" the holder
#: is the police; in "laut einer Studie der Universität" the study holds the claim.
SPEECH_FRAME_NOUNS: frozenset[str] = frozenset(
    """angaben aussage aussagen ansicht meinung worten einschätzung einschätzungen auffassung darstellung
    darstellungen überzeugung informationen berichten erkenntnissen auskunft""".split()
)


def is_speech_frame_noun(word: str) -> bool:
    """ "Angaben", "Worten", "Informationen": the act of a holder named after it (not compounds:
    "Polizeiangaben" names its holder itself)."""
    return word[:1].isupper() and word.lower() in SPEECH_FRAME_NOUNS


def is_report_noun(word: str) -> bool:
    """A noun that names what someone said or wrote, after "nach": "Angaben", "Polizeiangaben"."""
    low = word.lower()
    return low in NACH_NOUNS or (len(low) > 9 and low.endswith(NACH_NOUN_SUFFIXES))


#: Verbs whose noun-phrase object reports a speech act (SpkAtt ``Reported``): "forderte eine
#: Untersuchung", "sprach von einem Erfolg", "kündigte seinen Rücktritt an", with the preposition
#: the object needs ("" for a plain object). Chosen on the train split: verbs whose object use
#: the annotators marked as Reported at least as often as not ("bestätigte den Vorfall",
#: "kritisierte den Plan", "verurteilte" (a court) are left out).
REPORTED_OBJECTS: dict[str, frozenset[str]] = {
    "sprechen": frozenset({"von", "vom", "über", "für", "gegen"}),
    "nennen": frozenset(),
    "bezeichnen": frozenset({"als"}),
    "warnen": frozenset({"vor", "vorm"}),
    "fordern": frozenset(),
    "verlangen": frozenset(),
    "ankündigen": frozenset(),
    "vorwerfen": frozenset(),
    "berichten": frozenset({"von", "vom", "über"}),
    "aufrufen": frozenset({"zu", "zum", "zur"}),
    "hinweisen": frozenset({"auf"}),
    "ausgehen": frozenset({"von", "vom"}),
    "plädieren": frozenset({"für"}),
    "empfehlen": frozenset(),
    "bekanntgeben": frozenset(),
    "verweisen": frozenset({"auf"}),
    "beziffern": frozenset({"auf"}),
    "bezichtigen": frozenset(),
    "werten": frozenset({"als"}),
    "vergleichen": frozenset({"mit"}),
    "ansehen": frozenset({"als"}),
    "anregen": frozenset(),
    "zuschreiben": frozenset(),
    "einschätzen": frozenset({"als"}),
    "einstufen": frozenset({"als"}),
    "aussprechen": frozenset({"für", "gegen"}),
    "angeben": frozenset(),
    "raten": frozenset({"zu", "zum", "zur"}),
    "begründen": frozenset({"mit"}),
    "würdigen": frozenset({"als"}),
    "erwägen": frozenset(),
    "einfordern": frozenset(),
}


#: Separable verb particles: one that closes the clause of a cue verb none of whose readings
#: takes it makes another verb ("verlangen … ab": abverlangen, "teilte … aus": austeilen).
SEPARABLE_PARTICLES: frozenset[str] = frozenset(
    "ab an auf aus bei ein fest her hin los mit nach vor weg zu zurück um durch dar entgegen fort heraus hervor"
    " hinzu zusammen".split()
)


#: Sentence openers that refer back to the sentence before as what was said: "Dies bestätigte
#: ein Sprecher.", "Das geht aus einem Bericht hervor."
ANAPHORIC_OPENERS: frozenset[str] = frozenset({"Dies", "Das", "Dieses"})


#: Auxiliaries of a passive cue at the end of a clause: "wie … zitiert wird", "berichtet wurde".
PASSIVE_AUXILIARIES: frozenset[str] = frozenset({"wird", "wurde", "werden", "wurden", "worden", "ist", "war"})


#: Verbs of saying after which a main clause, even in the indicative, is the content said:
#: "teilte mit, Tony Blair steht bereit", "sagte, er ruft uns an".
STATEMENT_VERBS: frozenset[str] = frozenset(
    """sagen erklären mitteilen berichten melden betonen schreiben angeben antworten erwidern hinzufügen
    versichern bekräftigen behaupten argumentieren zugeben einräumen unterstreichen bestätigen verkünden
    sprechen twittern ausführen klarstellen feststellen festhalten präzisieren ergänzen""".split()
)
#: Words that open a clause after a comma that is not what was said: subordinators, relatives,
#: coordinators ("sagte, weil …", "sagte, was …", "sagte, und …").
CLAUSE_OPENERS_NOT_SAID: frozenset[str] = frozenset(
    """weil als nachdem wenn obwohl da während bevor seit seitdem sobald damit um ohne statt anstatt wobei
    was wo wie welche welcher welches und oder aber doch sondern denn zumal indem falls sodass so""".split()
)


#: Nouns that name a statement, a view or a demand, so that a content clause after them is
#: reported speech or thought: "vertritt die These, die Partei stagniere", "die Forderung, die
#: Steuern zu senken", "ist der Meinung, dass …" (all inflected forms, lower case).
SPEECH_NOUNS: frozenset[str] = frozenset(
    """meinung ansicht auffassung überzeugung these theorie vermutung vermutungen befürchtung befürchtungen
    hoffnung forderung forderungen vorwurf vorwürfe vorwürfen behauptung behauptungen warnung warnungen
    erklärung mitteilung aussage aussagen meldung meldungen ankündigung hinweis hinweise verdacht
    einschätzung appell aufruf aufforderung befehl anweisung zusicherung versprechen zusage vorschlag
    begründung argument standpunkt schluss ergebnis gerüchte gerücht spekulationen spekulation zweifel
    mutmaßung erwartung prognose annahme sorge""".split()
)


#: Verbs that also name things ("wie er genannt wird", "als X bezeichnet"): no speech in a wie-clause.
NAMING_VERBS: frozenset[str] = frozenset({"nennen", "bezeichnen"})


#: Nouns whose quoted apposition is a title, not a quotation: "die Studie „Linke Gewalt in Berlin“".
TITLE_NOUNS: frozenset[str] = frozenset(
    """titel studie buch film album lied song roman zeitung magazin sendung serie projekt programm operation
    ausstellung untertitel schlagzeile stück oper theaterstück dokumentation aktion""".split()
)


#: What "gemäß" names when it is no source: a rule, a law, a plan ("gemäß dem neuen Profil 1.1").
RULE_NOUNS: frozenset[str] = frozenset(
    """gesetz gesetzes regel regeln regelung vorschrift vorschriften paragraf paragraph artikel vertrag plan
    profil standard norm satzung verordnung richtlinie richtlinien prinzip grundsatz verfassung recht""".split()
)
RULE_NOUN_SUFFIXES: tuple[str, ...] = ("gesetz", "gesetzes", "regel", "regelung", "vorschrift", "vertrag", "plan")


def lookup(word: str) -> list[CueVerb]:
    """Cue entries for a word form (case-insensitive); empty when it is no cue."""
    return VERBS.get(word.lower(), [])


def all_cue_words() -> frozenset[str]:
    """Every word form the lexicon knows as a cue: verb forms, according-to words, report nouns."""
    return frozenset(VERBS) | POSTPOSITIONS | PREPOSITIONS | NACH_NOUNS | SENTENCE_FRAMES | RELATIVE_FRAMES
