-- Plants a matching workload with known answers, straight into PostgreSQL (generate_series, no round trips).
-- Used by bench/matching.sh (psql) and by PlantedAnswersTest (JDBC, same text with the variables substituted).
-- Variables: :acct account id (its company owns the customers and receivables), :n rows per side (a multiple of 100), :'cur' currency, :'d0' first business date of
-- the period d0..d0+29, :'p' a prefix that makes every reference unique.
-- Answers for a run over that period, tolerance 0, window 3 days:
--   transactions n: 90% reference, 2% partial payments (two per receivable), 1% one-to-many, 5% amount+date, 2% unmatched
--   receivables  n: 90% reference, 1% partially paid twice, 3% one-to-many (three per payment), 5% amount+date, 1% unpaid
--   matches: reference 0.90n, partial_payment 0.02n, one_to_many 0.01n, amount_date 0.05n (suggested)
--   exceptions: unmatched_receipt 0.02n, unpaid_receivable 0.01n
-- A receipts workload: the account compares no notification with a bill, and the bill of the whole period is in
-- (past-due receivables are only raised once every bill and statement of their window is).
insert into matching_config (account_id, rules, updated_by) values (:acct, 'reference,payer_amount,one_to_many,amount_date', 'bench');
insert into statements (account_id, format, period_start, period_end, currency, file_sha256, imported_by)
values (:acct, 'bench', date :'d0' - 30, date :'d0' + 29, :'cur', :'p' || '-period', 'bench');
insert into customers (company_id, external_id, name) select (select company_id from accounts where id = :acct), :'p' || '-pool-' || j, 'Pool customer ' || j from generate_series(1, :n / 100) j;
insert into customers (company_id, external_id, name) select (select company_id from accounts where id = :acct), :'p' || '-otm-' || g, 'Group customer ' || g from generate_series(1, :n / 100) g;
create temp table gen_pool as select row_number() over (order by id) as ji, id from customers where external_id like :'p' || '-pool-%';
create temp table gen_otm as select row_number() over (order by id) as gi, id, external_id from customers where external_id like :'p' || '-otm-%';
insert into payer_identities (company_id, customer_id, kind, identity_key, masked) select (select company_id from accounts where id = :acct), id, 'wechat_openid', external_id, 'o***' from gen_otm;
insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date, collection_code)
select (select company_id from accounts where id = :acct), c.id, :'p' || '-R' || i, 1000 + i % 50000, :'cur', date :'d0' + i % 28 - 30, date :'d0' + i % 28,
       case when i % 2 = 1 then :'p' || '-C' || i end
from generate_series(1, :n * 90 / 100) i join gen_pool c on c.ji = 1 + i % (:n / 100);
insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date)
select (select company_id from accounts where id = :acct), c.id, :'p' || '-P' || k, 2 * (2000 + k % 1000), :'cur', date :'d0' + k % 28 - 30, date :'d0' + k % 28
from generate_series(1, :n / 100) k join gen_pool c on c.ji = 1 + k % (:n / 100);
insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date)
select (select company_id from accounts where id = :acct), o.id, :'p' || '-M' || g || '-' || m, 3000 + g % 1000 + m * 10, :'cur', date :'d0' + g % 20 - 30, date :'d0' + g % 20 - 3 + m
from generate_series(1, :n / 100) g cross join generate_series(1, 3) m join gen_otm o on o.gi = g;
insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date)
select (select company_id from accounts where id = :acct), c.id, :'p' || '-A' || a, 500000 + a, :'cur', date :'d0' + a % 28 - 30, date :'d0' + a % 28
from generate_series(1, :n * 5 / 100) a join gen_pool c on c.ji = 1 + a % (:n / 100);
insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date)
select (select company_id from accounts where id = :acct), c.id, :'p' || '-U' || u, 7000000 + u, :'cur', date :'d0' + u % 20 - 30, date :'d0' + u % 20
from generate_series(1, :n / 100) u join gen_pool c on c.ji = 1 + u % (:n / 100);
insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, merchant_reference, occurred_at, value_date)
select :acct, :'p' || '-T' || i, 'in', 1000 + i % 50000, :'cur', 'succeeded',
       case when i % 2 = 1 then :'p' || '-C' || i else :'p' || '-R' || i end,
       (date :'d0' + i % 28) + time '12:00', date :'d0' + i % 28
from generate_series(1, :n * 90 / 100) i;
insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, merchant_reference, occurred_at, value_date)
select :acct, :'p' || '-P' || k || '-' || h, 'in', 2000 + k % 1000, :'cur', 'succeeded', :'p' || '-P' || k,
       (date :'d0' + k % 28) + time '10:00' + h * interval '1 hour', date :'d0' + k % 28
from generate_series(1, :n / 100) k cross join generate_series(1, 2) h;
insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, payer_kind, payer_identity, occurred_at, value_date)
select :acct, :'p' || '-M' || g, 'in', 3 * (3000 + g % 1000) + 60, :'cur', 'succeeded', 'wechat_openid', o.external_id,
       (date :'d0' + g % 20 + 1) + time '09:00', date :'d0' + g % 20 + 1
from generate_series(1, :n / 100) g join gen_otm o on o.gi = g;
insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, occurred_at, value_date)
select :acct, :'p' || '-A' || a, 'in', 500000 + a, :'cur', 'succeeded', (date :'d0' + a % 28 + a % 2) + time '08:00', date :'d0' + a % 28 + a % 2
from generate_series(1, :n * 5 / 100) a;
insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, occurred_at, value_date)
select :acct, :'p' || '-X' || u, 'in', 9000000 + u, :'cur', 'succeeded', (date :'d0' + u % 28) + time '07:00', date :'d0' + u % 28
from generate_series(1, :n * 2 / 100) u;
drop table gen_pool;
drop table gen_otm;
analyze customers;
analyze payer_identities;
analyze receivables;
analyze transactions;
