package io.walletrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.walletrecon.customers.CollectionCodeService;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.List;

/**
 * The SQL of the match workbench's candidates: an exception's receipt as the rules read it, the company's
 * receivables that may be what it pays, and the live matches that hold an item. Binds only; what each candidate's
 * evidence says is {@link CandidateRules}'.
 */
@ApplicationScoped
public class CandidateRepository {

    /** The receipt of a wallet: ?1 the transaction, ?2 the company, ?3 the collection code pattern. */
    private static final String TRANSACTION = """
            select cast(json_build_object('id', t.id, 'amountMinor', t.amount_minor, 'currency', t.currency,
                'valueDate', t.value_date, 'merchantReference', t.merchant_reference, 'description', t.description,
                'code', substring(upper(coalesce(t.merchant_reference, '') || ' ' || coalesce(t.description, '')) from cast(?3 as text)),
                'payerAccount', t.payer_identity, 'customerId', coalesce(t.customer_id, pi.customer_id)) as text)
            from transactions t
            left join payer_identities pi on pi.company_id = ?2 and pi.kind = t.payer_kind and pi.identity_key = t.payer_identity
            where t.id = ?1""";
    /** A bank line: ?1 the line. */
    private static final String LINE = """
            select cast(json_build_object('id', l.id, 'amountMinor', l.amount_minor, 'currency', l.currency,
                'valueDate', l.value_date, 'creditorReference', l.merchant_reference, 'remittanceInfo', l.remittance_info,
                'endToEndId', l.end_to_end_id, 'bankReference', l.bank_reference, 'payerName', l.counterparty_name,
                'payerAccount', l.counterparty_account) as text)
            from statement_lines l where l.id = ?1""";
    /** The customer whose bank account payer identity has key ?2, in company ?1. */
    private static final String BANK_PAYER = """
            select customer_id from payer_identities where company_id = ?1 and kind = 'bank_account' and identity_key = ?2""";
    /** A receivable as an item: ?1. */
    private static final String RECEIVABLE = """
            select cast(json_build_object('id', r.id, 'amountMinor', r.amount_minor - r.paid_minor, 'currency', r.currency,
                'valueDate', r.due_date, 'reference', r.reference, 'collectionCode', r.collection_code,
                'customerId', r.customer_id) as text)
            from receivables r where r.id = ?1""";
    /**
     * The receivables of company ?1 in currency ?2 that a receipt may pay: named by one of the keys ?3
     * (comma-separated, a bank line's), equal to the wallet reference or code ?4/?5, its payer's customer's ?6, or of
     * an amount within ?7..?8 due within ?9..?10. At most 50, oldest due first.
     */
    private static final String RECEIVABLES = """
            select cast(json_build_object('id', r.id, 'reference', r.reference, 'collectionCode', r.collection_code,
                'customerId', r.customer_id, 'customerName', c.name, 'amountMinor', r.amount_minor,
                'paidMinor', r.paid_minor, 'currency', r.currency, 'dueDate', r.due_date, 'status', r.status) as text)
            from receivables r join customers c on c.id = r.customer_id
            where r.company_id = ?1 and r.currency = ?2 and r.status in ('open', 'partially_paid', 'paid')
              and (reference_key(r.reference) = any (string_to_array(cast(?3 as text), ','))
                   or reference_key(r.collection_code) = any (string_to_array(cast(?3 as text), ','))
                   or r.reference = cast(?4 as text) or r.collection_code = cast(?4 as text)
                   or r.collection_code = cast(?5 as text)
                   or (r.customer_id = cast(?6 as bigint) and r.status <> 'paid')
                   or (r.status <> 'paid' and r.amount_minor - r.paid_minor between ?7 and ?8
                       and r.due_date between cast(?9 as date) and cast(?10 as date)))
            order by r.due_date, r.id limit 50""";
    /** The live matches holding item ?2 of type ?1. */
    private static final String LIVE_MATCHES = """
            select distinct match_id from match_items where item_type = ?1 and item_id = ?2 and live order by 1""";

    /** A receipt's row, read from the JSON above (absent fields null). */
    record ReceiptRow(long id, long amountMinor, String currency, LocalDate valueDate, String merchantReference,
            String description, String code, String creditorReference, String remittanceInfo, String endToEndId,
            String bankReference, String payerName, String payerAccount, Long customerId, String reference,
            String collectionCode) {
    }

    /** A candidate receivable's row. */
    record ReceivableRow(long id, String reference, String collectionCode, long customerId, String customerName,
            long amountMinor, long paidMinor, String currency, LocalDate dueDate, String status) {
    }

    /** What the receivables query looks for. */
    record Search(long companyId, String currency, List<String> keys, String walletReference, String walletCode,
            Long customerId, long minMinor, long maxMinor, LocalDate dueFrom, LocalDate dueTo) {
    }

    private final ObjectMapper json;

    public CandidateRepository(ObjectMapper json) {
        this.json = json;
    }

    Uni<ReceiptRow> transaction(Mutiny.Session s, long id, long companyId) {
        return row(s.createNativeQuery(TRANSACTION, String.class).setParameter(1, id).setParameter(2, companyId)
                .setParameter(3, CollectionCodeService.SQL_CODE_PATTERN));
    }

    Uni<ReceiptRow> line(Mutiny.Session s, long id) {
        return row(s.createNativeQuery(LINE, String.class).setParameter(1, id));
    }

    Uni<ReceiptRow> receivable(Mutiny.Session s, long id) {
        return row(s.createNativeQuery(RECEIVABLE, String.class).setParameter(1, id));
    }

    private Uni<ReceiptRow> row(Mutiny.SelectionQuery<String> q) {
        return q.getResultList().map(rows -> rows.isEmpty()
                ? null
                : NativeQueries.read(json, rows.get(0), ReceiptRow.class));
    }

    /** The customer whose bank-account payer identity has lookup key {@code key}, or null. */
    Uni<Long> bankPayer(Mutiny.Session s, long companyId, String key) {
        return s.createNativeQuery(BANK_PAYER, Long.class).setParameter(1, companyId).setParameter(2, key)
                .getResultList().map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    Uni<List<ReceivableRow>> receivables(Mutiny.Session s, Search q) {
        return s.createNativeQuery(RECEIVABLES, String.class).setParameter(1, q.companyId())
                .setParameter(2, q.currency()).setParameter(3, String.join(",", q.keys()))
                .setParameter(4, q.walletReference()).setParameter(5, q.walletCode())
                .setParameter(6, q.customerId()).setParameter(7, q.minMinor()).setParameter(8, q.maxMinor())
                .setParameter(9, q.dueFrom()).setParameter(10, q.dueTo())
                .getResultList()
                .map(rows -> rows.stream().map(r -> NativeQueries.read(json, r, ReceivableRow.class)).toList());
    }

    Uni<List<Long>> liveMatches(Mutiny.Session s, String itemType, long itemId) {
        return s.createNativeQuery(LIVE_MATCHES, Long.class).setParameter(1, itemType).setParameter(2, itemId)
                .getResultList();
    }
}
