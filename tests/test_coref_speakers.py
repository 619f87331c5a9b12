"""Speaker resolution (extraction.coref) of role nouns and pronouns to the persons an article
names: hand-placed sources, so only the resolver is tested."""

from __future__ import annotations

import re

from zitat_server.document import Doc, Entity, Form, Quote, Span, SpeakerType
from zitat_server.extraction.coref import Reading, Resolver, read
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.tokenizer import tokenize


def _doc(text: str, *sources: tuple[str, str]) -> Doc:
    """``text`` with one quote per (source, cue): the cue's next occurrence, the source's nearest."""
    doc = tokenize(text)
    at = 0
    for source, cue in sources:
        c = re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)").search(text, at)
        assert c is not None, cue
        places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(source)}(?!\w)", text)]
        s = min(places, key=lambda p: abs(p - c.start()))
        q = Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(s, s + len(source)))
        q.cue = [Span(c.start(), c.end())]
        doc.quotes.append(q)
        at = c.end()
    Resolver()(doc)
    return doc


def _name(doc: Doc, k: int) -> str | None:
    q = doc.quotes[k]
    e: Entity | None = doc.entities.get(q.entity) if q.entity else None
    return e.name if e is not None else None


def test_a_nationality_noun_is_the_person_introduced_with_it() -> None:
    text = (
        "Im Halbfinale wartet der Spanier Rafael Nadal, der sich gegen den Italiener Paolo Lorenzi "
        "durchgesetzt hatte. Ich bin froh, im Halbfinale zu sein, meinte der Spanier."
    )
    assert _name(_doc(text, ("der Spanier", "meinte")), 0) == "Rafael Nadal"


def test_the_chef_of_a_body_is_the_one_who_leads_it() -> None:
    text = (
        "UN-Generalsekretär Ban Ki-moon sprach vor Bundespräsident Heinz Fischer. "
        "Spaltung verletzt Menschen, betonte der UN-Chef."
    )
    assert _name(_doc(text, ("der UN-Chef", "betonte")), 0) == "Ban Ki-moon"


def test_a_role_of_a_body_in_the_genitive_names_its_holder() -> None:
    doc = tokenize("der Vizechef der Präsidialverwaltung Andrej Taranow")
    reading = read(doc, 0, len(doc.tokens))
    assert (reading.kind, reading.name, reading.roles) == ("person", ["Andrej", "Taranow"], ["Vizechef"])
    text = (
        "Die USA seien bereit, versicherte am Freitag der Vizechef der Präsidialverwaltung Andrej "
        "Taranow. Er rechne ab Oktober mit Hilfe, sagte er."
    )
    assert _name(_doc(text, ("er", "sagte")), 0) == "Andrej Taranow"


def test_a_first_name_glued_to_the_surname_is_split() -> None:
    text = "Zufrieden zeigt sich Landeshauptmann HansNiessl (SPÖ). Das sei gut, sagte Niessl."
    assert _name(_doc(text, ("Niessl", "sagte")), 0) == "Hans Niessl"


def test_professions_introduce_the_person_a_pronoun_takes_up() -> None:
    text = (
        "Zainab fragt zurück. Der Übersetzer Abdul, selbst ein Flüchtling, erläutert die Lage. "
        "Er erklärt, dass die Grenze geschlossen sei."
    )
    assert _name(_doc(text, ("Er", "erklärt")), 0) == "Abdul"
    text = (
        "Die positive Seite betont der Youtube-Star Pewdiepie. In einem Blogpost schreibt er, "
        "dass viele Nutzer Werbung überspringen."
    )
    assert _name(_doc(text, ("er", "schreibt")), 0) == "Pewdiepie"


def test_a_genitive_phrase_without_a_closing_name_introduces_nobody() -> None:
    text = (
        "Star-Quarterback Peyton Manning gewann. Er ist in 50 Jahren Super Bowl der neunte Verteidiger "
        "mit dem Titel. Die Chance ist nicht selbstverständlich, sagte er."
    )
    assert _name(_doc(text, ("er", "sagte")), 0) == "Peyton Manning"


