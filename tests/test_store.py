"""The claim store's behaviour, the same suite on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import pytest
from claim_fixtures import BACKENDS, PG_DSN, E, FakePipeline, Q, day, fresh_store
from zitat_server.claims.ingest import Ingestor, IngestStatus
from zitat_server.claims.speakers import merge, split
from zitat_server.claims.store.base import ClaimQuery, InvalidPageToken, StoredDocument
from zitat_server.claims.store.migrations import LATEST
from zitat_server.document import Form

SCHOLZ = "Bundeskanzler Olaf Scholz sagte: „Wir werden die Ukraine weiter mit aller Kraft unterstützen.“"
SCHOLZ_2 = "„Die Ukraine kann sich auf Deutschland verlassen, heute und morgen“, sagte Scholz am Montag."
MERZ = "Friedrich Merz erklärte, die Regierung habe bei der Migration versagt und müsse umsteuern."


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    s = fresh_store(request.param, tmp_path)
    yield s
    s.close()


@pytest.fixture
def pipeline() -> FakePipeline:
    p = FakePipeline()
    p.add(SCHOLZ, [Q("Wir werden die Ukraine weiter mit aller Kraft unterstützen.", "Bundeskanzler Olaf Scholz", "e1")],
          {"e1": E("Olaf Scholz", ["Bundeskanzler"], ["Bundeskanzler Olaf Scholz"])})
    p.add(SCHOLZ_2, [Q("Die Ukraine kann sich auf Deutschland verlassen, heute und morgen", "Scholz", "e1")],
          {"e1": E("Scholz", [], ["Scholz"])})
    p.add(MERZ, [Q("die Regierung habe bei der Migration versagt und müsse umsteuern", "Friedrich Merz", "e1",
                   Form.INDIRECT)],
          {"e1": E("Friedrich Merz", [], ["Friedrich Merz"])})
    return p


def _ingest_all(ing: Ingestor) -> None:
    ing.ingest(StoredDocument("a/1", SCHOLZ, outlet="A", published_at=day("2023-01-10")))
    ing.ingest(StoredDocument("b/1", SCHOLZ_2, outlet="B", published_at=day("2023-02-01")))
    ing.ingest(StoredDocument("a/2", MERZ, outlet="A", published_at=day("2023-03-05")))


def test_schema_is_migrated_and_reopening_keeps_data(store, pipeline, tmp_path):
    assert store.schema_version() == LATEST
    Ingestor(store, pipeline).ingest(StoredDocument("a/1", SCHOLZ, outlet="A"))
    assert store.counts().claims == 1
    assert store.get_document("a/1").outlet == "A"


def test_ingest_stores_claims_with_speaker_and_metadata(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    counts = store.counts()
    assert (counts.documents, counts.claims, counts.speakers) == (3, 3, 2)
    claims = store.search_claims(ClaimQuery()).items
    assert [c.document_id for c in claims] == ["a/2", "b/1", "a/1"]  # newest first
    merz = claims[0]
    assert merz.speaker_name == "Friedrich Merz" and merz.form == "Indirect" and merz.outlet == "A"
    assert merz.published_at == day("2023-03-05") and merz.pipeline_version == "test-1"
    assert MERZ[merz.message[0][0]:merz.message[0][1]] == merz.text
    assert merz.source_text == "Friedrich Merz" and merz.confidence == pytest.approx(0.9)


def test_surname_mention_in_later_article_joins_the_full_name(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    (scholz,) = [s for s in store.list_speakers().items if s.name == "Olaf Scholz"]
    assert scholz.claim_count == 2
    record = store.get_speaker(scholz.id)
    assert set(record.aliases) == {"Olaf Scholz", "Scholz"}
    assert [r.role for r in record.roles] == ["Bundeskanzler"]
    assert record.roles[0].first_seen == day("2023-01-10")
    assert [c.document_id for c in record.timeline] == ["a/1", "b/1"]  # chronological


def test_reingest_same_text_skips_extraction_and_changes_nothing(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    before, calls = store.counts(), pipeline.calls
    result = ing.ingest(StoredDocument("a/1", SCHOLZ, outlet="A2", published_at=day("2023-01-10")))
    assert result.status == IngestStatus.UNCHANGED and result.claims == 1
    assert pipeline.calls == calls
    assert store.counts() == before
    assert store.get_document("a/1").outlet == "A2"  # metadata refreshed


def test_changed_text_or_pipeline_replaces_claims(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    before = store.counts()
    result = ing.ingest(StoredDocument("a/1", MERZ, outlet="A", published_at=day("2023-01-10")))
    assert result.status == IngestStatus.UPDATED
    assert store.counts().claims == before.claims
    assert [c.text for c in store.search_claims(ClaimQuery(document_id="a/1")).items] == [
        "die Regierung habe bei der Migration versagt und müsse umsteuern"
    ]
    pipeline.version = "test-2"
    assert ing.ingest(StoredDocument("a/1", MERZ, outlet="A")).status == IngestStatus.UPDATED
    assert store.get_document("a/1").pipeline_version == "test-2"
    assert store.counts().claims == before.claims


def test_delete_document_removes_claims_and_orphan_speakers(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    assert ing.delete("a/2") is True
    assert ing.delete("a/2") is False
    counts = store.counts()
    assert (counts.documents, counts.claims, counts.speakers) == (2, 2, 1)
    assert store.search_claims(ClaimQuery(text="Migration")).items == []


def test_full_text_search_stems_german_words(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    hits = store.search_claims(ClaimQuery(text="ukraine")).items
    assert {c.document_id for c in hits} == {"a/1", "b/1"}
    assert [c.document_id for c in store.search_claims(ClaimQuery(text="Regierungen")).items] == ["a/2"]
    assert [c.document_id for c in store.search_claims(ClaimQuery(text="Ukraine Deutschland")).items] == ["b/1"]
    assert store.search_claims(ClaimQuery(text='"OR (')).items == []  # user input is never query syntax


def test_filters_by_outlet_date_and_speaker(store, pipeline):
    _ingest_all(Ingestor(store, pipeline))
    assert [c.document_id for c in store.search_claims(ClaimQuery(outlet="A")).items] == ["a/2", "a/1"]
    window = ClaimQuery(since=day("2023-01-15"), until=day("2023-03-05"))
    assert [c.document_id for c in store.search_claims(window).items] == ["b/1"]
    (merz,) = [s.id for s in store.list_speakers().items if s.name == "Friedrich Merz"]
    assert [c.document_id for c in store.search_claims(ClaimQuery(speaker_ids=(merz,))).items] == ["a/2"]


def test_pagination_walks_every_claim_once(store):
    pipeline = FakePipeline()
    ing = Ingestor(store, pipeline)
    names = ["Anna Berg", "Bernd Dorn", "Clara Fink", "Dieter Graf", "Eva Horn", "Frank Jung", "Gabi Kurz"]
    for i, name in enumerate(names):
        text = f"{name} sagte: „Wir zählen heute bis {i} und nicht weiter, Punkt {i}.“"
        pipeline.add(text, [Q(f"Wir zählen heute bis {i} und nicht weiter, Punkt {i}.", name, "e1")],
                     {"e1": E(name, [], [name])})
        ing.ingest(StoredDocument(f"d/{i}", text, published_at=day(f"2023-01-0{i % 3 + 1}")))
    seen, token, pages = [], "", 0
    while True:
        page = store.search_claims(ClaimQuery(), page_size=3, page_token=token)
        seen += [c.id for c in page.items]
        pages += 1
        token = page.next_token
        if not token:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == 7
    with pytest.raises(InvalidPageToken):
        store.search_claims(ClaimQuery(outlet="X"), page_size=3, page_token=store.search_claims(
            ClaimQuery(), page_size=3).next_token)
    with pytest.raises(InvalidPageToken):
        store.search_claims(ClaimQuery(), page_token="garbage!")
    speakers = store.list_speakers(page_size=4)
    rest = store.list_speakers(page_size=4, page_token=speakers.next_token)
    assert len(speakers.items) == 4 and len(rest.items) == 3 and not rest.next_token


def test_manual_merge_and_split_persist_across_reingest(store, pipeline):
    ing = Ingestor(store, pipeline)
    _ingest_all(ing)
    ids = {s.name: s.id for s in store.list_speakers().items}
    with store.transaction() as tx:
        merge(tx, ids["Olaf Scholz"], [ids["Friedrich Merz"]], name="Beide")
    assert store.counts().speakers == 1
    assert store.get_speaker(ids["Friedrich Merz"]).id == ids["Olaf Scholz"]  # follows the merge
    pipeline.version = "test-2"  # force re-extraction: the pinned decision must survive
    _ingest_all(ing)
    assert store.counts().speakers == 1 and store.get_speaker(ids["Olaf Scholz"]).name == "Beide"

    with store.transaction() as tx:
        new_id, moved = split(tx, ids["Olaf Scholz"], ["Friedrich Merz"], [])
    assert moved == 1
    pipeline.version = "test-3"
    _ingest_all(ing)
    assert store.counts().speakers == 2
    assert [c.document_id for c in store.search_claims(ClaimQuery(speaker_ids=(new_id,))).items] == ["a/2"]


def test_failed_transaction_leaves_nothing(store, pipeline):
    ing = Ingestor(store, pipeline)
    ing.ingest(StoredDocument("a/1", SCHOLZ))

    class Boom(Exception):
        pass

    def explode(*_args, **_kwargs):
        raise Boom

    ing.linker.link = explode  # fails after the document and its claims were written
    with pytest.raises(Boom):
        ing.ingest(StoredDocument("b/1", SCHOLZ_2))
    assert store.get_document("b/1") is None
    assert store.counts().claims == 1


# --- speaker types, anonymous sources, reasons (registry) ---------------------------------------

POLICE_KASSEL = "Nach Angaben der Polizei in Kassel brach das Feuer aus. „Alle sind gerettet“, sagte die Polizei."
POLICE_BREMEN = "Die Polizei in Bremen teilte mit, der Täter sei gefasst."
SPOKESMAN = "Ein Sprecher des Innenministeriums sagte, die Lage sei ruhig. Er sagte, man wisse mehr."
WITNESS = "Ein Augenzeuge berichtete, er habe einen Knall gehört. Nach eigenen Angaben war er zu Hause."
WHO_1 = "Die Weltgesundheitsorganisation (WHO) warnte, das Virus breite sich aus."
WHO_2 = "Die WHO erklärte, die Lage sei ernst."


@pytest.fixture
def registry(store) -> tuple:
    p = FakePipeline()
    p.add(POLICE_KASSEL, [Q("in Kassel brach das Feuer aus", "Angaben der Polizei", form=Form.REPORTED),
                          Q("Alle sind gerettet", "die Polizei")])
    p.add(POLICE_BREMEN, [Q("der Täter sei gefasst", "Die Polizei in Bremen", form=Form.INDIRECT)])
    p.add(SPOKESMAN, [Q("die Lage sei ruhig", "Ein Sprecher des Innenministeriums", form=Form.INDIRECT),
                      Q("man wisse mehr", "Er", form=Form.INDIRECT)])
    p.add(WITNESS, [Q("er habe einen Knall gehört", "Ein Augenzeuge", form=Form.INDIRECT),
                    Q("war er zu Hause", "Nach eigenen Angaben", form=Form.REPORTED)])
    p.add(WHO_1, [Q("das Virus breite sich aus", "Die Weltgesundheitsorganisation (WHO)", form=Form.INDIRECT)])
    p.add(WHO_2, [Q("die Lage sei ernst", "Die WHO", form=Form.INDIRECT)])
    ing = Ingestor(store, p)
    for i, text in enumerate((POLICE_KASSEL, POLICE_BREMEN, SPOKESMAN, WITNESS, WHO_1, WHO_2)):
        ing.ingest(StoredDocument(f"r/{i}", text, published_at=day(f"2023-04-0{i + 1}")))
    return store, ing


def _claims_of(store, document_id: str) -> list:
    return sorted(store.search_claims(ClaimQuery(document_id=document_id)).items, key=lambda c: c.index)


def test_organisations_are_speakers_with_a_type_and_a_place(registry):
    store, _ = registry
    speakers = {(s.name, s.qualifier): s for s in store.list_speakers().items}
    assert set(speakers) == {("Polizei", "Kassel"), ("Polizei", "Bremen"), ("Innenministerium", ""),
                             ("Weltgesundheitsorganisation", "")}
    assert {s.type for s in speakers.values()} == {"organization"}
    assert speakers["Polizei", "Kassel"].claim_count == 2  # "die Polizei" takes the article's place
    assert speakers["Weltgesundheitsorganisation", ""].claim_count == 2  # "WHO" in the next article
    assert set(store.get_speaker(speakers["Weltgesundheitsorganisation", ""].id).aliases) == {
        "Weltgesundheitsorganisation", "WHO"}
    counts = store.counts()
    assert counts.speakers_by_type == {"organization": 4} and counts.attributed_claims == 6


def test_anonymous_sources_keep_their_role_and_organisation_and_no_record(registry):
    store, _ = registry
    said, he = _claims_of(store, "r/2")
    assert said.anonymous and said.source_role == "Sprecher" and said.speaker_name == "Innenministerium"
    assert said.speaker_type == "organization" and not said.unresolved_reason
    assert he.speaker_id is None and he.unresolved_reason == "pronoun"  # the fake coref resolved nothing
    witness, own = _claims_of(store, "r/3")
    assert witness.anonymous and witness.source_role == "Augenzeuge" and witness.speaker_id is None
    assert witness.unresolved_reason == "anonymous" and witness.role == ""  # never back-filled by role
    assert own.unresolved_reason == "pronoun"
    assert not [s for s in store.list_speakers().items if s.name in ("Sprecher", "Augenzeuge", "Angaben")]


def test_type_filters_for_speakers_and_claims(registry):
    store, _ = registry
    assert {s.name for s in store.list_speakers(speaker_type="organization").items} == {
        "Polizei", "Innenministerium", "Weltgesundheitsorganisation"}
    assert store.list_speakers(speaker_type="person").items == []
    orgs = store.search_claims(ClaimQuery(speaker_type="organization")).items
    assert len(orgs) == 6 and {c.speaker_type for c in orgs} == {"organization"}
    assert store.search_claims(ClaimQuery(speaker_type="media")).items == []
    page = store.list_speakers(page_size=2, speaker_type="organization")
    rest = store.list_speakers(page_size=2, page_token=page.next_token, speaker_type="organization")
    assert len(page.items) + len(rest.items) == 4
    with pytest.raises(InvalidPageToken):
        store.list_speakers(page_size=2, page_token=page.next_token)  # the token belongs to the typed query


def test_second_ingest_of_the_registry_changes_no_count(registry):
    store, ing = registry
    before = store.counts()
    pipeline = ing.pipeline
    pipeline.version = "test-2"  # re-extract everything: the same records must come back
    for i, text in enumerate((POLICE_KASSEL, POLICE_BREMEN, SPOKESMAN, WITNESS, WHO_1, WHO_2)):
        ing.ingest(StoredDocument(f"r/{i}", text, published_at=day(f"2023-04-0{i + 1}")))
    assert store.counts() == before


def test_hyphen_and_spelling_variants_of_names_are_one_person(store):
    p = FakePipeline()
    texts = {
        "a": ("Ulrike Rabmer-Koller sagte: „Wir brauchen Reformen.“", "Ulrike Rabmer-Koller"),
        "b": ("„Die Reformen kommen“, sagte Rabmer-Koller.", "Rabmer-Koller"),
        "c": ("Franz-Josef Jung sagte: „Die Truppe ist bereit.“", "Franz-Josef Jung"),
        "d": ("Franz Josef Jung sagte: „Wir bleiben dabei.“", "Franz Josef Jung"),
        "e": ("Sigmar Gabriel sagte: „Das reicht nicht.“", "Sigmar Gabriel"),
        "f": ("Siegmar Gabriel sagte: „Das reicht noch nicht.“", "Siegmar Gabriel"),
        "g": ("Christian Meier sagte: „Ja.“", "Christian Meier"),
        "h": ("Christina Meier sagte: „Nein.“", "Christina Meier"),
    }
    for text, source in texts.values():
        message = text.split("„")[1].split("“")[0]
        p.add(text, [Q(message, source, "e1")], {"e1": E(source, [], [source])})
    ing = Ingestor(store, p)
    for doc_id, (text, _) in texts.items():
        ing.ingest(StoredDocument(doc_id, text))
    names = sorted((s.name, s.claim_count) for s in store.list_speakers().items)
    assert names == [("Christian Meier", 1), ("Christina Meier", 1), ("Franz-Josef Jung", 2),
                     ("Sigmar Gabriel", 2), ("Ulrike Rabmer-Koller", 2)]


def test_role_only_mention_is_resolved_at_ingest_from_remembered_office_holders(store):
    p = FakePipeline()
    named = "Verteidigungsminister Boris Pistorius sagte: „Wir stehen bereit.“"
    later = "„Die Bundeswehr hilft“, sagte der Verteidigungsminister."
    p.add(named, [Q("Wir stehen bereit.", "Verteidigungsminister Boris Pistorius", "e1")],
          {"e1": E("Boris Pistorius", ["Verteidigungsminister"], ["Verteidigungsminister Boris Pistorius"])})
    p.add(later, [Q("Die Bundeswehr hilft", "der Verteidigungsminister")])  # coref left it unresolved
    ing = Ingestor(store, p)
    ing.ingest(StoredDocument("n", named, published_at=day("2024-01-02")))
    ing.ingest(StoredDocument("l", later, published_at=day("2024-02-01")))
    (claim,) = _claims_of(store, "l")
    assert claim.speaker_name == "Boris Pistorius" and not claim.unresolved_reason


def test_registry_version_change_rereads_unchanged_documents(store, pipeline, monkeypatch):
    from zitat_server.claims import ingest as ingest_module

    ing = Ingestor(store, pipeline)
    ing.ingest(StoredDocument("a/1", SCHOLZ))
    calls = pipeline.calls
    assert ing.ingest(StoredDocument("a/1", SCHOLZ)).status == IngestStatus.UNCHANGED
    monkeypatch.setattr(ingest_module, "REGISTRY_VERSION", "registry-next")
    assert ing.ingest(StoredDocument("a/1", SCHOLZ)).status == IngestStatus.UPDATED
    assert pipeline.calls == calls + 1 and store.get_document("a/1").registry_version == "registry-next"


def _v1_database(backend: str, tmp_path):
    """A store as zitat left it at schema version 1: one document, one speaker, one claim."""
    from zitat_server.claims.store.migrations import MIGRATIONS, statements

    v1 = MIGRATIONS[0]
    rows = [
        "INSERT INTO schema_version (version, description) VALUES (1, 'v1')",
        "INSERT INTO documents (id, seq, text_hash, pipeline_version, text, ingested_at, published_at) "
        f"VALUES ('a/1', 1, 'x', 'old', '{SCHOLZ}', '2023-01-10T00:00:00Z', '2023-01-10T00:00:00Z')",
        "INSERT INTO speakers (name) VALUES ('Olaf Scholz')",
        "INSERT INTO speaker_aliases (speaker_id, document_id, alias, alias_key, surname_key) "
        "VALUES (1, 'a/1', 'Olaf Scholz', 'olaf scholz', '85')",
        "INSERT INTO claims (document_id, idx, text, message, form, medium, cue, source_text, speaker_id, role, "
        "confidence, origin, pipeline_version, cluster_id) VALUES ('a/1', 0, 'Wir werden', '[[31, 41]]', 'Direct', "
        "'Speech', '[]', 'Bundeskanzler Olaf Scholz', 1, '', 0.9, 'rules', 'old', 1)",
    ]
    script = [*statements(v1.script(backend)), "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, "
              "description TEXT NOT NULL)", *rows]
    if backend == "sqlite":
        import sqlite3

        path = tmp_path / "claims.sqlite3"
        with sqlite3.connect(path) as conn:
            for stmt in script:
                conn.execute(stmt)
        return path
    import psycopg

    with psycopg.connect(PG_DSN, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
        for stmt in script:
            conn.execute(stmt)
    return PG_DSN


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_from_schema_1_keeps_data_and_rereads_documents(backend, tmp_path, pipeline):
    from zitat_server.claims.store import open_store

    target = _v1_database(backend, tmp_path)
    with open_store(target) as migrated:
        assert migrated.schema_version() == LATEST == 2
        (speaker,) = migrated.list_speakers().items
        assert (speaker.name, speaker.type, speaker.qualifier, speaker.claim_count) == ("Olaf Scholz", "person", "", 1)
        (claim,) = migrated.search_claims(ClaimQuery()).items
        assert (claim.anonymous, claim.source_role, claim.unresolved_reason, claim.speaker_type) == (
            False, "", "", "person")
        assert migrated.get_document("a/1").registry_version == ""
        pipeline.version = "old"  # same text and pipeline: only the registry version is new
        result = Ingestor(migrated, pipeline).ingest(StoredDocument("a/1", SCHOLZ))
        assert result.status == IngestStatus.UPDATED and pipeline.calls == 1
        assert [s.name for s in migrated.list_speakers().items] == ["Olaf Scholz"]
    with open_store(target) as reopened:
        assert reopened.schema_version() == 2 and reopened.counts().claims == 1


def test_typed_entities_from_coref_are_kept_as_coref_says(store):
    """The extraction's contract (document.Entity): type, qualifier, anonymous member and
    affiliation, and Quote.unresolved_reason, reach the store as they are."""
    from zitat_server.document import Doc, Entity, Quote, Span, SpeakerType

    text = ("Die Beamten teilten mit, der Täter sei gefasst. Ein Sprecher sagte, man ermittle weiter. "
            "Wir, sagten sie, bleiben dran.")

    def span(part: str) -> Span:
        i = text.index(part)
        return Span(i, i + len(part))

    doc = Doc(text)
    doc.entities = {
        "e1": Entity("e1", "Polizei", mentions=[span("Die Beamten")], type=SpeakerType.ORGANIZATION,
                     qualifier="Bremen"),
        "e2": Entity("e2", "", ["Sprecher"], [span("Ein Sprecher")], anonymous=True, affiliation="e1"),
    }
    doc.quotes = [
        Quote([span("der Täter sei gefasst")], Form.INDIRECT, source=span("Die Beamten"), entity="e1"),
        Quote([span("man ermittle weiter")], Form.INDIRECT, source=span("Ein Sprecher"), entity="e2"),
        Quote([span("bleiben dran")], Form.DIRECT, source=span("sie"), unresolved_reason="group"),
    ]
    p = FakePipeline()
    p.docs[text] = doc
    Ingestor(store, p).ingest(StoredDocument("c/1", text))
    police, member, group = _claims_of(store, "c/1")
    assert (police.speaker_name, police.speaker_type, police.speaker_qualifier) == ("Polizei", "organization", "Bremen")
    assert member.anonymous and member.source_role == "Sprecher" and member.speaker_id == police.speaker_id
    assert group.speaker_id is None and group.unresolved_reason == "group"


def test_coref_reason_stands_unless_the_mention_names_a_holder(store):
    from zitat_server.document import Doc, Quote, Span

    text = "Die Vereinten Nationen warnten, es drohe Hunger. Demnach seien Millionen betroffen."

    def span(part: str) -> Span:
        i = text.index(part)
        return Span(i, i + len(part))

    doc = Doc(text)
    doc.quotes = [
        Quote([span("es drohe Hunger")], Form.INDIRECT, source=span("Die Vereinten Nationen"),
              unresolved_reason="not a holder"),
        Quote([span("seien Millionen betroffen")], Form.INDIRECT, source=span("Demnach"),
              unresolved_reason="no antecedent"),
    ]
    p = FakePipeline()
    p.docs[text] = doc
    Ingestor(store, p).ingest(StoredDocument("u/1", text))
    un, then = _claims_of(store, "u/1")
    assert (un.speaker_name, un.speaker_type, un.unresolved_reason) == ("Vereinte Nationen", "organization", "")
    assert then.speaker_id is None and then.unresolved_reason == "no antecedent"
