"""The pipeline on real, unseen news and on hostile input: no crash, every span valid."""

from __future__ import annotations

import pytest
from zitat_server.document import Doc
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.training.corpora import standard_articles


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


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


def test_all_der_standard_articles(pipeline):
    rows = list(standard_articles())
    assert len(rows) > 1000
    total = 0
    for _category, text in rows:
        doc = pipeline.process(text)
        _check(doc)
        total += len(doc.quotes)
    assert total > 1000  # the articles are full of quotes


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
