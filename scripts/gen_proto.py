"""Generate the Python protobuf/gRPC modules of the client from `proto/`.

Run from the repository root: ``python scripts/gen_proto.py [OUT_DIR]``. The generated
imports (``from zitat.v1 import quotes_pb2``) are rewritten to the client's package so
that the client does not claim the top-level ``zitat`` name. ``tests/test_proto_fresh.py``
regenerates into a temporary folder and fails when the committed files are stale.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO_ROOT = ROOT / "proto"
DEFAULT_OUT = ROOT / "client" / "src" / "zitat_client" / "_proto"
PACKAGE = "zitat_client._proto"


def generate(out: Path) -> list[Path]:
    """Run protoc for every .proto below ``proto/`` into ``out``; return the files written."""
    import grpc_tools
    from grpc_tools import protoc

    protos = sorted(str(p.relative_to(PROTO_ROOT)) for p in PROTO_ROOT.rglob("*.proto"))
    out.mkdir(parents=True, exist_ok=True)
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
    written = []
    for path in sorted(out.rglob("*.py*")):
        if path.suffix not in (".py", ".pyi"):
            continue
        text = path.read_text()
        text = re.sub(r"^from zitat\.v1 import", f"from {PACKAGE}.zitat.v1 import", text, flags=re.M)
        path.write_text(text)
        written.append(path)
    for pkg in {p.parent for p in written} | {out}:
        d = pkg
        while d != out.parent:
            (d / "__init__.py").touch()
            d = d.parent
    return written


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
