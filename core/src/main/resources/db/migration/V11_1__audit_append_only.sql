-- The audit chain becomes keyed, and the application's database role may only read and append audit rows.
--
-- hash_version: 1 = SHA-256 over the row and the previous hash (rows written before this migration); 2 = HMAC-SHA256
-- under a key derived from the master key, which the database never sees. The application writes 2; verification
-- accepts 1 only before the first 2, so the chain cannot be rewritten in the unkeyed form.
alter table audit_log add column hash_version smallint not null default 1;

-- Two roles: the owner (runs these migrations: quarkus.flyway.username, WALLETRECON_DB_OWNER_USER) and the
-- application role (quarkus.datasource.username, WALLETRECON_DB_USER; the placeholder below). The application gets
-- plain DML on every table, now and in later migrations, except that audit rows can never be changed or removed by
-- it. When both are one role, the revoke below still holds for it (it could grant itself the right back, a second
-- role cannot): deployments use two roles, see infra/README.md.
-- usage: a schema public created anew (not the one initdb makes) grants nothing to PUBLIC.
grant usage on schema public to "${app_role}";
grant select, insert, update, delete on all tables in schema public to "${app_role}";
grant usage, select, update on all sequences in schema public to "${app_role}";
alter default privileges in schema public grant select, insert, update, delete on tables to "${app_role}";
alter default privileges in schema public grant usage, select, update on sequences to "${app_role}";
revoke update, delete, truncate on audit_log from "${app_role}";
