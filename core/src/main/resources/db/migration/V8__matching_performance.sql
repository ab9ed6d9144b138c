-- Matching performance: a full run writes ~1M matches and ~2M match items in one statement
-- each. The row-level foreign-key triggers cost one index probe and one row lock per inserted row (measured: 4.7 s
-- of a 7.5 s INSERT into matches at 1M rows, more for match_items). The same references are enforced here once per
-- statement, as set-based anti-joins over the statement's transition tables; the parent side (no deleting a run or
-- account a match points to; deleting a match deletes its items) keeps its meaning.

alter table matches drop constraint matches_account_id_fkey;
alter table matches drop constraint matches_run_id_fkey;
alter table match_items drop constraint match_items_match_id_fkey;

create function matches_check_parents() returns trigger language plpgsql as $$
begin
    -- Key-share locks on the few distinct parents stop a concurrent delete, as the foreign key's check did.
    perform 1 from accounts a where a.id in (select distinct account_id from new_rows) for key share;
    perform 1 from match_runs r where r.id in (select distinct run_id from new_rows where run_id is not null) for key share;
    if exists (select 1 from new_rows n where not exists (select 1 from accounts a where a.id = n.account_id)) then
        raise foreign_key_violation using message = 'matches.account_id references a missing account';
    end if;
    if exists (select 1 from new_rows n where n.run_id is not null
               and not exists (select 1 from match_runs r where r.id = n.run_id)) then
        raise foreign_key_violation using message = 'matches.run_id references a missing match run';
    end if;
    return null;
end $$;
create trigger matches_parents_on_insert after insert on matches
    referencing new table as new_rows for each statement execute function matches_check_parents();
create trigger matches_parents_on_update after update on matches
    referencing new table as new_rows for each statement execute function matches_check_parents();

create function match_items_check_parent() returns trigger language plpgsql as $$
begin
    if exists (select 1 from new_rows n where not exists (select 1 from matches m where m.id = n.match_id)) then
        raise foreign_key_violation using message = 'match_items.match_id references a missing match';
    end if;
    return null;
end $$;
create trigger match_items_parent_on_insert after insert on match_items
    referencing new table as new_rows for each statement execute function match_items_check_parent();
create trigger match_items_parent_on_update after update on match_items
    referencing new table as new_rows for each statement execute function match_items_check_parent();

-- Parent side: a match's items go with it (was ON DELETE CASCADE); runs and accounts with matches stay.
create function matches_delete_items() returns trigger language plpgsql as $$
begin
    delete from match_items i using old_rows o where i.match_id = o.id;
    return null;
end $$;
create trigger matches_delete_items after delete on matches
    referencing old table as old_rows for each statement execute function matches_delete_items();

create function matches_restrict_parent_delete() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'accounts' and exists (select 1 from matches m join old_rows o on o.id = m.account_id)
       or tg_table_name = 'match_runs' and exists (select 1 from matches m join old_rows o on o.id = m.run_id) then
        raise foreign_key_violation using message = tg_table_name || ' row is still referenced from matches';
    end if;
    return null;
end $$;
create trigger accounts_restrict_matches after delete on accounts
    referencing old table as old_rows for each statement execute function matches_restrict_parent_delete();
create trigger match_runs_restrict_matches after delete on match_runs
    referencing old table as old_rows for each statement execute function matches_restrict_parent_delete();

-- Receivables: a run pays ~1M of them in one UPDATE (paid_minor, status, updated_at, version). Measured at 1M:
-- 9.1 s with one new entry in every index per row, 3.9 s as heap-only (HOT) updates. HOT needs (a) no index on,
-- or with a predicate over, a column the update changes, and (b) room in the page for the new row version, which
-- within one transaction cannot reuse the old one's space: hence fillfactor 50 (a receivable is updated once or
-- twice in its life; the table is about twice as large on disk).
--  - lookups by customer (payer + amount rule, customer statement) are served by unique (customer_id, reference);
--  - open amount by currency: no query looks receivables up by amount through an index (the rules hash-join);
--  - past-due detection filters by due date, then by status.
drop index receivables_customer_status;
drop index receivables_open_amount;
drop index receivables_due;
create index receivables_due_date on receivables (due_date);
alter table receivables set (fillfactor = 50);
