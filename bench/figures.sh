# Sourced by every benchmark. `figure PATH FIGURE BASELINE RATIO TARGET VERDICT` records one result: when
# $BENCH_FIGURES names a file (bench/all.sh sets it), one tab-separated row is appended to it; alone, a benchmark
# prints its own report and this does nothing. `meets VALUE OP LIMIT` (OP one of <= >=) prints pass or miss.
figure() {
  if [[ -n "${BENCH_FIGURES:-}" ]]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" >> "$BENCH_FIGURES"
  fi
  return 0
}
meets() {
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "<=") ? (v + 0 <= l + 0) : (v + 0 >= l + 0); print ok ? "pass" : "miss" }'
}
