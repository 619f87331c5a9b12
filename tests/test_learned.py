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


# --- tensor inference, fast training, anchor windows and the gate ------------------------------

WORDS = ["Der", "Minister", "sagte", ",", "er", "habe", "abgesagt", ".", "teilte", "mit", "es", "gab"]


def _random_tagger(fields: list[str]):
    """An untrained flair tagger over one-hot embeddings of ``fields`` (random weights)."""
    torch = pytest.importorskip("torch")
    from flair.data import Dictionary
    from flair.embeddings import OneHotEmbeddings, StackedEmbeddings
    from flair.models import SequenceTagger

    torch.manual_seed(0)
    stack = []
    for field in fields:
        vocab = Dictionary(add_unk=True)
        for w in WORDS:
            vocab.add_item(w.lower() if field == "lc" else f"{field}{len(w) % 3}")
        stack.append(OneHotEmbeddings(vocab, field=field, embedding_length=4))
    tags = Dictionary(add_unk=False)
    for label in ("CUE", "MSG"):
        tags.add_item(label)
    tags.span_labels = True
    return SequenceTagger(StackedEmbeddings(stack), tags, "cue", tag_format="BIO", hidden_size=6, use_crf=False)


def _rows(words: list[str], fields: list[str]) -> list[dict[str, str]]:
    return [{f: (w.lower() if f == "lc" else f"{f}{len(w) % 3}") for f in fields} for w in words]


def _flair_spans(tagger, examples: list[list[str]], fields: list[str]) -> list[list[tuple[str, int, int]]]:
    from zitat_server.learned.examples import TokenExample

    sentences = [to_flair(TokenExample(ws, _rows(ws, fields))) for ws in examples]
    tagger.eval()
    tagger.predict(sentences, label_name="cue")
    return [
        sorted((s.get_label("cue").value, s.tokens[0].idx - 1, s.tokens[-1].idx) for s in sent.get_spans("cue"))
        for sent in sentences
    ]


def _tensor_spans(tagger, examples: list[list[str]], fields: list[str], rows=None) -> list[list[tuple[str, int, int]]]:
    import torch
    from zitat_server.learned.bilstm import TensorTagger, spans

    fast = TensorTagger(tagger)
    rows = rows or [r for ws in examples for r in _rows(ws, fields)]
    with torch.inference_mode():
        inputs = fast.embed([w for ws in examples for w in ws], rows, fast.fields)
        tagged = fast.tag(inputs, [len(ws) for ws in examples])
    return [sorted((label, b, e) for label, _, b, e in spans(t)) for t in tagged]


# Eleven members: flair concatenates token embeddings in sorted-name order ("10-…" before "2-…").
FIELDS = ["lc", *(f"f{i}" for i in range(10))]
EXAMPLES_WORDS = [WORDS, WORDS[:5], WORDS[3:] * 3, ["sagte"]]


def test_tensor_inference_equals_flair_predict() -> None:
    tagger = _random_tagger(FIELDS)
    expected = _flair_spans(tagger, EXAMPLES_WORDS, FIELDS)
    assert any(expected), "the random tagger should predict some spans"
    assert _tensor_spans(tagger, EXAMPLES_WORDS, FIELDS) == expected


def test_embedding_order_survives_save_and_reload(tmp_path: Path) -> None:
    from flair.models import SequenceTagger
    from zitat_server.learned.taggers import _load_tagger

    tagger = _random_tagger(FIELDS)
    before = _tensor_spans(tagger, EXAMPLES_WORDS, FIELDS)
    tagger.save(tmp_path / "best-model.pt")
    reloaded = _load_tagger(SequenceTagger, tmp_path / "best-model.pt")
    assert [e.name for e in reloaded.embeddings.embeddings] == [e.name for e in tagger.embeddings.embeddings]
    assert _tensor_spans(reloaded, EXAMPLES_WORDS, FIELDS) == before
    assert _flair_spans(reloaded, EXAMPLES_WORDS, FIELDS) == before


