"""The claim-store subcommands of ``zitat``: ``ingest``, ``speakers`` and ``claims``.

:data:`COMMANDS` are registered by :mod:`zitat_client.cli`, so they share its connection
options, exit codes and error handling.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from zitat_client import taskformat
from zitat_client.claims import SPEAKER_TYPES, ClaimFilter, IngestResult, SpeakerSummary, StoredClaim
from zitat_client.cli_command import EXIT_ERROR, EXIT_OK, CliError, Command
from zitat_client.client import Client
from zitat_client.errors import ZitatError

INPUT_SUFFIXES = (".txt", ".json")
STATUSES = ("CREATED", "UPDATED", "UNCHANGED", "FAILED")


def _date(text: str) -> dt.date:
    """argparse type of ``--date``/``--since``/``--until``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


# --- progress -----------------------------------------------------------------------------------


class Progress:
    """A progress bar on a terminal, plain lines elsewhere (a log must not fill up with ``\\r``).

    Small on purpose: the client depends on nothing but grpc, so no tqdm.
    """

    WIDTH = 30

    def __init__(self, total: int, out: TextIO, label: str = "documents") -> None:
        self.total = total
        self.out = out
        self.label = label
        self.done = 0
        self.tty = out.isatty()
        self._started = time.monotonic()
        self._reported = -1  # last tenth reported as a plain line

    def _rate(self) -> float:
        return self.done / max(time.monotonic() - self._started, 1e-9)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.tty:
            filled = self.WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.out.write(f"\r[{bar}] {self.done}/{self.total} {self.label} ({self._rate():.1f}/s)")
        elif (tenth := 10 * self.done // max(self.total, 1)) > self._reported:
            self._reported = tenth
            self.out.write(f"{self.done}/{self.total} {self.label}\n")
        self.out.flush()

    def close(self) -> None:
        if self.tty:
            self.out.write("\n")
            self.out.flush()


# --- ingest -------------------------------------------------------------------------------------


def input_files(paths: Iterable[str]) -> list[Path]:
    """The files named, with directories expanded to the .txt/.json files below them (sorted)."""
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in INPUT_SUFFIXES and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise CliError(f"{name}: no such file or directory")
    return files


def document_for(path: Path, outlet: str, date: dt.date | None) -> dict[str, Any]:
    """Keyword arguments of one ingested document: plain text, or a task file rebuilt to text
    (its date from the document name, else ``date``). The id is the outlet and the path, so
    the same file ingested for two outlets gives two documents."""
    document: dict[str, Any] = {"id": f"{outlet}:{path}" if outlet else str(path), "outlet": outlet}
    try:
        if path.suffix == ".json":
            task = taskformat.load(path)
            text, _ = taskformat.detokenize(task.sentences)
            document.update(text=text, title=task.document_name or "", published_at=task.date or date)
        else:
            document.update(text=path.read_text(encoding="utf-8"), published_at=date)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as err:
        raise CliError(f"{path}: cannot read: {err}") from err
    return document


def _ingest_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="text file, SpkAtt task .json (rebuilt to text), or a directory of them",
    )
    parser.add_argument("--outlet", default="", metavar="NAME", help="the outlet that published the documents")
    parser.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="publication date (task files: only when their name has none)"
    )


def _ingest(args: argparse.Namespace, client: Client) -> int:
    documents = [document_for(path, args.outlet, args.date) for path in input_files(args.paths)]
    progress = Progress(len(documents), sys.stderr)
    statuses: Counter[str] = Counter()
    claims = 0
    # One stream for all files; its deadline grants every document the per-call timeout.
    results: Iterator[IngestResult] = client.ingest(documents, timeout=args.timeout * max(len(documents), 1))
    for result in results:
        statuses[result.status] += 1
        claims += result.claim_count
        progress.advance()
        try:
            result.raise_for_error()
        except ZitatError as err:  # this document failed; the others go on
            print(f"\nzitat: {err}" if progress.tty else f"zitat: {err}", file=sys.stderr)
    progress.close()
    counts = ", ".join(f"{statuses[s]} {s.lower()}" for s in STATUSES)
    print(f"{len(documents)} documents: {counts}; {claims} claims")
    return EXIT_ERROR if statuses["FAILED"] else EXIT_OK


# --- speakers and claims ------------------------------------------------------------------------


def _day(when: dt.datetime | None) -> str:
    return when.date().isoformat() if when else "undated"


def _type(name: str) -> str:
    return name.lower() if name and name != "UNSPECIFIED" else "?"


