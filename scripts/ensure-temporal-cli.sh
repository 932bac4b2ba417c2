#!/usr/bin/env bash
# Prints the path of a `temporal` CLI (dev server), finding it in this order:
# PATH, $TEMPORAL_CLI, the cache, else builds it with `go install` when Go is present.
# Exits 3 when none of these works, so the caller can fall back to the SDK's own download.
# Idempotent: a second run only checks the cache.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [ -n "${TEMPORAL_CLI:-}" ]; then
  if [ -x "$TEMPORAL_CLI" ]; then echo "$TEMPORAL_CLI"; exit 0; fi
  log "TEMPORAL_CLI=$TEMPORAL_CLI is not an executable file"; exit 2
fi
if command -v temporal >/dev/null 2>&1; then command -v temporal; exit 0; fi

bin_dir="$RELANCE_CACHE/temporal-cli/$TEMPORAL_CLI_VERSION"
if [ -x "$bin_dir/temporal" ]; then echo "$bin_dir/temporal"; exit 0; fi

go_bin="$(command -v go || true)"
[ -n "$go_bin" ] || { [ -x /usr/local/go/bin/go ] && go_bin=/usr/local/go/bin/go; } || true
if [ -n "$go_bin" ]; then
  log "building the temporal CLI $TEMPORAL_CLI_VERSION with go install (first run only, a few minutes)"
  mkdir -p "$bin_dir"
  # Build into a temporary GOBIN and move atomically, so an interrupted build never leaves a broken binary.
  tmp="$(mktemp -d "$RELANCE_CACHE/temporal-build.XXXXXX")"
  if GOBIN="$tmp" GOFLAGS="${GOFLAGS:-} -trimpath" "$go_bin" install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >&2; then
    mv "$tmp/temporal" "$bin_dir/temporal"; rmdir "$tmp"
    echo "$bin_dir/temporal"; exit 0
  fi
  rm -rf "$tmp"
  log "go install failed"
fi
exit 3
