"""The shipped learned models and the task-data conversion they are trained from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from zitat_server.learned import MODELS_DIR
from zitat_server.learned.examples import runs, to_flair
from zitat_server.learned.features import FeatureLexicon, quote_depth
from zitat_server.training.convert import cue_examples, load_article, role_examples

SHIPPED = FeatureLexicon.load(MODELS_DIR / "cues")
CURRENT = FeatureLexicon.from_language()

ARTICLE = {
    "DocumentName": "1 - Test (2020-01-01)",
    "Sentences": [
        {"SentenceId": 0, "Tokens": ["Der", "Minister", "sagte", ",", "er", "habe", "abgesagt", "."]},
        {"SentenceId": 1, "Tokens": ["„", "Das", "ist", "gut", "“", ",", "teilte", "sie", "mit", "."]},
    ],
    "Annotations": [
        {
            "Cue": ["0:2"],
            "Message": ["0:4", "0:5", "0:6"],
            "Source": ["0:0", "0:1"],
            "Addr": [],
            "Form": "Indirect",
            "STWR": "Speech",
            "IsNested": False,
        },
        {
            "Cue": ["1:6", "1:8"],
            "Message": ["1:1", "1:2", "1:3"],
            "Source": ["1:7"],
            "Addr": [],
            "Form": "Direct",
            "STWR": "Speech",
            "IsNested": False,
        },
    ],
}


@pytest.fixture()
def article_path(tmp_path: Path) -> Path:
    path = tmp_path / "1.json"
    path.write_text(json.dumps(ARTICLE), encoding="utf-8")
    return path


@pytest.mark.parametrize("lexicon", [SHIPPED, CURRENT], ids=["shipped-v1", "current"])
def test_features(lexicon: FeatureLexicon) -> None:
    assert lexicon.lexicon("sagte") == "1" and lexicon.lexicon("Haus") == "0"
    assert lexicon.mood(["er", "habe"], 1) == "K1" and lexicon.mood(["er", "hat"], 1) == "-"
    assert lexicon.mood(["Sie", "wäre"], 1) == "K2"
    assert quote_depth(["a", "„", "b", "“", "c"]) == ["0", "Q", "1", "Q", "0"]


def test_shipped_lexicons_are_versioned_and_round_trip(tmp_path: Path) -> None:
    assert SHIPPED.version == 1 and SHIPPED.cue_stems and not SHIPPED.cue_words
    assert CURRENT.version == 2 and not CURRENT.cue_stems and {"sagte", "zufolge", "mitgeteilt"} <= CURRENT.cue_words
    CURRENT.save(tmp_path)
    assert FeatureLexicon.load(tmp_path) == CURRENT


def test_conversion_round_trip(article_path: Path) -> None:
    article = load_article(article_path)
    assert article.annotations[1].cue == [(1, 6), (1, 8)]
    cues = cue_examples(article, CURRENT)
    assert cues[0].spans == [(2, 3, "CUE")]
    assert cues[1].spans == [(6, 7, "CUE"), (8, 9, "CUE")]  # "teilte ... mit": two runs
    roles = role_examples(article, CURRENT)
    first = roles[0]
    labelled = {lab: first.words[b:e] for b, e, lab in first.spans}
    assert labelled == {"MSG": ["er", "habe", "abgesagt"], "SRC": ["Der", "Minister"]}
    assert [f["anc"] for f in first.features[:3]] == ["0", "0", "C"]
    assert runs([(0, 4), (0, 5), (1, 0)]) == [(0, 4, 6), (1, 0, 1)]
    pytest.importorskip("flair")
    sentence = to_flair(first, "role")
    assert {s.text for s in sentence.get_spans("role")} == {"er habe abgesagt", "Der Minister"}


def test_shipped_model_finds_indirect_quote() -> None:
    from zitat_server.document import Form
    from zitat_server.extraction.tokenizer import tokenize
    from zitat_server.learned.taggers import LearnedAttributor

    doc = tokenize("Der Minister sagte, er habe das Treffen abgesagt.")
    quotes = LearnedAttributor.load().annotate(doc)
    assert quotes, "no quote found"
    q = quotes[0]
    assert [doc.span_text(s) for s in q.cue] == ["sagte"]
    assert q.source is not None and doc.span_text(q.source) == "Der Minister"
    assert "er habe das Treffen abgesagt" in " ".join(doc.span_text(s) for s in q.message)
    assert q.form is Form.INDIRECT and q.origin == "model" and 0.0 < q.confidence <= 1.0


def test_loaded_taggers_keep_the_training_embedding_order() -> None:
    """flair reloads one-hot embeddings without their stack index; the loader restores it."""
    from zitat_server.learned.taggers import LearnedAttributor

    model = LearnedAttributor.load()
    for tagger in (model._cues.model, model._roles.model):
        names = tagger.embeddings.get_names()
        assert names == [f"{i}-{n.split('-', 1)[1]}" for i, n in enumerate(names)]
        assert names == sorted(names)  # tokens concatenate embeddings in sorted-name order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putin erklärte am 24. Februar der Ukraine den Krieg.", False),
        ("Putin erklärte am Montag, er wolle verhandeln.", True),
        ("Putin erklärte, dass er verhandeln wolle.", True),
        ("Er wolle verhandeln, erklärte Putin.", True),
    ],
)
def test_model_quotes_need_a_clause_boundary_after_a_verb_cue(text: str, expected: bool) -> None:
    from zitat_server.document import Form, Quote, Span
    from zitat_server.extraction.model_quotes import separated_from_cue

    cue_at = text.index("erklärte")
    cue = Span(cue_at, cue_at + len("erklärte"))
    if text.startswith("Er wolle"):
        message = Span(0, text.index(","))
    else:
        start = text.index("am 24.") if "Krieg" in text else text.index(",") + 2 if "," in text else 0
        message = Span(start, len(text) - 1)
    assert separated_from_cue(text, Quote([message], Form.INDIRECT, cue=[cue])) is expected