def test_a_lone_first_name_is_a_person() -> None:
    text = (
        "Ich hoffe, es bleibt ruhig, sagt Melanie, die aus Berlin angereist ist. Sie war 2007 schon dabei. "
        "Die kommen hier nicht rein, erklärt die Soziologiestudentin."
    )
    assert _name(_doc(text, ("die Soziologiestudentin", "erklärt")), 0) == "Melanie"


def test_a_first_name_of_a_full_name_or_a_noun_is_no_lone_person() -> None:
    text = "Julian Draxler traf. Julian war gut, sagte der Trainer. Wir haben verloren, sagte er."
    assert _name(_doc(text, ("er", "sagte")), 0) == "Julian Draxler"
    text = "Der Laptop hat einen schmalen Rand. Wir sind zufrieden, sagte er."
    assert _name(_doc(text, ("er", "sagte")), 0) is None


def test_a_spokesperson_of_a_body_is_not_named_by_the_body_name() -> None:
    text = (
        "Eine Kooperation werde erwogen, sagte ein Sprecher der Gruppe Erste Küstendivision. "
        "Der Vorschlag sei abgelehnt worden, sagte er."
    )
    doc = _doc(text, ("ein Sprecher der Gruppe Erste Küstendivision", "sagte"), ("er", "sagte"))
    assert _name(doc, 0) == "Gruppe Erste Küstendivision"  # the body, no person "Erste Küstendivision"
    assert _name(doc, 1) != "Erste Küstendivision"


def test_a_named_role_of_a_body_after_a_comma_is_introduced() -> None:
    text = (
        "Der designierte Generaldirektor der Welt-Antidoping-Agentur (WADA), Olivier Niggli, rechnet "
        "nicht mit einem Freispruch. Die Werte seien deutlich, sagte der Schweizer der Zeitung."
    )
    assert _name(_doc(text, ("der Schweizer", "sagte")), 0) == "Olivier Niggli"


def test_a_capitalised_word_opening_a_sentence_once_names_nobody() -> None:
    text = (
        "Der polnische Außenminister Grzegorz Schetyna will den russischen Botschafter Sergej Andrejew "
        "zitieren. Grund ist ein Interview, in dem der Diplomat Warschau vorwarf, die Kontakte einzufrieren. "
        "Zudem warf er Polen Mitschuld vor. Die Regierung habe blockiert, sagte er."
    )
    doc = _doc(text, ("Grund", "vorwarf"), ("er", "warf"), ("er", "sagte"))
    assert doc.quotes[0].entity is None
    assert _name(doc, 2) == "Sergej Andrejew"
    text = "Merkel will reden. Merkel sagte, sie sei bereit."  # a recurring name stays a person
    assert _name(_doc(text, ("Merkel", "sagte")), 0) == "Merkel"


def test_a_pronoun_takes_the_person_opening_the_sentence_before() -> None:
    text = (
        "Ex-Finanzminister Yanis Varoufakis plante eine Parallelwährung. "
        "Der Finanzminister Dimitris Mardas sagte im Rundfunk, die Pläne seien nie besprochen worden. "
        "Varoufakis selbst schrieb auf Twitter von der Fantasie seiner Verleumder. "
        "Der Zeitung sagte er, seine Aussagen seien verkürzt worden."
    )
    doc = _doc(text, ("Der Finanzminister Dimitris Mardas", "sagte"), ("er", "sagte"))
    assert (_name(doc, 1) or "").endswith("Varoufakis")


def test_a_quoted_sentence_or_a_fronted_object_is_no_subject_for_a_pronoun() -> None:
    text = (
        "Der Abgeordnete Selahattin Demirtaş warf der Regierung vor, den Konflikt zu schüren. "
        "Erdoğan wolle die HDP schwächen, sagte Demirtaş der Agentur. Er rief zum Frieden auf."
    )
    doc = _doc(text, ("Demirtaş", "sagte"), ("Er", "rief"))
    doc.quotes[0].message = [Span(text.index("Erdoğan wolle"), text.index(", sagte"))]
    Resolver()(doc)
    assert _name(doc, 1) == "Selahattin Demirtaş"
    text = (
        "Finanzminister Yanis Varoufakis kritisierte Finanzminister Wolfgang Schäuble. "
        "Die Geldgeber wollten erpressen, sagte Varoufakis. Schäuble warf er vor, zu zögern."
    )
    doc = _doc(text, ("Varoufakis", "sagte"), ("er", "warf"))
    assert (_name(doc, 1) or "").endswith("Varoufakis")


