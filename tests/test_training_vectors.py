"""Word vectors for the taggers: vectors.npz as a static flair embedding (training.tagger._word_vectors)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("flair")

from flair.data import Sentence  # noqa: E402
from zitat_server.training.tagger import _word_vectors  # noqa: E402

VECTORS = np.array([[0.5, -1.0, 2.0, 0.25], [1.5, 0.0, -0.75, 3.0]], dtype="float32")


def test_word_vectors_embed_known_words_and_zero_for_unknown(tmp_path):
    path = tmp_path / "vectors.npz"
    np.savez(path, words=np.array(["sagte", "er"]), vectors=VECTORS)
    embedding = _word_vectors(path)
    assert embedding.name == "w2v"
    assert embedding.embedding_length == 4

    sentence = Sentence("er sagte Hallo")
    embedding.embed(sentence)
    got = [t.get_embedding().detach().cpu().numpy() for t in sentence]
    np.testing.assert_array_equal(got[0], VECTORS[1])
    np.testing.assert_array_equal(got[1], VECTORS[0])
    np.testing.assert_array_equal(got[2], np.zeros(4, dtype="float32"))


def test_word_vectors_fall_back_to_the_lowercased_word(tmp_path):
    path = tmp_path / "vectors.npz"
    np.savez(path, words=np.array(["sagte", "er"]), vectors=VECTORS)
    sentence = Sentence("Er Sagte")
    _word_vectors(path).embed(sentence)
    np.testing.assert_array_equal(sentence[0].get_embedding().detach().cpu().numpy(), VECTORS[1])
    np.testing.assert_array_equal(sentence[1].get_embedding().detach().cpu().numpy(), VECTORS[0])
