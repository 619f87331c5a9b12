#!/usr/bin/env bash
# The project's checks: ruff, then pytest. Starts a throwaway PostgreSQL for the store tests
# when the machine can run one (scripts/start_postgres.sh); without it those tests skip.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ZITAT_TEST_PG_DSN:-}" ]; then
  eval "$(bash scripts/start_postgres.sh)"
  trap 'eval "$ZITAT_TEST_PG_STOP"' EXIT
fi
ruff check .
python -m pytest -q "$@"
