#!/usr/bin/env bash
# Prints the path of a Dovecot binary with its IMAP server (tests: a real IMAP server the mailbox
# watchers read), installing Debian's dovecot-imapd when missing. The package's own system
# instance is stopped and left off: each test run starts its own, on its own port and directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/env.sh"

find_bin() {
  if [ -n "${DOVECOT:-}" ] && [ -x "$DOVECOT" ]; then echo "$DOVECOT"; return 0; fi
  local d
  for d in "$(command -v dovecot 2>/dev/null || true)" /usr/sbin/dovecot; do
    [ -n "$d" ] && [ -x "$d" ] && [ -x /usr/lib/dovecot/imap ] && { echo "$d"; return 0; }
  done
  return 1
}

if find_bin; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing Dovecot (Debian package dovecot-imapd)"
  {
    apt-get -o DPkg::Lock::Timeout=300 update -qq
    # policy-rc.d 101: the package does not start its system service.
    policy=/usr/sbin/policy-rc.d
    had_policy=0; [ -e "$policy" ] && had_policy=1
    [ "$had_policy" = 1 ] || { printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; }
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends dovecot-imapd || status=$?
    [ "$had_policy" = 1 ] || rm -f "$policy"
    [ "${status:-0}" = 0 ]
  } >&2
  find_bin && exit 0
fi
log "no Dovecot found: install Debian's dovecot-imapd or set DOVECOT to its dovecot binary"
exit 2
