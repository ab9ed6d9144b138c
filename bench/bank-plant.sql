-- Plants a bank account's matching workload with known answers, straight into PostgreSQL (generate_series, no round
-- trips). Used by bench/bank-matching.sh (psql). Needs pgcrypto (hmac) for the keyed hashes the server computes.
-- Variables: :acct a bank account (EUR) of its company, :n credit lines (a multiple of 100), :'d0' first business
-- date of the period d0..d0+29, :'mk' the server's WALLETRECON_MASTER_KEY (base64): bank accounts are looked up by
-- HMAC-SHA256 under HMAC-SHA256(master, 'walletrecon/lookup'), hex, as MasterKeyService.lookupHash does.
-- Every invoice number is INV-<7 digits> and every collection code WRC-<7 digits>, so no text names another one
-- by accident (a wrapped "INV-1000" + "123" also names INV1000, which no receivable is).
-- Answers for a full run over the period (default matching config: tolerance 0, window 3 days), n credits:
--   A 62%  reference in the remittance text: "Invoice INV-k", "INV k Kunde", wrapped "INV-kkkk\nkkk", glued "INVkZahlung"
--   B 10%  ISO 11649 RF creditor reference (printed in groups of four) in merchant_reference, the creditor reference column
--   C 10%  the receivable's collection code in the text ("WRC-k", "WRC k")
--   D  2%  partial payments: two lines of half each for 1% of the receivables
--   F  2%  one transfer naming three invoices whose amounts add up to it (6% of the receivables): one reference match
--   E  5%  no reference, ordering account a bank_account payer identity, amount = one open receivable of that payer
--   G  5%  no reference, unknown account, amount + date of one open receivable: a suggestion
--   H  2%  unknown account, nothing fits: unidentified_receipt
--   I  2%  a known payer's account, nothing fits: unmatched_receipt
--   receivables: A 62% B 10% C 10% D 1% F 6% E 5% G 5%, and 1% past due and unpaid (unpaid_receivable)
--   matches: reference 0.84n (A+B+C+F), partial_payment 0.02n, payer_amount 0.05n, amount_date 0.05n
--   exceptions: unidentified_receipt 0.02n, unmatched_receipt 0.02n, unpaid_receivable 0.01n
-- Debits: n/10 submitted bank_file payment orders (provider_payment_id e2e-<id>) and their debits:
--   80% by end-to-end id (half in the EndToEndId field, half NOTPROVIDED there and written in the remittance text),
--   20% by beneficiary account (printed with spaces) + amount + date; plus n/100 debits no order explains.
--   matches: end_to_end_id 0.08n, beneficiary_amount_date 0.02n; exceptions: unexpected_debit 0.01n; n/10 orders completed.
create temp table gen_lk as select hmac(convert_to('walletrecon/lookup', 'UTF8'), decode(:'mk', 'base64'), 'sha256') as k;
create temp sequence gen_line;
insert into statements (account_id, format, period_start, period_end, currency, file_sha256, imported_by, line_count)
values (:acct, 'bench', date :'d0' - 30, date :'d0' + 29, 'EUR', 'bank-bench-period', 'bench', :n + :n / 10 + :n / 100);
create temp table gen_ctx as select (select company_id from accounts where id = :acct) as co, (select id from statements where account_id = :acct) as st;
-- customers: a general pool (no bank account known) and payers with a known ordering account each
insert into customers (company_id, external_id, name) select (select co from gen_ctx), 'gen-' || j, 'Kunde ' || j from generate_series(1, :n / 100) j;
insert into customers (company_id, external_id, name) select (select co from gen_ctx), 'pay-' || j, 'Zahler ' || j || ' GmbH' from generate_series(1, :n / 100) j;
create temp table gen_pool as select row_number() over (order by id) as ji, id from customers where external_id like 'gen-%';
create temp table gen_pay as select row_number() over (order by id) as ji, id, 'DE99' || lpad(row_number() over (order by id)::text, 18, '0') as iban
from customers where external_id like 'pay-%';
insert into payer_identities (company_id, customer_id, kind, identity_key, masked)
select (select co from gen_ctx), p.id, 'bank_account', encode(hmac(convert_to(p.iban, 'UTF8'), (select k from gen_lk), 'sha256'), 'hex'), '****' || right(p.iban, 4)
from gen_pay p;

