#!/usr/bin/env bash
# Newsletter delivery benchmark (issue 5): 100,000 confirmed subscribers with random interests over
# 25 topics and 25 regions; one alert and one weekly digest sent to a local SMTP sink
# (bench/SmtpSink.java, in-process-style, 127.0.0.1 only); then a campaign to all of them during
# which the sending process is killed with kill -9 once and started again.
#
#   bench/newsletter.sh [RUNS]        (default 3 runs; SUBSCRIBERS=N to change the size)
#
# Prints, per run and as medians: alert and digest sending rates (messages/s), digest composition
# time, and for the kill run: addresses served, duplicates, the uncertain rows the restarted sender
# counted, and the configured concurrency. The JVM runs with -Xmx512m on this 2-core machine.
# The machine may be shared: messages_per_cpu_second (messages over the sending process's user +
# system CPU time, start-up included) says what the sender costs whatever else runs; load is the
# 1-minute load average at the end of the run.
# Bounded: every wait has a deadline; the sink and senders are stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-3}
SUBSCRIBERS=${SUBSCRIBERS:-100000}
CONCURRENCY=${CONCURRENCY:-4}
OUT=bench/out/newsletter
mkdir -p "$OUT"
log() { echo "[bench] $*" >&2; }

[ -f target/thinkpress.jar ] || mvn -q -B package -DskipTests
JAR=$PWD/$OUT/thinkpress.jar
cp target/thinkpress.jar "$JAR" # a rebuild during the runs must not change what is measured
JAVA=(java -Xmx512m -XX:ActiveProcessorCount=2 -jar "$JAR")

# --- content and subscribers, the same for every run (fixed seed) ----------------------------
CONTENT=$OUT/content
CSV=$OUT/subscribers.csv
AT=$(python3 - "$CONTENT" "$CSV" "$SUBSCRIBERS" <<'PY'
import datetime, os, random, sys
content, csv, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
random.seed(5)
os.makedirs(content + "/publications", exist_ok=True)
os.makedirs(content + "/experts", exist_ok=True)
topics = ["t%02d" % i for i in range(1, 26)]
regions = ["r%02d" % i for i in range(1, 26)]
with open(content + "/site.yaml", "w") as f:
    f.write("site.title: Bench Institute\nsite.description: A benchmark.\n")
with open(content + "/topics.yaml", "w") as f:
    for t in topics:
        f.write("- slug: %s\n  name: Topic %s\n  description: About %s.\n" % (t, t, t))
with open(content + "/regions.yaml", "w") as f:
    for r in regions:
        f.write("- slug: %s\n  name: Region %s\n" % (r, r))
with open(content + "/experts/ann-analyst.md", "w") as f:
    f.write("---\nslug: ann-analyst\nname: Ann Analyst\nrole: Fellow\naffiliation: Bench Institute\n---\nAnn writes.\n")
now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
end = (now - datetime.timedelta(days=now.weekday())).replace(hour=8, minute=0, second=0)
if end > now:
    end -= datetime.timedelta(days=7)
def piece(slug, when, ts, rs):
    with open(content + "/publications/%s.md" % slug, "w") as f:
        f.write("---\nslug: %s\ntitle: Piece %s\nstandfirst: What %s says, in one sentence.\ntype: analysis\n"
                "status: published\nlanguage: en\npublished: %s\nexperts: [ann-analyst]\ntopics: [%s]\nregions: [%s]\n---\n\n"
                "## Section\n\nSome words about %s.\n" % (slug, slug, slug, when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                ", ".join(ts), ", ".join(rs), slug))
piece("bench-alert", now - datetime.timedelta(minutes=30), topics[:5], regions[:5])
for k in range(1, 31):
    piece("week-%02d" % k, end - datetime.timedelta(hours=5 * k), random.sample(topics, 2), random.sample(regions, 2))
with open(csv, "w") as f:
    f.write("email,lists,topics,regions,everything,consent\n")
    for i in range(n):
        if random.random() < 0.1:
            f.write("reader%06d@bench.example,new-publications;weekly-digest,,,yes,bench\n" % i)
        else:
            f.write("reader%06d@bench.example,new-publications;weekly-digest,%s,%s,no,bench\n" % (i,
                ";".join(random.sample(topics, random.randint(1, 3))), ";".join(random.sample(regions, random.randint(0, 2)))))
print(now.strftime("%Y-%m-%dT%H:%M:%SZ"))
PY
)

SINK_PID=""
SEND_PID=""
cleanup() {
  [ -n "$SEND_PID" ] && kill "$SEND_PID" 2>/dev/null || true
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
}
trap cleanup EXIT

start_sink() { # $1 port, $2 stats file
  rm -f "$2"
  java -Xmx256m bench/SmtpSink.java "$1" "$2" & SINK_PID=$!
  for _ in $(seq 1 100); do [ -f "$2" ] && return 0; sleep 0.1; done
  log "the sink did not start"; exit 1
}
stop_sink() { kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }
stat() { # $1 stats file, $2 name
  sed -n "s/.*$2=\([0-9]*\).*/\1/p" "$1"
}
rate() { sed -n 's/.*in \([0-9.]*\) s: \([0-9]*\) messages\/s.*/\2/p' "$1" | tail -1; }

