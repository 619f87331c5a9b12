"""Holders of speech acts (extraction.coref): source mentions read and resolved to persons,
anonymous persons, organisations, media and groups, on hand-placed sources (no quote finding)."""

from __future__ import annotations

import re

from zitat_server.document import Doc, Entity, Form, Quote, Span, SpeakerType
from zitat_server.extraction import coref
from zitat_server.extraction.coref import Resolver, read
from zitat_server.extraction.tokenizer import tokenize


def _find(text: str, word: str, at: int = 0) -> int:
    m = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)").search(text, at)
    assert m is not None, word
    return m.start()


def _doc(text: str, *sources: tuple[str, str]) -> Doc:
    """``text`` with one quote per (source, cue) pair: the source's first occurrence after the last
    one, the cue's occurrence nearest to it."""
    doc = tokenize(text)
    at = 0
    for source, cue in sources:
        start = _find(text, source, at)
        q = Quote(message=[Span(0, 1)], form=Form.INDIRECT, source=Span(start, start + len(source)))
        if cue:
            places = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", text)]
            cue_at = min(places, key=lambda p: abs(p - start))
            q.cue = [Span(cue_at, cue_at + len(cue))]
        doc.quotes.append(q)
        at = start + len(source)
    Resolver()(doc)
    return doc


def _holder(doc: Doc, k: int) -> Entity | None:
    q = doc.quotes[k]
    return doc.entities.get(q.entity) if q.entity else None


def _read(text: str) -> coref.Reading:
    doc = tokenize(text)
    return read(doc, 0, len(doc.tokens))


def test_the_police_in_three_shapes_is_one_organisation() -> None:
    text = (
        "Die Polizei teilte mit, zwei Männer seien festgenommen worden. Nach Polizeiangaben waren sie "
        "bewaffnet. Nach Angaben der Polizei flohen sie zuerst."
    )
    doc = _doc(text, ("Die Polizei", "teilte"), ("Polizeiangaben", ""), ("Angaben der Polizei", ""))
    holders = {_holder(doc, k).id for k in range(3)}
    assert len(holders) == 1
    police = _holder(doc, 0)
    assert (police.name, police.type) == ("Polizei", SpeakerType.ORGANIZATION)


def test_qualifier_of_a_local_institution() -> None:
    doc = _doc("Die Polizei in Kassel sagte, der Täter sei geflohen.", ("Die Polizei in Kassel", "sagte"))
    police = _holder(doc, 0)
    assert (police.name, police.qualifier) == ("Polizei", "Kassel")


def test_anonymous_spokesman_speaks_for_his_ministry() -> None:
    text = "Ein Sprecher des Innenministeriums sagte, die Lage sei unter Kontrolle."
    doc = _doc(text, ("Ein Sprecher des Innenministeriums", "sagte"))
    spokesman = _holder(doc, 0)
    assert spokesman.anonymous and spokesman.name == "" and spokesman.roles == ["Sprecher"]
    ministry = doc.entities[spokesman.affiliation]
    assert (ministry.name, ministry.type) == ("Innenministerium", SpeakerType.ORGANIZATION)


def test_compound_spokesman_names_his_organisation() -> None:
    doc = _doc("Ein Polizeisprecher sagte, niemand sei verletzt worden.", ("Ein Polizeisprecher", "sagte"))
    spokesman = _holder(doc, 0)
    assert spokesman.anonymous
    assert doc.entities[spokesman.affiliation].name == "Polizei"


def test_media_and_agencies() -> None:
    reading = _read("der chinesischen Presseagentur Xinhua")
    assert (reading.kind, reading.name) == ("media", ["Xinhua"])
    reading = _read("Einer Meldung von Xinhua")
    assert (reading.kind, reading.name) == ("media", ["Xinhua"])


def test_a_bare_newspaper_is_the_one_named_before() -> None:
    text = (
        "Das berichtete die Lokalzeitung Trentino am Montag. Der Bär sei gefährlich, schrieb das Blatt. "
        "Er müsse gefangen werden."
    )
    doc = _doc(text, ("die Lokalzeitung Trentino", "berichtete"), ("das Blatt", "schrieb"))
    assert _holder(doc, 0) is _holder(doc, 1)
    assert (_holder(doc, 1).name, _holder(doc, 1).type) == ("Trentino", SpeakerType.MEDIA)


