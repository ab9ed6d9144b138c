package io.walletrecon.matching;

import io.walletrecon.intake.TransactionMerge;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import io.walletrecon.statements.ProviderIds;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import static io.walletrecon.matching.MatchRulesRepository.KIND_RECORD;
import static io.walletrecon.matching.MatchRulesRepository.exec;
import static io.walletrecon.matching.MatchRulesRepository.text;

/**
 * Our records to the provider's bill. A transaction meets the bill line that carries the id our records key it on
 * ({@link ProviderIds#RECORD_KEY_SQL}: a Stripe PaymentIntent meets the charge line naming it, a WeChat Pay refund
 * the bill's refund row), so one real payment is one match; the bill's fee then becomes the transaction's. In a
 * full run, a bill payment nobody notified us of is first recorded as a transaction of the bill
 * ({@link #learnFromBill}), which pays its invoice like any receipt; what stays on one side only is raised
 * (missing in the provider's bill, or never notified to us).
 */
@ApplicationScoped
class RecordRules {

    /** An audit row lists at most this many transaction ids (and says how many there were). */
    static final int AUDIT_IDS = 1000;

    private final MatchWriter writer;

    RecordRules(MatchWriter writer) {
        this.writer = writer;
    }

    /**
     * Records every bill payment line of the run's period that no transaction has (by the record key) as a
     * transaction of source {@code bill}: succeeded, the line's gross, fee, reference and payer. A line that shares
     * its key with another line, or a Stripe charge whose report names no PaymentIntent (its notification, keyed by
     * the PaymentIntent, could not find it), is left to {@code missing_in_records}. Each is an informational
     * {@code missing_in_records} exception carrying the net amount received. Must run before the receipts are staged.
     */
    void learnFromBill(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_learnt (lid bigint primary key, tid bigint not null, txn_key text not null,
                            gross bigint not null, fee bigint, currency text not null, value_date date not null) on commit drop"""));
        steps.add(() -> exec(s,
                """
                        with cand as (
                          select l.id as lid, %3$s as txn_key, l.amount_minor, l.fee_minor, l.currency, l.value_date,
                                 l.merchant_reference, l.counterparty_account, l.remittance_info,
                                 count(*) over (partition by %3$s) as n
                          from statement_lines l
                          where l.account_id = %1$d and l.kind = 'payment' and l.amount_minor > 0 and l.provider_txn_id is not null
                            and %2$s and %4$s and %7$s
                            and not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                            and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                        ), ins as (
                          insert into transactions (account_id, provider_txn_id, kind, direction, amount_minor, fee_minor, currency,
                              status, payer_kind, payer_identity, merchant_reference, description, occurred_at, value_date, source)
                          select %1$d, c.txn_key, 'payment', 'in', c.amount_minor, c.fee_minor, c.currency, 'succeeded',
                                 case when c.counterparty_account is not null then %5$s end, c.counterparty_account,
                                 c.merchant_reference, c.remittance_info,
                                 cast(c.value_date as timestamp) at time zone (select a.time_zone from accounts a where a.id = %1$d),
                                 c.value_date, '%6$s'
                          from cand c
                          where c.n = 1
                            and not exists (select 1 from transactions t where t.account_id = %1$d and t.provider_txn_id = c.txn_key)
                          order by c.lid
                          on conflict (account_id, provider_txn_id) do nothing
                          returning id, provider_txn_id
                        )
                        insert into mr_learnt (lid, tid, txn_key, gross, fee, currency, value_date)
                        select c.lid, i.id, c.txn_key, c.amount_minor, c.fee_minor, c.currency, c.value_date
                        from ins i join cand c on c.txn_key = i.provider_txn_id and c.n = 1"""
                        .formatted(ctx.accountId(), ctx.lineScope("l"), ProviderIds.recordKey("l"),
                                learnable(ctx.provider()), payerKind(ctx.provider()), TransactionMerge.SOURCE_BILL,
                                ProviderIds.tradeLine("l"))));
        steps.add(() -> text(s, """
                select cast(json_build_object('count', count(*),
                    'ids', coalesce(json_agg(tid order by tid) filter (where rn <= %d), '[]')) as text)
                from (select tid, row_number() over (order by tid) as rn from mr_learnt) x""".formatted(AUDIT_IDS))
                .invoke(counts::learntFromBill).replaceWithVoid());
        steps.add(() -> writer.exceptions(s, counts,
                """
                        insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                            transaction_id, statement_line_id, business_date, detail, dedupe_key)
                        select %d, %d, 'missing_in_records', currency, 0, gross - coalesce(fee, 0), gross - coalesce(fee, 0), tid, lid,
                               value_date,
                               'Learnt from the provider''s bill: ' || txn_key || ' was never notified to us; recorded from the bill as received '
                                   || (gross - coalesce(fee, 0)) || ' (' || gross || ' less fee ' || coalesce(fee, 0) || ')',
                               'missing_in_records:line:' || lid
                        from mr_learnt order by lid"""
                        .formatted(ctx.accountId(), ctx.runId())));
    }

    /**
     * Which bill payment lines can be recorded as transactions: those whose record key is the id a later
     * notification of the same payment is keyed by (a Stripe line only when it names its PaymentIntent).
     */
    static String learnable(String provider) {
        return "stripe".equals(provider)
                ? "l.details ->> '" + ProviderIds.PAYMENT_INTENT_ID + "' is not null"
                : "true";
    }

    /** The payer identity kind of a bill line's counterparty account, as the provider's notifications name it. */
    static String payerKind(String provider) {
        return switch (provider) {
            case "wechatpay" -> "'wechat_openid'";
            case "stripe" -> "'stripe_customer'";
            // The Alipay bill shows the buyer's masked logon, not the buyer_id the notifications carry.
            default -> "cast(null as text)";
        };
    }

    void records(Mutiny.Session s, RunContext ctx, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_recp on commit drop as
                        select * from (
                          select t.id as tid, l.id as lid, t.signed, l.amount_minor as lamt, l.fee_minor as lfee, l.kind,
                                 t.currency, t.value_date,
                                 count(*) over (partition by t.id) as n_t, count(*) over (partition by l.id) as n_l
                          from mr_rec t
                          join statement_lines l on l.account_id = %d and %s = t.provider_txn_id and l.kind = t.kind
                          where not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                            and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                            and not exists (select 1 from mr_blocked b where b.kind = 'record_statement' and b.left_id = t.id and b.right_id = l.id)
                            and %s
                        ) x where n_t = 1 and n_l = 1"""
                        .formatted(ctx.accountId(), ProviderIds.recordKey("l"), ProviderIds.tradeLine("l"))));
        steps.add(() -> exec(s, """
                insert into mr_m (grp, rule, confidence, status, currency, left_total, right_total)
                select tid, 'provider_txn_id', 1, 'confirmed', currency, signed, lamt from mr_recp"""));
        steps.add(() -> exec(s, """
                insert into mr_i (grp, side, item_type, item_id, amount)
                select tid, 'left', 'transaction', tid, signed from mr_recp
                union all
                select tid, 'right', 'statement_line', lid, lamt from mr_recp"""));
        steps.add(() -> writer.persist(s, ctx, KIND_RECORD, counts));
        fees(s, counts, steps);
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
            // What the bill has and no transaction has under its record key (refunds, lines learnFromBill left):
            // the amount is what we actually got, net of the provider's fee.
            steps.add(() -> writer.exceptions(s, counts,
                    """
                            insert into recon_exceptions (account_id, run_id, type, currency, expected_minor, actual_minor, difference_minor,
                                statement_line_id, business_date, detail, dedupe_key)
                            select %1$d, %2$d, 'missing_in_records', l.currency, 0, l.amount_minor - coalesce(l.fee_minor, 0),
                                   l.amount_minor - coalesce(l.fee_minor, 0), l.id, l.value_date,
                                   'The provider''s bill has ' || %4$s || ' which was never notified to us',
                                   'missing_in_records:line:' || l.id
                            from statement_lines l
                            where l.account_id = %1$d and l.kind in ('payment', 'refund') and l.provider_txn_id is not null and %3$s
                              and %5$s
                              and not exists (select 1 from mr_recp p where p.lid = l.id)
                              and not exists (select 1 from match_items mi where mi.match_kind = 'record_statement'
                                              and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)
                              and not exists (select 1 from transactions t where t.account_id = %1$d and t.provider_txn_id = %4$s)
                            order by l.id"""
                            .formatted(ctx.accountId(), ctx.runId(), ctx.lineScope("l"), ProviderIds.recordKey("l"),
                                    ProviderIds.tradeLine("l"))));
        }
    }

    /**
     * A matched payment takes the bill's fee: filled in where the notification had none; where both have one and
     * they differ, the bill's figure wins (it is what the provider kept) and the correction is audited at the run's
     * end. A refund line's fee is usually negative: the part of the payment's fee the provider gives back (the parsers
     * write every fee as what the provider charged), so fees add up to the bill's own fee total.
     */
    private void fees(Mutiny.Session s, RunCounts counts, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_fee on commit drop as
                        select p.tid, t.fee_minor as notified, p.lfee as billed
                        from mr_recp p join transactions t on t.id = p.tid
                        where p.kind in ('payment', 'refund') and p.lfee is not null and t.fee_minor is distinct from p.lfee"""));
        steps.add(() -> exec(s, """
                update transactions t set fee_minor = f.billed, updated_at = now(), version = t.version + 1
                from mr_fee f where t.id = f.tid"""));
        steps.add(() -> text(s,
                """
                        select cast(json_build_object('filled', count(*) filter (where notified is null),
                            'corrected', count(*) filter (where notified is not null),
                            'corrections', coalesce(json_agg(json_build_object('transaction', tid, 'notifiedFee', notified,
                                'billFee', billed) order by tid) filter (where notified is not null and rn <= %d), '[]')) as text)
                        from (select f.*, row_number() over (partition by f.notified is null order by f.tid) as rn from mr_fee f) x"""
                        .formatted(AUDIT_IDS))
                .invoke(counts::feesFromBill).replaceWithVoid());
    }
}
