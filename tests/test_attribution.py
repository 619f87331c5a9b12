"""Rule attribution on short texts, one frame per test (the pipeline with rules only)."""

from __future__ import annotations

import pytest
from zitat_server.document import Form, Medium
from zitat_server.extraction import mentions
from zitat_server.extraction.attribution import name_like
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.tokenizer import tokenize


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline("rules-only")


def _quotes(pipeline: Pipeline, text: str) -> list[tuple[str, str, list[str], str | None, str]]:
    doc = pipeline.process(text)
    out = []
    for q in doc.quotes:
        speaker = doc.entities[q.entity].name if q.entity else ""
        source = doc.span_text(q.source) if q.source else None
        out.append((q.form.name, doc.span_text(q.message[0]), [doc.span_text(c) for c in q.cue], source, speaker))
    return out


def test_direct_quote_with_cue_after(pipeline):
    got = _quotes(pipeline, "„Wir werden das Problem lösen“, sagte Anna Müller am Montag.")
    assert got == [("DIRECT", "„Wir werden das Problem lösen“", ["sagte"], "Anna Müller", "Anna Müller")]


def test_direct_quote_with_colon_frame(pipeline):
    got = _quotes(pipeline, "Der Minister sagte: „Wir werden das Problem lösen.“")
    assert got[0][:4] == ("DIRECT", "„Wir werden das Problem lösen.“", ["sagte"], "Der Minister")


def test_so_frame(pipeline):
    got = _quotes(pipeline, "„Der Bär ist zu einem Problembären geworden“, so Schnappauf.")
    assert got[0][2:4] == (["so"], "Schnappauf")


def test_continuation_inherits_the_speaker(pipeline):
    text = "„Wir kommen morgen wieder“, sagte Anna Müller. „Dann reden wir über alles Weitere.“"
    got = _quotes(pipeline, text)
    assert [g[4] for g in got] == ["Anna Müller", "Anna Müller"]
    assert got[1][1] == "„Dann reden wir über alles Weitere.“"


def test_indirect_konjunktiv_with_separable_cue(pipeline):
    text = "Der Sprecher teilte am Montag mit, die Regierung habe den Plan geändert."
    assert _quotes(pipeline, text) == [
        ("INDIRECT", "die Regierung habe den Plan geändert", ["teilte", "mit"], "Der Sprecher", "")
    ]


def test_indirect_dass_clause(pipeline):
    got = _quotes(pipeline, "Merkel sagte, dass die Lage ernst sei.")
    assert got == [("INDIRECT", "dass die Lage ernst sei", ["sagte"], "Merkel", "Merkel")]


def test_preposed_message_cue_after(pipeline):
    got = _quotes(pipeline, "Die Lage sei ernst, sagte Olaf Scholz.")
    assert got == [("INDIRECT", "Die Lage sei ernst", ["sagte"], "Olaf Scholz", "Olaf Scholz")]


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Der Umsatz wird 278 Millionen Euro betragen, teilte das Unternehmen heute mit.",
            "Der Umsatz wird 278 Millionen Euro betragen",
            ["teilte", "mit"],
            "das Unternehmen",
        ),
        (
            "Die Gefahr ist bei Frauen höher, stellten die Wissenschaftler außerdem fest.",
            "Die Gefahr ist bei Frauen höher",
            ["stellten", "fest"],
            "die Wissenschaftler",
        ),
    ],
)
def test_preposed_message_before_a_separable_cue(pipeline, text, message, cue, source):
    # the subject stands between the verb and its particle, not after the particle
    assert _quotes(pipeline, text)[0][:4] == ("INDIRECT", message, cue, source)


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Der Flug käme für ihn einer Folter gleich, so bestätigt das Gericht.",
            "Der Flug käme für ihn einer Folter gleich",
            ["so", "bestätigt"],
            "das Gericht",
        ),
        (
            "Die Organisatoren gestanden ein, dass ihnen die Sängerin nicht gefallen habe.",
            "dass ihnen die Sängerin nicht gefallen habe",
            ["gestanden", "ein"],
            "Die Organisatoren",
        ),
    ],
)
def test_so_with_its_verb_and_eingestehen_frame_a_message(pipeline, text, message, cue, source):
    assert _quotes(pipeline, text)[0][:4] == ("INDIRECT", message, cue, source)


def test_participle_frame_takes_the_subject_after_its_auxiliary(pipeline):
    text = "Gestern hat eine Sprecherin des Gerichts mitgeteilt, dass die Beschwerde abgelehnt wurde."
    assert _quotes(pipeline, text)[0][:4] == (
        "INDIRECT",
        "dass die Beschwerde abgelehnt wurde",
        ["mitgeteilt"],
        "eine Sprecherin des Gerichts",
    )


def test_a_noun_phrase_with_its_apposition_before_the_cue_is_no_message(pipeline):
    text = "Die Haushaltspolitikerin von Bündnis 90 / Die Grünen, Anja Hajduk, kritisierte die Pläne der Regierung."
    assert [q for q in _quotes(pipeline, text) if q[0] == "INDIRECT"] == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Das tibetische Exilparlament im indischen Dharamshala erklärte, es seien hunderte Menschen gestorben.",
            "Das tibetische Exilparlament im indischen Dharamshala",
        ),
        (
            "Stephen Singer, ein Klimaexperte vom WWF, erklärte, die Verhandlungen seien gescheitert.",
            "Stephen Singer, ein Klimaexperte vom WWF",
        ),
    ],
)
def test_source_span_holds_the_place_or_the_apposition(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Leider kursieren einige Falschmeldungen, hieß es auf der Billa-Facebookseite.", "der Billa-Facebookseite"),
        (
            "Am Montag kamen 3.000 Menschen an, hieß es weiter vonseiten der slowenischen Polizei.",
            "der slowenischen Polizei",
        ),
        ("Die Lage sei ernst, heißt es.", None),
        ("Es gebe Schäden, hieß es auf APA-Anfrage seitens der Landwirtschaftskammer.", "der Landwirtschaftskammer"),
        ("Es würden laufend Personen gebracht, hieß es von der Polizei.", "der Polizei"),
    ],
)
def test_heisst_es_takes_the_holder_after_its_preposition(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_heisst_es_takes_the_document_before_it_and_es_joins_the_cue(pipeline):
    text = "In der Pressemitteilung des WWF heißt es weiter, dass ein Nebeneinander unwahrscheinlich sei."
    got = _quotes(pipeline, text)[0]
    assert (got[2], got[3]) == (["heißt", "es"], "der Pressemitteilung des WWF")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Die Zahlen sind neu, und der ORF bezweifelt, dass sie den Markt abbilden.", "der ORF"),
        (
            "Das war bekannt, als das Marktforschungsinstitut GfK seinen Auftraggebern mitteilte, dass die Zahlen "
            "falsch seien.",
            "das Marktforschungsinstitut GfK",
        ),
    ],
)
def test_the_subject_of_the_cue_s_own_clause_after_a_comma(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a fronted adverbial that looks like a noun phrase is no subject
        ("Des Weiteren verwies Steinbrück darauf, dass der Entwurf verfassungskonform sei.", "Steinbrück"),
        # the object of a preposition before the cue is no subject
        (
            "Passend zu den Gefahren des Eises warnte die Moderatorin eines Lokalsenders: „Auf dem Eis kann es "
            "glatt sein.“",
            "die Moderatorin eines Lokalsenders",
        ),
        # a relative clause opened by a preposition: its subject follows
        (
            "Einschlägig ist der Skandal, in dessen Folge das Bundesverwaltungsgericht festgestellt hatte, die "
            "Regierung sei berechtigt gewesen, eine Liste zu veröffentlichen.",
            "das Bundesverwaltungsgericht",
        ),
    ],
)
def test_the_subject_is_no_adverbial_and_no_prepositional_object(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a compound on a lower-case outlet or union is a noun like any other
        ("Die Arbeitskämpfe werden ausgesetzt, so verdi-Chef Frank Bäsler.", "verdi-Chef Frank Bäsler"),
        # a name with its apposition between commas before the cue
        (
            "Der Direktor des World Service, Peter Horrocks, bezeichnete die Maßnahme als Versuch, die BBC "
            "an der Berichterstattung zu hindern.",
            "Der Direktor des World Service, Peter Horrocks",
        ),
        # the subject after a fronted adverb and a modal, before the infinitive cue
        (
            "Heute will Außenminister Straw vor dem Parlament bekannt geben, dass das Verfahren ausgesetzt wird.",
            "Außenminister Straw",
        ),
    ],
)
def test_lower_case_compounds_and_modal_frames(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Auch der russische Außenminister Sergei Lawrow sprach sich dagegen aus und sagte, das Gesetz könne "
            "Absprachen verletzen.",
            ["sagte"],
            "der russische Außenminister Sergei Lawrow",
        ),
        (
            "Von den Einrichtungen erklärten nur die Gefängnisse, nicht an der Aktion teilnehmen zu wollen.",
            ["erklärten"],
            "die Gefängnisse",
        ),
    ],
)
def test_coordinated_cue_and_focus_adverb_before_the_subject(pipeline, text, cue, source):
    assert _quotes(pipeline, text)[0][2:4] == (cue, source)