def test_a_news_site_named_alone_is_a_medium() -> None:
    text = (
        "Die Chips arbeiten ähnlich wie Synapsen, erklärt Heise. Dahinter steht die Hebbsche Regel. "
        "Sie schreibt fest, dass Neuronen sich vernetzen."
    )
    doc = _doc(text, ("Heise", "erklärt"), ("Sie", "schreibt"))
    assert doc.entities[doc.quotes[0].entity].type.value == "media"
    assert doc.quotes[1].entity is None  # no woman in the text: "Sie" is the rule


def test_pronouns_agree_with_the_gender_of_a_first_name() -> None:
    text = (
        "Sonja Hammerschmid leitet die Universität. Das Budget reiche nicht, sagte Rektor Peter Müller. "
        "Das werde notwendig sein, sagt die Rektorin der Universität."
    )
    assert _name(_doc(text, ("die Rektorin der Universität", "sagt")), 0) == "Sonja Hammerschmid"
    text = "Der Regisseur Haskell Wexler reiste 1974 mit Jane Fonda nach Vietnam. Später sagte er, es sei gut gewesen."
    assert _name(_doc(text, ("er", "sagte")), 0) == "Haskell Wexler"


def test_a_name_the_text_repeats_is_a_person() -> None:
    text = (
        "Der Film stammt von Haskell Wexler. Kritiker lobten Haskell Wexler selten. Wexler, 1922 in Chicago "
        "geboren, reiste 1974 mit Jane Fonda nach Vietnam. In einem Tweet gab er bekannt, dass er spende."
    )
    assert _name(_doc(text, ("er", "gab")), 0) == "Haskell Wexler"
    text = (
        "Das Team sprach mit Ai Weiwei. Die Bilder von Ai Weiwei sind bekannt. Dann war Ai verschwunden, "
        "bald fragten alle nach Ai. Hier herrschen keine Werte, beschreibt er."
    )
    assert _name(_doc(text, ("er", "beschreibt")), 0) == "Ai Weiwei"


def test_a_pair_of_nouns_the_text_repeats_is_no_person() -> None:
    text = (
        "Der Klub Dynamo Kiew gewann. Dynamo Kiew ist Meister. In Kiew feierten die Fans, in Kiew war es laut. "
        "Wir sind glücklich, sagte er."
    )
    assert _name(_doc(text, ("er", "sagte")), 0) is None


def test_a_headline_role_is_the_person_the_article_then_names() -> None:
    text = (
        'Expertin: "Gefahr einer Infektion sehr wahrscheinlich". Rio de Janeiro – Das Segel-Revier ist '
        "verseucht. Dem Magazin sagte Kristina Mena, Professorin für Gesundheit: Wir sprechen über ein extremes Umfeld."
    )
    assert _name(_doc(text, ("Expertin", "Expertin")), 0) == "Kristina Mena"
    text = (
        "Ex-OGH-Präsidentin fordert Fairnessabkommen. Wien – Irmgard Griss wird bei der Wahl kandidieren. "
        "Das gab die ehemalige Präsidentin am Donnerstag bekannt."
    )
    assert _name(_doc(text, ("Ex-OGH-Präsidentin", "fordert")), 0) == "Irmgard Griss"


def test_a_role_in_the_body_with_no_holder_stays_anonymous() -> None:
    text = "Wien – Irmgard Griss kandidiert. Die Lage sei ernst, sagte ein Sprecher. Das sagte die Expertin."
    doc = _doc(text, ("ein Sprecher", "sagte"), ("die Expertin", "sagte"))
    assert _name(doc, 0) == ""  # an anonymous spokesman


def test_a_regional_adjective_is_no_role_of_the_name_after_it() -> None:
    text = (
        "Gerald Schneeweiß hat die Formen beschrieben. In manchen Gebieten, wie den Kärntner Nockbergen, "
        "kommen drei Arten vor. Sie seien leicht zu unterscheiden, so der Botaniker."
    )
    assert _name(_doc(text, ("der Botaniker", "so")), 0) == "Gerald Schneeweiß"


