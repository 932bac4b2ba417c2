#!/usr/bin/env bash
# Prints the path of an executable that runs Temporal's time-skipping test server
# (io.temporal:temporal-test-server from Maven Central). The SDK runs it as
# `<path> <port>`, so the wrapper only `exec`s java with the resolved classpath.
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

dir="$RELANCE_CACHE/temporal-test-server/$TEMPORAL_TEST_SERVER_VERSION"
wrapper="$dir/temporal-test-server"
if [ -x "$wrapper" ]; then echo "$wrapper"; exit 0; fi

command -v java >/dev/null 2>&1 || { log "java is required for the time-skipping test server"; exit 2; }
mvn_bin="$(command -v mvn || true)"
if [ -z "$mvn_bin" ]; then
  apt_install maven || { log "maven is required to resolve the time-skipping test server (Debian: maven)"; exit 2; }
  mvn_bin="$(command -v mvn)"
fi
mkdir -p "$dir"
log "resolving io.temporal:temporal-test-server:$TEMPORAL_TEST_SERVER_VERSION from Maven Central (first run only)"
"$mvn_bin" -B -q -f "$here/test-server/pom.xml" \
  -Dtemporal.test.server.version="$TEMPORAL_TEST_SERVER_VERSION" \
  dependency:build-classpath -Dmdep.outputFile="$dir/classpath.txt" >&2
java_bin="$(command -v java)"
cat > "$wrapper.tmp" <<WRAP
#!/bin/sh
# Runs Temporal's time-skipping test server; the SDK passes the port as the only argument.
exec "$java_bin" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -cp "\$(cat "$dir/classpath.txt")" io.temporal.testserver.TestServer "\$@"
WRAP
chmod +x "$wrapper.tmp"
mv "$wrapper.tmp" "$wrapper"
echo "$wrapper"
