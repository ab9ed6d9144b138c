#!/usr/bin/env bash
# Month-end reports benchmark: plants a CNY bank account's month with N statement lines, the company's bank journal
# with an entry matched (confirmed ledger_bank match) to nearly every line, and a few reconciling items of each of the
# four kinds (bench/month-end-plant.sql, known answers), then on the packaged server (port 18189, -Xmx512m) times
#   GET /reports/bank-reconciliation (余额调节表, "bank reconciliation" below) on the month's last day, JSON and PDF,
#   GET /reports/reconciliation (the account's reconciliation statement) for the month, JSON and PDF,
# each with the response's bytes, the server's peak RSS (VmHWM) after it and the heap (GC log: the most the heap held
# before a collection during the request, and the most it kept after one). Baselines of the same run, in psql:
#   set-based: the four groups of reconciling items (count, total) in one statement, hash anti-joins of the month's
#              lines and entries against the confirmed matches (the same answer, the SQL floor);
#   \copy:     the month's lines and entries written to files (reading the month once).
# Verifies that the 余额调节表's adjusted balances are equal and equal the planted figure, that its groups' counts and
# totals, the journal's and the bank's balance are the planted ones, that the reconciliation statement's difference
# is the planted one and fully explained, that both PDFs are PDFs and that the set-based baseline found the same
# groups; exits 1 otherwise (and when a request fails or times out). A 2,000-line account planted beside it takes
# the same four requests first, untimed, so that the figures are of a warmed-up server.
#   bench/month-end.sh                  # 1000000 lines
#   bench/month-end.sh 100000 1000000
# ITEMS=k reconciling items of each kind (default 5); WALLETRECON_BENCH_TIMEOUT seconds per request (default 900).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("${@:-1000000}")
read -r -a SIZES <<< "${SIZES[*]}"
PORT="${WALLETRECON_BENCH_PORT:-18189}"
TIMEOUT="${WALLETRECON_BENCH_TIMEOUT:-900}"
K="${ITEMS:-5}"
D0=2026-10-01
D1=2026-10-31
CODE=bench-monthend
export WALLETRECON_DB_NAME="${WALLETRECON_DB_NAME:-walletrecon_monthend}"
# shellcheck source=bench/bench-server.sh
source bench/bench-server.sh
# shellcheck source=bench/figures.sh
source bench/figures.sh
WALLETRECON_BENCH_JAVA_OPTS="${WALLETRECON_BENCH_JAVA_OPTS:--Xmx512m} -Xlog:gc:file=$WORK/gc.log"
"${PSQL[@]}" -c "select 1" >/dev/null
start_server
API="http://127.0.0.1:$PORT"
failures=()