def test_das_after_the_comma_takes_up_the_clause_before_as_the_message(pipeline):
    text = "Seit dem 19. Juni ist die Hauptkamera des Teleskops ausgefallen, das teilte das Institut STSI mit."
    assert _quotes(pipeline, text)[0][1:4] == (
        "Seit dem 19. Juni ist die Hauptkamera des Teleskops ausgefallen",
        ["teilte", "mit"],
        "das Institut STSI",
    )


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Wie eine Studie ergab, trinken viele Kinder regelmäßig Alkohol.",
            "trinken viele Kinder regelmäßig Alkohol",
            ["Wie", "ergab"],
            "eine Studie",
        ),
        (
            "Denn wie die Zeitung berichtete, leidet der Schauspieler an Alzheimer.",
            "leidet der Schauspieler an Alzheimer",
            ["wie", "berichtete"],
            "die Zeitung",
        ),
    ],
)
def test_wie_clause_after_a_conjunction_and_with_a_finding_verb(pipeline, text, message, cue, source):
    assert _quotes(pipeline, text)[0][1:4] == (message, cue, source)


@pytest.mark.parametrize(
    "text",
    [
        "Spätestens da wusste man, dass mit dem Weltrekordler zu rechnen sein wird.",
        "Hier kann man nicht davon sprechen, dass das Arbeitslosengeld hoch ist.",
        "Wenn es denn, was füglich bezweifelt werden darf, wirklich eines wäre, dann ist es gut.",
        "Die Bahn setzte Personal ein, das dafür sorgte, dass sich die Türen noch schließen ließen.",
        "Dieser leistet man Folge, wie man auch zur diesjährigen CES zeigte.",
    ],
)
def test_generic_and_modal_uses_of_a_cue_verb_are_no_quotes(pipeline, text):
    assert _quotes(pipeline, text) == []


def test_according_to(pipeline):
    # the speech noun names the act and joins the cue; the holder is the source
    got = _quotes(pipeline, "Nach Angaben der Polizei wurden drei Menschen verletzt.")
    assert got[0][1:4] == ("wurden drei Menschen verletzt", ["Nach", "Angaben"], "der Polizei")


def test_konjunktiv_continuation_is_indirect_free_indirect(pipeline):
    text = "Der Minister sagte, er habe den Vertrag unterschrieben. Das Parlament müsse nun zustimmen."
    got = _quotes(pipeline, text)
    assert [g[0] for g in got] == ["INDIRECT", "INDIRECT_FREE_INDIRECT"]
    assert got[1][3] == "Der Minister"


def test_no_quote_without_speech(pipeline):
    text = "Der Präsident erklärte am 24. Februar 2022 der Ukraine den Krieg und startete eine Offensive."
    assert _quotes(pipeline, text) == []
    assert _quotes(pipeline, "Die Fähre „Eagle“ landete am Abend.") == []


def test_pronoun_resolves_to_nearest_compatible_person(pipeline):
    text = "Bundeskanzlerin Angela Merkel traf Minister Peter Altmaier. „Wir haben viel erreicht heute“, sagte sie."
    got = _quotes(pipeline, text)
    assert got[0][3:] == ("sie", "Angela Merkel")


def test_role_noun_resolves_to_apposition(pipeline):
    text = (
        "Verteidigungsminister Rustem Umjerow reiste nach Berlin. "
        "„Wir danken den Partnern sehr“, betonte der ukrainische Verteidigungsminister."
    )
    assert _quotes(pipeline, text)[0][3:] == ("der ukrainische Verteidigungsminister", "Rustem Umjerow")


def test_medium(pipeline):
    doc = pipeline.process("„Das ist ein langer Brief an alle“, schrieb Umjerow.")
    assert doc.quotes[0].medium is Medium.WRITING
    assert doc.quotes[0].form is Form.DIRECT


def test_addressee_after_gegenueber(pipeline):
    doc = pipeline.process("„Wir befürchten das Schlimmste“, sagte er gegenüber dem Deutschlandradio.")
    assert doc.span_text(doc.quotes[0].addressee) == "dem Deutschlandradio"


def test_pronoun_after_surname_only_speaker(pipeline):
    text = "Die Sorge sei groß gewesen, sagt Butterfill. Die Fed könnte zu lange warten, sagt er."
    doc = pipeline.process(text)
    assert [doc.entities[q.entity].name for q in doc.quotes] == ["Butterfill", "Butterfill"]


def test_place_in_according_to_frame_is_no_pronoun_antecedent(pipeline):
    text = "Laut Belgrad wurden drei Menschen verletzt. Die Lage sei ernst, sagte er."
    doc = pipeline.process(text)
    assert doc.quotes[-1].entity is None


def test_inverted_clause_pronoun_is_the_subject(pipeline):
    doc = pipeline.process("Minister Karl Nehammer trat ab. Gleichzeitig sagte er, er habe keine Fehler gemacht.")
    (q,) = doc.quotes
    assert doc.span_text(q.source) == "er"
    assert doc.entities[q.entity].name == "Karl Nehammer"


def _according_to(pipeline: Pipeline, text: str) -> tuple[list[str], list[str], str | None]:
    doc = pipeline.process(text)
    (q,) = doc.quotes
    assert q.form is Form.INDIRECT
    source = doc.span_text(q.source) if q.source else None
    return [doc.span_text(m) for m in q.message], [doc.span_text(c) for c in q.cue], source


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        # The frame phrase inside the clause: the message is the clause on both sides of it.
        (
            "Die Feuerwehr hat nach eigenen Angaben bislang die Hälfte der Halle abgesucht.",
            ["Die Feuerwehr hat", "bislang die Hälfte der Halle abgesucht"],
            ["nach", "eigenen", "Angaben"],
            "Die Feuerwehr",  # "eigenen Angaben" are the subject's
        ),
        (
            "Drei Menschen wurden der Polizei zufolge schwer verletzt.",
            ["Drei Menschen wurden", "schwer verletzt"],
            ["zufolge"],
            "der Polizei",
        ),
        # Set off by commas on both sides, the phrase is still inside the clause.
        (
            "Die Regierung, laut Medienberichten, habe den Plan geändert.",
            ["Die Regierung", "habe den Plan geändert"],
            ["laut"],
            "Medienberichten",
        ),
        # A comma closes the clause before the phrase: only the side after it.
        (
            "Das Flugzeug stürzte ab, laut Polizei starben fünf Menschen.",
            ["starben fünf Menschen"],
            ["laut"],
            "Polizei",
        ),
    ],
)
def test_according_to_message_is_the_clause_around_the_frame(pipeline, text, message, cue, source):
    assert _according_to(pipeline, text) == (message, cue, source)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Nach Angaben von Augenzeugen wurde Alexander Kozulin festgenommen.", "Augenzeugen"),
        ("Nach Behördenangaben 62 Personen kamen ums Leben.", "Behördenangaben"),
        ("Laut faz.net appellierte Außenminister Steinmeier an beide Seiten.", "faz.net"),
    ],
)
def test_according_to_source_ends_before_the_verb_or_the_next_noun_phrase(pipeline, text, source):
    assert _according_to(pipeline, text)[2] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Bei einem Schusswechsel wurde nach Angaben libanesischer Sicherheitskreise eine Person getötet.",
            "libanesischer Sicherheitskreise",
        ),
        (
            "Nach Meinung von Mike Brown, Professor am California Institute of Technology, könnte das Objekt in "
            "die Nähe Neptuns geraten.",
            "Mike Brown, Professor am California Institute of Technology",
        ),
    ],
)
def test_according_to_holder_holds_a_genitive_plural_and_a_role_apposition(pipeline, text, source):
    assert _according_to(pipeline, text)[2] == source


def test_according_to_source_extends_over_a_genitive_eines(pipeline):
    text = "Eine dritte Verhandlungsrunde werde nach Angaben eines neutralen Vermittlers bald stattfinden."
    message, _, source = _according_to(pipeline, text)
    assert source == "eines neutralen Vermittlers"
    assert message == ["Eine dritte Verhandlungsrunde werde", "bald stattfinden"]


def test_coordinated_quotes_share_a_frame(pipeline):
    got = _quotes(pipeline, "Die Agentur beschrieb die Mönche als „aggressiv“ und „herausfordernd“.")
    assert got == [
        ("DIRECT", "„aggressiv“", ["beschrieb"], "Die Agentur", "Agentur"),  # a medium is a holder too
        ("DIRECT", "„herausfordernd“", ["beschrieb"], "Die Agentur", "Agentur"),
    ]


def test_nach_auffassung_frames_an_indirect_quote_with_a_nested_direct_one(pipeline):
    text = (
        "Nach Auffassung des Fraktionschefs Hartmut Perschau sei es "
        "„völlig untragbar, dass Kinder so unterrichtet werden“."
    )
    doc = pipeline.process(text)
    frame = (["Nach", "Auffassung"], "des Fraktionschefs Hartmut Perschau", "Hartmut Perschau")
    assert _quotes(pipeline, text) == [
        ("INDIRECT", "sei es „völlig untragbar, dass Kinder so unterrichtet werden“", *frame),
        ("DIRECT", "„völlig untragbar, dass Kinder so unterrichtet werden“", *frame),
    ]
    assert [q.parent for q in doc.quotes] == [-1, 0]


@pytest.mark.parametrize(
    ("text", "indirect"),
    [
        (
            "Künast sagte, es müsse nun Schluss sein mit „gegenseitigen Schuldzuweisungen und Blockaden“.",
            "es müsse nun Schluss sein mit „gegenseitigen Schuldzuweisungen und Blockaden“",
        ),
        (
            "Das russische Außenministerium erklärte, ein solcher Dialog sei eine „innere Angelegenheit“ Chinas.",
            "ein solcher Dialog sei eine „innere Angelegenheit“ Chinas",
        ),
    ],
)
def test_indirect_clause_around_a_partial_direct_quote(pipeline, text, indirect):
    doc = pipeline.process(text)
    forms = [(q.form, doc.span_text(q.message[0]), q.parent) for q in doc.quotes]
    assert forms[0] == (Form.INDIRECT, indirect, -1)
    assert all(parent == 0 for form, _, parent in forms[1:] if form is Form.DIRECT)


