package io.walletrecon.matching;

import io.walletrecon.matching.MatchRulesRepository.Steps;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import static io.walletrecon.matching.MatchRulesRepository.KIND_RECORD;
import static io.walletrecon.matching.MatchRulesRepository.exec;

/**
 * Our records to the provider's bill: webhook transactions against the bill's lines by provider transaction id;
 * in a full run, what is on one side only (missing in the provider's bill, or never notified to us).
 */
@ApplicationScoped
class RecordRules {

    private final MatchWriter writer;

    RecordRules(MatchWriter writer) {
        this.writer = writer;
    }

    void records(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_recp on commit drop as
                        select * from (
                          select t.id as tid, l.id as lid, t.signed, l.amount_minor as lamt, t.currency, t.value_date,
                                 count(*) over (partition by t.id) as n_t, count(*) over (partition by l.id) as n_l
                          from mr_rec t
                          join statement_lines l on l.account_id = %d and l.provider_txn_id = t.provider_txn_id and l.kind = t.kind
                          where not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                            and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                            and not exists (select 1 from mr_blocked b where b.kind = 'record_statement' and b.left_id = t.id and b.right_id = l.id)
                        ) x where n_t = 1 and n_l = 1"""
                        .formatted(ctx.accountId())));
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select tid, 'provider_txn_id', 1, 'confirmed', currency, signed, lamt from mr_recp"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', 'transaction', tid, signed from mr_recp
                union all
                select tid, 'right', 'statement_line', lid, lamt from mr_recp"""));
        steps.add(() -> writer.persist(s, ctx, KIND_RECORD, counts));
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            transaction_id, statement_line_id, business_date, detail, dedupe_key)
                        select %d, %d, 'amount_mismatch', currency, signed, lamt, lamt - signed, tid, lid, value_date,
                               'The provider booked ' || lamt || ' for a transaction we recorded as ' || signed,
                               'amount_mismatch:record:txn:' || tid
                        from mr_recp where signed <> lamt order by tid"""
                        .formatted(ctx.accountId(), ctx.runId())));
        if (ctx.full()) {
            // Missing from the bill only once the bills of that day and of its grace days are in (a payment at 23:59
            // may be on the next day's bill) and the grace days have passed: before that, we do not know.
            steps.add(() -> writer.exceptions(s, counts,
                    """
                            insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                                transaction_id, business_date, detail, dedupe_key)
                            select %1$d, %2$d, 'missing_in_provider', t.currency, t.signed, 0, -t.signed, t.id, t.value_date,
                                   'Transaction ' || t.provider_txn_id || ' was notified but is not in the provider''s bill of ' || t.value_date,
                                   'missing_in_provider:txn:' || t.id
                            from mr_rec t
                            where not exists (select 1 from mr_recp p where p.tid = t.id)
                              and t.value_date in (
                                -- Whether a day's bills are in is asked once per day, not once per transaction.
                                select d.value_date from (select distinct value_date from mr_rec) d
                                where %3$s)
                            order by t.id"""
                            .formatted(ctx.accountId(), ctx.runId(), SourcesIn.dayClosed(ctx, "d.value_date"))));
            steps.add(() -> writer.exceptions(s, counts,
                    """
                            insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                                statement_line_id, business_date, detail, dedupe_key)
                            select %1$d, %2$d, 'missing_in_records', l.currency, 0, l.amount_minor, l.amount_minor, l.id, l.value_date,
                                   'The provider''s bill has ' || l.provider_txn_id || ' which was never notified to us',
                                   'missing_in_records:line:' || l.id
                            from statement_lines l
                            where l.account_id = %1$d and l.kind in ('payment', 'refund') and l.provider_txn_id is not null and %3$s
                              and not exists (select 1 from mr_recp p where p.lid = l.id)
                              and not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                              and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                              and not exists (select 1 from transactions t where t.account_id = %1$d and t.provider_txn_id = l.provider_txn_id)
                            order by l.id"""
                            .formatted(ctx.accountId(), ctx.runId(), ctx.lineScope("l"))));
        }
    }
}
