#!/usr/bin/env bash
# Start-up: how long the packaged server takes from launching its JVM to answering ready (GET /q/health/ready), on an
# already migrated database, against the baseline of the same run: the same JVM starting a class that only prints
# (what the JVM itself costs on this machine at this moment).
#   bench/startup.sh [starts]       (default 5; env WALLETRECON_BENCH_PORT=18188 WALLETRECON_DB_NAME=walletrecon_startup)
# Prints every start, the median of both and their ratio; the target is a median of at most 2.5 s. The first start
# migrates the database and is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
STARTS="${1:-5}"
PORT="${WALLETRECON_BENCH_PORT:-18188}"
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_startup}"
# shellcheck source=bench/bench-server.sh
source bench/bench-server.sh
# shellcheck source=bench/figures.sh
source bench/figures.sh

stop_server() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

start_server
echo "first start (migrates the database, not counted): $READY_MS ms"
stop_server

cat > "$WORK/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("ready"); } }
JAVA
javac -d "$WORK" "$WORK/Hello.java"

server=(); jvm=()
for i in $(seq 1 "$STARTS"); do
  t0=$(ms); java -cp "$WORK" Hello > /dev/null; jvm+=($(( $(ms) - t0 )))
  start_server
  grep -q "started in" "$WORK/server.log" || { echo "the server log does not say it started" >&2; exit 1; }
  server+=("$READY_MS")
  printf 'start %d: server ready in %5d ms (%s), bare JVM %4d ms\n' "$i" "$READY_MS" \
    "$(grep -o 'started in [0-9.]*s' "$WORK/server.log" | head -1)" "${jvm[-1]}"
  stop_server
done
s=$(median "${server[@]}"); j=$(median "${jvm[@]}")
x=$(awk -v s="$s" -v j="$j" 'BEGIN{printf "%.1f", s / j}')
echo "median: server $s ms, bare JVM $j ms, ratio ${x}×; load average $(cut -d' ' -f1-3 /proc/loadavg)"
figure "server start to ready (JVM, migrated database)" "$(awk -v s="$s" 'BEGIN{printf "%.2f s", s/1000}')" \
  "bare JVM $j ms" "${x}×" "≤ 2.5 s" "$(meets "$s" "<=" 2500)"
