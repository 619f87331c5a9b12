"""Claim linking: MinHash/LSH near-duplicates, direct/indirect paraphrases, clusters."""

from __future__ import annotations

import numpy as np
import pytest
from claim_fixtures import E, FakePipeline, Q, day, fresh_store
from zitat_server.claims.ingest import Ingestor
from zitat_server.claims.linking import (
    DIRECT_INDIRECT,
    NEAR_DUPLICATE,
    MinHasher,
    components,
    jaccard,
    near_duplicate_score,
    paraphrase_score,
    shingles,
)
from zitat_server.claims.store.base import ClaimLink, ClaimQuery, StoredDocument
from zitat_server.document import Form
from zitat_server.training.corpora import EXAMPLES

EXAMPLE = EXAMPLES / "umjerow-boeing.txt"

QUOTE = ("Wir werden die Ukraine so lange unterstützen, wie es nötig ist, und wir werden dabei "
         "eng mit unseren Partnern in Europa und Amerika zusammenarbeiten")


def test_minhash_estimates_jaccard():
    hasher = MinHasher(num_perm=256, bands=64)
    a = shingles(QUOTE)
    b = shingles(QUOTE.replace("eng mit unseren Partnern", "mit allen Partnern"))
    estimate = float(np.mean(hasher.signature(a) == hasher.signature(b)))
    assert abs(estimate - jaccard(a, b)) < 0.1


def test_lsh_bands_collide_for_near_duplicates_only():
    hasher = MinHasher()
    keys = set(hasher.band_keys(hasher.signature(shingles(QUOTE))))
    edited = set(hasher.band_keys(hasher.signature(shingles(QUOTE.replace("so lange", "solange")))))
    unrelated = shingles("Der Haushalt für das kommende Jahr ist solide finanziert")
    other = set(hasher.band_keys(hasher.signature(unrelated)))
    assert keys & edited
    assert not keys & other


def test_trimmed_reprint_passes_by_containment():
    full, trimmed = shingles(QUOTE), shingles(QUOTE.split(", und")[0])
    assert jaccard(full, trimmed) < 0.5
    assert near_duplicate_score(full, trimmed) == 1.0


def test_paraphrase_score_links_direct_and_indirect_renderings():
    direct = "Ich habe mit der Delegation über die gemeinsame Produktion von Drohnen und Munition verhandelt."
    indirect = "er habe mit der Delegation über eine gemeinsame Produktion von Drohnen und Munition verhandelt"
    assert paraphrase_score(direct, indirect) >= 0.6
    assert paraphrase_score(direct, "Die Ukraine zieht Weltleiter der Rüstungsproduktion heran") == 0.0


def test_components_of_the_link_graph():
    links = [ClaimLink(1, 2, NEAR_DUPLICATE, 1.0), ClaimLink(2, 5, NEAR_DUPLICATE, 1.0)]
    assert sorted(components([1, 2, 3, 5], links)) == [[1, 2, 5], [3]]


REPRINT_A = f"Kanzler Olaf Scholz sagte: „{QUOTE}.“"
REPRINT_B = f"„{QUOTE.split(', und')[0]}“, sagte Scholz."
INDIRECT = ("Olaf Scholz sagte, man werde die Ukraine so lange unterstützen, wie es nötig sei, und dabei eng "
            "mit den Partnern in Europa und Amerika zusammenarbeiten.")
OTHER = f"Der Sprecher sagte: „{QUOTE}.“"


@pytest.fixture
def linked(tmp_path):
    store = fresh_store("sqlite", tmp_path)
    p = FakePipeline()
    p.add(REPRINT_A, [Q(QUOTE + ".", "Kanzler Olaf Scholz", "e1")],
          {"e1": E("Olaf Scholz", ["Kanzler"], ["Kanzler Olaf Scholz"])})
    p.add(REPRINT_B, [Q(QUOTE.split(", und")[0], "Scholz", "e1")], {"e1": E("Scholz", [], ["Scholz"])})
    p.add(INDIRECT, [Q(INDIRECT[INDIRECT.index("man"):-1], "Olaf Scholz", "e1", Form.INDIRECT)],
          {"e1": E("Olaf Scholz", [], ["Olaf Scholz"])})
    yield store, Ingestor(store, p)
    store.close()


def _cluster_docs(store, document_id: str) -> tuple[list[str], set[str]]:
    (claim,) = store.search_claims(ClaimQuery(document_id=document_id)).items
    cluster = store.get_cluster(claim.id)
    return [c.document_id for c in cluster.claims], {link.kind for link in cluster.links}


def test_reprints_and_paraphrase_form_one_cluster_with_its_first_appearance(linked):
    store, ing = linked
    ing.ingest(StoredDocument("b", REPRINT_B, outlet="B", published_at=day("2023-05-02")))
    ing.ingest(StoredDocument("a", REPRINT_A, outlet="A", published_at=day("2023-05-01")))
    ing.ingest(StoredDocument("c", INDIRECT, outlet="C", published_at=day("2023-05-03")))
    docs, kinds = _cluster_docs(store, "b")
    assert docs == ["a", "b", "c"]  # first appearance first: earliest date, not ingestion order
    assert kinds == {NEAR_DUPLICATE, DIRECT_INDIRECT}


def test_deleting_the_bridge_splits_the_cluster(linked):
    store, ing = linked
    ing.ingest(StoredDocument("a", REPRINT_A, published_at=day("2023-05-01")))
    ing.ingest(StoredDocument("b", REPRINT_B, published_at=day("2023-05-02")))
    assert _cluster_docs(store, "b")[0] == ["a", "b"]
    ing.delete("a")
    assert _cluster_docs(store, "b")[0] == ["b"]


def test_same_day_ties_are_broken_by_ingestion_order(linked):
    store, ing = linked
    ing.ingest(StoredDocument("b", REPRINT_B, published_at=day("2023-05-01")))
    ing.ingest(StoredDocument("a", REPRINT_A, published_at=day("2023-05-01")))
    assert _cluster_docs(store, "a")[0] == ["b", "a"]


@pytest.mark.slow
def test_example_article_under_two_outlets(tmp_path):
    """The must-show case, with the real pipeline: one speaker, four claims, each with its twin."""
    from zitat_server.extraction.pipeline import Pipeline

    text = EXAMPLE.read_text(encoding="utf-8")
    store = fresh_store("sqlite", tmp_path)
    ing = Ingestor(store, Pipeline())
    ing.ingest(StoredDocument("ukrinform/umjerow-boeing", text, outlet="Ukrinform", published_at=day("2024-09-03")))
    ing.ingest(StoredDocument("zweite/umjerow-boeing", text, outlet="Zweite Zeitung", published_at=day("2024-09-04")))
    (speaker,) = store.list_speakers().items
    assert speaker.name == "Rustem Umjerow" and speaker.claim_count == 8
    for claim in store.search_claims(ClaimQuery(outlet="Zweite Zeitung")).items:
        cluster = store.get_cluster(claim.id)
        assert [c.outlet for c in cluster.claims] == ["Ukrinform", "Zweite Zeitung"]
        assert cluster.first.document_id == "ukrinform/umjerow-boeing"
        assert cluster.claims[0].text == cluster.claims[1].text
    assert store.counts().clusters == 4
    store.close()