def test_a_quote_alone_after_its_frame_is_no_indirect_quote(pipeline):
    for text in ["Der Minister sagte: „Wir werden das Problem lösen.“", "Er sagte, „wir lösen das Problem“."]:
        assert [q.form for q in pipeline.process(text).quotes] == [Form.DIRECT]


def test_short_quoted_name_with_a_frame_is_no_direct_quote(pipeline):
    got = _quotes(pipeline, "Die Deutsche Welle zitiert aus der Zeitung „Hoy Bolivia“.")
    assert not [g for g in got if g[0] == "DIRECT"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a plural verb: "sie" are the two researchers, no single person
        ("Die Forscher Anna Berg und Paul Roth stellten die Studie vor. „Wir sind überrascht“, erklärten sie.", ""),
        ("Ministerin Anna Berg stellte die Studie vor. „Wir sind überrascht“, sagte sie.", "Anna Berg"),
        # "wir" speaks for a group
        ("Ministerin Anna Berg stellte die Studie vor. Wir hätten das erwartet, sagten wir.", ""),
    ],
)
def test_group_pronouns_resolve_to_nobody(pipeline, text, speaker):
    got = _quotes(pipeline, text)
    assert [g[4] for g in got] == [speaker]


@pytest.mark.parametrize("word", ["Vielleicht", "Nie", "Früher", "Nachdem", "Von", "Außerdem"])
def test_sentence_initial_function_words_are_no_names(word):
    assert not mentions.is_name_word(word)
    assert mentions.is_name_word("Müller")


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Die Polizei stellte fest, dass der Fahrer betrunken war.",
            "dass der Fahrer betrunken war",
            ["stellte", "fest"],
            "Die Polizei",
        ),
        (
            "Litauen geht davon aus, dass der Pilot keine Erlaubnis hatte.",
            "dass der Pilot keine Erlaubnis hatte",
            ["geht", "aus"],
            "Litauen",
        ),
        (
            "Die Regierung forderte die Bürger auf, zu Hause zu bleiben.",
            "zu Hause zu bleiben",
            ["forderte", "auf"],
            "Die Regierung",
        ),
        ("Der Minister bezweifelt, dass der Plan aufgeht.", "dass der Plan aufgeht", ["bezweifelt"], "Der Minister"),
        ("Die Firma erwartet, dass der Umsatz steigt.", "dass der Umsatz steigt", ["erwartet"], "Die Firma"),
    ],
)
def test_cue_verbs_of_news_reporting(pipeline, text, message, cue, source):
    got = _quotes(pipeline, text)
    assert [g[:4] for g in got] == [("INDIRECT", message, cue, source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("„montagsdemo.net“", True), ("„Hoy Bolivia“", True), ("„strategisch“", False), ("„völlig unrealistisch“", False)],
)
def test_short_quoted_names_and_addresses_are_name_like(text, expected):
    doc = tokenize(text)
    assert name_like(doc.tokens, range(1, len(doc.tokens) - 1)) is expected


def _one(pipeline: Pipeline, text: str) -> tuple[str, list[str], list[str], str | None]:
    doc = pipeline.process(text)
    (q,) = [q for q in doc.quotes if q.form is Form.INDIRECT]
    source = doc.span_text(q.source) if q.source else None
    rest = [doc.span_text(m) for m in q.message[1:]]
    return doc.span_text(q.message[0]), rest, [doc.span_text(c) for c in q.cue], source


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        # postpositional "nach" after a report noun
        (
            "Seiner Meinung nach hätte die Flughafenaufsicht von einer Landung abraten müssen.",
            "hätte die Flughafenaufsicht von einer Landung abraten müssen",
            ["nach"],
            "Seiner Meinung",
        ),
        # a compound report noun after "nach"
        (
            "Nach Bahnangaben hätte es sich um einen Fehler des Wärters gehandelt.",
            "hätte es sich um einen Fehler des Wärters gehandelt",
            ["Nach"],
            "Bahnangaben",
        ),
        # sentence-initial "Demnach": the rest of the sentence; "Demnach" is its own source, an
        # anaphor of the report before (as the task marks it), which coref resolves
        (
            "Demnach erwartet Russland, dass Litauen die Immunität anerkennt.",
            "erwartet Russland, dass Litauen die Immunität anerkennt",
            ["Demnach"],
            "Demnach",
        ),
        # a relative frame: the relative clause
        (
            "Ein Bericht der Agentur Interfax, wonach der Oppositionsführer festgenommen worden sei, wurde dementiert.",
            "der Oppositionsführer festgenommen worden sei",
            ["wonach"],
            "Ein Bericht der Agentur Interfax",
        ),
    ],
)
def test_reported_frames_with_nach(pipeline, text, message, cue, source):
    got = _one(pipeline, text)
    assert (got[0], got[2], got[3]) == (message, cue, source)


def test_temporal_nach_is_no_frame(pipeline):
    assert _quotes(pipeline, "Nach der ersten Session war Hamilton der Schnellste im Feld.") == []
    assert _quotes(pipeline, "Nach dem Spiel verließ der Trainer wortlos das Stadion.") == []


@pytest.mark.parametrize(
    ("text", "message", "rest", "cue", "source"),
    [
        (
            "Die Chemikalie hatte Raumtemperatur und stand unter Druck, wie Burt Rutan mitteilte.",
            "Die Chemikalie hatte Raumtemperatur und stand unter Druck",
            [],
            ["wie", "mitteilte"],
            "Burt Rutan",
        ),
        (
            "Die Vergabe wird die letzte sein, wie der Verband am Montag bekannt gab.",
            "Die Vergabe wird die letzte sein",
            [],
            ["wie", "bekannt", "gab"],
            "der Verband",
        ),
        # inserted between the parts of the message
        (
            "Das Unternehmen bekomme, wie es auf einer Pressekonferenz hieß, vier Millionen Euro geliehen.",
            "Das Unternehmen bekomme",
            ["vier Millionen Euro geliehen"],
            ["wie", "hieß"],
            "einer Pressekonferenz",  # as the task marks "wie es auf einer Pressekonferenz in Oslo … hieß"
        ),
        # preposed, with an apposition inside the wie-clause
        (
            "Wie der Bevollmächtigte der Kommission, Gerald Braun, in Luxemburg mitteilte, sieht Wiedeking "
            "in dem Gesetz eine Benachteiligung.",
            "sieht Wiedeking in dem Gesetz eine Benachteiligung",
            [],
            ["Wie", "mitteilte"],
            "der Bevollmächtigte der Kommission, Gerald Braun",
        ),
    ],
)
def test_wie_clause_frames(pipeline, text, message, rest, cue, source):
    assert _one(pipeline, text) == (message, rest, cue, source)


def test_comparison_with_wie_is_no_frame(pipeline):
    assert _quotes(pipeline, "Das Schiff ist so groß wie ein Fußballfeld, sagte niemand.") == []


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Der Sprecher teilte auch mit, Tony Blair steht bereit, sich mit Vertretern zu treffen.",
            "Tony Blair steht bereit, sich mit Vertretern zu treffen",
            ["teilte", "mit"],
            "Der Sprecher",
        ),
        (
            "Die Süddeutsche Zeitung hatte gestern berichtet, 200 Mitarbeiter sollen entlassen werden.",
            "200 Mitarbeiter sollen entlassen werden",
            ["berichtet"],
            "Die Süddeutsche Zeitung",
        ),
    ],
)
def test_indicative_clause_after_a_verb_of_saying(pipeline, text, message, cue, source):
    got = _one(pipeline, text)
    assert (got[0], got[2], got[3]) == (message, cue, source)


def test_relative_clause_after_the_speaker_is_not_what_was_said(pipeline):
    assert _quotes(pipeline, "Das sagte Müller, der seit 2010 im Amt ist.") == []


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Gysi hatte in einem Interview die These vertreten, die Partei stagniere in Selbstbeschäftigung.",
            "die Partei stagniere in Selbstbeschäftigung",
            ["die", "These"],
            "Gysi",
        ),
        (
            "Die Staatsanwaltschaft hegt den Verdacht, Ertel könnte Reisekosten falsch abgerechnet haben.",
            "Ertel könnte Reisekosten falsch abgerechnet haben",
            ["hegt", "den", "Verdacht"],
            "Die Staatsanwaltschaft",
        ),
        (
            "Die Forderung der Gewerkschaft, die Arbeitszeit zu verkürzen, lehnten die Arbeitgeber ab.",
            "die Arbeitszeit zu verkürzen, lehnten die Arbeitgeber ab",
            ["Die", "Forderung"],
            "der Gewerkschaft",
        ),
    ],
)
def test_speech_noun_frames(pipeline, text, message, cue, source):
    got = _one(pipeline, text)
    assert (got[0], got[2], got[3]) == (message, cue, source)


@pytest.mark.parametrize(
    ("text", "source", "addressee"),
    [
        (
            "„Wir werden die Grenze schützen“, sagte der bayerische Ministerpräsident der „Welt am Sonntag“.",
            "der bayerische Ministerpräsident",
            "der „Welt am Sonntag“",
        ),
        (
            "Der Lehrer sei gestorben, bestätigte die Polizei der Zeitung Dagens Nyheter.",
            "die Polizei",
            "der Zeitung Dagens Nyheter",
        ),
        # a member of the medium takes its genitive
        ("„Das ist falsch“, sagte der Chefredakteur der Zeitung.", "der Chefredakteur der Zeitung", None),
    ],
)
def test_the_medium_after_the_cue_is_the_addressee(pipeline, text, source, addressee):
    doc = pipeline.process(text)
    (q,) = doc.quotes
    assert doc.span_text(q.source) == source
    assert (doc.span_text(q.addressee) if q.addressee else None) == addressee


