-- Matching performance, second pass: match_items is the largest write of a run (two rows per match,
-- ~2M rows at 1M receipts), and every index entry is a WAL record of its own. Measured on the 1M bench, copying
-- the same 1.98M items: heap alone 2.6 s; with the four V2 indexes 6.9-8.1 s, (item_type, item_id) alone ~3 s.
-- So the items keep the three lookups the code makes, with fewer and smaller entries:
--  - by match: the natural key (match_id, item_type, item_id) replaces the surrogate id (never read) and the
--    separate match_id index. An item appears once in a match (MatchService refuses one listed twice);
--  - by transaction or statement line: the one-live-claim unique index, its columns reordered so that
--    (item_type, item_id) leads and serves "what is this transaction matched to" as well as the uniqueness;
--  - by receivable, and any item that is no longer live (unmatched, rejected): one partial index. Live
--    transaction and statement-line items, half of all rows, are no longer indexed twice.
alter table match_items drop constraint match_items_pkey;
alter table match_items drop column id;
drop index match_items_match;
alter table match_items add constraint match_items_pkey primary key (match_id, item_type, item_id);

drop index match_items_one_live_claim;
create unique index match_items_one_live_claim on match_items (item_type, item_id, match_kind)
    where live and item_type in ('transaction', 'statement_line');

drop index match_items_item;
create index match_items_receivable_or_retired on match_items (item_type, item_id)
    where item_type = 'receivable' or not live;

-- The statement-level reference checks of V8, cheaper: at 1M matches they took 1.2 s (matches: four passes over
-- the transition table, two with an index probe per row) and 1.7 s (match_items: an index probe per item).
--  - matches: one pass collects the distinct (account, run) pairs, usually one, and each is checked and locked.
--  - match_items: the items of a run's matches carry a dense block of new match ids. If every id in
--    [min, max] of the new items exists (a count over that primary-key range), every item's match exists;
--    otherwise (a sparse or foreign range) the per-item anti-join decides, as before.
create or replace function matches_check_parents() returns trigger language plpgsql as $$
declare
    p record;
begin
    for p in select account_id, run_id from new_rows group by account_id, run_id loop
        -- Key-share locks stop a concurrent delete of the parent, as the foreign key's check did.
        perform 1 from accounts a where a.id = p.account_id for key share;
        if not found then
            raise foreign_key_violation using message = 'matches.account_id references a missing account';
        end if;
        if p.run_id is not null then
            perform 1 from match_runs r where r.id = p.run_id for key share;
            if not found then
                raise foreign_key_violation using message = 'matches.run_id references a missing match run';
            end if;
        end if;
    end loop;
    return null;
end $$;

create or replace function match_items_check_parent() returns trigger language plpgsql as $$
declare
    lo bigint;
    hi bigint;
    n bigint;
begin
    select min(match_id), max(match_id), count(*) into lo, hi, n from new_rows;
    if n = 0 then
        return null;
    end if;
    if hi - lo < 2 * n and (select count(*) from matches m where m.id between lo and hi) = hi - lo + 1 then
        return null;
    end if;
    if exists (select 1 from new_rows r where not exists (select 1 from matches m where m.id = r.match_id)) then
        raise foreign_key_violation using message = 'match_items.match_id references a missing match';
    end if;
    return null;
end $$;

-- Matches of a run are written together and lie together on disk: a block-range index finds them for "the
-- matches of run N" (and for refusing to delete a run that has matches) at the price of a summary per 128 pages,
-- where the B-tree cost one entry (one WAL record) per match.
drop index matches_run;
create index matches_run on matches using brin (run_id);
