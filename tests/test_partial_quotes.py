"""Partial direct quotes: quoted phrases inside sentences (zitat_server.extraction.partial_quotes)."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc, Form, Quote, Span
from zitat_server.extraction.partial_quotes import PartialQuoteFinder, candidates, features
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.quote_marks import QuoteMarks
from zitat_server.extraction.tokenizer import tokenize
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.linear import LinearModel

# Three quoted regions: one already a direct quote, one inside continued indirect speech, one on its own.
TEXT = (
    "Merk nannte den Vorschlag „völlig inakzeptabel“. "
    "Der Sprecher sagte am Montag, man arbeite an einer Lösung. "
    "Die Lage sei „sehr ernst“ und werde jeden Tag neu bewertet. "
    "Justizministerin Beate Merk wies den Vorwurf als „eine glatte Unverschämtheit“ zurück."
)
CONTINUED = "Die Lage sei „sehr ernst“ und werde jeden Tag neu bewertet"


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def _found() -> tuple[Quote, Quote, Quote]:
    """What the rules report for ``TEXT``: a direct quote, an indirect one and its cue-less continuation."""
    direct = Quote(
        [_span(TEXT, "„völlig inakzeptabel“")], Form.DIRECT, cue=[_span(TEXT, "nannte")], source=_span(TEXT, "Merk")
    )
    indirect = Quote(
        [_span(TEXT, "man arbeite an einer Lösung")],
        Form.INDIRECT,
        cue=[_span(TEXT, "sagte")],
        source=_span(TEXT, "Der Sprecher"),
    )
    continued = Quote([_span(TEXT, CONTINUED)], Form.INDIRECT_FREE_INDIRECT, source=_span(TEXT, "Der Sprecher"))
    return direct, indirect, continued


def _doc(text: str) -> Doc:
    """A tokenised document with its quoted regions, as the pipeline hands it to the classifier."""
    doc = tokenize(text)
    QuoteMarks()(doc)
    return doc


def _region(doc: Doc, c) -> str:
    return doc.text[c.region.start : c.region.end]


def _model(accept: bool) -> LinearModel:
    """A model without features: the bias alone accepts or rejects every region."""
    return LinearModel(["other", "quote"], {}, [0.0, 2.0] if accept else [2.0, 0.0])


def test_candidates_skip_direct_quotes_and_find_containers():
    doc = _doc(TEXT)
    direct, indirect, continued = _found()
    got = [(_region(doc, c), c.container) for c in candidates(doc, [direct, indirect, continued])]
    assert got == [("sehr ernst", continued), ("eine glatte Unverschämtheit", None)]
    # A longer direct message holding a region covers it too: it is no container.
    wide = Quote([_span(TEXT, "Merk nannte den Vorschlag „völlig inakzeptabel“")], Form.DIRECT)
    assert [_region(doc, c) for c in candidates(doc, [wide, indirect, continued])] == [
        "sehr ernst",
        "eine glatte Unverschämtheit",
    ]
    # Without found quotes every top-level region is a candidate; nested marks are not.
    assert [_region(doc, c) for c in candidates(doc, [])] == [
        "völlig inakzeptabel",
        "sehr ernst",
        "eine glatte Unverschämtheit",
    ]
    nested = _doc("Er nannte das „eine ‚glatte‘ Lüge“.")
    assert [_region(nested, c) for c in candidates(nested, [])] == ["eine ‚glatte‘ Lüge"]


def test_candidates_skip_regions_that_clash_with_a_message():
    doc = _doc(TEXT)
    # Overlaps „sehr ernst“ without holding it.
    partial = Quote([_span(TEXT, "ernst“ und werde jeden Tag")], Form.INDIRECT)
    # Holds „eine glatte Unverschämtheit“ but is barely longer: no container, a clash.
    tight = Quote([_span(TEXT, "als „eine glatte Unverschämtheit“")], Form.INDIRECT)
    assert [_region(doc, c) for c in candidates(doc, [partial, tight])] == ["völlig inakzeptabel"]


def test_features_tell_a_title_from_quoted_words():
    doc = _doc("Die „Süddeutsche Zeitung“ hatte gestern berichtet. Er nannte das „unverschämt, ich bin sauer“.")
    title, words = candidates(doc, [])
    f = features(doc, title)
    assert f["all_caps"] == 1.0 and f["caps_share"] == 1.0 and f["first_cap"] == 1.0
    assert {"bias", "len=2", "prev=die", "prev2=<s>", "next=hatte", "balanced"} <= f.keys()
    assert f["comma"] == 0.0 and f["first_person"] == 0.0 and "nested" not in f
    g = features(doc, words)
    assert g["all_caps"] == 0.0 and g["first_cap"] == 0.0
    assert g["comma"] == 1.0 and g["first_person"] == 1.0 and g["sentence_cue"] == 1.0
    assert {"prev=das", "prev2=nannte", "next=."} <= g.keys()


def test_features_mark_nested_regions():
    doc = _doc(TEXT)
    nested, _ = candidates(doc, list(_found()))
    f = features(doc, nested)
    assert f["nested"] == 1.0 and f["container=IndirectFreeIndirect"] == 1.0
    assert f["konjunktiv"] == 1.0


def test_annotate_adds_accepted_regions_in_text_order():
    doc = _doc(TEXT)
    direct, indirect, continued = _found()
    quotes = PartialQuoteFinder(_model(accept=True)).annotate(doc, [continued, indirect, direct])
    assert [(q.form, doc.span_text(q.message[0]), q.origin) for q in quotes] == [
        (Form.DIRECT, "„völlig inakzeptabel“", "rules"),
        (Form.INDIRECT, "man arbeite an einer Lösung", "rules"),
        (Form.INDIRECT_FREE_INDIRECT, CONTINUED, "rules"),
        (Form.DIRECT, "„sehr ernst“", "model"),
        (Form.DIRECT, "„eine glatte Unverschämtheit“", "model"),
    ]
    assert quotes[:3] == [direct, indirect, continued]
    nested, alone = quotes[3:]
    # The nested quote takes its container's frame (here a source without a cue) and points to it.
    assert nested.parent == 2
    assert (nested.cue, doc.span_text(nested.source)) == ([], "Der Sprecher")
    # The other takes the nearest cue verb of its sentence and the mention before it.
    assert alone.parent == -1
    assert [doc.span_text(c) for c in alone.cue] == ["wies"]
    assert doc.span_text(alone.source) == "Justizministerin Beate Merk"


def test_annotate_returns_the_input_when_nothing_is_accepted():
    doc = _doc(TEXT)
    found = list(_found())
    assert PartialQuoteFinder(_model(accept=False)).annotate(doc, found) is found


@pytest.fixture(scope="module")
def rules_and_shipped_model() -> tuple[Pipeline, PartialQuoteFinder]:
    return Pipeline("rules-only"), PartialQuoteFinder.load(MODELS_DIR / "partial" / "partial.json")


def _direct_after_rules(rules_and_shipped_model, text: str) -> list[tuple[str, list[str], str | None]]:
    pipeline, finder = rules_and_shipped_model
    doc = pipeline.process(text)
    return [
        (doc.span_text(q.message[0]), [doc.span_text(c) for c in q.cue], doc.span_text(q.source) if q.source else None)
        for q in finder.annotate(doc, doc.quotes)
        if q.form is Form.DIRECT
    ]


def test_shipped_model_accepts_quoted_words(rules_and_shipped_model):
    # (the rules frame "wies … als „…“ zurück" themselves now; a quote nested in indirect speech is the model's)
    text = "Er werde „einen besseren Deal“ aushandeln, sagte Johnson."
    assert _direct_after_rules(rules_and_shipped_model, text) == [("„einen besseren Deal“", ["sagte"], "Johnson")]


def test_shipped_model_rejects_a_quoted_name(rules_and_shipped_model):
    text = "Die „Süddeutsche Zeitung“ hatte gestern berichtet, 200 Mitarbeiter sollen entlassen werden."
    assert _direct_after_rules(rules_and_shipped_model, text) == []


def test_a_quoted_name_opening_the_sentence_before_its_cue_is_the_speaker(default_pipeline):
    for text in ("Die „Kampagne für ein Freies Tibet“ berichtete über einen Marsch nach Lhasa.",
                 "Wie „heise online“ berichtet, sperrten die Behörden den Zugang."):
        doc = default_pipeline.process(text)
        assert all(q.form is not Form.DIRECT for q in doc.quotes), text


def test_a_quoted_name_in_the_genitive_of_a_noun_is_no_quote_but_quoted_words_are(default_pipeline):
    name = (
        "Ein nicht genannter Vertreter der „con energy ag“ bezeichnet die Investition als "
        "„strategisch“ und nimmt Bezug auf das Elektroauto."
    )
    doc = default_pipeline.process(name)
    direct = [name[q.message[0].start : q.message[0].end] for q in doc.quotes if q.form is Form.DIRECT]
    assert "„con energy ag“" not in direct
    words = "Die Organisation warnte vor der Gefahr der „schockierenden Szenen der Gewalt“ in der Stadt."
    doc = default_pipeline.process(words)
    direct = [words[q.message[0].start : q.message[0].end] for q in doc.quotes if q.form is Form.DIRECT]
    assert direct == ["„schockierenden Szenen der Gewalt“"]


def test_the_subject_of_a_perfect_closing_after_the_quoted_words_is_the_source(rules_and_shipped_model):
    text = "Die Bundesregierung hatte den Bericht der New York Times umgehend als „falsch“ zurückgewiesen."
    got = _direct_after_rules(rules_and_shipped_model, text)
    assert got == [("„falsch“", ["zurückgewiesen"], "Die Bundesregierung")]
    text = (
        "Im Vorfeld der Parade haben Anhänger der Organisation „Obraz“ mit der Parole „Wir erwarten euch“, "
        "die in Belgrad auf viele Wände gesprüht war, den Homosexuellen massiv gedroht."
    )
    got = _direct_after_rules(rules_and_shipped_model, text)
    assert ("„Wir erwarten euch“", ["gedroht"], "Anhänger der Organisation „Obraz“") in got


def test_the_holder_after_fuer_is_the_source_of_quoted_words_without_a_cue(rules_and_shipped_model):
    text = "Für den brasilianischen Gesundheitsminister Jose Gomes Temporao ist die Situation in Rio „alarmierend“."
    got = _direct_after_rules(rules_and_shipped_model, text)
    assert got == [("„alarmierend“", [], "den brasilianischen Gesundheitsminister Jose Gomes Temporao")]
    text = "Für die Situation in Rio de Janeiro ist das Wort „alarmierend“ noch zu schwach."
    assert all(source is None for _, _, source in _direct_after_rules(rules_and_shipped_model, text))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Auch der innenpolitische Sprecher der Fraktion der SPD im Deutschen Bundestag, Dieter Wiefelspütz, will "
            "„in den kommenden Wochen noch einmal sorgfältigst prüfen“, ob ein Verbot möglich ist.",
            "der innenpolitische Sprecher der Fraktion der SPD im Deutschen Bundestag, Dieter Wiefelspütz",
        ),
        ("Meteorologen rechnen jedoch mit „sehr ergiebigen Niederschlägen“.", "Meteorologen"),
        ("Ursprünglich wollte er „ein Konzept mit sechs bis acht Stadien vorlegen“, am Ende waren es zwölf.", "er"),
        ("Kachelmann wurden nicht nur ein „distanzierter Aussagestil“ sondern „unwahre Aussagen“ attestiert.", None),
    ],
)
def test_the_subject_opening_a_sentence_without_a_cue_is_the_source(rules_and_shipped_model, text, source):
    got = _direct_after_rules(rules_and_shipped_model, text)
    if source is None:
        assert all(g[2] is None for g in got)
    else:
        assert got and got[0][2] == source
