"""The input of a batch run, cut into shards: text and task files, JSONL, Parquet.

A shard is a run of consecutive documents from one source: a slice of the sorted text and
task files of a directory, a range of lines of a JSONL file, or a range of rows of a Parquet
file. The driver plans shards from the file listing, line offsets and Parquet metadata (never
holding the texts); a worker reads its shard's documents itself. Shards are numbered in a
fixed order, so a rerun over the same input finds the same shards: they are the unit of work
and of restart.

JSONL and Parquet documents have ``id`` and ``text`` and optionally ``outlet``,
``published_at`` (ISO date or time) and ``url``; a text or task file's id is its path relative
to the input directory. A document that cannot be read becomes an :class:`InputError`, not an
exception: one bad row must not stop an archive.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from zitat_client.cli_claims import document_for
from zitat_client.cli_command import CliError

TEXT_SUFFIXES = (".txt", ".json")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet",)
FIELDS = ("id", "text", "outlet", "published_at", "url")

FILES, JSONL, PARQUET = "files", "jsonl", "parquet"


@dataclass(frozen=True, slots=True)
class Shard:
    """Documents ``[start, stop)`` of one source; what ``start``/``stop`` count depends on ``kind``.

    ``files``: indices into ``files`` (paths relative to the directory ``path``); ``jsonl``: byte
    offsets, ``first`` the line number at ``start``; ``parquet``: row numbers.
    """

    index: int
    kind: str
    path: str
    start: int
    stop: int
    count: int
    first: int = 0
    files: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The name of its part files."""
        return f"part-{self.index:06d}"

    def describe(self) -> str:
        """What it covers, in words; a rerun checks that its shards still cover the same."""
        if self.kind == FILES:
            return f"{self.path}: {self.count} files {self.files[0]} .. {self.files[-1]}"
        if self.kind == JSONL:
            return f"{self.path}: {self.count} documents from line {self.first} (bytes {self.start}-{self.stop})"
        return f"{self.path}: rows {self.start}-{self.stop}"

    def to_row(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "kind": self.kind,
            "path": self.path,
            "start": self.start,
            "stop": self.stop,
            "count": self.count,
            "first": self.first,
            "files": list(self.files),
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Shard:
        return cls(**{**row, "files": tuple(row.get("files") or ())})


@dataclass(slots=True)
class InputDocument:
    id: str
    text: str
    where: str  # the file (and line or row) it came from, for error rows
    outlet: str = ""
    url: str = ""
    title: str = ""
    published_at: datetime | None = None


@dataclass(slots=True)
class InputError:
    """A document that could not be read: it goes to the errors file with its reason."""

    id: str
    where: str
    reason: str


class InputNotFound(ValueError):
    pass


# --- planning (the driver) ----------------------------------------------------------------------


@dataclass(slots=True)
class _Sources:
    text_files: list[str] = field(default_factory=list)  # relative to the root directory
    jsonl: list[Path] = field(default_factory=list)
    parquet: list[Path] = field(default_factory=list)


def _sources(root: Path) -> tuple[Path, _Sources]:
    """The directory that text-file ids are relative to, and the input files by kind, sorted.

    Paths are absolute: workers do not share the driver's working directory.
    """
    root = root.resolve()
    found = _Sources()
    if root.is_file():
        _add(found, root, root.parent)
        return root.parent, found
    if not root.is_dir():
        raise InputNotFound(f"{root}: no such file or directory")
    for directory, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            _add(found, Path(directory) / name, root)
    return root, found


def _add(found: _Sources, path: Path, root: Path) -> None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        found.text_files.append(path.relative_to(root).as_posix())
    elif suffix in JSONL_SUFFIXES:
        found.jsonl.append(path)
    elif suffix in PARQUET_SUFFIXES:
        found.parquet.append(path)


def _jsonl_lines(path: Path) -> Iterator[tuple[int, int, int]]:
    """``(line number, start offset, end offset)`` of every non-blank line."""
    with path.open("rb") as f:
        offset = 0
        for number, line in enumerate(f, 1):
            end = offset + len(line)
            if line.strip():
                yield number, offset, end
            offset = end


def count_documents(root: Path) -> int:
    """How many documents the input holds (text and task files, JSONL lines, Parquet rows)."""
    base, found = _sources(root)
    count = len(found.text_files)
    count += sum(sum(1 for _ in _jsonl_lines(p)) for p in found.jsonl)
    count += sum(pq.ParquetFile(p).metadata.num_rows for p in found.parquet)
    return count


def default_batch_size(documents: int, workers: int, largest: int = 1000) -> int:
    """Enough batches for every worker to take about four (so that they finish together), and at
    most ``largest`` documents in one (a restart redoes at most one batch per worker)."""
    return max(1, min(largest, math.ceil(documents / (4 * max(workers, 1)))))


def plan(root: Path, batch_size: int) -> Iterator[Shard]:
    """The shards of the input, in a fixed order: text and task files, then JSONL, then Parquet."""
    if batch_size < 1:
        raise ValueError("the batch size must be at least 1")
    base, found = _sources(root)
    index = 0
    for i in range(0, len(found.text_files), batch_size):
        files = tuple(found.text_files[i : i + batch_size])
        yield Shard(index, FILES, str(base), i, i + len(files), len(files), files=files)
        index += 1
    for path in found.jsonl:
        chunk: list[tuple[int, int, int]] = []
        for line in _jsonl_lines(path):
            chunk.append(line)
            if len(chunk) == batch_size:
                yield _jsonl_shard(index, path, chunk)
                index += 1
                chunk = []
        if chunk:
            yield _jsonl_shard(index, path, chunk)
            index += 1
    for path in found.parquet:
        rows = pq.ParquetFile(path).metadata.num_rows
        for start in range(0, rows, batch_size):
            stop = min(rows, start + batch_size)
            yield Shard(index, PARQUET, str(path), start, stop, stop - start)
            index += 1


def _jsonl_shard(index: int, path: Path, chunk: list[tuple[int, int, int]]) -> Shard:
    return Shard(index, JSONL, str(path), chunk[0][1], chunk[-1][2], len(chunk), first=chunk[0][0])


# --- reading (the workers) ----------------------------------------------------------------------


def read_shard(shard: Shard) -> Iterator[InputDocument | InputError]:
    """The shard's documents, one at a time (texts are read here, not in the driver)."""
    if shard.kind == FILES:
        yield from _read_files(shard)
    elif shard.kind == JSONL:
        yield from _read_jsonl(shard)
    elif shard.kind == PARQUET:
        yield from _read_parquet(shard)
    else:
        raise ValueError(f"unknown shard kind {shard.kind!r}")


def _read_files(shard: Shard) -> Iterator[InputDocument | InputError]:
    root = Path(shard.path)
    for name in shard.files:
        try:
            # The reader of ``zitat ingest``: plain text, or a task file rebuilt to text.
            document = document_for(root / name, "", None)
        except CliError as err:
            yield InputError(name, name, str(err))
            continue
        yield InputDocument(
            id=name,
            text=document["text"],
            where=name,
            title=document.get("title", ""),
            published_at=_when(document.get("published_at")),
        )


def _read_jsonl(shard: Shard) -> Iterator[InputDocument | InputError]:
    name = Path(shard.path).name
    with open(shard.path, "rb") as f:
        f.seek(shard.start)
        offset, number = shard.start, shard.first
        while offset < shard.stop:
            line = f.readline()
            if not line:
                break
            offset += len(line)
            where = f"{name}:{number}"
            number += 1
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                yield InputError("", where, f"not a JSON object: {err}")
                continue
            yield _document(record, where)


def _read_parquet(shard: Shard) -> Iterator[InputDocument | InputError]:
    source = pq.ParquetFile(shard.path)
    columns = [c for c in FIELDS if c in source.schema_arrow.names]
    metadata = source.metadata
    groups, first_row, row = [], None, 0
    for g in range(metadata.num_row_groups):
        n = metadata.row_group(g).num_rows
        if row < shard.stop and shard.start < row + n:
            groups.append(g)
            first_row = row if first_row is None else first_row
        row += n
    if not groups:
        return
    table = source.read_row_groups(groups, columns=columns)
    table = table.slice(shard.start - first_row, shard.count)
    name = Path(shard.path).name
    for i, record in enumerate(table.to_pylist()):
        yield _document(record, f"{name}:row {shard.start + i}")


def _document(record: object, where: str) -> InputDocument | InputError:
    """A JSONL or Parquet record as a document, or why it is not one."""
    if not isinstance(record, dict):
        return InputError("", where, "not a JSON object")
    raw_id = record.get("id")
    if raw_id is None or raw_id == "":
        return InputError("", where, "no id")
    doc_id = str(raw_id)
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(doc_id, where, "no text" if text is None else "text is not a string")
    try:
        published_at = _when(record.get("published_at"))
    except ValueError as err:
        return InputError(doc_id, where, f"published_at: {err}")
    return InputDocument(
        id=doc_id,
        text=text,
        where=where,
        outlet=str(record.get("outlet") or ""),
        url=str(record.get("url") or ""),
        published_at=published_at,
    )


def _when(value: object) -> datetime | None:
    """A publication time: an ISO date or time (naive ones are UTC), a date, or nothing."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not an ISO date or time: {value!r}") from None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=timezone.utc)
    raise ValueError(f"not a date or time: {value!r}")
