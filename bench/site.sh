#!/usr/bin/env bash
# Public-site benchmark (not a test). Generates 10,000 publications, imports them, starts the
# server in -Xmx256m, measures start-up, warms it, then runs wrk (15 s, 32 connections) against
# a publication page, the home page, a topic page and the site feed; then the same publication
# page with the page cache off; then JMH's uncached render of a publication page.
#
#   bench/site.sh                 # everything, RUNS=3 wrk runs per page (medians printed)
#   RUNS=5 DURATION=15s CONNECTIONS=32 THREADS=2 N=10000 bench/site.sh
#   SKIP_JMH=1 bench/site.sh      # HTTP only
#
# Needs: JDK 17+, Maven, python3, wrk (apt-get install wrk). Talks only to 127.0.0.1.
# Results go to $WORK/results-DATE.md; copy the table into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-8099}
HEAP=${HEAP:-256m}
WORK=${WORK:-/tmp/thinkpress-bench}
JAR=target/thinkpress.jar
BASE="http://127.0.0.1:$PORT"

log() { echo "[bench] $*" >&2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
mkdir -p "$WORK"

[ -f "$JAR" ] || { log "building"; mvn -q -B package -DskipTests; }
if [ ! -d "$WORK/content" ]; then
  log "generating $N publications"
  python3 bench/generate-content.py "$WORK/content" "$N" >&2
fi
if [ ! -f "$WORK/data/thinkpress.db" ]; then
  log "importing (once)"
  java -jar "$JAR" --set data.dir="$WORK/data" content import "$WORK/content" >&2 2>/dev/null
fi
# Build the search index before timing start-ups: a server stopped while it rebuilds a missing or
# outdated index starts the rebuild again next time, so every timed start would include one.
log "building the search index"
java -jar "$JAR" --set data.dir="$WORK/data" search reindex >&2 2>/dev/null

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true # a process stopped by SIGTERM exits with 143
  fi
  server_pid=
}
trap stop_server EXIT

# Starts the server with extra settings; sets started_ms to the milliseconds until the home page
# answered 200. Not to be called in a subshell: server_pid must reach stop_server.
started_ms=
start_server() {
  local start end
  if curl -s -o /dev/null "$BASE/"; then echo "something already listens on $BASE" >&2; exit 1; fi
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # JAVA_EXTRA is one option or none
  java -Xmx"$HEAP" ${JAVA_EXTRA:-} -jar "$JAR" --set data.dir="$WORK/data" "$@" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
  server_pid=$!
  until curl -sf -o /dev/null "$BASE/"; do
    kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  started_ms=$(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# wrk once: prints "requests/s p50_ms p99_ms"
wrk_once() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' "$1" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ {rps=$2} /^ +50%/ {p50=ms($2)} /^ +99%/ {p99=ms($2)} /Non-2xx/ {bad=$NF}
    END { if (bad) { print "non-2xx responses: " bad > "/dev/stderr" } printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

measure() { # label url -> a table row of medians
  local label=$1 url=$2 rps=() p50=() p99=() line
  for _ in $(seq 1 "$RUNS"); do
    line=$(wrk_once "$url")
    rps+=("$(echo "$line" | cut -d' ' -f1)"); p50+=("$(echo "$line" | cut -d' ' -f2)"); p99+=("$(echo "$line" | cut -d' ' -f3)")
  done
  printf '| %s | %s | %s | %s | %s |\n' "$label" \
    "$(printf '%s\n' "${rps[@]}" | median)" "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" \
    "$(printf '%s ' "${rps[@]}")"
}

PUB=/publications/generated-00042
out="$WORK/results-$(date +%Y%m%d-%H%M%S).md"
{
  trap stop_server EXIT # this group runs in a subshell of its own (the pipe to tee)
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1); wrk -t$THREADS -c$CONNECTIONS -d$DURATION on the same cores; server -Xmx$HEAP; $N publications; medians of $RUNS runs"
  echo
  starts=()
  for _ in 1 2 3; do start_server; starts+=("$started_ms"); stop_server; done
  echo "Start-up to first page served (ms), java -jar: median $(printf '%s\n' "${starts[@]}" | median) of: ${starts[*]}"
  # The same with a class-data sharing archive (docs/deployment.md): one training run writes it.
  rm -f "$WORK/thinkpress.jsa"
  JAVA_EXTRA="-XX:ArchiveClassesAtExit=$WORK/thinkpress.jsa" start_server
  for url in / "$PUB" /topics/energy /feed.xml "/search?q=energy"; do curl -s -o /dev/null "$BASE$url"; done
  stop_server
  starts=()
  for _ in 1 2 3; do JAVA_EXTRA="-XX:SharedArchiveFile=$WORK/thinkpress.jsa" start_server; starts+=("$started_ms"); stop_server; done
  echo "Start-up to first page served (ms), with the archive: median $(printf '%s\n' "${starts[@]}" | median) of: ${starts[*]}"
  echo
  start_server
  log "warming"
  for url in "$PUB" / /topics/energy /feed.xml; do wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$BASE$url" >/dev/null; done
  echo "| page (cached) | requests/s | p50 ms | p99 ms | requests/s per run |"
  echo "|---|---|---|---|---|"
  measure "publication page" "$BASE$PUB"
  measure "home page" "$BASE/"
  measure "topic page" "$BASE/topics/energy"
  measure "site feed (RSS)" "$BASE/feed.xml"
  heap=$(jcmd "$server_pid" GC.heap_info 2>/dev/null | grep -i -m1 "total" | sed 's/^ *//')
  echo
  echo "Heap after the runs: $heap"
  stop_server
  start_server --set cache.max-mb=0
  for _ in 1 2; do wrk -t1 -c4 -d3s "$BASE$PUB" >/dev/null; done
  echo
  echo "| page (page cache off) | requests/s | p50 ms | p99 ms | requests/s per run |"
  echo "|---|---|---|---|---|"
  measure "publication page, rendered on every request" "$BASE$PUB"
  stop_server
} | tee "$out"

if [ -z "${SKIP_JMH:-}" ]; then
  log "JMH: uncached render of a publication page"
  mvn -q -B install -DskipTests >&2
  mvn -q -B -f bench/jmh/pom.xml package >&2
  java -jar bench/jmh/target/benchmarks.jar PageRenderBenchmark -p dataDir="$WORK/data" -rf text -rff "$WORK/jmh.txt" >&2
  { echo; echo '```'; cat "$WORK/jmh.txt"; echo '```'; } | tee -a "$out"
fi
log "results in $out"
