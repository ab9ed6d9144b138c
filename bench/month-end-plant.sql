-- Plants a bank account's month for the month-end reports (bench/month-end.sh), straight into PostgreSQL
-- (generate_series, no round trips), with known answers.
-- Variables: :acct a bank account (CNY, Asia/Shanghai), :n statement lines in the month, :k reconciling items of
-- each kind, :'d0' the first and :'d1' the last day of the month.
-- The bank: one statement for d0..d1, opening 123,456,789.00, closing = opening + its lines exactly.
-- The company's bank journal (ledger_entries) opens on d0, inside the statements, so it opens at the bank's balance.
--   matched   n - 2k - 2 lines, 60% credits, each booked as one entry of the same date and amount (voucher 记-i,
--             reference = the line's bank reference), joined by a confirmed ledger_bank match (rule ledger_reference)
--             written as LedgerRules writes it: matches (ids drawn from its sequence in order) and a left
--             ledger_entry item and a right statement_line item per match, under one succeeded run
--   A  银行已收、企业未收  k credits no entry explains (one of them interest), one credit of d1 whose entry is
--             booked on d1 + 1 (confirmed match, still an item on d1), one credit of d0 + 14 whose entry of d0 + 15
--             is only suggested (both stay items): k + 2 lines
--   B  银行已付、企业未付  k bank charges (kind fee) no entry explains: k lines
--   C  企业已收、银行未收  k receipts booked on d1 - 1 or d1 not yet at the bank, and the suggested entry: k + 1
--   D  企业已付、银行未付  k cheques booked from d0 + 20 not yet presented: k entries
-- Answers on d1 (bench_monthend_expect): the four groups' counts and totals, the journal's and the bank's balance,
-- the adjusted balance (journal + A + B = bank + C + D) and the reconciliation statement's difference
-- (journal − bank = C + D − A − B), each summed from the families above, not from the reports' rules.
set client_min_messages = warning;
create temp sequence mb_no;
create temp table mb_line (i bigint primary key, fam text not null, d date not null, amt bigint not null, kind text not null,
    bref text not null, cp text, memo text);
create temp table mb_entry (i bigint primary key, fam text not null, d date not null, amt bigint not null, voucher text not null,
    ref text, cp text, memo text);

-- matched lines and their entries
insert into mb_line
select i, 'M', date :'d0' + (i % (date :'d1' - date :'d0' + 1))::int,
       case when i % 5 < 3 then 1 else -1 end * (100 + (i::bigint * 7919) % 4999901),
       'payment', 'B' || to_char(date :'d0', 'YYMM') || lpad(i::text, 9, '0'),
       case when i % 5 < 3 then '客户' || (i % 9973) || '有限公司' else '供应商' || (i % 4999) || '贸易公司' end,
       case when i % 5 < 3 then '货款 ' || i else '采购付款 ' || i end
from generate_series(1, :n - 2 * :k - 2) i;
insert into mb_entry select i, 'M', d, amt, '记-' || lpad(i::text, 9, '0'), bref, cp, memo from mb_line;

-- A: credits only the bank has; one matched to an entry of the next month; one with a suggested entry
insert into mb_line select nextval('mb_no') + 10000000000, 'A', date :'d0' + (j * 5) % (date :'d1' - date :'d0' + 1), 10000 + j * 111,
       case when j = 1 then 'interest' else 'payment' end, 'BA' || j, case when j = 1 then null else '未知付款人 ' || j end,
       case when j = 1 then '利息收入' else '来账 ' || j end
from generate_series(1, :k) j;
insert into mb_line values (nextval('mb_no') + 10000000000, 'A-late', date :'d1', 777700, 'payment', 'BAL1', '月末客户有限公司', '月末货款');
insert into mb_entry select i, 'A-late', date :'d1' + 1, amt, '记-NEXT-1', bref, cp, memo from mb_line where fam = 'A-late';
insert into mb_line values (nextval('mb_no') + 10000000000, 'A-suggested', date :'d0' + 14, 555500, 'payment', 'BAS1', '建议客户有限公司', '待确认货款');
insert into mb_entry select i, 'C-suggested', d + 1, amt, '记-SUG-1', null, cp, memo from mb_line where fam = 'A-suggested';
-- B: the bank's charges the journal has not booked
insert into mb_line select nextval('mb_no') + 10000000000, 'B', date :'d0' + (j * 7) % (date :'d1' - date :'d0' + 1), -(500 + j * 10), 'fee', 'BB' || j,
       '银行', '手续费 ' || j
from generate_series(1, :k) j;
-- C: receipts booked, not yet at the bank; D: cheques issued, not yet presented
insert into mb_entry select nextval('mb_no') + 20000000000, 'C', date :'d1' - (j % 2), 20000 + j * 333, '记-C-' || j, 'DEP-' || j,
       '在途客户' || j, '在途存款 ' || j
from generate_series(1, :k) j;
insert into mb_entry select nextval('mb_no') + 20000000000, 'D', date :'d0' + 20 + j % 10, -(30000 + j * 777), '记-D-' || j, 'CHQ-' || j,
       '未兑付供应商' || j, '支票 ' || j
from generate_series(1, :k) j;

-- the bank's statement and its lines
insert into statements (account_id, format, statement_ref, period_start, period_end, currency, opening_balance_minor,
    closing_balance_minor, file_sha256, line_count, imported_by, statement_key)
select :acct, 'bench', 'MB-' || to_char(date :'d0', 'YYYY-MM'), date :'d0', date :'d1', 'CNY', 12345678900,
       12345678900 + sum(amt), 'month-end-bench', count(*), 'bench', 'bench:month-end'
from mb_line;
insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, booking_date, amount_minor, currency,
    bank_reference, counterparty_name, remittance_info)