def test_groups_and_group_pronouns() -> None:
    doc = _doc(
        "Augenzeugen berichteten, es habe zwei Explosionen gegeben. Wir wissen nichts, sagte man.",
        ("Augenzeugen", "berichteten"),
        ("man", "sagte"),
    )
    assert _holder(doc, 0).type is SpeakerType.GROUP
    assert doc.quotes[1].entity is None and doc.quotes[1].unresolved_reason == coref.GROUP


def test_canonical_names_are_names() -> None:
    assert _read("Von Obama").name == ["Obama"]
    wulff = _read("Ministerpräsident des Landes Niedersachsen Christian Wulff")
    assert (wulff.kind, wulff.name, wulff.roles) == ("person", ["Christian", "Wulff"], ["Ministerpräsident"])
    assert _read("Innenminister Thomas de Maizière").name == ["Thomas", "de", "Maizière"]
    assert _read("Das Auswärtige Amt").name == ["Auswärtiges", "Amt"]


def test_genitive_of_a_known_name_is_that_person() -> None:
    text = "Philipp Lahm sagte, er höre auf. Lahms Berater sagte, das stimme."
    doc = _doc(text, ("Philipp Lahm", "sagte"), ("Lahms", "sagte"))
    assert _holder(doc, 0) is _holder(doc, 1)
    assert _holder(doc, 1).name == "Philipp Lahm"


def test_role_noun_matches_a_compound_role_and_age_nouns_the_last_speaker() -> None:
    text = (
        "Bezirksrichter Charles Breyer sagte, das Verfahren werde eingestellt. Der Richter sagte, er sehe "
        "keine Beweise. Der 48-Jährige fügte hinzu, er sei erleichtert."
    )
    doc = _doc(text, ("Bezirksrichter Charles Breyer", "sagte"), ("Der Richter", "sagte"), ("Der 48-Jährige", "fügte"))
    assert _holder(doc, 0) is _holder(doc, 1) is _holder(doc, 2)
    assert _holder(doc, 0).name == "Charles Breyer"


def test_role_synonym_refers_to_the_office_holder() -> None:
    text = "Premier Matteo Renzi kam nach Rom. Der Regierungschef sagte, er bleibe im Amt."
    doc = _doc(text, ("Der Regierungschef", "sagte"))
    assert _holder(doc, 0).name == "Matteo Renzi"


def test_pronoun_resolves_to_the_last_speaker_never_to_a_made_up_person() -> None:
    text = (
        "Verteidigungsminister Rustem Umjerow sagte, die Lage sei ernst. Solche Winter seien hart. "
        "Man werde kämpfen, sagte er."
    )
    doc = _doc(text, ("Verteidigungsminister Rustem Umjerow", "sagte"), ("er", "sagte"))
    assert _holder(doc, 1).name == "Rustem Umjerow"
    assert all("Solche" not in e.name for e in doc.entities.values())


def test_relative_pronoun_reads_its_antecedent() -> None:
    text = "Anton Wieser, der dem STANDARD bestätigt, dass die Firma verkauft werde, ist Chef."
    doc = _doc(text, ("der", "bestätigt"))
    assert _holder(doc, 0).name == "Anton Wieser"


def test_own_statements_belong_to_the_subject() -> None:
    text = "Die Feuerwehr hat nach eigenen Angaben drei Menschen gerettet."
    doc = _doc(text, ("eigenen Angaben", ""))
    assert (_holder(doc, 0).name, _holder(doc, 0).type) == ("Feuerwehr", SpeakerType.ORGANIZATION)


def test_mentions_that_name_no_holder_get_a_reason() -> None:
    doc = _doc(
        "Einer Studie zufolge steigen die Preise. Nach Ansicht der Regierung ist das falsch.",
        ("Einer Studie", ""),
        ("Ansicht der Regierung", ""),
    )
    assert doc.quotes[0].entity is None and doc.quotes[0].unresolved_reason == coref.DOCUMENT
    assert _holder(doc, 1).name == "Regierung"


