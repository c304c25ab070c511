#!/usr/bin/env bash
# Import benchmark (not a test). Generates a WordPress export of N posts and ATTACHMENTS attachments
# with bench/generate-wxr.py (once, kept in $WORK), serves its media with python3 -m http.server on
# 127.0.0.1, then imports it RUNS times without media and RUNS times with media fetched over HTTP,
# each run a fresh JVM in -Xmx$HEAP into a fresh data dir, alternating the two. Prints the medians
# of wall time, CPU time, peak RSS and the heap left after the fullest collection.
#
#   bench/import.sh                        # N=10000 ATTACHMENTS=2000 RUNS=3 HEAP=512m
#   RUNS=5 CONNECTIONS=8 bench/import.sh   # --connections for the media fetch (importer default 4)
#   MEMORY=1 bench/import.sh               # the memory check instead: a 1 GB export (BIG=1 in
#                                          # generate-wxr.py, 100,000 posts), imported once without
#                                          # media in -Xmx512m
#
# The export's site address is http://127.0.0.1:PORT, so that the bodies' URLs name the local server
# itself (an export of another address imports the same way: the old site's files are asked of
# --media's address). A new PORT regenerates the export (2 s).
#
# Needs: JDK 17+, Maven, python3, curl, GNU time (/usr/bin/time; apt-get install time). Talks only to
# 127.0.0.1. Results go to $WORK/results-DATE.md; copy the figures into docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
ATTACHMENTS=${ATTACHMENTS:-2000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-512m}
CONNECTIONS=${CONNECTIONS:-}
WORK=${WORK:-/tmp/thinkpress-import-bench}
JAR=target/thinkpress.jar

log() { echo "[bench] $*" >&2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }
mkdir -p "$WORK"
[ -f "$JAR" ] || { log "building"; mvn -q -B package -DskipTests; }

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; } # MB as 10^6 bytes, as generate-wxr.py says them
files_mb() { mb "$(find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_free() { python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }

# One import: key data-dir export [options...]. Appends "wall cpu rss_mb heap_mb" to $WORK/runs-KEY
# and keeps the report in $WORK/report-KEY.txt; on failure prints the JVM's last lines and exits.
import_once() {
  local label=$1 data=$2 export=$3; shift 3
  rm -rf "$data"
  local gclog="$WORK/gc-$label.log" timing="$WORK/time-$label.txt"
  if ! /usr/bin/time -f '%e %U %S %M' -o "$timing" \
      java -Xmx"$HEAP" -Xlog:gc:file="$gclog" -jar "$JAR" --set data.dir="$data" \
        import wordpress "$export" "$@" >"$WORK/out-$label.txt" 2>"$WORK/err-$label.txt"; then
    echo "[bench] the import ($label) failed; its last lines:" >&2
    tail -n 30 "$WORK/err-$label.txt" "$WORK/out-$label.txt" >&2
    exit 1
  fi
  cp "$data/import-report-wordpress.txt" "$WORK/report-$label.txt" 2>/dev/null || cp "$WORK/out-$label.txt" "$WORK/report-$label.txt"
  # The fullest heap a collection left (G1's "Pause ... 120M->40M(256M)"): live data, not garbage.
  local heap
  heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$gclog" | sed 's/.*->\([0-9]*\)M.*/\1/' | sort -n | tail -1)
  awk -v heap="${heap:-0}" '{ printf "%.2f %.2f %.0f %s\n", $1, $2 + $3, $4 / 1024, heap }' "$timing" >>"$WORK/runs-$label"
  files_mb "$data" >"$WORK/size-$label.txt"
  rm -rf "$data"
}

# The importer's stages in a run (its progress bars on stderr): "Finding media 2 s, Writing 4 s".
stages() {
  tr '\r' '\n' <"$WORK/err-$1.txt" | sed -n 's/^\([A-Z][a-z ]*[a-z]\) *[0-9]*% .*(\([0-9]*\):\([0-9]*\):\([0-9]*\) \/.*/\1 \2 \3 \4/p' |
    awk '{ s = $(NF-2) * 3600 + $(NF-1) * 60 + $NF; $(NF-2) = $(NF-1) = $NF = ""; sub(/ +$/, ""); if (!($0 in t)) order[++n] = $0; t[$0] = s }
         END { for (i = 1; i <= n; i++) printf "%s%s %d s", (i > 1 ? ", " : ""), order[i], t[order[i]] }'
}

# A row of medians: key label pieces
row() {
  local key=$1 label=$2 pieces=$3 f="$WORK/runs-$1"
  local wall cpu rss heap
  wall=$(cut -d' ' -f1 "$f" | median); cpu=$(cut -d' ' -f2 "$f" | median)
  rss=$(cut -d' ' -f3 "$f" | median); heap=$(cut -d' ' -f4 "$f" | median)
  printf '| %s | %s s | %s | %s s | %.0f | %s | %s | %s |\n' "$label" "$wall" "$(cut -d' ' -f1 "$f" | tr '\n' ' ')" \
    "$cpu" "$(awk -v n="$pieces" -v w="$wall" 'BEGIN { print n / w }')" "$rss" "$heap" "$(cat "$WORK/size-$key.txt")"
}

header() {
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) at $(git rev-parse --short HEAD) on $(nproc) cores, $(uname -sr), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
  echo "JVM: -Xmx$HEAP, $(java -Xmx"$HEAP" -XX:+PrintFlagsFinal -version 2>/dev/null | awk '/ Use(G1|Parallel|Serial|Z)GC / && $4 == "true" {gc=$2} / InitialHeapSize / {init=$4} END {printf "%s, initial heap %d MB", gc, init / 1048576}')"
}

