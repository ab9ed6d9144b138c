-- One statement per real statement. statement_key now says which statement it is (account, format, currency,
-- sequence number and period; for a report without a period, its content) and content_key what it says (its
-- lines' keys, currency and balances): a re-download with another export time or message id has the same key and
-- the same content and changes nothing; the same key with other content is a corrected re-issue, refused unless
-- the upload asks to replace the stored statement. Statements stored before keep their keys, and no content key.
alter table statements add column content_key text;
