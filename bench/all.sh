#!/usr/bin/env bash
# Every benchmark at a small size, one after the other, and one table at the end: path, figure, the baseline measured
# in the same run, the ratio, the target and whether it is met. Full sizes stay in the individual scripts (the targets
# are stated for them: a small size says whether a path works and roughly where it stands, not whether 1M meets its
# target). Each benchmark verifies its own results and fails when they are wrong; a failed benchmark is a row marked
# "failed" and makes this script exit 1. Logs: bench/out/all-<time>/<benchmark>.log.
#   bench/all.sh                 (about 10 minutes on 2 idle cores)
#   SIZE=100000 bench/all.sh     (the matching, import and report sizes; default 20000)
set -uo pipefail
cd "$(dirname "$0")/.."
SIZE="${SIZE:-20000}"
out="bench/out/all-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
export BENCH_FIGURES="$out/figures.tsv"
: > "$BENCH_FIGURES"

# The packaged server, built once for all of them.
if [[ ! -f server/target/quarkus-app/quarkus-run.jar ]]; then
  echo "building the server jar (./mvnw package, no install) ..." >&2
  ./mvnw -B -q -pl core,server package -DskipTests >&2 || exit 1
fi

failed=0
bench() { # name, then the command
  local name="$1"; shift
  local t0=$SECONDS
  printf '%-16s ... ' "$name" >&2
  if "$@" > "$out/$name.log" 2>&1; then
    echo "done in $((SECONDS - t0)) s" >&2
  else
    echo "FAILED after $((SECONDS - t0)) s (see $out/$name.log)" >&2
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "-" "-" "-" "-" "failed" >> "$BENCH_FIGURES"
    failed=1
  fi
}

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
bench startup       bench/startup.sh 3
bench intake        env DURATION=10 WARMUP=10 CONNECTIONS="16 64" bench/intake.sh
bench realtime      bench/realtime.sh 20
bench matching      bench/matching.sh "$SIZE"
bench bank-matching bench/bank-matching.sh "$SIZE"
bench import        env ROWS="$SIZE" bench/import.sh
bench reports       env ROWS="$((SIZE * 5))" bench/reports.sh
bench month-end     bench/month-end.sh "$((SIZE * 5))"
bench dispatch      env N=2000 bench/dispatch.sh
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

echo
echo "benchmarks of $(date -u +%Y-%m-%d), sizes for a quick run (SIZE=$SIZE); figures as ratios to baselines of the same run"
awk -F'\t' 'BEGIN { printf "%-52s %-26s %-30s %-9s %-24s %s\n", "path", "figure", "baseline", "ratio", "target", "result" }
            { printf "%-52s %-26s %-30s %-9s %-24s %s\n", $1, $2, $3, $4, $5, $6 }' "$BENCH_FIGURES"
exit "$failed"
