package io.walletrecon.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.walletrecon.customers.PayerIdentities;
import io.walletrecon.dispatch.EndToEndId;
import io.walletrecon.matching.MatchRulesRepository.Steps;
import io.walletrecon.security.KeyService;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.walletrecon.matching.MatchRulesRepository.exec;
import static io.walletrecon.matching.MatchRulesRepository.execBound;
import static io.walletrecon.matching.MatchRulesRepository.textBound;

/**
 * A bank account's receipts: its credit lines of kind {@code payment} that are not a wallet's settlement (a live
 * settlement match names the line, or the line names a payout of one of the company's wallet accounts), staged as
 * {@code mr_receipt} with the same columns as a wallet run's, so that {@link ReceiptRules} runs the same rule
 * families over them. What only a bank line has is staged beside them, computed in Java because SQL cannot:
 * <ul>
 * <li>{@code mr_rkey}: the candidate keys each line's texts name ({@link RemittanceReferences}: creditor reference,
 * remittance text, end-to-end id, bank reference, in that order of priority), for the reference rule's equi-join to
 * {@code reference_key(...)} of the receivables;</li>
 * <li>{@code mr_cpty}: the lookup hash of each ordering account (the key of a {@code bank_account} payer identity,
 * keyed by the service's secret), so that a known payer names the customer.</li>
 * </ul>
 */
@ApplicationScoped
class BankReceiptRules {

    /** The fields of a bank line a reference is looked for in, in order of priority. */
    static final List<String> FIELDS = List.of("creditor_reference", "remittance_info", "end_to_end_id",
            "bank_reference");

    private final KeyService keys;
    private final ObjectMapper json;
    private final RunSettings settings;

    BankReceiptRules(KeyService keys, ObjectMapper json, RunSettings settings) {
        this.keys = keys;
        this.json = json;
        this.settings = settings;
    }

    void stage(Mutiny.Session s, RunContext ctx, Steps steps) {
        steps.add(() -> exec(s,
                """
                        create temp table mr_bline on commit drop as
                        select l.id, l.amount_minor, l.currency, l.value_date, l.counterparty_account, l.merchant_reference,
                               l.remittance_info, l.end_to_end_id, l.bank_reference, l.payout_id
                        from statement_lines l
                        where l.account_id = %d and l.kind = 'payment' and l.amount_minor > 0 and %s
                          and not exists (select 1 from match_items mi where mi.match_kind in ('receipt_receivable', 'settlement_bank')
                                          and mi.item_type = 'statement_line' and mi.item_id = l.id and mi.live)"""
                        .formatted(ctx.accountId(), ctx.lineScope("l"))));
        // A credit that names the end-to-end id of one of this account's payment orders is the bank returning that
        // payment ({@link DebitRules} returns the order): never a customer's receipt.
        steps.add(() -> exec(s,
                """
                        delete from mr_bline b
                        where (b.end_to_end_id like '%2$s%%' or strpos(upper(coalesce(b.remittance_info, '')), '%3$s') > 0)
                          and exists (select 1 from payment_orders p where p.account_id = %1$d and p.provider_payment_id in (
                                        select b.end_to_end_id
                                        union all
                                        select lower(m[1]) from regexp_matches(upper(coalesce(b.remittance_info, '')), '%4$s', 'g') as m))"""
                        .formatted(ctx.accountId(), EndToEndId.PREFIX, EndToEndId.PREFIX.toUpperCase(Locale.ROOT),
                                EndToEndId.IN_TEXT_REGEX)));
        // A credit from another account of the company is a transfer between its own accounts, matched by the paying
        // account's run: never a customer's receipt.
        steps.add(() -> exec(s, "delete from mr_bline b where b.counterparty_account is not null "
                + "and length(b.counterparty_account) < 80 and "
                + OwnAccounts.accountOf("b.counterparty_account", ctx.companyId(), ctx.accountId()) + " is not null"));
        // A credit that names a payout of one of the company's wallets is that wallet's settlement, matched by the
        // wallet's run: never a customer's receipt, even before the wallet's bill is in.
        // The payouts are staged with an index on their date, so that each line compares its texts only with the
        // payouts of its date window (a join of every line with every payout: 114 s for 100,000 lines and 3,000
        // payouts, 21 s this way); without payouts the lines are not read at all (a probe per line: 5.7 s at 1M).
        steps.add(() -> exec(s,
                """
                        create temp table mr_wpayout on commit drop as
                        select * from (
                          select coalesce(t.payout_id, t.provider_txn_id) as pid, t.value_date
                          from transactions t join accounts a on a.id = t.account_id
                          where a.company_id = %1$d and a.provider <> 'bank' and t.kind = 'payout'
                          union all
                          select coalesce(l.payout_id, l.provider_txn_id), l.value_date
                          from statement_lines l join accounts a on a.id = l.account_id
                          where a.company_id = %1$d and a.provider <> 'bank' and l.kind = 'payout'
                        ) p where p.pid is not null"""
                        .formatted(ctx.companyId())));
        steps.add(() -> exec(s, "create index on mr_wpayout (value_date)"));
        steps.add(() -> exec(s, "analyze mr_wpayout"));
        steps.add(() -> exec(s,
                """
                        delete from mr_bline b
                        where exists (select 1 from mr_wpayout)
                          and exists (select 1 from mr_wpayout p where p.value_date between b.value_date - %d and b.value_date
                                        and (b.payout_id = p.pid or b.bank_reference = p.pid or b.end_to_end_id = p.pid
                                             or strpos(coalesce(b.remittance_info, ''), p.pid) > 0))"""
                        .formatted(ctx.config().settlementAfterDays() + ctx.window())));
        steps.add(
                () -> exec(s, "create temp table mr_rkey (tid bigint not null, key text not null, field text not null, "
                        + "value text not null, prio int not null) on commit drop"));
        steps.add(() -> exec(s, "create temp table mr_cpty (raw text primary key, key text not null) on commit drop"));
        // Read a page of lines at a time (keyset by id), so that a run's memory does not grow with its lines.
        steps.add(() -> exec(s, "create unique index on mr_bline (id)"));
        steps.add(() -> exec(s, "analyze mr_bline"));
        steps.add(() -> keyPages(s, 0L));
        steps.add(() -> exec(s, "analyze mr_rkey"));
        steps.add(() -> exec(s,
                """
                        create temp table mr_receipt on commit drop as
                        select b.id, b.amount_minor as amt, b.currency,
                               left(coalesce(b.merchant_reference, b.remittance_info, b.end_to_end_id, b.bank_reference), 140) as ref,
                               cast(null as text) as code,
                               nullif(upper(regexp_replace(coalesce(b.counterparty_account, ''), '[[:space:].-]', '', 'g')), '') as payer_identity,
                               b.value_date, cast(b.value_date as timestamp) as occurred_at, pi.customer_id, %s as tol
                        from mr_bline b
                        left join mr_cpty k on k.raw = b.counterparty_account
                        left join payer_identities pi on pi.company_id = %d and pi.kind = 'bank_account' and pi.identity_key = k.key"""
                        .formatted(ctx.tol("b.amount_minor"), ctx.companyId())));
    }

