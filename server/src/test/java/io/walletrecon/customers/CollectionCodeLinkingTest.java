package io.walletrecon.customers;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.data.ReactiveBridge;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.StoredCustomers;
import io.walletrecon.testing.StoredIntake;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CollectionCodeLinkingTest {

    @Inject
    CollectionCodeService codes;

    @Test
    void resolvesACodeInAMemoToItsCustomer() {
        int id = CustomersApiTest.create(Map.of("name", "Memo payer"));
        String code = StoredCustomers.collectionCodeOf(id);
        var owner = ReactiveBridge.await(() -> codes.resolve("转账 付款码 " + code.toLowerCase() + " 三月货款")).orElseThrow();
        assertEquals(id, owner.customerId());
        assertNull(owner.receivableId());
        assertTrue(ReactiveBridge.await(() -> codes.resolve("no code here")).isEmpty());
    }

    @Test
    void linksTransactionsCarryingACodeOrAKnownPayerInOneSetBasedPass() {
        String account = TestData.unique("link");
        Accounts.createBank(account, "CNY", "Asia/Shanghai");
        long accountId = StoredIntake.accountId(account);
        String openid = TestData.unique("oPayer");
        int byCode = CustomersApiTest.create(Map.of("name", "By code"));
        int byIdentity = CustomersApiTest.create(Map.of("name", "By identity",
                "identities", List.of(Map.of("kind", "wechat_openid", "value", openid))));
        String code = StoredCustomers.collectionCodeOf(byCode);
        plant(accountId, "t1", "ORDER-" + code, null, null);
        plant(accountId, "t2", "ORDER-9", "memo " + code, null);
        plant(accountId, "t3", "ORDER-10", null, openid);
        plant(accountId, "t4", "ORDER-11", "nothing", "someone-else");

        var result = ReactiveBridge.await(() -> codes.linkTransactions(accountId, "test"));

        assertEquals(2, result.byCode());
        assertEquals(1, result.byPayerIdentity());
        assertEquals((long) byCode, StoredCustomers.customerOfTransaction(accountId, "t1"));
        assertEquals((long) byCode, StoredCustomers.customerOfTransaction(accountId, "t2"));
        assertEquals((long) byIdentity, StoredCustomers.customerOfTransaction(accountId, "t3"));
        assertEquals(0L, StoredCustomers.customerOfTransaction(accountId, "t4"));
    }

    private static void plant(long accountId, String txn, String reference, String description, String openid) {
        TestDb.update(
                "insert into transactions (account_id, provider_txn_id, direction, amount_minor, currency, status, occurred_at, value_date, "
                        + "merchant_reference, description, payer_kind, payer_identity) values (?, ?, 'in', 100, 'CNY', 'succeeded', now(), current_date, ?, ?, ?, ?)",
                accountId, txn, reference, description, openid == null ? null : "wechat_openid", openid);
    }
}
