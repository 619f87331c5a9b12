"""``zitat-batch``: inputs and shards, the worker, the output directory and resumption, and whole
runs on a local Ray (one of them the command against a real server's answers)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from zitat_client import Client
from zitat_client.cli_claims import document_for
from zitat_server import __version__
from zitat_server.batch import main as batch_main
from zitat_server.batch.inputs import (
    FILES,
    JSONL,
    PARQUET,
    InputDocument,
    InputError,
    count_documents,
    default_batch_size,
    plan,
    read_shard,
)
from zitat_server.batch.output import MANIFEST, OutputDir, OutputMismatch
from zitat_server.batch.rows import SCHEMA
from zitat_server.batch.run import BatchConfig, run_batch
from zitat_server.batch.worker import ShardWorker, WorkerSettings
from zitat_server.claims.store import open_store
from zitat_server.extraction.pipeline import Pipeline
from zitat_server.extraction.results import document_result
from zitat_server.extraction.validation import DEFAULT_MAX_DOCUMENT_BYTES
from zitat_server.training.corpora import EXAMPLES, NEWS_TRAIN

EXAMPLE = EXAMPLES / "umjerow-boeing.txt"
TASK_FILES = [NEWS_TRAIN / "10022.json", NEWS_TRAIN / "10057.json"]
MERKEL = "„Wir schaffen das“, sagte Merkel in Berlin. Der Minister sagte, er habe davon nichts gewusst."
METADATA = ("outlet", "published_at", "url")


def _texts() -> dict[str, str]:
    """Four articles by their ids in an input directory: the example and a short one as text
    files, two task files (rebuilt to text, as ``zitat ingest`` does)."""
    texts = {"example.txt": EXAMPLE.read_text(encoding="utf-8"), "merkel.txt": MERKEL}
    for path in TASK_FILES:
        texts[path.name] = document_for(path, "", None)["text"]
    return texts


def _write_jsonl(path: Path, records: list[object]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write((record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)) + "\n")


def _rows_by_document(root: Path) -> dict[str, list[dict]]:
    table = pq.read_table(root / "quotes", schema=SCHEMA)
    out: dict[str, list[dict]] = {}
    for row in table.sort_by([("document_id", "ascending"), ("quote_index", "ascending")]).to_pylist():
        out.setdefault(row["document_id"], []).append(row)
    return out


def _errors(root: Path) -> list[dict]:
    return [json.loads(line) for p in sorted((root / "errors").glob("*.jsonl")) for line in p.read_text().splitlines()]


def _without(rows: list[dict], *keys: str) -> list[dict]:
    return [{k: v for k, v in r.items() if k not in keys} for r in rows]


# --- inputs and shards (no Ray) -----------------------------------------------------------------


def test_jsonl_shards_cover_every_document_once_with_line_numbers(tmp_path):
    path = tmp_path / "docs.jsonl"
    _write_jsonl(path, [{"id": f"d{i}", "text": f"Text {i}."} for i in range(5)] + [""] + [{"id": "d5", "text": "x"}])
    shards = list(plan(path, batch_size=2))
    assert [(s.kind, s.count, s.first) for s in shards] == [(JSONL, 2, 1), (JSONL, 2, 3), (JSONL, 2, 5)]
    read = [d for s in shards for d in read_shard(s)]
    assert [d.id for d in read] == ["d0", "d1", "d2", "d3", "d4", "d5"]
    assert [d.where for d in read][-2:] == ["docs.jsonl:5", "docs.jsonl:7"]  # the blank line 6 is no document
    assert count_documents(path) == 6


def test_parquet_shards_slice_across_row_groups(tmp_path):
    path = tmp_path / "docs.parquet"
    table = pa.table({"id": [f"p{i}" for i in range(7)], "text": [f"Text {i}." for i in range(7)]})
    pq.write_table(table, path, row_group_size=3)
    shards = list(plan(path, batch_size=4))
    assert [(s.kind, s.start, s.stop) for s in shards] == [(PARQUET, 0, 4), (PARQUET, 4, 7)]
    assert [[d.id for d in read_shard(s)] for s in shards] == [["p0", "p1", "p2", "p3"], ["p4", "p5", "p6"]]
    assert count_documents(path) == 7


def test_a_directory_mixes_kinds_and_text_files_are_named_by_path(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zwei.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Eins.", encoding="utf-8")
    _write_jsonl(tmp_path / "more.jsonl", [{"id": 7, "text": "Sieben."}])
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    shards = list(plan(tmp_path, batch_size=10))
    assert [s.kind for s in shards] == [FILES, JSONL]
    assert [s.index for s in shards] == [0, 1]
    assert [(d.id, d.text) for s in shards for d in read_shard(s)] == [
        ("a.txt", "Eins."),
        ("b/z.txt", "Zwei."),
        ("7", "Sieben."),
    ]


def test_records_without_id_or_text_or_with_a_bad_date_are_input_errors(tmp_path):
    path = tmp_path / "bad.jsonl"
    _write_jsonl(
        path,
        [
            "{not json",
            {"text": "no id"},
            {"id": "t", "text": 5},
            {"id": "d", "text": "ok", "published_at": "yesterday"},
            {"id": "ok", "text": "Gut.", "published_at": "2024-09-03", "outlet": "X"},
        ],
    )
    read = [d for s in plan(path, 10) for d in read_shard(s)]
    assert [type(d) for d in read] == [InputError] * 4 + [InputDocument]
    assert [d.reason.split(":")[0] for d in read[:4]] == [
        "not a JSON object",
        "no id",
        "text is not a string",
        "published_at",
    ]
    assert read[4].published_at.isoformat() == "2024-09-03T00:00:00+00:00" and read[4].outlet == "X"


def test_default_batch_size_gives_every_worker_about_four_batches():
    assert default_batch_size(1728, 2) == 216
    assert default_batch_size(10_000_000, 64) == 1000
    assert default_batch_size(3, 8) == 1


# --- the worker and the output directory (no Ray) -----------------------------------------------


def test_worker_rows_are_the_pipelines_quotes_and_bad_rows_are_errors(tmp_path):
    pipeline = Pipeline("rules-only")
    path = tmp_path / "docs.jsonl"
    big = "x" * (DEFAULT_MAX_DOCUMENT_BYTES + 1)
    _write_jsonl(path, [{"id": "m", "text": MERKEL}, {"id": "empty", "text": " \n"}, {"id": "big", "text": big}])
    worker = ShardWorker(WorkerSettings(out=str(tmp_path / "out"), pipeline="rules-only"))
    (shard,) = plan(path, 10)
    reports = [r for t in worker.process(shard) for r in t.to_pylist()]
    assert reports[-1]["done"] and sum(r["documents"] for r in reports) == 3
    assert (reports[-1]["quotes"], reports[-1]["errors"]) == (2, 2)
    assert _errors(tmp_path / "out") == [
        {"document_id": "empty", "input": "docs.jsonl:2", "reason": "text is empty"},
        {"document_id": "big", "input": "docs.jsonl:3",
         "reason": f"text is {len(big)} bytes; the limit is {DEFAULT_MAX_DOCUMENT_BYTES}"},
    ]
    rows = _rows_by_document(tmp_path / "out")["m"]
    result = document_result(pipeline.process(MERKEL))
    assert [r["form"] for r in rows] == [q.form for q in result.quotes] == ["DIRECT", "INDIRECT"]
    assert [r["speaker_name"] for r in rows] == ["Merkel", None]  # "Der Minister": a person without a name
    for row, quote in zip(rows, result.quotes, strict=True):
        assert row["message_text"] == [
            MERKEL[s:e] for s, e in zip(row["message_start"], row["message_end"], strict=True)
        ]
        assert row["message_text"] == [s.text for s in quote.message]
        speaker = result.speaker(quote)
        assert row["speaker_name"] == ((speaker.canonical_name or None) if speaker else None)
        assert row["pipeline_version"] == f"{__version__}+rules-only"


def test_an_output_of_other_settings_is_refused(tmp_path):
    output = OutputDir(tmp_path)
    settings = {"input": "/in", "batch_size": 10, "pipeline": "default", "pipeline_version": "v", "format": "parquet"}
    output.start(settings)
    output.start(settings)  # the same run resumed
    with pytest.raises(OutputMismatch, match="pipeline: 'default' there, 'rules-only' now"):
        output.start({**settings, "pipeline": "rules-only"})


def test_a_torn_manifest_line_is_ignored_and_ended(tmp_path):
    output = OutputDir(tmp_path)
    output.start({"input": "/in"})
    output.record({"shard": 0, "source": "a"})
    with (tmp_path / MANIFEST).open("a") as f:
        f.write('{"shard": 1, "sou')  # a crash while appending
    assert set(output.done()) == {0}
    output.start({"input": "/in"})
    output.record({"shard": 1, "source": "b"})
    assert set(output.done()) == {0, 1}


def test_the_command_refuses_another_runs_output_without_starting_ray(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(MERKEL, encoding="utf-8")
    OutputDir(tmp_path / "out").start({"input": str((tmp_path / "in").resolve()), "batch_size": 5})
    assert batch_main.main([str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--rules-only"]) == 2
    assert "holds a run with other settings" in capsys.readouterr().err


# --- whole runs on a local Ray ------------------------------------------------------------------


@pytest.fixture(scope="module")
def local_ray():
    """One embedded Ray for the module's runs (starting Ray takes seconds); its address for the CLI."""
    import ray

    ray.init(address="local", num_cpus=2, include_dashboard=False)
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


