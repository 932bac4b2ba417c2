#!/usr/bin/env bash
# Prints the path of a Chromium binary for the console's browser tests (driven by playwright-core),
# installing Debian's chromium package when none is found. $CHROMIUM names one to use instead.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

find_bin() {
  if [ -n "${CHROMIUM:-}" ] && [ -x "$CHROMIUM" ]; then echo "$CHROMIUM"; return 0; fi
  # The path found last time, kept in the cache: no search on later runs.
  if [ -f "$RELANCE_CACHE/chromium-path" ]; then
    local cached; cached="$(cat "$RELANCE_CACHE/chromium-path")"
    [ -x "$cached" ] && { echo "$cached"; return 0; }
  fi
  local c
  for c in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then
      readlink -f "$(command -v "$c")" | tee "$RELANCE_CACHE/chromium-path"; return 0
    fi
  done
  return 1
}

if find_bin; then exit 0; fi
apt_install chromium && find_bin && exit 0
log "no Chromium found: install Debian's chromium package or set CHROMIUM=/path/to/chrome"
exit 2
