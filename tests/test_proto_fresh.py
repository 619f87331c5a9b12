"""The generated zitat-proto package must match proto/: regenerate and compare byte for byte."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("gen_proto", ROOT / "scripts" / "gen_proto.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(package: Path, folders: tuple[str, ...]) -> set[Path]:
    return {
        p.relative_to(package)
        for folder in folders
        for p in (package / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_generated_code_is_fresh(tmp_path):
    gen = _generator()
    fresh = tmp_path / "zitat_proto"
    gen.generate(fresh)
    committed = gen.DEFAULT_OUT
    fresh_files = _files(fresh, gen.GENERATED)
    assert {Path("v1/quotes_pb2.py"), Path("v1/claims_pb2_grpc.py")} <= fresh_files
    assert fresh_files == _files(committed, gen.GENERATED), "run: python scripts/gen_proto.py"
    for rel in sorted(fresh_files):
        assert (fresh / rel).read_bytes() == (committed / rel).read_bytes(), f"{rel} is stale"
