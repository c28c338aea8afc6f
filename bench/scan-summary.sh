#!/bin/sh
# Runs the scan summary benchmark (src/test/java/io/vigil/bench/ScanSummaryBench.java). The test
# suite does not run it. Options: -Dbench.scans, -Dbench.hosts, -Dbench.runs,
# -Dbench.scansPerInsert and -Dbench.liveHeapSampleMs (0 turns the live heap samples off).
# HEAP sets -Xmx (default 512m). The database is an embedded H2 file unless
# -Dvigil.test.db=postgres -Dvigil.test.pg.url=jdbc:postgresql://HOST:PORT/postgres selects
# PostgreSQL, where the benchmark creates and drops its own database as the tests do.
set -eu
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
exec java -Xmx"${HEAP:-512m}" "$@" \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.vigil.bench.ScanSummaryBench
