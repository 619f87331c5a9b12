"""The pipeline on real, unseen news and on hostile input: no crash, every span valid."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.training.corpora import standard_articles


@pytest.fixture(scope="module")
def pipeline(default_pipeline) -> Pipeline:
    return default_pipeline


def _check(doc: Doc) -> None:
    n = len(doc.text)
    for q in doc.quotes:
        spans = [*q.message, *q.cue, *(s for s in (q.source, q.addressee) if s is not None)]
        assert q.message
        for s in spans:
            assert 0 <= s.start < s.end <= n
        if q.entity is not None:
            assert q.entity in doc.entities
        assert 0.0 <= q.confidence <= 1.0


def test_all_der_standard_articles_with_the_rules():
    """Every article through the rules-only pipeline (the rules read every sentence)."""
    rules = Pipeline("rules-only")
    rows = list(standard_articles())
    assert len(rows) > 1000
    total = 0
    for _category, text in rows:
        doc = rules.process(text)
        _check(doc)
        total += len(doc.quotes)
    assert total > 1000  # the articles are full of quotes


def test_a_sample_of_der_standard_articles_with_the_models(pipeline):
    """Every eighth article through the default pipeline, rules and trained models together."""
    sample = list(standard_articles())[::8]
    assert len(sample) > 120
    origins = set()
    for _category, text in sample:
        doc = pipeline.process(text)
        _check(doc)
        origins |= {q.origin for q in doc.quotes}
    assert origins == {"rules", "model"}


@pytest.mark.parametrize(
    "text",
    [
        "„",
        "“",
        "„„„“““",
        '"""',
        "'",
        "«»",
        ",",
        ":",
        "…",
        "z. B.",
        "24.",
        "a" * 10_000,
        "„" + "sagte er, " * 500,
        "Er sagte, " * 300,
        ", sagte " * 200,
        "laut laut laut",
        "zufolge",
        "Nach Angaben",
        "\n\n\n„x\n\n„y\n\n„z",
        "🙂„Hallo Welt“, sagte 🙂.",
        "\u200b\u00a0\t",
        "Er habe, sagte, dass, zu.",
    ],
)
def test_hostile_input(pipeline, text):
    _check(pipeline.process(text))
