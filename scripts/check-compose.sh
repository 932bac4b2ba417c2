#!/usr/bin/env bash
# Validates a compose file the way `docker compose config` does: Compose Specification schema,
# ${VAR} interpolation (environment and the file's .env), normalization, consistency checks.
# Usage: scripts/check-compose.sh [--yaml] [COMPOSE_FILE]   (default: the repo's docker-compose.yml)
# On success prints the service names, one per line (--yaml: the normalized model), and exits 0;
# otherwise prints the loader's error on stderr and exits 1 (2: bad usage, 3: no checker at hand).
# Uses `docker compose` when a compose plugin answers; else scripts/compose-check (compose-go,
# the library Docker Compose is built on), built once into the cache, keyed by its sources.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

format=services
if [ "${1:-}" = "--yaml" ]; then format=yaml; shift; fi
[ $# -le 1 ] || { log "usage: check-compose.sh [--yaml] [COMPOSE_FILE]"; exit 2; }
file="${1:-$(dirname "$here")/docker-compose.yml}"
[ -f "$file" ] || { log "no compose file at $file"; exit 2; }

if docker compose version >/dev/null 2>&1; then
  args=(config); [ "$format" = yaml ] || args+=(--services)
  out="$(docker compose -f "$file" "${args[@]}")" || { log "$file: invalid (docker compose config)"; exit 1; }
  printf '%s\n' "$out"
  log "$file: valid (docker compose config)"
  exit 0
fi

src="$here/compose-check"
hash="$(cat "$src/go.mod" "$src/go.sum" "$src/main.go" | sha256sum | cut -c1-16)"
bin_dir="$RELANCE_CACHE/compose-check/$hash"
bin="$bin_dir/compose-check"
if [ ! -x "$bin" ]; then
  go_bin="$(command -v go || true)"
  [ -n "$go_bin" ] || { [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go; } || true
  if [ -z "$go_bin" ]; then
    log "neither a docker compose plugin nor Go is available to check $file"
    exit 3
  fi
  log "building compose-check with $("$go_bin" env GOVERSION) (first run only, under a minute once modules are downloaded)"
  mkdir -p "$bin_dir"
  # Build into a temporary folder and move atomically: an interrupted or concurrent build
  # never leaves a broken binary behind.
  tmp="$(mktemp -d "$bin_dir/build.XXXXXX")"
  if ! (cd "$src" && "$go_bin" build -trimpath -buildvcs=false -o "$tmp/compose-check" .) >&2; then
    rm -rf "$tmp"
    log "go build of scripts/compose-check failed"
    exit 3
  fi
  mv -f "$tmp/compose-check" "$bin"
  rmdir "$tmp"
fi

out="$("$bin" -format "$format" "$file")" || { log "$file: invalid (compose-go)"; exit 1; }
printf '%s\n' "$out"
log "$file: valid (compose-go)"
