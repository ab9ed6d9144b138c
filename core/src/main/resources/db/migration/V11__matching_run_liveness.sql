-- Matching runs whose process died are marked abandoned instead of blocking their account, and a failed run shows a
-- stable text naming an incident id (the exception itself is only in the log).
-- runner_pid: the backend whose transaction holds the account's matching lock while the run is running; the run is
-- alive exactly while that backend holds the lock (see MatchRunRepository.ABANDON).
alter table match_runs drop constraint match_runs_state_check;
alter table match_runs add constraint match_runs_state_check
    check (state in ('queued', 'running', 'succeeded', 'failed', 'refused', 'abandoned'));
alter table match_runs add column runner_pid integer;
alter table match_runs add column incident_id uuid;
create index match_runs_live on match_runs (account_id) where state in ('queued', 'running');
