#!/usr/bin/env bash
# Search benchmark: generates N publications of about 1,000 words (default 100,000) into a SQLite
# database under bench/out/search (kept, so later runs skip generation), then measures the full
# reindex rate, query latency p50/p99 for 1 and 8 concurrent clients over a query mix, "other
# materials" latency and the index size. In process, without HTTP. Bounded: one pass of each.
#
#   bench/search.sh [N] [REINDEX_RUNS] [QUERIES]      e.g. bench/search.sh 100000 3 5000
#   SLOWEST=20 bench/search.sh ...                    also lists the 20 slowest requests of each query run
#   CORPUS=dense bench/search.sh ...                  the corpus without function words, every word indexed:
#                                                     the harder case, and the default until 2026-11-30;
#                                                     the default, prose, has them as real text does (see
#                                                     SearchBenchmark's javadoc and docs/benchmarks.md)
#
# The JVM runs with G1, the collector `java -jar` picks on a server; until 2026-11-30 this script
# used the parallel collector, whose stop-the-world pauses showed in the query tails.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-3}
QUERIES=${3:-5000}
CORPUS=${CORPUS:-prose}
OUT=bench/out/search
mkdir -p "$OUT"
# The benchmark lives in bench/jmh (org.thinkpress.bench.SearchBenchmark), built on the installed ThinkPress.
mvn -q -B install -DskipTests
mvn -q -B -f bench/jmh/pom.xml package
# a copy of the jar, so that a build during the run cannot pull it away
cp bench/jmh/target/benchmarks.jar "$OUT/benchmarks.jar"
java -Xms4g -Xmx8g -XX:+UseG1GC -cp "$OUT/benchmarks.jar" \
  org.thinkpress.bench.SearchBenchmark "$OUT" "$N" "$RUNS" "$QUERIES" "$CORPUS" 2>&1 | grep --line-buffered -v " DEBUG " | tee "$OUT/last-$CORPUS-$N.txt"
