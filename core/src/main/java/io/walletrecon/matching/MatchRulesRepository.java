package io.walletrecon.matching;

import io.walletrecon.customers.CollectionCodeService;
import io.walletrecon.receivables.ReceivableRepository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A matching run's rules as set-based SQL over temp tables, inside the caller's transaction (which holds the
 * account's advisory lock and the receivables lock of its company's currencies). Receipts meet only the receivables,
 * customers and payer identities of the account's company. This class stages what the run looks at
 * (receipts, our records, payouts, people's decisions) and calls the rule sets in order: {@link ReceiptRules},
 * {@link RecordRules}, {@link SettlementRules}; {@link MatchWriter} writes what they decide. Each rule reads what
 * the previous ones left. Everything is ordered by ids, so the same input gives the same matches.
 */
@ApplicationScoped
public class MatchRulesRepository {

    static final String KIND_RECEIPT = "receipt_receivable";
    static final String KIND_RECORD = "record_statement";
    static final String KIND_SETTLEMENT = "settlement_bank";
    /**
     * Resolved once per statement (an InitPlan), not per row: pg_get_serial_sequence per row cost ~2 s at 1M matches.
     */
    static final String MATCHES_ID_SEQ = "(select cast(pg_get_serial_sequence('matches', 'id') as regclass))";

    /** The currencies of the run's staged receipts, comma-separated. */
    private static final String RECEIPT_CURRENCIES = "select coalesce(string_agg(distinct currency, ','), '') from mr_receipt";

    private final ReceiptRules receipts;
    private final RecordRules records;
    private final SettlementRules settlements;
    private final BankReceiptRules bankReceipts;

    private final LedgerRules ledger;
    private final DebitRules debits;

    private final ReceivableRepository receivables;

    public MatchRulesRepository(ReceiptRules receipts, RecordRules records, SettlementRules settlements,
            BankReceiptRules bankReceipts, LedgerRules ledger, DebitRules debits, ReceivableRepository receivables) {
        this.bankReceipts = bankReceipts;
        this.receivables = receivables;
        this.ledger = ledger;
        this.debits = debits;
        this.receipts = receipts;
        this.records = records;
        this.settlements = settlements;
    }

    /** Runs every enabled rule for {@code ctx}; {@code progress} receives items processed so far. */
    Uni<RunCounts> run(Mutiny.Session s, RunContext ctx, Progress progress) {
        RunCounts counts = new RunCounts();
        Steps steps = new Steps();
        long[] sizes = new long[3];

        // The rules hash-join and sort whole tables; the default 4 MB work_mem would spill them to disk (at 1M rows
        // the reference candidates sort ~140 MB). JIT compiles each of these one-off statements (0.8 s for the
        // reference candidates at 1M rows) and wins nothing back. Both local to this transaction.
        steps.add(() -> exec(s, "set local work_mem = '256MB'"));
        steps.add(() -> exec(s, "set local jit = off"));
        steps.add(() -> exec(s,
                "create temp table mr_m (grp bigint primary key, rule text not null, confidence numeric(4,3) not null, "
                        + "status text not null, currency text not null, left_total bigint not null, right_total bigint not null, "
                        + "evidence jsonb) on commit drop"));
        steps.add(() -> exec(s,
                "create temp table mr_i (grp bigint not null, side text not null, item_type text not null, "
                        + "item_id bigint not null, amount bigint not null) on commit drop"));
        // A bill payment nobody notified us of becomes a transaction first, so that it is a receipt of this run.
        if (ctx.full() && ctx.walletAccount() && ctx.on("record_statement")) {
            records.learnFromBill(s, ctx, counts, steps);
        }
        // Left sides, built up front so that the run knows its total. A bank run's receipts are its credit lines.
        if (!ctx.walletAccount()) {
            bankReceipts.stage(s, ctx, steps);
        } else {
            steps.add(() -> exec(s,
                    """
                            create temp table mr_receipt on commit drop as
                            select t.id, t.amount_minor as amt, t.currency, t.merchant_reference as ref,
                                   case when strpos(upper(coalesce(t.merchant_reference, '') || ' ' || coalesce(t.description, '')), 'WR') > 0
                                        then substring(upper(coalesce(t.merchant_reference, '') || ' ' || coalesce(t.description, '')) from '%s') end as code,
                                   t.payer_identity, t.value_date,
                                   t.occurred_at, coalesce(t.customer_id, pi.customer_id) as customer_id, %s as tol
                            from transactions t
                            left join payer_identities pi on pi.company_id = %d and pi.kind = t.payer_kind and pi.identity_key = t.payer_identity
                            where t.account_id = %d and t.kind = 'payment' and t.direction = 'in'
                              and t.status in ('succeeded', 'partially_refunded') and %s
                              and not exists (select 1 from match_items mi where mi.match_kind = 'receipt_receivable'
                                              and mi.item_type = 'transaction' and mi.item_id = t.id and mi.live)"""
                            .formatted(CollectionCodeService.SQL_CODE_PATTERN, ctx.tol("t.amount_minor"),
                                    ctx.companyId(),
                                    ctx.accountId(), ctx.txnScope("t"))));
        }
        steps.add(() -> exec(s, "create unique index on mr_receipt (id)"));
        steps.add(() -> exec(s, "analyze mr_receipt"));
        // Receivables are shared by every account of the company in their currency: wait (not refused) while a run of
        // another account of the company pays them, before the run reads them or their holds.
        steps.add(() -> text(s, RECEIPT_CURRENCIES).chain(currencies -> receivables.lockForPayment(s, ctx.companyId(),
                runCurrencies(ctx.currency(), currencies))));
        // A person's rejection or unmatch blocks that pair for good; a live suggestion holds its receivable.
        steps.add(() -> exec(s, """
                create temp table mr_blocked on commit drop as
                select distinct m.kind, l.item_id as left_id, r.item_id as right_id
                from matches m
                join match_items l on l.match_id = m.id and l.side = 'left'
                join match_items r on r.match_id = m.id and r.side = 'right'
                where m.account_id = %d and m.status in ('rejected', 'unmatched')""".formatted(ctx.accountId())));
        steps.add(() -> exec(s, "analyze mr_blocked"));
        steps.add(() -> exec(s, """
                create temp table mr_held on commit drop as
                select distinct mi.item_id as id from match_items mi join matches m on m.id = mi.match_id
                where mi.live and mi.item_type = 'receivable' and m.status = 'suggested'"""));
        steps.add(() -> exec(s, "create unique index on mr_held (id)"));
        steps.add(() -> exec(s, "analyze mr_held"));
        // Usually both are empty; then the reference rule leaves out its two anti-joins (0.8 s at 1M receipts).
        long[] decisions = new long[1];
        steps.add(() -> count(s, "select (select count(*) from mr_held) + (select count(*) from mr_blocked)")
                .invoke(n -> decisions[0] = n).replaceWithVoid());
        // The other left sides: our records, payouts.
        steps.add(() -> exec(s, """
                create temp table mr_rec on commit drop as
                select t.id, t.provider_txn_id, t.kind, t.currency, t.value_date,
                       case when t.direction = 'in' then t.amount_minor else -t.amount_minor end as signed
                from transactions t
                where t.account_id = %d and %s and t.source in ('webhook', 'bill') and t.kind in ('payment', 'refund')
                  and t.status not in ('pending', 'failed') and %s
                  and not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                  and mi.item_type = 'transaction' and mi.item_id = t.id and mi.live)"""
                .formatted(ctx.accountId(), ctx.walletAccount() && ctx.on("record_statement"), ctx.recordScope("t"))));
        steps.add(() -> exec(s,
                """
                        create temp table mr_payout on commit drop as
                        select row_number() over (order by item_type desc, item_id) as grp, p.*
                        from (
                          select 'transaction' as item_type, t.id as item_id, coalesce(t.payout_id, t.provider_txn_id) as pid,
                                 t.amount_minor as amt, t.currency, t.value_date
                          from transactions t
                          where t.account_id = %1$d and t.kind = 'payout' and t.status <> 'failed' and %2$s
                            and not exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                            and mi.item_type = 'transaction' and mi.item_id = t.id and mi.live)
                          union all
                          select 'statement_line', l.id, coalesce(l.payout_id, l.provider_txn_id), abs(l.amount_minor), l.currency, l.value_date
                          from statement_lines l
                          where l.account_id = %1$d and l.kind = 'payout' and %3$s
                            and not exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                            and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                            and not exists (select 1 from transactions t2 where t2.account_id = %1$d and t2.kind = 'payout'
                                            and coalesce(t2.payout_id, t2.provider_txn_id) = coalesce(l.payout_id, l.provider_txn_id))
                        ) p
                        where %4$s"""
                        .formatted(ctx.accountId(), ctx.payoutScope("t"), ctx.payoutLineScope("l"),
                                ctx.walletAccount() && ctx.on("settlement"))));
        steps.add(() -> count(s,
                "select (select count(*) from mr_receipt) + (select count(*) from mr_rec) + (select count(*) from mr_payout)")
                .chain(n -> {
                    sizes[0] = n;
                    return progress.total(n);
                }));

        // Bank accounts: outgoing lines to the payment orders they execute, before receipts are looked at.
        if (!ctx.walletAccount()) {
            debits.debits(s, ctx, counts, steps);
        }

        // 1. Receipts to receivables.
        if (ctx.on("reference")) {
            receipts.reference(s, ctx, counts, steps, decisions);
        }
        if (ctx.on("payer_amount")) {
            receipts.payerAmount(s, ctx, counts, steps);
        }
        steps.add(() -> exec(s,
                """
                        create temp table mr_open on commit drop as
                        select r.id, r.customer_id, r.currency, r.amount_minor - r.paid_minor as outstanding, r.due_date
                        from receivables r
                        where r.company_id = %d and r.status in ('open', 'partially_paid') and r.currency in (select distinct currency from mr_receipt)
                          and not exists (select 1 from mr_held h where h.id = r.id)"""
                        .formatted(ctx.companyId())));
        steps.add(() -> exec(s, "create index on mr_open (customer_id)"));
        steps.add(() -> exec(s, "create index on mr_open (currency, outstanding, due_date)"));
        steps.add(() -> exec(s, "analyze mr_open"));
        if (ctx.on("one_to_many")) {
            receipts.oneToMany(s, ctx, counts, steps);
        }
        if (ctx.on("amount_date")) {
            receipts.amountDate(s, ctx, counts, steps);
        }
        if (ctx.full()) {
            receipts.receiptAbsence(s, ctx, counts, steps);
        }
        steps.add(() -> count(s, "select (select count(*) from mr_rec) + (select count(*) from mr_payout)")
                .chain(rest -> progress.processed(sizes[0] - rest)));

        // 2. Our records to the provider's bill.
        if (ctx.walletAccount() && ctx.on("record_statement")) {
            records.records(s, ctx, counts, steps);
        }
        steps.add(() -> count(s, "select count(*) from mr_payout").chain(rest -> progress.processed(sizes[0] - rest)));

        // 3. Settlements to the bank.
        if (ctx.walletAccount() && ctx.on("settlement")) {
            settlements.settlements(s, ctx, counts, steps);
        }
        // 4. The company's bank journal to the bank's lines.
        if (!ctx.walletAccount()) {
            ledger.ledger(s, ctx, counts, steps);
        }
        autoResolve(s, ctx, steps);
        steps.add(() -> progress.processed(sizes[0]));
        return steps.run().replaceWith(counts);
    }

    /**
     * Exceptions whose subject a later run (or a person) has since matched are closed, with the run as reason.
     * What this run raised is still open by definition, and leaving it out keeps the candidates few.
     */
    private void autoResolve(Mutiny.Session s, RunContext ctx, Steps steps) {
        steps.add(() -> exec(s,
                """
                        update recon_exceptions e set status = 'resolved', resolved_by = 'matching', resolved_at = now(), updated_at = now(),
                               resolution_reason = 'Matched by run %2$d'
                        where e.account_id = %1$d and e.status = 'open' and e.run_id is distinct from %2$d
                          and %3$s and (
                           (e.type in ('unmatched_receipt', 'ambiguous') and exists (select 1 from match_items mi where mi.match_kind = 'receipt_receivable'
                                and mi.item_type = 'transaction' and mi.item_id = e.transaction_id and mi.live))
                        or (e.type in ('unidentified_receipt', 'ambiguous') and e.statement_line_id is not null
                            and exists (select 1 from match_items mi where mi.match_kind in ('receipt_receivable', 'settlement_bank')
                                and mi.item_type = 'statement_line' and mi.item_id = e.statement_line_id and mi.live))
                        or (e.type = 'missing_in_provider' and exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                and mi.item_type = 'transaction' and mi.item_id = e.transaction_id and mi.live))
                        or (e.type in ('settlement_not_arrived', 'ambiguous') and exists (select 1 from match_items mi where mi.match_kind = 'settlement_bank'
                                and mi.item_id = coalesce(e.transaction_id, e.statement_line_id)
                                and mi.item_type = case when e.transaction_id is not null then 'transaction' else 'statement_line' end and mi.live))
                        or (e.type = 'missing_in_records' and exists (select 1 from transactions t where t.id = e.transaction_id
                                and t.source = 'webhook'))
                        or (e.type = 'unpaid_receivable' and exists (select 1 from receivables r where r.id = e.receivable_id and r.status = 'paid')))"""
                        .formatted(ctx.accountId(), ctx.runId(), ctx.open("e.business_date"))));
    }

    /** The currencies a run can pay receivables in: its account's and those of its receipts. */
    private static Set<String> runCurrencies(String accountCurrency, String receiptCurrencies) {
        Set<String> all = new TreeSet<>(List.of(accountCurrency));
        if (!receiptCurrencies.isEmpty()) {
            all.addAll(List.of(receiptCurrencies.split(",")));
        }
        return all;
    }

    static Uni<Void> exec(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql).executeUpdate().replaceWithVoid();
    }

    /**
     * A statement with positional binds ?1, ?2, … in the order given. A JSON document of values computed in Java is
     * bound as text and read as {@code cast(cast(?1 as text) as json)} (a bind typed json would be one JSON string).
     */
    static Uni<Void> execBound(Mutiny.Session s, String sql, Object... binds) {
        Mutiny.Query<Object> q = s.createNativeQuery(sql);
        for (int i = 0; i < binds.length; i++) {
            q.setParameter(i + 1, binds[i]);
        }
        return q.executeUpdate().replaceWithVoid();
    }

    static Uni<Long> count(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql, Long.class).getSingleResult();
    }

    static Uni<String> text(Mutiny.Session s, String sql) {
        return s.createNativeQuery(sql, String.class).getSingleResult();
    }

    /** A single text value (null when the row's value is) of a statement with positional binds ?1, ?2, …. */
    static Uni<String> textBound(Mutiny.Session s, String sql, Object... binds) {
        Mutiny.SelectionQuery<String> q = s.createNativeQuery(sql, String.class);
        for (int i = 0; i < binds.length; i++) {
            q.setParameter(i + 1, binds[i]);
        }
        return q.getSingleResult();
    }

    /** Where a run reports how far it is; written outside the run's transaction so that readers see it move. */
    interface Progress {
        Uni<Void> total(long items);

        Uni<Void> processed(long items);
    }

    /** A sequence of statements on one session, run one after the other. */
    static final class Steps {
        private final List<Supplier<Uni<Void>>> steps = new ArrayList<>();

        void add(Supplier<Uni<Void>> step) {
            steps.add(step);
        }

        Uni<Void> run() {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Supplier<Uni<Void>> step : steps) {
                chain = chain.chain(() -> step.get());
            }
            return chain;
        }
    }
}
