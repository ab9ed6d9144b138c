-- Matching: per-account rule configuration and the indexes the set-based rules lean on.

-- How one account is matched. Absent row = the defaults below. Tolerance is absolute minor units and/or basis
-- points of the amount (100 = 1%), whichever is larger: no floating point anywhere near money.
create table matching_config (
    account_id              bigint primary key references accounts (id) on delete cascade,
    tolerance_minor         bigint not null default 0 check (tolerance_minor >= 0),
    tolerance_bps           integer not null default 0 check (tolerance_bps between 0 and 10000),
    date_window_days        integer not null default 3 check (date_window_days between 0 and 60),
    rules                   text not null default 'reference,payer_amount,one_to_many,amount_date,record_statement,settlement',
    settlement_after_days   integer not null default 3 check (settlement_after_days between 0 and 60),
    day_end_time            time not null default '23:30',
    settlement_account_id   bigint references accounts (id),
    updated_by              text not null,
    updated_at              timestamptz not null default now(),
    version                 bigint not null default 0
);

-- Receipts joined to receivables by reference and collection code (V1 indexes reference; collection_code is unique).
create index transactions_account_kind_date on transactions (account_id, value_date) where kind = 'payment' and direction = 'in';
-- Pair blocks (rejected/unmatched matches) and live claims are read per run.
create index matches_account_status on matches (account_id, status) where status in ('rejected', 'unmatched', 'suggested');
create index match_runs_account_kind on match_runs (account_id, kind, state, started_at desc);
create index recon_exceptions_run on recon_exceptions (run_id);
create index statement_lines_bank_reference on statement_lines (bank_reference);