# One request: sets SECS, BYTES, CODE_HTTP, RSS_MB (VmHWM after it), HEAP (peak before GC / most kept after GC, MB).
request() { # accept, url, output file
  local gc0 t0 t1
  gc0=$(wc -l < "$WORK/gc.log")
  t0=$(ms)
  CODE_HTTP=$(curl -sS --max-time "$TIMEOUT" -o "$3" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H "Accept: $1" \
              -H 'Accept-Language: zh-CN' "$2") || CODE_HTTP="curl failed or timed out after ${TIMEOUT}s"
  t1=$(ms)
  SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.2f", (b-a)/1000}')
  BYTES=$(stat -c %s "$3" 2>/dev/null || echo 0)
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    RSS_MB=$(awk '/VmHWM/ {printf "%d", $2/1024}' "/proc/$SERVER_PID/status")
  else
    RSS_MB="server gone"; CODE_HTTP="$CODE_HTTP, server exited: $(grep -m1 -i 'OutOfMemory' "$WORK/server.log" || tail -1 "$WORK/server.log")"
  fi
  HEAP=$(tail -n +"$((gc0 + 1))" "$WORK/gc.log" | awk '
    function mb(s) { u = substr(s, length(s)); v = substr(s, 1, length(s) - 1) + 0; return u == "G" ? v * 1024 : u == "K" ? v / 1024 : v }
    match($0, /[0-9]+[KMG]->[0-9]+[KMG]/) { split(substr($0, RSTART, RLENGTH), p, "->"); b = mb(p[1]); a = mb(p[2]); if (b > pb) pb = b; if (a > pa) pa = a; n++ }
    END { if (n) printf "%d/%d", pb, pa; else printf "no GC" }')
}

printf '%-9s %-34s %9s %12s %8s %13s %9s %9s  %s\n' lines request seconds bytes rss_mb heap_mb x_setsql x_copy result
for N in "${SIZES[@]}"; do
  (( N >= 100 )) || { echo "a size is at least 100 lines" >&2; exit 2; }
  # A clean slate per size (this database is the bench's own).
  "${PSQL[@]}" -c "set client_min_messages = warning" -c "truncate match_items, matches, match_runs, ledger_entries, ledger_imports,
      statement_lines, statements, recon_exceptions, accounts restart identity cascade"
  # A small account first, to warm the server up (JIT, pools) on the same requests; its answers are not timed.
  WARM=$("${PSQL[@]}" -c "insert into accounts (company_id, code, provider, name, currency, time_zone)
      values ((select id from companies where code = 'default'), '$CODE-warm', 'bank', '预热账户 (bench)', 'CNY', 'Asia/Shanghai') returning id")
  "${PSQL[@]}" -v acct="$WARM" -v n=2000 -v k="$K" -v d0="$D0" -v d1="$D1" -f bench/month-end-plant.sql
  ACCT=$("${PSQL[@]}" -c "insert into accounts (company_id, code, provider, name, currency, time_zone)
      values ((select id from companies where code = 'default'), '$CODE', 'bank', '工商银行 基本户 (bench)', 'CNY', 'Asia/Shanghai') returning id")
  p0=$(ms)
  "${PSQL[@]}" -v acct="$ACCT" -v n="$N" -v k="$K" -v d0="$D0" -v d1="$D1" -f bench/month-end-plant.sql
  "${PSQL[@]}" -c "vacuum analyze statement_lines" -c "vacuum analyze ledger_entries" -c "vacuum analyze match_items" -c "vacuum analyze matches"
  "${PSQL[@]}" -c "checkpoint" 2>/dev/null || runuser -u postgres -- psql -Xq -c "checkpoint" 2>/dev/null \
    || echo "note: no CHECKPOINT before the run (needs pg_checkpoint or root); expect more variance" >&2
  p1=$(ms)
  IFS='|' read -r a_n a_t b_n b_t c_n c_t d_n d_t bank journal adjusted adjusted_bank difference \
    < <("${PSQL[@]}" -c "select * from bench_monthend_expect")
  (( adjusted == adjusted_bank )) || { echo "the plant itself does not balance: $adjusted vs $adjusted_bank" >&2; exit 1; }
  echo "planted $N lines in $(awk -v a="$p0" -v b="$p1" 'BEGIN{printf "%.1f", (b-a)/1000}') s (load average $(cut -d' ' -f1 /proc/loadavg));" \
       "groups A $a_n/$a_t B $b_n/$b_t C $c_n/$c_t D $d_n/$d_t; journal $journal, bank $bank, adjusted $adjusted, difference $difference" >&2

  # Baseline 1: the four groups, set-based, in psql.
  s0=$(ms)
  setsql=$("${PSQL[@]}" -c "set work_mem = '256MB'" -c "
    with late as (
      select mi.match_id from ledger_entries e join match_items mi on mi.item_type = 'ledger_entry' and mi.item_id = e.id and mi.live
      where e.account_id = $ACCT and e.entry_date > date '$D1'
      union
      select mi.match_id from statement_lines l join match_items mi on mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live
      where l.account_id = $ACCT and l.value_date > date '$D1'),
    done as (
      select mi.item_type, mi.item_id from matches m join match_items mi on mi.match_id = m.id and mi.live
      where m.account_id = $ACCT and m.kind = 'ledger_bank' and m.status = 'confirmed' and m.id not in (select match_id from late)),
    open as (
      select case when l.amount_minor > 0 then 'A' else 'B' end as g, l.amount_minor as amt from statement_lines l
      where l.account_id = $ACCT and l.value_date between date '$D0' and date '$D1'
        and not exists (select 1 from done where done.item_type = 'statement_line' and done.item_id = l.id)
      union all
      select case when e.amount_minor > 0 then 'C' else 'D' end, e.amount_minor from ledger_entries e
      where e.account_id = $ACCT and e.entry_date between date '$D0' and date '$D1'
        and not exists (select 1 from done where done.item_type = 'ledger_entry' and done.item_id = e.id))
    select string_agg(g || ' ' || n || '/' || t, ' ' order by g) from (select g, count(*) as n, sum(amt) as t from open group by g) x")
  s1=$(ms)
  # Baseline 2: the month's lines and entries, written to files.
  c0=$(ms)
  "${PSQL[@]}" -c "\\copy (select l.id, l.value_date, l.amount_minor, l.bank_reference, l.counterparty_name, l.remittance_info
                           from statement_lines l where l.account_id = $ACCT and l.value_date between date '$D0' and date '$D1'
                           order by l.value_date, l.id) to '$WORK/lines.csv' with (format csv)" \
               -c "\\copy (select e.id, e.entry_date, e.amount_minor, e.voucher_no, e.reference, e.counterparty, e.memo
                           from ledger_entries e where e.account_id = $ACCT and e.entry_date between date '$D0' and date '$D1'
                           order by e.entry_date, e.id) to '$WORK/entries.csv' with (format csv)"
  c1=$(ms)
  set_ms=$((s1 - s0)); copy_ms=$((c1 - c0))
  want_groups="A $a_n/$a_t B $b_n/$b_t C $c_n/$c_t D $d_n/$d_t"
  v="OK"; [[ "$setsql" == "$want_groups" ]] || { v="MISMATCH: $setsql"; failures+=("set-based baseline at $N: $setsql, want $want_groups"); }
  printf '%-9s %-34s %9.2f %12s %8s %13s %9s %9s  %s\n' "$N" "baseline: set-based SQL (psql)" "$(bc -l <<< "$set_ms/1000")" - - - - - "$v"
  printf '%-9s %-34s %9.2f %12d %8s %13s %9s %9s  %s\n' "$N" "baseline: \\copy lines + entries" "$(bc -l <<< "$copy_ms/1000")" \
    $(( $(stat -c %s "$WORK/lines.csv") + $(stat -c %s "$WORK/entries.csv") )) - - - - "$(wc -l < "$WORK/lines.csv") lines, $(wc -l < "$WORK/entries.csv") entries"

  for accept in application/json application/pdf; do
    curl -fsS -o /dev/null --max-time 120 -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" "$API/reports/bank-reconciliation?account=$CODE-warm&date=$D1"
    curl -fsS -o /dev/null --max-time 120 -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" "$API/reports/reconciliation?account=$CODE-warm&from=$D0&to=$D1"
  done
  load0=$(cut -d' ' -f1 /proc/loadavg)
  for what in bankrec-json bankrec-pdf recon-json recon-pdf; do
    case "$what" in
      bankrec-json) label="bank reconciliation JSON"; accept=application/json; url="$API/reports/bank-reconciliation?account=$CODE&date=$D1" ;;
      bankrec-pdf)  label="bank reconciliation PDF"; accept=application/pdf; url="$API/reports/bank-reconciliation?account=$CODE&date=$D1" ;;
      recon-json)   label="reconciliation statement JSON"; accept=application/json; url="$API/reports/reconciliation?account=$CODE&from=$D0&to=$D1" ;;
      recon-pdf)    label="reconciliation statement PDF"; accept=application/pdf; url="$API/reports/reconciliation?account=$CODE&from=$D0&to=$D1" ;;
    esac
    out="$WORK/$what.out"
    request "$accept" "$url" "$out"
    v="OK"
    if [[ "$CODE_HTTP" != 200 ]]; then
      v="FAILED: HTTP $CODE_HTTP $(head -c 300 "$out" 2>/dev/null | tr '\n' ' ')"
    else
      case "$what" in
        bankrec-json)
          got=$(jq -r '[.journal.balance.amountMinor, .bank.balance.amountMinor, .journal.adjustedBalance.amountMinor,
                        .bank.adjustedBalance.amountMinor, .unexplainedDifference.amountMinor, .balanced,
                        "A \(.journal.add.count)/\(.journal.add.totalMinor) B \(.journal.less.count)/\(.journal.less.totalMinor) C \(.bank.add.count)/\(.bank.add.totalMinor) D \(.bank.less.count)/\(.bank.less.totalMinor)"]
                       | map(tostring) | join("|")' "$out")
          want="$journal|$bank|$adjusted|$adjusted|0|true|$want_groups"
          [[ "$got" == "$want" ]] || v="MISMATCH got $got want $want" ;;
        recon-json)
          got=$(jq -r '.figures | [.bookSource, .computedAtReportedMinor, .reportedClosingBalanceMinor, .differenceMinor, .explainedMinor,
                                   .unexplainedMinor, .reconcilingItems] | map(tostring) | join("|")' "$out")
          want="ledger_entries|$journal|$bank|$difference|$difference|0|$((a_n + b_n + c_n + d_n))"
          [[ "$got" == "$want" ]] || v="MISMATCH got $got want $want" ;;
        *) [[ "$(head -c 5 "$out")" == "%PDF-" ]] || v="MISMATCH: not a PDF" ;;
      esac
    fi
    [[ "$v" == OK ]] || failures+=("$label at $N lines: $v")
    x_set=$(awk -v r="$SECS" -v b="$set_ms" 'BEGIN{printf "%.1f", r * 1000 / b}')
    x_copy=$(awk -v r="$SECS" -v b="$copy_ms" 'BEGIN{printf "%.1f", r * 1000 / b}')
    printf '%-9s %-34s %9s %12s %8s %13s %9s %9s  %s\n' "$N" "$label" "$SECS" "$BYTES" "$RSS_MB" "$HEAP" "$x_set" "$x_copy" "$v"
    if [[ "$v" == OK ]]; then
      figure "month-end $label, $N lines" "$SECS s, peak RSS $RSS_MB MB" \
        "$(awk -v b="$set_ms" 'BEGIN{printf "set-based SQL %.2f s", b/1000}')" "${x_set}×" "≤ 10 s" "$(meets "$SECS" "<=" 10)"
    else
      figure "month-end $label, $N lines" "-" "-" "-" "≤ 10 s" "failed"
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited; its log ends:" >&2; tail -20 "$WORK/server.log" >&2; break 2; }
  done
  echo "          load average $load0 -> $(cut -d' ' -f1 /proc/loadavg); heap_mb: most held before a GC / most kept after one, during the request" >&2
done

if (( ${#failures[@]} )); then
  printf 'FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
