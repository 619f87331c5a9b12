"""Bounded work for every input shape, counted rather than timed (speed is in
``benchmarks/latency.py``'s adversarial table): sentences have a bounded length, quoted regions
add up to a bounded multiple of the text, responses grow linearly, and every offset is valid.
The shapes (``benchmarks.latency.SHAPES``) are the ones that once took seconds to minutes
(issue #11); hypothesis adds random and adversarial texts.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from zitat_proto.v1 import quotes_pb2 as pb
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.quote_marks import MAX_DEPTH, find_quotes
from zitat_server.extraction.tokenizer import MAX_SENTENCE_TOKENS, doc_from_sentences, tokenize
from zitat_server.serving.wire import to_response

from benchmarks.latency import SHAPES

#: Bytes of response per byte of text, at most (spans echo their text; speakers are listed once).
RESPONSE_FACTOR = 8


@pytest.fixture(scope="module")
def rules() -> Pipeline:
    return Pipeline("rules-only")


def check_bounds(text: str, doc) -> None:
    """What keeps the work linear, counted on the Doc and its response."""
    assert len(doc.tokens) <= len(text)
    assert all(s.last - s.first <= MAX_SENTENCE_TOKENS for s in doc.sentences)
    regions = doc.quoted or []
    assert sum(p.end - p.start for q in regions for p in q.pieces) <= MAX_DEPTH * len(text)
    assert len(doc.quotes) <= len(doc.tokens) + 1
    response = to_response(doc, pb.ExtractQuotesRequest(), "test", pb.Timing())
    for quote in response.quotes:
        for span in [*quote.message, *quote.cue, *(s for s in (quote.source, quote.addressee) if s.ByteSize())]:
            assert 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
        assert not quote.speaker_id or quote.speaker_id in {s.entity_id for s in response.speakers}
    for speaker in response.speakers:
        assert all(text[m.start : m.end] == m.text for m in speaker.mentions)
    assert response.ByteSize() <= RESPONSE_FACTOR * len(text.encode()) + 1024


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_shape_is_bounded(rules, shape):
    text = SHAPES[shape](20_000)
    check_bounds(text, rules.process(text))


def test_a_nul_after_a_full_stop_ends_the_sentence():
    """A NUL after "." made one sentence of a whole document (3 KB took 32 s)."""
    doc = tokenize("Er sagte, das sei gut.\0 Sie sagte, das sei schlecht.\0Er ging.")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Er sagte, das sei gut.", "Sie sagte, das sei schlecht.", "Er ging."]
    assert "\0" not in {t.text for t in doc.tokens}


def test_long_sentences_are_cut_at_a_comma_near_the_limit():
    doc = tokenize(("Wort " * 30 + "und, ") * 20)
    lengths = [s.last - s.first for s in doc.sentences]
    assert max(lengths) <= MAX_SENTENCE_TOKENS and sum(lengths) == len(doc.tokens)
    assert all(doc.tokens[s.last - 1].text == "," for s in doc.sentences[:-1])
    pretokenised = doc_from_sentences([["x"] * 450])
    assert [s.last - s.first for s in pretokenised.sentences] == [200, 200, 50]


def test_opening_marks_leave_at_most_max_depth_regions_open():
    """10,000 „ once left 10,000 regions open to the end of the text (13 s)."""
    regions = find_quotes("„" * 10_000)
    assert len(regions) == MAX_DEPTH
    nested = find_quotes("„a ‚b »c «d» e« f‘ g“")  # four levels: the innermost is plain text
    assert [q.depth for q in nested] == [0, 1, 2]


PIECES = ["„", "“", "”", '"', "'", "‚", "‘", "’", "»", "«", "sagte", "sagt", "Er", "sie", "habe", "sei",
          "laut", "zufolge", "Merkel", "Angela", "Minister", "der", ".", ",", ":", "!", "?", "…", "(", ")",
          "\0", "\x1b", "\n", "\n\n", " ", "  ", "\t", "🙂", "Straße", "z. B.", "24.", "http://x.de/a", "-"]

texts = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=400).map(" ".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=400).map("".join),
    st.text(min_size=1, max_size=2_000),
    st.builds(lambda piece, n: piece * n, st.sampled_from(PIECES), st.integers(1, 3_000)),
)
PROPERTY = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@PROPERTY
@given(text=texts)
def test_random_and_adversarial_texts(rules, text):
    check_bounds(text, rules.process(text))


@PROPERTY
@given(sentences=st.lists(st.lists(st.sampled_from([p for p in PIECES if p.strip() and " " not in p]),
                                   min_size=1, max_size=300), min_size=1, max_size=8))
def test_random_pretokenised_documents(rules, sentences):
    doc = rules.process_sentences(sentences)
    check_bounds(doc.text, doc)


@pytest.fixture(scope="module")
def default(default_pipeline) -> Pipeline:
    return default_pipeline


@settings(max_examples=25, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_random_texts_through_the_models(default, text):
    check_bounds(text, default.process(text))