def test_a_council_is_an_organisation_not_a_role() -> None:
    reading = _read("Der UN-Sicherheitsrat")
    assert (reading.kind, reading.name) == ("org", ["UN-Sicherheitsrat"])


def test_an_addressed_newspaper_is_no_part_of_the_name() -> None:
    reading = _read("die Zeitung unter Berufung auf Sicherheitskreise")
    assert (reading.kind, reading.name) == ("media", ["Zeitung"])


def test_a_definite_role_nobody_holds_describes_the_person_named_before() -> None:
    text = (
        "Die Ernte fällt gut aus, so lässt sich Martina Kogler verstehen. Es gebe keinen Grund zur Sorge, "
        "sagt die Agrarökonomin."
    )
    doc = _doc(text, ("die Agrarökonomin", "sagt"))
    assert _holder(doc, 0).name == "Martina Kogler"


def test_a_definite_spokesman_is_no_epithet() -> None:
    text = "Bürgermeister Hans Gruber eröffnete die Brücke. Sie sei sicher, sagte der Polizeisprecher."
    doc = _doc(text, ("der Polizeisprecher", "sagte"))
    assert _holder(doc, 0).anonymous


def test_experts_after_von_are_a_group() -> None:
    doc = _doc("Nach Angaben von Grünen-Politikern fehlt das Geld.", ("Angaben von Grünen-Politikern", ""))
    assert _holder(doc, 0).type is SpeakerType.GROUP


def test_a_bare_medium_noun_takes_the_last_medium_of_its_kind() -> None:
    text = (
        "Der ORF zeigte die Debatte, sagte ein Moderator. Laut APA kamen viele Zuschauer. "
        "Die Quote sei hoch gewesen, so der Sender."
    )
    doc = _doc(text, ("Der ORF", "zeigte"), ("APA", "Laut"), ("der Sender", "so"))
    assert _holder(doc, 2).name == "ORF"


def test_a_medium_of_another_kind_is_a_new_holder() -> None:
    text = "Laut Reuters kam es zu Streiks. Die Lage sei ruhig, meldete das ungarische Staatsfernsehen."
    doc = _doc(text, ("Reuters", "Laut"), ("das ungarische Staatsfernsehen", "meldete"))
    assert _holder(doc, 0).name == "Reuters"
    assert _holder(doc, 1).name == "Ungarisches Staatsfernsehen"


def test_a_bare_organisation_noun_takes_the_compound_named_before() -> None:
    text = (
        "Die Exporte stiegen, wie das Landwirtschaftsministerium mitteilte. Die Ernte war gut, erklärte "
        "das Ministerium. Ein Ministeriumssprecher ergänzte, der Regen habe geholfen."
    )
    doc = _doc(text, ("das Ministerium", "erklärte"), ("Ein Ministeriumssprecher", "ergänzte"))
    assert _holder(doc, 0).name == "Landwirtschaftsministerium"
    spokesman = _holder(doc, 1)
    assert spokesman.anonymous and doc.entities[spokesman.affiliation].name == "Landwirtschaftsministerium"


def test_a_pronoun_skips_a_person_named_again_after_a_preposition() -> None:
    text = (
        "Trainer Stefan Hollerer lobte Stürmer Tobias Wenger. Danach sprach Hollerer lange mit Wenger. "
        "Die Mannschaft sei bereit, sagte er."
    )
    doc = _doc(text, ("er", "sagte"))
    assert _holder(doc, 0).name == "Stefan Hollerer"


def test_a_masculine_role_after_genitive_der_is_plural() -> None:
    doc = _doc(
        "Nach Ansicht der Geologen ist der Hang sicher. Nach Angaben der Bürgermeisterin bleibt die Straße offen.",
        ("Ansicht der Geologen", ""),
        ("Angaben der Bürgermeisterin", ""),
    )
    assert _holder(doc, 0).type is SpeakerType.GROUP
    assert _holder(doc, 1).type is SpeakerType.PERSON


def test_a_role_takes_the_name_in_its_apposition() -> None:
    text = (
        "Kanzler Otto Brandl eröffnete die Konferenz. Die Gespräche seien gut verlaufen, sagte der "
        "Staatssekretär für Verkehr, Lukas Moser, am Abend."
    )
    doc = _doc(text, ("der Staatssekretär", "sagte"))
    assert _holder(doc, 0).name == "Lukas Moser"