    /** Stages the keys of the lines after {@code after}, a page at a time, until none is left. */
    private Uni<Void> keyPages(Mutiny.Session s, long after) {
        return textBound(s, """
                select cast(json_agg(json_build_array(id, counterparty_account, merchant_reference, remittance_info,
                       end_to_end_id, bank_reference) order by id) as text)
                from (select * from mr_bline where id > ?1 order by id limit ?2) b""", after, settings.bankKeyPage())
                .chain(page -> page == null ? Uni.createFrom().voidItem() : keys(s, read(page)));
    }

    /** Computes a page's candidate keys and payer keys, stages them, and goes on with the next page if it was full. */
    private Uni<Void> keys(Mutiny.Session s, JsonNode lines) {
        ArrayNode rkeys = json.createArrayNode();
        ArrayNode payers = json.createArrayNode();
        Set<String> accounts = new HashSet<>();
        long last = 0;
        for (JsonNode line : lines) {
            long id = line.get(0).asLong();
            last = id;
            String account = line.get(1).isNull() ? null : line.get(1).asText();
            if (account != null && !account.isBlank() && accounts.add(account)) {
                payers.addObject().put("raw", account).put("key", PayerIdentities.bankAccountKey(keys, account));
            }
            Set<String> seen = new HashSet<>();
            for (int f = 0; f < FIELDS.size(); f++) {
                JsonNode text = line.get(f + 2);
                if (text.isNull()) {
                    continue;
                }
                for (RemittanceReferences.Candidate c : RemittanceReferences.candidates(text.asText())) {
                    if (seen.add(c.key())) {
                        ObjectNode k = rkeys.addObject();
                        k.put("tid", id).put("key", c.key()).put("field", FIELDS.get(f)).put("value", c.value())
                                .put("prio", f);
                    }
                }
            }
        }
        long next = last;
        boolean full = lines.size() == settings.bankKeyPage();
        return execBound(s, """
                insert into mr_rkey (tid, key, field, value, prio)
                select tid, key, field, value, prio from json_to_recordset(cast(cast(?1 as text) as json))
                    as x (tid bigint, key text, field text, value text, prio int)""", rkeys.toString())
                // An account seen on an earlier page is keyed already.
                .chain(() -> execBound(s, """
                        insert into mr_cpty (raw, key)
                        select raw, key from json_to_recordset(cast(cast(?1 as text) as json)) as x (raw text, key text)
                        on conflict (raw) do nothing""", payers.toString()))
                .chain(() -> full ? keyPages(s, next) : Uni.createFrom().voidItem());
    }

    private JsonNode read(String lines) {
        try {
            return json.readTree(lines);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable staged bank lines", e);
        }
    }
}