@pytest.fixture(scope="module")
def mixed_input(tmp_path_factory) -> Path:
    """The same articles as text and task files, as JSONL and as Parquet, plus bad rows."""
    root = tmp_path_factory.mktemp("mixed")
    texts = _texts()
    (root / "example.txt").write_text(texts["example.txt"], encoding="utf-8")
    (root / "merkel.txt").write_text(MERKEL, encoding="utf-8")
    for path in TASK_FILES:
        (root / path.name).write_bytes(path.read_bytes())
    records = [{"id": f"j-{n}", "text": t, "outlet": "J", "published_at": "2024-09-03"} for n, t in texts.items()]
    _write_jsonl(root / "docs.jsonl", [*records, {"id": "j-empty", "text": ""}, "{broken", {"text": "no id"}])
    pq.write_table(pa.table({"id": [f"p-{n}" for n in texts], "text": list(texts.values())}), root / "docs.parquet")
    return root


@pytest.mark.slow
def test_a_run_over_files_jsonl_and_parquet_gives_the_same_rows_resumes_and_stores_once(
    local_ray, mixed_input, tmp_path
):
    out, store_path = tmp_path / "out", tmp_path / "claims.sqlite3"
    config = BatchConfig(mixed_input, out, pipeline="rules-only", store=str(store_path), num_workers=2, batch_size=3)
    summary = run_batch(config)
    assert (summary.shards, summary.skipped, summary.documents, summary.errors) == (7, 0, 15, 3)  # 2 + 3 + 2
    rows = _rows_by_document(out)
    for name in _texts():
        in_files = _without(rows[name], "document_id", *METADATA)
        assert in_files, name
        assert _without(rows[f"j-{name}"], "document_id", *METADATA) == in_files
        assert _without(rows[f"p-{name}"], "document_id", *METADATA) == in_files
        assert {(r["outlet"], r["published_at"].date().isoformat()) for r in rows[f"j-{name}"]} == {("J", "2024-09-03")}
    assert {r["published_at"].date().isoformat() for r in rows["10057.json"]} == {"2005-08-06"}  # from its name
    assert sorted((e["document_id"], e["reason"]) for e in _errors(out)) == [
        ("", "no id"),
        ("", "not a JSON object: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
        ("j-empty", "text is empty"),
    ]
    assert sorted(OutputDir(out).done()) == list(range(7))
    store = open_store(store_path)
    ids = sorted(rows)
    stored = {i: store.get_document(i) for i in ids}
    assert sum(d.claims for d in stored.values()) == summary.quotes == sum(len(r) for r in rows.values())

    # Rerun: everything is done, nothing is processed or rewritten.
    parts = sorted((out / "quotes").iterdir())
    stamps = {p: p.stat().st_mtime_ns for p in parts}
    again = run_batch(config)
    assert (again.skipped, again.documents) == (7, 0)
    assert {p: p.stat().st_mtime_ns for p in parts} == stamps

    # A crash before shard 3 was recorded: only it is redone, into the same rows; the store,
    # like ``zitat ingest``, keeps the documents it has (same text, same pipeline).
    manifest = out / MANIFEST
    manifest.write_text("".join(line + "\n" for line in manifest.read_text().splitlines() if '"shard": 3,' not in line))
    lost = out / "quotes" / "part-000003.parquet"
    lost.unlink()
    resumed = run_batch(BatchConfig(mixed_input, out, pipeline="rules-only", store=str(store_path), num_workers=2))
    assert (resumed.skipped, resumed.shards, resumed.documents) == (6, 7, 3)
    assert lost.exists() and _rows_by_document(out) == rows
    assert {p: p.stat().st_mtime_ns for p in parts if p != lost} == {p: t for p, t in stamps.items() if p != lost}
    try:
        assert {i: (d.seq, d.claims) for i, d in stored.items()} == {
            i: (store.get_document(i).seq, store.get_document(i).claims) for i in ids
        }
    finally:
        store.close()


@pytest.mark.slow
def test_the_command_gives_the_servers_answers(local_ray, server_target, tmp_path):
    """``zitat-batch`` with the default pipeline (on the module's Ray, through --address) writes
    for every file exactly the quotes that ``ExtractQuotes`` returns for its text."""
    (tmp_path / "in").mkdir()
    for path in [EXAMPLE, *TASK_FILES]:
        (tmp_path / "in" / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "zitat_server.batch.main", str(tmp_path / "in"), "--out", str(out)]
    done = subprocess.run(
        [*command, "--address", local_ray, "--num-workers", "1"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert "3 documents" in done.stdout and "0 errors" in done.stdout
    assert "3/3 documents" in done.stderr  # the progress (plain lines: no terminal here)
    rows = _rows_by_document(out)
    with Client(server_target) as client:
        for path in [EXAMPLE, *TASK_FILES]:
            extraction = client.extract(document_for(path, "", None)["text"], id=path.name)
            expected = _expected_rows(extraction)
            assert expected, path
            assert _comparable(rows[path.name]) == _comparable(expected)


def _expected_rows(extraction) -> list[dict]:
    """The rows of an ``ExtractQuotes`` answer, built from the client's models."""
    speakers = {s.entity_id: s for s in extraction.speakers}
    rows = []
    for index, q in enumerate(extraction.quotes):
        speaker = speakers.get(q.speaker_id) if q.speaker_id else None
        row = {"document_id": extraction.document_id, "quote_index": index, "form": q.form, "medium": q.medium}
        for name, spans in (("message", q.message), ("cue", q.cue)):
            row |= {f"{name}_text": [s.text for s in spans], f"{name}_start": [s.start for s in spans]}
            row[f"{name}_end"] = [s.end for s in spans]
        for name, span in (("source", q.source), ("addressee", q.addressee)):
            row |= {f"{name}_text": span and span.text, f"{name}_start": span and span.start}
            row[f"{name}_end"] = span and span.end
        row |= {
            "speaker_id": speaker.entity_id if speaker else None,
            "speaker_name": speaker.canonical_name if speaker else None,
            "speaker_roles": list(speaker.roles) if speaker else [],
            "speaker_type": speaker.type if speaker else None,
            "unresolved_reason": q.unresolved_reason,
            "confidence": q.confidence,
            "origin": q.origin,
            "parent": q.parent,
            "pipeline_version": extraction.pipeline_version,
        }
        rows.append(row)
    return rows


def _comparable(rows: list[dict]) -> list[dict]:
    """Without the input's metadata; confidences at float32 precision (the wire's and Parquet's)."""
    return [{**r, "confidence": round(r["confidence"], 6)} for r in _without(rows, *METADATA)]
