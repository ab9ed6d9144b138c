-- Customers, collection codes, receivables, statement import.

-- One namespace for every collection code, whether it names a customer or one of its receivables, so that a
-- code found in a memo resolves to exactly one thing. customers.collection_code / receivables.collection_code
-- (V1) keep a copy for reading; this table is the uniqueness authority and the lookup index.
create table collection_codes (
    code           text primary key check (code ~ '^WR[2-9A-HJ-NP-Z]{7}$'),
    customer_id    bigint not null references customers (id) on delete cascade,
    receivable_id  bigint unique references receivables (id) on delete cascade,
    created_at     timestamptz not null default now()
);
create index collection_codes_customer on collection_codes (customer_id);

create index customers_name on customers (lower(name));

-- Bulk imports stream rows here (COPY) and validate them with set-based queries before one transaction moves
-- them into the real tables. Unlogged: the rows are scratch, re-creatable from the uploaded file.
create unlogged table receivables_import_staging (
    batch_id              uuid not null,
    line_no               bigint not null,
    customer_external_id  text,
    customer_id           bigint,
    reference             text not null,
    amount_minor          bigint not null,
    currency              text not null,
    issue_date            date not null,
    due_date              date not null
);
create index receivables_import_staging_batch on receivables_import_staging (batch_id);

create unlogged table statement_lines_staging (
    batch_id              uuid not null,
    line_no               integer not null,
    line_key              text not null,
    kind                  text not null,
    value_date            date not null,
    booking_date          date,
    amount_minor          bigint not null,
    fee_minor             bigint,
    currency              text not null,
    counterparty_name     text,
    counterparty_account  text,
    bank_reference        text,
    end_to_end_id         text,
    provider_txn_id       text,
    merchant_reference    text,
    payout_id             text,
    remittance_info       text,
    raw                   text
);
create index statement_lines_staging_batch on statement_lines_staging (batch_id);

-- Matching reads the provider's side by kind and merchant reference.
create index statement_lines_merchant_reference on statement_lines (account_id, merchant_reference);
alter table statement_lines add constraint statement_lines_kind
    check (kind in ('payment', 'refund', 'fee', 'payout', 'adjustment'));