def test_the_verb_after_sie_tells_its_number() -> None:
    text = "Gesundheitsstadträtin Sonja Wehsely verhandelt. Sie habe einen Großteil erfüllt, sagt sie."
    assert _name(_doc(text, ("Sie", "erfüllt")), 0) == "Sonja Wehsely"
    text = "Gesundheitsstadträtin Sonja Wehsely verhandelt. Die Ärzte protestieren. Sie fordern mehr Geld."
    doc = _doc(text, ("Sie", "fordern"))
    assert doc.quotes[0].entity is None and doc.quotes[0].unresolved_reason == "group"


def _reading_after(text: str, holder: str) -> Reading:
    """The reading of ``holder`` given alone as the source, where it stands in ``text``."""
    doc = tokenize(text)
    start = text.index(holder)
    idx = doc.token_range(start, start + len(holder))
    return read(doc, idx.start, idx.stop)


def test_a_plural_genitive_after_a_speech_noun_is_a_group_not_the_person_named_before() -> None:
    # "nach Ansicht der Experten": the source is the holder alone, "der Experten", a genitive plural
    text = (
        "Umweltminister Stefan Wenzel sprach in Hannover. Das Grundwasser sei in Gefahr, nach "
        "Ansicht der Experten. Nach Angaben der Ermittler wurden drei Brunnen gesperrt."
    )
    doc = _doc(text, ("der Experten", "Ansicht"), ("der Ermittler", "Angaben"))
    for k, name in ((0, "Experten"), (1, "Ermittler")):
        e = doc.entities[doc.quotes[k].entity]
        assert (e.type, e.name) == (SpeakerType.GROUP, name)
    assert _reading_after("Nach Ansicht der Forscher ist das falsch.", "der Forscher").kind == "group"


def test_a_singular_genitive_after_a_speech_noun_stays_one_person() -> None:
    # "der Ministerin" is a genitive singular; "des Ministers", "eines Sprechers" are one man
    for text, holder in (
        ("Nach Angaben der Ministerin ist das falsch.", "der Ministerin"),
        ("Nach Angaben des Ministers ist das falsch.", "des Ministers"),
        ("Nach Angaben eines Sprechers ist das falsch.", "eines Sprechers"),
        ("Nach Angaben eines leitenden Beamten ist das falsch.", "eines leitenden Beamten"),
        ("Nach Angaben des Arztes ist das falsch.", "des Arztes"),
    ):
        assert _reading_after(text, holder).kind == "role", holder
    # the verb "schreiben" names no act whose genitive follows: "so schreiben der Minister und …"
    assert _reading_after("Das sei falsch, so schreiben der Minister und seine Frau.", "der Minister").kind == "role"


def test_a_genitive_holder_names_no_person_by_its_inflection() -> None:
    # a lone noun in the genitive is a body, not a person "Tagesspiegels"; a dative plural of a
    # group noun is a group, not a person "Bewohnern"; a name in the genitive drops its -s
    tagesspiegel = _reading_after(
        "Nach Angaben des Berliner Tagesspiegels ist das falsch.", "des Berliner Tagesspiegels"
    )
    assert (tagesspiegel.kind, tagesspiegel.name) == ("org", ["Berliner", "Tagesspiegel"])
    kreml = _reading_after("Nach Angaben des Kremls ist das falsch.", "des Kremls")
    assert (kreml.kind, kreml.name) == ("org", ["Kreml"])
    assert _reading_after("Nach Angaben von Bewohnern ist das falsch.", "Bewohnern").kind == "group"
    barca = _reading_after("Die Vereine einigten sich laut Auskunft Barcas auf 27 Millionen.", "Barcas")
    assert (barca.kind, barca.name) == ("person", ["Barca"])
    # not the genitive of another head: "der Arbeitgeber des Mannes" is no man
    assert _reading_after("Das teilte der Arbeitgeber des Mannes mit.", "der Arbeitgeber des Mannes").kind == "none"
    # a group noun inside a name stays in it
    assert _reading_after("Das sei falsch, berichtet Business Insider.", "Business Insider").name == [
        "Business",
        "Insider",
    ]


