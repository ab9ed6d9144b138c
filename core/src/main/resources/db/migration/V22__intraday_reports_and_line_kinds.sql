-- Intraday reports, fees and interest.
--  - A bank line can be interest (credit or overdraft interest), besides a fee: classified at import, never a receipt
--    or a debit that needs a payment order.
--  - An intraday report (camt.052, camt.054, MT942) brings a line before the day's statement; the statement then
--    takes the line over (statement_id becomes the statement's) and reported_statement_id keeps the report that
--    first brought it, so the report still lists it and matches made on it stay where they are.
--  - Per account, the words that make a bank's own posting a fee or interest (absent row: the built-in lists).
alter table statement_lines drop constraint statement_lines_kind;
alter table statement_lines add constraint statement_lines_kind
    check (kind in ('payment', 'refund', 'fee', 'interest', 'payout', 'adjustment'));

alter table statement_lines add column reported_statement_id bigint references statements (id);
create index statement_lines_reported_statement on statement_lines (reported_statement_id)
    where reported_statement_id is not null;

create table line_keywords (
    account_id         bigint primary key references accounts (id),
    fee_keywords       text[] not null,
    interest_keywords  text[] not null,
    updated_by         text not null,
    updated_at         timestamptz not null default now()
);

-- A statement's lines are listed with their open exception.
create index if not exists recon_exceptions_statement_line on recon_exceptions (statement_line_id)
    where statement_line_id is not null;
