package io.walletrecon.foundation;

import io.quarkus.test.junit.QuarkusTest;
import io.walletrecon.testing.Accounts;
import io.walletrecon.testing.TestDb;
import io.walletrecon.testing.TestData;
import io.walletrecon.testing.TestJwt;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
class AuditChainTest {

    private static final String ADMIN = TestJwt.bearer("auditor", "admin");

    @Test
    void editedAuditRowIsDetectedAndNamed() {
        String code = TestData.unique("chain");
        Accounts.createBank(code, "EUR", "Europe/Berlin");
        Accounts.createBank(TestData.unique("chain"), "EUR", "Europe/Berlin");
        long id = TestDb.count("select id from audit_log where entity_id = ? and action = 'account.created'", code);

        given().header("Authorization", ADMIN).get("/admin/audit/verify")
                .then().statusCode(200).body("intact", equalTo(true)).body("rowsChecked", greaterThanOrEqualTo(2));

        String original = TestDb.scalar("select actor from audit_log where id = ?", id);
        TestDb.update("update audit_log set actor = 'someone-else' where id = ?", id);
        try {
            given().header("Authorization", ADMIN).get("/admin/audit/verify")
                    .then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenId", equalTo((int) id))
                    .body("problem", equalTo("row " + id + " does not match its hash (its content was edited)"));
        } finally {
            TestDb.update("update audit_log set actor = ? where id = ?", original, id);
        }
        given().header("Authorization", ADMIN).get("/admin/audit/verify").then().body("intact", equalTo(true));
    }

    @Test
    void eachRowLinksToTheHashOfTheRowBeforeIt() {
        String code = TestData.unique("chain-del");
        Accounts.createBank(code, "EUR", "Europe/Berlin");
        Accounts.createBank(TestData.unique("chain-del"), "EUR", "Europe/Berlin");
        long id = TestDb.count("select id from audit_log where entity_id = ? and action = 'account.created'", code);
        long next = TestDb.count("select min(id) from audit_log where id > ?", id);
        String prevOfNext = TestDb.scalar("select prev_hash from audit_log where id = ?", next);
        String hashOfRow = TestDb.scalar("select hash from audit_log where id = ?", id);
        org.junit.jupiter.api.Assertions.assertEquals(hashOfRow, prevOfNext,
                "each row links to the hash of the row before it");
    }
}
