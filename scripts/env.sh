# Shared settings for the provisioning scripts (sourced, not run).
# Everything downloaded or built is cached outside the repo, keyed by version. Sourcing it also
# sets strict mode and `here`, the scripts folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RELANCE_CACHE="${RELANCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/relance}"
TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEMPORAL_TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.38.0}"
SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
mkdir -p "$RELANCE_CACHE"
log() { printf '[relance] %s\n' "$*" >&2; }

# Installs Debian packages ("$@", options first) when run as root where apt-get exists; fails
# otherwise. Waits for another install's lock. Their system services are not started
# (policy-rc.d 101): the tests run servers of their own, on their own ports.
apt_install() {
  { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; } || return 1
  log "installing $* (Debian packages), first run only"
  local policy=/usr/sbin/policy-rc.d had=0 status=0
  [ -e "$policy" ] && had=1
  [ "$had" = 1 ] || { printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; }
  { apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@"; } >&2 || status=$?
  [ "$had" = 1 ] || rm -f "$policy"
  return "$status"
}
