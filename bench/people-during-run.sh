#!/usr/bin/env bash
# How long people wait while a large matching run works: approvals of payments timed through the API with no run
# going (the baseline, same server, same database, same run of this script), then while a run of N receipts and N
# receivables (default 100000 each, 200k rows) works on another account. Prints both, their ratio, and verifies that
# the run found the planted answers and every approved payment was scheduled.
#   bench/people-during-run.sh [N] [PAYMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
PAYMENTS="${2:-40}"
BASE=8
PORT="${WALLETRECON_BENCH_PORT:-18184}"
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_people}"
URL="$(bin/postgres)"
export PGPASSWORD="${WALLETRECON_DB_OWNER_PASSWORD:-walletrecon}"
PSQL=(psql -XqtA -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "${WALLETRECON_DB_OWNER_USER:-walletrecon}" -d "$WALLETRECON_DB_NAME")
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

if [[ ! -f server/target/quarkus-app/quarkus-run.jar || -n "${WALLETRECON_BENCH_REBUILD:-}" ]]; then
  echo "building the server jar (./mvnw package, no install) ..." >&2
  ./mvnw -B -q -pl core,server package -DskipTests >&2
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/key.pem" 2>/dev/null
openssl pkey -in "$WORK/key.pem" -pubout -out "$WORK/public.pem"
token() {
  local now header payload sig
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"walletrecon","sub":"%s","upn":"%s","groups":[%s],"iat":%d,"exp":%d}' "$1" "$1" "$2" "$now" $((now + 7200)) | b64url)
  sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$WORK/key.pem" -binary | b64url)
  echo "$header.$payload.$sig"
}
MAKER=$(token bench-maker '"finance","admin"')
APPROVER=$(token bench-approver '"approver"')

WALLETRECON_DB_URL="$URL" WALLETRECON_DB_REACTIVE_URL="${URL#jdbc:}" PORT="$PORT" \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$WORK/public.pem" WALLETRECON_MASTER_KEY="$(openssl rand -base64 32)" \
  WALLETRECON_SCHEDULER_ENABLED=false \
  java -jar server/target/quarkus-app/quarkus-run.jar > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
  sleep 0.5
done

# A clean slate (this database is the bench's own): everything hanging off accounts, customers and receivables.
"${PSQL[@]}" -c "truncate accounts, customers, receivables, payer_identities restart identity cascade"
ACCT=$("${PSQL[@]}" -c "insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), 'bench-people-wx', 'wechatpay', 'Bench', 'CNY', 'Asia/Shanghai') returning id")
"${PSQL[@]}" -v acct="$ACCT" -v n="$N" -v cur=CNY -v d0=2030-03-01 -v p=pb -f bench/matching-plant.sql
"${PSQL[@]}" -c "vacuum analyze transactions" -c "vacuum analyze receivables"
"${PSQL[@]}" -c "checkpoint" 2>/dev/null || true

api() { curl -fsS -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "${@:2}"; }
api "$MAKER" "http://127.0.0.1:$PORT/accounts" -d '{"code":"bench-people-nok","provider":"stripe","name":"Bench NOK","currency":"NOK",
  "timeZone":"Europe/Oslo","credentials":{"webhookSecrets":["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]}}' >/dev/null
ids=()
for i in $(seq 1 $((BASE + PAYMENTS))); do
  id=$(api "$MAKER" -H "Idempotency-Key: bench-$RANDOM-$i-$(date +%s%N)" "http://127.0.0.1:$PORT/payments" \
       -d "{\"type\":\"payout\",\"account\":\"bench-people-nok\",\"amount\":\"1$i.00\",\"currency\":\"NOK\",\"reference\":\"PEOPLE-$i\",
            \"beneficiary\":{\"name\":\"Merchant $i\",\"walletIdentity\":\"acct_bench_$i\"}}" | jq -r .id)
  ids+=("$id")
done
approve() { curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $APPROVER" -H 'Content-Type: application/json' \
  "http://127.0.0.1:$PORT/payments/$1/approvals" -d '{"comment":"bench"}'; }
state() { "${PSQL[@]}" -c "select state from match_runs where id = $1"; }

base=()
for i in $(seq 0 $((BASE - 1))); do base+=("$(approve "${ids[$i]}")"); done

r0=$(date +%s%3N)
run=$(api "$MAKER" "http://127.0.0.1:$PORT/matching/runs" -d '{"account":"bench-people-wx","from":"2030-03-01","to":"2030-03-30"}' | jq -r .id)
until [[ "$(state "$run")" == running ]]; do sleep 0.02; done
during=()
for i in $(seq "$BASE" $((BASE + PAYMENTS - 1))); do
  t=$(approve "${ids[$i]}")
  [[ "$(state "$run")" == running ]] || break
  during+=("$t")
done
until [[ "$(state "$run")" != running && "$(state "$run")" != queued ]]; do sleep 0.05; done
r1=$(date +%s%3N)

view=$(api "$MAKER" "http://127.0.0.1:$PORT/matching/runs/$run")
[[ "$(jq -r .state <<< "$view")" == succeeded ]] || { echo "run $run: $(jq -c . <<< "$view")" >&2; exit 1; }
[[ "$(jq -r .counts.matches.reference <<< "$view")" == $((N * 90 / 100)) ]] || { echo "counts differ: $(jq -c .counts <<< "$view")" >&2; exit 1; }
scheduled=$("${PSQL[@]}" -c "select count(*) from payment_orders where state = 'scheduled' and reference like 'PEOPLE-%'")
approved=$(( BASE + ${#during[@]} ))
(( scheduled >= approved )) || { echo "approved $approved payments but $scheduled are scheduled" >&2; exit 1; }
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "n=%d p50=%.0f ms max=%.0f ms", NR, a[int((NR+1)/2)]*1000, a[NR]*1000}'; }
p50() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "run of $N receipts + $N receivables: $(bc -l <<< "($r1-$r0)/1000" | xargs printf '%.2f') s, counts = planted"
echo "approvals, no run going (baseline): $(stats "${base[@]}")"
echo "approvals while the run works:      $(stats "${during[@]}")"
echo "ratio p50 during / baseline:        $(bc -l <<< "$(p50 "${during[@]}") / $(p50 "${base[@]}")" | xargs printf '%.2f')"
