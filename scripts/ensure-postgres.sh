#!/usr/bin/env bash
# Prints the bin directory of a PostgreSQL server installation (initdb, pg_ctl, postgres),
# installing Debian's postgresql package when none is found.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

find_bin() {
  if [ -n "${PG_BIN_DIR:-}" ] && [ -x "$PG_BIN_DIR/initdb" ]; then echo "$PG_BIN_DIR"; return 0; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"; return 0
  fi
  return 1
}

if find_bin; then exit 0; fi
apt_install postgresql && find_bin && exit 0
log "no PostgreSQL server found: install Debian's postgresql package or set DATABASE_URL"
exit 2
