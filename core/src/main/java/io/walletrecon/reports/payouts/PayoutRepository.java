package io.walletrecon.reports.payouts;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.walletrecon.balances.BalanceRepository;
import io.walletrecon.matching.ExceptionStatus;
import io.walletrecon.matching.MatchStatus;
import io.walletrecon.reports.payouts.PayoutBreakdown.Component;
import io.walletrecon.transactions.TransactionStatus;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The payouts of a wallet account and what each contains, binds only ({@code $1} the account). A payout is what
 * matching settles against the bank: a transaction of kind {@code payout} (a Stripe or Standard Webhooks payout
 * notification), or a bill's payout line (a Stripe balance report's payout, an Alipay 提现, a WeChat Pay 提现 or 结算)
 * that no such transaction shows; its id is the provider's payout id. What it contains, in this order of preference:
 * <ol>
 * <li>the provider bill's lines that name it (a Stripe balance report's {@code automatic_payout_id}): the provider's
 * own account of the payout, each with its fee;</li>
 * <li>else our transactions that name it ({@code transactions.payout_id});</li>
 * <li>else, for a bill's withdrawal no line or transaction itemises (Alipay, WeChat Pay), the bill's movements since
 * the account's previous withdrawal in the currency: the balance it pays out.</li>
 * </ol>
 * The bank line it arrived as is the right side of its live settlement match ({@code settlement_bank}).
 */
@ApplicationScoped
public class PayoutRepository {

    /** The payouts of account $1: item type and id, the provider's payout id, amount (positive), currency, date. */
    static final String PAYOUTS = """
            payouts as (
              select p.*, coalesce(p.pid, p.item_type || '-' || p.item_id) as key
              from (
                select 'transaction'::text as item_type, t.id as item_id, coalesce(t.payout_id, t.provider_txn_id) as pid,
                       t.amount_minor as amount, t.currency, t.value_date
                from transactions t
                where t.account_id = $1 and t.kind = 'payout' and t.status <> '%1$s'
                union all
                select 'statement_line', l.id, coalesce(l.payout_id, l.provider_txn_id), -l.amount_minor, l.currency, l.value_date
                from statement_lines l
                where l.account_id = $1 and l.kind = 'payout' and l.amount_minor < 0
                  and not exists (select 1 from transactions t2 where t2.account_id = $1 and t2.kind = 'payout'
                                  and coalesce(t2.payout_id, t2.provider_txn_id) = coalesce(l.payout_id, l.provider_txn_id))
              ) p
            )"""
            .formatted(TransactionStatus.FAILED.code());

    /** A line {@code l} of account $1 that names payout {@code p}. */
    private static final String LINE_NAMES_PAYOUT = "l.account_id = $1 and l.payout_id = p.pid and l.kind <> 'payout'";

    /** A transaction {@code t} of account $1 that names payout {@code p}. */
    private static final String TRANSACTION_NAMES_PAYOUT = "t.account_id = $1 and t.payout_id = p.pid and t.kind <> 'payout' and t.status <> '"
            + TransactionStatus.FAILED.code() + "'";

    /**
     * The items of the payouts in {@code sel}: key, source (table), id, kind, date, signed amount (money in positive),
     * fee, the refunded part of a payment no refund row shows, provider id, reference, description, and the
     * {@link Component} they count under.
     */
    static final String ITEMS = """
            raw_items as (
              select p.key, 'statement_line'::text as source, l.id, l.kind, l.value_date, l.amount_minor::numeric as signed,
                     coalesce(l.fee_minor, 0)::numeric as fee, 0::numeric as unrowed_refund,
                     l.provider_txn_id as provider_id, l.merchant_reference as reference, l.remittance_info as description
              from sel p join statement_lines l on %1$s
              union all
              select p.key, 'transaction', t.id, t.kind, t.value_date,
                     (case when t.direction = 'in' then t.amount_minor else -t.amount_minor end)::numeric,
                     coalesce(t.fee_minor, 0)::numeric, (%3$s)::numeric,
                     t.provider_txn_id, t.merchant_reference, t.description
              from sel p join transactions t on %2$s
              where not exists (select 1 from statement_lines l where %1$s)
              union all
              select p.key, 'statement_line', l.id, l.kind, l.value_date, l.amount_minor::numeric,
                     coalesce(l.fee_minor, 0)::numeric, 0::numeric,
                     l.provider_txn_id, l.merchant_reference, l.remittance_info
              from sel p
              left join lateral (select l0.value_date, l0.id from statement_lines l0
                                 where l0.account_id = $1 and l0.kind = 'payout' and l0.amount_minor < 0 and l0.currency = p.currency
                                   and (l0.value_date, l0.id) < (p.value_date, p.item_id)
                                 order by l0.value_date desc, l0.id desc limit 1) prev on true
              join statement_lines l on l.account_id = $1 and l.currency = p.currency and l.kind <> 'payout' and l.payout_id is null
                   and (l.value_date, l.id) < (p.value_date, p.item_id)
                   and (prev.id is null or (l.value_date, l.id) > (prev.value_date, prev.id))
              where p.item_type = 'statement_line'
                and not exists (select 1 from statement_lines l where %1$s)
                and not exists (select 1 from transactions t where %2$s)
            ),
            items as (select i.*, %4$s as component from raw_items i)"""
            .formatted(LINE_NAMES_PAYOUT, TRANSACTION_NAMES_PAYOUT, BalanceRepository.REFUND_WITHOUT_ROW,
                    Component.sql());