def test_unnamed_media_in_the_plural_are_no_medium_named_before():
    doc = Pipeline("default").process(
        "Die Zeitung Bild schrieb, er sei gesund. Zudem berichteten südkoreanische Medien, der Präsident sei krank."
    )
    named = [(doc.entities[q.entity].type, doc.entities[q.entity].name) for q in doc.quotes]
    assert named == [(SpeakerType.MEDIA, "Bild"), (SpeakerType.GROUP, "Medien")]  # a group, not Bild


def test_a_speech_noun_before_zu_is_no_name_with_a_particle():
    doc = Pipeline("default").process("Sie sollen nach kubanischen Aussagen zu Unrecht seit 1998 eine Strafe verbüßen.")
    assert all(doc.span_text(q.source) != "zu Unrecht" for q in doc.quotes if q.source)


def test_a_kinship_noun_is_no_name():
    doc = Pipeline("default").process(
        "Ein Mann hat sich mit seiner 31-jährigen Ehefrau in seinem Haus verschanzt. Er sagte, er sei bewaffnet."
    )
    assert all(e.name != "Ehefrau" for e in doc.entities.values())


def _demnach_holder(doc: Doc) -> tuple[str | None, str]:
    (q,) = [q for q in doc.quotes if q.source is not None and doc.span_text(q.source) == "Demnach"]
    e = doc.entities.get(q.entity) if q.entity else None
    return (e.name if e else None), q.unresolved_reason


def test_demnach_takes_up_the_report_of_the_sentence_before() -> None:
    p = Pipeline("default")
    # a quote ends in the sentence before: its holder
    doc = p.process("Wie die NATO am Montag mitteilte, sind mehrere Zivilisten getötet worden. "
                    "Demnach wurden bei Mardscha drei Zivilisten getötet, die sich genähert hatten.")
    assert _demnach_holder(doc) == ("NATO", "")
    # no quote there, but a subject that made a report
    doc = p.process("Am Nachmittag hat die FIFA die Vergabe zweier Weltmeisterschaften bekannt gegeben. "
                    "Demnach wird Deutschland die Weltmeisterschaft der Frauen austragen.")
    assert _demnach_holder(doc) == ("FIFA", "")
    # nobody reports in the sentence before: no antecedent, not the holder of an older quote
    doc = p.process("Der Minister sagte, die Lage sei ernst. Inzwischen sind Beschuldigungen an die "
                    "Öffentlichkeit gelangt. Demnach steht der Kopilot in der Schusslinie.")
    assert _demnach_holder(doc) == (None, "no antecedent")
    # the subject after the finite verb, with an article and a numeral before it; a department
    doc = p.process("Im Verfahren gegen ihn haben die zwölf Geschworenen am Montag ihre Entscheidung bekannt "
                    "gegeben. Demnach ist er in allen Anklagepunkten nicht schuldig.")
    assert _demnach_holder(doc) == ("Geschworenen", "")
    doc = p.process("Mittlerweile hat die Kriminalabteilung des Landeskommandos nähere Einzelheiten bekannt "
                    "gegeben. Demnach ereignete sich eine chemische Reaktion.")
    assert _demnach_holder(doc)[0] is not None and _demnach_holder(doc)[0].startswith("Kriminalabteilung")


def test_a_relative_pronoun_after_a_clause_final_verb_takes_the_person_before_the_verb() -> None:
    text = ("Wenn noch weitere Abgeordnete dem Beispiel des sozialistischen Parlamentsmitgliedes Alexandros "
            "Athanassiadis folgen, der "
            "erklärt hat, gegen das Sparpaket zu stimmen, wird es eng. Wenn weitere Abgeordnete dem Beispiel "
            "folgen, der erklärt hat, zu stimmen, wird es eng.")
    doc = _doc(text, ("der", "erklärt"), ("der", "erklärt"))
    assert _name(doc, 0) is not None and _name(doc, 0).endswith("Alexandros Athanassiadis")
    # no person before the verb: no antecedent
    assert _name(doc, 1) is None and doc.quotes[1].unresolved_reason == "no antecedent"


