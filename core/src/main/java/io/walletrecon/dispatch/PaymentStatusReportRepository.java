package io.walletrecon.dispatch;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The bank's payment status reports and what they change on the orders they name, in the caller's Hibernate session
 * and transaction. A report is claimed by inserting it first: unique by content (SHA-256) and by its MsgId, so the
 * same report twice, or at once from two requests, is applied once.
 */
@ApplicationScoped
public class PaymentStatusReportRepository extends SessionSqlRepository {

    static final String STORED_BY_SHA = "select cast(result as text) from payment_status_reports where sha256 = ?1";

    static final String SHA_OF_MESSAGE = "select sha256 from payment_status_reports where message_id = ?1";

    static final String CLAIM = """
            insert into payment_status_reports (message_id, sha256, received_by, result) values (?1, ?2, ?3, cast('{}' as jsonb))
            on conflict do nothing returning id""";

    static final String SAVE_RESULT = "update payment_status_reports set result = cast(cast(?2 as text) as jsonb) where id = ?1";

    /** The bank-file order with end-to-end id {@code ?2}, locked: {@code id|state}. */
    static final String LOCK_BY_END_TO_END_ID = """
            select p.id || '|' || p.state from payment_orders p where p.channel = ?1 and p.provider_payment_id = ?2 for update""";

    /** The end-to-end ids of the orders a pain.001 message carried, in order. */
    static final String END_TO_END_IDS_OF_MESSAGE = """
            select p.provider_payment_id from payment_orders p join bank_files f on f.id = p.bank_file_id
            where f.message_id = ?1 and p.provider_payment_id is not null order by p.id""";

    static final String SET_BANK_STATUS = """
            update payment_orders set bank_status = ?2, bank_status_code = ?3, bank_reason_code = cast(?4 as text),
                bank_reason = cast(?5 as text), bank_status_at = now(), updated_at = now(), version = version + 1
            where id = ?1""";

    /** The order fails with the bank's reason, if it is still in state {@code ?4}. */
    static final String FAIL = """
            update payment_orders set state = ?2, failure_reason = ?3, finished_at = now(), updated_at = now(), version = version + 1
            where id = ?1 and state = ?4""";

    /** An order as a report finds it. */
    record Order(long id, PaymentState state) {
    }

    /** The result stored for a report of this content (a JSON object), or null. */
    Uni<String> storedBySha(String sha256) {
        return nativeFirst(STORED_BY_SHA, String.class, sha256);
    }

    /** The content hash of the report stored under {@code messageId}, or null. */
    Uni<String> shaOfMessage(String messageId) {
        return nativeFirst(SHA_OF_MESSAGE, String.class, messageId);
    }

    /** The new report's id, or null when a report with this MsgId or content is already stored. */
    Uni<Long> claim(String messageId, String sha256, String actor) {
        return nativeFirst(CLAIM, Long.class, messageId, sha256, actor);
    }

    Uni<Void> saveResult(long id, String resultJson) {
        return nativeUpdate(SAVE_RESULT, id, resultJson).replaceWithVoid();
    }

    /** The bank-file order of {@code endToEndId}, locked; null when there is none. */
    Uni<Order> lockByEndToEndId(String endToEndId) {
        return nativeFirst(LOCK_BY_END_TO_END_ID, String.class, DispatchChannel.BANK_FILE.code(), endToEndId)
                .map(row -> row == null
                        ? null
                        : new Order(Long.parseLong(row.substring(0, row.indexOf('|'))),
                                PaymentState.of(row.substring(row.indexOf('|') + 1))));
    }

    Uni<List<String>> endToEndIdsOfMessage(String messageId) {
        return nativeList(END_TO_END_IDS_OF_MESSAGE, String.class, messageId);
    }

    Uni<Void> setBankStatus(long id, BankStatus status, String isoCode, String reasonCode, String reason) {
        return nativeUpdate(SET_BANK_STATUS, id, status.code(), isoCode, reasonCode, reason).replaceWithVoid();
    }

    /** {@code from → FAILED} with {@code reason}; false when the order was no longer in {@code from}. */
    Uni<Boolean> fail(long id, PaymentState from, String reason) {
        PaymentStateMachine.require(id, from, PaymentState.FAILED);
        return nativeUpdate(FAIL, id, PaymentState.FAILED.code(), reason, from.code()).map(n -> n == 1);
    }
}
