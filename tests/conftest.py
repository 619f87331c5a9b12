from __future__ import annotations

from pathlib import Path

import pytest
from zitat_server.serving.launch import Endpoints, running_endpoints
from zitat_server.training.corpora import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def server_endpoints(tmp_path_factory) -> Endpoints:
    """A real zitat-server on free local ports (gRPC, and HTTP for the page and JSON API),
    shared by the session's tests."""
    store = tmp_path_factory.mktemp("store") / "claims.sqlite3"
    with running_endpoints("--store", str(store)) as started:
        yield started


@pytest.fixture(scope="session")
def server_target(server_endpoints) -> str:
    return server_endpoints.target


@pytest.fixture(scope="session")
def example_text() -> str:
    return (EXAMPLES / "umjerow-boeing.txt").read_text(encoding="utf-8")
