#!/usr/bin/env bash
# Bulk import benchmark: a 1,000,000-line Stripe balance-transactions CSV, a 1,000,000-line MT940 and a
# 1,000,000-entry camt.053 (28 daily statements each, bench/bank-files.py) through POST /statements, and a
# 1,000,000-row receivables CSV through POST /receivables/import, against the packaged server on loopback, each
# compared with `psql \copy` of the same rows into a plain table in the same run (the floor: PostgreSQL's own
# bulk load with no parsing, validation, indexes or idempotency). The server runs with -Xmx512m; its peak RSS is
# printed to show memory stays flat while 100+ MB files stream through.
#
#   bench/import.sh            # ROWS=1000000 by default; ROWS=100000 bench/import.sh for a quick run
# Env: WALLETRECON_DB_NAME (default walletrecon_import), BENCH_PORT (default 18182), BENCH_TIMEOUT seconds per upload.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1000000}"
PORT="${BENCH_PORT:-18182}"
TIMEOUT="${BENCH_TIMEOUT:-900}"
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_import}"
WORK="$(mktemp -d /tmp/walletrecon-bench-import.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

url="$(bin/postgres)"
export WALLETRECON_DB_URL="$url"
export WALLETRECON_DB_REACTIVE_URL="${url#jdbc:}"
export PGPASSWORD="${WALLETRECON_DB_PASSWORD:-walletrecon}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${WALLETRECON_DB_USER:-walletrecon}" -d "$WALLETRECON_DB_NAME")

JAR=server/target/quarkus-app/quarkus-run.jar
if [[ ! -f "$JAR" || -n "$(find core/src server/src -newer "$JAR" -type f -print -quit)" ]]; then
  echo "building the server (no tests) ..." >&2
  ./mvnw -B -q package -DskipTests -pl server -am >&2
fi

# --- a key pair and an RS256 token for the run ---
openssl genrsa -out "$WORK/key.pem" 2048 2>/dev/null
openssl rsa -in "$WORK/key.pem" -pubout -out "$WORK/pub.pem" 2>/dev/null
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"walletrecon","sub":"bench","upn":"bench","groups":["admin","finance"],"iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
TOKEN="$header.$payload.$sig"

# --- start the server ---
RUN="b$(date +%s)"
MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/pub.pem" WALLETRECON_MASTER_KEY="$(openssl rand -base64 32)" \
  WALLETRECON_SCHEDULER_ENABLED=false PORT="$PORT" WALLETRECON_MAX_UPLOAD=1024M \
  java -Xmx512m -jar "$JAR" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log" >&2; exit 1; fi
  sleep 0.5
done
API="http://127.0.0.1:$PORT"
curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"code\":\"bench-$RUN\",\"provider\":\"bank\",\"name\":\"Bench\",\"currency\":\"USD\",\"timeZone\":\"UTC\"}" "$API/accounts"
for acct in mt940 camt; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"code\":\"bench-$RUN-$acct\",\"provider\":\"bank\",\"name\":\"Bench $acct\",\"currency\":\"EUR\",\"timeZone\":\"Europe/Amsterdam\"}" "$API/accounts"
done
# 1,000 customers for the receivables to point at (set-based; creating customers is not what is measured).
"${PSQL[@]}" -c "insert into customers (company_id, external_id, name) select (select id from companies where code = 'default'), '$RUN-c' || g, 'Bench customer ' || g from generate_series(1, 1000) g"

# --- generate the files ---
echo "generating $ROWS-line files ..." >&2
awk -v n="$ROWS" -v run="$RUN" 'BEGIN {
  print "balance_transaction_id,created_utc,currency,gross,fee,net,reporting_category,source_id,description,automatic_payout_id";
  for (i = 1; i <= n; i++) {
    g = 1000 + (i * 7919) % 500000; f = int(g * 29 / 1000) + 30; d = 1 + i % 28;
    printf "txn_%s_%d,2026-03-%02d 10:%02d:%02d,usd,%d.%02d,%d.%02d,%d.%02d,charge,ch_%s_%d,Invoice INV-%d,po_%s_%d\n", \
      run, i, d, i % 60, (i * 7) % 60, g / 100, g % 100, f / 100, f % 100, (g - f) / 100, (g - f) % 100, run, i, i, run, d
  } }' > "$WORK/stripe.csv"
