#!/usr/bin/env bash
# Admin benchmark: how long a login takes (Argon2id dominates), and how many requests per second
# the signed-in publications list and the live preview answer. Bounded: about 40 s in all, against
# 127.0.0.1 only. Usage: bench/admin.sh [PORT]   (builds target/thinkpress.jar when missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-18093}"
BASE="http://127.0.0.1:$PORT"
[ -f target/thinkpress.jar ] || mvn -q -B package -DskipTests
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
JAR="java -jar target/thinkpress.jar --set data.dir=$WORK/data"

echo "bench password 1234" | $JAR user add --email bench@example.org --role editor >/dev/null 2>&1
$JAR demo --port "$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -sf "$BASE/" -o /dev/null && break; sleep 0.5; done

login() {
  local jar="$1"
  local token
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/admin/login" | grep -o 'name="_login" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{time_total}\n' -X POST \
    --data-urlencode "_login=$token" --data-urlencode "email=bench@example.org" \
    --data-urlencode "password=bench password 1234" "$BASE/admin/login"
}

echo "login (s, 7 sequential sign-ins):"
for i in $(seq 1 7); do login "$WORK/cookies-$i"; done | sort -n | awk '{a[NR]=$1} END {print "  median " a[int((NR+1)/2)] "  min " a[1] "  max " a[NR]}'

SESSION=$(awk '$6 == "tp_session" {print $7}' "$WORK/cookies-1")
CSRF=$(curl -s -b "tp_session=$SESSION" "$BASE/admin/account" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')

echo "GET /admin (publications list, signed in), wrk -t2 -c8 -d10s:"
wrk -t2 -c8 -d10s -H "Cookie: tp_session=$SESSION" "$BASE/admin" | grep -E "Requests/sec|Latency" | sed 's/^/  /'

cat >"$WORK/preview.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "tp_session=$SESSION"
wrk.headers["X-CSRF-Token"] = "$CSRF"
wrk.body = "body=" .. string.rep("%23%23+Section%0A%0ASome+words+in+a+paragraph+about+energy+and+water.%0A%0A%7C+a+%7C+b+%7C%0A%7C---%7C---%7C%0A%7C+1+%7C+2+%7C%0A%0A", 40)
LUA
echo "POST /admin/preview (live preview of ~2,400 words), wrk -t2 -c8 -d10s:"
wrk -t2 -c8 -d10s -s "$WORK/preview.lua" "$BASE/admin/preview" | grep -E "Requests/sec|Latency|Non-2xx" | sed 's/^/  /'
