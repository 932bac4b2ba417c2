#!/usr/bin/env bash
# Prints the path of a Dovecot binary with its IMAP server (tests: a real IMAP server the mailbox
# watchers read), installing Debian's dovecot-imapd when missing. The package's own system
# instance is stopped and left off: each test run starts its own, on its own port and directory.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

find_bin() {
  if [ -n "${DOVECOT:-}" ] && [ -x "$DOVECOT" ]; then echo "$DOVECOT"; return 0; fi
  local d
  for d in "$(command -v dovecot 2>/dev/null || true)" /usr/sbin/dovecot; do
    [ -n "$d" ] && [ -x "$d" ] && [ -x /usr/lib/dovecot/imap ] && { echo "$d"; return 0; }
  done
  return 1
}

if find_bin; then exit 0; fi
apt_install --no-install-recommends dovecot-imapd && find_bin && exit 0
log "no Dovecot found: install Debian's dovecot-imapd or set DOVECOT to its dovecot binary"
exit 2
