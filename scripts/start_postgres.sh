#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for the claim-store tests and benchmarks.
#
#   eval "$(scripts/start_postgres.sh)"     # sets ZITAT_TEST_PG_DSN (and ZITAT_TEST_PG_STOP)
#   ... run tests ...
#   eval "$ZITAT_TEST_PG_STOP"
#
# Installs Debian's postgresql package when no initdb is found (needs root), initialises a
# cluster in a temporary directory, runs it as the unprivileged "postgres" user when started as
# root (the server refuses to run as root), on a free local port and a private unix-socket
# directory, and creates the database. Only the export lines go to stdout; the log to stderr.
set -euo pipefail

log() { echo "start_postgres: $*" >&2; }

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then echo "$d"; return 0; fi
  done
  return 1
}

BIN=$(find_bin || true)
if [[ -z "$BIN" ]]; then
  log "PostgreSQL not found; installing it with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin)
fi
log "using $BIN"

RUN=()
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  RUN=(runuser -u postgres --)
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/zitat-pg.XXXXXX")
chmod 755 "$DIR"
[[ ${#RUN[@]} -gt 0 ]] && chown postgres "$DIR"
PORT=${ZITAT_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
DB=${ZITAT_PG_DB:-zitat_test}

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2 \
  || { cat "$DIR/server.log" >&2; exit 1; }
"${RUN[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB" >&2

log "PostgreSQL running on 127.0.0.1:$PORT (data in $DIR)"
STOP="${RUN[*]} $BIN/pg_ctl -D $DIR/data -m fast stop >/dev/null && rm -rf $DIR"
echo "export ZITAT_TEST_PG_DSN=postgresql://postgres@127.0.0.1:$PORT/$DB"
printf 'export ZITAT_TEST_PG_STOP=%q\n' "$STOP"