awk -v n="$ROWS" -v run="$RUN" 'BEGIN {
  print "customer_external_id,reference,amount,currency,issue_date,due_date";
  for (i = 1; i <= n; i++) {
    a = 100 + (i * 104729) % 9999900; d = 1 + i % 28;
    printf "%s-c%d,INV-%s-%d,%d.%02d,CNY,2026-03-%02d,2026-04-%02d\n", run, 1 + i % 1000, run, i, a / 100, a % 100, d, d
  } }' > "$WORK/receivables.csv"
python3 bench/bank-files.py "$ROWS" "$RUN" "$WORK"
ls -l "$WORK"/*.csv "$WORK"/statement.* | awk '{printf "%s %.1f MB\n", $9, $5 / 1048576}' >&2

# --- peak RSS sampler ---
peak_rss() { awk '/VmHWM/ {print $2}' "/proc/$SERVER_PID/status"; }
rss_now() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
rss_before=$(rss_now)

secs() { python3 -c "import time; print(time.time())"; }
upload() { # path url content-type
  curl -sS --max-time "$TIMEOUT" -o "$WORK/resp.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -H "Content-Type: $3" --data-binary "@$1" "$2"
}

t0=$(secs); code=$(upload "$WORK/stripe.csv" "$API/statements?account=bench-$RUN" application/octet-stream); t1=$(secs)
[[ "$code" == 201 ]] || { echo "statement upload answered $code: $(cat "$WORK/resp.json")" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
stmt_resp=$(cat "$WORK/resp.json")
m0=$(secs); code=$(upload "$WORK/statement.940" "$API/statements?account=bench-$RUN-mt940" application/octet-stream); m1=$(secs)
[[ "$code" == 201 ]] || { echo "MT940 upload answered $code: $(head -c 600 "$WORK/resp.json")" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
k0=$(secs); code=$(upload "$WORK/statement.053.xml" "$API/statements?account=bench-$RUN-camt" application/xml); k1=$(secs)
[[ "$code" == 201 ]] || { echo "camt.053 upload answered $code: $(head -c 600 "$WORK/resp.json")" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
t2=$(secs); code=$(upload "$WORK/receivables.csv" "$API/receivables/import" text/csv); t3=$(secs)
[[ "$code" == 200 ]] || { echo "receivables import answered $code: $(head -c 600 "$WORK/resp.json")" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
recv_resp=$(cat "$WORK/resp.json")
t4=$(secs); code=$(upload "$WORK/receivables.csv" "$API/receivables/import" text/csv); t5=$(secs)
recv_again=$(cat "$WORK/resp.json")
rss_after=$(rss_now); rss_peak=$(peak_rss)

# --- baseline: psql \copy of the same files into plain tables, same run ---
"${PSQL[@]}" -c "drop table if exists bench_copy_stripe, bench_copy_receivables, bench_copy_bank" \
  -c "create table bench_copy_stripe (id text, created text, currency text, gross numeric, fee numeric, net numeric, category text, source text, description text, payout text)" \
  -c "create table bench_copy_receivables (customer text, reference text, amount numeric, currency text, issue_date date, due_date date)" \
  -c "create table bench_copy_bank (reference text, value_date date, amount numeric, end_to_end_id text, remittance text)"
c0=$(secs); "${PSQL[@]}" -c "\\copy bench_copy_stripe from '$WORK/stripe.csv' csv header"; c1=$(secs)
c2=$(secs); "${PSQL[@]}" -c "\\copy bench_copy_receivables from '$WORK/receivables.csv' csv header"; c3=$(secs)
b0=$(secs); "${PSQL[@]}" -c "\\copy bench_copy_bank from '$WORK/bank-rows.csv' csv header"; b1=$(secs)
"${PSQL[@]}" -c "drop table bench_copy_stripe, bench_copy_receivables, bench_copy_bank"

lines_in_db=$("${PSQL[@]}" -tA -c "select count(*) from statement_lines l join accounts a on a.id = l.account_id where a.code in ('bench-$RUN', 'bench-$RUN-mt940', 'bench-$RUN-camt')")
python3 - "$ROWS" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$c0" "$c1" "$c2" "$c3" "$rss_before" "$rss_after" "$rss_peak" "$lines_in_db" \
  "$m0" "$m1" "$k0" "$k1" "$b0" "$b1" <<'PY'
import sys
rows = int(sys.argv[1]); t = [float(x) for x in sys.argv[2:12]]
rss_before, rss_after, rss_peak, lines = (int(x) for x in sys.argv[12:16])
m0, m1, k0, k1, b0, b1 = (float(x) for x in sys.argv[16:22])
stmt, recv, again = t[1] - t[0], t[3] - t[2], t[5] - t[4]
copy_s, copy_r = t[7] - t[6], t[9] - t[8]
mt940, camt, copy_b = m1 - m0, k1 - k0, b1 - b0
print(f"rows per file:                 {rows:,}")
print(f"statement (Stripe CSV) import: {stmt:7.1f} s  {rows / stmt:>10,.0f} rows/s   psql \\copy {copy_s:5.1f} s {rows / copy_s:>10,.0f} rows/s   ratio {stmt / copy_s:5.1f}x the copy time")
print(f"statement (MT940) import:      {mt940:7.1f} s  {rows / mt940:>10,.0f} rows/s   psql \\copy {copy_b:5.1f} s {rows / copy_b:>10,.0f} rows/s   ratio {mt940 / copy_b:5.1f}x the copy time")
print(f"statement (camt.053) import:   {camt:7.1f} s  {rows / camt:>10,.0f} rows/s   psql \\copy {copy_b:5.1f} s {rows / copy_b:>10,.0f} rows/s   ratio {camt / copy_b:5.1f}x the copy time")
print(f"receivables CSV import:        {recv:7.1f} s  {rows / recv:>10,.0f} rows/s   psql \\copy {copy_r:5.1f} s {rows / copy_r:>10,.0f} rows/s   ratio {recv / copy_r:5.1f}x the copy time")
print(f"receivables re-import (no-op): {again:7.1f} s  {rows / again:>10,.0f} rows/s")
print(f"statement lines stored:        {lines:,} (expected {3 * rows:,}: Stripe, MT940 and camt.053)")
print(f"server RSS (-Xmx512m):         before {rss_before / 1024:.0f} MB, after {rss_after / 1024:.0f} MB, peak {rss_peak / 1024:.0f} MB")
PY
# source=bench/figures.sh
source bench/figures.sh
import_figure() { # what, its seconds, the copy's seconds
  local x; x=$(awk -v a="$2" -v b="$3" 'BEGIN{printf "%.1f", a/b}')
  figure "$1 import, $ROWS rows" "$(printf '%.1f s' "$2")" "$(printf 'psql \\copy %.1f s' "$3")" "${x}×" "≤ 5×" "$(meets "$x" "<=" 5)"
}
import_figure "statement (Stripe CSV)" "$(bc -l <<< "$t1 - $t0")" "$(bc -l <<< "$c1 - $c0")"
import_figure "statement (MT940)" "$(bc -l <<< "$m1 - $m0")" "$(bc -l <<< "$b1 - $b0")"
import_figure "statement (camt.053)" "$(bc -l <<< "$k1 - $k0")" "$(bc -l <<< "$b1 - $b0")"
import_figure "receivables CSV" "$(bc -l <<< "$t3 - $t2")" "$(bc -l <<< "$c3 - $c2")"
[[ "$lines_in_db" == $((3 * ROWS)) ]] || { echo "expected $((3 * ROWS)) statement lines, found $lines_in_db" >&2; exit 1; }
grep -E 'INFO .*(statement file|receivables import)' "$WORK/server.log" | sed 's/^.*INFO  *\[[^]]*\] *([^)]*) /server: /' >&2 || true
echo "statement: $stmt_resp" >&2
echo "receivables: $recv_resp; again: $recv_again" >&2
# The bench rows are not kept: delete them so the database stays small for the next run.
"${PSQL[@]}" -c "delete from statement_lines where account_id in (select id from accounts where code like 'bench-$RUN%')" \
  -c "delete from statements where account_id in (select id from accounts where code like 'bench-$RUN%')" \
  -c "delete from receivables where customer_id in (select id from customers where external_id like '$RUN-c%')"