def test_an_adverb_before_an_adjective_stays_in_the_source(pipeline):
    text = "Die staatlich kontrollierten Medien sprachen, es drohe ein „Volkskrieg“."
    assert _quotes(pipeline, text)[0][3] == "Die staatlich kontrollierten Medien"


def test_anaphoric_frame_leaves_the_dateline_out(pipeline):
    text = "Villach – Greg Holst wird neuer Trainer. Das gab der Verein bekannt."
    assert _one(pipeline, text)[0] == "Greg Holst wird neuer Trainer."


def test_anaphoric_frame_takes_the_sentence_before(pipeline):
    text = "Der Italiener Giovanni Trapattoni wird neuer Trainer beim VfB. Dies gab die Vereinsführung bekannt."
    assert _one(pipeline, text) == (
        "Der Italiener Giovanni Trapattoni wird neuer Trainer beim VfB.",  # "Dies" is frame
        [],
        ["gab", "bekannt"],
        "die Vereinsführung",
    )


def test_particle_must_close_the_clause(pipeline):
    # "ging aus … hervor" is no "ausgehen"; "teilte … aus" is no "mitteilen"
    assert _quotes(pipeline, "Das Paket ging aus der Version 5.2 hervor, die es bis heute gibt.") == []
    assert _quotes(pipeline, "Er teilte mit dem Messer Hiebe aus, die Polizei habe ihn gestoppt.") == []


@pytest.mark.parametrize(
    ("text", "message", "source"),
    [
        # a quoted name and a further genitive belong to the frame, not to the message
        (
            "Laut „Der Spiegel“ sei bei den Amerikanern die Befürchtung aufgekommen.",
            "sei bei den Amerikanern die Befürchtung aufgekommen",
            "„Der Spiegel“",
        ),
        (
            "Nach Angaben seines Vermögensverwalters verstarb er in seinem Haus am Wörthersee.",
            "verstarb er in seinem Haus am Wörthersee",
            "seines Vermögensverwalters",
        ),
        (
            "Nach Angaben von Ärzte ohne Grenzen mussten 10.000 Menschen ihre Heimat verlassen.",
            "mussten 10.000 Menschen ihre Heimat verlassen",
            "Ärzte ohne Grenzen",
        ),
        # a source the mention reader does not take
        (
            "Laut bildblog.de veröffentlichte das Ministerium kürzlich einen Bericht.",
            "veröffentlichte das Ministerium kürzlich einen Bericht",
            "bildblog.de",
        ),
    ],
)
def test_according_to_frame_takes_its_whole_holder_phrase(pipeline, text, message, source):
    got = _one(pipeline, text)
    assert (got[0], got[3]) == (message, source)


def test_relative_clause_after_the_frame_is_skipped(pipeline):
    text = "Nach Angaben eines Experten, der vom Sender befragt wurde, würde dies für einen Anschlag sprechen."
    assert _one(pipeline, text)[0] == "würde dies für einen Anschlag sprechen"


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Der Präsident sei, so Gamkrelidse, schuld daran, dass Georgien die Kontrolle verloren habe.",
            ["Der Präsident sei", "schuld daran, dass Georgien die Kontrolle verloren habe"],
        ),
        (
            "Der Sänger ruft in seinen Liedern dazu auf – so der Vorwurf – , Männer zu verbrennen.",
            ["Der Sänger ruft in seinen Liedern dazu auf", "Männer zu verbrennen"],
        ),
    ],
)
def test_inserted_so_frame_splits_the_message(pipeline, text, parts):
    message, rest, cue, _ = _one(pipeline, text)
    assert [message, *rest] == parts
    assert cue == ["so"]


@pytest.mark.parametrize(
    "text",
    [
        # the quoted region is the subject of the cue: a name
        "Die „Kampagne für ein Freies Tibet“ berichtete über einen Marsch von Tibetern.",
        # the title of a study
        "Die Ergebnisse wurden mit der Studie „Linke Gewalt in Berlin 2003 bis 2008“ verglichen.",
        # a cue word as an adjective
        "Die Liste wurde von einem bekannten Rechtsextremisten mit „Delmenhorst und seine Volksverräter“ übertitelt.",
        # a cue in parentheses frames nothing outside them
        "Ein Gesetz (Wikinews berichtete) verbietet jede Art „homosexueller Propaganda“.",
    ],
)
def test_quoted_names_and_titles_are_no_direct_quotes(pipeline, text):
    assert [g for g in _quotes(pipeline, text) if g[0] == "DIRECT"] == []


def test_quoted_words_after_an_article_can_still_be_a_partial_quote(pipeline):
    got = _quotes(pipeline, "Die Organisation verlangte eine Untersuchung der „schockierenden Szenen der Gewalt“.")
    assert ("DIRECT", "„schockierenden Szenen der Gewalt“") in [g[:2] for g in got]


@pytest.mark.parametrize(
    "text",
    [
        "Gemäß Thorndikes Gesetz lernen Tiere durch Versuch und Irrtum.",
        "Die Filme sind gemäß dem neuen Profil 1.1 mit Zusatzfunktionen ausgestattet.",
        "Nach Berichten über die Zerstörung der Brücke flohen viele Bewohner aus der Stadt.",
    ],
)
def test_gemaess_a_rule_and_nach_reports_about_are_no_frames(pipeline, text):
    assert _quotes(pipeline, text) == []


def test_gemaess_a_source_is_a_frame(pipeline):
    got = _one(pipeline, "Gemäß einer Entscheidung des EuGH müssen die Staaten die Daten löschen.")
    assert got[2] == ["Gemäß"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "message"),
    [
        (
            "Manche Analysten halten es für möglich, dass er sich als Außenseiter bewirbt.",
            ["halten", "es", "für", "möglich"],
            "Manche Analysten",
            "dass er sich als Außenseiter bewirbt",
        ),
        (
            "Beobachter halten es jedoch für unwahrscheinlich, dass das Gericht die Entscheidung kassiert.",
            ["halten", "es", "für", "unwahrscheinlich"],
            "Beobachter",
            "dass das Gericht die Entscheidung kassiert",
        ),
        (
            "Da die Flugbegleiter es für sinnvoll hielten, die Passagiere zu evakuieren, öffneten sie die Türen.",
            ["es", "für", "sinnvoll", "hielten"],
            "die Flugbegleiter",
            "die Passagiere zu evakuieren",
        ),
    ],
)
def test_holding_it_possible_is_an_opinion_about_the_clause_after(pipeline, text, cue, source, message):
    got = _quotes(pipeline, text)[0]
    assert (got[1], got[2], got[3]) == (message, cue, source)


def test_holding_without_it_and_an_adjective_is_no_cue(pipeline):
    assert _quotes(pipeline, "Er hält die Tür offen, damit die Gäste eintreten können.") == []


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        ("Sie sicherte Johnson ihre „volle Unterstützung“ zu.", "„volle Unterstützung“", ["sicherte", "zu"], "Sie"),
        (
            "Die bayerische Justizministerin Beate Merk wies den Vorwurf als „eine glatte Unverschämtheit“ zurück.",
            "„eine glatte Unverschämtheit“",
            ["wies", "zurück"],
            "Die bayerische Justizministerin Beate Merk",
        ),
    ],
)
def test_a_separated_particle_after_a_quoted_phrase_completes_the_cue_before_it(pipeline, text, message, cue, source):
    got = _quotes(pipeline, text)
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [("DIRECT", message, cue, source)]


def test_one_quoted_adjective_before_its_noun_is_no_quote(pipeline):
    text = "Koppelin erklärte, dass die Schulden nur wegen der „drastischen“ Steuererhöhung sinken würden."
    assert [g[0] for g in _quotes(pipeline, text)] == ["INDIRECT"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Wähler hätten zudem, schreibt Politico, eine Schwäche für abseitige Kandidaten.",
            ["Wähler hätten zudem", "eine Schwäche für abseitige Kandidaten"],
        ),
        (
            "Die Regierung habe versagt, sagte Müller, sie müsse zurücktreten.",
            ["Die Regierung habe versagt", "sie müsse zurücktreten"],
        ),
        # an apposition of the source after the frame is no part of the message
        (
            "Alle Gebiete seien unter Kontrolle, sagte Charles Bouchard, kanadischer General und Kommandeur.",
            ["Alle Gebiete seien unter Kontrolle"],
        ),
    ],
)
def test_a_frame_inserted_in_reported_content_leaves_both_parts_to_the_message(pipeline, text, parts):
    doc = pipeline.process(text)
    assert [[doc.span_text(m) for m in q.message] for q in doc.quotes] == [parts]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('Parlament stimmt für Referendum – Tsipras: "Referendum wird stattfinden, ob ihr wollt". Athen.', "Tsipras"),
        (
            'Klubführung spricht Trainer Vertrauen aus – Als Nachfolger gehandelter Zidane: "Mir fehlt noch einiges".',
            "Zidane",
        ),
    ],
)
def test_a_headline_speaker_label_after_its_dash_is_the_source(pipeline, text, source):
    got = _quotes(pipeline, text)
    assert [(g[0], g[2], g[3]) for g in got] == [("DIRECT", [], source)]


@pytest.mark.parametrize(
    "text",
    [
        "Entsprechende Bewerbe verlangen von einem ab, Strecken so schnell wie möglich zu meistern.",
        "Der Boxer teilte in der dritten Runde kräftig aus.",
        "Er rief seinen Bruder an, um das Abo zu kündigen.",
    ],
)
def test_a_particle_none_of_the_cue_s_readings_takes_makes_another_verb(pipeline, text):
    assert _quotes(pipeline, text) == []


