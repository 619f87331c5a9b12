"""What a subcommand of ``zitat`` is, and how it reports its outcome.

Below :mod:`zitat_client.cli` (the registry, parser and error handling) and the modules that
define subcommands (:mod:`zitat_client.cli_claims`), so that those hand their :class:`Command`
values up instead of importing the module that registers them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from zitat_client.client import Client

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_UNREACHABLE = 2


class CliError(Exception):
    """A user-facing failure (bad input file…): printed without a traceback, exit 1."""


@dataclass(frozen=True)
class Command:
    """A subcommand: ``add_arguments(parser)`` declares its options, ``run(args, client)``
    does the work and returns the exit code."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Client], int]