def speaker_line(speaker: SpeakerSummary) -> str:
    """``Rustem Umjerow [person]: 8 claims, 2024-09-03..2024-09-04; also Umjerow; Verteidigungsminister``,
    ``Polizei (Kassel) [organization]: …``."""
    where = f" ({speaker.qualifier})" if speaker.qualifier else ""
    line = (f"{speaker.name}{where} [{_type(speaker.type)}]: {speaker.claim_count} claims, "
            f"{_day(speaker.first_seen)}..{_day(speaker.last_seen)}")
    others = [alias for alias in speaker.aliases if alias != speaker.name]
    if others:
        line += "; also " + ", ".join(others)
    if speaker.roles:
        line += "; " + ", ".join(role.role for role in speaker.roles)
    return line


def claim_who(claim: StoredClaim) -> str:
    """Who said it: the speaker ("Polizei (Kassel)"), an anonymous source with the organisation it
    speaks for ("Sprecher, Innenministerium") or alone ("Augenzeuge (anonymous)"), or the source as
    written with the reason it has no speaker ("Er (pronoun)")."""
    speaker = claim.speaker_name + (f" ({claim.speaker_qualifier})" if claim.speaker_qualifier else "")
    if claim.anonymous:
        role = claim.source_role or "anonymous"
        return f"{role}, {speaker}" if speaker else f"{role} (anonymous)"
    if speaker:
        return speaker
    source = claim.source.text if claim.source else ""
    if source and claim.unresolved_reason:
        return f"{source} ({claim.unresolved_reason})"
    return source or "?"


def claim_line(claim: StoredClaim) -> str:
    """``2024-09-03 Ukrinform [DIRECT] Rustem Umjerow: „…“ (document id)``."""
    who = claim_who(claim)
    outlet = f" {claim.outlet}" if claim.outlet else ""
    text = claim.text.strip('„“‚‘"»« ')
    return f"{_day(claim.published_at)}{outlet} [{claim.form}] {who}: „{text}“ ({claim.document_id})"


def _format_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("json", "text"),
        default="text",
        help="json: one array; text: one line each (default: %(default)s)",
    )


def _write(items: Iterable[Any], fmt: str, line: Callable[[Any], str], out: TextIO) -> None:
    """``items`` as one JSON array, or one ``line(item)`` each (streamed: pages arrive lazily)."""
    if fmt == "json":
        json.dump([item.to_dict() for item in items], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for item in items:
        out.write(line(item) + "\n")


def _speaker_type(text: str) -> str:
    """argparse type of ``--type``: a speaker type in any case, as the API names it."""
    if text and text.upper() not in SPEAKER_TYPES:
        kinds = ", ".join(t.lower() for t in SPEAKER_TYPES)
        raise argparse.ArgumentTypeError(f"not a speaker type: {text!r} ({kinds})")
    return text.upper()


def _type_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--type", default="", type=_speaker_type, metavar="TYPE",
                        help=f"{help_text}: {', '.join(t.lower() for t in SPEAKER_TYPES)}")


def _speakers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", default="", help="only speakers with an alias containing this text")
    _type_argument(parser, "only speakers of this type")
    _format_argument(parser)


def _speakers(args: argparse.Namespace, client: Client) -> int:
    speakers = client.list_speakers(name_contains=args.name, type=args.type, timeout=args.timeout)
    _write(speakers, args.format, speaker_line, sys.stdout)
    return EXIT_OK


def _claims_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--speaker", default="", metavar="NAME", help="full name, alias or unique surname")
    parser.add_argument("--query", default="", metavar="TEXT", help="full-text search: every word must occur")
    parser.add_argument("--outlet", default="", metavar="NAME", help="only claims of this outlet")
    parser.add_argument("--since", type=_date, metavar="YYYY-MM-DD", help="only claims published on or after")
    parser.add_argument("--until", type=_date, metavar="YYYY-MM-DD", help="only claims published before")
    _type_argument(parser, "only claims whose speaker has this type")
    _format_argument(parser)


def claim_filter(args: argparse.Namespace) -> ClaimFilter:
    return ClaimFilter(
        speaker_name=args.speaker, query=args.query, outlet=args.outlet, since=args.since, until=args.until,
        speaker_type=args.type,
    )


def _claims(args: argparse.Namespace, client: Client) -> int:
    _write(client.search_claims(claim_filter(args), timeout=args.timeout), args.format, claim_line, sys.stdout)
    return EXIT_OK


#: The subcommands of this module, in help order; zitat_client.cli registers them.
COMMANDS: tuple[Command, ...] = (
    Command("ingest", "extract documents and keep their claims in the server's store", _ingest_arguments, _ingest),
    Command("speakers", "list the speakers in the store, most claims first", _speakers_arguments, _speakers),
    Command("claims", "search the stored claims by speaker, text, outlet and date", _claims_arguments, _claims),
)
