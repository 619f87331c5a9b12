"""Choosing sources: the noun phrases a source can be (extraction.mentions.noun_phrases), the
linear ranker (learned.ranker) and the component that re-chooses every quote's source."""

from __future__ import annotations

import pytest
from zitat_server.document import Form, Quote, Span
from zitat_server.extraction.mentions import noun_phrases
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.sources import trim
from zitat_server.extraction.tokenizer import tokenize
from zitat_server.learned.ranker import Ranker


def _phrases(text: str) -> set[str]:
    doc = tokenize(text)
    return {
        doc.text[doc.tokens[p.first].start : doc.tokens[p.last - 1].end]
        for p in noun_phrases(doc.tokens, 0, len(doc.tokens))
    }


def test_phrases_take_appositions_genitives_and_parties() -> None:
    got = _phrases("Das sagte der Leiter des Influenza-Programms der WHO, Klaus Stöhr, in Genf.")
    assert "der Leiter des Influenza-Programms der WHO, Klaus Stöhr" in got
    assert "der Leiter des Influenza-Programms" in got  # every extension is a candidate
    got = _phrases("Das kritisierte Bildungssenator Willi Lemke (SPD) am Montag.")
    assert "Bildungssenator Willi Lemke (SPD)" in got


def test_phrases_keep_name_particles_and_split_genitives_of_nouns() -> None:
    got = _phrases("Innenminister Thomas de Maizière bestätigte Angaben der Polizei.")
    assert "Innenminister Thomas de Maizière" in got
    assert "Maizière" not in got  # no phrase starts inside a name
    assert {"Angaben der Polizei", "der Polizei"} <= got


def test_the_newspaper_after_a_title_is_its_own_phrase() -> None:
    got = _phrases("sagte der bayerische Ministerpräsident der „Welt am Sonntag“")
    assert {"der bayerische Ministerpräsident", "der „Welt am Sonntag“"} <= got


def test_verbs_that_look_like_adjectives_start_no_phrase() -> None:
    got = _phrases("Am Freitag starben Ursula Castrup und zwei Helfer.")
    assert "Ursula Castrup" in got
    assert not any(p.startswith("starben") for p in got)


def test_relative_pronouns_and_age_nouns() -> None:
    got = _phrases("Anton Wieser, der das bestätigt, und der 81-jährige Vater")
    assert "der" in got  # the relative pronoun after the comma
    got = _phrases("Am Montag sagte der 81-jährige in einem Interview")
    assert "der 81-jährige" in got


def test_ranker_softmax_and_round_trip(tmp_path) -> None:
    model = Ranker({"a": 2.0, "b": -1.0})
    best, p = model.choose([["b"], ["a", "a"], []])
    assert best == 1 and 0.9 < p < 1.0
    assert model.choose([]) == (-1, 0.0)
    model.save(tmp_path / "r.json")
    assert Ranker.load(tmp_path / "r.json").weights == model.weights


def test_trim_takes_the_source_out_of_the_message() -> None:
    doc = tokenize("Nach Angaben des Flughafens im Juni 2007 kamen 220.853 Passagiere.")
    text = doc.text
    q = Quote(message=[Span(text.index("im Juni"), len(text) - 1)], form=Form.INDIRECT)
    q.source = Span(text.index("Angaben"), text.index(" 2007") + 5)
    trim(doc, q)
    assert [doc.span_text(m) for m in q.message] == ["kamen 220.853 Passagiere"]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline("rules-ranked")


def _sources(pipeline: Pipeline, text: str) -> list[str | None]:
    doc = pipeline.process(text)
    return [doc.span_text(q.source) if q.source else None for q in doc.quotes]


@pytest.mark.xfail(
    strict=True,
    reason="known error: the ranker keeps the medium addressed as a genitive of the speaker; an x_medium "
    "feature (retrained) did not change it and cost 0.05 full joint F1 on dev",
)
def test_the_medium_after_the_cue_is_no_source(pipeline) -> None:
    text = "„Wir werden die Grenze schützen“, sagte der bayerische Ministerpräsident der „Welt am Sonntag“."
    assert _sources(pipeline, text) == ["der bayerische Ministerpräsident"]


def test_a_name_with_its_apposition(pipeline) -> None:
    text = "„Die Lage ist ernst“, sagte Mark Keefe, der Sprecher der Hilfsorganisation, am Montag in Berlin."
    assert _sources(pipeline, text) == ["Mark Keefe, der Sprecher der Hilfsorganisation"]


def test_the_frame_of_an_according_to_quote(pipeline) -> None:
    # the ranker chooses among the task's frame phrases; the speech noun then joins the cue again
    text = "Nach Angaben der Polizei wurden bei dem Unfall drei Menschen verletzt."
    doc = pipeline.process(text)
    assert [([doc.span_text(c) for c in q.cue], doc.span_text(q.source)) for q in doc.quotes] == [
        (["Nach", "Angaben"], "der Polizei")
    ]