def test_the_subject_of_an_inverted_first_clause_serves_the_coordinated_cue(pipeline):
    text = "Als Beispiel führte er die Proteste an und führte aus, hier gäbe es eine Entwicklung."
    assert _quotes(pipeline, text)[0][2:4] == (["führte", "aus"], "er")


@pytest.mark.parametrize(
    "text",
    [
        "Ein Sprecher der Armee wollte nicht bestätigen, dass alle Insassen Soldaten waren.",
        "Damit bestätigt sich, dass das Virus sich ausbreitet.",
    ],
)
def test_a_refusal_or_a_reflexive_confirmation_is_no_act(pipeline, text):
    assert _quotes(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # an adjective in "-te" before its noun is no verb that ends the content
        (
            "Die Forscher erklärten, dass Österreich zu wenig innovative, zukunftsgerichtete Produkte exportiere.",
            "dass Österreich zu wenig innovative, zukunftsgerichtete Produkte exportiere",
        ),
        (
            "Das Gericht stellte fest, die Regierung dürfe eine Liste mit Abfüllern und konkreten Produkten nennen.",
            "die Regierung dürfe eine Liste mit Abfüllern und konkreten Produkten nennen",
        ),
    ],
)
def test_the_content_does_not_end_at_an_adjective(pipeline, text, message):
    assert _quotes(pipeline, text)[0][1] == message


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Die Internationale Organisation für Migration (IOM) erklärte, die Flüchtlinge seien verdurstet.",
            "Die Internationale Organisation für Migration (IOM)",
        ),
        ("Die Dividende soll sinken, teilte der Konzern Mittwochabend mit.", "der Konzern"),
    ],
)
def test_an_organisation_s_name_goes_on_with_fuer_and_a_time_word_ends_a_mention(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_own_statements_at_the_sentence_start_belong_to_the_subject_after_the_verb(pipeline):
    got = _quotes(pipeline, "Eigenen Angaben zufolge hat der Oligarch über 80 Millionen Euro investiert.")[0]
    assert got[2:4] == (["Eigenen", "Angaben", "zufolge"], "der Oligarch")


@pytest.mark.parametrize(
    ("text", "message", "cue", "source"),
    [
        (
            "Die Strafe sei zu milde, hatte der Staatsanwalt gesagt.",
            "Die Strafe sei zu milde",
            ["hatte", "gesagt"],
            "der Staatsanwalt",
        ),
        # the content of an inner frame stops before an outer so-frame
        (
            "Danach wusste ich, dass ich Dirigent werden wollte, so Dudamel, der den Klang im Ohr hatte.",
            "dass ich Dirigent werden wollte",
            ["wusste"],
            "ich",
        ),
        # a speech noun opening the sentence: its clause ends where the main verb comes
        (
            "Die Behauptung, dass sie an illegalen Aktivitäten beteiligt waren, ist unmöglich, sagte ein Sprecher.",
            "dass sie an illegalen Aktivitäten beteiligt waren",
            ["Die", "Behauptung"],
            None,
        ),
    ],
)
def test_frames_and_content_ends(pipeline, text, message, cue, source):
    got = _quotes(pipeline, text)[0]
    assert got[1:4] == (message, cue, source)


def test_a_question_with_an_according_to_phrase_reports_nothing(pipeline):
    text = "Wikinews: Welche Vorschläge der Gesetzesnovelle sind Ihrer Meinung nach verfassungswidrig?"
    assert _quotes(pipeline, text) == []


def test_a_direct_quote_after_a_colon_frame_is_no_indirect_quote_of_the_frame_after_it(pipeline):
    text = "Besorgt äußerte sich auch der Vorsitzende: „Wir befürchten das Schlimmste“, sagte er gegenüber dem Radio."
    assert [g[0] for g in _quotes(pipeline, text)] == ["DIRECT"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the subject with its apposition before the cue of a colon frame
        (
            "Auch die Delegationsleiterin, Sharon Hayes, äußerte sich zufrieden: „Das ist ein gutes Dokument.“",
            "die Delegationsleiterin, Sharon Hayes",
        ),
        # a time phrase is no subject
        ("Wenige Stunden später erklärte: „Der Rat übernimmt ab heute die Macht im ganzen Land.“", None),
    ],
)
def test_colon_frame_subjects(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_a_quantifier_standing_alone_is_the_subject(pipeline):
    assert _quotes(pipeline, "Manche sagen, das Asylthema sei nur ein Ventil für andere Sorgen.")[0][3] == "Manche"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("STANDARD: Manche sagen, das Asylthema sei nur ein Ventil für andere Sorgen.", "Manche"),
        # a dative pronoun is no speaker; the accusation is the prosecutors'
        (
            "Die Staatsanwaltschaft hat Anklage erhoben: Ihm wird vorgeworfen, seine Tochter misshandelt zu haben.",
            "Die Staatsanwaltschaft",
        ),
    ],
)
def test_a_colon_opens_a_clause_whose_subject_is_the_source(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_a_wie_frame_out_of_a_document_takes_the_document_as_source(pipeline):
    got = _quotes(pipeline, "Viele warteten auf die Weiterreise, wie aus der Polizeistatistik hervorgeht.")[0]
    assert got[2:4] == (["wie", "hervorgeht"], "der Polizeistatistik")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("„Es ist mir eine große Ehre, hier zu sein“, sagte der Generalsekretär zu Beginn.", "der Generalsekretär"),
        ("In Italien wurde Medienberichten zufolge ein Algerier festgenommen.", "Medienberichten"),
    ],
)
def test_a_role_takes_no_name_particle_and_an_auxiliary_is_no_adjective(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Die 64-jährige deutsche Bundeskanzlerin Angela Merkel sagte, sie trete nicht mehr an.",
            "Die 64-jährige deutsche Bundeskanzlerin Angela Merkel",
        ),
        (
            "Zwar würde sie ihm eine Bewährung zubilligen, zumal Verteidiger Wolfgang Dingfelder betont hatte, "
            "der Angeklagte sei nicht dissozial.",
            "Verteidiger Wolfgang Dingfelder",
        ),
    ],
)
def test_age_adjectives_and_zumal_clauses(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # "hält … fest" is a verb of saying when no opinion frame "es für … halten" is there
        ("Die Ministerin hält daran fest, Eingriffe prüfen zu lassen.", ["hält", "fest"], "Die Ministerin"),
        ("Es liegt jetzt an Ihnen zu entscheiden, rief er den Delegierten zu.", ["rief", "zu"], "er"),
    ],
)
def test_separable_verbs_of_saying_with_their_particle(pipeline, text, cue, source):
    assert _quotes(pipeline, text)[0][2:4] == (cue, source)


@pytest.mark.parametrize(
    "text",
    [
        # a generic "man" after the verb of an inverted clause, with a modal: no act
        "Die Grünen zeigten sich empört: Bei dieser Rate kann man wohl nicht davon sprechen, dass das Geld reicht.",
        "Lasst uns ehrlich gegenüber uns selbst sein und sagen, dass das so nicht passieren darf.",  # exhortation
        "Allerdings müssen die Flüchtlinge erklären, dass sie nach Deutschland weiterreisen wollten.",  # obligation
    ],
)
def test_generic_exhorted_and_obliged_speech_is_no_act(pipeline, text):
    assert _quotes(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "message", "source"),
    [
        # the agent of a passive is no part of an according-to phrase
        (
            "Der Eintrag verschwand, sie wurde laut Kurier von Straches Pinnwand ausgesperrt.",
            ["Der Eintrag verschwand, sie wurde", "von Straches Pinnwand ausgesperrt"],
            "Kurier",
        ),
        # "nach" governed by a noun opens no according-to phrase; the frame after the comma does
        (
            "Je unübersichtlicher das Geschehen, desto stärker die Nachfrage nach Meinung von außen, erklärt "
            "Mediaaffairs die Auswertung.",
            ["Je unübersichtlicher das Geschehen, desto stärker die Nachfrage nach Meinung von außen"],
            "Mediaaffairs",
        ),
    ],
)
def test_according_to_phrases_end_and_start_where_they_should(pipeline, text, message, source):
    doc = pipeline.process(text)
    (q,) = doc.quotes
    assert ([doc.span_text(m) for m in q.message], doc.span_text(q.source)) == (message, source)


def test_a_consecutive_dass_clause_is_no_content(pipeline):
    assert _quotes(pipeline, "Die Zeugen erzählen dermaßen andere Versionen, dass einem der Kopf schwirrt.") == []


