-- Webhook intake. A WeChat Pay refund notification reports one refund, not the running total, so a
-- refund is its own transaction row pointing at the payment it refunds; the payment's refunded_minor is the
-- sum of its succeeded refund rows, which stays right however often and in whatever order they arrive.
alter table transactions add column parent_txn_id text;
create index transactions_parent on transactions (account_id, parent_txn_id) where parent_txn_id is not null;