    /** Each payout of {@code sel} with its breakdown, its settlement match and bank line, and its open exception. */
    static final String BREAKDOWN = """
            select p.key, p.pid, p.item_type, p.item_id, p.amount, p.currency, p.value_date,
                   coalesce(b.gross, 0) as gross, coalesce(b.fees, 0) as fees, coalesce(b.refunds, 0) as refunds,
                   coalesce(b.disputes, 0) as disputes, coalesce(b.adjustments, 0) as adjustments, coalesce(b.n, 0) as items,
                   arr.match_id, arr.match_status, arr.rule, arr.line_id, arr.bank_account, arr.line_date, arr.line_amount,
                   arr.line_currency, arr.bank_reference, arr.remittance_info,
                   exc.id as exception_id, exc.type as exception_type
            from sel p
            left join (select i.key, count(*) as n,
                              sum(case when i.component = '%1$s' then i.signed else 0 end) as gross,
                              sum(case when i.component = '%2$s' then -i.signed else 0 end + i.fee) as fees,
                              sum(case when i.component = '%3$s' then -i.signed else 0 end + i.unrowed_refund) as refunds,
                              sum(case when i.component = '%4$s' then -i.signed else 0 end) as disputes,
                              sum(case when i.component = '%5$s' then i.signed else 0 end) as adjustments
                       from items i group by i.key) b on b.key = p.key
            left join lateral (
              select m.id as match_id, m.status as match_status, m.rule, bl.id as line_id, ba.code as bank_account,
                     bl.value_date as line_date, bl.amount_minor as line_amount, bl.currency as line_currency,
                     bl.bank_reference, bl.remittance_info
              from match_items mi
              join matches m on m.id = mi.match_id
              join match_items mr on mr.match_id = m.id and mr.side = 'right' and mr.item_type = 'statement_line'
              join statement_lines bl on bl.id = mr.item_id
              join accounts ba on ba.id = bl.account_id
              where mi.match_kind = 'settlement_bank' and mi.side = 'left' and mi.item_type = p.item_type
                and mi.item_id = p.item_id and mi.live and m.status in ('%6$s', '%7$s')
              order by m.status = '%6$s' desc, m.id desc limit 1) arr on true
            left join lateral (
              select x.id, x.type from recon_exceptions x
              where x.account_id = $1 and x.type in ('settlement_not_arrived', 'ambiguous', 'settlement_difference', 'fx_difference')
                and x.status in ('%8$s', '%9$s')
                and (case when p.item_type = 'transaction' then x.transaction_id else x.statement_line_id end) = p.item_id
              order by x.id desc limit 1) exc on true
            order by p.value_date, p.item_type, p.item_id"""
            .formatted(Component.GROSS.code(), Component.FEES.code(), Component.REFUNDS.code(),
                    Component.DISPUTES.code(), Component.ADJUSTMENTS.code(), MatchStatus.CONFIRMED.code(),
                    MatchStatus.SUGGESTED.code(), ExceptionStatus.OPEN.code(), ExceptionStatus.IN_REVIEW.code());

    /** $1 account, $2 first date, $3 last date, $4 limit, $5 offset: the payouts valued in the period. */
    static final String IN_PERIOD = "with " + PAYOUTS + """
            ,
            sel as (select * from payouts where value_date between $2::date and $3::date
                    order by value_date, item_type, item_id limit $4 offset $5),
            """ + ITEMS + "\n" + BREAKDOWN;

    /** $1 account, $2 first date, $3 last date: how many payouts are valued in the period. */
    static final String COUNT_IN_PERIOD = "with " + PAYOUTS
            + "\nselect count(*) from payouts where value_date between $2::date and $3::date";

    /** $1 account, $2 payout id (or the generated key of a payout without one): that payout. */
    static final String ONE = "with " + PAYOUTS + """
            ,
            sel as (select * from payouts where key = $2 order by item_type desc, item_id limit 1),
            """ + ITEMS + "\n" + BREAKDOWN;