results=$OUT/results.txt
: > "$results"
for run in $(seq 1 "$RUNS"); do
  DATA=$(mktemp -d /tmp/thinkpress-bench-XXXX)
  PORT=$((25000 + RANDOM % 20000))
  STATS=$DATA/sink.stats
  cat > "$DATA/bench.properties" <<PROPS
data.dir=$DATA
site.url=https://bench.example
mail.smtp.host=127.0.0.1
mail.smtp.port=$PORT
mail.smtp.security=none
newsletter.concurrency=$CONCURRENCY
newsletter.batch-size=100
PROPS
  TP=("${JAVA[@]}" --config "$DATA/bench.properties")
  log "run $run: loading content and $SUBSCRIBERS subscribers into $DATA"
  "${TP[@]}" content import "$CONTENT" > /dev/null 2>&1
  "${TP[@]}" subscribers import "$CSV" 2>/dev/null

  start_sink "$PORT" "$STATS"
  log "run $run: alert"
  /usr/bin/time -f "%e %U %S" -o "$DATA/alert.time" "${TP[@]}" newsletter send alert bench-alert \
    > "$DATA/alert.out" 2> "$DATA/alert.err"
  alert_rate=$(rate "$DATA/alert.out"); alert_n=$(stat "$STATS" messages)
  alert_cpu=$(awk '{print $2 + $3}' "$DATA/alert.time")
  log "run $run: digest"
  /usr/bin/time -f "%e %U %S" -o "$DATA/digest.time" "${TP[@]}" newsletter digest --list weekly-digest --at "$AT" \
    > "$DATA/digest.out" 2> "$DATA/digest.err"
  digest_rate=$(rate "$DATA/digest.out")
  digest_cpu=$(awk '{print $2 + $3}' "$DATA/digest.time")
  compose_ms=$(sed -n 's/.*composed in \([0-9]*\) ms.*/\1/p' "$DATA/digest.err" | tail -1)
  digest_n=$(( $(stat "$STATS" messages) - alert_n ))
  stop_sink

  log "run $run: campaign to everyone, killed with kill -9 mid-send"
  start_sink "$PORT" "$STATS"
  printf 'A campaign for the benchmark.\n' > "$DATA/campaign.md"
  "${TP[@]}" newsletter send campaign "$DATA/campaign.md" --subject "Bench" --list new-publications --no-wait \
    > "$DATA/campaign.out" 2>&1
  "${TP[@]}" newsletter send queued > "$DATA/kill1.out" 2> "$DATA/kill1.err" & SEND_PID=$!
  deadline=$((SECONDS + 300))
  while [ "$(stat "$STATS" messages || echo 0)" -lt $((SUBSCRIBERS * 4 / 10)) ]; do
    [ $SECONDS -lt $deadline ] || { log "no progress before the kill"; exit 1; }
    sleep 0.05
  done
  kill -9 "$SEND_PID"; wait "$SEND_PID" 2>/dev/null || true; SEND_PID=""
  at_kill=$(stat "$STATS" messages)
  timeout 600 "${TP[@]}" newsletter send queued > "$DATA/kill2.out" 2> "$DATA/kill2.err"
  sleep 0.5
  served=$(stat "$STATS" recipients); dups=$(stat "$STATS" duplicates); total=$(stat "$STATS" messages)
  uncertain=$(sed -n 's/.*Found \([0-9]*\) message(s) in the uncertain state.*/\1/p' "$DATA/kill2.err" | tail -1)
  stop_sink
  cpu_rate=$(python3 -c "print(round(($alert_n + $digest_n) / ($alert_cpu + $digest_cpu)))")
  line="run=$run alert_messages=$alert_n alert_rate=$alert_rate digest_messages=$digest_n digest_compose_ms=$compose_ms"
  line="$line digest_rate=$digest_rate messages_per_cpu_second=$cpu_rate load=$(cut -d' ' -f1 /proc/loadavg) killed_at=$at_kill served=$served messages=$total duplicates=$dups"
  line="$line uncertain=${uncertain:-0} concurrency=$CONCURRENCY"
  echo "$line" | tee -a "$results"
  rm -rf "$DATA"
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [dict(kv.split("=") for kv in line.split()) for line in open(sys.argv[1]) if line.strip()]
def med(key):
    return statistics.median(float(r[key]) for r in rows)
print("medians over %d run(s):" % len(rows))
for key in ["alert_messages", "alert_rate", "digest_messages", "digest_compose_ms", "digest_rate",
            "messages_per_cpu_second", "load", "served", "duplicates", "uncertain"]:
    print("  %-18s %g" % (key, med(key)))
print("  max duplicates     %d (concurrency %s)" % (max(int(r["duplicates"]) for r in rows), rows[0]["concurrency"]))
PY
