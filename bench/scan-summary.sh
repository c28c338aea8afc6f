#!/bin/sh
# Runs the scan summary benchmark (src/test/java/io/vigil/bench/ScanSummaryBench.java) on an
# embedded H2 database. The test suite does not run it. Options: -Dbench.scans, -Dbench.hosts,
# -Dbench.runs; HEAP sets -Xmx (default 512m).
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
exec java -Xmx"${HEAP:-512m}" "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.vigil.bench.ScanSummaryBench
