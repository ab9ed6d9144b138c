-- Bank reconciliation: the vocabulary a bank account's matching run writes.
--  - Exceptions: a credit no rule attributes (unidentified_receipt, 待认领款项); an order submitted and not debited
--    within its business days (payment_not_debited); money that left the account without an order
--    (unexpected_debit); a debit of an order for another amount (debit_amount_mismatch).
--  - Matches: a bank debit (or return credit) to the payment order it executes (debit_payment); the company's
--    bank journal to the bank's lines (ledger_bank).
--  - Items: payment orders and ledger entries, each claimed by at most one live match of a kind, like
--    transactions and statement lines.
--  - Evidence: which field of the item matched which value under which rule, shown with the match.
alter table recon_exceptions drop constraint recon_exceptions_type_check;
alter table recon_exceptions add constraint recon_exceptions_type_check check (type in ('unmatched_receipt',
    'unpaid_receivable', 'amount_mismatch', 'duplicate_payment', 'ambiguous', 'missing_in_provider',
    'missing_in_records', 'settlement_difference', 'settlement_not_arrived', 'fx_difference',
    'unidentified_receipt', 'payment_not_debited', 'unexpected_debit', 'debit_amount_mismatch'));
alter table recon_exceptions add column payment_order_id bigint references payment_orders (id);
create index recon_exceptions_payment_order on recon_exceptions (payment_order_id) where payment_order_id is not null;

alter table matches drop constraint matches_kind_check;
alter table matches add constraint matches_kind_check check (kind in ('receipt_receivable', 'record_statement',
    'settlement_bank', 'debit_payment', 'ledger_bank'));
alter table matches add column evidence jsonb;

alter table match_items drop constraint match_items_item_type_check;
alter table match_items add constraint match_items_item_type_check check (item_type in ('transaction', 'receivable',
    'statement_line', 'payment_order', 'ledger_entry'));
drop index match_items_one_live_claim;
create unique index match_items_one_live_claim on match_items (item_type, item_id, match_kind)
    where live and item_type in ('transaction', 'statement_line', 'payment_order', 'ledger_entry');