def test_a_possessor_before_a_role_is_not_the_speaker() -> None:
    text = "Der Hafen wächst, sagt Triests Bürgermeister, der frühere Unternehmer Marco Ferri."
    doc = _doc(text, ("Triests Bürgermeister", "sagt"))
    assert _holder(doc, 0).name == "Marco Ferri"


def test_a_pronoun_with_a_trailing_phrase_is_still_the_pronoun() -> None:
    text = "Anwältin Petra Lindner legte Berufung ein. Das Urteil sei falsch, schrieb sie in einer Eingabe."
    doc = _doc(text, ("sie in einer Eingabe", "schrieb"))
    assert _holder(doc, 0).name == "Petra Lindner"


def test_a_sunday_paper_keeps_its_full_name() -> None:
    text = "Das berichtete die Bild am Sonntag. Der Vertrag sei unterschrieben, schrieb die Zeitung."
    doc = _doc(text, ("die Zeitung", "schrieb"))
    assert _holder(doc, 0).name == "Bild am Sonntag"


def test_plural_authorities_are_a_group() -> None:
    doc = _doc(
        "Die Lage sei unter Kontrolle, teilten die Gesundheitsbehörden mit.", ("die Gesundheitsbehörden", "teilten")
    )
    assert _holder(doc, 0).type is SpeakerType.GROUP


def test_a_first_person_possessive_names_no_holder() -> None:
    doc = _doc("Ich danke meiner Familie, sagte die Siegerin.", ("meiner Familie", "sagte"))
    assert doc.quotes[0].entity is None


def test_an_army_spokesman_speaks_for_the_army_named_before() -> None:
    text = "Das Bundesheer schickte Soldaten. Die Lage sei ruhig, erklärte ein Heeressprecher."
    doc = _doc(text, ("ein Heeressprecher", "erklärte"))
    spokesman = _holder(doc, 0)
    assert spokesman.anonymous and doc.entities[spokesman.affiliation].name == "Bundesheer"


def test_a_long_role_phrase_takes_the_name_after_it() -> None:
    text = (
        "Die Ernte war schlecht, erklärte der Direktor des Instituts für Bodenforschung (IBF), Paul Egger, am Montag."
    )
    doc = _doc(text, ("der Direktor des Instituts für Bodenforschung (IBF)", "erklärte"))
    assert _holder(doc, 0).name == "Paul Egger"


def test_a_noun_of_origin_before_an_institution_is_its_adjective() -> None:
    reading = _read("die Grazer Polizei")
    assert (reading.kind, reading.name) == ("org", ["Grazer", "Polizei"])
    reading = _read("die Wiener Polizei")  # "Wiener" is also a noun of origin ("der Wiener")
    assert (reading.kind, reading.name) == ("org", ["Wiener", "Polizei"])


def test_counted_and_governing_nouns_are_no_names() -> None:
    assert _read("Zeitung 300 Seiten").kind == "media"
    assert _read("Seite des Vereins").kind != "person"
    assert _read("Trainer Jonas Reiter").name == ["Jonas", "Reiter"]


def test_an_empty_range_reads_as_no_holder() -> None:
    doc = tokenize("Er sagte nichts.")
    assert read(doc, 1, 1).kind == "none"


def test_an_acronym_organisation_is_named_once() -> None:
    for text, name in (("Die WHO", "WHO"), ("Das CERN", "CERN"), ("die Gewerkschaft Verdi", "Gewerkschaft Verdi")):
        reading = _read(text)
        assert (reading.kind, " ".join(reading.name)) == ("org", name), text


def test_a_party_in_parentheses_is_the_tag_of_the_person_before_it() -> None:
    doc = _doc("„Wir handeln“, sagte Innenminister Heribert Rech (CDU) am Montag.",
               ("Innenminister Heribert Rech (CDU)", "sagte"))
    rech = _holder(doc, 0)
    assert (rech.name, rech.type) == ("Heribert Rech", SpeakerType.PERSON)
    reading = _read("Die Weltgesundheitsorganisation (WHO)")
    assert (reading.kind, reading.name) == ("org", ["Weltgesundheitsorganisation"])


