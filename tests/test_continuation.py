"""Free indirect continuation: Konjunktiv sentences after a quote (zitat_server.extraction.continuation)."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc, Form, Medium, Quote, Span
from zitat_server.extraction.continuation import CONFIDENCE, MAX_GAP, continuations
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.tokenizer import tokenize

FRAME = "„Wir bleiben“, sagte Anna Müller."
INDICATIVE = "Der Markt war ruhig."


def _span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start, start + len(part))


def _direct(text: str, source: str | None = "Anna Müller", medium: Medium = Medium.SPEECH) -> Quote:
    """The direct quote of ``FRAME`` at the start of ``text``, with or without its source."""
    return Quote(
        [_span(text, "„Wir bleiben“")],
        Form.DIRECT,
        medium,
        cue=[_span(text, "sagte")],
        source=_span(text, source) if source else None,
    )


def _messages(doc: Doc, quotes: list[Quote]) -> list[str]:
    return [doc.span_text(m) for q in quotes for m in q.message]


def test_konjunktiv_sentence_after_a_quote_continues_its_source():
    text = f"{FRAME} Die Firma sei gesund."
    doc = tokenize(text)
    quote = _direct(text)
    (got,) = continuations(doc, [quote])
    assert got.form is Form.INDIRECT_FREE_INDIRECT
    assert got.source == quote.source
    assert doc.span_text(got.source) == "Anna Müller"
    # The whole sentence, final stop included, is the message; there is no cue.
    assert got.message == [_span(text, "Die Firma sei gesund.")]
    assert got.cue == []
    assert got.medium is Medium.SPEECH
    assert got.confidence == CONFIDENCE


def test_continuation_keeps_the_quotes_medium():
    text = f"{FRAME} Die Firma sei gesund."
    (got,) = continuations(tokenize(text), [_direct(text, medium=Medium.WRITING)])
    assert got.medium is Medium.WRITING


def test_run_of_konjunktiv_sentences_is_one_continuation():
    text = f"{FRAME} Die Firma sei gesund. Sie habe keine Schulden. Man werde weiter investieren."
    doc = tokenize(text)
    quote = _direct(text)
    (got,) = continuations(doc, [quote])
    assert _messages(doc, [got]) == ["Die Firma sei gesund. Sie habe keine Schulden. Man werde weiter investieren."]
    assert got.form is Form.INDIRECT_FREE_INDIRECT and got.source == quote.source


def test_a_sentence_in_between_splits_the_run():
    text = f"{FRAME} Die Firma sei gesund. {INDICATIVE} Sie habe keine Schulden."
    doc = tokenize(text)
    got = continuations(doc, [_direct(text)])
    assert _messages(doc, got) == ["Die Firma sei gesund.", "Sie habe keine Schulden."]


def test_cue_verb_without_a_frame_still_continues():
    # "erwarte" is a cue verb, but here it has an object, not a content clause: still her words.
    text = f"{FRAME} Sie erwarte Massenverhaftungen in den nächsten Tagen."
    doc = tokenize(text)
    got = continuations(doc, [_direct(text)])
    assert _messages(doc, got) == ["Sie erwarte Massenverhaftungen in den nächsten Tagen."]


def test_framed_konjunktiv_sentence_is_an_indirect_quote_not_a_continuation():
    pipeline = Pipeline("rules-only")
    doc = pipeline.process(f"{FRAME} Die Firma sei gesund, sagte sie.")
    assert [q.form for q in doc.quotes] == [Form.DIRECT, Form.INDIRECT]


def test_indicative_sentence_is_no_continuation():
    text = f"{FRAME} Die Firma ist gesund."
    assert continuations(tokenize(text), [_direct(text)]) == []


def test_sentence_covered_by_a_message_is_no_continuation():
    text = f"{FRAME} Die Firma sei gesund. Sie habe keine Schulden."
    doc = tokenize(text)
    # A message over part of the sentence is enough, even one of a quote without a source.
    covering = Quote([_span(text, "sei gesund")], Form.INDIRECT)
    got = continuations(doc, [_direct(text), covering])
    assert _messages(doc, got) == ["Sie habe keine Schulden."]


def test_konjunktiv_within_max_gap_continues():
    # MAX_GAP - 1 indicative sentences in between: the Konjunktiv one lies MAX_GAP sentences after the quote.
    text = " ".join([FRAME, *[INDICATIVE] * (MAX_GAP - 1), "Die Firma sei gesund."])
    doc = tokenize(text)
    assert _messages(doc, continuations(doc, [_direct(text)])) == ["Die Firma sei gesund."]


def test_konjunktiv_beyond_max_gap_is_no_continuation():
    text = " ".join([FRAME, *[INDICATIVE] * MAX_GAP, "Die Firma sei gesund."])
    doc = tokenize(text)
    assert len(doc.sentences) == MAX_GAP + 2
    assert continuations(doc, [_direct(text)]) == []


def test_gap_counts_from_the_last_continuation():
    # The second Konjunktiv sentence is too far from the quote but within reach of the first continuation.
    gap = [INDICATIVE] * (MAX_GAP - 1)
    text = " ".join([FRAME, *gap, "Die Firma sei gesund.", *gap, "Sie habe keine Schulden."])
    doc = tokenize(text)
    got = continuations(doc, [_direct(text)])
    assert _messages(doc, got) == ["Die Firma sei gesund.", "Sie habe keine Schulden."]
    assert all(doc.span_text(q.source) == "Anna Müller" for q in got)


def test_continuation_takes_the_nearest_quote_before():
    text = f"{FRAME} „Wir gehen“, sagte Peter Schmidt. Die Firma sei gesund."
    doc = tokenize(text)
    second = Quote(
        [_span(text, "„Wir gehen“")],
        Form.DIRECT,
        cue=[_span(text, "sagte", text.index("„Wir gehen“"))],
        source=_span(text, "Peter Schmidt"),
    )
    (got,) = continuations(doc, [_direct(text), second])
    assert doc.span_text(got.source) == "Peter Schmidt"


def test_quotes_without_source_start_nothing():
    text = f"{FRAME} Die Firma sei gesund. Sie habe keine Schulden."
    doc = tokenize(text)
    assert continuations(doc, [_direct(text, source=None)]) == []
    assert continuations(doc, []) == []


def test_konjunktiv_before_the_quote_is_no_continuation():
    text = f"Die Firma sei gesund. {FRAME}"
    assert continuations(tokenize(text), [_direct(text)]) == []


def test_pipeline_continues_a_direct_quote():
    # "Lammert würdigte die Bundeswehr … . Die Bundeswehr sei …" gives no quote with the rules
    # alone ("würdigte" is no cue), so nothing is continued there; a framed direct quote is.
    pipeline = Pipeline("rules-only")
    doc = pipeline.process(f"{FRAME} Die Firma sei gesund.")
    got = [
        (q.form, doc.span_text(q.message[0]), doc.span_text(q.source), doc.entities[q.entity].name) for q in doc.quotes
    ]
    assert got == [
        (Form.DIRECT, "„Wir bleiben“", "Anna Müller", "Anna Müller"),
        (Form.INDIRECT_FREE_INDIRECT, "Die Firma sei gesund.", "Anna Müller", "Anna Müller"),
    ]


def test_hearsay_sollen_with_a_perfect_infinitive_is_free_indirect():
    text = f"{FRAME} Der Täter soll sich am Samstag kurz vor Mitternacht gestellt haben."
    doc = tokenize(text)
    (got,) = continuations(doc, [_direct(text)])
    assert got.form is Form.FREE_INDIRECT
    assert doc.span_text(got.source) == "Anna Müller"


def test_hearsay_without_a_quote_before_has_no_source():
    text = "Der Täter soll sich gestellt haben. Er soll zuvor zwei Banken überfallen haben."
    doc = tokenize(text)
    (got,) = continuations(doc, [])
    assert got.form is Form.FREE_INDIRECT and got.source is None
    assert _messages(doc, [got]) == [text]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der Start soll am Mittwochmorgen erfolgen.",  # a plan, not hearsay
        "Er soll am Mittwoch dem Haftrichter vorgeführt werden.",
        "Der Täter hat sich gestellt haben wollen.",  # no reportative "sollen"
    ],
)
def test_sollen_without_a_perfect_infinitive_is_no_hearsay(sentence):
    assert continuations(tokenize(sentence), []) == []


def test_konjunktiv_sentence_around_a_partial_direct_quote_continues():
    text = f"{FRAME} Er werde „einen neuen Deal“ aushandeln."
    doc = tokenize(text)
    partial = Quote([_span(text, "„einen neuen Deal“")], Form.DIRECT, source=_span(text, "Anna Müller"))
    got = continuations(doc, [_direct(text), partial])
    assert _messages(doc, got) == ["Er werde „einen neuen Deal“ aushandeln."]


def test_a_quoted_sentence_is_no_continuation_of_itself():
    text = f"{FRAME} „Er werde kommen.“"
    doc = tokenize(text)
    quoted = Quote([_span(text, "„Er werde kommen.“")], Form.DIRECT, source=_span(text, "Anna Müller"))
    assert continuations(doc, [_direct(text), quoted]) == []


def test_what_is_to_happen_after_a_quote_is_free_indirect_speech_of_its_source():
    text = f"{FRAME} Juventus soll in die dritte Liga absteigen."
    doc = tokenize(text)
    (got,) = continuations(doc, [_direct(text)])
    assert (got.form, _messages(doc, [got]), doc.span_text(got.source)) == (
        Form.FREE_INDIRECT,
        ["Juventus soll in die dritte Liga absteigen."],
        "Anna Müller",
    )


@pytest.mark.parametrize(
    "text",
    [
        # no quote before it: the reporter's own account of a plan
        "Juventus soll in die dritte Liga absteigen.",
        # "sollen" in a subordinate clause after the comma, the main clause indicative
        f"{FRAME} Der Markt war ruhig, obwohl die Steuern steigen sollen.",
    ],
)
def test_sollen_without_a_quote_or_outside_the_main_clause_is_no_continuation(text):
    doc = tokenize(text)
    quotes = [_direct(text)] if text.startswith(FRAME) else []
    assert continuations(doc, quotes) == []


def test_sollen_two_sentences_after_the_quote_is_no_continuation():
    text = f"{FRAME} {INDICATIVE} Juventus soll in die dritte Liga absteigen."
    doc = tokenize(text)
    assert continuations(doc, [_direct(text)]) == []
