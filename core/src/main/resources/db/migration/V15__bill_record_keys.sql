-- The id our records key a bill line on (the provider-id model, docs/design/provider-ids.md): a refund line by its
-- refund id, any other line by its PaymentIntent when it has one, else by its provider transaction id. Matching
-- joins our transactions to bill lines on this expression; it must stay identical to ProviderIds.RECORD_KEY_SQL.
create index statement_lines_record_key on statement_lines (account_id,
    (case when kind = 'refund' then coalesce(details ->> 'refund_id', provider_txn_id)
          else coalesce(details ->> 'payment_intent_id', provider_txn_id) end));
