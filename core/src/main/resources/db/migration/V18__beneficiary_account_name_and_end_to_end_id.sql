-- Chinese beneficiaries: the name an account is held in (户名), as each order gives it, encrypted by the application
-- (bound to the beneficiary's key). The bank code column already holds a BIC or, for a bank in China, its 12-digit
-- CNAPS code (联行号).
alter table payment_orders add column beneficiary_account_name bytea;

-- One end-to-end id per bank-file order, written the same in its file, on the order and where statement lines are
-- matched to it. Files already built carry the bare order id as their EndToEndId: their orders and attempts now show
-- that id, so the bank's lines for those files still find their orders. New files carry the order's own id.
update payment_orders set provider_payment_id = id::text
where bank_file_id is not null and provider_payment_id = 'e2e-' || id;
update payment_attempts x set provider_payment_id = p.id::text
from payment_orders p
where p.id = x.payment_id and p.bank_file_id is not null and x.provider_payment_id = 'e2e-' || p.id;
