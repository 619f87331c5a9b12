"""Reported speech: speech verbs with a noun-phrase object (zitat_server.extraction.reported)."""

from __future__ import annotations

import pytest
from zitat_server.document import Form
from zitat_server.extraction.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline("rules-only")


def _reported(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    doc = pipeline.process(text)
    return [
        (doc.span_text(q.message[0]), doc.span_text(q.source) if q.source else None)
        for q in doc.quotes
        if q.form is Form.REPORTED
    ]


def _messages(pipeline: Pipeline, text: str) -> list[tuple[list[str], str | None]]:
    doc = pipeline.process(text)
    return [
        ([doc.span_text(m) for m in q.message], doc.span_text(q.source) if q.source else None)
        for q in doc.quotes
        if q.form is Form.REPORTED
    ]


@pytest.mark.parametrize(
    ("text", "message", "source"),
    [
        (
            "Die Polizei sprach dennoch von einer weitgehend friedlichen Gegendemonstration.",
            ["dennoch von einer weitgehend friedlichen Gegendemonstration"],
            "Die Polizei",
        ),
        (
            "Die EU fordert seit Jahren eine bessere Bekämpfung der Korruption in Bulgarien.",
            ["seit Jahren eine bessere Bekämpfung der Korruption in Bulgarien"],
            "Die EU",
        ),
        ("Für die kommende Wahl kündigte er seine Kandidatur an.", ["seine Kandidatur"], "er"),
        (
            "Die Behörden warnen außerdem vor einem erhöhten Gelbfieberrisiko.",
            ["außerdem vor einem erhöhten Gelbfieberrisiko"],
            "Die Behörden",
        ),
        (
            "Der Präsidentenrat stufte das Gesetz als verfassungswidrig ein.",
            ["das Gesetz als verfassungswidrig"],
            "Der Präsidentenrat",
        ),
        (
            "So riet die Politikerin Elke Hoff dem Minister zu mehr Zurückhaltung.",
            ["dem Minister zu mehr Zurückhaltung"],
            "die Politikerin Elke Hoff",
        ),
        (
            "Die Stadt begründet diese Erhöhung mit dem erweiterten Angebot.",
            ["diese Erhöhung mit dem erweiterten Angebot"],
            "Die Stadt",
        ),
        (
            "Lammert würdigte die Bundeswehr als ein Kind des Kalten Krieges.",
            ["die Bundeswehr als ein Kind des Kalten Krieges"],
            "Lammert",
        ),
    ],
)
def test_speech_verb_with_an_object_is_reported_speech(pipeline, text, message, source):
    # The message is what was said: the clause without its frame (source, verb, particle) and
    # without an adverbial before the verb; the task's whole sentence is the benchmark's business.
    assert _messages(pipeline, text) == [(message, source)]


def test_a_fronted_object_is_part_of_the_message(pipeline):
    text = "Seinen Rücktritt kündigte er am Montag an."
    assert _messages(pipeline, text) == [(["Seinen Rücktritt", "am Montag"], "er")]


def test_reported_speech_names_its_verb_as_cue(pipeline):
    doc = pipeline.process("Die Regierung kündigte die Stationierung von Panzern an.")
    (quote,) = doc.quotes
    assert [doc.span_text(c) for c in quote.cue] == ["kündigte", "an"]


@pytest.mark.parametrize(
    "text",
    [
        # naming, not speaking
        "Rosinenbomber nannte man die Flugzeuge der Luftbrücke.",
        # the preposition the speech sense needs is missing
        "Der Zug warnt nicht.",
        "Das Softwarepaket ging aus der Version 5.2 von StarOffice hervor.",
        # a participle adjective, not the finite verb
        "Aufgrund der prognostizierten Körperlänge wird eine hohe Temperatur angenommen.",
        # a noun that spells a verb form
        "Insgesamt sind 513 Berichte über Verbotsversuche beim Büro eingegangen.",
        # verb-final: a subordinate clause
        "Er kam zurück, als die Polizei eine Untersuchung forderte.",
    ],
)
def test_no_reported_speech(pipeline, text):
    assert _reported(pipeline, text) == []


def test_a_content_clause_makes_it_indirect_not_reported(pipeline):
    doc = pipeline.process("Die Regierung forderte, dass die Steuern sinken.")
    assert [q.form for q in doc.quotes] == [Form.INDIRECT]


def test_quoted_words_nest_inside_the_reported_sentence(pipeline):
    text = "Modder nannte die Absage des Kapitäns einen „schweren Bruch des Vertrauens“."
    doc = pipeline.process(text)
    got = [(q.form, doc.span_text(q.message[0]), q.parent) for q in doc.quotes]
    assert got == [
        (Form.REPORTED, "die Absage des Kapitäns einen „schweren Bruch des Vertrauens“", -1),
        (Form.DIRECT, "„schweren Bruch des Vertrauens“", 0),
    ]


def test_a_quoted_sentence_is_left_to_the_direct_rules(pipeline):
    assert _reported(pipeline, "Er forderte: „Wir brauchen mehr Geld für die Schulen.“") == []


def test_reported_sentence_starts_a_continuation(pipeline):
    text = "Lammert sprach von einem Kind des Kalten Krieges. Die Bundeswehr sei eine Armee des Friedens."
    doc = pipeline.process(text)
    assert [(q.form, doc.span_text(q.source)) for q in doc.quotes] == [
        (Form.REPORTED, "Lammert"),
        (Form.INDIRECT_FREE_INDIRECT, "Lammert"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dasselbe gilt für Behörden, die den Schlüssel von Microsoft verlangen könnten.",
        "Wir wollen die Saison mit einem Höhepunkt beenden, kündigte der Deutsche an, der drei Rennen gewann.",
    ],
)
def test_no_reported_speech_in_a_subordinate_clause_or_a_frame(pipeline, text):
    assert _reported(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "message", "source", "cue"),
    [
        # the perfect: the auxiliary in second place, the participle closing the clause
        ("Die CDU hatte zu dem Thema Aufklärung gefordert.", ["zu dem Thema Aufklärung"], "Die CDU", "gefordert"),
        (
            "Das Militär hat inzwischen eine Untersuchung angekündigt.",
            ["inzwischen eine Untersuchung"],
            "Das Militär",
            "angekündigt",
        ),
        # the passive: the agent after "von" is the source, or there is none
        (
            "Die Forderungen wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet.",
            ["Die Forderungen", "als unrealistisch"],
            "Bundesverkehrsminister Manfred Stolpe",
            "bezeichnet",
        ),
        ("Als Termin wurde der 22. Oktober genannt.", ["Als Termin", "der 22. Oktober"], None, "genannt"),
    ],
)
def test_a_participle_after_its_auxiliary_is_reported_speech(pipeline, text, message, source, cue):
    doc = pipeline.process(text)
    (quote,) = doc.quotes
    assert (quote.form, [doc.span_text(m) for m in quote.message]) == (Form.REPORTED, message)
    assert (doc.span_text(quote.source) if quote.source else None) == source
    assert [doc.span_text(c) for c in quote.cue] == [cue]


