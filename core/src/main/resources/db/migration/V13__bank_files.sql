-- Real-world bank files: several statements per file, routed to accounts by the account number the file names.

-- The IBAN or bank account number an account's statements name (normalised: upper case, no spaces, dashes or
-- dots). A file's statements go to the account whose number they name; one number belongs to one account.
alter table accounts add column account_number text check (account_number ~ '^[A-Z0-9/]{4,64}$');
create unique index accounts_account_number on accounts (account_number) where account_number is not null;

-- One file may hold several statements (days, accounts): statements are no longer one per file. Each statement
-- has its own identity (statement_key: a digest of the account and reference it states, its balances and the
-- keys of its lines), so importing it again, alone or inside another file, changes nothing.
alter table statements drop constraint statements_account_id_file_sha256_key;
alter table statements add column statement_key text;
alter table statements add column account_in_file text;
update statements set statement_key = 'file:' || file_sha256;
create unique index statements_account_key on statements (account_id, statement_key);
create index statements_account_file on statements (account_id, file_sha256);

-- What a line's source states beyond the common columns, kept for matching and search: the account balance after
-- the line (provider account-flow bills), structured MT940 :86: subfields (?20..?29, /EREF/, /REMI/ ...), the
-- bank transaction code.
alter table statement_lines add column balance_after_minor bigint;
alter table statement_lines add column details jsonb;
create index statement_lines_details on statement_lines using gin (details jsonb_path_ops);

alter table statement_lines_staging add column statement_no integer not null default 0;
alter table statement_lines_staging add column balance_after_minor bigint;
alter table statement_lines_staging add column details jsonb;
drop index statement_lines_staging_batch;
create index statement_lines_staging_batch on statement_lines_staging (batch_id, statement_no);