def test_a_word_inside_a_parenthesis_is_no_subject(pipeline):
    text = "Kommissar Frans Timmermans (Vizepräsident, Grundrechte) hält fest, dass die Grenzen offen waren."
    assert _quotes(pipeline, text)[0][3] == "Kommissar Frans Timmermans (Vizepräsident, Grundrechte)"


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # a participle's own phrase between the article and the noun is part of the mention
        (
            "„Jetzt ist es noch außergewöhnlicher“, schrieb die in New York City geborene Lopez.",
            "die in New York City geborene Lopez",
            "Lopez",
        ),
        (
            "Das Gesetz sei verfassungswidrig, teilte die von der Regierung eingesetzte Kommission mit.",
            "die von der Regierung eingesetzte Kommission",
            "",
        ),
        (
            "Die Länder sollen die Führung übernehmen, hieß es in dem den Delegierten vorliegenden Text.",
            "dem den Delegierten vorliegenden Text",
            "",
        ),
        ("Das sei falsch, teilte der Minister neue Pläne mit.", "der Minister", ""),
        (
            "Das sei falsch, sagte die zur kalifornischen Stanford University gehörende Hoover Institution.",
            "die zur kalifornischen Stanford University gehörende Hoover Institution",
            "",
        ),
        # a partitive pronoun: the inverted subject after a cue, not the addressee before it
        (
            "Gegenüber News gibt einer der Betreiber an, dass mehr als 850 Anzeigen zustande gekommen seien.",
            "einer der Betreiber",
            "",
        ),
        # an apposition after an article, with a full name (not a relative clause)
        (
            "Das Gerät ist billig, wie einer der Hacker, der Berliner Künstler Julian Oliver, betont.",
            "einer der Hacker, der Berliner Künstler Julian Oliver",
            "Julian Oliver",
        ),
        ("Das sei falsch, sagte der Hacker, der Julian Oliver kennt, am Montag.", "der Hacker", ""),
        # a focus particle or subordinator before the subject takes no place of its own
        ("Auch Feinstein argumentierte, Clinton habe mehr Stimmen als je ein Kandidat.", "Feinstein", ""),
        ("Einzig Sony gab bekannt, für die Konsole ein Update anbieten zu wollen.", "Sony", ""),
        (
            "Während Premierminister Juncker ankündigte, den Vorschlag zu prüfen, schwieg die Opposition.",
            "Premierminister Juncker",
            "",
        ),
        # adverbs and the reflexive between the cue and the subject after it
        (
            "Am Montag äußerte sich Vatikansprecher Navarro-Valls dahingehend, dass der Papst gesund sei.",
            "Vatikansprecher Navarro-Valls",
            "",
        ),
        (
            "Um 15:36 Uhr meldeten dann die Nachrichten der Tagesschau, Feldmann sei zurückgetreten.",
            "die Nachrichten der Tagesschau",
            "",
        ),
        (
            "Nach der Aktion kündigte heute der afghanische Präsident Hamid Karsai an, hart vorzugehen.",
            "der afghanische Präsident Hamid Karsai",
            "",
        ),
        ("Wie schon die WHO sagte, ist es unwahrscheinlich, sich anzustecken.", "die WHO", ""),
        # a quoted title with its article, and a focus particle before a participle frame's subject
        ("„Der vor der Zeit ging“, schrieb „Die Zeit“ in einem Nachruf.", "„Die Zeit“", ""),
        (
            "Selbst die Wochenzeitschrift „Jungle World“ hatte im September kritisiert, dass sie unkritisch sei.",
            "die Wochenzeitschrift „Jungle World“",
            "Jungle World",
        ),
        # an office's field after "für", with the name
        (
            "Der EU-Kommissar für Energie Günther Oettinger nannte den Beschluss einen fairen Kompromiss.",
            "Der EU-Kommissar für Energie Günther Oettinger",
            "Günther Oettinger",
        ),
        # an organisation's name with coordinated fields after "für"
        (
            "Das rheinland-pfälzische Landesamt für Gesundheit und Lebensmittelsicherheit warnt, die Pille sei giftig.",
            "Das rheinland-pfälzische Landesamt für Gesundheit und Lebensmittelsicherheit",
            "",
        ),
        # a name the tokenizer split at its apostrophe
        ("„Es war schrecklich“, sagte Mark O’Keefe am Montag.", "Mark O’Keefe", "Mark O’Keefe"),
        # an accusative or dative at the clause start is no subject
        ("Den Börsenwert des Unternehmens beziffert der „Focus“ auf 17 Milliarden Euro.", "der „Focus“", ""),
        # "Als Beispiel" is no subject
        ("Als Beispiel nannte der Berliner das Spiel in Leipzig, bei dem Hoyzer gepfiffen habe.", "der Berliner", ""),
        # a conjunction before the subject takes no place before the verb
        ("Aber Zeitungen berichteten, es sei gegen den Arzt ermittelt worden.", "Zeitungen", "Zeitungen"),
        # a quoted medium in a wie-frame
        ("Wie „heise online“ berichtet, sperrten die Behörden den Zugang zu „YouTube“.", "„heise online“", ""),
        # a title's own article belongs to it
        ("Der Jet sollte beschlagnahmt werden, berichtet die Zeitung Die Welt.", "die Zeitung Die Welt", "Die Welt"),
        # the reflexive after the cue is no subject
        ("„Wozu sollte die Organisation existieren?“ fragen sich Experten.", "Experten", "Experten"),
        # "heißt es" after a direct quote takes the document it names
        ("„Unser Ziel ist es, mehr zu erreichen“, heißt es in dem Brief.", "dem Brief", ""),
        # a pronoun subject after the verb of a noun frame
        ("Seit 2013 vertritt er die These, dass die Partei stagniere.", "er", ""),
    ],
)
def test_sources_in_the_shapes_news_writes_them(pipeline, text, source, speaker):
    form, _, _, got_source, got_speaker = _quotes(pipeline, text)[0]
    assert (got_source, got_speaker if speaker else "") == (source, speaker)


def test_so_frame_before_a_colon_names_the_speaker_of_the_quote_after_it(pipeline):
    text = "Das habe Methode, so Elshorst weiter: „Das ist auch in anderen Firmen üblich, dass niemand etwas weiß.“"
    got = _quotes(pipeline, text)
    assert [(form, source) for form, _, _, source, _ in got] == [("INDIRECT", "Elshorst"), ("DIRECT", "Elshorst")]


@pytest.mark.parametrize(
    "text",
    [
        # "sorgen" is thought only with "sich"
        "Im März sorgte ein Gesetzesentwurf der Regierung für Aufsehen: Der Entwurf mit dem Ziel, „Propaganda“ zu "
        "tilgen, sah vor, alle Hinweise zu streichen.",
        # a content clause after a coordinated verb is that verb's
        "Mittel ist der Schrecken, der das Verbrechen als Zweck ansieht und auf jede Rechtfertigung, wie sie die "
        "RAF anzuführen suchte, verzichtet.",
    ],
)
def test_no_speech_in_these_frames(pipeline, text):
    assert [q for q in _quotes(pipeline, text) if q[2]] == []


def test_sorgen_with_sich_is_thought(pipeline):
    assert _quotes(pipeline, "Die Ministerin sorgt sich, dass die Preise steigen könnten.")[0][2:4] == (
        ["sorgt"],
        "Die Ministerin",
    )


def test_a_unit_of_time_in_the_genitive_is_no_mention():
    tokens = tokenize("im März diesen Jahres").tokens
    assert mentions.phrase_before(tokens, len(tokens), 0) is None


def test_a_contracted_preposition_opens_no_mention():
    tokens = tokenize("Ins selbe Horn stößt auch Ministerin Heinisch-Hosek").tokens
    assert mentions.phrase_after(tokens, 0, len(tokens)) is None


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # a relative pronoun is the subject of its verb-final clause, and names its antecedent
        (
            "Es gehört Anton Wieser, der dem STANDARD am Samstag bestätigt, dass es keine Angriffe gegeben habe.",
            "der",
            "Anton Wieser",
        ),
        # not when the clause has a subject of its own
        ("Das ist die Studie, die er vorstellte, und er sagte, sie sei gut.", "er", ""),
        # an age noun stands for a person, in either case
        (
            "Luciano Mares sagte, er habe die Maus gefunden. Am Montag sagte der 81-jährige, dass sie tot sei.",
            "der 81-jährige",
            "Luciano Mares",
        ),
        (
            "Luciano Mares sagte, er habe die Maus gefunden. Am Montag sagte der 81-Jährige, dass sie tot sei.",
            "der 81-Jährige",
            "Luciano Mares",
        ),
        # right before the cue, and with the perfect's auxiliary after it
        (
            "Gestern brannte das Haus des Ministers Klaus Müller, der sagte, er habe nichts bemerkt.",
            "der",
            "Klaus Müller",
        ),
        ("Es wird eng, wenn alle Kurt Beck folgen, der erklärt hat, gegen das Paket stimmen zu wollen.", "der", ""),
    ],
)
def test_the_source_of_the_last_quote(pipeline, text, source, speaker):
    _, _, _, got_source, got_speaker = _quotes(pipeline, text)[-1]
    assert (got_source, got_speaker if speaker else "") == (source, speaker)


def test_a_relative_pronoun_in_the_passive_is_no_subject(pipeline):
    text = "Das WFP beginnt, die Region, die von den Behörden zum Gebiet erklärt wurde, zu versorgen."
    assert "die" not in [source for *_, source, _ in _quotes(pipeline, text)]


def test_a_decision_of_ones_own_is_no_statement(pipeline):
    own = "Ohne uns abzusprechen, hatten wir beschlossen, uns so zu belassen, wie wir waren."
    assert _quotes(pipeline, own) == []
    body = _quotes(pipeline, "Der Sicherheitsrat beschloss, ein Team in das Land zu entsenden.")
    assert [(cue, source) for _, _, cue, source, _ in body] == [(["beschloss"], "Der Sicherheitsrat")]


@pytest.mark.parametrize(
    "text",
    [
        "Klien wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.",
        "Ihm wird vorgeworfen, seine Tochter bedroht zu haben.",
        "Die Männer werden beschuldigt, Mitglieder einer Vereinigung zu sein.",
    ],
)
def test_the_accused_of_a_passive_is_no_source(pipeline, text):
    (quote,) = _quotes(pipeline, text)
    assert quote[3] is None