    /** $1 account, $2 payout id: the items of that payout, by date. */
    static final String ITEMS_OF_ONE = "with " + PAYOUTS + """
            ,
            sel as (select * from payouts where key = $2 order by item_type desc, item_id limit 1),
            """ + ITEMS + """

            select i.source, i.id, i.kind, i.component, i.value_date, i.signed, i.fee, i.unrowed_refund, i.provider_id,
                   i.reference, i.description
            from items i order by i.value_date, i.source, i.id""";

    private final Pool pool;

    public PayoutRepository(Pool pool) {
        this.pool = pool;
    }

    /** A payout with its breakdown and where it stands at the bank, as stored. */
    public record PayoutRow(String key, String payoutId, String itemType, long itemId, long amountMinor,
            String currency, LocalDate valueDate, PayoutBreakdown breakdown, long items, BankLineRow bankLine,
            String matchStatus, Long exceptionId, String exceptionType) {
    }

    /** The bank line a payout is matched to, with its match. */
    public record BankLineRow(long matchId, String matchStatus, String rule, long lineId, String account,
            LocalDate date, long amountMinor, String currency, String bankReference, String remittanceInfo) {
    }

    /** One item of a payout: a bill line or a transaction. */
    public record ItemRow(String source, long id, String kind, Component component, LocalDate valueDate,
            long signedMinor, long feeMinor, long refundWithoutRowMinor, String providerId, String reference,
            String description) {
    }

    /** The payouts of the account valued from {@code from} to {@code to}, a page of them. */
    public Uni<List<PayoutRow>> inPeriod(long accountId, LocalDate from, LocalDate to, long limit, long offset) {
        return pool.preparedQuery(IN_PERIOD).execute(Tuple.of(accountId, from, to, limit, offset))
                .map(rows -> {
                    List<PayoutRow> out = new ArrayList<>();
                    rows.forEach(r -> out.add(payout(r)));
                    return out;
                });
    }

    /** How many payouts of the account are valued from {@code from} to {@code to}. */
    public Uni<Long> countInPeriod(long accountId, LocalDate from, LocalDate to) {
        return pool.preparedQuery(COUNT_IN_PERIOD).execute(Tuple.of(accountId, from, to))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** The payout of the account with the provider's payout id {@code key}, if any. */
    public Uni<PayoutRow> one(long accountId, String key) {
        return pool.preparedQuery(ONE).execute(Tuple.of(accountId, key)).map(rows -> {
            var it = rows.iterator();
            return it.hasNext() ? payout(it.next()) : null;
        });
    }

    /** The items of the account's payout {@code key}, by date. */
    public Uni<List<ItemRow>> items(long accountId, String key) {
        return pool.preparedQuery(ITEMS_OF_ONE).execute(Tuple.of(accountId, key)).map(rows -> {
            List<ItemRow> out = new ArrayList<>();
            rows.forEach(r -> out.add(new ItemRow(r.getString("source"), r.getLong("id"), r.getString("kind"),
                    Component.valueOf(r.getString("component").toUpperCase(java.util.Locale.ROOT)),
                    r.getLocalDate("value_date"), exact(r, "signed"), exact(r, "fee"), exact(r, "unrowed_refund"),
                    r.getString("provider_id"), r.getString("reference"), r.getString("description"))));
            return out;
        });
    }

    private static PayoutRow payout(Row r) {
        PayoutBreakdown b = new PayoutBreakdown(r.getBigDecimal("gross").toBigIntegerExact(),
                r.getBigDecimal("fees").toBigIntegerExact(), r.getBigDecimal("refunds").toBigIntegerExact(),
                r.getBigDecimal("disputes").toBigIntegerExact(), r.getBigDecimal("adjustments").toBigIntegerExact());
        BankLineRow line = r.getLong("match_id") == null
                ? null
                : new BankLineRow(r.getLong("match_id"), r.getString("match_status"), r.getString("rule"),
                        r.getLong("line_id"), r.getString("bank_account"), r.getLocalDate("line_date"),
                        r.getLong("line_amount"), r.getString("line_currency"), r.getString("bank_reference"),
                        r.getString("remittance_info"));
        return new PayoutRow(r.getString("key"), r.getString("pid"), r.getString("item_type"), r.getLong("item_id"),
                r.getLong("amount"), r.getString("currency"), r.getLocalDate("value_date"), b, r.getLong("items"),
                line, r.getString("match_status"), r.getLong("exception_id"), r.getString("exception_type"));
    }

    private static long exact(Row r, String column) {
        BigDecimal v = r.getBigDecimal(column);
        return v.longValueExact();
    }
}
