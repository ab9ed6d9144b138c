package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/**
 * The read views of payment orders, one JSON object per order built by PostgreSQL (so the detail view is one query,
 * not one per collection). Rows are JSON text; {@link PaymentViews} turns them into {@link PaymentView}s.
 */
@ApplicationScoped
public class PaymentViewRepository extends SessionSqlRepository {

    private static final String HEAD = """
            select json_build_object('id', p.id, 'type', p.type, 'company', (select c.code from companies c where c.id = a.company_id), 'account', a.code,
                'beneficiary', json_build_object('id', b.id, 'kind', b.kind, 'name', p.beneficiary_name, 'masked', b.masked
            """;

    /**
     * The detail view names the beneficiary in full, as this order does: the wallet identity, or the bank account
     * (decrypted by {@link PaymentViews}) with the order's BIC or CNAPS code and account name. Lists show the masked
     * form only.
     */
    private static final String BENEFICIARY_IDENTITY = """
            , 'walletIdentity', case when b.kind = 'wallet' then b.beneficiary_key end, 'bankCode', p.beneficiary_bank_code
            , 'accountCiphertext', encode(b.account_ciphertext, 'base64'), 'beneficiaryKey', b.beneficiary_key
            , 'accountNameCiphertext', encode(p.beneficiary_account_name, 'base64')
            """;

    private static final String ORDER = """
                ),
                'amountMinor', p.amount_minor, 'currency', p.currency, 'reference', p.reference, 'refundOf', p.refund_of,
                'executeOn', p.execute_on, 'recurrence', p.recurrence, 'seriesId', p.series_id, 'state', p.state, 'holdReason', p.hold_reason,
                'approvalsRequired', p.approvals_required, 'channel', p.channel, 'providerPaymentId', p.provider_payment_id,
                'processedMinor', p.processed_minor, 'failureReason', p.failure_reason, 'createdBy', p.created_by, 'createdAt', p.created_at,
                'submittedAt', p.submitted_at, 'finishedAt', p.finished_at,
                'bankStatus', p.bank_status, 'bankStatusCode', p.bank_status_code, 'bankReasonCode', p.bank_reason_code,
                'bankReason', p.bank_reason, 'bankStatusAt', p.bank_status_at
            """;

    private static final String DETAILS = """
            , 'approvals', coalesce((select json_agg(json_build_object('decision', x.decision, 'approver', x.approver, 'comment', x.comment,
                  'at', x.decided_at) order by x.id) from payment_approvals x where x.payment_id = p.id), '[]')
            , 'attempts', coalesce((select json_agg(json_build_object('attemptNo', x.attempt_no, 'outcome', x.outcome, 'httpStatus', x.http_status,
                  'providerPaymentId', x.provider_payment_id, 'error', x.error, 'startedAt', x.started_at, 'finishedAt', x.finished_at) order by x.id)
                  from payment_attempts x where x.payment_id = p.id), '[]')
            , 'history', coalesce((select json_agg(json_build_object('from', x.from_state, 'to', x.to_state, 'actor', x.actor, 'reason', x.reason,
                  'at', x.at) order by x.id) from payment_history x where x.payment_id = p.id), '[]')
            , 'occurrenceIds', (select json_agg(x.id order by x.execute_on) from payment_orders x where p.series_id is not null and x.series_id = p.series_id)
            , 'idempotencyKey', p.idempotency_key
            """;

    private static final String FROM = """
            )::text from payment_orders p join accounts a on a.id = p.account_id join beneficiaries b on b.id = p.beneficiary_id
            """;

    /** One order in full: beneficiary identity, approvals, attempts, history, occurrences. */
    static final String DETAIL = HEAD + BENEFICIARY_IDENTITY + ORDER + DETAILS + FROM + " where p.id = ?1";

    /**
     * The list filters, each optional: state, execution dates, beneficiary (name contains, or masked form), company (an
     * order's beneficiary is its paying account's company's).
     */
    private static final String FILTERS = """
             where (cast(?1 as text) is null or p.state = ?1) and (cast(?2 as date) is null or p.execute_on >= ?2)
              and (cast(?3 as date) is null or p.execute_on <= ?3)
              and (cast(?4 as text) is null or p.beneficiary_name ilike '%' || ?4 || '%' or b.masked = ?4)
              and (cast(?5 as bigint) is null or b.company_id = ?5)
            """;

    static final String COUNT = "select count(*) from payment_orders p join beneficiaries b on b.id = p.beneficiary_id"
            + FILTERS;

    static final String PAGE = HEAD + ORDER + FROM + FILTERS
            + " order by p.execute_on desc, p.id desc limit ?6 offset ?7";

    /** The filters of a list; {@code beneficiary} is matched literally ({@code %} and {@code _} are not wildcards). */
    record Filter(String state, LocalDate from, LocalDate to, String beneficiary, Long companyId) {

        String pattern() {
            return beneficiary == null || beneficiary.isBlank()
                    ? null
                    : beneficiary.replace("%", "\\%").replace("_", "\\_");
        }
    }

    /** The detail row of order {@code id}, or null. */
    Uni<String> detail(long id) {
        return nativeFirst(DETAIL, String.class, id);
    }

    Uni<Long> count(Filter f) {
        return nativeFirst(COUNT, Long.class, f.state(), f.from(), f.to(), f.pattern(), f.companyId());
    }

    Uni<List<String>> page(Filter f, int size, long offset) {
        return nativeList(PAGE, String.class, f.state(), f.from(), f.to(), f.pattern(), f.companyId(), size, offset);
    }
}