def test_a_womans_first_name_outweighs_a_role_without_in() -> None:
    # "Europaabgeordnete" has no "-in": the first name says "sie"; a spokesman "Koch-Mehrins" is
    # someone of hers, an unnamed person, not she (nor gives her his role)
    text = (
        "Die FDP-Europaabgeordnete Silvana Koch-Mehrin hat Widerspruch eingelegt. Dies teilte ein Sprecher "
        "Koch-Mehrins mit. Manfred Berg hatte mitgeteilt, dass die Hochschule entscheiden werde. "
        "Sie wisse, dass ihre Arbeit nicht frei von Schwächen sei."
    )
    doc = _doc(text, ("ein Sprecher Koch-Mehrins", "teilte"), ("Manfred Berg", "mitgeteilt"), ("Sie", "wisse"))
    assert doc.entities[doc.quotes[0].entity].anonymous
    assert _name(doc, 2) == "Silvana Koch-Mehrin"
    assert "Sprecher" not in doc.entities[doc.quotes[2].entity].roles


def test_a_role_of_either_sex_says_nothing_against_a_sie() -> None:
    text = (
        "Halima Jouini, Vorstandsmitglied der tunesischen Menschenrechtsliga, sagte dazu gegenüber der ARD: "
        "„Frauen haben sich gegen den Diktator gestellt“, betont sie."
    )
    doc = _doc(text, ("Halima Jouini", "sagte"), ("sie", "betont"))
    assert _name(doc, 1) == "Halima Jouini"


def test_a_pronoun_right_after_an_unnamed_speaker_is_that_speaker() -> None:
    text = (
        "Der Bericht nennt Zahlen. Ein Sprecher des Übergangsrates sagte SPIEGEL ONLINE, sie hätten erst "
        "durch den Bericht davon erfahren. Er kündigte eine Untersuchung an."
    )
    doc = _doc(text, ("Ein Sprecher des Übergangsrates", "sagte"), ("Er", "kündigte"))
    assert doc.quotes[1].entity == doc.quotes[0].entity
    assert doc.entities[doc.quotes[1].entity].anonymous


def test_a_pronoun_after_an_unnamed_speaker_and_a_named_person_is_not_the_unnamed_one() -> None:
    text = (
        "Ein Sprecher des Übergangsrates sagte, Innenminister Peter Müller habe davon gewusst. "
        "Er kündigte eine Untersuchung an."
    )
    doc = _doc(text, ("Ein Sprecher des Übergangsrates", "sagte"), ("Er", "kündigte"))
    assert doc.quotes[1].entity != doc.quotes[0].entity


def test_a_role_names_its_holder_in_an_apposition_after_a_prepositional_tail() -> None:
    text = (
        "Der Vertreter der Arbeitgeber im Aufsichtsrat der Bundesagentur für Arbeit (BA), Peter Clever, "
        "hat gefordert, dass der Datenschutz gelockert werden solle."
    )
    doc = _doc(text, ("Der Vertreter der Arbeitgeber", "gefordert"))
    assert _name(doc, 0) == "Peter Clever"
    # a clause after the comma is no apposition
    text = "Der Sprecher der Polizei in Kassel, die den Fall untersucht, sagte, Peter Clever sei frei."
    doc = _doc(text, ("Der Sprecher der Polizei", "sagte"))
    assert _name(doc, 0) != "Peter Clever"


def test_an_office_is_the_person_whose_name_opens_the_next_sentence() -> None:
    text = (
        "Der Bundespräsident hat in einem Interview Stellung genommen. Der Bundespräsident konstatierte "
        "eine wachsende Kluft. Köhler warb für eine Diskussion. Dann sagte Köhler, die Gewerkschaften müssten handeln."
    )
    doc = _doc(text, ("Der Bundespräsident", "konstatierte"), ("Köhler", "sagte"))
    assert _name(doc, 0) == "Köhler"
    # a name said once is no evidence; nor is a name that opens a sentence further away
    text = "Der Bundespräsident konstatierte eine wachsende Kluft. Müller warb für eine Diskussion."
    assert _name(_doc(text, ("Der Bundespräsident", "konstatierte")), 0) in ("", None)
