"""The registry benchmark's sampling, judging and report, on a small store (no pipeline run)."""

from __future__ import annotations

import json

from claim_fixtures import E, FakePipeline, Q, fresh_store
from zitat_server.claims.ingest import Ingestor
from zitat_server.claims.store.base import StoredDocument

from benchmarks import registry

POLICE = "Nach Angaben der Polizei in Kassel brannte es. Er sagte, es sei ruhig."
MINISTER = "Verteidigungsminister Boris Pistorius sagte: „Wir stehen bereit.“"


def _store(tmp_path):
    store = fresh_store("sqlite", tmp_path)
    p = FakePipeline()
    p.add(POLICE, [Q("brannte es", "Angaben der Polizei"), Q("es sei ruhig", "Er")])
    p.add(MINISTER, [Q("Wir stehen bereit.", "Verteidigungsminister Boris Pistorius", "e1")],
          {"e1": E("Boris Pistorius", ["Verteidigungsminister"], ["Verteidigungsminister Boris Pistorius"])})
    ing = Ingestor(store, p)
    ing.ingest(StoredDocument("WikiNews:/x/train/100.json", POLICE))
    ing.ingest(StoredDocument("WikiNews:/x/train/200.json", MINISTER))
    return store


IDS = ["WikiNews:/x/train/100.json", "WikiNews:/x/train/200.json"]


def test_population_keys_and_figures(tmp_path):
    store = _store(tmp_path)
    records, claims = registry.population(store, IDS)
    assert {(r.type, r.name, r.qualifier) for r in records} == {
        ("organization", "Polizei", "Kassel"), ("person", "Boris Pistorius", "")}
    assert [c.article for c in claims] == ["100", "100", "200"]  # keys never hold the checkout path
    assert "<<SRC Angaben der Polizei>>" in claims[0].context and "[[MSG brannte es]]" in claims[0].context
    figures = registry.figures(store, IDS, claims)
    assert figures["attributed"] == 2 and figures["records_by_type"] == {"organization": 1, "person": 1}
    assert figures["unresolved_reasons"] == {"pronoun": 1}
    store.close()


def test_claim_judgements_name_the_holder_and_hold_for_any_output():
    gold = {"holder": "Polizei", "type": "organization", "qualifier": "Kassel", "also": ["Polizei (Kassel-Stadt)"]}
    item = registry.ClaimItem("100", ((0, 3),), (0, 5), assigned=("organization", "Polizei", "Kassel"))
    assert registry.claim_right(item, gold)
    assert registry.claim_right(registry.ClaimItem("100", ((0, 3),), None,
                                                   assigned=("media", "Polizei", "Kassel-Stadt")), gold)
    assert registry.claim_error(registry.ClaimItem("100", ((0, 3),), None,
                                                   assigned=("organization", "Polizei", "")), gold) == "wrong record"
    assert registry.claim_error(registry.ClaimItem("100", ((0, 3),), None,
                                                   assigned=("person", "Polizei", "Kassel")), gold) == "wrong record"
    assert registry.claim_error(registry.ClaimItem("100", ((0, 3),), None), gold) == "missing"
    nobody = {"holder": None, "why": "pronoun"}
    assert registry.claim_right(registry.ClaimItem("100", ((0, 3),), None), nobody)
    assert registry.claim_error(item, nobody) == "spurious"


def test_judgements_are_validated_merged_and_reported(tmp_path):
    store = _store(tmp_path)
    judged_path = tmp_path / "registry.jsonl"
    report, records, claims = registry.summarize(store, IDS, {})
    pending = registry.pending_records(records, claims, {})
    assert report.pending == len(pending) == 5
    for record in pending:
        if record["kind"] == "record":
            record.update(name_ok=True, type_ok=record["name"] != "Polizei")  # a false verdict needs a note
        elif record["texts"]["source"] == "Er":
            record.update(why="pronoun")
        else:
            record.update(holder="Polizei" if "Polizei" in record["texts"]["source"] else "Boris Pistorius",
                          type="organization" if "Polizei" in record["texts"]["source"] else "person",
                          qualifier="Kassel" if "Polizei" in record["texts"]["source"] else "")
    pending_path = tmp_path / "pending.jsonl"
    pending_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in pending), encoding="utf-8")
    assert registry.merge(pending_path, judged_path) == 1  # the Polizei record: false verdict without a note
    judged = registry.load_judged(judged_path)
    assert len(judged) == 4
    report, _, _ = registry.summarize(store, IDS, judged)
    assert (report.records_judged, report.claims_judged, report.pending) == (1, 3, 1)
    assert (report.records_clean, report.claims_right) == (1, 3)
    assert "claims with the right record or rightly none: 100.0%" in registry.format_report(report)
    store.close()


def test_draw_is_stable_under_other_items():
    items = [registry.RecordItem("person", f"Name {i}", "") for i in range(60)]
    before = registry.draw(items, 20)
    after = registry.draw([*items, *(registry.RecordItem("person", f"New {i}", "") for i in range(5))], 20)
    kept = [i.key for i in before if i.key in {a.key for a in after}]
    assert len(kept) >= 15 and kept == [a.key for a in after if a.key in set(kept)]
