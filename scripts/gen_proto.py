"""Generate the ``zitat-proto`` distribution's Python modules from the ``.proto`` sources.

Run from the repository root: ``python scripts/gen_proto.py [OUT_DIR]``. The sources stay in
``proto/zitat/v1/``; protoc's modules (``zitat/v1/quotes_pb2.py``) land in
``proto/src/zitat_proto/v1/`` with their imports (``from zitat.v1 import quotes_pb2``) rewritten
to ``zitat_proto.v1``, so that nobody claims the top-level ``zitat`` name. Users of other
languages compile the sources in ``proto/`` (``protoc -I proto zitat/v1/quotes.proto``).
``tests/test_proto_fresh.py`` regenerates into a temporary folder and fails when the committed
files are stale.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
SOURCES = PROTO_ROOT / "zitat"
PACKAGE = "zitat_proto"
DEFAULT_OUT = PROTO_ROOT / "src" / PACKAGE
#: The folders of the package this script writes (replacing them); the rest is hand-written.
GENERATED = ("v1",)


def _protoc(protos: list[str], out: Path) -> None:
    import grpc_tools
    from grpc_tools import protoc

    include = str(Path(grpc_tools.__file__).parent / "_proto")
    args = [
        "protoc",
        f"-I{PROTO_ROOT}",
        f"-I{include}",
        f"--python_out={out}",
        f"--pyi_out={out}",
        f"--grpc_python_out={out}",
        *protos,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")


def generate(out: Path) -> list[Path]:
    """Write the generated modules of the package folder ``out``; return them."""
    protos = sorted(p.relative_to(PROTO_ROOT) for p in SOURCES.rglob("*.proto"))
    for folder in GENERATED:
        shutil.rmtree(out / folder, ignore_errors=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        _protoc([str(p) for p in protos], Path(tmp))
        for path in sorted(Path(tmp).rglob("*.py*")):
            target = out / path.relative_to(Path(tmp) / SOURCES.name)  # zitat/v1/x.py -> v1/x.py
            text = re.sub(r"^from zitat\.", f"from {PACKAGE}.", path.read_text(), flags=re.M)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            written.append(target)
    for package in sorted({p.parent for p in written}):
        (package / "__init__.py").touch()
        written.append(package / "__init__.py")
    return written


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
