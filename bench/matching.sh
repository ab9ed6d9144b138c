#!/usr/bin/env bash
# Matching benchmark: plants N transactions and N receivables with known answers straight into PostgreSQL
# (bench/matching-plant.sql: 90% by reference, 2% partial payments, 1% one-to-many paying 3% of the receivables,
# 5% amount+date, 2% unmatched), then in the same run times
#   baseline 1: the bare equi-join of the two tables on reference/collection code (count only),
#   baseline 2: the same join written into a matches-like table with INSERT ... SELECT (the floor for writing),
#   the full match: POST /matching/runs on the real server (port 18183), polling GET /matching/runs/{id}.
# Prints time, rows/s, ratio to both baselines, and whether the run's counts equal the planted answers.
#   bench/matching.sh                  # 100000 300000 1000000
#   bench/matching.sh 100000           # one size
# Bounded: every size has a deadline (WALLETRECON_BENCH_TIMEOUT seconds, default 900), loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("${@:-100000 300000 1000000}")
read -r -a SIZES <<< "${SIZES[*]}"
PORT="${WALLETRECON_BENCH_PORT:-18183}"
TIMEOUT="${WALLETRECON_BENCH_TIMEOUT:-900}"
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_matching}"
URL="$(bin/postgres)"
export PGPASSWORD="${WALLETRECON_DB_PASSWORD:-walletrecon}"
PSQL=(psql -XqtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${WALLETRECON_DB_USER:-walletrecon}" -d "$WALLETRECON_DB_NAME")
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

ms() { date +%s%3N; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# --- the server, as deployed: the packaged jar, its own port, a key pair made for this run ---
if [[ ! -f server/target/quarkus-app/quarkus-run.jar || -n "${WALLETRECON_BENCH_REBUILD:-}" ]]; then
  echo "building the server jar (./mvnw package, no install) ..." >&2
  ./mvnw -B -q -pl core,server package -DskipTests >&2
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"walletrecon","sub":"bench","upn":"bench","groups":["finance","admin"],"iat":%d,"exp":%d}' "$now" $((now + 7200)) | b64url)
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
TOKEN="$header.$payload.$sig"

"${PSQL[@]}" -c "select 1" >/dev/null
WALLETRECON_DB_URL="$URL" WALLETRECON_DB_REACTIVE_URL="${URL#jdbc:}" PORT="$PORT" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" WALLETRECON_MASTER_KEY="$(openssl rand -base64 32)" \
  WALLETRECON_SCHEDULER_ENABLED=false \
  java -jar server/target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done

printf '%-9s %9s %11s %11s %10s %12s %9s %9s  %s\n' rows plant_s base_join_s base_write_s run_s rows_per_s x_join x_write counts
declare -A RUN_S
for N in "${SIZES[@]}"; do
  (( N % 100 == 0 )) || { echo "sizes must be multiples of 100" >&2; exit 2; }
  # A clean slate per size, so that every size measures the same thing (this database is the bench's own).
  "${PSQL[@]}" -c "truncate exception_annotations, recon_exceptions, match_items, matches, match_runs, matching_config,
      statement_lines, statements, webhook_events, transactions, receivables, payer_identities, customers, accounts, audit_log restart identity cascade"
  ACCT=$("${PSQL[@]}" -c "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), 'bench-wx', 'wechatpay', 'Bench', 'CNY', 'Asia/Shanghai') returning id")
  D0=2030-03-01
  t0=$(ms)
  "${PSQL[@]}" -v acct="$ACCT" -v n="$N" -v cur=CNY -v d0="$D0" -v p=b -f bench/matching-plant.sql
  "${PSQL[@]}" -c "vacuum analyze transactions" -c "vacuum analyze receivables"
  # Planting writes ~1 GB of WAL; without a checkpoint here, the one it triggers lands inside the measured run
  # (full-page images of every page the run touches first), which moved the 1M figure by 1-2 s between runs.
  "${PSQL[@]}" -c "checkpoint" 2>/dev/null || runuser -u postgres -- psql -Xq -c "checkpoint" 2>/dev/null \
    || echo "note: no CHECKPOINT before the run (needs pg_checkpoint or root); expect more variance" >&2
  t1=$(ms)

  # Baseline 1: the bare equi-join on reference (both codes a payment may carry), count only.
  b0=$(ms)
  pairs=$("${PSQL[@]}" -c "set work_mem = '128MB'" -c "select (select count(*) from transactions t join receivables r on r.collection_code = t.merchant_reference)
                                 + (select count(*) from transactions t join receivables r on r.reference = t.merchant_reference)")
  b1=$(ms)
  # Baseline 2: the same join written with INSERT ... SELECT into a table shaped like match_items.
  "${PSQL[@]}" -c "drop table if exists bench_pairs" -c "create table bench_pairs (match_id bigint generated by default as identity, side text, item_type text, item_id bigint, amount_minor bigint)"
  w0=$(ms)
  "${PSQL[@]}" -c "set work_mem = '128MB'" -c "insert into bench_pairs (side, item_type, item_id, amount_minor)
      select 'right', 'receivable', r.id, t.amount_minor from transactions t join receivables r on r.collection_code = t.merchant_reference
      union all select 'right', 'receivable', r.id, t.amount_minor from transactions t join receivables r on r.reference = t.merchant_reference"
  w1=$(ms)
  "${PSQL[@]}" -c "drop table bench_pairs"

  # The full match through the service.
  r0=$(ms)
  run=$(curl -fsS -X POST "http://127.0.0.1:$PORT/matching/runs" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"account\":\"bench-wx\",\"from\":\"$D0\",\"to\":\"2030-03-30\"}")
  id=$(jq -r .id <<< "$run")
  deadline=$(( $(date +%s) + TIMEOUT ))
  while :; do
    run=$(curl -fsS "http://127.0.0.1:$PORT/matching/runs/$id" -H "Authorization: Bearer $TOKEN")
    state=$(jq -r .state <<< "$run")
    [[ "$state" == queued || "$state" == running ]] || break
    (( $(date +%s) < deadline )) || { echo "run $id still $state after ${TIMEOUT}s" >&2; exit 1; }
    sleep 0.1
  done
  r1=$(ms)
  [[ "$state" == succeeded ]] || { echo "run $id $state: $(jq -r .error <<< "$run")" >&2; tail -50 "$WORK/server.log" >&2; exit 1; }

  expected=$(jq -cn --argjson n "$N" '{matches: {amount_date: ($n*5/100), one_to_many: ($n/100), partial_payment: ($n*2/100), reference: ($n*90/100)},
                                       exceptions: {unmatched_receipt: ($n*2/100), unpaid_receivable: ($n/100)}}')
  got=$(jq -c '.counts' <<< "$run")
  if [[ "$(jq -S . <<< "$got")" == "$(jq -S . <<< "$expected")" ]]; then verdict="OK (= planted)"; else verdict="MISMATCH got $got want $expected"; fi
  run_ms=$((r1 - r0)); join_ms=$((b1 - b0)); write_ms=$((w1 - w0))
  RUN_S[$N]=$run_ms
  printf '%-9s %9.2f %11.2f %11.2f %10.2f %12d %9.1f %9.1f  %s\n' "$N" "$(bc -l <<< "($t1-$t0)/1000")" "$(bc -l <<< "$join_ms/1000")" \
    "$(bc -l <<< "$write_ms/1000")" "$(bc -l <<< "$run_ms/1000")" $(( 2 * N * 1000 / run_ms )) "$(bc -l <<< "$run_ms/$join_ms")" \
    "$(bc -l <<< "$run_ms/$write_ms")" "$verdict"
  echo "          pairs joined by baseline: $pairs; run counts: $got" >&2
  [[ "$verdict" == OK* ]] || exit 1
done

first=${SIZES[0]}
if (( ${#SIZES[@]} > 1 )); then
  echo "growth (run time relative to $first rows):"
  for N in "${SIZES[@]}"; do
    printf '  %-9s rows: x%.2f time for x%.1f rows\n' "$N" "$(bc -l <<< "${RUN_S[$N]}/${RUN_S[$first]}")" "$(bc -l <<< "$N/$first")"
  done
fi