if [ -n "${MEMORY:-}" ]; then
  big="$WORK/big.xml"
  if [ ! -f "$big" ]; then
    log "generating the 1 GB export"
    BIG=1 python3 bench/generate-wxr.py "$big" >&2
  fi
  out="$WORK/results-memory-$(date +%Y%m%d-%H%M%S).md"
  rm -f "$WORK/runs-memory"
  {
    header
    echo "Export: $(mb "$(stat -c %s "$big")") ($(stat -c %s "$big") bytes), $(grep -c '<wp:post_type><!\[CDATA\[post\]\]>' "$big") posts; import without media, once"
    log "importing the 1 GB export in -Xmx$HEAP"
    import_once memory "$WORK/data-memory" "$big"
    echo
    echo "| import | wall | runs | CPU | posts/s | peak RSS, MiB | heap after GC, max MiB | data dir |"
    echo "|---|---|---|---|---|---|---|---|"
    row memory "without media, 1 GB" "$(grep -c '<wp:post_type><!\[CDATA\[post\]\]>' "$big")"
    echo
    echo "Stages (the importer's progress bars, whole seconds): $(stages memory)"
    echo
    echo "Succeeded. The importer's report starts:"
    sed -n 1,12p "$WORK/report-memory.txt" | sed 's/^/    /'
  } | tee "$out"
  log "results in $out"
  exit 0
fi

# The export names its media at http://127.0.0.1:PORT; keep the port of the last generation if free.
stamp="$N $ATTACHMENTS"
PORT=${PORT:-$(cat "$WORK/port" 2>/dev/null || true)}
if [ -z "$PORT" ] || ! port_free "$PORT"; then PORT=$(free_port); fi
if [ "$(cat "$WORK/export.stamp" 2>/dev/null || true)" != "$stamp $PORT" ]; then
  log "generating $N posts and $ATTACHMENTS attachments for http://127.0.0.1:$PORT"
  rm -rf "$WORK/media" "$WORK/export.xml"
  BASE="http://127.0.0.1:$PORT" python3 bench/generate-wxr.py "$WORK/export.xml" "$N" "$ATTACHMENTS" "$WORK/media" >&2
  echo "$stamp $PORT" >"$WORK/export.stamp"
  echo "$PORT" >"$WORK/port"
fi

server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true # a process stopped by SIGTERM exits with 143
  fi
  server_pid=
}
trap stop_server EXIT
python3 -m http.server --bind 127.0.0.1 --directory "$WORK/media" "$PORT" >"$WORK/http.log" 2>&1 &
server_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/"; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/http.log" >&2; exit 1; }
  sleep 0.05
done

media_options=(--media "http://127.0.0.1:$PORT")
[ -n "$CONNECTIONS" ] && media_options+=(--connections "$CONNECTIONS")
rm -f "$WORK"/runs-*
out="$WORK/results-$(date +%Y%m%d-%H%M%S).md"
{
  trap stop_server EXIT # this group runs in a subshell of its own (the pipe to tee)
  header
  echo "Export: $N posts, $ATTACHMENTS attachments, $(mb "$(stat -c %s "$WORK/export.xml")"); media $(files_mb "$WORK/media") in $ATTACHMENTS files, served by python3 -m http.server on the same cores; medians of $RUNS runs, alternating"
  for i in $(seq 1 "$RUNS"); do
    log "run $i of $RUNS: without media"
    import_once plain "$WORK/data-$i" "$WORK/export.xml"
    log "run $i of $RUNS: with media over HTTP"
    import_once media "$WORK/data-$i" "$WORK/export.xml" "${media_options[@]}"
  done
  echo
  echo "| import | wall (median) | wall per run | CPU | posts/s | peak RSS, MiB | heap after GC, max MiB | data dir |"
  echo "|---|---|---|---|---|---|---|---|"
  row plain "without media" "$N"
  row media "with media, over HTTP" "$N"
  echo
  echo "Stages of the last run (the importer's progress bars, whole seconds): without media: $(stages plain); with media: $(stages media)"
  echo "Media requests the server answered (all runs): $(grep -c '"GET /wp-content' "$WORK/http.log" || true), not 200: $(grep '"GET /wp-content' "$WORK/http.log" | grep -vc '" 200 ' || true)"
  echo "The last run's report with media starts:"
  sed -n 1,15p "$WORK/report-media.txt" | sed 's/^/    /'
} | tee "$out"
log "results in $out"
