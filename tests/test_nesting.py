"""Parent links between quotes whose messages nest (zitat_server.extraction.nesting)."""

from __future__ import annotations

from zitat_server.document import Form, Quote, Span
from zitat_server.extraction.nesting import inherit_sources, set_parents


def _q(*spans: tuple[int, int], form: Form = Form.INDIRECT) -> Quote:
    return Quote([Span(a, b) for a, b in spans], form)


def test_innermost_container_is_the_parent():
    outer, middle, inner, after = _q((0, 100)), _q((10, 50)), _q((20, 30), form=Form.DIRECT), _q((120, 140))
    quotes = [outer, middle, inner, after]
    set_parents(quotes)
    assert [q.parent for q in quotes] == [-1, 0, 1, -1]


def test_overlap_without_containment_is_no_nesting():
    a, b = _q((0, 50)), _q((40, 90))
    set_parents([a, b])
    assert (a.parent, b.parent) == (-1, -1)


def test_same_message_is_no_nesting():
    a, b = _q((0, 50)), _q((0, 50), form=Form.DIRECT)
    set_parents([a, b])
    assert (a.parent, b.parent) == (-1, -1)


def test_a_quote_in_the_gap_of_a_two_part_message_is_not_inside_it():
    # "Die Feuerwehr hat [nach eigenen Angaben] … abgesucht": the frame between the two parts.
    frame = _q((0, 20), (40, 80))
    gap = _q((25, 35), form=Form.DIRECT)
    set_parents([frame, gap])
    assert gap.parent == -1


def test_stale_parents_are_reset():
    a, b = _q((0, 10)), _q((20, 30))
    b.parent = 0
    set_parents([a, b])
    assert b.parent == -1


def test_a_direct_quote_inside_another_takes_its_source_when_it_has_none():
    outer, inner, own, indirect = (
        _q((0, 100)),
        _q((20, 30), form=Form.DIRECT),
        _q((40, 50), form=Form.DIRECT),
        _q((60, 90)),
    )
    outer.source, own.source = Span(200, 210), Span(220, 230)
    quotes = [outer, inner, own, indirect]
    set_parents(quotes)
    inherit_sources(quotes)
    # the direct quote without a source is the container speaker's wording; one with its own source,
    # and an indirect quote inside (an according-to frame of its own), keep theirs
    assert [q.source for q in quotes] == [Span(200, 210), Span(200, 210), Span(220, 230), None]


def _source_of(doc, quote_start: str) -> str | None:
    """The source text of the quote whose message starts with ``quote_start``."""
    for q in doc.quotes:
        if doc.text[q.message[0].start :].lstrip("„").startswith(quote_start):
            return doc.text[q.source.start : q.source.end] if q.source else None
    raise AssertionError(f"no quote starts with {quote_start!r}")


def test_a_standalone_direct_quote_goes_on_with_the_framed_speaker_of_the_sentence_before(default_pipeline):
    doc = default_pipeline.process(
        "Nach Ansicht von Niedersachsens Ministerpräsident Christian Wulff (CDU) ist mit der Empfehlung "
        "jedoch noch keine Vorentscheidung gefallen. „Es ist nur eine gutachterliche Stellungnahme.“"
    )
    assert _source_of(doc, "Es ist nur").endswith("Christian Wulff (CDU)")


def test_a_standalone_direct_quote_takes_the_subject_of_a_sentence_of_saying_before_it(default_pipeline):
    doc = default_pipeline.process(
        "Sadiq Khan, eines der Parlamentsmitglieder, die den Brief unterschrieben, verurteilte die Haltung "
        "der Regierung. „Diese Regierung hat einige große Erfolge in der Außenpolitik zu verzeichnen.“"
    )
    assert _source_of(doc, "Diese Regierung") == "Sadiq Khan"


def test_a_standalone_direct_quote_after_a_sentence_without_speech_keeps_no_source(default_pipeline):
    # the quote is somebody else's about Spielberg; the sentence before tells no speech
    doc = default_pipeline.process(
        "Steven Spielberg war vor einigen Wochen als künstlerischer Berater zurückgetreten. "
        "„Es gibt Lobbyorganisationen in den USA, die massiven Druck ausüben.“"
    )
    assert _source_of(doc, "Es gibt") is None


def test_a_quoted_phrase_in_a_sentence_without_a_speaker_goes_on_with_the_quote_before(default_pipeline):
    doc = default_pipeline.process(
        "Das Gericht sieht neben neuen „Möglichkeiten der Persönlichkeitsentfaltung auch neue "
        "Persönlichkeitsgefährdungen“ auf die Bürger zukommen. "
        "Daraus wird ein „grundrechtlich erhebliches Schutzbedürfnis“ abgeleitet."
    )
    assert _source_of(doc, "grundrechtlich") == "Das Gericht"


def test_a_standalone_direct_quote_takes_a_definite_subject_whose_sentence_has_a_cue(default_pipeline):
    doc = default_pipeline.process(
        "Der ältere Bruder des Papstes, Georg Ratzinger, war nach eigenem Bekunden seit langem in die "
        "Rücktrittsabsicht seines Bruders eingeweiht. „Mein Bruder wünscht sich im Alter mehr Ruhe.“"
    )
    assert _source_of(doc, "Mein Bruder") == "Der ältere Bruder des Papstes, Georg Ratzinger"


def test_a_standalone_direct_quote_after_a_pronoun_source_takes_the_named_speaker_before(default_pipeline):
    doc = default_pipeline.process(
        "Der Bundespräsident begründete seine Entscheidung mit der fehlenden Handlungsfähigkeit der Regierung. "
        "Zu dieser Einschätzung des Kanzlers sehe er keine Alternative. "
        "Nach eingehender Prüfung sei er zu dem Schluss gekommen, dass er zu keiner anderen Beurteilung kommen könne. "
        "„Ich bin davon überzeugt, dass die Voraussetzungen für die Auflösung des Bundestages gegeben sind.“"
    )
    assert _source_of(doc, "Ich bin") == "Der Bundespräsident"


def test_a_standalone_direct_quote_after_a_sentence_naming_the_last_speaker_again_is_his(default_pipeline):
    doc = default_pipeline.process(
        "Ministerpräsident Günther Oettinger (CDU) hat nun angekündigt, das achtjährige Gymnasium zu reformieren. "
        "Um die Zeit dafür zu gewinnen, will Oettinger die Naturwissenschaften straffen. "
        "„Nicht jede Formel aus Physik, Biologie und Chemie ist für das Erwachsenenleben notwendig.“"
    )
    assert _source_of(doc, "Nicht jede") == "Ministerpräsident Günther Oettinger (CDU)"
