#!/usr/bin/env bash
# The event store benchmark (issue 3): compiles the project, then runs uk.customerhub.infra.benchmark.EventStoreBenchmark
# (a plain main class under infra/src/test, never run by the test suite) on the test classpath and prints one table.
# Takes under ten minutes on 2 cores with the default sizes.
#
#   scripts/benchmark.sh                                   # the full run
#   BENCH_OPTS="-Dbench.window=3 -Dbench.growthLarge=100000 -Dbench.growthHuge=0 -Dbench.compareEvents=20000" \
#     scripts/benchmark.sh                                 # a quick try
#
# Environment: BENCH_HEAP (default 8g: the in-memory store takes about 4 KB of heap per stored event, so growth to
# 1,000,000 events fits and 3,000,000 is skipped with a note unless the heap is about 16g), BENCH_OPTS (extra JVM
# options, e.g. -Dbench.* sizes, see EventStoreBenchmark.Settings), HUB_MONGO_FSYNC (as for the hub itself),
# SKIP_BUILD=1 (reuse the last build).
set -euo pipefail
cd "$(dirname "$0")/.."

classpath_file=infra/target/benchmark.classpath
if [[ "${SKIP_BUILD:-0}" != "1" || ! -s "$classpath_file" ]]; then
  echo "building (mvn test-compile) …" >&2
  mvn -B -q -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
fi

# Run from a private copy of the compiled classes, so a build started meanwhile (mvn clean …) cannot pull them away.
run_dir=$(mktemp -d "${TMPDIR:-/tmp}/customer-hub-benchmark.XXXXXX")
trap 'rm -rf "$run_dir"' EXIT
classpath=""
index=0
IFS=':' read -r -a entries <<< "infra/target/test-classes:infra/target/classes:$(cat "$classpath_file")"
for entry in "${entries[@]}"; do
  if [[ -d "$entry" ]]; then
    index=$((index + 1))
    cp -r "$entry" "$run_dir/classes-$index"
    entry="$run_dir/classes-$index"
  fi
  classpath="${classpath:+$classpath:}$entry"
done

java -Xmx"${BENCH_HEAP:-8g}" -XX:+UseG1GC \
  -Daxoniq.update-checker.disabled=true \
  -Dbench.dataDir="$run_dir/data" \
  ${BENCH_OPTS:-} \
  -cp "$classpath" \
  uk.customerhub.infra.benchmark.EventStoreBenchmark
