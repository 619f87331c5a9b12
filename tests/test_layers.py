"""The server's packages import one way: language data and the document model at the bottom,
then learned inference, then extraction and claims, then serving, then training on top."""

from __future__ import annotations

import importlib.util

from conftest import ROOT


def _graph_module():
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts" / "import_graph.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GRAPH = _graph_module()


def test_no_upward_or_sideways_imports():
    assert GRAPH.violations(GRAPH.graph()) == []


def test_no_import_cycles():
    assert GRAPH.cycles(GRAPH.graph()) == []


def test_the_checker_sees_a_violation_and_a_cycle():
    g = {
        "zitat_server.language.cues": {"zitat_server.extraction.attribution"},
        "zitat_server.extraction.attribution": {"zitat_server.extraction.mentions"},
        "zitat_server.extraction.mentions": {"zitat_server.extraction.attribution"},
    }
    assert GRAPH.violations(g) == [
        "zitat_server.language.cues -> zitat_server.extraction.attribution (language may not import extraction)"
    ]
    assert GRAPH.cycles(g) == [["zitat_server.extraction.attribution", "zitat_server.extraction.mentions"]]


def test_every_module_is_in_a_known_layer():
    for module in GRAPH.graph():
        assert GRAPH.layer(module) in GRAPH.ALLOWED, module


def test_function_level_imports_count(tmp_path):
    pkg = tmp_path / "zitat_server"
    (pkg / "language").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "language" / "__init__.py").write_text("")
    source = pkg / "language" / "cues.py"
    source.write_text("def f():\n    from zitat_server.serving import server\n")
    known = {"zitat_server", "zitat_server.language", "zitat_server.language.cues", "zitat_server.serving.server"}
    assert GRAPH.imports(source, "zitat_server.language.cues", known) == {"zitat_server.serving.server"}
