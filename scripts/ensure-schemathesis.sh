#!/usr/bin/env bash
# Prints the path of the `schemathesis` CLI (the OpenAPI fuzzer run by tests/api/fuzz.test.ts),
# installed from PyPI into a virtual environment cached per version (first run only).
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

venv="$RELANCE_CACHE/schemathesis/$SCHEMATHESIS_VERSION"
bin="$venv/bin/schemathesis"
# The marker is written last: a venv without it is a broken install and is made again.
if [ -f "$venv/.installed" ]; then echo "$bin"; exit 0; fi

usable() { command -v python3 >/dev/null 2>&1 && python3 -c 'import sys, venv, ensurepip; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; }
# Debian's python3 comes without ensurepip: python3-venv brings it (as ensure-postgres.sh installs PostgreSQL).
usable || apt_install python3 python3-venv || true
usable || { log "python3 >= 3.10 with the venv and ensurepip modules is required for schemathesis (Debian: python3-venv)"; exit 2; }
python_bin="$(command -v python3)"

mkdir -p "$(dirname "$venv")"
# Test runs of several clones share the cache: one installs, the others wait for it.
exec 9>"$venv.lock"
flock 9
if [ -f "$venv/.installed" ]; then echo "$bin"; exit 0; fi
log "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $venv (first run only)"
rm -rf "$venv"
# Scripts in a venv name their interpreter by absolute path, so it is built where it stays.
"$python_bin" -m venv "$venv" >&2
"$venv/bin/python" -m pip install -q "schemathesis==$SCHEMATHESIS_VERSION" >&2
"$bin" --version >&2
touch "$venv/.installed"
echo "$bin"
