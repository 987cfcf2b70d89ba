#!/usr/bin/env bash
# The event store benchmark (issue 3): compiles the project, then runs uk.customerhub.infra.benchmark.EventStoreBenchmark
# (a plain main class under infra/src/test, never run by the test suite) on the test classpath and prints one table.
# Takes under ten minutes on 2 cores with the default sizes.
#
#   scripts/benchmark.sh                                   # the full run
#   BENCH_OPTS="-Dbench.window=3 -Dbench.growthLarge=100000 -Dbench.growthHuge=0 -Dbench.compareEvents=20000" \
#     scripts/benchmark.sh                                 # a quick try
#
# Environment: BENCH_HEAP (default 10g; growth to 3,000,000 stored events in memory needs about 8 GB, and is skipped
# with a note when the heap is too small), BENCH_OPTS (extra JVM options, e.g. -Dbench.* sizes, see
# EventStoreBenchmark.Settings), HUB_MONGO_FSYNC (as for the hub itself), SKIP_BUILD=1 (reuse the last build).
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=infra/target/benchmark.classpath
if [[ "${SKIP_BUILD:-0}" != "1" || ! -s "$classpath_file" ]]; then
  echo "building (mvn test-compile) …" >&2
  mvn -B -q -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
fi

exec java -Xmx"${BENCH_HEAP:-10g}" -XX:+UseG1GC \
  -Daxoniq.update-checker.disabled=true \
  -Dbench.dataDir=infra/target/benchmark-data \
  ${BENCH_OPTS:-} \
  -cp "infra/target/test-classes:infra/target/classes:$(cat "$classpath_file")" \
  uk.customerhub.infra.benchmark.EventStoreBenchmark
