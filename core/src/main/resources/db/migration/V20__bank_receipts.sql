-- Bank credits as receipts.
--  - reference_key: how a reference is compared with remittance text (NFKC, ASCII letters upper-cased, everything but
--    letters and digits dropped: "INV-4001", "inv 4001" and "ＩＮＶ４００１" are all INV4001). The Java side of the same
--    rule is matching.RemittanceReferences.key; the two must stay equal. Indexed on the receivables' reference and
--    collection code, per company, so that a run equi-joins a bank line's candidate keys to them.
--  - A payer identity learned from a person's claim of an unidentified receipt: the exception it was learned from
--    and the account holder's name as the bank wrote it.
create function reference_key(value text) returns text
    language sql immutable strict parallel safe
    return nullif(regexp_replace(translate(normalize(value, NFKC), 'abcdefghijklmnopqrstuvwxyz',
        'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), '[^ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789]', '', 'g'), '');

create index receivables_reference_lookup on receivables (company_id, reference_key(reference));
create index receivables_collection_code_lookup on receivables (company_id, reference_key(collection_code))
    where collection_code is not null;

alter table payer_identities add column holder_name text;
alter table payer_identities add column learned_from_exception_id bigint references recon_exceptions (id);