@pytest.mark.parametrize(
    "text",
    [
        # the participle is no speech verb, or not the one closing the clause
        "Die Polizei hat den Mann am Montag festgenommen.",
        "Die Ergebnisse wurden mit der vorhergehenden Studie verglichen.",
        # the perfect with "man" for its subject names rather than reports
        "Rosinenbomber hat man die Flugzeuge genannt.",
        # the auxiliary closes a subordinate clause
        "Er ging, nachdem die Polizei eine Untersuchung gefordert hatte.",
    ],
)
def test_no_reported_speech_in_other_compounds(pipeline, text):
    assert _reported(pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dateline before the dash is no subject
        ("Koblenz – Die Gewerkschaft hat erneut zu Streiks aufgerufen.", [(["erneut zu Streiks"], "Die Gewerkschaft")]),
        # the second of two coordinated verbs has the first one's subject
        (
            "Anwälte beklagen gravierende Fehler und fordern Freispruch ihres Mandanten.",
            [(["Freispruch ihres Mandanten"], "Anwälte")],
        ),
        # the preposition "sprechen" needs stands in another clause: no reported speech
        ("Wir sprechen intensiv mit Autoherstellern, und viele von ihnen denken voraus.", []),
    ],
)
def test_reported_speech_subject_and_clause(pipeline, text, expected):
    assert _messages(pipeline, text) == expected