def test_nobody_in_particular_performs_no_act(pipeline):
    assert _quotes(pipeline, "Niemand sagte, dass die Lage ernst sei.") == []
    text = "Mir ist egal, wie jemand anderer zu einem Zaun sagt: Hauptsache, es gibt ihn, meinte sie weiters."
    ((_, message, cue, source, _),) = _quotes(pipeline, text)
    assert (cue, source) == (["meinte"], "sie") and message.startswith("Mir ist egal, wie jemand anderer")


def test_a_suspicion_of_nobody_in_particular_is_no_frame_but_the_speech_goes_on(pipeline):
    text = (
        "Das Prinzip muss angewandt werden, erklärt der Verfassungsrechtler Heinz Mayer. Wenn jemand in "
        "dringendem Verdacht stehe, eine Tat zu begehen, könne man ihn anzeigen."
    )
    got = _quotes(pipeline, text)
    assert [(form, cue, source) for form, _, cue, source, _ in got] == [
        ("INDIRECT", ["erklärt"], "der Verfassungsrechtler Heinz Mayer"),
        ("INDIRECT_FREE_INDIRECT", [], "der Verfassungsrechtler Heinz Mayer"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Dem Gericht liegt ein Gutachten vor, laut dem Kevin in schwerer Weise misshandelt worden war.",
            "Kevin in schwerer Weise misshandelt worden war",
        ),
        (
            "Es gab Zettel, laut denen jeder Deutsche ein Rundfunkgerät haben sollte.",
            "jeder Deutsche ein Rundfunkgerät haben sollte",
        ),
    ],
)
def test_an_according_to_phrase_opened_by_a_relative_pronoun(pipeline, text, message):
    ((_, got_message, cue, source, _),) = _quotes(pipeline, text)
    assert (got_message, cue, source) == (message, ["laut"], text.split(", laut ")[1].split()[0])


def test_laut_der_before_a_noun_is_an_article(pipeline):
    assert _quotes(pipeline, "Der Zug entgleiste, laut der Polizei wurde niemand verletzt.")[0][3] == "der Polizei"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Dabei griff sie auch direkt den Präsidenten an: „Ein Präsident, der lügt, kann nichts erwarten.“", "sie"),
        (
            "Hier sparte der Bundespräsident auch nicht mit Kritik: „Jeder sollte wissen, was er tut.“",
            "der Bundespräsident",
        ),
        ("Koppelin wörtlich: „Das ist ein Skandal.“", "Koppelin"),
        # a long adverbial field before the verb
        (
            "Bei einer Debatte um die Praxis des Vollzugs von Abschiebungen in Niedersachsen hatte sich Pieper "
            "zu dem Zwischenruf hinreißen lassen: „Am besten hätte man Sie abschieben sollen.“",
            "Pieper",
        ),
        # a clause in Konjunktiv before the colon is reported content, its subject no speaker
        ("Die Pflichten der Union seien im Vertrag festgelegt: „Daraus ergibt sich alles.“", None),
        # an expletive subject names nobody
        ("Am Abend gab es Streit: „Das ist ein Skandal.“", None),
    ],
)
def test_the_speaker_of_a_quote_after_a_colon_in_an_inverted_clause(pipeline, text, source):
    sources = {q[3] for q in _quotes(pipeline, text)}
    assert sources == {source} if source else sources <= {None}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Die Kommission kam zu dem Schluss, dass die Beihilfe rechtens sei.", "Die Kommission"),
        ("Nach langer Prüfung sei er zu dem Schluss gekommen, dass er nichts ändern könne.", "er"),
    ],
)
def test_the_subject_of_a_noun_frame_after_a_preposition(pipeline, text, source):
    assert _quotes(pipeline, text)[0][2:4] == (["zu", "dem", "Schluss"], source)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an accusative object is no subject, before the verb or after it
        ("Den Namen der Sendung gab das ZDF auch bereits bekannt: „Geheimnisse eines Papstes“.", "das ZDF"),
        (
            "Der Kommissar Günther Oettinger nannte den Beschluss einen fairen Kompromiss.",
            "Der Kommissar Günther Oettinger",
        ),
        # a capitalised adverb opening the sentence is no subject
        ("Unmissverständlich sagt das Gericht in der Begründung, dass es nicht überzeugt sei.", "das Gericht"),
    ],
)
def test_subjects_in_the_nominative(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_an_object_after_the_verb_makes_no_frame_of_the_clause_before(pipeline):
    assert _quotes(pipeline, "Hubert Primus, der bei Stiftung Warentest arbeitet, wies den Vorwurf zurück.") == []


@pytest.mark.parametrize(
    "text",
    [
        # "das heißt": that is, no speech
        "Mica ist ein Chatbot, das heißt, dass man mit ihr wie mit einer realen Person schreiben kann.",
        # "sich versichern": insure
        "Mit sechs von zehn Reisenden, die sich auf Reisen versichern, liege Österreich im Mittelfeld.",
    ],
)
def test_senses_that_are_no_speech(pipeline, text):
    assert _quotes(pipeline, text) == []


def test_the_addressee_of_a_passive_question_is_no_source(pipeline):
    text = "Nadal sorgte für Gelächter, als er gefragt wurde, ob er verstehe, dass sich seine Fans sorgen."
    assert [q[3] for q in _quotes(pipeline, text)] == [None]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a preposition in -en is no adjective
        ("Die Proponenten sprachen sich gegen Quoten für die Bezirke aus.", "Die Proponenten"),
        # an article before a word that is no head is no phrase; a medium that writes its name in lower case
        ("Die taz hat heute über Änderungen an dem Entwurf berichtet, der die Grundlage schaffen soll.", "Die taz"),
        ("Dieser behauptete, er sei unschuldig.", "Dieser"),
    ],
)
def test_no_preposition_or_bare_article_for_a_subject(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_a_negated_participle_is_no_act(pipeline):
    assert _quotes(pipeline, "Der Richter wurde noch nicht gefragt, ob er das Amt wieder ausüben möchte.") == []
    assert _quotes(pipeline, "Der Minister hat bereits gesagt, dass er zurücktritt.")[0][2:4] == (
        ["gesagt"],
        "Der Minister",
    )


def test_according_to_media_in_the_plural(pipeline):
    text = "Zu den Anschlägen bekannten sich nach palästinensischen Medien zwei Gruppen."
    assert _quotes(pipeline, text)[0][2:4] == (["nach"], "palästinensischen Medien")
    assert _quotes(pipeline, "Nach den Medien kam der Sport.") == []


def test_an_according_to_frame_opening_the_content_of_a_verb_frame_is_a_nested_quote(pipeline):
    text = "Ein Sprecher sagte, nach neuesten Erkenntnissen habe ein Unbekannter den Namen der Frau verwendet."
    got = [(cue, source, message) for _, message, cue, source, _ in _quotes(pipeline, text)]
    assert got == [
        (["sagte"], "Ein Sprecher", "nach neuesten Erkenntnissen habe ein Unbekannter den Namen der Frau verwendet"),
        (["nach"], "neuesten Erkenntnissen", "habe ein Unbekannter den Namen der Frau verwendet"),
    ]


def test_so_frame_with_a_demonstrative_for_the_speaker(pipeline):
    text = "Die Tierschützer sind empört. „Während wir den Sommer genießen, geht das Elend weiter.“, so letztere."
    assert _quotes(pipeline, text)[0][2:4] == (["so"], "letztere")
    text = "Für Shakira, so schrieb diese in einer Stellungnahme, sei es eine Ehre, mit Lopez aufzutreten."
    got = _quotes(pipeline, text)[0]
    assert got[2:4] == (["so", "schrieb"], "diese")
    assert got[1] == "Für Shakira"
    assert _quotes(pipeline, "„Das geht so nicht weiter“, so diese Zeitung.")[0][3] == "diese Zeitung"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("„Das ist ein großer Fehler gewesen“, hatte Müller am Montag gesagt.", ["hatte", "gesagt"], "Müller"),
        (
            "Es sei eine Chance, ein „Bürger erster Klasse zu werden“, wird Mike Downey, Manager für Flash, zitiert.",
            ["wird", "zitiert"],
            "Mike Downey, Manager für Flash",
        ),
        (
            "„Der IWF unterstützt Griechenland dabei“, ließ ein IWF-Sprecher aus Washington kurz verlauten.",
            ["ließ", "verlauten"],
            "ein IWF-Sprecher aus Washington",
        ),
        ("„Wo ist meine Stimme?“, wollen die Demonstranten noch wissen.", ["wollen", "wissen"], "die Demonstranten"),
    ],
)
def test_auxiliary_frame_after_a_direct_quote(pipeline, text, cue, source):
    got = [g for g in _quotes(pipeline, text) if g[0] == "DIRECT"]
    assert got[0][2:4] == (cue, source)


