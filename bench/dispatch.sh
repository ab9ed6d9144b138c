#!/usr/bin/env bash
# Payment dispatch benchmark: 10,000 approved, due payouts sent by the server's scheduler to a local
# Stripe-compatible stub on 127.0.0.1:18284 that counts idempotency keys. Prints payments/s, the duplicate sends the
# stub saw (must be 0), and the ratio to a baseline measured in the same run: the stub's raw requests/s from a plain
# JDK HttpClient loop with the same concurrency (what the provider link allows without any database work).
# Loopback only; bounded: gives up after 300 s. Uses the database $WALLETRECON_DB_NAME (default walletrecon_dispatch).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
CONC="${CONC:-32}"
STUB_PORT="${STUB_PORT:-18284}"
HTTP_PORT="${HTTP_PORT:-18184}"
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_dispatch}"

jdbc="$(bin/postgres)"
hostdb="${jdbc#jdbc:postgresql://}"
PGURL="postgresql://${WALLETRECON_DB_USER:-walletrecon}:${WALLETRECON_DB_PASSWORD:-walletrecon}@${hostdb}"

echo "building server (reactor package, tests skipped)..." >&2
./mvnw -B -q package -pl core,server -DskipTests >&2

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

java bench/ProviderStub.java serve "$STUB_PORT" & pids+=($!)
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/"$STUB_PORT") 2>/dev/null && break; sleep 0.2; done

baseline="$(java bench/ProviderStub.java load "http://127.0.0.1:$STUB_PORT/baseline" "$N" "$CONC" | sed -n 's/^baseline_rps=\([0-9]*\).*/\1/p')"

WALLETRECON_DB_URL="$jdbc" WALLETRECON_DB_REACTIVE_URL="${jdbc#jdbc:}" \
WALLETRECON_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
PORT="$HTTP_PORT" WALLETRECON_DISPATCH_EVERY=1s WALLETRECON_DISPATCH_BATCH_SIZE=500 WALLETRECON_DISPATCH_CONCURRENCY="$CONC" \
WALLETRECON_DISPATCH_STRIPE_BASE_URL="http://127.0.0.1:$STUB_PORT" WALLETRECON_DISPATCH_STRIPE_API_KEY=sk_bench \
QUARKUS_LOG_CATEGORY__IO_WALLETRECON__LEVEL=WARN \
  java -jar server/target/quarkus-app/quarkus-run.jar > server/target/bench-server.log 2>&1 & pids+=($!)
up=0
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null && { up=1; break; }; sleep 0.2; done
[[ $up == 1 ]] || { echo "server did not start; see server/target/bench-server.log" >&2; exit 1; }

tag="bench-$(date +%s)"
psql -q "$PGURL" -v ON_ERROR_STOP=1 <<SQL >/dev/null
insert into accounts (company_id, code, provider, name, currency, time_zone) values ((select id from companies where code = 'default'), '$tag', 'stripe', 'Bench', 'NOK', 'Europe/Oslo');
insert into statements (account_id, format, currency, closing_balance_minor, period_end, file_sha256, imported_by)
  select id, 'bench', 'NOK', 1000000000000, current_date - 1, '$tag', 'bench' from accounts where code = '$tag';
with b as (insert into beneficiaries (company_id, kind, beneficiary_key, name, masked)
           select (select company_id from accounts where code = '$tag'), 'wallet', '$tag-ba-' || g, 'Merchant ' || g, '$tag-ba-' || g from generate_series(1, $N) g returning id, name),
p as (insert into payment_orders (type, account_id, beneficiary_id, beneficiary_name, amount_minor, currency, reference, execute_on, due_at,
                                  state, channel, created_by, idempotency_key)
      select 'payout', a.id, b.id, b.name, 100 + (b.id % 900), 'NOK', '$tag-' || b.id, current_date, now(), 'scheduled', 'stripe', 'bench',
             a.code || '/' || gen_random_uuid()
      from b, accounts a where a.code = '$tag' returning id)
insert into dispatch_jobs (payment_id, channel, status, due_at) select id, 'stripe', 'pending', now() from p;
SQL
start=$(date +%s.%N)
done_count=0
for _ in $(seq 1 1500); do
  done_count=$(psql -tAq "$PGURL" -c "select count(*) from dispatch_jobs j join payment_orders p on p.id = j.payment_id where p.reference like '$tag-%' and j.status = 'done'")
  [[ "$done_count" -ge "$N" ]] && break
  sleep 0.2
done
end=$(date +%s.%N)
stats="$(curl -s "http://127.0.0.1:$STUB_PORT/stats")"
submitted=$(psql -tAq "$PGURL" -c "select count(*) from payment_orders where reference like '$tag-%' and state = 'submitted' and provider_payment_id = 'po_' || idempotency_key")
dups="$(sed -n 's/.*duplicates=\([0-9]*\).*/\1/p' <<<"$stats")"
awk -v n="$done_count" -v s="$start" -v e="$end" -v base="$baseline" -v dups="$dups" -v submitted="$submitted" -v stats="$stats" 'BEGIN {
  rate = n / (e - s);
  printf "payments dispatched: %d (submitted with provider id: %d) in %.2f s\n", n, submitted, e - s;
  printf "dispatch rate:       %.0f payments/s\n", rate;
  printf "baseline:            %d requests/s (plain HTTP client loop against the same stub)\n", base;
  printf "ratio:               %.3f of baseline\n", rate / base;
  printf "stub:                %s\n", stats;
  printf "duplicate sends:     %d\n", dups;
}'
# shellcheck source=bench/figures.sh
source bench/figures.sh
x=$(awk -v n="$done_count" -v s="$start" -v e="$end" -v base="$baseline" 'BEGIN{printf "%.2f", n / (e - s) / base}')
verdict=$(meets "$x" ">=" 0.85)
[[ "$done_count" -ge "$N" && "$dups" == 0 ]] || verdict="wrong: $done_count of $N done, $dups duplicate sends"
figure "dispatch, $N payouts to a loopback provider" "$(awk -v n="$done_count" -v s="$start" -v e="$end" 'BEGIN{printf "%.0f /s", n / (e - s)}')" \
  "HTTP loop $baseline /s" "${x}×" "≥ 0.85×, 0 duplicates" "$verdict"
[[ "$done_count" -ge "$N" && "$dups" == 0 ]] || { echo "MISMATCH: $done_count of $N dispatched, $dups duplicate sends" >&2; exit 1; }