select (select id from statements where account_id = :acct), :acct, row_number() over (order by d, i), 'mb-' || i, kind, d, d, amt,
       'CNY', bref, cp, memo
from mb_line order by d, i;

-- the journal
insert into ledger_imports (account_id, file_sha256, charset, rows, inserted, imported_by)
select :acct, 'month-end-bench-journal', 'UTF-8', count(*), count(*), 'bench' from mb_entry;
insert into ledger_entries (account_id, import_id, line_no, entry_key, entry_date, amount_minor, currency, voucher_no,
    reference, counterparty, memo)
select :acct, (select id from ledger_imports where account_id = :acct), row_number() over (order by d, i), 'mb-' || i, d, amt, 'CNY',
       voucher, ref, cp, memo
from mb_entry order by d, i;

-- the matches, as a run's ledger rules write them
insert into match_runs (account_id, kind, period_start, period_end, state, requested_by, started_at, finished_at)
values (:acct, 'manual', date :'d0', date :'d1', 'succeeded', 'bench', now(), now());
-- temp tables get no statistics of their own: without these the join below is planned as nested loops
analyze mb_line;
analyze mb_entry;
analyze statement_lines;
analyze ledger_entries;
create temp table mb_pair as
select nextval(cast(pg_get_serial_sequence('matches', 'id') as regclass)) as match_id, x.* from (
  select e.fam, e.amt, e.d as ed, l.d as ld, e.ref, le.id as entry_id, sl.id as line_id
  from mb_entry e join mb_line l on l.i = e.i
  join ledger_entries le on le.account_id = :acct and le.entry_key = 'mb-' || e.i
  join statement_lines sl on sl.account_id = :acct and sl.line_key = 'mb-' || l.i
  order by e.i) x;
insert into matches (id, account_id, run_id, kind, rule, confidence, status, currency, left_total_minor, right_total_minor,
    difference_minor, created_by, evidence)
select p.match_id, :acct, (select max(id) from match_runs where account_id = :acct), 'ledger_bank',
       case when p.fam = 'C-suggested' then 'ledger_amount_date' else 'ledger_reference' end,
       case when p.fam = 'C-suggested' then 0.7 else 1 end,
       case when p.fam = 'C-suggested' then 'suggested' else 'confirmed' end, 'CNY', p.amt, p.amt, 0, 'matching',
       case when p.fam = 'C-suggested'
            then jsonb_build_object('rule', 'ledger_amount_date', 'amountMinor', p.amt, 'entryDate', p.ed, 'lineDate', p.ld,
                                    'daysApart', p.ld - p.ed)
            else jsonb_build_object('rule', 'ledger_reference', 'entryField', 'reference', 'value', p.ref,
                                    'lineField', 'bankReference', 'amountMinor', p.amt) end
from mb_pair p order by p.match_id;
insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
select match_id, 'ledger_bank', x.side, x.item_type, x.item_id, amt
from mb_pair cross join lateral (values ('left', 'ledger_entry', entry_id), ('right', 'statement_line', line_id)) as x (side, item_type, item_id)
order by match_id, x.side, x.item_id;
update match_runs set counts = (select json_build_object('matches', json_object_agg(rule, n))::text
                                from (select rule, count(*) as n from matches where account_id = :acct group by rule) r)
where account_id = :acct;

-- the answers
drop table if exists bench_monthend_expect;
create table bench_monthend_expect as
with g as (
  select (select count(*) from mb_line where fam like 'A%') as a_n, (select sum(amt) from mb_line where fam like 'A%') as a_t,
         (select count(*) from mb_line where fam = 'B') as b_n, (select sum(amt) from mb_line where fam = 'B') as b_t,
         (select count(*) from mb_entry where fam like 'C%') as c_n, (select sum(amt) from mb_entry where fam like 'C%') as c_t,
         (select count(*) from mb_entry where fam = 'D') as d_n, (select sum(amt) from mb_entry where fam = 'D') as d_t,
         12345678900 + (select sum(amt) from mb_line) as bank,
         12345678900 + (select sum(amt) from mb_entry where d <= date :'d1') as journal
)
select a_n, a_t, b_n, b_t, c_n, c_t, d_n, d_t, bank, journal, journal + a_t + b_t as adjusted, bank + c_t + d_t as adjusted_bank,
       journal - bank as difference
from g;
drop table mb_pair, mb_line, mb_entry;
drop sequence mb_no;
analyze statements;
analyze statement_lines;
analyze ledger_entries;
analyze matches;
analyze match_items;