def test_a_name_with_its_apposition_before_the_verb_is_the_source(pipeline):
    text = "Lars Schauer, Manager von Energie Cottbus, bezeichnete die Entscheidung als verantwortungsbewusst."
    doc = pipeline.process(text)
    assert [(q.form, doc.span_text(q.source)) for q in doc.quotes] == [
        (Form.REPORTED, "Lars Schauer, Manager von Energie Cottbus")
    ]


def test_einfordern_is_a_demand_with_its_particle(pipeline):
    doc = pipeline.process("Nun fordern die beiden Länder das Geld von Island ein.")
    assert [[doc.span_text(c) for c in q.cue] for q in doc.quotes] == [["fordern", "ein"]]


def test_the_agentless_passive_of_ansehen_is_a_view_not_a_speech_act(pipeline):
    assert pipeline.process("Der Wahlablauf wird als Prüfstein für die Demokratie angesehen.").quotes == []


def test_a_relative_clause_after_the_participle_tells_more_of_what_was_reported(pipeline):
    text = "Das Netzwerk hatte über Hunderte Fälle berichtet, in denen Konzerne Steuern vermieden."
    doc = pipeline.process(text)
    assert [[doc.span_text(m) for m in q.message] for q in doc.quotes] == [
        ["über Hunderte Fälle", "in denen Konzerne Steuern vermieden"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Die Arithmetik und der Kalender sprechen für Romney.",  # no holder, no act
        "Die Identität des Kindes gab die Behörde nicht bekannt.",  # denied: nothing was said
    ],
)
def test_no_reported_speech_without_a_holder_or_with_a_denied_act(pipeline, text):
    assert pipeline.process(text).quotes == []


def test_a_negation_in_the_next_coordinated_clause_does_not_deny_the_first_act(pipeline):
    doc = pipeline.process("Ein Militärsprecher verwies auf das Wetter und möchte nicht spekulieren.")
    assert [q.form for q in doc.quotes] == [Form.REPORTED]


@pytest.mark.parametrize("text", ["Die Armeeleitung sprach von einem Absturz.", "Der Jahresbericht nennt hohe Zahlen."])
def test_documents_and_a_body_s_lead_hold_claims(pipeline, text):
    assert [q.form for q in pipeline.process(text).quotes] == [Form.REPORTED]


def test_the_frame_of_a_direct_quote_after_its_colon_is_no_reported_speech(pipeline):
    text = "Dazu gab das Ministerium weiter bekannt: „Trojanow machte Aussagen gegenüber Mitarbeitern der Behörde.“"
    doc = pipeline.process(text)
    assert [(q.form, [doc.span_text(c) for c in q.cue], doc.span_text(q.source)) for q in doc.quotes] == [
        (Form.DIRECT, ["gab", "bekannt"], "das Ministerium")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Aufbruch nennt sich die Bewegung, die im Juni eine Konferenz abhalten will.",  # naming
        "Wir sprechen über ein extremes Umfeld, in dem die Verschmutzung sehr hoch ist.",  # inside somebody's words
    ],
)
def test_naming_and_first_person_are_no_reported_speech(pipeline, text):
    assert pipeline.process(text).quotes == []
