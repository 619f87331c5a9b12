from __future__ import annotations

from pathlib import Path

import pytest
from zitat_server.launch import running_server

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def server_target(tmp_path_factory) -> str:
    """A real zitat-server on a free local port, shared by the session's tests."""
    store = tmp_path_factory.mktemp("store") / "claims.sqlite3"
    with running_server("--store", str(store)) as (target, _proc):
        yield target


@pytest.fixture(scope="session")
def example_text() -> str:
    return (SHARED / "examples" / "umjerow-boeing.txt").read_text(encoding="utf-8")
