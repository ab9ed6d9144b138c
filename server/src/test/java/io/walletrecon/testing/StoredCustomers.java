package io.walletrecon.testing;

/**
 * What the customer features stored, read behind the API's back, so that assertions name what they check (a
 * customer's code, a transaction's linked customer, an audit row) and the SQL lives here once.
 */
public final class StoredCustomers {

    private StoredCustomers() {
    }

    public static String collectionCodeOf(long customerId) {
        return TestDb.scalar("select collection_code from customers where id = ?", customerId);
    }

    /** The customer a collection code was issued to, or 0. */
    public static long ownerOfCode(String code) {
        return TestDb.count("select customer_id from collection_codes where code = ?", code);
    }

    /** The customer the account's transaction is linked to, or 0 when it is linked to none. */
    public static long customerOfTransaction(long accountId, String providerTxnId) {
        return TestDb.count("select customer_id from transactions where account_id = ? and provider_txn_id = ?",
                accountId, providerTxnId);
    }

    public static long payerIdentitiesOf(long customerId) {
        return TestDb.count("select count(*) from payer_identities where customer_id = ?", customerId);
    }

    /** How many audit rows record {@code action} on the customer. */
    public static long audited(String action, long customerId) {
        return TestDb.count(
                "select count(*) from audit_log where action = ? and entity_type = 'customer' and entity_id = ?",
                action,
                Long.toString(customerId));
    }
}