def test_fast_trainer_learns_and_saves_a_flair_model(tmp_path: Path) -> None:
    from flair.models import SequenceTagger
    from zitat_server.learned.examples import TokenExample
    from zitat_server.learned.taggers import _load_tagger
    from zitat_server.training.tagger import TaggerConfig, bio_tags, train_tagger

    def example(words: list[str]) -> TokenExample:
        rows = [{"lc": w.lower(), "lex": "1" if w == "sagte" else "0"} for w in words]
        return TokenExample(words, rows, [(i, i + 1, "CUE") for i, w in enumerate(words) if w == "sagte"])

    data = [example(["Er", "sagte", ",", "es", "regne", "."]), example(["Sie", "kam", "nach", "Hause", "."])] * 20
    assert bio_tags(data[0]) == ["O", "B-CUE", "O", "O", "O", "O"]
    config = TaggerConfig("cue", ("lex",), chars=False, word_dim=8, feature_dim=4, hidden_size=8, epochs=10)
    config.learning_rate = 0.05  # a toy task: learnt in a few epochs
    stats = train_tagger(config, data, data[:4], tmp_path)
    assert stats["internal_dev_f1"] == 1.0
    reloaded = _load_tagger(SequenceTagger, tmp_path / "best-model.pt")
    rows = data[0].features + data[1].features
    assert _tensor_spans(reloaded, [data[0].words, data[1].words], [], rows) == [[("CUE", 1, 2)], []]


def test_role_windows_are_bounded_by_the_document_length() -> None:
    from zitat_server.learned.examples import anchor_features, window_example, window_ids
    from zitat_server.learned.taggers import ROLE_TOKENS_PER_TOKEN, Anchor, select_windows

    sentences = [["Er", "sagte", ",", "das", "sei", "gut", "."]] * 50
    anchors = [Anchor("C", [(i, 1)], score=0.5 + i / 100) for i in range(50)]
    chosen = select_windows(sentences, anchors)
    assert sum(len(ids) for _, ids in chosen) <= ROLE_TOKENS_PER_TOKEN * 50 * 7
    assert len(chosen) < 50 and chosen[-1][0] is anchors[-1]  # the most confident anchors win
    assert [a.ids[0][0] for a, _ in chosen] == sorted(a.ids[0][0] for a, _ in chosen)
    # Inference builds the window that training builds.
    feats = [[{"lex": "0"} for _ in s] for s in sentences]
    example, ids = window_example(sentences, feats, [(3, 1)], "C", 1, 1)
    assert ids == window_ids(sentences, [(3, 1)], 1, 1)
    assert [{k: r[k] for k in ("anc", "rel")} for r in example.features] == anchor_features(ids, [(3, 1)], "C")


def test_gate_features_read_particles_separation_and_pieces() -> None:
    from zitat_server.learned.gate import Context, features

    words = [
        ["Die", "Firma", "teilte", "am", "Montag", "mit", ",", "sie", "habe", "verkauft", "."],
        ["Es", "gab", "keine", "Verletzten", "."],
    ]
    feats = [[{"konj": "K1" if w == "habe" else "-", "quote": "0", "lex": "0"} for w in s] for s in words]
    context = Context(0.9, [0.8, 0.6], "Indirect", True, False, False)
    right = features(words, feats, [(0, 2), (0, 5)], [(0, 7), (0, 8), (0, 9)], context)
    assert right["particle=ok"] == 1 and right["separated"] == 1 and right["k1"] == 1 and right["pieces=1"] == 1
    assert right["message_score_min"] == 0.6 and right["form=Indirect"] == 1
    no_particle = features(words, feats, [(0, 2)], [(0, 7), (0, 8), (0, 9)], context)
    assert no_particle["particle=missing"] == 1
    glued = features(words, feats, [(0, 2)], [(0, 3), (0, 4), (0, 7), (0, 8)], context)
    assert glued["pieces=2"] == 1 and glued["cue_before"] == 1
    frame = features(words, feats, [(1, 1)], [(1, 2), (1, 3)], context)
    assert frame["particle=absent"] == 1 and frame["separated"] == 0


def test_gate_round_trip_and_threshold(tmp_path: Path) -> None:
    from zitat_server.learned.gate import RIGHT, Gate
    from zitat_server.learned.linear import LinearModel
    from zitat_server.training.train_gate import threshold_for

    gate = Gate(LinearModel(["right", "wrong"], {"separated": [1.0, -1.0]}, [0.0, 0.0]), 0.7)
    gate.save(tmp_path)
    loaded = Gate.load(tmp_path)
    assert loaded == gate and Gate.load(tmp_path / "none") is None
    assert loaded.probability({"separated": 1.0}) > 0.8 > 0.2 > loaded.probability({"separated": -1.0})
    probabilities = [0.9, 0.8, 0.7, 0.6, 0.5]
    labels = [RIGHT, RIGHT, "wrong", RIGHT, "wrong"]
    assert threshold_for(probabilities, labels, 0.75) == 0.6  # 3 of the 4 above 0.6 are right
    assert threshold_for(probabilities, labels, 1.0) == 0.8
