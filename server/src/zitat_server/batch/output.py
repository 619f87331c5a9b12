"""The output directory of a batch run, and what makes a rerun resume.

    OUTPUT/run.json             the settings of the run (input, pipeline, batch size, format)
    OUTPUT/manifest.jsonl       one line per finished shard, appended when its parts are in place
    OUTPUT/quotes/part-NNNNNN.parquet (or .jsonl)   the quotes of shard NNNNNN
    OUTPUT/errors/part-NNNNNN.jsonl                 its documents that were not processed

A part is written to a hidden temporary file and renamed into place, and the driver records
the shard in the manifest only after its parts exist. A crash therefore loses at most the
shards in flight: a rerun skips every shard in the manifest and redoes (overwrites) the
others. ``pyarrow.parquet.read_table(OUTPUT / "quotes")`` reads the whole result (readers
skip hidden files).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from zitat_server.batch.rows import to_json, to_table

FORMATS = ("parquet", "jsonl")
RUN_FILE = "run.json"
MANIFEST = "manifest.jsonl"

#: Settings that must not change between a run and its resumption (they decide the shards and rows).
FIXED_SETTINGS = ("input", "batch_size", "pipeline", "pipeline_version", "format", "max_document_bytes")


class OutputMismatch(ValueError):
    """The output directory holds a run with other settings or over another input."""


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


class OutputDir:
    def __init__(self, root: Path, fmt: str = "parquet") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(FORMATS)}")
        self.root = root
        self.fmt = fmt

    # --- parts (written by the workers) --------------------------------------------------------

    def quotes_path(self, part: str) -> Path:
        return self.root / "quotes" / f"{part}.{self.fmt}"

    def errors_path(self, part: str) -> Path:
        return self.root / "errors" / f"{part}.jsonl"

    def write_part(self, part: str, rows: list[dict[str, Any]], errors: list[dict[str, Any]]) -> None:
        """The quotes of one shard (a part even when it has none) and its errors, if any."""
        if errors:
            _write_atomically(self.errors_path(part), lambda p: _write_jsonl(p, errors))
        else:
            self.errors_path(part).unlink(missing_ok=True)  # left by an attempt on changed input
        if self.fmt == "parquet":
            _write_atomically(self.quotes_path(part), lambda p: pq.write_table(to_table(rows), p, compression="zstd"))
        else:
            _write_atomically(self.quotes_path(part), lambda p: _write_jsonl(p, [to_json(r) for r in rows]))

    # --- run settings and manifest (the driver) ------------------------------------------------

    def settings(self) -> dict[str, Any] | None:
        path = self.root / RUN_FILE
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def start(self, settings: dict[str, Any]) -> None:
        """Record the run's settings, or check them against those of the run being resumed."""
        previous = self.settings()
        if previous is None:
            self.root.mkdir(parents=True, exist_ok=True)
            _write_atomically(
                self.root / RUN_FILE,
                lambda p: p.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8"),
            )
            return
        changed = [k for k in FIXED_SETTINGS if previous.get(k) != settings.get(k)]
        if changed:
            what = "; ".join(f"{k}: {previous.get(k)!r} there, {settings.get(k)!r} now" for k in changed)
            raise OutputMismatch(f"{self.root} holds a run with other settings ({what}); use another --out")
        manifest = self.root / MANIFEST
        if manifest.exists() and not manifest.read_bytes().endswith(b"\n"):
            with manifest.open("a", encoding="utf-8") as f:  # end a line torn by a crash
                f.write("\n")

    def done(self) -> dict[int, dict[str, Any]]:
        """The finished shards by index (a torn last line, from a crash while appending, is ignored)."""
        path = self.root / MANIFEST
        if not path.exists():
            return {}
        entries = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except json.JSONDecodeError:
                continue
            entries[entry["shard"]] = entry
        return entries

    def record(self, entry: dict[str, Any]) -> None:
        """Append a finished shard to the manifest, durably (its parts are already in place)."""
        with (self.root / MANIFEST).open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
