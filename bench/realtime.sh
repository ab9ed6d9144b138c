#!/usr/bin/env bash
# Real-time matching: how long from a wallet notification to its invoice paid, on the packaged server as deployed
# (real-time matching on, the scheduler off, so nothing else starts a run).
#
#   bench/realtime.sh [notifications]     (default 100; env GAP_MS=200 BENCH_PORT=18182
#                                           WALLETRECON_DB_NAME=walletrecon_realtime)
#
# Plants one customer and one open 88.88 EUR receivable per notification, then sends signed Standard Webhooks
# deliveries one at a time (GAP_MS apart), each a payment naming its receivable's reference, and after each polls
# GET /receivables/{id} until it is paid (bench/IntakeLoad.java realtime). Prints p50/p95/max of notification → paid
# and, as the baseline of the same run, the p50/p95 of the delivery's own acknowledgement; the ratio is paid p95 /
# acknowledgement p95. Verifies: every receivable paid, each payment matched exactly once, every run requested by
# real-time matching.
set -euo pipefail
cd "$(dirname "$0")/.."

N="${1:-100}"
GAP_MS="${GAP_MS:-200}"
PORT="${BENCH_PORT:-18182}"
TIMEOUT=600
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_realtime}"
source bench/bench-server.sh

start_server
base="http://127.0.0.1:$PORT"
tag="rt$(date +%s)"
account="bench-$tag"
secret="whsec_$(openssl rand -base64 32)"
curl -fsS -o /dev/null -X POST "$base/accounts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$account\",\"provider\":\"standard\",\"name\":\"Real-time benchmark\",\"currency\":\"EUR\",\"timeZone\":\"Europe/Berlin\",\"credentials\":{\"webhookSecrets\":[\"$secret\"]}}"

"${PSQL[@]}" > "$WORK/references.txt" <<SQL
with c as (
  insert into customers (company_id, external_id, name)
  select company_id, '$tag', 'Real-time benchmark customer' from accounts where code = '$account' returning id)
insert into receivables (customer_id, reference, amount_minor, currency, issue_date, due_date)
select c.id, 'RT-$tag-' || g, 8888, 'EUR', current_date, current_date + 30 from c, generate_series(1, $N) g
returning id || ' ' || reference;
SQL
sed -i '/^$/d' "$WORK/references.txt"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
line="$(java bench/IntakeLoad.java realtime "$base" "$TOKEN" "$account" "$secret" "$WORK/references.txt" "$GAP_MS")"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$line"

paid=$("${PSQL[@]}" -c "select count(*) from receivables where reference like 'RT-$tag-%' and status = 'paid' and paid_minor = 8888")
matched=$("${PSQL[@]}" -c "select count(distinct i.item_id) from match_items i join matches m on m.id = i.match_id
  join transactions t on t.id = i.item_id and i.item_type = 'transaction' join accounts a on a.id = t.account_id
  where a.code = '$account' and i.live and m.status = 'confirmed'")
claims=$("${PSQL[@]}" -c "select count(*) from match_items i join matches m on m.id = i.match_id
  join transactions t on t.id = i.item_id and i.item_type = 'transaction' join accounts a on a.id = t.account_id
  where a.code = '$account' and i.live")
runs=$("${PSQL[@]}" -c "select count(*) || ' runs (' || count(*) filter (where requested_by = 'real-time') || ' by real-time)'
  from match_runs r join accounts a on a.id = r.account_id where a.code = '$account'")
echo "verified: $paid of $N receivables paid, $matched payments matched ($claims live claims), $runs"
ack95=$(sed -E 's/.* ack_p95_ms=([0-9.]+).*/\1/' <<< "$line")
paid95=$(sed -E 's/.* paid_p95_ms=([0-9.]+).*/\1/' <<< "$line")
echo "ratio: notification→paid p95 / acknowledgement p95 = $(awk -v a="$paid95" -v b="$ack95" 'BEGIN{printf "%.1f", a/b}')×"
# shellcheck source=bench/figures.sh
source bench/figures.sh
verdict=$(meets "$paid95" "<=" 2000)
[[ "$paid" == "$N" && "$matched" == "$N" && "$claims" == "$N" ]] || verdict="wrong: $paid of $N paid"
figure "notification → receivable paid, p95 of $N" "$(awk -v a="$paid95" 'BEGIN{printf "%.2f s", a/1000}')" \
  "acknowledgement p95 $(awk -v b="$ack95" 'BEGIN{printf "%.0f ms", b}')" "$(awk -v a="$paid95" -v b="$ack95" 'BEGIN{printf "%.1f", a/b}')×" "≤ 2 s" "$verdict"
[[ "$paid" == "$N" && "$matched" == "$N" && "$claims" == "$N" ]] || { echo "MISMATCH: expected $N paid and matched once" >&2; exit 1; }
