#!/usr/bin/env bash
# Install zitat-proto, zitat-client and zitat-server (with the test tools and the batch extra:
# Ray Data and pyarrow for zitat-batch), editable, into the active Python. One pip command:
# zitat-proto is not on PyPI, so pip must find it here.
# A CPU build of torch is taken from a local wheel folder when one is there (PyPI's default
# torch is a multi-GB CUDA build); otherwise pip resolves torch from PyPI as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
wheel=$(ls /opt/wheels/torch-2.13.0+cpu-*.whl 2>/dev/null | head -n 1 || true)
if [ -n "$wheel" ] && ! python -c "import torch" 2>/dev/null; then
  python -m pip install -q "$wheel"
fi
python -m pip install -q -e ./proto -e ./client -e './server[dev,batch]'
# The page tests drive Debian's Chromium (not Playwright's download, which cannot be fetched here).
bash scripts/install_browser.sh
