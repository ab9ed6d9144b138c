-- Cross-currency settlements and the wait before an absence is reported.

-- grace_days (存疑天数): a record of day D may appear on the bill of a later day (a payment at 23:59 cut into the
-- next day's bill); absence exceptions about D wait until the bills of D .. D + grace_days are in.
-- fx_tolerance_bps: how far (basis points of the converted amount) a bank credit in another currency may differ
-- from the payout converted at the reference rate and still be a confirmed settlement.
-- fx_rates: reference rates as a JSON object {"USD/EUR": "0.92"}: units of the second currency per unit of the first,
-- exact decimals as text.
alter table matching_config
    add column grace_days       integer not null default 1 check (grace_days between 0 and 14),
    add column fx_tolerance_bps integer not null default 200 check (fx_tolerance_bps between 0 and 2000),
    add column fx_rates         text not null default '{}';

-- A settlement credited in another currency than its payout: right_total_minor is in counter_currency; fx_rate is
-- the rate the two amounts imply, fx_reference_rate the configured one (null when none is configured),
-- fx_difference_minor the credit less the payout converted at the reference rate, in counter_currency (the
-- reconciling item). All null for same-currency matches.
alter table matches
    add column counter_currency    text check (counter_currency ~ '^[A-Z]{3}$'),
    add column fx_rate             numeric(30, 12),
    add column fx_reference_rate   numeric(30, 12),
    add column fx_difference_minor bigint;

-- fx_difference: a cross-currency settlement whose credit is outside the FX tolerance of the converted payout.
alter table recon_exceptions drop constraint recon_exceptions_type_check;
alter table recon_exceptions add constraint recon_exceptions_type_check check (type in ('unmatched_receipt',
    'unpaid_receivable', 'amount_mismatch', 'duplicate_payment', 'ambiguous', 'missing_in_provider',
    'missing_in_records', 'settlement_difference', 'settlement_not_arrived', 'fx_difference'));
