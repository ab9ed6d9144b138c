package io.walletrecon.reports;

import io.walletrecon.reports.links.StatementLinkState;
import io.walletrecon.testing.TestDb;

/**
 * What the report tests check behind the API: the stored state of statement links, exports and their audit rows, read
 * in one place so that a change of schema changes this class and not the tests.
 */
final class ReportRecords {

    private ReportRecords() {
    }

    /** The state of a customer statement link as stored. */
    static StatementLinkState linkState(long linkId) {
        return StatementLinkState.of(TestDb.scalar("select state from customer_statement_links where id = ?", linkId));
    }

    /** The comment of the customer's confirmation of a statement, or null. */
    static String confirmationComment(long linkId) {
        return TestDb.scalar("select comment from customer_statement_answers where link_id = ? and kind = 'confirm'",
                linkId);
    }

    /** How many answers (confirmation and disputes) a statement link has. */
    static long answers(long linkId) {
        return TestDb.count("select count(*) from customer_statement_answers where link_id = ?", linkId);
    }

    /** Where an export's file was stored. */
    static String exportStorageKey(String exportId) {
        return TestDb.scalar("select storage_key from report_exports where id = ?::uuid", exportId);
    }

    /** How many audit rows of {@code action} name the entity. */
    static long audited(String action, Object entityId) {
        return TestDb.count("select count(*) from audit_log where action = ? and entity_id = ?", action,
                String.valueOf(entityId));
    }

    /** Who the audit row of {@code action} on the entity names as actor. */
    static String auditActor(String action, Object entityId) {
        return TestDb.scalar("select actor from audit_log where action = ? and entity_id = ?", action,
                String.valueOf(entityId));
    }

    /** The reason the audit row of {@code action} on the entity records. */
    static String auditReason(String action, Object entityId) {
        return TestDb.scalar("select reason from audit_log where action = ? and entity_id = ?", action,
                String.valueOf(entityId));
    }
}
