"""The generated client code must match proto/: regenerate and compare byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_proto", ROOT / "scripts" / "gen_proto.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_code_is_fresh(tmp_path):
    gen = _generator()
    fresh = tmp_path / "_proto"
    gen.generate(fresh)
    committed = gen.DEFAULT_OUT
    fresh_files = {p.relative_to(fresh) for p in fresh.rglob("*.py*")}
    committed_files = {p.relative_to(committed) for p in committed.rglob("*.py*") if "__pycache__" not in p.parts}
    assert fresh_files == committed_files, "run: python scripts/gen_proto.py"
    for rel in sorted(fresh_files):
        assert (fresh / rel).read_bytes() == (committed / rel).read_bytes(), (
            f"{rel} is stale"
        )