def test_a_participles_own_phrase_is_no_part_of_the_holder() -> None:
    text = (
        "Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt. "
        "Das Paket sei angekommen, sagte ein am Montag befragter Sprecher des Innenministeriums. "
        "„Wir kommen“, schrieb die in New York City geborene Lopez."
    )
    doc = _doc(
        text,
        ("einer am Dienstag veröffentlichten Pressemitteilung des WFP", ""),
        ("ein am Montag befragter Sprecher des Innenministeriums", "sagte"),
        ("die in New York City geborene Lopez", "schrieb"),
    )
    wfp, spokesman, lopez = (_holder(doc, k) for k in range(3))
    assert (wfp.name, wfp.type) == ("WFP", SpeakerType.ORGANIZATION)
    assert (lopez.name, lopez.type) == ("Lopez", SpeakerType.PERSON)
    assert spokesman.anonymous and spokesman.roles == ["Sprecher"]
    assert doc.entities[spokesman.affiliation].name == "Innenministerium"


def test_a_field_after_fuer_is_no_name() -> None:
    text = (
        "Das sei falsch, sagte der Staatssekretär für EU-Fragen, Gergely Pröhle, am Montag. "
        "Der EU-Kommissar für Energie Günther Oettinger nannte den Beschluss fair. "
        "Es sei gut, sagte der EU-Kommissar für Schulwesen und Kultur, Ján Figeľ."
    )
    doc = _doc(
        text,
        ("der Staatssekretär für EU-Fragen, Gergely Pröhle", "sagte"),
        ("Der EU-Kommissar für Energie Günther Oettinger", "nannte"),
        ("der EU-Kommissar für Schulwesen und Kultur, Ján Figeľ", "sagte"),
    )
    assert [_holder(doc, k).name for k in range(3)] == ["Gergely Pröhle", "Günther Oettinger", "Ján Figeľ"]


def test_a_regional_newspaper_is_a_medium_not_a_person() -> None:
    reading = _read("einem Bericht der Salzburger Nachrichten")
    assert (reading.kind, reading.name) == ("media", ["Salzburger", "Nachrichten"])
    reading = _read("die Frankfurter Rundschau")
    assert (reading.kind, reading.name) == ("media", ["Frankfurter", "Rundschau"])


def test_letztere_is_the_person_named_last() -> None:
    text = ("Marta Jandová war in einen Käfig gesperrt, während die Moderatorin Nova Meierhenrich davor stand. "
            "„Das Elend geht weiter“, so letztere.")
    doc = _doc(text, ("letztere", "so"))
    assert _holder(doc, 0).name == "Nova Meierhenrich"


def test_a_bare_spokesman_speaks_for_the_organisation_named_just_before() -> None:
    text = ("Positiv reagierte auch die Führung der Palästinensischen Autonomiebehörde. "
            "„Ich hoffe auf Frieden“, sagte ein Sprecher.")
    doc = _doc(text, ("ein Sprecher", "sagte"))
    spokesman = _holder(doc, 0)
    assert spokesman.anonymous and doc.entities[spokesman.affiliation].name == "Palästinensische Autonomiebehörde"
    text = "Die Polizei und die Feuerwehr rückten aus. „Es brannte lange“, sagte ein Sprecher."
    doc = _doc(text, ("ein Sprecher", "sagte"))
    assert not _holder(doc, 0).affiliation  # two organisations: which one is not said


def test_a_name_in_apposition_to_a_role_introduces_that_person() -> None:
    text = ("Der Manager der Nationalmannschaft aus Ecuador, Vincio Luna, hat Probleme mit der Justiz. "
            "Die Behörden werfen Luna Menschenhandel vor. Als Begründung gab er an, sie seien Spieler.")
    doc = _doc(text, ("er", "gab"))
    assert _holder(doc, 0).name == "Vincio Luna"


def test_a_bare_spokesman_does_not_speak_for_the_body_of_a_role() -> None:
    text = ("Präsentiert wird es von dem Vizepräsidenten der EU-Behörde, Andrus Ansip. "
            "Eine Sprecherin betonte, die Neuregelung sei gut.")
    doc = _doc(text, ("Eine Sprecherin", "betonte"))
    assert not _holder(doc, 0).affiliation