def test_an_auxiliary_after_a_quoted_name_is_no_frame(pipeline):
    text = "Im „profil“ werden die Wiener Linien und ihre Geschäfte thematisiert und erwogen."
    assert all(g[2] != ["werden", "erwogen"] for g in _quotes(pipeline, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Als der Regierungschef am Sonntag sagte, dass es keine Revolution sei, irrte er.", "der Regierungschef"),
        ("Das war nicht der letzte Streit und die Anwohner befürchten, dass es so weitergeht.", "die Anwohner"),
        ("Als ein Fluggast zu Hilfe eilte, biss der Randalierer ihn und rief: „Lasst mich raus!“", "der Randalierer"),
    ],
)
def test_the_subject_of_an_opening_or_coordinated_clause(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_als_before_a_bare_noun_opens_no_clause_with_a_subject(pipeline):
    text = "Als Grund für die Verhaftung wurde genannt, dass der Mann keine Organisation hätte gründen dürfen."
    assert all(g[3] != "Grund" for g in _quotes(pipeline, text))


def test_the_document_at_the_clause_start_holds_a_passive_cue_or_heisst_es(pipeline):
    text = "In einem Bericht der Salzburger Nachrichten wurde vermutet, dass keine der Personen überlebt hat."
    assert _quotes(pipeline, text)[0][2:4] == (["vermutet"], "einem Bericht der Salzburger Nachrichten")
    text = "In einer Presseerklärung, die am Mittwoch erschien, wurde verkündet, dass die Serben kooperieren."
    assert _quotes(pipeline, text)[0][3] == "einer Presseerklärung"
    text = "In dieser Resolution, die vom Sicherheitsrat angenommen wurde, heißt es, dass es Fortschritte gegeben habe."
    assert _quotes(pipeline, text)[0][2:4] == (["heißt", "es"], "dieser Resolution")
    text = "In der Stadt wurde vermutet, dass keine der Personen überlebt hat."
    assert _quotes(pipeline, text)[0][3] is None  # a place, no document


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Die Miliz wurde von Kenias Regierung beschuldigt, die Anschläge verübt zu haben.", "Kenias Regierung"),
        ("Von deutscher Seite wurde gefordert, dass die Verhandlungen fortgesetzt werden.", "deutscher Seite"),
        ("Zudem wurde die Bundesregierung vom LSVD aufgefordert, dem Sänger die Einreise zu verweigern.", "LSVD"),
    ],
)
def test_the_agent_of_a_passive_cue_is_the_source(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_no_agent_for_a_quoted_subject_or_a_noun_attribute(pipeline):
    text = "Dazu wird Watzke auf der Internetseite von Borussia Dortmund so zitiert: „Wir haben viel vor.“"
    assert _quotes(pipeline, text)[0][3] == "Watzke"
    text = "Von den Mandatsträgern wurde Aufklärung darüber verlangt, ob sie beteiligt waren."
    assert all(g[3] != "den Mandatsträgern" for g in _quotes(pipeline, text))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # found on DER STANDARD: an object coordinated before a participle, a role after "als", a speech noun
        ("Diese hätten Reue und ein Schuldeingeständnis erwartet, dass sie zahlen.", "ein Schuldeingeständnis"),
        ("Als Klubobmann habe ich letztlich auch verlangt, dass eine Linie mitgetragen wird.", "Klubobmann"),
        ("Die Fußstapfen, so die Meinung bei den Roten, sind nicht zu groß für Vettel.", "die Meinung"),
    ],
)
def test_no_source_from_an_object_a_role_or_a_speech_noun(pipeline, text, wrong):
    assert all(g[3] != wrong for g in _quotes(pipeline, text))


def test_a_participle_negated_by_weder_is_no_act(pipeline):
    text = "Von einer Partei wurde mir weder Geld zugesagt, noch habe ich um Geld geworben."
    assert _quotes(pipeline, text) == []


def test_the_agent_of_a_participle_of_saying_before_a_speech_noun(pipeline):
    text = "Die von Arnold nach dem Freispruch geäußerte Hoffnung, sein Leben werde sich wenden, erfüllte sich nicht."
    assert _quotes(pipeline, text)[0][2:4] == (["geäußerte", "Hoffnung"], "Arnold")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Das Gericht kam damit zu dem Ergebnis, dass keine tragfähige Grundlage bestehe.", "Das Gericht"),
        ("Die BVG begegnet der Kritik mit dem Argument, die Züge seien meist unterirdisch unterwegs.", "Die BVG"),
        ("Die Einsicht in den Bericht sei ihr mit dem Hinweis verweigert worden, sie sei nicht betroffen.", None),
    ],
)
def test_the_subject_before_a_speech_noun_frame_with_adverbs_or_mit(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_a_direct_content_clause_after_a_speech_noun_frame(pipeline):
    text = "Das Gericht kam damit zu dem Ergebnis, „dass keine tragfähige Grundlage für eine Verurteilung besteht“."
    got = [g for g in _quotes(pipeline, text) if g[0] == "DIRECT"]
    assert got[0][2:4] == (["kam", "zu", "dem", "Ergebnis"], "Das Gericht")


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "Zwar sind 62 Prozent der Bürger zufrieden, 37 Prozent sind jedoch der gegenteiligen Auffassung, "
            "dass die Demokratie schlecht funktioniert.",
            ["sind", "der", "Auffassung"],
            "37 Prozent",
        ),
        ("22 Prozent teilen die Meinung, die Gesellschaftsordnung sei nicht verteidigenswert.", None, "22 Prozent"),
        ("Die Bürger sind jedoch der Auffassung, dass die Demokratie schlecht funktioniert.", None, "Die Bürger"),
        (
            "37 Prozent der Befragten sagten, dass die Demokratie schlecht funktioniert.",
            None,
            "37 Prozent der Befragten",
        ),
    ],
)
def test_a_share_of_people_and_the_verb_before_an_adverb_and_a_speech_noun(pipeline, text, cue, source):
    got = _quotes(pipeline, text)[0]
    assert got[3] == source
    if cue is not None:
        assert sorted(got[2]) == sorted(cue)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Die Kosten sollen „durch mehr Effizienz“ sinken, so heißt es in einer gemeinsamen Erklärung des "
            "Betriebsrates.",
            "einer gemeinsamen Erklärung des Betriebsrates",
        ),
        (
            "In einer Erklärung der EU-Außenminister vom Dienstagabend hatte es geheißen: „Es gibt keine "
            "militärische Lösung.“",
            "einer Erklärung der EU-Außenminister",
        ),
        (
            "Das Unternehmen bekomme, wie es auf einer Pressekonferenz in Oslo hieß, vier Millionen Euro geliehen.",
            "einer Pressekonferenz",
        ),
        ("In den Berichten hatte es geheißen, dass sechs Menschen erschossen wurden.", "den Berichten"),
    ],
)
def test_the_document_of_heisst_es_before_the_verb_or_after_so_and_wie(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


@pytest.mark.parametrize(
    "text",
    [
        "Der wirkliche Christkindelsmärik, wie es auf Elsässisch heißt, öffnet seine Tore am 27. November.",
        "Grund dafür waren Netzwerkprobleme in einem Rechenzentrum, wie es auf Anfrage des WebStandard heißt.",
    ],
)
def test_wie_es_heisst_names_no_language_nor_who_asked(pipeline, text):
    assert all(q[3] is None for q in _quotes(pipeline, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Es wurde von Demjanjuks Sohn die Mutmaßung geäußert, Deutschland brauche nur ein Opfer.", "Demjanjuks Sohn"),
        ("Daraus wurde von Beobachtern der Schluss gezogen, es könnte eine Polizeiaktion bevorstehen.", "Beobachtern"),
        ("Ein Besuch war von der Junta mit dem Hinweis abgelehnt worden, man sei zu sehr beschäftigt.", "der Junta"),
    ],
)
def test_the_passive_agent_before_a_speech_noun_frame(pipeline, text, source):
    assert _quotes(pipeline, text)[0][3] == source


def test_a_document_after_an_adverb_and_the_passive_auxiliary(pipeline):
    text = "So wird in einer Pressemitteilung der Organisation gefordert, dass die Regierung die Mängel abstellt."
    assert _quotes(pipeline, text)[0][3] == "einer Pressemitteilung der Organisation"


def test_a_document_with_its_addressee_before_the_passive_auxiliary(pipeline):
    text = "In einem Schreiben an die Mitarbeiter wurde gefordert, dass die Regierung die Mängel abstellen müsse."
    assert _quotes(pipeline, text)[0][3] == "einem Schreiben"


def test_a_website_in_lower_case_in_a_wie_clause(pipeline):
    text = "Wie t-online.de berichtet, ist der erste Trailer im Internet veröffentlicht worden."
    assert _quotes(pipeline, text)[0][3] == "t-online.de"


def test_nach_with_a_name_in_the_genitive_before_a_report_noun(pipeline):
    got = _quotes(pipeline, "Nach Grupps Meinung sei die Lage an den Märkten ernst.")
    assert got[0][2:4] == (["Nach"], "Grupps Meinung")
    assert not _quotes(pipeline, "Nach Clarksons Tod wurde die Sendung eingestellt.")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Unter dem Motto „Freiheit statt Angst“ zogen die Demonstranten bis zur Paulskirche und skandierten "
            "dabei Parolen wie „Stoppt den Überwachungswahn“.",
            "die Demonstranten",
        ),
        ("Nach der Sitzung trat der Minister vor die Presse und sagte, die Lage sei ernst.", "der Minister"),
        ("In der ersten Runde gewann der Herausforderer klar und sagte, die Lage sei ernst.", "der Herausforderer"),
    ],
)
def test_the_inverted_subject_after_an_opening_prepositional_phrase_and_und(pipeline, text, source):
    assert [q[3] for q in _quotes(pipeline, text) if q[3]][:1] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "Seinerzeit hatte Österreich mit der Begründung abgelehnt, eine solche Forderung stelle nur das Parlament.",
        "Zuletzt hatte Fox darum gebeten; seinerzeit hatte Österreich mit der Begründung abgelehnt, sie sei unmöglich.",
    ],
)
def test_the_subject_after_an_adverb_and_the_auxiliary_before_a_speech_noun_frame(pipeline, text):
    assert _quotes(pipeline, text)[0][3] == "Österreich"


def test_a_relative_subject_before_a_preposition_in_er(pipeline):
    text = "Später kamen Tausende Demonstranten, die unter anderem skandierten: „Mussawi, hole unsere Stimmen zurück!“"
    assert _quotes(pipeline, text)[0][2:4] == (["skandierten"], "die")