-- receivables (all of the general pool but E's)
create temp table gen_rcv (fam text, idx int, ref text, code text, amt bigint, due date, cust bigint);
insert into gen_rcv select 'A', i, 'INV-' || (1000000 + i), null, 1000 + i % 50000, date :'d0' + i % 28, null from generate_series(1, :n * 62 / 100) i;
insert into gen_rcv select 'B', b, 'INV-' || (1000000 + :n * 62 / 100 + b), null, 1500 + b % 40000, date :'d0' + b % 28, null from generate_series(1, :n / 10) b;
insert into gen_rcv select 'C', c, 'INV-' || (1000000 + :n * 72 / 100 + c), 'WRC-' || (1000000 + c), 1200 + c % 30000, date :'d0' + c % 28, null from generate_series(1, :n / 10) c;
insert into gen_rcv select 'D', k, 'INV-' || (1000000 + :n * 82 / 100 + k), null, 2 * (2000 + k % 1000), date :'d0' + k % 28, null from generate_series(1, :n / 100) k;
insert into gen_rcv select 'F', 3 * (f - 1) + m, 'INV-' || (1000000 + :n * 83 / 100 + 3 * (f - 1) + m), null, 3000 + f % 1000 + m * 10, date :'d0' + f % 28, null
from generate_series(1, :n * 2 / 100) f cross join generate_series(1, 3) m;
insert into gen_rcv select 'E', 5 * (j - 1) + m, 'INV-' || (1000000 + :n * 89 / 100 + 5 * (j - 1) + m), null, 600000 + 10 * j + m, date :'d0' + j % 28, p.id
from generate_series(1, :n / 100) j cross join generate_series(1, 5) m join gen_pay p on p.ji = j;
insert into gen_rcv select 'G', a, 'INV-' || (1000000 + :n * 94 / 100 + a), null, 500000 + a, date :'d0' + a % 28, null from generate_series(1, :n * 5 / 100) a;
insert into gen_rcv select 'U', u, 'INV-' || (1000000 + :n * 99 / 100 + u), null, 7000000 + u, date :'d0' + u % 20 - 30, null from generate_series(1, :n / 100) u;
insert into receivables (company_id, customer_id, reference, amount_minor, currency, issue_date, due_date, collection_code)
select (select co from gen_ctx), coalesce(g.cust, c.id), g.ref, g.amt, 'EUR', g.due - 30, g.due, g.code
from gen_rcv g join gen_pool c on c.ji = 1 + (g.idx + ascii(g.fam)) % (:n / 100);

-- credit lines
create temp table gen_line_src (amt bigint, vd date, cpty text, cname text, rmt text, mref text);
insert into gen_line_src select amt, due,  'DE10' || lpad(idx::text, 18, '0'), 'Kunde ' || idx,
       case idx % 4 when 0 then 'Invoice ' || ref
                    when 1 then 'INV ' || substr(ref, 5) || ' Kunde ' || (idx % 97)
                    when 2 then 'Rechnung ' || left(ref, 8) || E'\n' || substr(ref, 9)
                    else replace(ref, '-', '') || 'Zahlung Maerz' end, null
from gen_rcv where fam = 'A';
insert into gen_line_src select amt, due, 'DE11' || lpad(idx::text, 18, '0'), 'Kunde B' || idx, 'Zahlung',
       rtrim(regexp_replace('RF' || lpad((98 - mod(('182331' || substr(ref, 5) || '271500')::numeric, 97))::text, 2, '0') || replace(ref, '-', ''),
                            '(.{4})', '\1 ', 'g'))
from gen_rcv where fam = 'B';
insert into gen_line_src select amt, due, 'DE12' || lpad(idx::text, 18, '0'), 'Kunde C' || idx,
       case when idx % 2 = 0 then 'Zahlung ' || code else 'Ref WRC ' || substr(code, 5) || ' danke' end, null
from gen_rcv where fam = 'C';
insert into gen_line_src select amt / 2, due + h - 1, 'DE13' || lpad((2 * idx + h)::text, 18, '0'), 'Kunde D' || idx,
       'Teilzahlung ' || ref || ' ' || h || '/2', null
from gen_rcv cross join generate_series(1, 2) h where fam = 'D';
insert into gen_line_src select sum(amt), min(due), 'DE14' || lpad(((idx + 2) / 3)::text, 18, '0'), 'Kunde F' || ((idx + 2) / 3),
       'Invoices ' || string_agg(ref, ', ' order by idx), null
from gen_rcv where fam = 'F' group by (idx + 2) / 3;
insert into gen_line_src select g.amt, g.due, regexp_replace(p.iban, '(.{4})', '\1 ', 'g'), 'Zahler ' || p.ji || ' GmbH',
       case when g.idx % 2 = 0 then 'Miete' else 'Abschlag' end, null
from gen_rcv g join gen_pay p on p.id = g.cust where g.fam = 'E';
insert into gen_line_src select amt, due + idx % 2, 'DE15' || lpad(idx::text, 18, '0'), 'Kunde G' || idx, 'Zahlung', null
from gen_rcv where fam = 'G';
insert into gen_line_src select 9000000 + u, date :'d0' + u % 28, 'DE16' || lpad(u::text, 18, '0'), 'Unbekannt ' || u, 'Spende', null
from generate_series(1, :n * 2 / 100) u;
insert into gen_line_src select 8000000 + u, date :'d0' + u % 28, p.iban, 'Zahler ' || p.ji || ' GmbH', 'Vorauszahlung', null
from generate_series(1, :n * 2 / 100) u join gen_pay p on p.ji = 1 + u % (:n / 100);
insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, booking_date, amount_minor, currency,
    counterparty_name, counterparty_account, remittance_info, merchant_reference)
