"""The ``zitat`` command line.

Subcommands live in a registry (:data:`COMMANDS`): a new one is one :func:`add_command` call
with a function that adds its arguments and one that runs it. ``extract`` is defined here; the
claim-store ones (``ingest``, ``speakers``, ``claims``) are :data:`zitat_client.cli_claims.COMMANDS`,
registered at the end of this module. Every subcommand gets the connection options (``--server``, ``--timeout``,
``--tls``, ``--ca-cert``, ``--token``), a :class:`~zitat_client.Client` and the shared error handling:

* exit 0 on success;
* exit 1 when the server rejected a request or a document, or an input file is unusable;
* exit 2 when the server cannot be reached (UNAVAILABLE) — and, as usual, on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from zitat_client import cli_claims, taskformat
from zitat_client.channel import DEFAULT_TARGET
from zitat_client.cli_command import EXIT_ERROR, EXIT_OK, EXIT_UNREACHABLE, CliError, Command
from zitat_client.client import Client
from zitat_client.errors import Unavailable, ZitatError
from zitat_client.models import Extraction, Quote

COMMANDS: dict[str, Command] = {}


def add_command(
    name: str,
    help: str,
    add_arguments: Callable[[argparse.ArgumentParser], None],
    run: Callable[[argparse.Namespace, Client], int],
) -> None:
    """Register a subcommand; :func:`build_parser` picks up every registered one."""
    if name in COMMANDS:
        raise ValueError(f"command {name!r} is already registered")
    COMMANDS[name] = Command(name, help, add_arguments, run)


def _connection_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("server connection")
    group.add_argument("--server", default=os.environ.get("ZITAT_SERVER", DEFAULT_TARGET),
                       metavar="HOST:PORT", help="server address (default: $ZITAT_SERVER or %(default)s)")
    group.add_argument("--timeout", type=float, default=30.0, metavar="S",
                       help="deadline per call in seconds (default: %(default)s)")
    group.add_argument("--tls", action="store_true", help="connect with TLS")
    group.add_argument("--ca-cert", metavar="PEM", help="root certificates for TLS (implies --tls)")
    group.add_argument("--token", default=os.environ.get("ZITAT_TOKEN"), metavar="TOKEN",
                       help="bearer token for a server with --auth-token-file (default: $ZITAT_TOKEN)")
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The parser with one subparser per registered command."""
    parser = argparse.ArgumentParser(prog="zitat", description="Find and attribute quotes in German news.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    connection = _connection_options()
    for command in COMMANDS.values():
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help,
                                    parents=[connection])
        command.add_arguments(sub)
        sub.set_defaults(command_run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (the console script exits with it)."""
    args = build_parser().parse_args(argv)
    try:
        with Client(args.server, timeout=args.timeout, tls=args.tls or bool(args.ca_cert),
                    root_certificates=args.ca_cert, token=args.token or None) as client:
            return args.command_run(args, client)
    except Unavailable as err:
        print(f"zitat: cannot reach the zitat server at {args.server}: {err.message}", file=sys.stderr)
        return EXIT_UNREACHABLE
    except (ZitatError, CliError) as err:
        print(f"zitat: {err}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


# --- extract ------------------------------------------------------------------------------------


def _document(path: str) -> dict[str, Any]:
    """Keyword arguments of one request for FILE: raw text, or the tokens of a task file."""
    try:
        content = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        if path == "-" or path.endswith(".json"):
            try:
                raw = json.loads(content)
            except json.JSONDecodeError:
                raw = None
            if isinstance(raw, dict) and "Sentences" in raw:
                if path == "-":
                    return {"id": path, "sentences": [s["Tokens"] for s in raw["Sentences"]]}
                task = taskformat.load(path)
                return {"id": path, "sentences": task.sentences, "published_at": task.date}
    except (OSError, UnicodeDecodeError, KeyError, TypeError) as err:
        raise CliError(f"{path}: cannot read: {err}") from err
    return {"id": path, "text": content}


def _quote_line(quote: Quote) -> str:
    """``[DIRECT] Rustem Umjerow (Umjerow) schrieb: „Ich setze …“``."""
    source = quote.source.text if quote.source else ""
    name = quote.speaker.canonical_name if quote.speaker else ""
    who = name or source or "?"
    if name and source and source != name:
        who += f" ({source})"
    cue = " ".join(span.text for span in quote.cue)
    message = " … ".join(span.text for span in quote.message).strip("„“‚‘\"»«")
    return f"[{quote.form}] {who}{' ' + cue if cue else ''}: „{message}“"


def _write_text(result: Extraction, out: TextIO) -> None:
    out.write(f"# {result.document_id} ({len(result.quotes)} quotes)\n")
    for quote in result.quotes:
        out.write(_quote_line(quote) + "\n")


def _extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="text file, SpkAtt task .json (sent pre-tokenised), or - for stdin")
    parser.add_argument("--format", choices=("json", "jsonl", "text"), default="text",
                        help="json: one array; jsonl: one document per line; text: for humans "
                             "(default: %(default)s)")


def _extract(args: argparse.Namespace, client: Client) -> int:
    documents = [_document(path) for path in args.files]  # all inputs checked before any call
    out: TextIO = sys.stdout
    collected: list[dict[str, Any]] = []
    failed = 0
    # One stream for all files; its deadline grants every document the per-call timeout.
    results: Iterator[Extraction] = client.extract_many(documents, timeout=args.timeout * len(documents))
    for result in results:
        try:
            result.raise_for_error()
        except ZitatError as err:  # this document failed; the others go on
            failed += 1
            print(f"zitat: {err}", file=sys.stderr)
            continue
        if args.format == "json":
            collected.append(result.to_dict())
        elif args.format == "jsonl":
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            _write_text(result, out)
        out.flush()
    if args.format == "json":
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    return EXIT_ERROR if failed else EXIT_OK


add_command("extract", "find the quotes in text files and print them", _extract_arguments, _extract)
for _command in cli_claims.COMMANDS:  # ingest, speakers, claims
    add_command(_command.name, _command.help, _command.add_arguments, _command.run)
