from __future__ import annotations

import os
from pathlib import Path

import pytest
from zitat_server.serving.launch import Endpoints, running_endpoints
from zitat_server.training.corpora import EXAMPLES

ROOT = Path(__file__).resolve().parent.parent

# Test servers run one worker process unless a test asks for more (--workers): the machine is
# small and most tests are about what a server answers, not how many cores it uses.
os.environ.setdefault("ZITAT_WORKERS", "1")
# Server processes import test helpers (slow_pipeline) as the tests do.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "tests"), os.environ.get("PYTHONPATH")]))


@pytest.fixture(scope="session")
def server_endpoints(tmp_path_factory) -> Endpoints:
    """A real zitat-server (default pipeline) on free local ports (gRPC, and HTTP for the page
    and JSON API), shared by the session's tests."""
    store = tmp_path_factory.mktemp("store") / "claims.sqlite3"
    with running_endpoints("--store", str(store)) as started:
        yield started


@pytest.fixture(scope="session")
def server_target(server_endpoints) -> str:
    return server_endpoints.target


@pytest.fixture(scope="session")
def default_pipeline():
    """The default pipeline in this process, loaded once (it takes seconds)."""
    from zitat_server.extraction.pipeline import Pipeline

    return Pipeline("default")


@pytest.fixture(scope="session")
def example_text() -> str:
    return (EXAMPLES / "umjerow-boeing.txt").read_text(encoding="utf-8")
