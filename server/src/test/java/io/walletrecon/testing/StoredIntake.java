package io.walletrecon.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * What intake stored, read behind the API's back: the assertions of the webhook tests name what they check (an
 * event's state, a transaction's amount) and the SQL lives here once, so a schema change does not rewrite them.
 */
public final class StoredIntake {

    /**
     * A canonical transaction as stored; {@code lastChange} is its update time and version, to see that nothing
     * changed.
     */
    public record StoredTransaction(long id, String kind, long amountMinor, long refundedMinor, String currency,
            String status,
            String direction, String payerKind, String payerIdentity, String merchantReference,
            String description, String parentTxnId, LocalDate valueDate, String lastChange) {
    }

    /** A stored webhook event. */
    public record StoredEvent(long id, String providerEventId, String eventType, String state, String error,
            Long transactionId,
            byte[] body) {
    }

    private static final String TRANSACTION = "select id, kind, amount_minor, refunded_minor, currency, status, direction, "
            + "payer_kind, payer_identity, merchant_reference, description, parent_txn_id, value_date, "
            + "updated_at::text || '/' || version from transactions where account_id = ? and provider_txn_id = ?";
    private static final String EVENT = "select id, provider_event_id, event_type, state, error, transaction_id, body from webhook_events ";
    private static final String LATEST_EVENT = EVENT + "where account_id = ? order by id desc limit 1";
    private static final String EVENT_BY_ID = EVENT + "where provider_event_id = ? order by id desc limit 1";

    private StoredIntake() {
    }

    public static long accountId(String code) {
        return TestDb.count("select id from accounts where code = ?", code);
    }

    /** How many events are stored for the account. */
    public static long events(long accountId) {
        return TestDb.count("select count(*) from webhook_events where account_id = ?", accountId);
    }

    /** How many events with this provider event id are stored, for any account. */
    public static long eventsWithId(String providerEventId) {
        return TestDb.count("select count(*) from webhook_events where provider_event_id = ?", providerEventId);
    }

    /** How many rows the account has for this provider transaction id (0 or 1). */
    public static long transactions(long accountId, String providerTxnId) {
        return TestDb.count("select count(*) from transactions where account_id = ? and provider_txn_id = ?", accountId,
                providerTxnId);
    }

    /** How many transactions the account has. */
    public static long transactionsOf(long accountId) {
        return TestDb.count("select count(*) from transactions where account_id = ?", accountId);
    }

    /** How many audit rows record {@code action} on the webhook event. */
    public static long audited(String action, long webhookEventId) {
        return TestDb.count(
                "select count(*) from audit_log where action = ? and entity_type = 'webhook_event' and entity_id = ?",
                action, Long.toString(webhookEventId));
    }

    /** The account's transaction with this provider id, or null. */
    public static StoredTransaction transaction(long accountId, String providerTxnId) {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement(TRANSACTION)) {
            ps.setLong(1, accountId);
            ps.setString(2, providerTxnId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new StoredTransaction(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                                rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11),
                                rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14))
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's newest stored event, or null. */
    public static StoredEvent latestEvent(long accountId) {
        return event(LATEST_EVENT, accountId);
    }

    /** The newest stored event with this provider event id, or null. */
    public static StoredEvent event(String providerEventId) {
        return event(EVENT_BY_ID, providerEventId);
    }

    private static StoredEvent event(String sql, Object key) {
        try (Connection c = TestDb.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5),
                                rs.getObject(6, Long.class), rs.getBytes(7))
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
