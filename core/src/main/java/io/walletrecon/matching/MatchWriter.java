package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import io.walletrecon.receivables.ReceivableRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import static io.walletrecon.matching.MatchRulesRepository.KIND_RECEIPT;
import static io.walletrecon.matching.MatchRulesRepository.MATCHES_ID_SEQ;
import static io.walletrecon.matching.MatchRulesRepository.exec;
import static io.walletrecon.matching.MatchRulesRepository.text;

/**
 * Writes what a rule decided: its staged matches ({@code mr_m}, one row per match keyed by {@code grp}, and
 * {@code mr_i}, their items) into {@code matches}/{@code match_items}, the receivables they pay, and its
 * exceptions (idempotent by dedupe key), keeping the run's counts.
 */
@ApplicationScoped
class MatchWriter {

    private final ObjectMapper json;
    private final ReceivableRepository receivables;

    MatchWriter(ObjectMapper json, ReceivableRepository receivables) {
        this.json = json;
        this.receivables = receivables;
    }

    /** The receivables confirmed staged matches pay, one row per receivable. */
    static final String STAGE_CONFIRMED_PAYMENTS = "insert into " + ReceivableRepository.STAGED_PAYMENTS
            + " (rid, applied) "
            + "select x.item_id, sum(x.amount) from mr_i x join mr_m m on m.grp = x.grp "
            + "where x.item_type = 'receivable' and m.status = 'confirmed' group by x.item_id";

    void persistReceipts(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        // Fresh statistics, so that the planner hash-joins a large batch instead of looping over an index.
        steps.add(() -> exec(s, "analyze mr_m"));
        steps.add(() -> exec(s, "analyze mr_i"));
        steps.add(() -> payReceivables(s, ctx, STAGE_CONFIRMED_PAYMENTS));
        if (ctx.walletAccount()) {
            steps.add(() -> exec(s, RECEIPT_CUSTOMERS));
        }
        steps.add(() -> persist(s, ctx, KIND_RECEIPT, counts));
    }

    /**
     * A receipt that a confirmed match ties to the receivables of one customer is that customer's payment (its
     * statement counts it), when nothing named its customer before. A bank line has no customer column: its match
     * says whose it is.
     */
    static final String RECEIPT_CUSTOMERS = """
            update transactions t set customer_id = c.customer_id, updated_at = now(), version = t.version + 1
            from (select x.grp, min(r.customer_id) as customer_id
                  from mr_i x join mr_m m on m.grp = x.grp join receivables r on r.id = x.item_id
                  where x.item_type = 'receivable' and m.status = 'confirmed'
                  group by x.grp having count(distinct r.customer_id) = 1) c
            join mr_i l on l.grp = c.grp and l.side = 'left' and l.item_type = 'transaction'
            where t.id = l.item_id and t.customer_id is null""";

    /**
     * Confirmed receipt matches pay their receivables, through the receivables' one paying statement and status rule
     * with the account's tolerance. {@code stage} is an INSERT of (rid, applied) into
     * {@link ReceivableRepository#STAGED_PAYMENTS}, one row per receivable.
     */
    Uni<Void> payReceivables(Mutiny.Session s, RunContext ctx, String stage) {
        return receivables.stagePayments(s).chain(() -> exec(s, stage))
                .chain(() -> receivables.payStaged(s, ctx.config().tolerance()));
    }

    /**
     * mr_m/mr_i -> matches/match_items with pre-allocated ids (two INSERT ... SELECT), then empties the staging tables.
     */
    Uni<Void> persist(Mutiny.Session s, RunContext ctx, String kind, RunCounts counts) {
        return text(s,
                "select coalesce(cast(json_object_agg(rule, n) as text), '{}') from (select rule, count(*) as n from mr_m group by rule) x")
                .invoke(c -> counts.addMatches(json, c))
                .chain(() -> exec(s,
                        """
                                create temp table mr_ids on commit drop as
                                select grp, nextval(%s) as id from (select grp from mr_m order by grp) g"""
                                .formatted(MATCHES_ID_SEQ)))
                .chain(() -> exec(s, "analyze mr_ids"))
                .chain(() -> exec(s,
                        """
                                insert into matches (id, account_id, run_id, kind, rule, confidence, status, currency, left_total_minor,
                                    right_total_minor, difference_minor, created_by, evidence)
                                select i.id, %d, %d, '%s', m.rule, m.confidence, m.status, m.currency, m.left_total, m.right_total,
                                       m.left_total - m.right_total, 'matching',
                                       coalesce(m.evidence, jsonb_build_object('rule', m.rule, 'confidence', m.confidence))
                                from mr_m m join mr_ids i on i.grp = m.grp order by i.id"""
                                .formatted(ctx.accountId(), ctx.runId(), kind)))
                .chain(() -> exec(s, """
                        insert into match_items (match_id, match_kind, side, item_type, item_id, amount_minor)
                        select i.id, '%s', x.side, x.item_type, x.item_id, x.amount
                        from mr_i x join mr_ids i on i.grp = x.grp order by i.id, x.side, x.item_id""".formatted(kind)))
                .chain(() -> exec(s, "drop table mr_ids"))
                .chain(() -> exec(s, "truncate mr_m, mr_i"));
    }

    /**
     * Runs an INSERT into recon_exceptions (idempotent by dedupe key) and adds what it inserted to the counts by type.
     */
    Uni<Void> exceptions(Mutiny.Session s, RunCounts counts, String insert) {
        String sql = "with ins as (" + insert + " on conflict (dedupe_key) do nothing returning type) "
                + "select coalesce(cast(json_object_agg(type, n) as text), '{}') from (select type, count(*) as n from ins group by type) x";
        return text(s, sql).invoke(c -> counts.addExceptions(json, c)).replaceWithVoid();
    }
}