select (select st from gen_ctx), :acct, x.no, 'bench-' || x.no, 'payment', x.vd, x.vd, x.amt, 'EUR', x.cname, x.cpty, x.rmt, x.mref
from (select nextval('gen_line') as no, s.* from gen_line_src s) x;

-- payment orders, submitted in pain.001 files, and their debits
insert into beneficiaries (company_id, kind, beneficiary_key, name, masked)
select (select co from gen_ctx), 'bank_account', encode(hmac(convert_to(iban, 'UTF8'), (select k from gen_lk), 'sha256'), 'hex'), name, '****' || right(iban, 4)
from (select 'DE55' || lpad('1', 18, '0') as iban, 'Lieferant AG' as name
      union all select 'DE77' || lpad(o::text, 18, '0'), 'Lieferant ' || o from generate_series(5, :n / 10, 5) o) b;
insert into payment_orders (type, account_id, beneficiary_id, amount_minor, currency, reference, execute_on, due_at, state, channel,
    created_by, submitted_at, idempotency_key, beneficiary_name)
select 'supplier_payment', :acct, b.id, 10000 + o, 'EUR', 'PO-' || o, date :'d0' + o % 25, date :'d0' + o % 25, 'submitted', 'bank_file',
       'bench', now(), 'bench-po-' || o, b.name
from generate_series(1, :n / 10) o
cross join lateral (select case when o % 5 = 0 then 'DE77' || lpad(o::text, 18, '0') else 'DE55' || lpad('1', 18, '0') end as iban) x
join beneficiaries b on b.company_id = (select co from gen_ctx) and b.kind = 'bank_account'
                    and b.beneficiary_key = encode(hmac(convert_to(x.iban, 'UTF8'), (select k from gen_lk), 'sha256'), 'hex');
update payment_orders set provider_payment_id = 'e2e-' || id where account_id = :acct;
insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, booking_date, amount_minor, currency,
    counterparty_name, counterparty_account, end_to_end_id, remittance_info)
select (select st from gen_ctx), :acct, x.no, 'bench-' || x.no, 'payment', x.vd, x.vd, x.amt, 'EUR', x.cname, x.cpty, x.e2e, x.rmt
from (select nextval('gen_line') as no, p.execute_on + o % 2 as vd, -p.amount_minor as amt, p.beneficiary_name as cname,
             case when o % 5 = 0 then regexp_replace('DE77' || lpad(o::text, 18, '0'), '(.{4})', '\1 ', 'g') end as cpty,
             case o % 5 when 0 then null when 1 then p.provider_payment_id when 3 then p.provider_payment_id else 'NOTPROVIDED' end as e2e,
             case o % 5 when 0 then 'Rechnung ' || o when 2 then 'SEPA ' || p.provider_payment_id || ' PO-' || o
                        when 4 then 'SEPA ' || p.provider_payment_id || ' PO-' || o else 'Lieferant ' || o end as rmt
      from payment_orders p cross join lateral (select cast(substr(p.reference, 4) as int) as o) r
      where p.account_id = :acct order by p.id) x;
insert into statement_lines (statement_id, account_id, line_no, line_key, kind, value_date, booking_date, amount_minor, currency,
    counterparty_name, counterparty_account, remittance_info)
select (select st from gen_ctx), :acct, x.no, 'bench-' || x.no, 'payment', x.vd, x.vd, x.amt, 'EUR', 'Unbekannt', x.cpty, x.rmt
from (select nextval('gen_line') as no, date :'d0' + u % 28 as vd, -(900000 + u) as amt, 'DE88' || lpad(u::text, 18, '0') as cpty,
             'Lastschrift ' || u as rmt from generate_series(1, :n / 100) u) x;
drop table gen_lk, gen_ctx, gen_pool, gen_pay, gen_rcv, gen_line_src;
drop sequence gen_line;
analyze customers;
analyze payer_identities;
analyze receivables;
analyze statement_lines;
analyze beneficiaries;
analyze payment_orders;
