-- A credit the bank books when a payment comes back (a return naming the order's end-to-end id) is matched to the
-- order it returns (kind payment_return: left the credit line, right the order), so that the line is explained like
-- every other bank line, apart from the order's debit match.
alter table matches drop constraint matches_kind_check;
alter table matches add constraint matches_kind_check check (kind in ('receipt_receivable', 'record_statement',
    'settlement_bank', 'debit_payment', 'ledger_bank', 'payment_return'));

-- A customer statement lists the bank credits that are the customer's receipts (line type bank_payment) beside the
-- wallet payments and receivables, and the customer may dispute any of them.
alter table customer_statement_answers drop constraint customer_statement_answers_line_type_check;
alter table customer_statement_answers add constraint customer_statement_answers_line_type_check
    check (line_type in ('payment', 'bank_payment', 'receivable'));

-- An account's bank holidays: days between Monday and Friday that are not business days when a submitted payment
-- order's debit is awaited (payment_not_debited).
alter table matching_config add column bank_holidays date[] not null default '{}';
