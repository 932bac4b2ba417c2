# Shared settings for the provisioning scripts (sourced, not run).
# Everything downloaded or built is cached outside the repo, keyed by version.
RELANCE_CACHE="${RELANCE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/relance}"
TEMPORAL_CLI_VERSION="${TEMPORAL_CLI_VERSION:-v1.5.1}"
TEMPORAL_TEST_SERVER_VERSION="${TEMPORAL_TEST_SERVER_VERSION:-1.38.0}"
SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
mkdir -p "$RELANCE_CACHE"
log() { printf '[relance] %s\n' "$*" >&2; }
