"""Addressees (extraction.addressees): objects of addressing verbs and audiences of verbs of saying."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc
from zitat_server.extraction.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline("rules-only")


def _addressees(doc: Doc) -> list[tuple[str, str | None]]:
    """(cue, addressee) of each quote that has a cue."""
    return [(" ".join(doc.span_text(c) for c in q.cue), doc.span_text(q.addressee) if q.addressee else None)
            for q in doc.quotes if q.cue]


#: (text, addressee): objects of addressing verbs.
OBJECTS = [
    # the object after the finite verb, past the subject
    ("Außerdem warf die Staatsanwaltschaft dem Bürgermeister vor, Vorschriften verletzt zu haben.",
     "dem Bürgermeister"),
    ("Kritiker werfen Obama vor, er hätte die Entscheidung nur getroffen, um Erfahrung zu zeigen.", "Obama"),
    ("Das UN-Kinderhilfswerk UNICEF rief Russland auf, das Adoptionsverbot nicht durchzusetzen.", "Russland"),
    ("Er forderte die SPD im Bundestag auf, stärker auf Einsparungen zu setzen.", "die SPD"),
    ("Thaksin beschuldigte General Prem, an dem Militärcoup gegen ihn mitgewirkt zu haben.", "General Prem"),
    # an object pronoun
    ("Die Opposition warf ihm vor, die Wahl gefälscht zu haben.", "ihm"),
    # after the finite auxiliary of a participle at the clause's end
    ("Zapatero hat Deutschland heute Versagen im Krisenmanagement vorgeworfen.", "Deutschland"),
    # a country after its article; a dative of "vorschlagen"
    ("Die IAEA wirft dem Iran vor, eine atomare Aufrüstung zu betreiben.", "dem Iran"),
    ("Der Verlag schlug den entlassenen Mitarbeitern vor, sich bei der Tochterfirma zu bewerben.",
     "den entlassenen Mitarbeitern"),
    # the passive's subject or dative, fronted, with adverbials before the participle
    ("Klien wurde vorgeworfen, an der Schlägerei beteiligt gewesen zu sein.", "Klien"),
    ("Ihm wird unter anderem vorgeworfen, in die Übernahme der Bank eingegriffen zu haben.", "Ihm"),
    ("Die Männer werden beschuldigt, Mitglieder einer terroristischen Vereinigung zu sein.", "Die Männer"),
    # after the preposition of the verb
    ("Die Umweltschutzorganisation fordert von der Regierung einen Plan, mit dem die Bevölkerung auf Tiere "
     "vorbereitet wird.", "der Regierung"),
    ("Der Verband appellierte an die Regierung, die Steuern zu senken.", "die Regierung"),
]
#: (text, addressee): audiences of verbs of saying.
AUDIENCES = [
    ("„Wir befürchten das Schlimmste“, sagte er gegenüber Deutschlandradio.", "Deutschlandradio"),
    ("Später sagte die Kanzlerin vor der Presse, die Lage sei ernst.", "der Presse"),
    ("„Das Alter drückt“, sagte Georg Ratzinger zur Nachrichtenagentur dpa.", "Nachrichtenagentur dpa"),
    ("„In 20 Jahren werden sie in Oslo sein“, sagte er in einem Interview mit der Financial Times.",
     "der Financial Times"),
    ("Ein Sprecher des Übergangsrates sagte SPIEGEL ONLINE, sie hätten erst am Montag davon erfahren.",
     "SPIEGEL ONLINE"),
    # the core of the phrase, without what follows a comma
    ("Später sagte die Kanzlerin vor der Presse, Benedikt XVI. „ist und bleibt ein großer Denker“.", "der Presse"),
    ("An die Gewerkschaften gewandt sagte Köhler, sie müssten ihre Zurückhaltung aufgeben.", "die Gewerkschaften"),
]


@pytest.mark.parametrize(("text", "addressee"), OBJECTS + AUDIENCES)
def test_the_object_of_an_addressing_verb_or_the_audience_of_saying_is_the_addressee(pipeline, text, addressee):
    doc = pipeline.process(text)
    assert addressee in [a for _, a in _addressees(doc)], _addressees(doc)


@pytest.mark.parametrize(
    "text",
    [
        # what is demanded or alleged, or the topic after a preposition, is nobody addressed
        "Die Partei forderte Neuwahlen, nachdem das Gericht den Völkermord nicht anerkannt hatte.",
        "Die Gewerkschaft warnte vor den „Lohnverzichtstheorien“ der Arbeitgeber.",
        # "forderte" without its particle is fordern: its object is what is demanded; a "von" after
        # a noun is the noun's
        "Die Schutzgemeinschaft forderte am Mittwoch den Rücktritt von Pierers, weil er versagt habe.",
        # a time is no object
        "Die Regierung warf heute am Nachmittag vor, dass die Zahlen geschönt seien.",
        # a topic after "zu", the speaker after "Interview mit", a complement of the quoted words
        "Der Minister sagte zur Lage im Land, es gebe keine Entwarnung.",
        "In einem Interview mit dem Anwalt seiner Familie sagte dieser, dass Delmare krank sei.",
        "Die Agentur beschrieb die Mönche als „aggressiv“ gegenüber den Sicherheitskräften.",
    ],
)
def test_no_addressee_where_the_act_addresses_nobody(pipeline, text):
    doc = pipeline.process(text)
    assert [a for _, a in _addressees(doc) if a is not None] == []


def test_a_dative_pronoun_after_the_cue_is_no_source(pipeline):
    doc = pipeline.process("Mehrere Abgeordnete warfen ihm vor, sich mit Ausflüchten aus der Affäre stehlen zu wollen.")
    (q,) = [q for q in doc.quotes if q.cue]
    assert doc.span_text(q.source) == "Mehrere Abgeordnete"
    assert doc.span_text(q.addressee) == "ihm"
