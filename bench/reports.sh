#!/usr/bin/env bash
# Benchmark: the difference report (差异报告) of 1,000,000 exceptions streamed as CSV over HTTP by the server jar,
# against the baseline of psql \copy of the same query to a file, measured in the same run on the same database.
# Prints rows/s for both and the ratio. Loopback only; bounded by timeouts.
#   bench/reports.sh            (ROWS=1000000 PORT=18185 WALLETRECON_DB_NAME=walletrecon_reports by default)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1000000}"
PORT="${PORT:-18185}"
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_reports}"
export WALLETRECON_DB_USER="${WALLETRECON_DB_USER:-walletrecon}"
export WALLETRECON_DB_PASSWORD="${WALLETRECON_DB_PASSWORD:-walletrecon}"
url="$(bin/postgres)"
export WALLETRECON_DB_URL="$url"
export WALLETRECON_DB_REACTIVE_URL="${url#jdbc:}"
export PGPASSWORD="$WALLETRECON_DB_PASSWORD"
PSQL=(psql -XqtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$WALLETRECON_DB_USER" -d "$WALLETRECON_DB_NAME")
psql_() { "${PSQL[@]}" "$@"; }

work="$(mktemp -d)"
server_pid=""
cleanup() { [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

jar=server/target/quarkus-app/quarkus-run.jar
if [[ ! -f "$jar" || -n "$(find core/src server/src -newer "$jar" -name '*.java' -o -newer "$jar" -name '*.sql' | head -1)" ]]; then
  echo "building the server jar" >&2
  ./mvnw -B -q -pl core,server package -DskipTests >&2
fi

# Keys for this run only: a master key and a JWT key pair; a finance token signed with it.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt.pem" 2>/dev/null
openssl pkey -in "$work/jwt.pem" -pubout -out "$work/jwt-public.pem"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"walletrecon","sub":"bench","upn":"bench","groups":["finance"],"iat":%s,"exp":%s}' "$now" "$((now + 3600))" | b64url)
token="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/jwt.pem" -binary | b64url)"

WALLETRECON_MASTER_KEY="$(openssl rand -base64 32)" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$work/jwt-public.pem" \
  PORT="$PORT" WALLETRECON_SCHEDULER_ENABLED=false WALLETRECON_MIGRATE_AT_START=true \
  java -Xmx256m -jar "$jar" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { echo "server did not start" >&2; tail -50 "$work/server.log" >&2; exit 1; }

# 1,000,000 exceptions on one account over 2025, planted set-based (re-planted only when the count differs).
psql_ -c "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), 'bench-reports', 'bank', 'Bench 银行', 'CNY', 'Asia/Shanghai') on conflict (code) do nothing"
account_id=$(psql_ -c "select id from accounts where code = 'bench-reports'")
have=$(psql_ -c "select count(*) from recon_exceptions where account_id = $account_id")
if [[ "$have" != "$ROWS" ]]; then
  echo "planting $ROWS exceptions" >&2
  psql_ <<SQL
delete from exception_annotations where exception_id in (select id from recon_exceptions where account_id = $account_id);
delete from recon_exceptions where account_id = $account_id;
insert into recon_exceptions (account_id, type, status, currency, expected_minor, actual_minor, difference_minor,
                              business_date, dedupe_key, assignee)
select $account_id,
       (array['unmatched_receipt','unpaid_receivable','amount_mismatch','duplicate_payment','missing_in_provider'])[1 + g % 5],
       (array['open','in_review','resolved','ignored'])[1 + g % 4], 'CNY', 10000 + g % 9000, 10000 + g % 7000,
       (g % 7000) - (g % 9000), date '2025-01-01' + (g % 365), 'bench-' || g, '财务 ' || (g % 13)
from generate_series(1, $ROWS) g;
insert into exception_annotations (exception_id, author, body)
select id, 'bench', 'checked with the bank, "pending"' from recon_exceptions where account_id = $account_id and id % 50 = 0;
analyze recon_exceptions;
analyze exception_annotations;
SQL
fi

# The same query the report runs (ReportSql.DIFFERENCE_DETAIL), with the parameters written in.
query="select e.id, a.code as account, e.business_date, e.type, e.status, e.currency, e.expected_minor, e.actual_minor, e.difference_minor,
 (coalesce((e.resolved_at at time zone 'UTC')::date, current_date) - e.business_date) as age_days, e.assignee,
 (select string_agg(n.author || ': ' || n.body, ' | ' order by n.created_at, n.id) from exception_annotations n where n.exception_id = e.id) as annotations,
 e.detected_at
 from recon_exceptions e join accounts a on a.id = e.account_id
 where e.business_date between date '2025-01-01' and date '2025-12-31' and e.account_id = $account_id
 order by e.business_date, e.id"

ms() { date +%s%3N; }
# Warm-up: one small request so that the JIT and the pool are not part of the measurement.
curl -sf -o /dev/null -H "Authorization: Bearer $token" -H 'Accept: text/csv' \
  "http://127.0.0.1:$PORT/reports/differences?account=bench-reports&from=2025-01-01&to=2025-01-02"

t0=$(ms)
timeout 600 "${PSQL[@]}" -c "\\copy ($query) to '$work/baseline.csv' with (format csv, header)"
t1=$(ms)
timeout 600 curl -sf -o "$work/report.csv" -H "Authorization: Bearer $token" -H 'Accept: text/csv' \
  "http://127.0.0.1:$PORT/reports/differences?account=bench-reports&from=2025-01-01&to=2025-12-31"
t2=$(ms)

base_rows=$(($(wc -l < "$work/baseline.csv") - 1))
http_rows=$(($(wc -l < "$work/report.csv") - 1))
[[ "$base_rows" == "$ROWS" && "$http_rows" == "$ROWS" ]] || { echo "row counts differ: psql $base_rows, http $http_rows, expected $ROWS" >&2; exit 1; }
rss_kb=$(awk '/VmHWM/ {print $2}' /proc/$server_pid/status)
awk -v rows="$ROWS" -v b="$((t1 - t0))" -v h="$((t2 - t1))" -v bb="$(stat -c %s "$work/baseline.csv")" -v hb="$(stat -c %s "$work/report.csv")" -v rss="$rss_kb" 'BEGIN {
  printf "difference report, %d rows, CSV\n", rows
  printf "  psql \\copy (baseline): %6.2f s  %9.0f rows/s  %5.1f MB\n", b / 1000, rows / (b / 1000), bb / 1048576
  printf "  GET /reports/differences (server jar, -Xmx256m): %6.2f s  %9.0f rows/s  %5.1f MB  peak RSS %d MB\n", h / 1000, rows / (h / 1000), hb / 1048576, rss / 1024
  printf "  ratio http/psql rows/s: %.2f\n", (rows / (h / 1000)) / (rows / (b / 1000))
}'
# shellcheck source=bench/figures.sh
source bench/figures.sh
x=$(awk -v b="$((t1 - t0))" -v h="$((t2 - t1))" 'BEGIN{printf "%.2f", b / h}')
figure "difference report CSV, $ROWS rows" "$(awk -v h="$((t2 - t1))" 'BEGIN{printf "%.2f s", h/1000}')" \
  "$(awk -v b="$((t1 - t0))" 'BEGIN{printf "psql \\copy %.2f s", b/1000}')" "${x}×" "≥ 0.9×" "$(meets "$x" ">=" 0.9)"
